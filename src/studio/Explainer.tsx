import { useEffect, useMemo } from 'react';
import { displayName } from '../model';
import { appStore, runCascade, useAppStore } from '../store';
import { explainRun } from './explain';
import './scrubber.css';

/** Highlights the cascade path on the canvas while the pointer or the focus is on `this` element. */
export const cascadeHover = {
  onMouseEnter: () => appStore.getState().setCascadeHighlight(true),
  onMouseLeave: () => appStore.getState().setCascadeHighlight(false),
  onFocus: () => appStore.getState().setCascadeHighlight(true),
  onBlur: () => appStore.getState().setCascadeHighlight(false),
};

/** Turns the highlight off when the component that set it goes away (another tab opened). */
export function useCascadeHighlightCleanup(): void {
  useEffect(() => () => appStore.getState().setCascadeHighlight(false), []);
}

/** The run told in a few sentences, above the event log, with the cascade path it describes. */
export function Explainer() {
  const scenario = useAppStore((s) => s.runScenario);
  const samples = useAppStore((s) => s.runSamples);
  const notable = useAppStore((s) => s.runNotable);
  const done = useAppStore((s) => s.runPhase === 'done');
  const cascade = useAppStore(runCascade);
  useCascadeHighlightCleanup();
  const explanation = useMemo(() => (scenario && done ? explainRun(scenario, samples, notable) : null), [scenario, samples, notable, done]);
  if (!explanation || !scenario) return null;
  const name = (id: string): string => {
    const node = scenario.nodes.find((n) => n.id === id);
    if (node) return displayName(node);
    const edge = scenario.edges.find((e) => e.id === id);
    return edge ? `${name(edge.from)} → ${name(edge.to)}` : id;
  };
  return (
    <section className="explainer" aria-label="What happened" tabIndex={0} {...cascadeHover}>
      <h3>What happened</h3>
      <p>{explanation.sentences.join(' ')}</p>
      {cascade.steps.length > 1 ? (
        <ol className="explainer__path" aria-label="Cascade path (highlighted on the canvas while you point here)">
          {cascade.steps.map((step) => (
            <li key={step.id}>
              <span className="explainer__step">{step.order}</span> {name(step.id)}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
