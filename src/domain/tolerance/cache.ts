/**
 * The parse cache: a sheet has thousands of rows but few distinct tolerance triples.
 * Looked up through nested Maps keyed by the cell values themselves, so a hit builds no
 * key string (Map keeps the number 0.95 and the text "0.95" apart by itself), and bounded
 * by size with least-recently-used eviction.
 */
import type { CellInput } from '../types';

interface Entry<V> {
  value: V;
  path: [unknown, unknown, unknown, unknown];
}

type Level = Map<unknown, unknown>;

export class TripleCache<V> {
  private readonly root: Level = new Map();
  /** Entries in use order, oldest first (a Map keeps insertion order; identity keys hash cheaply). */
  private readonly order = new Map<Entry<V>, true>();
  hits = 0;
  misses = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.order.size;
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
    this.order.delete(entry);
    this.order.set(entry, true);
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
    if (old) this.order.delete(old);
    const entry: Entry<V> = { value, path };
    level.set(path[3], entry);
    this.order.set(entry, true);
    if (this.order.size > this.limit) this.evict(this.order.keys().next().value!);
  }

  private evict(entry: Entry<V>): void {
    this.order.delete(entry);
    const levels: Level[] = [this.root];
    for (let i = 0; i < 3; i += 1) levels.push(levels[i].get(entry.path[i]) as Level);
    levels[3].delete(entry.path[3]);
    // Drop emptied inner maps so evicted triples leave nothing behind.
    for (let i = 3; i > 0; i -= 1) if (levels[i].size === 0) levels[i - 1].delete(entry.path[i - 1]);
  }

  clear(): void {
    this.root.clear();
    this.order.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
