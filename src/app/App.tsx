import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../editor/Canvas';
import { Inspector } from '../editor/inspector/Inspector';
import { Palette } from '../editor/Palette';
import { importFiles } from './actions';
import { BottomPanel } from './BottomPanel';
import { HelpOverlay } from './HelpOverlay';
import { ImportReportDialog } from './ImportReport';
import { Notices } from './Notices';
import { useShortcuts } from './shortcuts';
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
            <Canvas onDropFiles={onDropFiles} />
            <BottomPanel />
          </div>
          <Inspector />
        </main>
        <HelpOverlay />
        <ImportReportDialog />
      </div>
    </ReactFlowProvider>
  );
}
