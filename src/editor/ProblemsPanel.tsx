import { appStore } from '../store';
import { Icon } from '../ui/Icon';
import { useLint } from './useLint';

/** The lint findings as a list; choosing one selects what it is about. */
export function ProblemsPanel() {
  const findings = useLint();
  if (findings.length === 0) {
    return (
      <p className="panel-empty" data-testid="no-problems">
        No architecture problems found.
      </p>
    );
  }
  return (
    <ul className="problems" aria-label="Architecture problems">
      {findings.map((f) => (
        <li key={f.id} className={`problem problem--${f.severity}`}>
          <button type="button" onClick={() => appStore.getState().select({ nodes: [...f.nodeIds], edges: [...f.edgeIds] })}>
            <Icon name={f.severity} size={16} />
            <span>
              <strong>{f.title}</strong>
              <span className="problem__why">{f.why}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
