import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly fault: string | null;
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [], fault: null };

export interface SelectionSlice {
  selection: Selection;
  select: (selection: Partial<Selection>) => void;
  clearSelection: () => void;
  /** Drops ids that no longer exist (after undo, delete, open). */
  pruneSelection: () => void;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  select: (partial) => {
    const current = get().selection;
    const next: Selection = {
      nodes: partial.nodes ?? (partial.edges || partial.fault !== undefined ? [] : current.nodes),
      edges: partial.edges ?? (partial.nodes || partial.fault !== undefined ? [] : current.edges),
      fault: partial.fault !== undefined ? partial.fault : partial.nodes || partial.edges ? null : current.fault,
    };
    if (sameList(next.nodes, current.nodes) && sameList(next.edges, current.edges) && next.fault === current.fault) return;
    set({ selection: next });
  },
  clearSelection: () => {
    if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
  },
  pruneSelection: () => {
    const { scenario, selection } = get();
    const nodes = new Set(scenario.nodes.map((n) => n.id));
    const edges = new Set(scenario.edges.map((e) => e.id));
    const faults = new Set(scenario.faults.map((f) => f.id));
    const next: Selection = {
      nodes: selection.nodes.filter((id) => nodes.has(id)),
      edges: selection.edges.filter((id) => edges.has(id)),
      fault: selection.fault !== null && faults.has(selection.fault) ? selection.fault : null,
    };
    if (!sameList(next.nodes, selection.nodes) || !sameList(next.edges, selection.edges) || next.fault !== selection.fault) {
      set({ selection: next });
    }
  },
});
