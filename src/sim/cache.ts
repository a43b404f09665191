import type { NodeOf } from '../model';
import type { Engine } from './engine';
import { JF_CACHE_HIT } from './records';
import type { Rng } from './rng';

type CacheNode = NodeOf<'cache'>;

/** An LRU of keys with expiry times, grown on demand up to its capacity. */
class LruKeyspace {
  private readonly slotOf = new Map<number, number>();
  private keys = new Int32Array(0);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private expiry = new Float64Array(0);
  private used = 0;
  private head = -1;
  private tail = -1;

  private declare readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Whether `key` is cached and fresh at `now` (a hit moves it to the front). */
  hit(key: number, now: number): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined || (this.expiry[slot] as number) <= now) return false;
    this.toFront(slot);
    return true;
  }

  put(key: number, expiresAt: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      if (this.used < this.capacity) {
        if (this.used === this.keys.length) this.grow();
        slot = this.used++;
      } else {
        // Evict the least recently used key.
        slot = this.tail;
        this.slotOf.delete(this.keys[slot] as number);
        this.unlink(slot);
      }
      this.keys[slot] = key;
      this.slotOf.set(key, slot);
      this.linkFront(slot);
    } else {
      this.toFront(slot);
    }
    this.expiry[slot] = expiresAt;
  }

  clear(): void {
    this.slotOf.clear();
    this.used = 0;
    this.head = -1;
    this.tail = -1;
  }

  private grow(): void {
    const size = Math.min(this.capacity, Math.max(64, this.keys.length * 2));
    const keys = new Int32Array(size);
    const prev = new Int32Array(size);
    const next = new Int32Array(size);
    const expiry = new Float64Array(size);
    keys.set(this.keys);
    prev.set(this.prev);
    next.set(this.next);
    expiry.set(this.expiry);
    this.keys = keys;
    this.prev = prev;
    this.next = next;
    this.expiry = expiry;
  }

  private toFront(slot: number): void {
    if (slot === this.head) return;
    this.unlink(slot);
    this.linkFront(slot);
  }

  private unlink(slot: number): void {
    const p = this.prev[slot] as number;
    const n = this.next[slot] as number;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private linkFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }
}

/**
 * Caches. With a hit ratio: each lookup hits with probability hitPercent; after a flush the
 * ratio climbs back linearly from 0 over the flush fault's duration (a cold cache refilling).
 * With a keyspace: each request asks for a key drawn uniformly from `keys`; an LRU of `capacity`
 * keys with a TTL answers; a miss calls the downstream and, on success, stores the key (so
 * concurrent misses of one key all go downstream: a stampede). A flush empties the LRU. Hits and
 * misses both pay hitLatency (the lookup).
 */
export class Caches {
  private declare readonly configs: (CacheNode | null)[];
  private declare readonly lru: (LruKeyspace | null)[];
  private declare readonly rngs: (Rng | null)[];
  private declare readonly flushStart: Float64Array;
  private declare readonly flushEnd: Float64Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const nodes = e.topo.nodes;
    this.configs = nodes.map((x) => (x.kind === 'cache' ? x : null));
    this.lru = this.configs.map((c) => (c?.keyspace ? new LruKeyspace(c.keyspace.capacity) : null));
    this.rngs = this.configs.map((c) => (c ? e.rng(`cache/${c.id}`) : null));
    this.flushStart = new Float64Array(nodes.length).fill(-Infinity);
    this.flushEnd = new Float64Array(nodes.length).fill(-Infinity);
  }

  /** Decides hit or miss for a job arriving at a cache. */
  lookup(j: number): void {
    const e = this.e;
    const node = e.jobs.node[j] as number;
    const config = this.configs[node];
    const rng = this.rngs[node];
    if (!config || !rng) return;
    const lru = this.lru[node];
    let hit: boolean;
    if (lru && config.keyspace) {
      const key = rng.int(config.keyspace.keys);
      e.jobs.aux[j] = key;
      hit = lru.hit(key, e.now);
    } else {
      let ratio = config.hitPercent / 100;
      const end = this.flushEnd[node] as number;
      if (e.now < end) {
        const start = this.flushStart[node] as number;
        ratio *= (e.now - start) / (end - start);
      }
      hit = rng.next() < ratio;
    }
    if (hit) e.jobs.flags[j] = (e.jobs.flags[j] as number) | JF_CACHE_HIT;
  }

  /** A miss was answered successfully: keep the key. */
  store(j: number): void {
    const e = this.e;
    const node = e.jobs.node[j] as number;
    const config = this.configs[node];
    const lru = this.lru[node];
    if (lru && config?.keyspace) lru.put(e.jobs.aux[j] as number, e.now + config.keyspace.ttlS * 1000);
  }

  flush(node: number, now: number, durationMs: number): void {
    this.lru[node]?.clear();
    this.flushStart[node] = now;
    this.flushEnd[node] = now + durationMs;
  }
}
