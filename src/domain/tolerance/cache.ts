/**
 * The parse cache: a sheet has thousands of rows but few distinct tolerance triples.
 * Looked up through nested Maps keyed by the cell values themselves (polarity, then Red,
 * Amber, Green), so a hit builds no key string (Map keeps the number 0.95 and the text
 * "0.95" apart by itself). Bounded by size with least-recently-used eviction; the use
 * order is a linked list through the entries, so a hit moves its entry with a few pointer
 * writes, not a delete and re-insert in a hashed Map.
 */
import type { CellInput } from '../types';

interface Entry<V> {
  value: V;
  path: [unknown, unknown, unknown, unknown];
  /** Towards the least recently used entry. */
  older: Entry<V> | null;
  /** Towards the most recently used entry. */
  newer: Entry<V> | null;
}

type Level = Map<unknown, unknown>;

export class TripleCache<V> {
  private readonly root: Level = new Map();
  private newest: Entry<V> | null = null;
  private oldest: Entry<V> | null = null;
  private count = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.count;
  }

  get(polarity: string | null, red: CellInput, amber: CellInput, green: CellInput): V | undefined {
    const a = this.root.get(polarity) as Level | undefined;
    const b = a?.get(red ?? null) as Level | undefined;
    const c = b?.get(amber ?? null) as Level | undefined;
    const entry = c?.get(green ?? null) as Entry<V> | undefined;
    if (entry === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    if (entry !== this.newest) {
      this.unlink(entry);
      this.pushNewest(entry);
    }
    return entry.value;
  }

  set(polarity: string | null, red: CellInput, amber: CellInput, green: CellInput, value: V): void {
    const path: Entry<V>['path'] = [polarity, red ?? null, amber ?? null, green ?? null];
    let level = this.root;
    for (let i = 0; i < 3; i += 1) {
      let next = level.get(path[i]) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(path[i], next);
      }
      level = next;
    }
    const old = level.get(path[3]) as Entry<V> | undefined;
    if (old) {
      this.unlink(old);
      this.count -= 1;
    }
    const entry: Entry<V> = { value, path, older: null, newer: null };
    level.set(path[3], entry);
    this.pushNewest(entry);
    this.count += 1;
    if (this.count > this.limit) this.evict(this.oldest!);
  }

  /** The triples held, least recently used first (for tests of the eviction order). */
  keys(): Array<[unknown, unknown, unknown, unknown]> {
    const out: Array<[unknown, unknown, unknown, unknown]> = [];
    for (let e = this.oldest; e !== null; e = e.newer) out.push([...e.path]);
    return out;
  }

  private unlink(entry: Entry<V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = null;
    entry.newer = null;
  }

  private pushNewest(entry: Entry<V>): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }

  private evict(entry: Entry<V>): void {
    this.unlink(entry);
    this.count -= 1;
    const levels: Level[] = [this.root];
    for (let i = 0; i < 3; i += 1) levels.push(levels[i].get(entry.path[i]) as Level);
    levels[3].delete(entry.path[3]);
    // Drop emptied inner maps so evicted triples leave nothing behind.
    for (let i = 3; i > 0; i -= 1) if (levels[i].size === 0) levels[i - 1].delete(entry.path[i - 1]);
  }

  clear(): void {
    this.root.clear();
    this.newest = null;
    this.oldest = null;
    this.count = 0;
    this.hits = 0;
    this.misses = 0;
  }
}
