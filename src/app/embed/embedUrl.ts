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
