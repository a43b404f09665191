import { useAppStore } from '../store';
import { action, perform } from './actions';
import { showChord } from './shortcuts';

const ITEMS = [
  { id: 'duplicate', text: 'Duplicate' },
  { id: 'copy', text: 'Copy' },
  { id: 'group', text: 'Group' },
  { id: 'ungroup', text: 'Ungroup' },
  { id: 'delete', text: 'Delete' },
] as const;

/** What can be done with the selection, shown over the canvas while something is selected. */
export function SelectionBar() {
  const nodes = useAppStore((s) => s.selection.nodes.length);
  const edges = useAppStore((s) => s.selection.edges.length);
  const grouped = useAppStore((s) => s.selection.nodes.some((id) => s.scenario.nodes.find((n) => n.id === id)?.group !== undefined));
  if (nodes + edges === 0) return null;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <span className="selection-bar__count">
        {nodes > 0 ? `${nodes} node${nodes === 1 ? '' : 's'}` : ''}
        {nodes > 0 && edges > 0 ? ', ' : ''}
        {edges > 0 ? `${edges} edge${edges === 1 ? '' : 's'}` : ''}
      </span>
      {ITEMS.filter(({ id }) => (id === 'ungroup' ? grouped : id === 'delete' || nodes > 0)).map(({ id, text }) => {
        const a = action(id);
        return (
          <button key={id} type="button" onClick={() => perform(a)} aria-label={a.label} title={`${a.label}${a.keys?.[0] ? ` (${showChord(a.keys[0])})` : ''}`}>
            {text}
          </button>
        );
      })}
    </div>
  );
}
