import type { ReactElement } from 'react';

/** Inline SVG icons (no emoji, no icon font: they must render on any machine). 24x24 grid. */
const PATHS: Record<string, ReactElement> = {
  client: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  gateway: (
    <>
      <path d="M4 20V9l8-5 8 5v11" />
      <path d="M9 20v-6h6v6" />
    </>
  ),
  loadBalancer: (
    <>
      <circle cx="5" cy="12" r="2" />
      <circle cx="19" cy="5" r="2" />
      <circle cx="19" cy="12" r="2" />
      <circle cx="19" cy="19" r="2" />
      <path d="M7 12h10M7 11l10-5M7 13l10 5" />
    </>
  ),
  service: (
    <>
      <rect x="4" y="4" width="16" height="16" rx="3" />
      <path d="M8 9h8M8 12h8M8 15h5" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" />
      <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  cache: <path d="M13 2 5 13h6l-1 9 8-11h-6z" />,
  queue: (
    <>
      <rect x="2.5" y="8" width="4" height="8" rx="1" />
      <rect x="8.5" y="8" width="4" height="8" rx="1" />
      <rect x="14.5" y="8" width="4" height="8" rx="1" />
      <path d="M20 12h2" />
    </>
  ),
  topic: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <path d="M8.5 12h4M12.5 12l6-6M12.5 12l6 6M12.5 12h7" />
    </>
  ),
  external: (
    <>
      <path d="M7 18a5 5 0 0 1-.6-10A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9z" />
    </>
  ),
  undo: <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  redo: <path d="m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />,
  layout: (
    <>
      <rect x="3" y="9" width="5" height="6" rx="1" />
      <rect x="16" y="3" width="5" height="6" rx="1" />
      <rect x="16" y="15" width="5" height="6" rx="1" />
      <path d="M8 12h4v-6h4M12 12v6h4" />
    </>
  ),
  fit: <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />,
  help: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17.5v.01" />
    </>
  ),
  warning: (
    <>
      <path d="M12 3 2 20h20z" />
      <path d="M12 10v4M12 17v.01" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m9 9 6 6M15 9l-6 6" />
    </>
  ),
  close: <path d="m6 6 12 12M18 6 6 18" />,
  import: <path d="M12 3v12M7 10l5 5 5-5M4 19h16" />,
  export: <path d="M12 15V3M7 8l5-5 5 5M4 19h16" />,
  plus: <path d="M12 5v14M5 12h14" />,
  trash: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />,
  group: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" strokeDasharray="3 2" />
      <rect x="7" y="8" width="4" height="4" />
      <rect x="13" y="12" width="4" height="4" />
    </>
  ),
};

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, title }: { name: string; size?: number; title?: string }) {
  const path = PATHS[name] ?? PATHS.service;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      {path}
    </svg>
  );
}
