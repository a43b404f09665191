import type { NodeKind } from '../model';

/**
 * The look of each node kind in exported pictures. `export/` may not import `ui/` or the
 * stylesheet, so the kind colours of styles.css (`--k-*`) and the glyphs of ui/Icon.tsx are
 * repeated here as constant markup (24x24 grid, stroked). Keep them in step when either changes.
 */
export const KIND_COLOUR: Readonly<Record<NodeKind, string>> = {
  client: '#7c3aed',
  gateway: '#0e7490',
  loadBalancer: '#0369a1',
  service: '#2563eb',
  database: '#b45309',
  cache: '#be185d',
  queue: '#4d7c0f',
  topic: '#15803d',
  external: '#475569',
};

export const KIND_GLYPH: Readonly<Record<NodeKind, string>> = {
  client: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/>',
  gateway: '<path d="M4 20V9l8-5 8 5v11"/><path d="M9 20v-6h6v6"/>',
  loadBalancer:
    '<circle cx="5" cy="12" r="2"/><circle cx="19" cy="5" r="2"/><circle cx="19" cy="12" r="2"/><circle cx="19" cy="19" r="2"/><path d="M7 12h10M7 11l10-5M7 13l10 5"/>',
  service: '<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M8 9h8M8 12h8M8 15h5"/>',
  database:
    '<ellipse cx="12" cy="5.5" rx="7" ry="2.5"/><path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13"/><path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5"/>',
  cache: '<path d="M13 2 5 13h6l-1 9 8-11h-6z"/>',
  queue:
    '<rect x="2.5" y="8" width="4" height="8" rx="1"/><rect x="8.5" y="8" width="4" height="8" rx="1"/><rect x="14.5" y="8" width="4" height="8" rx="1"/><path d="M20 12h2"/>',
  topic: '<circle cx="6" cy="12" r="2.5"/><path d="M8.5 12h4M12.5 12l6-6M12.5 12l6 6M12.5 12h7"/>',
  external: '<path d="M7 18a5 5 0 0 1-.6-10A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9z"/>',
};

/** Same palette as the app (styles.css :root). */
export const PALETTE = {
  text: '#1b2330',
  muted: '#5b6574',
  border: '#d9dde3',
  panel: '#ffffff',
  background: '#f4f5f7',
  edge: '#64748b',
  chip: '#eef1f5',
  chipText: '#334155',
  context: '#94a3b8',
  contextText: '#475569',
} as const;

/** System fonts only: a picture must not fetch anything, and an <img>-rendered SVG cannot. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
