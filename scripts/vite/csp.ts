import type { Plugin } from 'vite';

/**
 * The built app's Content-Security-Policy. Scripts and workers only from our own files (no inline
 * script, no eval; elkjs runs in the page, so nothing starts a worker from a Blob), and styles
 * may be inline because React Flow and the d3 charts position things with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `<script>` tags that carry code themselves (no src), which script-src 'self' would block. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs = '', body = '']) => !/\bsrc\s*=/.test(attrs) || body.trim() !== '').map(([tag]) => tag);
}

/**
 * Puts the policy into the built index.html as a meta tag (first in <head>, so it governs every
 * script after it) and fails the build if the page would carry an inline script. Build only: the
 * dev server injects inline scripts for hot reload.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'faultline-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = inlineScripts(html);
        if (inline.length > 0) throw new Error(`index.html has inline script, which the CSP forbids: ${inline.join(' ')}`);
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}
