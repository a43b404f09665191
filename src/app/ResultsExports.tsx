import { useAppStore } from '../store';
import { action, perform } from './actions';

/** Downloads of the run's data, from the action registry. */
export function ResultsExports() {
  const hasSamples = useAppStore((s) => s.runSamples.length > 0);
  const hasResult = useAppStore((s) => s.runResult !== null);
  if (!hasSamples) return null;
  return (
    <div className="results-exports" role="group" aria-label="Export results">
      <button type="button" onClick={() => perform(action('export-samples'))}>
        {action('export-samples').label}
      </button>
      <button type="button" disabled={!hasResult} onClick={() => perform(action('export-summary'))}>
        {action('export-summary').label}
      </button>
    </div>
  );
}
