import { TripleCache } from '../../../src/domain/tolerance/cache';

describe('TripleCache', () => {
  it('keeps at most its limit, dropping the least recently used triple', () => {
    const cache = new TripleCache<number>(3);
    cache.set('high', 'a', '', '', 1);
    cache.set('high', 'b', '', '', 2);
    cache.set('high', 'c', '', '', 3);
    expect(cache.get('high', 'a', '', '')).toBe(1); // a is now the most recent
    cache.set('high', 'd', '', '', 4); // evicts b, the least recently used
    expect(cache.size).toBe(3);
    expect(cache.get('high', 'b', '', '')).toBeUndefined();
    expect(cache.keys().map((k) => k[1])).toEqual(['c', 'a', 'd']);
  });

  it('moves a hit to the most recent end, however often it is hit', () => {
    const cache = new TripleCache<number>(2);
    cache.set(null, 'x', null, null, 1);
    cache.set(null, 'y', null, null, 2);
    for (let i = 0; i < 5; i += 1) expect(cache.get(null, 'x', null, null)).toBe(1);
    cache.set(null, 'z', null, null, 3);
    expect(cache.keys().map((k) => k[1])).toEqual(['x', 'z']);
    expect(cache).toMatchObject({ hits: 5, misses: 0 });
  });

  it('replaces a triple set twice without growing', () => {
    const cache = new TripleCache<number>(2);
    cache.set('low', 1, 2, 3, 1);
    cache.set('low', 1, 2, 3, 2);
    expect(cache.size).toBe(1);
    expect(cache.get('low', 1, 2, 3)).toBe(2);
  });

  it('keeps the number 0.95 and the text "0.95" apart, and blank and undefined together', () => {
    const cache = new TripleCache<string>(8);
    cache.set('high', null, null, 0.95, 'number');
    cache.set('high', null, null, '0.95', 'text');
    expect(cache.get('high', undefined, undefined, 0.95)).toBe('number');
    expect(cache.get('high', null, null, '0.95')).toBe('text');
  });

  it('stays bounded over many more distinct triples than its limit, leaving no emptied levels behind', () => {
    const cache = new TripleCache<number>(50);
    for (let i = 0; i < 5000; i += 1) cache.set(i % 2 ? 'high' : 'low', `r${i}`, `a${i % 7}`, `g${i % 3}`, i);
    expect(cache.size).toBe(50);
    expect(cache.keys()).toHaveLength(50);
    // The newest 50 are the ones kept, oldest first.
    expect(cache.keys().map((k) => k[1])).toEqual(Array.from({ length: 50 }, (_, i) => `r${4950 + i}`));
    const root = (cache as unknown as { root: Map<unknown, Map<unknown, unknown>> }).root;
    const redLevels = [...root.values()].reduce((n, m) => n + m.size, 0);
    expect(redLevels).toBe(50);
  });

  it('clears its entries and counters', () => {
    const cache = new TripleCache<number>(4);
    cache.set('high', 'a', 'b', 'c', 1);
    cache.get('high', 'a', 'b', 'c');
    cache.clear();
    expect(cache).toMatchObject({ size: 0, hits: 0, misses: 0 });
    expect(cache.keys()).toEqual([]);
    expect(cache.get('high', 'a', 'b', 'c')).toBeUndefined();
  });
});
