import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

/** A modal dialog on the native <dialog> element: focus is trapped and Escape closes it. */
/**
 * `readOnly`: the body holds text only (no control), so it is made focusable itself, for a keyboard
 * to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function Dialog({ title, open, onClose, children, wide, readOnly }: { title: string; open: boolean; onClose: () => void; children: ReactNode; wide?: boolean; readOnly?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-label={title}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog__body" {...(readOnly ? { tabIndex: 0, role: 'region', 'aria-label': title } : {})}>
        {open ? children : null}
      </div>
    </dialog>
  );
}
