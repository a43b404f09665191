import type { DragEvent } from 'react';
import { KIND_INFO, NODE_KINDS, type NodeKind } from '../model';
import { Icon } from '../ui/Icon';
import { canvasApi } from './canvasApi';
import { PALETTE_MIME, addNodeAt } from './Canvas';

/** Adds a node of `kind` in the middle of the visible canvas (the keyboard and click path). */
export function addNodeInView(kind: NodeKind): string {
  const center = canvasApi()?.viewCenter() ?? { x: 0, y: 0 };
  return addNodeAt(kind, center);
}

/** Every node kind: drag one onto the canvas, or click it (or press its number key) to add it. */
export function Palette() {
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <nav className="palette" aria-label="Add a node">
      <h2 className="panel-title">Add</h2>
      <ul>
        {NODE_KINDS.map((kind, i) => {
          const info = KIND_INFO[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className={`palette__item palette__item--${kind}`}
                draggable
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => addNodeInView(kind)}
                title={`${info.description} (key ${i + 1})`}
                aria-keyshortcuts={String(i + 1)}
              >
                <span className="palette__icon">
                  <Icon name={kind} size={18} />
                </span>
                <span>
                  <span className="sr-only">Add </span>
                  {info.label}
                </span>
                <kbd aria-hidden="true">{i + 1}</kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
