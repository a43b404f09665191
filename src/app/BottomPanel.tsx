import { useLint } from '../editor/useLint';
import { FaultTimeline } from '../editor/FaultTimeline';
import { ProblemsPanel } from '../editor/ProblemsPanel';
import { WorkloadPanel } from '../editor/WorkloadPanel';
import { useAppStore, type BottomTab } from '../store';
import { EventLog } from '../studio/EventLog';
import { Explainer } from '../studio/Explainer';
import { ComparePanel } from '../studio/ComparePanel';
import { ResultsPanel } from '../studio/ResultsPanel';
import { StaleNotice } from '../studio/StaleNotice';
import { SweepPanel } from '../studio/SweepPanel';
import { ResultsExports } from './ResultsExports';
import { BOTTOM_PANEL_ID, TALL_TABS } from './layout/Workspace';
import { FoldButton, Splitter } from './layout/Splitter';
import { setFolded, toggleFolded, useLayout } from './layout/layoutStore';
import { shownSizes } from './layout/panelLayout';
import { useViewport } from './layout/useViewport';

const TABS: readonly { id: BottomTab; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'results', label: 'Results' },
  { id: 'compare', label: 'Compare' },
  { id: 'sweep', label: 'Sweep' },
  { id: 'events', label: 'Events' },
  { id: 'workload', label: 'Workload' },
  { id: 'faults', label: 'Faults' },
];

/** Problems, workload and fault timeline, as tabs under the canvas; folded, just the tabs. */
export function BottomPanel() {
  const tab = useAppStore((s) => s.bottomTab);
  const chooseTab = useAppStore((s) => s.setBottomTab);
  const layout = useLayout((s) => s.layout);
  const viewport = useViewport();
  const tall = TALL_TABS.has(tab);
  const folded = layout.bottom.folded;
  const shownPx = shownSizes(layout, viewport, tall).bottom;
  const setTab = (next: BottomTab) => {
    chooseTab(next);
    setFolded('bottom', false);
  };
  const findings = useLint();
  const faults = useAppStore((s) => s.scenario.faults.length);
  const events = useAppStore((s) => s.runNotable.length);
  const count = (id: BottomTab) => (id === 'problems' ? findings.length : id === 'faults' ? faults : id === 'events' ? events : null);
  return (
    <section id={BOTTOM_PANEL_ID} className={`bottom-panel${folded ? ' bottom-panel--folded' : ''}`} aria-label="Scenario panels">
      <Splitter panel="bottom" controls={BOTTOM_PANEL_ID} shownPx={shownPx} tall={tall} />
      <div className="tabs">
        <div role="tablist" className="tabs__list" aria-label="Panels">
          {TABS.map((t) => (
            <button
              key={t.id}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="tab"
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                const i = TABS.findIndex((x) => x.id === tab);
                const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
                if (next) {
                  setTab(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }
              }}
            >
              {t.label}
              {count(t.id) !== null ? <span className="tab__count">{count(t.id)}</span> : null}
            </button>
          ))}
        </div>
        <FoldButton panel="bottom" controls={BOTTOM_PANEL_ID} folded={folded} onToggle={() => toggleFolded('bottom')} />
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel" hidden={folded}>
        {tab === 'problems' ? (
          <ProblemsPanel />
        ) : tab === 'workload' ? (
          <WorkloadPanel />
        ) : tab === 'events' ? (
          <>
            <StaleNotice of="run" />
            <Explainer />
            <EventLog />
          </>
        ) : tab === 'compare' ? (
          <ComparePanel />
        ) : tab === 'sweep' ? (
          <SweepPanel />
        ) : tab === 'results' ? (
          <>
            <ResultsExports />
            <ResultsPanel />
          </>
        ) : (
          <FaultTimeline />
        )}
      </div>
    </section>
  );
}
