import { useEffect } from 'react';
import { STORAGE_NOTICE, appStore, useAppStore, type Notice } from '../store';
import { exportScenarioFile } from '../export/scenarioFile';
import { Icon } from '../ui/Icon';

/** The storage banner offers the way out at once: the open scenario as a file (the store cannot download). */
const DOWNLOAD_A_COPY = { label: 'Download a copy', run: () => exportScenarioFile(appStore.getState().scenario) };

function NoticeView({ notice: given, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  useEffect(() => {
    if (!given.ttlMs) return;
    const timer = setTimeout(onDismiss, given.ttlMs);
    return () => clearTimeout(timer);
  }, [given, onDismiss]);
  const notice = given.id === STORAGE_NOTICE ? { ...given, actions: [...(given.actions ?? []), DOWNLOAD_A_COPY] } : given;
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.tone === 'info' ? 'help' : notice.tone} size={18} />
      <div className="notice__body">
        <p>{notice.text}</p>
        {notice.details && notice.details.length > 0 ? (
          <ul className="notice__details">
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
        {notice.technical ? (
          <details className="notice__technical">
            <summary>Technical details</summary>
            <p>{notice.technical}</p>
          </details>
        ) : null}
        {notice.actions && notice.actions.length > 0 ? (
          <div className="notice__actions">
            {notice.actions.map((a) => (
              <button key={a.label} type="button" className="notice__action" onClick={a.run}>
                {a.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

/** Banners for problems (storage full, unreadable data) and passing remarks. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeView key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
      ))}
    </div>
  );
}
