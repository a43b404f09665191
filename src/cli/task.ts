import type { Scenario } from '../model';
import { simulate, type RunStatus } from '../sim';
import { summarize, type Table } from '../model';

export interface Task {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Wall-clock budget of the run (ms); past it the run stops with its partial results. */
  readonly maxWallMs?: number;
}

export interface TaskResult {
  readonly seed: number;
  readonly status: RunStatus;
  readonly reason: string | null;
  readonly tables: Table[];
}

/** Runs one seed of one scenario and summarises it (in this thread or a worker). */
export function runTask(task: Task): TaskResult {
  const scenario = { ...task.scenario, settings: { ...task.scenario.settings, seed: task.seed } };
  const result = simulate(scenario, task.maxWallMs === undefined ? {} : { maxWallMs: task.maxWallMs });
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n.label ?? n.id]));
  const edges = new Map(scenario.edges.map((e) => [e.id, `${e.id} (${e.from} -> ${e.to})`]));
  return { seed: task.seed, status: result.status, reason: result.reason, tables: summarize(result, { nodes, edges }) };
}
