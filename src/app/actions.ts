import { KIND_INFO, NODE_KINDS, issueToString, type Issue } from '../model';
import { canvasApi } from '../editor/canvasApi';
import { openFindDialog } from '../editor/findStore';
import { autoLayout } from '../editor/layout';
import { addNodeInView } from '../editor/Palette';
import { downloadText, exportScenarioFile } from '../export/scenarioFile';
import { readImportFile } from '../export/importFile';
import { exportFileName } from '../export/fileNames';
import { samplesToCsv } from '../export/samplesCsv';
import { csv, fromTable } from '../export/tables';
import { summarize } from '../model';
import { appStore, copySelection, edits, isBatchRunning, isRunStale, pasteSnippet, type AppState, type Snippet } from '../store';
import { openWizard } from '../wizard';
import { openLessonBrowser } from './lessons/lessonStore';
import { copyShareLink } from './share';
import { openExportDialog } from './export/exportDialogStore';

export type ActionGroup = 'Add' | 'Edit' | 'View' | 'Run' | 'Scenario' | 'Help';

/**
 * Every user-visible action, once: the toolbar, the menus, the keyboard and the help overlay
 * all read this registry, so they cannot drift apart.
 */
export interface AppAction {
  readonly id: string;
  readonly label: string;
  readonly group: ActionGroup;
  /** Key chords like "Mod+Shift+Z" (Mod = Ctrl, or Cmd on a Mac). */
  readonly keys?: readonly string[];
  readonly enabled?: (state: AppState) => boolean;
  readonly perform: () => void | Promise<void>;
  /** Its keys also work while a slider (the time scrubber) has the focus. */
  readonly onSliders?: boolean;
}

let clipboard: Snippet | null = null;
let pastes = 0;
const PASTE_OFFSET = 40;
const state = () => appStore.getState();
const hasNodeSelection = (s: AppState) => s.selection.nodes.length > 0;
const hasSelection = (s: AppState) => s.selection.nodes.length + s.selection.edges.length > 0 || s.selection.fault !== null;

function deleteSelection(): void {
  const s = state();
  if (s.selection.fault !== null && s.selection.nodes.length === 0 && s.selection.edges.length === 0) {
    const id = s.selection.fault;
    s.apply('Delete fault', (sc) => edits.removeFault(sc, id));
  } else {
    const nodes = new Set(s.selection.nodes);
    const edgeIds = new Set(s.selection.edges);
    s.apply('Delete', (sc) => edits.removeItems(sc, nodes, edgeIds));
  }
  state().clearSelection();
}

function copy(): boolean {
  const s = state();
  const snippet = copySelection(s.scenario, new Set(s.selection.nodes));
  if (!snippet) return false;
  clipboard = snippet;
  pastes = 0;
  // Best effort: also put it on the system clipboard as JSON, for pasting into a text editor.
  void navigator.clipboard?.writeText(JSON.stringify(snippet, null, 2)).catch(() => undefined);
  return true;
}

/** Pastes a snippet; repeated pastes of the same copy land a step further each time. */
function paste(snippet: Snippet | null, label: string): void {
  if (!snippet) return;
  pastes = snippet === clipboard ? pastes + 1 : 1;
  const s = state();
  let ids: { nodeIds: string[]; edgeIds: string[] } = { nodeIds: [], edgeIds: [] };
  s.apply(label, (sc) => {
    const result = pasteSnippet(sc, snippet, PASTE_OFFSET * (snippet === clipboard ? pastes : 1));
    ids = result;
    return result.scenario;
  });
  state().select({ nodes: ids.nodeIds, edges: ids.edgeIds });
}

async function runAutoLayout(): Promise<void> {
  const s = state();
  try {
    const positions = await autoLayout(s.scenario);
    state().apply('Auto-layout', (sc) => edits.moveNodes(sc, positions));
    requestAnimationFrame(() => canvasApi()?.fitView());
  } catch (error) {
    state().notify({ id: 'layout-failed', tone: 'error', text: `Auto-layout failed: ${error instanceof Error ? error.message : 'unknown error'}. Nothing was moved.` });
  }
}

/** Imports scenario files: a valid one opens as a new named scenario; a bad one shows its errors. */
/** Reads one dropped or picked file and adds it as a new scenario; the problems when it cannot be read. */
async function importOne(file: File): Promise<{ ok: true; title: string; laidOut: boolean; warnings: readonly string[] } | { ok: false; errors: readonly Issue[] } | null> {
  // By content: scenario JSON, a PNG or SVG exported by Faultline, or a Mermaid flowchart.
  const result = await readImportFile(file);
  const s = state();
  if (!result.ok) return { ok: false, errors: result.errors };
  // A file without positions (hand-written, generated, Mermaid) is laid out to fit the canvas.
  let scenario = result.scenario;
  let laidOut = false;
  if (result.placed?.length) {
    s.notify({ id: 'imported', tone: 'info', text: `Laying out "${scenario.title}" (${scenario.nodes.length} nodes)…` });
    try {
      scenario = edits.moveNodes(scenario, await autoLayout(scenario, canvasApi()?.viewAspect()));
      laidOut = true;
    } catch {
      // Keep the provisional columns from restore: the import itself is fine.
    }
  }
  if (!s.addScenario(scenario)) return null;
  return { ok: true, title: result.scenario.title, laidOut, warnings: result.warnings.map(issueToString) };
}

/**
 * Imports dropped or picked files, each as a new scenario (the last one opens). Each file is
 * reported on: the ones imported, and for each one that could not be read, its problems.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const imported: { name: string; title: string; laidOut: boolean; warnings: readonly string[] }[] = [];
  const refused: { name: string; errors: readonly Issue[] }[] = [];
  for (const file of files) {
    const outcome = await importOne(file);
    if (outcome === null) break; // the user chose to stay with unsaved work
    if (outcome.ok) imported.push({ name: file.name, ...outcome });
    else refused.push({ name: file.name, errors: outcome.errors });
  }
  const s = state();
  if (imported.length > 0) requestAnimationFrame(() => canvasApi()?.fitView());
  if (refused.length > 0) {
    // One report for every file that could not be read, each problem under its file's name.
    const single = files.length === 1 ? refused[0] : undefined;
    s.setImportReport(
      single
        ? { source: single.name, errors: single.errors }
        : {
            source: `${refused.length} of ${files.length} files (${refused.map((r) => r.name).join(', ')})`,
            errors: refused.flatMap((r) => r.errors.map((e) => ({ ...e, path: e.path ? `${r.name}: ${e.path}` : r.name }))),
          },
    );
  }
  const only = imported.length === 1 && files.length === 1 ? imported[0] : undefined;
  if (only) {
    s.notify({
      id: 'imported',
      tone: 'info',
      text: `Imported "${only.title}" from ${only.name} as a new scenario.${only.laidOut ? ' It had no positions, so it was laid out.' : ''}`,
      details: only.warnings,
      ttlMs: 8000,
    });
  } else if (imported.length > 0) {
    s.notify({
      id: 'imported',
      tone: refused.length > 0 ? 'warning' : 'info',
      text: `Imported ${imported.length} of ${files.length} files as new scenarios: ${imported.map((i) => `"${i.title}" (${i.name})`).join(', ')}.${refused.length > 0 ? ` ${refused.map((r) => r.name).join(', ')} could not be read: see the report.` : ''}`,
      details: imported.flatMap((i) => [...(i.laidOut ? [`${i.name}: it had no positions, so it was laid out.`] : []), ...i.warnings.map((w) => `${i.name}: ${w}`)]),
      ...(refused.length > 0 ? {} : { ttlMs: 8000 }),
    });
  } else s.dismiss('imported');
}

/** Opens the system file picker for a scenario file. */
export function pickFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json,.png,image/png,.svg,image/svg+xml,.mmd,.mermaid,.md,.txt,text/plain';
  input.addEventListener('change', () => void importFiles([...(input.files ?? [])]));
  input.click();
}

export const ACTIONS: readonly AppAction[] = [
  ...NODE_KINDS.map(
    (kind, i): AppAction => ({
      id: `add-${kind}`,
      label: `Add ${KIND_INFO[kind].label.toLowerCase()}`,
      group: 'Add',
      keys: [String(i + 1)],
      perform: () => void addNodeInView(kind),
    }),
  ),
  { id: 'undo', label: 'Undo', group: 'Edit', keys: ['Mod+Z'], enabled: (s) => s.past.length > 0, perform: () => state().undo() },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], enabled: (s) => s.future.length > 0, perform: () => state().redo() },
  { id: 'delete', label: 'Delete selection', group: 'Edit', keys: ['Delete', 'Backspace'], enabled: hasSelection, perform: deleteSelection },
  { id: 'copy', label: 'Copy', group: 'Edit', keys: ['Mod+C'], enabled: hasNodeSelection, perform: () => void copy() },
  {
    id: 'cut',
    label: 'Cut',
    group: 'Edit',
    keys: ['Mod+X'],
    enabled: hasNodeSelection,
    perform: () => {
      if (copy()) deleteSelection();
    },
  },
  { id: 'paste', label: 'Paste', group: 'Edit', keys: ['Mod+V'], enabled: () => clipboard !== null, perform: () => paste(clipboard, 'Paste') },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+D'],
    enabled: hasNodeSelection,
    perform: () => paste(copySelection(state().scenario, new Set(state().selection.nodes)), 'Duplicate'),
  },
  {
    id: 'select-all',
    label: 'Select all',
    group: 'Edit',
    keys: ['Mod+A'],
    perform: () => state().select({ nodes: state().scenario.nodes.map((n) => n.id), edges: state().scenario.edges.map((e) => e.id) }),
  },
  {
    id: 'clear-selection',
    label: 'Clear selection (or stop picking a fault target)',
    group: 'Edit',
    keys: ['Escape'],
    perform: () => (state().pickingTargetFor !== null ? state().setPickingTargetFor(null) : state().clearSelection()),
  },
  {
    id: 'connect-to',
    label: 'Connect to… (the selected node)',
    group: 'Edit',
    keys: ['C'],
    enabled: (s) => s.selection.nodes.length === 1,
    perform: () => {
      const nodeId = state().selection.nodes[0];
      if (nodeId !== undefined) canvasApi()?.connectFrom(nodeId);
    },
  },
  {
    id: 'group',
    label: 'Group into a bounded context',
    group: 'Edit',
    keys: ['Mod+G'],
    enabled: hasNodeSelection,
    perform: () => state().setNamingContextFor([...state().selection.nodes]),
  },
  {
    id: 'ungroup',
    label: 'Ungroup (leave the bounded context)',
    group: 'Edit',
    keys: ['Mod+Shift+G'],
    enabled: hasNodeSelection,
    perform: () => {
      const nodes = new Set(state().selection.nodes);
      state().apply('Ungroup', (sc) => edits.ungroupNodes(sc, nodes));
    },
  },
  { id: 'auto-layout', label: 'Auto-layout', group: 'View', keys: ['Shift+L'], perform: runAutoLayout },
  { id: 'find', label: 'Find a node by name', group: 'View', keys: ['Mod+F', '/'], perform: openFindDialog },
  { id: 'fit', label: 'Zoom to fit', group: 'View', keys: ['Shift+1'], perform: () => canvasApi()?.fitView() },
  { id: 'zoom-in', label: 'Zoom in', group: 'View', keys: ['=', '+'], perform: () => canvasApi()?.zoomIn() },
  { id: 'zoom-out', label: 'Zoom out', group: 'View', keys: ['-'], perform: () => canvasApi()?.zoomOut() },
  { id: 'snap', label: 'Snap to grid on/off', group: 'View', keys: ['Shift+G'], perform: () => state().toggleSnapToGrid() },
  { id: 'run', label: 'Run simulation', group: 'Run', keys: ['Mod+Enter'], enabled: (s) => s.runPhase !== 'running' && s.runPhase !== 'paused', perform: () => void state().startRun() },
  { id: 'pause', label: 'Pause', group: 'Run', keys: ['Shift+P'], enabled: (s) => s.runPhase === 'running', perform: () => state().pauseRun() },
  { id: 'resume', label: 'Resume', group: 'Run', keys: ['Shift+R'], enabled: (s) => s.runPhase === 'paused', perform: () => state().resumeRun() },
  { id: 'scrub-worst', label: 'Show the worst moment', group: 'Run', keys: ['W'], onSliders: true, enabled: (s) => s.runSamples.length > 0, perform: () => void state().scrubToWorst() },
  { id: 'scrub-latest', label: 'Show the latest moment', group: 'Run', keys: ['L'], onSliders: true, enabled: (s) => s.runSamples.length > 0, perform: () => state().scrubToLatest() },
  { id: 'cancel-run', label: 'Cancel run', group: 'Run', keys: ['Mod+.'], enabled: (s) => s.runPhase === 'running' || s.runPhase === 'paused', perform: () => state().cancelRun() },
  {
    id: 'run-compare',
    label: 'Compare: run A and B',
    group: 'Run',
    enabled: (s) => !isBatchRunning(s),
    perform: () => {
      state().setBottomTab('compare');
      state().runCompare();
    },
  },
  {
    id: 'run-sweep',
    label: 'Sweep: run every value',
    group: 'Run',
    enabled: (s) => !isBatchRunning(s),
    perform: () => {
      state().setBottomTab('sweep');
      state().runSweep();
    },
  },
  { id: 'cancel-batch', label: 'Cancel compare or sweep', group: 'Run', enabled: isBatchRunning, perform: () => state().cancelBatch() },
  { id: 'save', label: 'Save now', group: 'Scenario', keys: ['Mod+S'], perform: () => void state().saveNow() },
  { id: 'import', label: 'Open file…', group: 'Scenario', keys: ['Mod+O'], perform: pickFile },
  { id: 'export', label: 'Export scenario file', group: 'Scenario', keys: ['Mod+Shift+E'], perform: () => exportScenarioFile(state().scenario) },
  { id: 'copy-share-link', label: 'Copy share link', group: 'Scenario', perform: copyShareLink },
  { id: 'export-dialog', label: 'Export…', group: 'Scenario', perform: openExportDialog },
  {
    id: 'export-samples',
    label: 'Export samples (CSV)',
    group: 'Run',
    enabled: (s) => s.runSamples.length > 0 && !isRunStale(s),
    perform: () => {
      const s = state();
      downloadText(exportFileName(s.runScenario ?? s.scenario, '.samples.csv'), samplesToCsv(s.runSamples), 'text/csv');
    },
  },
  {
    id: 'export-summary',
    label: 'Export summary (CSV)',
    group: 'Run',
    enabled: (s) => s.runResult !== null && !isRunStale(s),
    perform: () => {
      const s = state();
      if (!s.runResult) return;
      downloadText(exportFileName(s.runScenario ?? s.scenario, '.summary.csv'), csv(summarize(s.runResult).map(fromTable)), 'text/csv');
    },
  },
  { id: 'new-example', label: 'New from example', group: 'Scenario', perform: () => state().newScenario('example') },
  { id: 'new-blank', label: 'New blank scenario', group: 'Scenario', perform: () => state().newScenario('blank') },
  { id: 'duplicate-scenario', label: 'Duplicate scenario', group: 'Scenario', perform: () => state().duplicateScenario() },
  { id: 'open-lessons', label: 'Lessons', group: 'Help', perform: openLessonBrowser },
  { id: 'open-wizard', label: 'Decide: monolith or microservices?', group: 'Scenario', perform: openWizard },
  { id: 'help', label: 'Keyboard shortcuts', group: 'Help', keys: ['?'], perform: () => state().setHelpOpen(!state().helpOpen) },
];

export function action(id: string): AppAction {
  const found = ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(`no action "${id}"`);
  return found;
}

/** Runs an action if it is enabled now. */
export function perform(a: AppAction): void {
  if (a.enabled && !a.enabled(state())) return;
  void a.perform();
}
