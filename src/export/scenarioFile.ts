import { serializeScenario, type Scenario } from '../model';
import { exportFileName } from './fileNames';

/** A file name from the title: "E-commerce checkout" -> "e-commerce-checkout.faultline.json". */
export function scenarioFileName(scenario: Scenario): string {
  return exportFileName(scenario, '.faultline.json');
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
