import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_INFO, displayName } from '../model';
import { appStore, useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';
import { connectTargets, connectTo, filterTargets, type ConnectTarget } from './connectTargets';
import './connect.css';

/**
 * "Connect to..." (the C key, with a node selected): connect without dragging (WCAG 2.5.7).
 * Type to narrow the list, arrows to move, Enter to connect. Nodes that cannot be connected are
 * listed after the others, disabled, each with the model's reason.
 */
// Memo: the canvas re-renders on every frame of a drag; the closed dialog need not.
export const ConnectDialog = memo(function ConnectDialog({ fromId, onClose, onConnected }: { fromId: string | null; onClose: () => void; onConnected: (edgeId: string) => void }) {
  return (
    <Dialog title="Connect to…" open={fromId !== null} onClose={onClose}>
      {fromId !== null ? <ConnectPicker fromId={fromId} onConnected={onConnected} /> : null}
    </Dialog>
  );
});

function firstValid(list: readonly ConnectTarget[]): string | null {
  return list.find((t) => t.problem === null)?.id ?? null;
}

function ConnectPicker({ fromId, onConnected }: { fromId: string; onConnected: (edgeId: string) => void }) {
  const scenario = useAppStore((s) => s.scenario);
  const from = scenario.nodes.find((n) => n.id === fromId);
  const targets = useMemo(() => connectTargets(scenario, fromId), [scenario, fromId]);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterTargets(targets, query), [targets, query]);
  const valid = useMemo(() => shown.filter((t) => t.problem === null), [shown]);
  const [chosen, setChosen] = useState<string | null>(null);
  // The active option: the one chosen with the arrows while it is still shown, else the first valid one.
  const active = chosen !== null && valid.some((t) => t.id === chosen) ? chosen : firstValid(shown);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (id: string) => `${listId}-${id}`;

  // The dialog opens (showModal) after this mounts and would focus its first button: focus the search box after it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const connect = (targetId: string) => {
    const state = appStore.getState();
    const result = connectTo(state.scenario, fromId, targetId);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    state.apply('Connect', () => result.scenario);
    state.select({ edges: [result.id] });
    onConnected(result.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const index = active === null ? -1 : valid.findIndex((t) => t.id === active);
    const moveTo = (i: number) => {
      const next = valid[Math.max(0, Math.min(valid.length - 1, i))];
      if (next) setChosen(next.id);
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home' && event.ctrlKey) moveTo(0);
    else if (event.key === 'End' && event.ctrlKey) moveTo(valid.length - 1);
    else if (event.key === 'Enter') {
      if (active !== null) connect(active);
      else setError(valid.length === 0 && shown.length > 0 ? (shown[0]?.problem ?? null) : 'No node matches the search.');
    } else return;
    event.preventDefault();
  };

  if (!from) return <p>This node no longer exists.</p>;
  const info = KIND_INFO[from.kind];
  return (
    <div className="connect-dialog">
      <p className="connect-dialog__hint" id={`${listId}-from`}>
        From <strong>{displayName(from)}</strong> ({info.label}). Type to search, arrows to choose, Enter to connect.
      </p>
      <input
        ref={input}
        className="connect-dialog__search"
        type="text"
        role="combobox"
        aria-label="Search nodes to connect to"
        aria-describedby={`${listId}-from`}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active !== null ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen(null);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        placeholder="Name, kind or id"
        spellCheck={false}
        autoComplete="off"
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="connect-dialog__list" role="listbox" id={listId} aria-label="Nodes to connect to">
        {shown.length === 0 ? <li className="connect-dialog__empty" role="presentation">No node matches “{query}”.</li> : null}
        {shown.map((t) => (
          <li
            key={t.id}
            id={optionId(t.id)}
            role="option"
            className="connect-dialog__option"
            aria-selected={t.id === active}
            aria-disabled={t.problem !== null}
            onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
            onClick={() => (t.problem === null ? connect(t.id) : setError(t.problem))}
          >
            <span className="connect-dialog__name">{t.name}</span>
            <span className="connect-dialog__meta">
              {t.problem === null ? `${t.kindLabel} · adds ${t.edgeKind === 'async' ? 'an async' : 'a sync'} edge` : `${t.kindLabel} · ${t.problem}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
