import { displayName } from '../kinds';
import type { LintGraph } from './graph';
import { nth } from './graph';

export type LintRuleId =
  | 'shared-database'
  | 'deep-sync-chain'
  | 'sync-without-timeout'
  | 'retries-at-many-layers'
  | 'sync-cycle'
  | 'queue-without-consumer'
  | 'uncalled-node';

export type LintSeverity = 'warning' | 'error';

export interface LintFinding {
  /** Stable across runs: the rule id and the sorted ids the finding is about, e.g. `sync-cycle/a+b`. */
  readonly id: string;
  readonly rule: LintRuleId;
  readonly severity: LintSeverity;
  /** Nodes to mark on the canvas (path order for paths, scenario order otherwise). */
  readonly nodeIds: string[];
  readonly edgeIds: string[];
  /** Short, names the things by their display names. */
  readonly title: string;
  /** One sentence: why it matters. */
  readonly why: string;
}

export interface LintRule {
  readonly id: LintRuleId;
  readonly label: string;
  readonly description: string;
}

/** Every rule, in the order findings are listed (after errors, which come first). */
export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'sync-cycle',
    label: 'Synchronous cycle',
    description: 'Services that call each other synchronously in a loop.',
  },
  {
    id: 'shared-database',
    label: 'Shared database',
    description: 'A database that two or more services or gateways query directly (through caches and load balancers too).',
  },
  {
    id: 'deep-sync-chain',
    label: 'Deep synchronous chain',
    description: 'A chain of more than 3 synchronous calls in a row, where latency and failures add up.',
  },
  {
    id: 'retries-at-many-layers',
    label: 'Retries at many layers',
    description: 'Two or more calls along one synchronous path retry, so failures multiply the load.',
  },
  {
    id: 'sync-without-timeout',
    label: 'Call without timeout',
    description: 'A synchronous call whose caller waits as long as it takes.',
  },
  {
    id: 'queue-without-consumer',
    label: 'Queue without consumer',
    description: 'A queue or topic that no service consumes.',
  },
  {
    id: 'uncalled-node',
    label: 'Nothing calls it',
    description: 'A node other than a client that receives no calls or messages.',
  },
];

/** Chains longer than this many sync hops are reported. */
export const MAX_SYNC_HOPS = 3;
/** At most this many findings per path rule, the worst first. */
export const MAX_PATH_FINDINGS = 10;

export function makeFinding(
  rule: LintRuleId,
  targets: readonly string[],
  parts: Pick<LintFinding, 'nodeIds' | 'edgeIds' | 'title' | 'why'>,
): LintFinding {
  return {
    id: `${rule}/${[...targets].sort().join('+')}`,
    rule,
    severity: rule === 'sync-cycle' ? 'error' : 'warning',
    ...parts,
  };
}

/** The display name of the node at `position`. */
export const nameAt = (graph: LintGraph, position: number): string => displayName(nth(graph.nodes, position));

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 4) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "A -> B -> C", shortened in the middle past 6 names so a title stays short. */
export function pathLabel(names: readonly string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 3), '...', ...names.slice(-2)] : names;
  return shown.join(' -> ');
}
