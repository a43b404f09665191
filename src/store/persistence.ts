import { LIMITS, restoreText, storedScenario, tooLargeMessage, type Issue, type Scenario } from '../model';

/** The part of the Web Storage API the library uses (localStorage, or a fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface StoredEntry {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: string;
}

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly keptAs: string | null };

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly conflict?: true };

export interface SaveOptions {
  /**
   * The revision this tab last read or wrote (null: none stored yet). When another tab has stored
   * a newer one since, nothing is written and the result says `conflict`: never overwrite silently.
   */
  readonly expectedRevision?: string | null;
}

const PREFIX = 'faultline.v1.';
const INDEX_KEY = `${PREFIX}index`;
const CURRENT_KEY = `${PREFIX}current`;
const scenarioKey = (id: string) => `${PREFIX}scenario.${id}`;
/** Who wrote a scenario last, and how many writes ago: compared by tabs before they overwrite it. */
export const revisionKey = (id: string) => `${PREFIX}rev.${id}`;
const corruptKey = (what: string, when: string) => `${PREFIX}corrupt.${what}.${when}`;

function describeStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'the browser storage for this site is full';
  }
  if (name === 'SecurityError') return 'the browser does not allow this site to store data (private mode or blocked cookies?)';
  return error instanceof Error ? error.message : 'the browser refused to store data';
}

/**
 * Named scenarios in browser storage. Every read goes through restore; what cannot be read is
 * copied aside under a `corrupt.` key and never overwritten; every write reports failure instead
 * of throwing, so the open scenario is never lost because storage failed.
 */
export class ScenarioLibrary {
  /** Ids handed out by newId in this session (see there). */
  private readonly issued = new Set<string>();
  /** This library's (this tab's) mark in the revisions it writes, and how many it wrote. */
  private readonly writer = Math.random().toString(36).slice(2, 10);
  private writes = 0;
  constructor(
    private readonly storage: StorageLike,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): StoredEntry[] {
    const raw = this.read(INDEX_KEY);
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error('not a list');
      const listed = parsed.filter(
        (e): e is StoredEntry =>
          typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.title === 'string' && typeof e.updatedAt === 'string',
      );
      return this.withUnlisted(listed);
    } catch {
      this.keepAside('index', raw);
      // Not `this.list()` again: when storage is full the rebuilt index cannot be written, and
      // reading the corrupt one again would recurse until the stack overflows.
      return this.rebuildIndex();
    }
  }

  load(id: string): LoadResult {
    const raw = this.read(scenarioKey(id));
    if (raw === null) return { ok: false, errors: [{ path: '', message: `no stored scenario "${id}"` }], keptAs: null };
    const result = restoreText(raw);
    if (result.ok) return { ok: true, scenario: result.scenario };
    const keptAs = this.keepAside(id, raw);
    if (keptAs) {
      this.tryRemove(scenarioKey(id));
      this.writeIndex(this.list().filter((e) => e.id !== id));
    }
    return { ok: false, errors: result.errors, keptAs };
  }

  save(id: string, scenario: Scenario, options: SaveOptions = {}): SaveResult {
    // Compact: what is stored must open again, and restore caps the compact form's length.
    const text = storedScenario(scenario);
    if (text.length > LIMITS.maxScenarioChars) return { ok: false, reason: tooLargeMessage(text.length) };
    if (options.expectedRevision !== undefined && this.revisionOf(id) !== options.expectedRevision) {
      return { ok: false, reason: 'this scenario was changed in another tab since this one read it', conflict: true };
    }
    try {
      this.storage.setItem(scenarioKey(id), text);
      this.storage.setItem(revisionKey(id), `${this.writer}.${++this.writes}`);
      const entry: StoredEntry = { id, title: scenario.title, updatedAt: this.now().toISOString() };
      const entries = this.list();
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0) entries[at] = entry;
      else entries.push(entry);
      this.storage.setItem(INDEX_KEY, JSON.stringify(entries));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: describeStorageError(error) };
    }
  }

  remove(id: string): SaveResult {
    try {
      // Index first: if storage refuses it, nothing is removed, so a reported failure is true.
      this.storage.setItem(INDEX_KEY, JSON.stringify(this.list().filter((e) => e.id !== id)));
      this.storage.removeItem(scenarioKey(id));
      this.tryRemove(revisionKey(id));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: describeStorageError(error) };
    }
  }

  /** The revision of a stored scenario (who wrote it last), or null when none was recorded. */
  revisionOf(id: string): string | null {
    return this.read(revisionKey(id));
  }

  currentId(): string | null {
    return this.read(CURRENT_KEY);
  }

  setCurrentId(id: string): SaveResult {
    try {
      this.storage.setItem(CURRENT_KEY, id);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: describeStorageError(error) };
    }
  }

  /** Keys of data that could not be read and was set aside. */
  corruptKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(`${PREFIX}corrupt.`)) keys.push(key);
    }
    return keys.sort();
  }

  newId(): string {
    const taken = new Set(this.list().map((e) => e.id));
    const stamp = this.now().getTime().toString(36);
    for (let i = 0; ; i++) {
      const id = i === 0 ? `s${stamp}` : `s${stamp}-${i}`;
      // Never hand out an id twice, even one whose scenario was deleted in the same millisecond:
      // a late autosave or an open share dialog may still hold the old one.
      if (!taken.has(id) && !this.issued.has(id) && this.read(scenarioKey(id)) === null) {
        this.issued.add(id);
        return id;
      }
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  private tryRemove(key: string): void {
    try {
      this.storage.removeItem(key);
    } catch {
      // Leaving the unreadable copy in place is harmless: it was copied aside first.
    }
  }

  private keepAside(what: string, raw: string): string | null {
    const when = this.now().toISOString().replace(/[:.]/g, '-');
    let key = corruptKey(what, when);
    for (let i = 1; this.read(key) !== null; i++) key = `${corruptKey(what, when)}-${i}`;
    try {
      this.storage.setItem(key, raw);
      return key;
    } catch {
      return null;
    }
  }

  private writeIndex(entries: readonly StoredEntry[]): void {
    try {
      this.storage.setItem(INDEX_KEY, JSON.stringify(entries));
    } catch {
      // The next successful save rewrites the index.
    }
  }

  /** Ids of every stored scenario (whether the index lists it or not). */
  private storedIds(): string[] {
    const ids: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(`${PREFIX}scenario.`)) ids.push(key.slice(`${PREFIX}scenario.`.length));
    }
    return ids;
  }

  /**
   * An index that parses can still miss scenarios whose data is stored (a write cut short, an
   * older tab): they are listed again, and one that cannot be read is set aside, as load does.
   */
  private withUnlisted(listed: StoredEntry[]): StoredEntry[] {
    const known = new Set(listed.map((e) => e.id));
    const missing = this.storedIds().filter((id) => !known.has(id));
    if (missing.length === 0) return listed;
    const stamp = this.now().toISOString();
    const found: StoredEntry[] = [];
    for (const id of missing) {
      const result = restoreText(this.read(scenarioKey(id)) ?? '');
      if (result.ok) found.push({ id, title: result.scenario.title, updatedAt: stamp });
      else if (this.keepAside(id, this.read(scenarioKey(id)) ?? '')) this.tryRemove(scenarioKey(id));
    }
    const entries = [...listed, ...found];
    if (found.length > 0) this.writeIndex(entries);
    return entries;
  }

  private rebuildIndex(): StoredEntry[] {
    const entries: StoredEntry[] = [];
    const stamp = this.now().toISOString();
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(`${PREFIX}scenario.`)) continue;
      const id = key.slice(`${PREFIX}scenario.`.length);
      const result = restoreText(this.read(key) ?? '');
      entries.push({ id, title: result.ok ? result.scenario.title : id, updatedAt: stamp });
    }
    this.writeIndex(entries);
    return entries;
  }
}

/** An in-memory StorageLike: for tests, and as the fallback when the browser has no storage. */
export class MemoryStorage implements StorageLike {
  private readonly map = new Map<string, string>();
  /** Set to make every write fail like a full browser storage. */
  failWrites: 'quota' | null = null;
  get length(): number {
    return this.map.size;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites === 'quota') {
      const error = new Error('quota exceeded');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
}
