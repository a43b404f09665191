import { useId } from 'react';
import type { ScenarioEdge, ServiceNode } from '../../model';
import { OptionalSection, useSetter, Choice } from './target';

/**
 * A saga: ordered steps, each a call (an edge leaving this service) with an optional
 * compensating call; on failure the compensations of completed steps run in reverse.
 */
export function SagaEditor({ node, outgoing, names }: { node: ServiceNode; outgoing: readonly ScenarioEdge[]; names: (edge: ScenarioEdge) => string }) {
  const id = useId();
  const set = useSetter();
  const steps = node.saga?.steps ?? [];
  const first = outgoing[0];
  return (
    <OptionalSection
      label="Saga"
      path={['saga']}
      onValue={{ coordination: 'orchestration', steps: first ? [{ action: first.id, compensation: null }] : [] }}
      help="A transaction across services as local steps with compensations."
    >
      <Choice
        label="Coordination"
        path={['saga', 'coordination']}
        options={[
          { value: 'orchestration', label: 'orchestration (this service directs)' },
          { value: 'choreography', label: 'choreography (events between services)' },
        ]}
      />
      {outgoing.length === 0 ? <p className="section__help">Connect this service to the services of each step first.</p> : null}
      <ol className="saga-steps">
        {steps.map((step, i) => (
          <li key={i}>
            <div className="field">
              <label htmlFor={`${id}-a${i}`}>Step {i + 1} call</label>
              <select id={`${id}-a${i}`} value={step.action} onChange={(e) => set(['saga', 'steps', i, 'action'], e.target.value, 'Set saga step')}>
                {outgoing.map((e) => (
                  <option key={e.id} value={e.id}>
                    {names(e)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-c${i}`}>Step {i + 1} compensation</label>
              <select
                id={`${id}-c${i}`}
                value={step.compensation ?? ''}
                onChange={(e) => set(['saga', 'steps', i, 'compensation'], e.target.value || null, 'Set saga compensation')}
              >
                <option value="">none</option>
                {outgoing.map((e) => (
                  <option key={e.id} value={e.id}>
                    {names(e)}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ol>
      <div className="saga-buttons">
        <button type="button" disabled={!first} onClick={() => first && set(['saga', 'steps'], [...steps, { action: first.id, compensation: null }], 'Add saga step')}>
          Add step
        </button>
        <button type="button" disabled={steps.length === 0} onClick={() => set(['saga', 'steps'], steps.slice(0, -1), 'Remove saga step')}>
          Remove last step
        </button>
      </div>
    </OptionalSection>
  );
}
