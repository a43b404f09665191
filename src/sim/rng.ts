/**
 * Seeded random streams. sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit
 * state, passes PractRand and BigCrush) drives every draw; each consumer (a node's service times,
 * an edge's jitter, a client's arrivals...) owns a stream seeded from (run seed, stream name) by
 * the cyrb128 string hash, so adding a node does not shift anyone else's numbers.
 */

/** cyrb128: four 32-bit words from a string (bryc's public-domain hash). */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** 2^26 and 2^-53 (the hot path writes them as literals: V8 does not fold module constants). */
export const TWO_POW_26 = 67108864;
export const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

export class Rng {
  private declare a: number;
  private declare b: number;
  private declare c: number;
  private declare d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs of a fresh sfc32 state are poorly mixed: skip them, as its author advises.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The stream called `name` of the run seeded with `seed`. */
  static stream(seed: number, name: string): Rng {
    const [a, b, c, d] = cyrb128(`${seed >>> 0}/${name}`);
    return new Rng(a, b, c, d);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform double in [0, 1) with 53 random bits (two sfc32 steps, written out: the hot path). */
  next(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const t1 = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t1) | 0;
    const t2 = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t2) | 0;
    // Exact: the 53-bit integer times a power of two.
    return ((t1 >>> 5) * 67108864 /* TWO_POW_26 */ + (t2 >>> 6)) * 1.1102230246251565e-16 /* TWO_POW_MINUS_53 */;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
