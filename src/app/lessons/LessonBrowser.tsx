import { useId, useMemo, useState } from 'react';
import { LESSONS, LESSON_TAGS, searchLessons, type LessonTag } from '../../lessons';
import { Dialog } from '../../ui/Dialog';
import { openLesson } from './lessonActions';
import { closeLessonBrowser, useLessonState } from './lessonStore';

function TagFilter({ tag, onChange }: { tag: LessonTag | null; onChange: (tag: LessonTag | null) => void }) {
  return (
    <div className="lesson-browser__tags" role="group" aria-label="Filter by tag">
      {[null, ...LESSON_TAGS].map((t) => (
        <button key={t ?? 'all'} type="button" className="lesson-tag-button" aria-pressed={tag === t} onClick={() => onChange(t)}>
          {t ?? 'all'}
        </button>
      ))}
    </div>
  );
}

/** The library of lessons: search, filter by tag, open one. */
export function LessonBrowser() {
  const open = useLessonState((s) => s.browserOpen);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<LessonTag | null>(null);
  const found = useMemo(() => searchLessons(LESSONS, query, tag), [query, tag]);
  const countId = useId();
  return (
    <Dialog title="Lessons" open={open} onClose={closeLessonBrowser} wide>
      <div className="lesson-browser">
        <p className="lesson-browser__intro">
          Each lesson is a scenario with a story: run it, follow the steps, apply the changes they suggest. Every lesson’s claim is checked against the simulator by the test suite.
        </p>
        <div className="lesson-browser__filters">
          <input
            type="search"
            className="lesson-browser__search"
            aria-label="Search lessons"
            aria-describedby={countId}
            placeholder="Search: breaker, retry, saga, cache..."
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoFocus
          />
          <TagFilter tag={tag} onChange={setTag} />
        </div>
        <p id={countId} className="lesson-browser__count" aria-live="polite">
          {found.length === 0 ? 'No lesson matches.' : `${found.length} ${found.length === 1 ? 'lesson' : 'lessons'}`}
        </p>
        <ul className="lesson-list" aria-label="Lessons found">
          {found.map((lesson) => (
            <li key={lesson.id} className="lesson-card">
              <div className="lesson-card__body">
                <h3 className="lesson-card__title">{lesson.title}</h3>
                <p className="lesson-card__summary">{lesson.summary}</p>
                <p className="lesson-card__meta">
                  {lesson.tags.map((t) => (
                    <span key={t} className={`lesson-chip lesson-chip--${t}`}>
                      {t}
                    </span>
                  ))}
                  <span className="lesson-card__steps">{lesson.steps.length} steps</span>
                </p>
              </div>
              <button type="button" className="primary" aria-label={`Open lesson: ${lesson.title}`} onClick={() => openLesson(lesson.id)}>
                Open
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
