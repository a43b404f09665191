import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';
import { Canvas } from '../../editor/Canvas';
import { canvasApi } from '../../editor/canvasApi';
import { ResultsPanel } from '../../studio/ResultsPanel';
import { Notices } from '../Notices';
import { RunBar } from '../RunBar';
import { fullAppUrl } from './embedUrl';
import './embed.css';

// Files dropped on a read-only diagram are ignored (importing would add to the user's library).
const ignoreFiles = () => undefined;

function Results({ ran }: { ran: boolean }) {
  return (
    <section className="embed__results" aria-label="Results">
      {ran ? <ResultsPanel /> : <p className="panel-empty embed__hint">Press Run simulation to watch the failure cascade; the charts appear here.</p>}
    </section>
  );
}

/**
 * The read-only view for an iframe in slides (`?embed`): the diagram (pan, zoom, select), the
 * run controls with their clock, and the results charts. Nothing here edits or saves.
 */
export function EmbedApp() {
  const title = useAppStore((s) => s.scenario.title);
  const hasSamples = useAppStore((s) => s.runSamples.length > 0);
  // The diagram has the room until the first charts arrive; then it shrinks (for good: a second
  // run must not make the layout jump), so it is fitted again.
  const [ran, setRan] = useState(false);
  if (hasSamples && !ran) setRan(true);
  useEffect(() => {
    if (!ran) return;
    const frame = requestAnimationFrame(() => canvasApi()?.fitView());
    return () => cancelAnimationFrame(frame);
  }, [ran]);
  return (
    <ReactFlowProvider>
      <div className={`embed${ran ? ' embed--ran' : ''}`}>
        <header className="embed__bar">
          <img className="embed__logo" src="./favicon.svg" alt="" width={18} height={18} />
          <h1 className="embed__title">{title}</h1>
          <a className="embed__open" href={fullAppUrl(window.location.href)} target="_blank" rel="noopener">
            Open in Faultline
          </a>
        </header>
        <div className="embed__notices">
          <Notices />
        </div>
        <div className="embed__canvas canvas-wrap">
          <Canvas readOnly onDropFiles={ignoreFiles} />
        </div>
        <RunBar />
        <Results ran={ran} />
      </div>
    </ReactFlowProvider>
  );
}
