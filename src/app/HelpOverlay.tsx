import { useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';
import { ACTIONS, type ActionGroup } from './actions';
import { showChord } from './shortcuts';

const GROUPS: readonly ActionGroup[] = ['Add', 'Edit', 'View', 'Run', 'Scenario', 'Help'];

/** Every shortcut, from the action registry. */
export function HelpOverlay() {
  const open = useAppStore((s) => s.helpOpen);
  const setOpen = useAppStore((s) => s.setHelpOpen);
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={() => setOpen(false)} wide readOnly>
      <div className="help-grid">
        {GROUPS.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {ACTIONS.filter((a) => a.group === group && a.keys).map((a) => (
                <div key={a.id} className="help-row">
                  <dt>{a.label}</dt>
                  <dd>
                    {a.keys?.map((k) => (
                      <kbd key={k}>{showChord(k)}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Canvas</h3>
          <dl>
            <div className="help-row"><dt>Connect two nodes</dt><dd>drag from the right handle to a node, or use Connect in the inspector</dd></div>
            <div className="help-row"><dt>Select several</dt><dd><kbd>Shift</kbd> + drag a box, or <kbd>Ctrl</kbd>/<kbd>Shift</kbd> + click</dd></div>
            <div className="help-row"><dt>Move selected nodes</dt><dd>drag, or arrow keys</dd></div>
            <div className="help-row"><dt>Pan / zoom</dt><dd>drag the background / wheel or pinch</dd></div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
