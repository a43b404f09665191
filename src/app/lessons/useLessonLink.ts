import { useEffect } from 'react';
import { LESSONS, lessonLink, parseLessonLink } from '../../lessons';
import { appStore } from '../../store';
import { openLesson } from './lessonActions';
import { lessonStore } from './lessonStore';
import { FULLSCREEN_FALLBACK, enterWorkshop } from './workshop';

function setHash(hash: string): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

/** Opens the lesson a `#lesson=<id>&step=<n>` link names; a bad link only gets a message. */
function readLink(): void {
  const link = parseLessonLink(window.location.hash, LESSONS);
  if (link === null) return;
  if (!link.ok) {
    appStore.getState().notify({ id: 'lesson-link', tone: 'error', text: `${link.message} Nothing was opened.` });
    return;
  }
  const state = lessonStore.getState();
  if (state.lessonId === link.lessonId && state.stepIndex === link.stepIndex && state.workshop === link.workshop) return;
  if (!openLesson(link.lessonId, link.stepIndex, { reuse: true })) return;
  if (link.workshop && !state.workshop) {
    // Full screen needs a click; without one the presenter view still fills the window.
    void enterWorkshop().then((fullscreen) => {
      if (!fullscreen) appStore.getState().notify({ id: 'workshop-fullscreen', tone: 'info', text: FULLSCREEN_FALLBACK, ttlMs: 6000 });
    });
  }
}

/**
 * Lesson links: opens the one in the URL on start and on hash changes, and keeps the URL
 * pointing at the open lesson's current step (so a reload or a copied URL comes back to it).
 */
export function useLessonLink(): void {
  useEffect(() => {
    readLink();
    window.addEventListener('hashchange', readLink);
    const unsubscribe = lessonStore.subscribe((state, previous) => {
      if (state.lessonId === previous.lessonId && state.stepIndex === previous.stepIndex && state.workshop === previous.workshop) return;
      if (state.lessonId !== null) setHash(lessonLink(state.lessonId, state.stepIndex, state.workshop));
      else if (window.location.hash.startsWith('#lesson')) setHash('');
    });
    return () => {
      window.removeEventListener('hashchange', readLink);
      unsubscribe();
    };
  }, []);
}
