import type { Scenario } from '../scenario';
import { buildGraph, type LintGraph } from './graph';
import { deepSyncChains, retriesAtManyLayers } from './paths';
import { queuesWithoutConsumer, sharedDatabase, syncCycles, syncWithoutTimeout, uncalledNodes } from './rules';
import { LINT_RULES, type LintFinding, type LintRuleId } from './types';

export { LINT_RULES, MAX_SYNC_HOPS } from './types';
export type { LintFinding, LintRule, LintRuleId, LintSeverity } from './types';

const RUNS: Readonly<Record<LintRuleId, (graph: LintGraph) => LintFinding[]>> = {
  'sync-cycle': syncCycles,
  'shared-database': sharedDatabase,
  'deep-sync-chain': deepSyncChains,
  'retries-at-many-layers': retriesAtManyLayers,
  'sync-without-timeout': syncWithoutTimeout,
  'queue-without-consumer': queuesWithoutConsumer,
  'uncalled-node': uncalledNodes,
};

/**
 * The architecture lint: pure, deterministic. Findings come errors first, then in the order of
 * LINT_RULES, and within a rule in scenario order (paths: the worst first).
 */
export function lintScenario(scenario: Scenario): LintFinding[] {
  const graph = buildGraph(scenario);
  const findings = LINT_RULES.flatMap((rule) => RUNS[rule.id](graph));
  const rank = (f: LintFinding) => (f.severity === 'error' ? 0 : 1);
  // Array.prototype.sort is stable, so the order within a severity stays that of LINT_RULES.
  return findings.sort((a, b) => rank(a) - rank(b));
}

/**
 * Why a scenario cannot run, in the words the app shows (empty: it can run). The app's Run
 * button and the CLI refuse the same scenarios: a blocking lint finding (a synchronous call
 * cycle, say), or no client to send traffic.
 */
export function runBlockers(scenario: Scenario): string[] {
  const blocking = lintScenario(scenario)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.title}: ${f.why}`);
  if (!scenario.nodes.some((n) => n.kind === 'client')) blocking.push('No client: add a client, or nothing sends traffic.');
  return blocking;
}
