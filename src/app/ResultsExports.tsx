import { isRunStale, useAppStore } from '../store';
import { action, perform } from './actions';
import './resultsExports.css';

/** Downloads of the run's data, from the action registry. */
export function ResultsExports() {
  const hasSamples = useAppStore((s) => s.runSamples.length > 0);
  const hasResult = useAppStore((s) => s.runResult !== null);
  // Refused, not labelled: a CSV travels on without the banner that says its numbers are old.
  const stale = useAppStore(isRunStale);
  if (!hasSamples) return null;
  const why = stale ? 'Refused: these results are from an earlier version of this scenario. Run it again to export them.' : undefined;
  return (
    <div className="results-exports" role="group" aria-label="Export results">
      {stale ? <span className="results-exports__why">CSV exports are off for results from an earlier version.</span> : null}
      <button type="button" disabled={stale} title={why} onClick={() => perform(action('export-samples'))}>
        {action('export-samples').label}
      </button>
      <button type="button" disabled={!hasResult || stale} title={why} onClick={() => perform(action('export-summary'))}>
        {action('export-summary').label}
      </button>
    </div>
  );
}
