// Reads the JSON reports of vitest and Playwright and computes the closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts from reports/vitest.json and reports/playwright.json. */
export function summarize(dir = 'reports') {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const missing = [];
  const vitest = readJson(`${dir}/vitest.json`);
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
    skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
    // A file that fails to load has no failed test, only a failed suite.
    if ((vitest.numFailedTests ?? 0) === 0) failed += vitest.numFailedTestSuites ?? 0;
  } else missing.push('vitest');
  const pw = readJson(`${dir}/playwright.json`);
  if (pw?.stats) {
    passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
    failed += pw.stats.unexpected ?? 0;
    skipped += pw.stats.skipped ?? 0;
    if ((pw.errors ?? []).length > 0 && (pw.stats.unexpected ?? 0) === 0) failed += pw.errors.length;
  } else missing.push('playwright');
  const ok = missing.length === 0 && failed === 0 && passed > 0;
  if (missing.length) console.log(`Missing test reports: ${missing.join(', ')} (counted as a failure)`);
  if (missing.length && failed === 0) failed = missing.length;
  return { ok, passed, failed, skipped, line: `total: ${passed} passed, ${failed} failed, ${skipped} skipped` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = summarize(process.argv[2]);
  console.log(total.line);
  process.exit(total.ok ? 0 : 1);
}
