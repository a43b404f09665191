import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuEntry {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly disabled?: boolean;
  /** A checkbox entry (menuitemcheckbox) when set. */
  readonly checked?: boolean;
  readonly onSelect: () => void;
}

/**
 * The toolbar's overflow: a menu button (WAI-ARIA menu button pattern). Enter, Space or the
 * arrow keys open it; arrows, Home and End move; Escape closes it and returns focus to the button.
 */
export function MoreMenu({ entries }: { entries: readonly MenuEntry[] }) {
  const [open, setOpen] = useState(false);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? []);

  useEffect(() => {
    if (!open || focusAt === null) return;
    const all = items();
    all[((focusAt % all.length) + all.length) % all.length]?.focus();
  }, [open, focusAt]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const show = (at: number) => {
    setOpen(true);
    setFocusAt(at);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    setFocusAt(null);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = moves[event.key] ?? 0;
      all[((next % all.length) + all.length) % all.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="more-menu">
      <button
        ref={button}
        type="button"
        className="tool-button more-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        More
        <span aria-hidden="true">&#9662;</span>
      </button>
      {open ? (
        <div ref={menu} id={id} role="menu" aria-label="More" className="more-menu__list" onKeyDown={onMenuKey}>
          {entries.map((e) => (
            <button
              key={e.id}
              type="button"
              role={e.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={e.checked}
              aria-disabled={e.disabled || undefined}
              tabIndex={-1}
              className="more-menu__item"
              onClick={() => {
                if (e.disabled) return;
                close(true);
                e.onSelect();
              }}
            >
              <span className="more-menu__check" aria-hidden="true">
                {e.checked ? '✓' : ''}
              </span>
              <span className="more-menu__label">{e.label}</span>
              {e.hint ? <kbd aria-hidden="true">{e.hint}</kbd> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
