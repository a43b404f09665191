import { escapeXml } from '../../export/svgText';

/** Is this page the embed view (`?embed`, with or without a value)? */
export function isEmbedUrl(search: string): boolean {
  return new URLSearchParams(search).has('embed');
}

/**
 * The full app's address for "Open in Faultline": the same page without `embed`, keeping the
 * fragment so a share link opens the same scenario there.
 */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.href;
}

/** The embed view's address for a share link: the same link with `?embed` (any other parameters kept). */
export function embedUrlFor(href: string): string {
  const url = new URL(href);
  const fragment = url.hash;
  url.hash = '';
  url.searchParams.delete('embed');
  const rest = url.searchParams.toString();
  return `${url.origin}${url.pathname}?embed${rest ? `&${rest}` : ''}${fragment}`;
}

/** An iframe for slides or a wiki page that shows the scenario of a share link, read-only. */
export function embedCode(href: string, title: string): string {
  return `<iframe src="${escapeXml(embedUrlFor(href))}" width="960" height="640" title="${escapeXml(`Faultline: ${title}`)}" style="border: 0"></iframe>`;
}
