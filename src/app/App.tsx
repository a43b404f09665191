import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../editor/Canvas';
import { Inspector } from '../editor/inspector/Inspector';
import { Palette } from '../editor/Palette';
import { importFiles } from './actions';
import { BottomPanel } from './BottomPanel';
import { ContextDialog } from './ContextDialog';
import { HelpOverlay } from './HelpOverlay';
import { ImportReportDialog } from './ImportReport';
import { Notices } from './Notices';
import { useShortcuts } from './shortcuts';
import { SelectionBar } from './SelectionBar';
import { Toolbar } from './Toolbar';

const onDropFiles = (files: File[]) => void importFiles(files);

export function App() {
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Notices />
        <main className="workspace">
          <Palette />
          <div className="center">
            <div className="canvas-wrap">
              <Canvas onDropFiles={onDropFiles} />
              <SelectionBar />
            </div>
            <BottomPanel />
          </div>
          <Inspector />
        </main>
        <HelpOverlay />
        <ImportReportDialog />
        <ContextDialog />
      </div>
    </ReactFlowProvider>
  );
}
