import { useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { Icon } from '../ui/Icon';
import { action, perform, type AppAction } from './actions';
import { MoreMenu, type MenuEntry } from './layout/MoreMenu';
import { useToolbarOverflow, type ToolDef } from './layout/useToolbarOverflow';
import { ScenariosDialog } from './ScenariosDialog';
import { showChord } from './shortcuts';

function ActionButton({ a, icon, text, short }: { a: AppAction; icon?: string; text?: boolean; short?: string }) {
  const enabled = useAppStore((s) => (a.enabled ? a.enabled(s) : true));
  const shortcut = a.keys?.[0];
  return (
    <button
      type="button"
      className={icon && !text ? 'icon-button' : 'tool-button'}
      onClick={() => perform(a)}
      disabled={!enabled}
      aria-label={a.label}
      title={shortcut ? `${a.label} (${showChord(shortcut)})` : a.label}
      aria-keyshortcuts={shortcut?.replace('Mod', 'Control')}
    >
      {icon ? <Icon name={icon} /> : null}
      {text || !icon ? <span>{short ?? a.label}</span> : null}
    </button>
  );
}

function SaveStatus() {
  const problem = useAppStore((s) => s.storageProblem);
  const dirty = useAppStore((s) => s.revision !== s.savedRevision);
  return (
    <span className={`save-status${problem ? ' save-status--error' : ''}`} role="status" aria-live="polite">
      {problem ? 'Not saved' : dirty ? 'Saving...' : 'Saved'}
    </span>
  );
}

function SnapToggle() {
  const snap = useAppStore((s) => s.snapToGrid);
  return (
    <label className="snap-toggle" title="Snap to grid (Shift+G)">
      <input type="checkbox" checked={snap} onChange={() => perform(action('snap'))} /> Snap
    </label>
  );
}

interface Tool extends ToolDef {
  /** The action behind it (its label is the item's name in the bar and in the More menu). */
  readonly action: string;
  readonly bar: () => ReactNode;
}

// Left to right; overflowOrder: higher goes into the More menu first, 0 stays on the bar.
const TOOLS: readonly Tool[] = [
  { id: 'undo', group: 'edit', overflowOrder: 0, action: 'undo', bar: () => <ActionButton a={action('undo')} icon="undo" /> },
  { id: 'redo', group: 'edit', overflowOrder: 0, action: 'redo', bar: () => <ActionButton a={action('redo')} icon="redo" /> },
  { id: 'auto-layout', group: 'view', overflowOrder: 3, action: 'auto-layout', bar: () => <ActionButton a={action('auto-layout')} icon="layout" text /> },
  { id: 'fit', group: 'view', overflowOrder: 1, action: 'fit', bar: () => <ActionButton a={action('fit')} icon="fit" /> },
  { id: 'snap', group: 'view', overflowOrder: 4, action: 'snap', bar: () => <SnapToggle /> },
  { id: 'import', group: 'file', overflowOrder: 2, action: 'import', bar: () => <ActionButton a={action('import')} icon="import" text /> },
  { id: 'export-dialog', group: 'file', overflowOrder: 2, action: 'export-dialog', bar: () => <ActionButton a={action('export-dialog')} icon="export" text /> },
  { id: 'copy-share-link', group: 'file', overflowOrder: 6, action: 'copy-share-link', bar: () => <ActionButton a={action('copy-share-link')} short="Share link" /> },
  { id: 'open-lessons', group: 'help', overflowOrder: 1, action: 'open-lessons', bar: () => <ActionButton a={action('open-lessons')} /> },
  { id: 'open-wizard', group: 'help', overflowOrder: 5, action: 'open-wizard', bar: () => <ActionButton a={action('open-wizard')} short="Decide" /> },
  { id: 'help', group: 'help', overflowOrder: 0, action: 'help', bar: () => <ActionButton a={action('help')} icon="help" /> },
];
const GROUP_LABELS: Readonly<Record<string, string>> = { edit: 'Edit', view: 'View', file: 'File', help: 'Learn and help' };

/** The toolbar's actions that are reachable from it (on the bar or in its More menu). */
export const TOOLBAR_ACTIONS: readonly string[] = TOOLS.map((t) => t.action);

function useMenuEntries(hidden: readonly string[]): MenuEntry[] {
  const tools = TOOLS.filter((t) => hidden.includes(t.id));
  // Only what the entries show (enabled, checked): the toolbar does not re-render on every change.
  const enabled = useAppStore(useShallow((s) => tools.map((t) => action(t.action).enabled?.(s) ?? true)));
  const snap = useAppStore((s) => s.snapToGrid);
  return tools.map((t, i) => {
    const a = action(t.action);
    const key = a.keys?.[0];
    return {
      id: t.id,
      label: t.id === 'snap' ? 'Snap to grid' : a.label,
      hint: key ? showChord(key) : undefined,
      disabled: !enabled[i],
      checked: t.id === 'snap' ? snap : undefined,
      onSelect: () => perform(a),
    };
  });
}

/**
 * One line, always: brand, scenario, save state, then the actions; those that do not fit the
 * window's width go into the More menu (least used first), none is ever out of reach.
 */
export function Toolbar() {
  const title = useAppStore((s) => s.scenario.title);
  const [scenariosOpen, setScenariosOpen] = useState(false);
  const items = useRef<HTMLDivElement>(null);
  const hidden = useToolbarOverflow(items, TOOLS);
  const entries = useMenuEntries(hidden);
  const shown = TOOLS.filter((t) => !hidden.includes(t.id));
  const groups = [...new Set(shown.map((t) => t.group))];
  return (
    <header className="toolbar">
      <div className="brand" aria-label="Faultline">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="6" fill="#1b2330" />
          <path d="M4 20 L11 12 L16 18 L21 8 L28 16" fill="none" stroke="#ff6b4a" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span>Faultline</span>
      </div>
      <button type="button" className="scenario-button" onClick={() => setScenariosOpen(true)} title="Scenarios: open, rename, duplicate, delete">
        <span className="sr-only">Scenarios: </span>
        <span className="scenario-button__title">{title}</span>
        <span aria-hidden="true">&#9662;</span>
      </button>
      <SaveStatus />
      <div className="toolbar__items" ref={items}>
        {groups.map((g) => (
          <div key={g} className={`toolbar__group toolbar__group--${g}`} role="group" aria-label={GROUP_LABELS[g]}>
            {shown
              .filter((t) => t.group === g)
              .map((t) => (
                <div key={t.id} className="toolbar__item" data-tool={t.id}>
                  {t.bar()}
                </div>
              ))}
          </div>
        ))}
        {entries.length > 0 ? <MoreMenu entries={entries} /> : null}
      </div>
      <ScenariosDialog open={scenariosOpen} onClose={() => setScenariosOpen(false)} />
    </header>
  );
}
