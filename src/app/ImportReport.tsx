import { issueToString } from '../model';
import { useAppStore } from '../store';
import { Dialog } from '../ui/Dialog';

/** Why an imported file was refused; the open scenario is untouched. */
export function ImportReportDialog() {
  const report = useAppStore((s) => s.importReport);
  const close = useAppStore((s) => s.setImportReport);
  return (
    <Dialog title="This file could not be imported" open={report !== null} onClose={() => close(null)} wide>
      {report ? (
        <>
          <p>
            <strong>{report.source}</strong> is not a valid Faultline scenario. Your current scenario was not changed. Problems found:
          </p>
          <ul className="error-list" aria-label="Import errors">
            {report.errors.map((e, i) => (
              <li key={i}>
                <code>{issueToString(e)}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => close(null)}>
            OK
          </button>
        </>
      ) : null}
    </Dialog>
  );
}
