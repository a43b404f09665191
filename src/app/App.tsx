import { ReactFlowProvider } from '@xyflow/react';
import { useAppStore } from '../store';
import { Canvas } from '../editor/Canvas';
import { Inspector } from '../editor/inspector/Inspector';
import { FindNodeDialog } from '../editor/FindNodeDialog';
import { canvasApi } from '../editor/canvasApi';
import { downloadText } from '../export/scenarioFile';
import { Wizard } from '../wizard';
import { Palette } from '../editor/Palette';
import { importFiles } from './actions';
import { BottomPanel } from './BottomPanel';
import { ContextDialog } from './ContextDialog';
import { ExportDialog } from './export/ExportDialog';
import { HelpOverlay } from './HelpOverlay';
import { ImportReportDialog } from './ImportReport';
import { LessonLayer, LessonPanel } from './lessons';
import { Notices } from './Notices';
import { RunBar } from './RunBar';
import { useShortcuts } from './shortcuts';
import { SelectionBar } from './SelectionBar';
import { ShareLayer } from './share';
import { Toolbar } from './Toolbar';

const onDropFiles = (files: File[]) => void importFiles(files);
const fitAfterOpening = () => requestAnimationFrame(() => canvasApi()?.fitView());

export function App() {
  useShortcuts();
  const tall = useAppStore((s) => s.bottomTab === 'results' || s.bottomTab === 'events' || s.bottomTab === 'compare' || s.bottomTab === 'sweep');
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Notices />
        <main className="workspace">
          <Palette />
          <div className={`center${tall ? ' center--tall' : ''}`}>
            <div className="canvas-wrap">
              <Canvas onDropFiles={onDropFiles} />
              <SelectionBar />
            </div>
            <RunBar />
            <BottomPanel />
          </div>
          <Inspector />
          <LessonPanel />
        </main>
        <HelpOverlay />
        <FindNodeDialog />
        <ImportReportDialog />
        <ContextDialog />
        <ExportDialog />
        <LessonLayer />
        <ShareLayer />
        <Wizard download={downloadText} onOpenedInEditor={fitAfterOpening} />
      </div>
    </ReactFlowProvider>
  );
}
