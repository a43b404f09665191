import type { Freshness } from '../../store';
import { serializeScenario, summarize, type RunResult, type Sample, type Scenario } from '../../model';
import { CONFIG_EXPORTS } from '../../export/configs';
import { diagramSvg } from '../../export/diagramSvg';
import { markdownReport, reportFileName } from '../../export/markdownReport';
import { diagramPng } from '../../export/png';
import { samplesToCsv } from '../../export/samplesCsv';
import { scenarioFileName } from '../../export/scenarioFile';
import { exportFileName } from '../../export/fileNames';
import { csv, fromTable } from '../../export/tables';

/** One row of the export dialog: what it is, and how to make its content on demand. */
export interface ExportEntry {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly fileName: string;
  readonly mime: string;
  /** Why it cannot be made now (e.g. no run yet); null when it can. */
  readonly unavailable: string | null;
  /** Text for text formats; a Blob for pictures. Made when asked, not when the dialog opens. */
  readonly make: () => string | Promise<Blob>;
}

export interface ExportSource {
  readonly scenario: Scenario;
  /** The scenario as it was when the last run started (null before any run). */
  readonly runScenario: Scenario | null;
  readonly runResult: RunResult | null;
  readonly runSamples: readonly Sample[];
  /** Whether the run belongs to the open scenario as it is now (store/freshness.ts). */
  readonly runFreshness: Freshness;
}

/** Why the run's CSVs are refused once the scenario was edited: a file travels on without the banner. */
export const STALE_CSV = 'Refused: the last run is from an earlier version of this scenario (it was edited since). Run it again to export its results.';

const withExtension = exportFileName;

/** Every export Faultline offers, in the order the dialog lists them. */
export function exportEntries(source: ExportSource): ExportEntry[] {
  const { scenario, runResult, runSamples } = source;
  const ran = source.runScenario ?? scenario;
  const noRun = runSamples.length === 0 ? 'Run the simulation first.' : source.runFreshness === 'stale' ? STALE_CSV : null;
  return [
    {
      id: 'json',
      label: 'Scenario JSON',
      description: 'The whole scenario as a file that Faultline (and its command line) opens again.',
      fileName: scenarioFileName(scenario),
      mime: 'application/json',
      unavailable: null,
      make: () => serializeScenario(scenario),
    },
    {
      id: 'png',
      label: 'PNG image (2x)',
      description: 'A picture of the diagram for slides and documents; drop it on the canvas to open the scenario again.',
      fileName: withExtension(scenario, '.png'),
      mime: 'image/png',
      unavailable: null,
      make: () => diagramPng(scenario),
    },
    {
      id: 'svg',
      label: 'SVG image',
      description: 'The diagram as a sharp vector picture, with the scenario inside so it opens again.',
      fileName: withExtension(scenario, '.svg'),
      mime: 'image/svg+xml',
      unavailable: null,
      make: () => diagramSvg(scenario),
    },
    {
      id: 'report',
      label: 'Markdown report',
      description: 'Title, diagram, every parameter and policy, the run summary and charts, in one file.',
      fileName: reportFileName(scenario),
      mime: 'text/markdown',
      unavailable: null,
      make: () => markdownReport(scenario, runSamples.length > 0 || runResult ? { result: runResult, samples: runSamples, stale: source.runFreshness === 'stale' } : null),
    },
    {
      id: 'samples-csv',
      label: 'Run samples (CSV)',
      description: 'Every sample interval of the last run: system, each node and each call.',
      fileName: withExtension(ran, '.samples.csv'),
      mime: 'text/csv',
      unavailable: noRun,
      make: () => samplesToCsv(runSamples),
    },
    {
      id: 'summary-csv',
      label: 'Run summary (CSV)',
      description: 'The summary tables of the last run: system, nodes and calls.',
      fileName: withExtension(ran, '.summary.csv'),
      mime: 'text/csv',
      unavailable: source.runFreshness === 'stale' ? STALE_CSV : runResult ? null : (noRun ?? 'Wait for the run to finish.'),
      make: () => (runResult ? csv(summarize(runResult).map(fromTable)) : ''),
    },
    ...CONFIG_EXPORTS.map(
      (e): ExportEntry => ({
        id: e.id,
        label: e.label,
        description: e.description,
        fileName: e.fileName(scenario),
        mime: e.mime,
        unavailable: null,
        make: () => e.render(scenario),
      }),
    ),
  ];
}
