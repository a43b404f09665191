import { useEffect } from 'react';
import { useAppStore, type Notice } from '../store';
import { Icon } from '../ui/Icon';

function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  useEffect(() => {
    if (!notice.ttlMs) return;
    const timer = setTimeout(onDismiss, notice.ttlMs);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
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
