import { useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { Icon } from '../ui/Icon';
import { completeAnswers } from './answers';
import { RESULT_STEP } from './persist';
import { QUESTIONS } from './questions';
import { QuestionStep } from './QuestionStep';
import { ResultView, type Download } from './ResultView';
import { SharePrompt } from './SharePrompt';
import { useWizardLink } from './useWizardLink';
import { firstUnanswered } from './validation';
import { wizardStore } from './wizardStore';
import './wizard.css';

export const WIZARD_TITLE = 'Decide: monolith or microservices?';

function Progress({ step }: { step: number }) {
  const done = step >= RESULT_STEP;
  return (
    <div className="wizard-progress">
      <span>{done ? 'Result' : `Step ${step + 1} of ${QUESTIONS.length}`}</span>
      <progress max={QUESTIONS.length} value={Math.min(step + (done ? 0 : 1), QUESTIONS.length)} aria-label="Progress" />
    </div>
  );
}

/**
 * The decision wizard in a large modal dialog: one question per screen, then the result.
 * `download` saves a file (injected by the app, which owns file export).
 */
export function Wizard({ download, onOpenedInEditor }: { download: Download; onOpenedInEditor?: () => void }) {
  useWizardLink();
  const ref = useRef<HTMLDialogElement>(null);
  const state = useStore(wizardStore);
  const { open, step, draft, notice, pendingShare } = state;

  // A layout effect, so the dialog is shown before the step's own effect focuses its heading.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const answers = completeAnswers(draft);
  const showResult = step >= RESULT_STEP && answers !== null;
  // Past the last question without complete answers (say, from an old save): ask what is missing.
  const gap = step >= RESULT_STEP && !showResult ? firstUnanswered(draft) : -1;
  const current = gap >= 0 ? gap : Math.min(step, RESULT_STEP - 1);
  const question = QUESTIONS[current];

  let body;
  if (pendingShare) {
    body = <SharePrompt onAccept={state.acceptShare} onDecline={state.declineShare} />;
  } else if (showResult) {
    body = (
      <ResultView
        key="result"
        answers={answers}
        onChange={state.goTo}
        onBack={() => state.goTo(RESULT_STEP - 1)}
        onStartOver={state.startOver}
        onOpened={() => {
          state.close();
          onOpenedInEditor?.();
        }}
        download={download}
      />
    );
  } else if (question) {
    body = (
      <QuestionStep
        key={current}
        question={question}
        step={current}
        draft={draft}
        answer={state.answer}
        onBack={current > 0 ? () => state.goTo(current - 1) : null}
        onNext={() => state.goTo(current + 1)}
        onShowResult={answers && current < RESULT_STEP - 1 ? () => state.goTo(RESULT_STEP) : null}
      />
    );
  }

  return (
    <dialog
      ref={ref}
      className="wizard"
      aria-label={WIZARD_TITLE}
      onClose={state.close}
      onCancel={(e) => {
        e.preventDefault();
        state.close();
      }}
    >
      <div className="wizard__header">
        <p className="wizard__title">{WIZARD_TITLE}</p>
        <Progress step={showResult ? RESULT_STEP : current} />
        <button type="button" className="icon-button" onClick={state.close} aria-label="Close the wizard">
          <Icon name="close" />
        </button>
      </div>
      {notice ? (
        <div className={`wizard-notice wizard-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          <button type="button" className="wizard-link" onClick={state.dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="wizard__body">{open ? body : null}</div>
    </dialog>
  );
}
