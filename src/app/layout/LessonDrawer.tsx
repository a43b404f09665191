import { useEffect, useRef } from 'react';
import { findLesson } from '../../lessons';
import { LessonPanel } from '../lessons';
import { useLessonState } from '../lessons/lessonStore';
import { setFolded, setLessonCollapsed, useLayout } from './layoutStore';

const DRAWER_ID = 'lesson-drawer';

/**
 * The open lesson as a drawer over the inspector column (never a column of its own, so the canvas
 * keeps its width). Hide it to see the inspector; a bar at the top of the column brings it back.
 */
export function LessonDrawer() {
  const lessonId = useLessonState((s) => s.lessonId);
  const workshop = useLessonState((s) => s.workshop);
  const collapsed = useLayout((s) => s.lessonCollapsed);
  const bar = useRef<HTMLButtonElement>(null);
  const hide = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // A lesson that opens is shown, in the column even if the inspector was folded away.
    if (lessonId === null) return;
    setLessonCollapsed(false);
    setFolded('inspector', false);
  }, [lessonId]);
  const hidden = collapsed && !workshop;
  useEffect(() => {
    // Hiding or showing the drawer keeps the focus on the control that brings it back or hides it.
    if (!moved.current) return;
    moved.current = false;
    (hidden ? bar : hide).current?.focus();
  }, [hidden]);
  const lesson = lessonId === null ? undefined : findLesson(lessonId);
  if (!lesson) return null;
  const toggle = (next: boolean) => {
    moved.current = true;
    setLessonCollapsed(next);
  };
  return (
    <>
      {hidden ? (
        <button ref={bar} type="button" className="lesson-bar" aria-controls={DRAWER_ID} aria-expanded={false} onClick={() => toggle(false)}>
          <span className="lesson-bar__title">Lesson: {lesson.title}</span>
          <span className="lesson-bar__show">Show lesson</span>
        </button>
      ) : null}
      <div id={DRAWER_ID} className="lesson-drawer" hidden={hidden}>
        <button ref={hide} type="button" className="lesson-drawer__hide" aria-controls={DRAWER_ID} aria-expanded={!hidden} onClick={() => toggle(true)} title="Hide the lesson to see the inspector">
          Hide lesson
        </button>
        <LessonPanel />
      </div>
    </>
  );
}
