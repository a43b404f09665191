import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { BOUNDS, defaultSize, dragSize, splitterKey, type PanelId } from './panelLayout';
import { layoutStore, panelState, setPanel } from './layoutStore';

const NAMES: Readonly<Record<PanelId, string>> = { palette: 'palette', inspector: 'inspector', bottom: 'bottom panel' };

interface SplitterProps {
  readonly panel: PanelId;
  /** The id of the element it resizes (aria-controls). */
  readonly controls: string;
  /** The size laid out now, in px (0 when folded). */
  readonly shownPx: number;
  /** The bottom panel shows a chart tab (it has its own height then). */
  readonly tall?: boolean;
}

/**
 * A focusable splitter (WAI-ARIA window splitter): drag it, or use the arrow keys (Shift: larger
 * steps), Home / End for the smallest / largest size and Enter to fold or unfold the panel.
 */
export function Splitter({ panel, controls, shownPx, tall = false }: SplitterProps) {
  const drag = useRef<{ pointer: number; start: number; from: number; remembered: number; frame: number } | null>(null);
  const vertical = panel !== 'bottom';
  const current = () => panelState(layoutStore.getState().layout, panel, tall);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = splitterKey(panel, current(), event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    setPanel(panel, next, tall);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { pointer: event.pointerId, start: vertical ? event.clientX : event.clientY, from: shownPx, remembered: current().size, frame: 0 };
    document.documentElement.dataset.resizing = vertical ? 'x' : 'y';
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    const moved = (vertical ? event.clientX : event.clientY) - d.start;
    // Towards the canvas grows the panel: right for the palette, left for the inspector, up for the bottom panel.
    const delta = panel === 'palette' ? moved : -moved;
    cancelAnimationFrame(d.frame);
    d.frame = requestAnimationFrame(() => {
      const next = dragSize(panel, d.from, delta);
      setPanel(panel, next.folded ? { size: d.remembered, folded: true } : next, tall);
    });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== event.pointerId) return;
    drag.current = null;
    delete document.documentElement.dataset.resizing;
  };

  const { max } = BOUNDS[panel];
  return (
    <div
      role="separator"
      tabIndex={0}
      className={`splitter splitter--${panel}`}
      aria-label={`Resize the ${NAMES[panel]}`}
      aria-controls={controls}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={shownPx}
      aria-valuetext={shownPx === 0 ? 'folded' : `${shownPx} pixels`}
      title="Drag to resize (double-click: default size); arrow keys resize, Enter folds or unfolds"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setPanel(panel, { size: defaultSize(panel, tall), folded: false }, tall)}
    />
  );
}

interface FoldButtonProps {
  readonly panel: PanelId;
  readonly controls: string;
  readonly folded: boolean;
  readonly onToggle: () => void;
  readonly className?: string;
}

const CHEVRONS: Readonly<Record<PanelId, readonly [open: string, folded: string]>> = {
  palette: ['M10 3 L5 8 L10 13', 'M6 3 L11 8 L6 13'],
  inspector: ['M6 3 L11 8 L6 13', 'M10 3 L5 8 L10 13'],
  bottom: ['M3 6 L8 11 L13 6', 'M3 10 L8 5 L13 10'],
};

/** The visible fold / unfold button of a panel. */
export function FoldButton({ panel, controls, folded, onToggle, className }: FoldButtonProps) {
  const name = NAMES[panel];
  return (
    <button
      type="button"
      className={`fold-button fold-button--${panel}${className ? ` ${className}` : ''}`}
      aria-expanded={!folded}
      aria-controls={controls}
      aria-label={folded ? `Show the ${name}` : `Hide the ${name}`}
      title={folded ? `Show the ${name}` : `Hide the ${name}`}
      onClick={onToggle}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <path d={CHEVRONS[panel][folded ? 1 : 0]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
