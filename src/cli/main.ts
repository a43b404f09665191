import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SETTINGS_FIELDS, checkNumber, issueToString, parseDecimal, parseJsonText, restore, runBlockers, sampleIntervalWarning, type Scenario } from '../model';
import { stripControl } from '../export/inert';
import { textEncoding } from '../export/importFile';
import { decodeShareLink, isShareLink } from '../share';
import { csv, fromTable, json, markdown, type Format, type PrintableTable } from '../export/tables';
import { runAll } from './pool';
import { combineReplications } from './replicate';
import { estimate } from './stats';
import { applySweepValue, parseSweep, type SweepSpec } from './sweep';
import type { Task, TaskResult } from './task';

/** A run that takes longer than this on the wall clock is stopped (its partial results are kept). */
const DEFAULT_MAX_WALL_S = 600;
const MAX_WALL_LIMIT_S = 7 * 86_400;

const USAGE = `Usage: npm run sim -- <scenario.json | share link> [options]

Runs a Faultline scenario headless and prints a summary per node, per edge and for the system.
The scenario is a file (- for stdin) or a share link: the whole URL or its #s=... fragment
(quote it: the shell treats # and & specially).

Options:
  --seed N              seed of the run (default: the scenario's)
  --duration S          simulated seconds (default: the scenario's)
  --format md|csv|json  output format (default md)
  --replications R      run R seeds (seed, seed+1, ...) and report means with 95% confidence intervals
  --sweep path=v1,v2    run one variant per value, in parallel on all cores, one row each
                        (e.g. edges.api-db.policy.retry.maxAttempts=1,2,3,4)
  --max-wall S          stop each run after S seconds of wall-clock time, keeping its partial
                        results (default ${DEFAULT_MAX_WALL_S}; exit code 3 when a run stops)
  --help                this text

Exit codes: 0 done, 2 invalid input (problems on stderr), 3 a run stopped at its event or time budget.`;

class InputError extends Error {}

function fail(message: string): never {
  throw new InputError(message);
}

interface Options {
  readonly file: string;
  readonly seed: number | null;
  readonly durationS: number | null;
  readonly format: Format;
  readonly replications: number;
  readonly sweep: SweepSpec | null;
  readonly maxWallS: number;
}

function numberOption(raw: string | undefined, name: string, check: (n: number) => string | null): number | null {
  if (raw === undefined) return null;
  const parsed = parseDecimal(raw);
  if (!parsed.ok) fail(`--${name}: ${parsed.message}`);
  const problem = check(parsed.value);
  if (problem) fail(`--${name} ${raw}: ${problem}`);
  return parsed.value;
}

export function parseOptions(argv: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        duration: { type: 'string' },
        format: { type: 'string', default: 'md' },
        replications: { type: 'string' },
        sweep: { type: 'string' },
        'max-wall': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'a scenario file is required' : `one scenario file expected, got ${positionals.length}`);
  const format = values.format;
  if (format !== 'md' && format !== 'csv' && format !== 'json') fail(`--format ${String(format)}: expected md, csv or json`);
  const sweep = values.sweep === undefined ? null : parseSweep(values.sweep);
  if (typeof sweep === 'string') fail(sweep);
  return {
    file: positionals[0] ?? '',
    seed: numberOption(values.seed, 'seed', (n) => checkNumber(SETTINGS_FIELDS.seed, n)),
    durationS: numberOption(values.duration, 'duration', (n) => checkNumber(SETTINGS_FIELDS.durationS, n)),
    format,
    replications: numberOption(values.replications, 'replications', (n) => (Number.isInteger(n) && n >= 1 && n <= 1000 ? null : 'expected a whole number from 1 to 1000')) ?? 1,
    sweep,
    maxWallS:
      numberOption(values['max-wall'], 'max-wall', (n) => (n > 0 && n <= MAX_WALL_LIMIT_S ? null : `expected seconds above 0, at most ${MAX_WALL_LIMIT_S}`)) ?? DEFAULT_MAX_WALL_S,
  };
}

function load(file: string): Record<string, unknown> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    fail(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
  // As the app reads files: UTF-8, or UTF-16 with a byte-order mark (PowerShell's Out-File).
  const encoding = textEncoding(bytes);
  if (encoding === 'utf-16-unmarked') fail(`${file}: looks like UTF-16 text without a byte-order mark: save it as UTF-8 and try again`);
  const text = new TextDecoder(encoding).decode(bytes);
  const parsed = parseJsonText(text);
  if (!parsed.ok) fail(`${file}: ${issueToString(parsed.issue)}`);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${file}: expected a Faultline scenario (a JSON object)`);
  return value as Record<string, unknown>;
}

/** A share link in place of a file: an existing file of that name still wins. */
const isLinkArgument = (arg: string) => isShareLink(arg) && !existsSync(arg);

async function fromLink(link: string): Promise<Scenario> {
  const decoded = await decodeShareLink(link);
  if (!decoded.ok) {
    const { message, details, technical } = decoded.error;
    fail([message, ...details.map((d) => `  ${d}`), ...(technical ? [`  (technical detail: ${technical})`] : [])].join('\n'));
  }
  return decoded.scenario;
}

function validated(raw: unknown, where: string, warn: (text: string) => void): Scenario {
  const result = restore(raw);
  if (!result.ok) fail(`${where} is not a valid scenario:\n${result.errors.map((e) => `  ${issueToString(e)}`).join('\n')}`);
  for (const w of result.warnings) warn(`${where}: warning: ${issueToString(w)}\n`);
  return result.scenario;
}

/** The app's Run button refuses these scenarios; so does the CLI, with the same reasons. */
function runnable(scenario: Scenario, where: string): Scenario {
  const blockers = runBlockers(scenario);
  if (blockers.length > 0) fail(`${where} cannot run: fix these problems first:\n${blockers.map((b) => `  ${b}`).join('\n')}`);
  return scenario;
}

function withOverrides(scenario: Scenario, options: Options): Scenario {
  return {
    ...scenario,
    settings: {
      ...scenario.settings,
      ...(options.seed !== null ? { seed: options.seed } : {}),
      ...(options.durationS !== null ? { durationS: options.durationS } : {}),
    },
  };
}

function sweepTable(spec: SweepSpec, values: readonly unknown[], groups: readonly TaskResult[][]): PrintableTable {
  const systemColumns = groups[0]?.[0]?.tables[0]?.columns ?? [];
  return {
    title: `Sweep of ${spec.path}`,
    name: 'sweep',
    columns: systemColumns,
    rows: groups.map((runs, i) => ({
      label: `${spec.path}=${JSON.stringify(values[i])}`,
      cells: Object.fromEntries(
        systemColumns.map((c) => {
          const observations = runs.map((r) => r.tables[0]?.rows[0]?.values[c.key] ?? NaN);
          return [c.key, observations.length === 1 ? (observations[0] ?? NaN) : estimate(observations)];
        }),
      ),
    })),
  };
}

export async function main(argv: readonly string[], write: (text: string) => void, writeErr: (text: string) => void): Promise<number> {
  // Labels are data: no control character in one (an ANSI escape, say) reaches the terminal.
  const out = (text: string) => write(stripControl(text));
  const err = (text: string) => writeErr(stripControl(text));
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
    if (options === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    const linked = isLinkArgument(options.file);
    const source = linked ? 'the link' : options.file;
    const base = withOverrides(linked ? await fromLink(options.file) : validated(load(options.file), options.file, err), options);
    // --duration may change how finely a run can be sampled.
    const sampling = options.durationS !== null ? sampleIntervalWarning(base) : null;
    if (sampling) err(`${source} with --duration ${options.durationS}: warning: ${issueToString(sampling)}\n`);
    const seeds = Array.from({ length: options.replications }, (_, i) => base.settings.seed + i);
    const variants: Scenario[] = [];
    const sweep = options.sweep;
    if (sweep) {
      for (const value of sweep.values) {
        const changed = applySweepValue(structuredClone(base) as unknown as Record<string, unknown>, sweep, value);
        if (typeof changed === 'string') fail(changed);
        const where = `${source} with ${sweep.path}=${JSON.stringify(value)}`;
        variants.push(runnable(validated(changed, where, () => undefined), where));
      }
    } else variants.push(runnable(base, source));

    const maxWallMs = options.maxWallS * 1000;
    const tasks: Task[] = variants.flatMap((scenario) => seeds.map((seed) => ({ scenario, seed, maxWallMs })));
    const results = await runAll(tasks);
    const groups = variants.map((_, v) => results.slice(v * seeds.length, (v + 1) * seeds.length));
    const stopped = results.filter((r) => r.status !== 'completed');
    for (const r of stopped) err(`seed ${r.seed}: run ${r.status}${r.reason ? `: ${r.reason}` : ''} (partial results shown)\n`);

    const tables: PrintableTable[] = sweep
      ? [sweepTable(sweep, sweep.values, groups)]
      : seeds.length === 1
        ? (groups[0]?.[0]?.tables ?? []).map(fromTable)
        : combineReplications((groups[0] ?? []).map((r) => r.tables));
    const heading = `${base.title}: ${base.settings.durationS} s, seed ${seeds.length === 1 ? base.settings.seed : `${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length} replications, mean ± 95% CI)`}`;
    if (options.format === 'md') out(`${markdown(tables, heading)}\n`);
    else if (options.format === 'csv') out(csv(tables));
    else out(json(tables, { title: base.title, durationS: base.settings.durationS, seeds, statuses: results.map((r) => r.status) }));
    return stopped.length > 0 ? 3 : 0;
  } catch (error) {
    if (error instanceof InputError) {
      err(`${error.message}\n\n${USAGE.split('\n')[0] ?? ''}\n`);
      return 2;
    }
    throw error;
  }
}

// Run when executed directly (npm run sim), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`faultline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
