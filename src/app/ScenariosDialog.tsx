import { appStore, useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Toggle';

/** The named scenarios in this browser: open, rename, duplicate, delete, new. */
export function ScenariosDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const entries = useAppStore((s) => s.entries);
  const currentId = useAppStore((s) => s.currentId);
  const title = useAppStore((s) => s.scenario.title);
  const state = appStore.getState();
  const sorted = [...entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <Dialog title="Scenarios" open={open} onClose={onClose} wide>
      <TextField label="Name of the open scenario" value={title} maxLength={120} onCommit={(v) => state.renameScenario(v)} />
      <div className="scenario-actions">
        <button type="button" onClick={() => { state.newScenario('blank'); onClose(); }}>New blank</button>
        <button type="button" onClick={() => { state.newScenario('example'); onClose(); }}>New from example</button>
        <button type="button" onClick={() => { state.duplicateScenario(); onClose(); }}>Duplicate this one</button>
      </div>
      <ul className="scenario-list" aria-label="Saved scenarios">
        {sorted.map((e) => (
          <li key={e.id} className={e.id === currentId ? 'is-current' : ''}>
            <span className="scenario-list__title">{e.id === currentId ? title : e.title}</span>
            <span className="scenario-list__date">{e.updatedAt.slice(0, 16).replace('T', ' ')}</span>
            {e.id === currentId ? (
              <span className="scenario-list__open">open</span>
            ) : (
              <button type="button" onClick={() => { state.openScenario(e.id); onClose(); }} aria-label={`Open ${e.title}`}>
                Open
              </button>
            )}
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${e.title}`}
              onClick={() => {
                if (window.confirm(`Delete "${e.title}"? This cannot be undone.`)) state.deleteScenario(e.id);
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
