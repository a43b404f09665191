import type { AnswerKey, Answers } from './answers';
import { ANSWER_LABELS, describeAnswer, stepOf } from './questions';

/** "From your answers: Developers: 3 [change]" under a reason, a tension, a risk or a checklist item. */
export function AnswerRefs({ keys, answers, onChange }: { keys: readonly AnswerKey[]; answers: Answers; onChange: (step: number) => void }) {
  return (
    <span className="wizard-refs">
      <span className="wizard-refs__lead">From your answers:</span>
      {keys.map((key) => (
        <span key={key} className="wizard-ref">
          <span className="wizard-ref__text">
            {ANSWER_LABELS[key]}: <em>{describeAnswer(key, answers)}</em>
          </span>
          <button type="button" className="wizard-link" onClick={() => onChange(stepOf(key))} aria-label={`Change the answer: ${ANSWER_LABELS[key]}`}>
            change
          </button>
        </span>
      ))}
    </span>
  );
}
