import { describe, expect, it } from 'vitest';
import type { Sample } from './results';
import { describeWorst, goodputShare, worstMoment } from './worstMoment';

const latency = { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
const at = (startMs: number, offeredPerSec: number, goodputPerSec: number, successRatio: number): Sample => ({
  startMs,
  endMs: startMs + 1000,
  system: { offeredPerSec, goodputPerSec, successRatio, latency },
  nodes: {},
  edges: {},
});

describe('worst moment', () => {
  it('is the interval with the lowest success ratio', () => {
    const w = worstMoment([at(0, 100, 100, 1), at(1000, 100, 90, 0.6), at(2000, 100, 95, 0.8)]);
    expect(w).toMatchObject({ atMs: 1000, successRatio: 0.6, by: 'success' });
  });

  it('is the interval with the lowest goodput share when nothing fails but nothing comes back (a hang)', () => {
    const w = worstMoment([at(0, 100, 100, 1), at(1000, 100, 5, 1), at(2000, 100, 60, 0.9)]);
    expect(w).toMatchObject({ atMs: 1000, score: 0.05, by: 'goodput' });
  });

  it('goes to the earliest of equally bad moments', () => {
    expect(worstMoment([at(0, 100, 100, 1), at(1000, 100, 50, 0.5), at(2000, 100, 50, 0.5)])?.atMs).toBe(1000);
    expect(worstMoment([at(0, 100, 100, 1), at(1000, 100, 100, 1)])?.atMs).toBe(0);
  });

  it('caps the goodput share at 1 and counts an interval with no offered load as fine', () => {
    expect(goodputShare(at(0, 100, 250, 1))).toBe(1);
    expect(goodputShare(at(0, 0, 0, 1))).toBe(1);
    expect(worstMoment([])).toBeNull();
  });

  it('says when and how bad', () => {
    const w = worstMoment([at(23_000, 223, 132, 0.608)]);
    expect(w && describeWorst(w)).toBe('Worst moment, 23.0 s: 61% of client requests succeeded, goodput 132/s of 223/s offered');
  });
});
