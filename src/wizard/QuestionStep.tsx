import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Draft } from './answers';
import { CapabilitiesField, NumberInput, PracticesField, RadioGroup, RolesField } from './Fields';
import type { Field, Question } from './questions';
import { stepProblems } from './validation';

interface Props {
  readonly question: Question;
  readonly step: number;
  readonly draft: Draft;
  readonly answer: (patch: Draft) => void;
  readonly onBack: (() => void) | null;
  readonly onNext: () => void;
  /** Shown when every answer is in: jump straight to the result. */
  readonly onShowResult: (() => void) | null;
}

function FieldView({ field, draft, answer, error }: { field: Field; draft: Draft; answer: (patch: Draft) => void; error: string | undefined }) {
  switch (field.kind) {
    case 'number':
      return <NumberInput field={field} draft={draft} answer={answer} error={error} />;
    case 'radio':
      return <RadioGroup field={field} draft={draft} answer={answer} error={error} />;
    case 'practices':
      return <PracticesField field={field} draft={draft} answer={answer} error={error} />;
    case 'capabilities':
      return <CapabilitiesField field={field} draft={draft} answer={answer} error={error} />;
    case 'roles':
      return <RolesField field={field} draft={draft} answer={answer} error={error} />;
  }
}

/** Enter on a radio, checkbox or select advances too (text inputs submit a form by themselves). */
function enterAdvances(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  const choice = target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
  if (choice || target instanceof HTMLSelectElement) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

/** One question as a form: a heading that takes focus, why we ask, the fields, Back and Next. */
export function QuestionStep({ question, step, draft, answer, onBack, onNext, onShowResult }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [tried, setTried] = useState(false);
  const problems = stepProblems(question, draft);
  const headingId = `wizard-question-${question.id}`;

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      // Show the messages now, then move to the first field that needs an answer, so the message is
      // read out where it applies. Both happen before the next key: waiting for a frame let the
      // keys typed meanwhile land in the wrong field on a busy machine.
      flushSync(() => setTried(true));
      form.current?.querySelector<HTMLElement>('.is-invalid input, .is-invalid select')?.focus();
      return;
    }
    if (question.fields.some((f) => f.kind === 'practices') && draft.ops === undefined) answer({ ops: [] });
    setTried(false);
    onNext();
  };

  return (
    <form ref={form} className="wizard-question" aria-labelledby={headingId} onSubmit={submit} onKeyDown={enterAdvances} noValidate>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="wizard-question__title">
        {question.title}
      </h2>
      <p className="wizard-question__why">
        <strong>Why we ask:</strong> {question.why}
      </p>
      <div className="wizard-question__fields">
        {question.fields.map((field) => (
          <FieldView key={`${field.kind}-${field.key}`} field={field} draft={draft} answer={answer} error={tried ? problems[field.key] : undefined} />
        ))}
      </div>
      <div className="wizard-nav">
        {onBack ? (
          <button type="button" onClick={onBack}>
            Back
          </button>
        ) : null}
        <span className="wizard-nav__spacer" />
        {onShowResult ? (
          <button type="button" onClick={onShowResult}>
            Show result
          </button>
        ) : null}
        <button type="submit" className="wizard-primary">
          Next
        </button>
      </div>
      <p className="wizard-nav__hint">
        Press <kbd>Enter</kbd> for Next.
      </p>
    </form>
  );
}
