import { useEffect, useRef } from 'react';

/** Asked before a shared link replaces answers the user has already given. */
export function SharePrompt({ onAccept, onDecline }: { onAccept: () => void; onDecline: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="wizard-question" aria-labelledby="wizard-share-title">
      <h2 id="wizard-share-title" ref={heading} tabIndex={-1} className="wizard-question__title">
        Open the shared result?
      </h2>
      <p className="wizard-question__why">
        The link holds someone&apos;s answers. Opening it replaces the answers you have given in this browser.
      </p>
      <div className="wizard-nav">
        <button type="button" onClick={onDecline}>
          Keep my answers
        </button>
        <span className="wizard-nav__spacer" />
        <button type="button" className="wizard-primary" onClick={onAccept}>
          Open the shared result
        </button>
      </div>
    </section>
  );
}
