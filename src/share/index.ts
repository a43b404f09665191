/** Scenario share links: `#s=<format>.<base64url of the deflated lean scenario>`. See docs/share-links.md. */
export { LINK_FORMAT, LINK_PREFIX, MAX_LINK_CHARS, MAX_UNPACKED_BYTES, decodeShareLink, encodeShareLink, isShareLink, shareFragment } from './link';
export type { DecodedLink, ShareLinkError, ShareLinkErrorKind } from './link';
export type { ShareView } from './view';
