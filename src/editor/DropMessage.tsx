import { useLayoutEffect, useRef, useState } from 'react';
import { messageAnchor } from './connectTargets';
import type { DropNotice } from './useCanvasGestures';
import './connect.css';

/**
 * Why a connection dropped here was refused, at the drop point. It goes on the next action (the
 * canvas dismisses it); role=alert so that a screen reader says it at once.
 */
export function DropMessage({ notice }: { notice: DropNotice }) {
  const ref = useRef<HTMLDivElement>(null);
  const [canvas, setCanvas] = useState({ width: Infinity, height: Infinity });
  useLayoutEffect(() => {
    const parent = ref.current?.offsetParent;
    if (parent instanceof HTMLElement) setCanvas({ width: parent.clientWidth, height: parent.clientHeight });
  }, [notice]);
  const anchor = messageAnchor(notice.point, canvas);
  return (
    <div
      ref={ref}
      role="alert"
      className={`drop-message${anchor.alignRight ? ' drop-message--left' : ''}${anchor.alignBottom ? ' drop-message--up' : ''}`}
      style={{ left: anchor.left, top: anchor.top }}
      data-testid="drop-message"
    >
      {notice.text}
    </div>
  );
}
