import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../model';
import { appStore, edits, useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';

/** Names a new bounded context made of the selected nodes. */
export function ContextDialog() {
  const nodeIds = useAppStore((s) => s.namingContextFor);
  const close = () => appStore.getState().setNamingContextFor(null);
  return (
    <Dialog title="New bounded context" open={nodeIds !== null} onClose={close}>
      {nodeIds ? <ContextForm nodeIds={nodeIds} onDone={close} /> : null}
    </Dialog>
  );
}

function ContextForm({ nodeIds, onDone }: { nodeIds: readonly string[]; onDone: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const clean = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!clean) return;
    const members = new Set(nodeIds);
    appStore.getState().apply('Group into context', (s) => edits.groupNodes(s, members, clean.slice(0, LIMITS.maxLabelLength)).scenario);
    onDone();
  };
  return (
    <form onSubmit={submit}>
      <p>
        Groups {nodeIds.length} {nodeIds.length === 1 ? 'node' : 'nodes'} into a named bounded context (a part of the domain one team owns).
      </p>
      <div className="field">
        <label htmlFor={id}>Name</label>
        <input id={id} type="text" autoFocus value={name} maxLength={LIMITS.maxLabelLength} onChange={(e) => setName(e.target.value)} placeholder="e.g. Payments" />
      </div>
      <button type="submit" disabled={!clean}>
        Create context
      </button>
    </form>
  );
}
