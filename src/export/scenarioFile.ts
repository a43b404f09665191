import { LIMITS, restoreText, serializeScenario, type RestoreResult, type Scenario } from '../model';

/** Reads a dropped or picked file through restore; never throws. */
export async function readScenarioFile(file: Blob & { name?: string }): Promise<RestoreResult> {
  if (file.size > LIMITS.maxJsonChars) {
    return { ok: false, errors: [{ path: '', message: `the file is too large (${file.size} bytes; a scenario file is at most ${LIMITS.maxJsonChars})` }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `the file could not be read (${error instanceof Error ? error.message : 'unknown error'})` }] };
  }
  return restoreText(text);
}

/** A file name from the title: "E-commerce checkout" -> "e-commerce-checkout.faultline.json". */
export function scenarioFileName(scenario: Scenario): string {
  const slug = scenario.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.faultline.json`;
}

/** Starts the browser's own save flow for a blob. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download may not have read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Starts a download of `text` (the browser's own save flow). */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

export function exportScenarioFile(scenario: Scenario): void {
  downloadText(scenarioFileName(scenario), serializeScenario(scenario));
}
