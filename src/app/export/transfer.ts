/** Downloads and clipboard writes for the export dialog (browser only). */
export { downloadBlob } from '../../export/scenarioFile';

export type CopyOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function refusal(error: unknown): CopyOutcome {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { ok: false, reason: 'The browser did not allow access to the clipboard. Use Download instead, or allow clipboard access for this site.' };
  }
  return { ok: false, reason: `Copying failed (${error instanceof Error ? error.message : 'unknown error'}). Use Download instead.` };
}

export async function copyText(text: string): Promise<CopyOutcome> {
  if (!navigator.clipboard?.writeText) return { ok: false, reason: 'This browser gives no clipboard access here (it needs a secure page). Use Download instead.' };
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

/**
 * Copies an image. The ClipboardItem gets the blob's promise, not the blob: Safari only keeps the
 * click's permission to write if the write starts before the (slow) rendering finishes.
 */
export async function copyImage(blob: Promise<Blob>, mime: string): Promise<CopyOutcome> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    return { ok: false, reason: 'This browser cannot copy images to the clipboard. Use Download instead.' };
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ [mime]: blob })]);
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}
