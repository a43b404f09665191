import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { appStore, useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';
import { canvasApi } from './canvasApi';
import { findNodes, moveActive, type NodeMatch } from './findNode';
import { closeFindDialog, useFindOpen } from './findStore';
import './find.css';

const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);
type MoveKey = Parameters<typeof moveActive>[2];
/** How long the canvas takes to move to the node (Canvas's focusNode animates 250 ms). */
const FOCUS_AFTER_MS = 320;

function Highlighted({ name, ranges }: Pick<NodeMatch, 'name' | 'ranges'>) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(name.slice(at, start));
    parts.push(<mark key={start}>{name.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(name.slice(at));
  return <>{parts}</>;
}

/** Selects the node, moves the canvas to it, and gives it the keyboard focus once there. */
function jumpTo(id: string): void {
  appStore.getState().select({ nodes: [id], edges: [], fault: null });
  canvasApi()?.focusNode(id);
  closeFindDialog(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`), FOCUS_AFTER_MS);
}

function FindBody() {
  const id = useId();
  const nodes = useAppStore((s) => s.scenario.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => findNodes(nodes, query), [nodes, query]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const current = matches.length === 0 ? -1 : Math.min(active, matches.length - 1);

  // The <dialog> focuses its first control (Close) when it opens, after this mounts: take it back.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (MOVE_KEYS.has(event.key)) {
      event.preventDefault();
      setActive(moveActive(current, matches.length, event.key as MoveKey));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = matches[current];
      if (chosen) jumpTo(chosen.id);
    }
  };
  const optionId = (i: number) => `${id}-option-${i}`;
  const count = matches.length === 0 ? 'No node matches.' : `${matches.length} ${matches.length === 1 ? 'node' : 'nodes'}${query.trim() ? ' match' : ''}. Arrow keys choose, Enter goes to it.`;
  return (
    <div className="find">
      <label htmlFor={`${id}-input`}>Part of a name (or initials)</label>
      <input
        ref={input}
        id={`${id}-input`}
        className="find__input"
        type="text"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-describedby={`${id}-count`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-count`} className="find__count" aria-live="polite">
        {count}
      </p>
      <ul ref={list} id={`${id}-list`} className="find__list" role="listbox" aria-label="Matching nodes">
        {matches.map((m, i) => (
          <li
            key={m.id}
            id={optionId(i)}
            data-index={i}
            role="option"
            aria-selected={i === current}
            className={`find__option${i === current ? ' is-active' : ''}`}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => jumpTo(m.id)}
          >
            <span className="find__name">
              <Highlighted name={m.name} ranges={m.ranges} />
            </span>
            <span className="find__kind">
              {m.kindLabel}
              {m.name !== m.id ? <> · {m.id}</> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Ctrl+F or /: type part of a node's name, choose with the arrows, Enter selects it and zooms to it. */
export function FindNodeDialog() {
  const open = useFindOpen();
  return (
    <Dialog title="Find a node" open={open} onClose={() => closeFindDialog()}>
      <FindBody />
    </Dialog>
  );
}
