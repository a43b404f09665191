import { useState } from 'react';
import { useAppStore } from '../store';
import { Icon } from '../ui/Icon';
import { action, perform, type AppAction } from './actions';
import { ScenariosDialog } from './ScenariosDialog';
import { showChord } from './shortcuts';

function ActionButton({ a, icon, text }: { a: AppAction; icon?: string; text?: boolean }) {
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
      {text || !icon ? <span>{a.label}</span> : null}
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

export function Toolbar() {
  const title = useAppStore((s) => s.scenario.title);
  const snap = useAppStore((s) => s.snapToGrid);
  const [scenariosOpen, setScenariosOpen] = useState(false);
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
      <div className="toolbar__group" role="group" aria-label="Edit">
        <ActionButton a={action('undo')} icon="undo" />
        <ActionButton a={action('redo')} icon="redo" />
      </div>
      <div className="toolbar__group" role="group" aria-label="View">
        <ActionButton a={action('auto-layout')} icon="layout" text />
        <ActionButton a={action('fit')} icon="fit" />
        <label className="snap-toggle" title="Snap to grid (Shift+G)">
          <input type="checkbox" checked={snap} onChange={() => perform(action('snap'))} /> Snap
        </label>
      </div>
      <div className="toolbar__group" role="group" aria-label="File">
        <ActionButton a={action('import')} icon="import" text />
        <ActionButton a={action('export-dialog')} icon="export" text />
        <ActionButton a={action('copy-share-link')} />
      </div>
      <div className="toolbar__spacer" />
      <ActionButton a={action('open-lessons')} />
      <ActionButton a={action('open-wizard')} />
      <ActionButton a={action('help')} icon="help" />
      <ScenariosDialog open={scenariosOpen} onClose={() => setScenariosOpen(false)} />
    </header>
  );
}
