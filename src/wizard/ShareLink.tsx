import { useId, useRef, useState } from 'react';
import type { Answers } from './answers';
import { encodeLink } from './shareLink';

/** The address of this page with the answers in the fragment. */
export function shareUrl(answers: Answers): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${encodeLink(answers)}`;
}

/**
 * "Copy share link": copies to the clipboard where the browser allows it, and always shows
 * the link in a read-only field, selected, so it can be copied by hand as well.
 */
export function ShareLinkButton({ answers }: { answers: Answers }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    const url = shareUrl(answers);
    setLink(url);
    requestAnimationFrame(() => field.current?.select());
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('The browser did not allow copying: the link is selected in the field, press Ctrl+C.');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy share link
      </button>
      {link ? (
        <span className="wizard-share">
          <label htmlFor={id} className="sr-only">
            Share link
          </label>
          <input id={id} ref={field} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
          <span role="status" className="wizard-muted">
            {status}
          </span>
        </span>
      ) : null}
    </>
  );
}
