import { useMemo } from 'react';
import { useAppStore } from '../store';
import { explainRun } from './explain';

/** The run told in a few sentences, above the event log. */
export function Explainer() {
  const scenario = useAppStore((s) => s.runScenario);
  const samples = useAppStore((s) => s.runSamples);
  const notable = useAppStore((s) => s.runNotable);
  const done = useAppStore((s) => s.runPhase === 'done');
  const explanation = useMemo(() => (scenario && done ? explainRun(scenario, samples, notable) : null), [scenario, samples, notable, done]);
  if (!explanation) return null;
  return (
    <section className="explainer" aria-label="What happened">
      <h3>What happened</h3>
      <p>{explanation.sentences.join(' ')}</p>
    </section>
  );
}
