/** Scenario share links in the app: reading `#s=` links and the "Copy share link" action. */
export { ShareLayer } from './ShareLayer';
export { copyShareLink } from './shareActions';
