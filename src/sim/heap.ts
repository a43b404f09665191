/**
 * The event queue: a binary min-heap keyed by (time, insertion sequence), plus a FIFO for events
 * due right now (delay 0, e.g. a call over a zero-latency link). Every event already in the heap
 * for the current time was inserted before any of those (it was scheduled from an earlier time),
 * so serving the heap's current-time events first, then the FIFO, keeps the exact (time,
 * sequence) order while zero-delay events skip the heap. The heap itself moves
 * only three numbers per level (time, sequence, payload slot); an event's payload (an integer kind
 * and three integer operands) sits in slot arrays, written at push and read at pop, with freed
 * slots on a free list. Nothing is allocated per event. Equal times pop in insertion order.
 * What the operands mean is up to the dispatcher (usually a record id and its generation, for
 * lazy cancellation).
 */
export class EventQueue {
  private declare time: Float64Array;
  private declare seq: Float64Array;
  private declare slot: Int32Array;
  private declare kinds: Int32Array;
  private declare as: Int32Array;
  private declare bs: Int32Array;
  private declare cs: Int32Array;
  private declare freeSlots: Int32Array;
  private declare freeCount: number;
  private declare capacity: number;
  private nextSeq = 0;
  /** Events in the heap. */
  private heapSize = 0;
  /** Events in all (heap and FIFO). */
  size = 0;
  /** The time of the last event popped: pushes at this time go to the FIFO. */
  private now = 0;
  private readyKinds = new Int32Array(256);
  private readyA = new Int32Array(256);
  private readyB = new Int32Array(256);
  private readyC = new Int32Array(256);
  private readyHead = 0;
  private readySize = 0;

  /** The event most recently popped. */
  topTime = 0;
  topKind = 0;
  topA = 0;
  topB = 0;
  topC = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.capacity = capacity;
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.slot = new Int32Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.as = new Int32Array(capacity);
    this.bs = new Int32Array(capacity);
    this.cs = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    if (this.readySize > 0) return this.now;
    return this.heapSize > 0 ? (this.time[0] as number) : Infinity;
  }

  push(t: number, kind: number, a: number, b: number, c: number): void {
    if (t <= this.now) {
      this.pushReady(kind, a, b, c);
      this.nextSeq++;
      return;
    }
    this.pushAt(t, this.nextSeq++, kind, a, b, c);
  }

  private pushReady(kind: number, a: number, b: number, c: number): void {
    if (this.readySize === this.readyKinds.length) this.growReady();
    const at = (this.readyHead + this.readySize) & (this.readyKinds.length - 1);
    this.readyKinds[at] = kind;
    this.readyA[at] = a;
    this.readyB[at] = b;
    this.readyC[at] = c;
    this.readySize++;
    this.size++;
  }

  private growReady(): void {
    const n = this.readyKinds.length;
    const grow = (old: Int32Array) => {
      const next = new Int32Array(n * 2);
      for (let k = 0; k < this.readySize; k++) next[k] = old[(this.readyHead + k) & (n - 1)] as number;
      return next;
    };
    this.readyKinds = grow(this.readyKinds);
    this.readyA = grow(this.readyA);
    this.readyB = grow(this.readyB);
    this.readyC = grow(this.readyC);
    this.readyHead = 0;
  }

  /** Reserves the next insertion sequence number (for events held outside the heap for a while). */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Pushes an event with a sequence number reserved earlier by takeSeq. */
  pushAt(t: number, s: number, kind: number, a: number, b: number, c: number): void {
    if (this.heapSize === this.capacity) this.grow();
    this.size++;
    const slot = this.freeSlots[--this.freeCount] as number;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    this.cs[slot] = c;
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p] as number;
      if (pt < t || (pt === t && (seq[p] as number) < s)) break;
      time[i] = pt;
      seq[i] = seq[p] as number;
      slots[i] = slots[p] as number;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    slots[i] = slot;
  }

  /**
   * Removes the earliest event into topTime/topKind/topA/topB/topC if it is due before `limit`
   * (false, and nothing removed, otherwise or when empty): the event loop's one call per event.
   */
  popBefore(limit: number): boolean {
    if (this.readySize > 0 && !(this.heapSize > 0 && this.time[0] === this.now)) {
      if (this.now >= limit) return false;
      this.size--;
      this.popReady();
      return true;
    }
    if (this.heapSize === 0 || (this.time[0] as number) >= limit) return false;
    this.size--;
    this.popHeap();
    this.now = this.topTime;
    return true;
  }

  /** Removes the earliest event into topTime/topKind/topA/topB/topC. The queue must not be empty. */
  pop(): void {
    this.size--;
    if (this.readySize > 0 && !(this.heapSize > 0 && this.time[0] === this.now)) {
      this.popReady();
      return;
    }
    this.popHeap();
    this.now = this.topTime;
  }

  /** Takes the oldest event of the ready ring (events due now) into topTime/topKind/topA/topB/topC. */
  private popReady(): void {
    const at = this.readyHead;
    this.topTime = this.now;
    this.topKind = this.readyKinds[at] as number;
    this.topA = this.readyA[at] as number;
    this.topB = this.readyB[at] as number;
    this.topC = this.readyC[at] as number;
    this.readyHead = (at + 1) & (this.readyKinds.length - 1);
    this.readySize--;
  }

  private popHeap(): void {
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    const top = slots[0] as number;
    this.topTime = time[0] as number;
    this.topKind = this.kinds[top] as number;
    this.topA = this.as[top] as number;
    this.topB = this.bs[top] as number;
    this.topC = this.cs[top] as number;
    this.freeSlots[this.freeCount++] = top;
    const last = --this.heapSize;
    if (last === 0) return;
    const t = time[last] as number;
    const s = seq[last] as number;
    const slot = slots[last] as number;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = time[child] as number;
      let cs = seq[child] as number;
      const right = child + 1;
      if (right < last) {
        const rt = time[right] as number;
        const rs = seq[right] as number;
        if (rt < ct || (rt === ct && rs < cs)) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      time[i] = ct;
      seq[i] = cs;
      slots[i] = slots[child] as number;
      i = child;
    }
    time[i] = t;
    seq[i] = s;
    slots[i] = slot;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.time = f64(this.time);
    this.seq = f64(this.seq);
    this.slot = i32(this.slot);
    this.kinds = i32(this.kinds);
    this.as = i32(this.as);
    this.bs = i32(this.bs);
    this.cs = i32(this.cs);
    // Every slot is in use when the heap is full: the new ones are the free ones.
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < old; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = old;
    this.capacity = capacity;
  }
}
