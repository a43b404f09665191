import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runFreshness, useAppStore } from '../../store';
import { StaleNotice } from '../../studio/StaleNotice';
import { Dialog } from '../../ui/Dialog';
import { exportEntries, type ExportEntry } from './entries';
import { closeExportDialog, useExportDialogOpen } from './exportDialogStore';
import { copyImage, copyText, downloadBlob } from './transfer';
import './export.css';

type Status = { readonly tone: 'busy' | 'done' | 'error'; readonly text: string } | null;

/** Every export in one place, each with Download and Copy to clipboard. */
export function ExportDialog() {
  const open = useExportDialogOpen();
  return (
    <Dialog title="Export" open={open} onClose={closeExportDialog} wide>
      <ExportList />
    </Dialog>
  );
}

function ExportList() {
  const source = useAppStore(useShallow((s) => ({ scenario: s.scenario, runScenario: s.runScenario, runResult: s.runResult, runSamples: s.runSamples, runFreshness: runFreshness(s) })));
  const entries = exportEntries(source);
  return (
    <>
      <p className="export-intro">
        Downloads and copies are made from <strong>{source.scenario.title}</strong> as it is now. PNG and SVG pictures carry the scenario: drop one on the canvas to
        open it again.
      </p>
      <StaleNotice of="run">The run&rsquo;s CSV exports are refused until it runs again; the Markdown report says its numbers are from the earlier version.</StaleNotice>
      <ul className="export-list" aria-label="Exports">
        {entries.map((entry) => (
          <ExportRow key={entry.id} entry={entry} />
        ))}
      </ul>
    </>
  );
}

async function asBlob(entry: ExportEntry): Promise<Blob> {
  const made = entry.make();
  return typeof made === 'string' ? new Blob([made], { type: entry.mime }) : made;
}

function ExportRow({ entry }: { entry: ExportEntry }) {
  const [status, setStatus] = useState<Status>(null);
  const busy = status?.tone === 'busy';
  const disabled = entry.unavailable !== null || busy;
  const failed = (error: unknown) => setStatus({ tone: 'error', text: `Could not make it: ${error instanceof Error ? error.message : 'unknown error'}` });

  const download = async () => {
    setStatus({ tone: 'busy', text: 'Preparing…' });
    try {
      downloadBlob(entry.fileName, await asBlob(entry));
      setStatus({ tone: 'done', text: `Downloaded ${entry.fileName}.` });
    } catch (error) {
      failed(error);
    }
  };

  const copy = async () => {
    setStatus({ tone: 'busy', text: 'Copying…' });
    try {
      const made = entry.make();
      // Pictures go to the clipboard as images; everything else as text (SVG included: it is text).
      const outcome = typeof made === 'string' ? await copyText(made) : await copyImage(made, entry.mime);
      setStatus(outcome.ok ? { tone: 'done', text: 'Copied to the clipboard.' } : { tone: 'error', text: outcome.reason });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <li className="export-row" data-testid={`export-${entry.id}`}>
      <div className="export-row__text">
        <h3 className="export-row__label">{entry.label}</h3>
        <p className="export-row__description">{entry.unavailable ?? entry.description}</p>
        <code className="export-row__file">{entry.fileName}</code>
      </div>
      <div className="export-row__actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => void download()} aria-label={`Download ${entry.label}`}>
          Download
        </button>
        <button type="button" disabled={disabled} onClick={() => void copy()} aria-label={`Copy ${entry.label} to the clipboard`}>
          Copy
        </button>
      </div>
      <p className={`export-row__status${status ? ` export-row__status--${status.tone}` : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </li>
  );
}
