import { defineConfig } from '@playwright/test';

const executablePath = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';
// Defaults are what CI uses; the variables let several checkouts or helpers test side by side
// without sharing a port, a build directory or a results folder.
const port = Number(process.env.FAULTLINE_E2E_PORT ?? 4173);
const distDir = process.env.FAULTLINE_DIST ?? 'dist';
const outputDir = process.env.FAULTLINE_E2E_OUT ?? 'test-results';
const reportFile = process.env.FAULTLINE_E2E_REPORT ?? 'reports/playwright.json';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: reportFile }]],
  outputDir,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Long-task measurements (e2e/quiet/) run after everything else, alone on the machine's cores:
  // a long task is wall-clock time, and other browsers' work would count in it.
  projects: [
    { name: 'main', testIgnore: /quiet\// },
    { name: 'quiet', testMatch: /quiet\/.*\.spec\.ts/, dependencies: ['main'], fullyParallel: false },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
