import { useEffect } from 'react';
import { ACTIONS, perform, type AppAction } from './actions';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Does a keyboard event match a chord like "Mod+Shift+Z", "Shift+1", "?" or "Delete"? */
export function matches(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, chord: string): boolean {
  const parts = chord.split('+');
  const key = chord.endsWith('++') ? '+' : (parts[parts.length - 1] ?? '');
  const mods = new Set(parts.slice(0, key === '+' && chord !== '+' ? -2 : -1));
  const mod = event.ctrlKey || event.metaKey;
  if (mods.has('Mod') !== mod) return false;
  if (event.altKey !== mods.has('Alt')) return false;
  // Printable symbols (?, +) already carry their Shift; digits are matched by code so Shift+1 works.
  const symbol = key.length === 1 && !/[A-Za-z0-9]/.test(key);
  if (!symbol && mods.has('Shift') !== event.shiftKey) return false;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || (!event.shiftKey && event.key === key);
  return event.key.toLowerCase() === key.toLowerCase();
}

/** How a chord is shown to the user on this platform. */
export function showChord(chord: string): string {
  return chord.replace('Mod', isMac ? 'Cmd' : 'Ctrl');
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Chords that work while typing in a field too (the app's Find stands in for the browser's). */
const WHILE_TYPING: readonly string[] = ['Mod+F'];

function onSlider(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

export function findAction(event: KeyboardEvent): AppAction | undefined {
  return ACTIONS.find((a) => a.keys?.some((k) => matches(event, k)));
}

/** Routes keyboard shortcuts to the action registry (not while typing, not under a dialog). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const a = findAction(event);
      if (!a) return;
      // Not while typing, but Find works everywhere and the scrubber's keys work on sliders.
      if (typingInto(event.target) && !WHILE_TYPING.some((k) => matches(event, k)) && !(a.onSliders && onSlider(event.target))) return;
      event.preventDefault();
      perform(a);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
