import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useAppStore, type BottomTab } from '../../store';
import { useLessonState } from '../lessons/lessonStore';
import { FoldButton, Splitter } from './Splitter';
import { toggleFolded, useLayout } from './layoutStore';
import { shownSizes } from './panelLayout';
import { useViewport } from './useViewport';
import './layout.css';

/** Tabs with charts get the bottom panel's taller height. */
export const TALL_TABS: ReadonlySet<BottomTab> = new Set(['results', 'events', 'compare', 'sweep']);

export const PALETTE_COLUMN_ID = 'palette-column';
export const INSPECTOR_COLUMN_ID = 'inspector-column';
export const BOTTOM_PANEL_ID = 'bottom-panel';

interface WorkspaceProps {
  readonly palette: ReactNode;
  readonly canvas: ReactNode;
  readonly runBar: ReactNode;
  readonly bottom: ReactNode;
  /** The inspector column: the inspector and the lesson drawer over it. */
  readonly side: ReactNode;
}

/**
 * The palette, the canvas (with the run bar and the bottom panel under it) and the inspector
 * column, at the sizes of the panel layout; each side panel has a splitter and a fold button.
 */
export function Workspace({ palette, canvas, runBar, bottom, side }: WorkspaceProps) {
  const layout = useLayout((s) => s.layout);
  const viewport = useViewport();
  const tall = useAppStore((s) => TALL_TABS.has(s.bottomTab));
  const workshop = useLessonState((s) => s.workshop);
  const shown = shownSizes(layout, viewport, tall);
  // Workshop (presenter) mode: canvas and the lesson, nothing else.
  const columns = workshop ? 'minmax(0, 1fr) max(440px, 42vw)' : `${shown.palette}px minmax(0, 1fr) ${shown.inspector}px`;
  const rows = workshop ? 'minmax(0, 1fr) auto' : `minmax(0, 1fr) auto ${layout.bottom.folded ? 'auto' : `${shown.bottom}px`}`;
  const style: CSSProperties = { gridTemplateColumns: columns };
  const inspectorShown = workshop ? Math.round(Math.max(440, 0.42 * viewport.width)) : shown.inspector;
  useEffect(() => {
    // Toasts (outside the workspace) sit over the canvas, left of the inspector column.
    document.documentElement.style.setProperty('--inspector-shown', `${inspectorShown}px`);
  }, [inspectorShown]);
  return (
    <main className="workspace" style={style} data-workshop={workshop ? '' : undefined}>
      {workshop ? null : (
        <div id={PALETTE_COLUMN_ID} className="side side--left" hidden={layout.palette.folded}>
          {palette}
        </div>
      )}
      <div className="center" style={{ gridTemplateRows: rows }}>
        {canvas}
        {runBar}
        {workshop ? null : bottom}
        {workshop ? null : (
          <>
            <div className="side-handle side-handle--palette">
              <Splitter panel="palette" controls={PALETTE_COLUMN_ID} shownPx={shown.palette} />
              <FoldButton panel="palette" controls={PALETTE_COLUMN_ID} folded={layout.palette.folded} onToggle={() => toggleFolded('palette')} />
            </div>
            <div className="side-handle side-handle--inspector">
              <Splitter panel="inspector" controls={INSPECTOR_COLUMN_ID} shownPx={shown.inspector} />
              <FoldButton panel="inspector" controls={INSPECTOR_COLUMN_ID} folded={layout.inspector.folded} onToggle={() => toggleFolded('inspector')} />
            </div>
          </>
        )}
      </div>
      <div id={INSPECTOR_COLUMN_ID} className="side side--right" hidden={!workshop && layout.inspector.folded}>
        {side}
      </div>
    </main>
  );
}
