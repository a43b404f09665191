import { ReactFlowProvider } from '@xyflow/react';
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
import { LessonLayer } from './lessons';
import { LessonDrawer } from './layout/LessonDrawer';
import { Workspace } from './layout/Workspace';
import { Notices } from './Notices';
import { RunBar } from './RunBar';
import { useShortcuts } from './shortcuts';
import { SelectionBar } from './SelectionBar';
import { ShareLayer } from './share';
import { Toolbar } from './Toolbar';
import { CanvasStaleNotice } from '../studio/StaleNotice';

const onDropFiles = (files: File[]) => void importFiles(files);
const fitAfterOpening = () => requestAnimationFrame(() => canvasApi()?.fitView());

export function App() {
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Workspace
          palette={<Palette />}
          canvas={
            <div className="canvas-wrap">
              <Canvas onDropFiles={onDropFiles} />
              <SelectionBar />
              <CanvasStaleNotice />
            </div>
          }
          runBar={<RunBar />}
          bottom={<BottomPanel />}
          side={
            <>
              <Inspector />
              <LessonDrawer />
            </>
          }
        />
        <Notices />
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
