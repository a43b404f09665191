import { faultTargetProblem } from '../model';
import { appStore, edits } from '../store';

/** Makes `targetId` the target of the fault being picked for, or says why it cannot be. */
export function pickFaultTarget(targetId: string): void {
  const state = appStore.getState();
  const faultId = state.pickingTargetFor;
  if (faultId === null) return;
  const fault = state.scenario.faults.find((f) => f.id === faultId);
  if (!fault) {
    state.setPickingTargetFor(null);
    return;
  }
  const nodes = new Map(state.scenario.nodes.map((n) => [n.id, n]));
  const edgeMap = new Map(state.scenario.edges.map((e) => [e.id, e]));
  const problem = faultTargetProblem({ kind: fault.kind, target: targetId }, nodes, edgeMap);
  if (problem) {
    state.notify({ id: 'pick-target', tone: 'warning', text: `Not a target for this fault: ${problem}. Click another one, or press Esc.`, ttlMs: 8000 });
    return;
  }
  state.apply('Set fault target', (s) =>
    edits.updateFault(s, faultId, (f) => {
      const { replica: _replica, ...rest } = f;
      return { ...rest, target: targetId };
    }),
  );
  state.dismiss('pick-target');
  state.setPickingTargetFor(null);
  state.select({ fault: faultId });
}
