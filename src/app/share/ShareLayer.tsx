import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { embedCode } from '../embed/embedUrl';
import { openShared } from './shareActions';
import { shareStore, useShareState, type PendingLink } from './shareStore';
import { useShareLink } from './useShareLink';
import './share.css';

const cancelPending = () => shareStore.setState({ pending: null });

/**
 * Focuses an element of a dialog once it is shown: the dialog's showModal runs in its own
 * effect, after its children's, and moves focus to its first button; a frame later wins.
 */
function useFocusWhenShown(ref: RefObject<HTMLElement | null>, select = false, key?: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      ref.current?.focus();
      if (select && ref.current instanceof HTMLTextAreaElement) ref.current.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [ref, select, key]);
}
const closeCopied = () => shareStore.setState({ copiedLink: null });

/** Asks before a link replaces the open scenario; Cancel (or Escape) leaves everything as it was. */
function ConfirmOpen({ pending }: { pending: PendingLink }) {
  const openTitle = useAppStore((s) => s.scenario.title);
  const { scenario, view } = pending;
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel is the safe default: Enter or Space right away keeps the open work.
  useFocusWhenShown(cancel);
  const open = () => {
    shareStore.setState({ pending: null });
    openShared(scenario, view);
  };
  return (
    <div className="share-confirm">
      <p>
        Open the shared scenario “{scenario.title}”? It has {scenario.nodes.length} {scenario.nodes.length === 1 ? 'node' : 'nodes'} and opens as a new
        scenario. The one open now, “{openTitle}”, is saved with your changes and stays in Scenarios.
      </p>
      {view.lesson ? <p className="share-note">The link also opens a lesson at step {view.lesson.stepIndex + 1}.</p> : null}
      <div className="share-buttons">
        <button type="button" className="primary" onClick={open}>
          Open
        </button>
        <button type="button" ref={cancel} onClick={cancelPending}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The link just copied, selected, so it can also be copied by hand when the clipboard is refused. */
function CopiedLinkView({ url, copied }: { url: string; copied: boolean }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const title = useAppStore((s) => s.scenario.title);
  useFocusWhenShown(field, true, url);
  return (
    <div className="share-copy">
      <p role="status">{copied ? 'The link is on your clipboard.' : 'The browser did not let Faultline use the clipboard: copy the link below (it is selected).'}</p>
      <textarea ref={field} className="share-copy__link" aria-label="Share link" readOnly rows={4} value={url} onFocus={(e) => e.currentTarget.select()} />
      <p className="share-note">
        {url.length.toLocaleString('en')} characters. The scenario travels inside the link itself: nothing is uploaded, and whoever opens it gets the same
        simulation results.
      </p>
      <details className="share-embed">
        <summary>Embed in slides or a wiki</summary>
        <textarea className="share-copy__link" aria-label="Embed code" readOnly rows={3} value={embedCode(url, title)} onFocus={(e) => e.currentTarget.select()} />
        <p className="share-note">A read-only view of this scenario: the diagram, Run simulation and the charts.</p>
      </details>
      <div className="share-buttons">
        <button type="button" className="primary" onClick={closeCopied}>
          Done
        </button>
      </div>
    </div>
  );
}

/** Share links in the app: reads `#s=` links, asks before replacing work, shows a copied link. */
export function ShareLayer() {
  useShareLink();
  const pending = useShareState((s) => s.pending);
  const copiedLink = useShareState((s) => s.copiedLink);
  return (
    <>
      <Dialog title="Open a shared scenario?" open={pending !== null} onClose={cancelPending}>
        {pending ? <ConfirmOpen pending={pending} /> : null}
      </Dialog>
      <Dialog title="Share link" open={copiedLink !== null} onClose={closeCopied}>
        {copiedLink ? <CopiedLinkView url={copiedLink.url} copied={copiedLink.copied} /> : null}
      </Dialog>
    </>
  );
}
