import {
  KIND_INFO,
  displayName,
  keyNumbers,
  sampleInterval,
  summarize,
  type CircuitBreaker,
  type Retry,
  type RunResult,
  type Sample,
  type Scenario,
  type ScenarioEdge,
} from '../model';
import { diagramSvg } from './diagramSvg';
import { lineChartSvg, svgDataUri, systemCharts } from './reportCharts';
import { exportFileName } from './fileNames';
import { escapeMarkdown } from './inert';
import { fromTable, markdown } from './tables';

export interface ReportRun {
  /** Null while the run has not finished (its samples so far are still charted). */
  readonly result: RunResult | null;
  readonly samples: readonly Sample[];
  /** The scenario was edited after this run started: its numbers may no longer match. */
  readonly stale?: boolean;
}

export { escapeMarkdown } from './inert';

/** A Markdown table; every cell is escaped here, so callers pass plain text. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.map(escapeMarkdown).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`)];
}

const ms = (v: number) => (v >= 1000 ? `${Number((v / 1000).toPrecision(4))} s` : `${Number(v.toPrecision(4))} ms`);

function retryText(r: Retry): string {
  const delay = r.backoff === 'exponential' ? `exponential from ${ms(r.baseMs)} x${r.multiplier} up to ${ms(r.maxMs)}` : `fixed ${ms(r.baseMs)}`;
  const budget = r.budget ? `, budget ${r.budget.ratioPercent}% (min ${r.budget.minPerSec}/s)` : '';
  return `${r.maxAttempts} attempts, ${delay}, jitter ${r.jitter}${budget}`;
}

function breakerText(b: CircuitBreaker): string {
  const window = b.windowType === 'COUNT' ? `last ${b.windowSize} calls` : `last ${b.windowSize} s`;
  return `${window} (min ${b.minimumNumberOfCalls}), opens at ${b.failureRateThreshold}% failed or ${b.slowCallRateThreshold}% slower than ${ms(b.slowCallDurationThresholdMs)}, open ${ms(b.waitDurationInOpenStateMs)}, ${b.permittedNumberOfCallsInHalfOpenState} trial calls`;
}

function edgeRow(edge: ScenarioEdge, names: ReadonlyMap<string, string>): string[] {
  const p = edge.policy;
  return [
    `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to}${edge.label ? ` (${edge.label})` : ''}`,
    edge.kind,
    p.timeoutMs === null ? 'none' : ms(p.timeoutMs) + (p.deadlinePropagation ? ', deadline propagated' : ''),
    p.retry ? retryText(p.retry) : 'none',
    p.circuitBreaker ? breakerText(p.circuitBreaker) : 'none',
    p.bulkhead ? `${p.bulkhead.maxConcurrentCalls} concurrent, wait ${ms(p.bulkhead.maxWaitMs)}` : 'none',
    p.rateLimiter ? `${p.rateLimiter.limitForPeriod} per ${ms(p.rateLimiter.periodMs)}, wait ${ms(p.rateLimiter.maxWaitMs)}` : 'none',
    p.adaptiveThrottling ? `K ${p.adaptiveThrottling.k} over ${p.adaptiveThrottling.windowS} s` : 'none',
    p.fallback,
  ];
}

/**
 * A standalone Markdown report of a scenario and, when there is one, its run: diagram, every
 * parameter that shapes the run, the summary tables and the system charts. Pictures are data:
 * URIs so the file travels alone.
 */
export function markdownReport(scenario: Scenario, run: ReportRun | null = null, generatedAt: Date = new Date()): string {
  const names = new Map(scenario.nodes.map((n) => [n.id, displayName(n)]));
  const groups = new Map(scenario.groups.map((g) => [g.id, g.label]));
  const s = scenario.settings;
  const out: string[] = [`# ${escapeMarkdown(scenario.title)}`, ''];
  if (scenario.metadata.description) out.push(...scenario.metadata.description.split(/\r?\n\s*\r?\n/).flatMap((para) => [escapeMarkdown(para), '']));
  out.push(`Faultline report, ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Simulated ${s.durationS} s with seed ${s.seed}, sampled every ${sampleInterval(scenario).intervalS} s${s.warmupS > 0 ? ` after ${s.warmupS} s of warm-up` : ''}.`, '');
  out.push('## Diagram', '', `![Diagram of ${escapeMarkdown(scenario.title)}](${svgDataUri(diagramSvg(scenario, { embedScenario: false }))})`, '');
  out.push('## Parameters', '', '### Nodes', '');
  out.push(...table(['Node', 'Id', 'Kind', 'Key numbers', 'Bounded context'], scenario.nodes.map((n) => [displayName(n), n.id, KIND_INFO[n.kind].label, keyNumbers(n).join(', '), n.group ? (groups.get(n.group) ?? n.group) : ''])), '');
  out.push('### Calls and their policies', '');
  if (scenario.edges.length === 0) out.push('No calls.', '');
  else out.push(...table(['Call', 'Kind', 'Timeout', 'Retry', 'Circuit breaker', 'Bulkhead', 'Rate limiter', 'Adaptive throttling', 'Fallback'], scenario.edges.map((e) => edgeRow(e, names))), '');
  out.push('### Faults', '');
  if (scenario.faults.length === 0) out.push('No faults injected.', '');
  else out.push(...table(['Fault', 'Target', 'Starts', 'Lasts'], scenario.faults.map((f) => [f.label ?? f.kind, names.get(f.target) ?? f.target, `${f.startS} s`, `${f.durationS} s`])), '');

  out.push('## Run summary', '');
  if (!run || (run.result === null && run.samples.length === 0)) {
    out.push('Not run yet: run the simulation in Faultline, then export the report again for the results and charts.', '');
    return `${out.join('\n')}\n`;
  }
  if (run.stale) out.push('> These results are from an earlier version of this scenario: it was edited after this run, so the numbers below are from the run, not from the parameters above.', '');
  if (run.result) {
    const result = run.result;
    if (result.status !== 'completed') out.push(`Status: ${escapeMarkdown(result.status)}${result.reason ? `: ${escapeMarkdown(result.reason)}` : ''}.`, '');
    const edgeNames = new Map(scenario.edges.map((e) => [e.id, `${names.get(e.from) ?? e.from} → ${names.get(e.to) ?? e.to}`]));
    const tables = summarize(result, { nodes: names, edges: edgeNames }).map(fromTable);
    // Rendered as HTML by whoever opens the report: labels get the full escape.
    // tables.ts writes a document (# heading, ## per table); here it is one section of a larger one.
    out.push(...markdown(tables, 'Results', escapeMarkdown).split('\n').slice(2).map((line) => (line.startsWith('#') ? `#${line}` : line)));
  } else {
    out.push('The run has not finished: the charts show the samples so far.', '');
  }
  out.push('## Charts', '');
  // Shaded: the faults of the run's scenario (not known once the scenario was edited since the run).
  const windows = run.stale ? [] : scenario.faults.map((f) => ({ startS: f.startS, endS: f.startS + f.durationS }));
  if (windows.length > 0) out.push('Shaded: the fault windows.', '');
  for (const series of systemCharts(run.samples)) out.push(`![${escapeMarkdown(series.title)}](${svgDataUri(lineChartSvg(series, windows))})`, '');
  return `${out.join('\n')}\n`;
}

/** "E-commerce checkout" -> "e-commerce-checkout.report.md". */
export const reportFileName = (scenario: Scenario): string => exportFileName(scenario, '.report.md');
