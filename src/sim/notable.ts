import type { NotableEvent, NotableKind } from './types';

/** Repeats of a saturation event (queue full, bulkhead saturated) closer than this are one episode. */
const EPISODE_GAP_MS = 1000;

/**
 * The timeline's notable moments, capped (the run keeps going; later moments are counted, not
 * stored). Saturation events are reported once per episode: a queue that stays full for a minute
 * is one event, not thousands.
 */
export class Notables {
  readonly events: NotableEvent[] = [];
  dropped = 0;
  /** Per saturation slot (a queue, a bulkhead...): when it last saturated. */
  private declare readonly lastSaturation: Float64Array;

  private declare readonly max: number;

  constructor(
    max: number,
    slots: number,
  ) {
    this.max = max;
    this.lastSaturation = new Float64Array(slots).fill(-Infinity);
  }

  add(timeMs: number, kind: NotableKind, target: string, message: string): void {
    if (this.events.length >= this.max) {
      this.dropped++;
      return;
    }
    this.events.push({ timeMs, kind, target, message });
  }

  /**
   * A saturation moment in `slot`: true when it starts a new episode and should be recorded (the
   * caller then builds the message, so the hot path builds no strings).
   */
  saturated(slot: number, timeMs: number): boolean {
    const last = this.lastSaturation[slot] as number;
    this.lastSaturation[slot] = timeMs;
    return timeMs - last >= EPISODE_GAP_MS && this.events.length < this.max;
  }
}

/** Seconds with up to three decimals, for messages. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
