import { useEffect, useRef } from 'react';
import { findLesson, isLessonScenario, lessonLink, type Lesson } from '../../lessons';
import { appStore, useAppStore } from '../../store';
import { applyStep, closeLesson, goToStep, nextStep, openLesson, previousStep } from './lessonActions';
import { useLessonState } from './lessonStore';
import { FULLSCREEN_FALLBACK, enterWorkshop, exitWorkshop } from './workshop';

function startWorkshop(): void {
  void enterWorkshop().then((fullscreen) => {
    if (!fullscreen) appStore.getState().notify({ id: 'workshop-fullscreen', tone: 'info', text: FULLSCREEN_FALLBACK, ttlMs: 6000 });
  });
}

function copyLink(lesson: Lesson, stepIndex: number): void {
  const url = `${window.location.origin}${window.location.pathname}${lessonLink(lesson.id, stepIndex)}`;
  const notify = (copied: boolean) =>
    appStore.getState().notify({ id: 'lesson-link-copied', tone: 'info', text: copied ? `Link to step ${stepIndex + 1} copied: ${url}` : `Link to step ${stepIndex + 1}: ${url}`, ttlMs: 8000 });
  if (!navigator.clipboard) notify(false);
  else navigator.clipboard.writeText(url).then(() => notify(true), () => notify(false));
}

function Takeaway({ lesson }: { lesson: Lesson }) {
  return (
    <section className="lesson-takeaway" aria-label="Takeaway">
      <h3>Takeaway</h3>
      <p>{lesson.takeaway}</p>
      <h3>What the simulator shows</h3>
      <p>{lesson.claim.text}</p>
      <p className="lesson-note">The test suite runs these scenarios and checks these numbers ({lesson.claim.checks.length} of them).</p>
      <h3>Further reading</h3>
      <ul className="lesson-reading">
        {lesson.reading.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

/** The open lesson: setup, steps (with their Apply buttons), takeaway; also the presenter view. */
export function LessonPanel() {
  const lessonId = useLessonState((s) => s.lessonId);
  const stepIndex = useLessonState((s) => s.stepIndex);
  const workshop = useLessonState((s) => s.workshop);
  const holds = useAppStore((s) => (lessonId === null ? false : isLessonScenario(s.scenario, lessonId)));
  const lesson = lessonId === null ? undefined : findLesson(lessonId);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Keep the current step in view (the first one with the setup above it).
    const current = body.current?.querySelector('[aria-current="step"]');
    if (stepIndex === 0) body.current?.scrollTo({ top: 0 });
    else current?.scrollIntoView({ block: 'nearest' });
  }, [stepIndex, workshop, lessonId]);
  if (!lesson) return null;
  const last = stepIndex === lesson.steps.length - 1;
  return (
    <aside className="lesson-panel" aria-label={`Lesson: ${lesson.title}`} data-step={stepIndex + 1}>
      <header className="lesson-panel__header">
        <p className="lesson-panel__eyebrow">
          Lesson
          {lesson.tags.map((t) => (
            <span key={t} className={`lesson-chip lesson-chip--${t}`}>
              {t}
            </span>
          ))}
        </p>
        <h2 className="lesson-panel__title">{lesson.title}</h2>
        <div className="lesson-panel__tools">
          {workshop ? (
            <button type="button" onClick={exitWorkshop}>
              Leave workshop
            </button>
          ) : (
            <button type="button" onClick={startWorkshop} title="Full screen, large type, steps with the arrow keys">
              Workshop mode
            </button>
          )}
          <button type="button" onClick={() => copyLink(lesson, stepIndex)}>
            Copy link
          </button>
          {workshop ? null : (
            <button type="button" onClick={closeLesson}>
              Close lesson
            </button>
          )}
        </div>
      </header>
      {holds ? null : (
        <p className="lesson-panel__warning" role="status">
          The editor shows another scenario, so this lesson’s changes cannot be applied.{' '}
          <button type="button" onClick={() => openLesson(lesson.id, stepIndex)}>
            Reopen the lesson’s scenario
          </button>
        </p>
      )}
      <div className="lesson-panel__body" ref={body}>
        <section className={`lesson-setup${stepIndex === 0 ? ' is-first' : ''}`} aria-label="Setup">
          <h3>Setup</h3>
          <p>{lesson.setup}</p>
        </section>
        <ol className="lesson-steps">
          {lesson.steps.map((step, i) => (
            <li key={i} className="lesson-step" aria-current={i === stepIndex ? 'step' : undefined}>
              <button type="button" className="lesson-step__number" aria-label={`Step ${i + 1}`} onClick={() => goToStep(i)}>
                {i + 1}
              </button>
              <div className="lesson-step__body">
                <p>{step.text}</p>
                {step.change ? (
                  <button type="button" className="lesson-step__apply primary" disabled={!holds} onClick={() => applyStep(lesson, step)}>
                    Apply: {step.change.label}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <div className={`lesson-panel__end${last ? ' is-last' : ''}`}>
          <Takeaway lesson={lesson} />
        </div>
      </div>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" onClick={previousStep} disabled={stepIndex === 0}>
          Previous
        </button>
        <span className="lesson-nav__position" aria-live="polite">
          Step {stepIndex + 1} of {lesson.steps.length}
        </span>
        <button type="button" onClick={nextStep} disabled={last}>
          Next
        </button>
      </nav>
      {workshop ? <p className="lesson-nav__hint">← → or Space: steps · Ctrl+Enter: run · Esc: leave</p> : null}
    </aside>
  );
}
