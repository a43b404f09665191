import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './scripts/vite/csp.js';
import { offlinePrecache } from './scripts/vite/precache.js';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlinePrecache()],
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1600 },
  worker: { format: 'es' },
  // `vite preview` serves the build the way a host should: with the policy as a header too (the
  // meta tag cannot carry every directive, and a header also covers the worker scripts).
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Engine tests simulate millions of events; a busy 2-core CI machine must not turn them into timeouts.
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
