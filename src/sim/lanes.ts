import type { EventQueue } from './heap';

/**
 * Lanes of events with a constant delay (an edge's time-out, a queue's visibility time-out): such
 * events are scheduled in time order, so a FIFO per lane holds them and only each lane's head
 * sits in the heap. Most time-outs are cancelled (the answer came first); a cancelled entry is
 * dropped when it reaches the head, without ever touching the heap. Each entry keeps the insertion
 * sequence number it was given when scheduled, so the order of events is exactly the heap's.
 */
export class Lanes {
  private declare times: Float64Array[];
  private declare seqs: Float64Array[];
  private declare ids: Int32Array[];
  private declare gens: Int32Array[];
  private declare readonly head: Int32Array;
  private declare readonly size: Int32Array;
  private declare readonly queued: Uint8Array;

  /**
   * @param kind the event kind delivered when a lane's head is due (its operands: lane, 0, 0);
   * @param live whether the entry (id, gen) still matters (else it is dropped unseen).
   */
  private declare readonly queue: EventQueue;
  private declare readonly kind: number;
  private declare readonly live: (id: number, gen: number) => boolean;

  constructor(
    queue: EventQueue,
    kind: number,
    count: number,
    live: (id: number, gen: number) => boolean,
  ) {
    this.queue = queue;
    this.kind = kind;
    this.live = live;
    this.times = Array.from({ length: count }, () => new Float64Array(16));
    this.seqs = Array.from({ length: count }, () => new Float64Array(16));
    this.ids = Array.from({ length: count }, () => new Int32Array(16));
    this.gens = Array.from({ length: count }, () => new Int32Array(16));
    this.head = new Int32Array(count);
    this.size = new Int32Array(count);
    this.queued = new Uint8Array(count);
  }

  /** Schedules (id, gen) at time t in `lane`; t must not be earlier than the lane's last entry. */
  add(lane: number, t: number, id: number, gen: number): void {
    const seq = this.queue.takeSeq();
    let times = this.times[lane] as Float64Array;
    const size = this.size[lane] as number;
    if (size === times.length) times = this.grow(lane);
    const at = ((this.head[lane] as number) + size) & (times.length - 1);
    times[at] = t;
    (this.seqs[lane] as Float64Array)[at] = seq;
    (this.ids[lane] as Int32Array)[at] = id;
    (this.gens[lane] as Int32Array)[at] = gen;
    this.size[lane] = size + 1;
    if (this.queued[lane] === 0) {
      this.queued[lane] = 1;
      this.queue.pushAt(t, seq, this.kind, lane, 0, 0);
    }
  }

  /** Set by `take`: the due entry. */
  id = 0;
  gen = 0;

  /**
   * The lane's head is due: takes it into id/gen (the handler still checks the generation: it
   * may have been cancelled while in the heap) and puts the next live entry in the heap.
   */
  take(lane: number): void {
    const times = this.times[lane] as Float64Array;
    const mask = times.length - 1;
    const ids = this.ids[lane] as Int32Array;
    const gens = this.gens[lane] as Int32Array;
    let head = this.head[lane] as number;
    let size = this.size[lane] as number;
    this.id = ids[head] as number;
    this.gen = gens[head] as number;
    head = (head + 1) & mask;
    size--;
    // Skip what was cancelled since: it never reaches the heap.
    while (size > 0 && !this.live(ids[head] as number, gens[head] as number)) {
      head = (head + 1) & mask;
      size--;
    }
    this.head[lane] = head;
    this.size[lane] = size;
    if (size > 0) this.queue.pushAt(times[head] as number, (this.seqs[lane] as Float64Array)[head] as number, this.kind, lane, 0, 0);
    else this.queued[lane] = 0;
  }

  private grow(lane: number): Float64Array {
    const old = this.times[lane] as Float64Array;
    const size = old.length * 2;
    const head = this.head[lane] as number;
    const n = this.size[lane] as number;
    const mask = old.length - 1;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const ids = new Int32Array(size);
    const gens = new Int32Array(size);
    const oldSeqs = this.seqs[lane] as Float64Array;
    const oldIds = this.ids[lane] as Int32Array;
    const oldGens = this.gens[lane] as Int32Array;
    for (let k = 0; k < n; k++) {
      const from = (head + k) & mask;
      times[k] = old[from] as number;
      seqs[k] = oldSeqs[from] as number;
      ids[k] = oldIds[from] as number;
      gens[k] = oldGens[from] as number;
    }
    this.times[lane] = times;
    this.seqs[lane] = seqs;
    this.ids[lane] = ids;
    this.gens[lane] = gens;
    this.head[lane] = 0;
    return times;
  }
}
