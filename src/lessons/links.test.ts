import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { lessonLink, parseLessonLink } from './links';
import { searchLessons } from './search';

describe('lesson links', () => {
  it('round-trips a lesson and a step (1-based in the link)', () => {
    expect(lessonLink('circuit-breaker', 1)).toBe('#lesson=circuit-breaker&step=2');
    expect(parseLessonLink('#lesson=circuit-breaker&step=2', LESSONS)).toEqual({ ok: true, lessonId: 'circuit-breaker', stepIndex: 1, workshop: false });
    expect(parseLessonLink('#lesson=bulkhead', LESSONS)).toEqual({ ok: true, lessonId: 'bulkhead', stepIndex: 0, workshop: false });
    expect(parseLessonLink(lessonLink('saga', 3, true), LESSONS)).toEqual({ ok: true, lessonId: 'saga', stepIndex: 3, workshop: true });
  });

  it('ignores fragments that are not lesson links', () => {
    for (const hash of ['', '#', '#wizard=abc', '#learn']) expect(parseLessonLink(hash, LESSONS)).toBeNull();
  });

  it.each([
    ['#lesson=', /not valid/],
    ['#lesson=circuit-breaker&step=two', /not valid/],
    ['#lesson=circuit-breaker&step=2&x=1', /not valid/],
    ['#lesson=<script>', /not valid/],
    ['#lessons', /not valid/],
    ['#lesson=no-such-lesson&step=1', /does not exist/],
    ['#lesson=circuit-breaker&step=0', /has 3 steps, so step 0 does not exist/],
    ['#lesson=circuit-breaker&step=4', /has 3 steps, so step 4 does not exist/],
  ])('explains what is wrong with %s', (hash, message) => {
    const link = parseLessonLink(hash, LESSONS);
    expect(link?.ok).toBe(false);
    if (link && !link.ok) expect(link.message).toMatch(message);
  });
});

describe('searchLessons', () => {
  it('finds lessons by every word, case-insensitively, title matches first', () => {
    const ids = searchLessons(LESSONS, 'Breaker', null).map((l) => l.id);
    expect(ids[0]).toBe('circuit-breaker');
    expect(searchLessons(LESSONS, 'retry budget', null).map((l) => l.id)).toEqual(expect.arrayContaining(['retry-storm', 'metastable-failure']));
    expect(searchLessons(LESSONS, 'zzz-nothing', null)).toEqual([]);
  });

  it('filters by tag and lists everything for an empty query', () => {
    expect(searchLessons(LESSONS, '', null)).toHaveLength(LESSONS.length);
    const data = searchLessons(LESSONS, '', 'data');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((l) => l.tags.includes('data'))).toBe(true);
    expect(searchLessons(LESSONS, 'saga', 'decomposition')).toEqual([]);
  });
});
