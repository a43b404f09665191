import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

/** Where the service worker's source lives (the plugin fills in the file list and version). */
const TEMPLATE = fileURLToPath(new URL('../pwa/service-worker.js', import.meta.url));
const PLACEHOLDER = 'self.__FAULTLINE_PRECACHE__';
export const SERVICE_WORKER_FILE = 'sw.js';

export interface PrecacheManifest {
  /** Hash of every precached file's name and bytes: a new build gets a new cache. */
  readonly version: string;
  /** Paths relative to the service worker (which sits next to index.html). */
  readonly files: readonly string[];
}

function publicFiles(dir: string, prefix = ''): { name: string; bytes: Buffer }[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return publicFiles(path.join(dir, entry.name), `${name}/`);
    return entry.isFile() ? [{ name, bytes: readFileSync(path.join(dir, entry.name)) }] : [];
  });
}

/** Files a visitor may need offline: everything built or copied, except source maps and the worker itself. */
const wanted = (name: string) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE && !name.startsWith('.');

/** The list and version for these files; `salt` (the worker's own code) also changes the version. */
export function precacheManifest(files: readonly { name: string; bytes: string | Uint8Array }[], salt = ''): PrecacheManifest {
  const hash = createHash('sha256').update(salt);
  const kept = files.filter((f) => wanted(f.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of kept) hash.update(f.name).update('\0').update(f.bytes).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files: kept.map((f) => f.name) };
}

/**
 * Emits sw.js: the service worker template with the list of every file of this build (JS and
 * CSS chunks, the simulation worker, index.html, manifest, icons) baked in, so it can fill its
 * cache at install and the app works offline after one visit. Runs after Vite has written
 * index.html into the bundle, so the page itself is listed and hashed too.
 */
export function offlinePrecache(): Plugin {
  let config: ResolvedConfig | null = null;
  return {
    name: 'faultline-precache',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      const built = Object.values(bundle).map((item) => ({ name: item.fileName, bytes: item.type === 'chunk' ? item.code : item.source }));
      if (!built.some((f) => f.name === 'index.html')) this.error('index.html is not in the bundle yet: the precache list would miss the page');
      const copied = config?.publicDir ? publicFiles(config.publicDir) : [];
      const template = readFileSync(TEMPLATE, 'utf8');
      const manifest = precacheManifest([...built, ...copied], template);
      if (!template.includes(PLACEHOLDER)) this.error(`${TEMPLATE} lacks ${PLACEHOLDER}`);
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: template.replace(PLACEHOLDER, JSON.stringify(manifest)) });
    },
  };
}
