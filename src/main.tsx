// First: configures libraries for the Content-Security-Policy before any of them runs.
import './app/strictCsp';
import '@xyflow/react/dist/base.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { followScenarioTitle } from './app/documentTitle';
import { EmbedApp } from './app/embed/EmbedApp';
import { loadEmbedScenario } from './app/embed/embedScenario';
import { isEmbedUrl } from './app/embed/embedUrl';
import { ErrorBoundary } from './app/ErrorBoundary';
import { registerServiceWorker } from './app/serviceWorker';
import { appStore, startAutosave } from './store';

// After the page has loaded, so precaching the build does not compete with the first paint.
window.addEventListener('load', () => void registerServiceWorker(), { once: true });

// The embed view (an iframe in slides) never opens or saves the user's library.
const embedded = isEmbedUrl(window.location.search);
// Top-level await: the embedded scenario (maybe from a share link) is in place before the first render.
if (embedded) await loadEmbedScenario(window.location.hash);
else {
  appStore.getState().initLibrary();
  startAutosave(appStore);
}
followScenarioTitle(appStore);

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>{embedded ? <EmbedApp /> : <App />}</ErrorBoundary>
  </StrictMode>,
);
