import { z } from 'zod';
import { describeIssues, draftSchema, type Draft } from './answers';
import { QUESTIONS } from './questions';

/** The wizard's own key: apart from the scenario library, so neither can break the other. */
export const STORAGE_KEY = 'faultline.wizard.v1';
/** Steps are the questions, then the result. */
export const RESULT_STEP = QUESTIONS.length;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SavedWizard {
  readonly open: boolean;
  readonly step: number;
  readonly draft: Draft;
}

const savedSchema = z.strictObject({
  version: z.literal(1),
  open: z.boolean(),
  step: z.number().int().min(0).max(RESULT_STEP),
  draft: draftSchema,
});

export const EMPTY: SavedWizard = { open: false, step: 0, draft: {} };

const IGNORED = 'Your saved wizard answers could not be read, so the wizard starts afresh';

/** The browser's storage, or null where it is unavailable (private modes, blocked cookies). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Reads the saved wizard defensively: missing means a fresh start; anything unreadable is
 * ignored with a notice (and left in place, in case a newer version wrote it), never thrown.
 */
export function loadWizard(storage: StorageLike | null): { saved: SavedWizard; notice: string | null } {
  let text: string | null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { saved: EMPTY, notice: `${IGNORED} (the browser refused to read its storage).` };
  }
  if (text === null) return { saved: EMPTY, notice: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { saved: EMPTY, notice: `${IGNORED} (they are not valid JSON).` };
  }
  const parsed = savedSchema.safeParse(raw);
  if (!parsed.success) return { saved: EMPTY, notice: `${IGNORED} (${describeIssues(parsed.error, 1)}).` };
  const { open, step, draft } = parsed.data;
  return { saved: { open, step, draft }, notice: null };
}

/** Saves the wizard; false when the browser refuses (full or blocked storage). */
export function saveWizard(storage: StorageLike | null, saved: SavedWizard): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...saved }));
    return true;
  } catch {
    return false;
  }
}
