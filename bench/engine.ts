/**
 * Engine throughput over seed-like rows: RAG and DOT evaluations per second and the
 * tolerance parse cache hit rate. Figures, not assertions; the caller prints them.
 */
import { evaluateDot } from '../src/domain/dot';
import { evaluateRag } from '../src/domain/rag';
import { parseTolerances, resetToleranceCache, toleranceCacheStats } from '../src/domain/tolerance';
import type { Polarity, Rag } from '../src/domain/types';
import { parseValue } from '../src/domain/value';

const ROWS = 200_000;

// The distinct tolerance triples of the seed reports, with their polarity and a typical value.
const TRIPLES: Array<[string, string, string, Polarity, number]> = [
  ['<65%', '>65% <75%', '75%', 'high', 0.85],
  ['<75%', '>75% <85%', '85%', 'high', 0.9],
  ['<90%', '>90% <95%', '>=95%', 'high', 0.96],
  ['<90%', '90%>', '95%+', 'high', 0.92],
  ['<33%', '33%>', '35%+', 'high', 0.34],
  ['<20%', '20%>', '22.7%+', 'high', 0.12],
  ['<93%', '93%>', '95%+', 'high', 0.9],
  ['<95%', '95%>', '98%+', 'high', 0.96],
  ['13%+', '13%<', '10.8%<', 'low', 0.11],
  ['511+', '511<', '487<', 'low', 408],
  ['127+', '127<', '121<', 'low', 146],
  ['', '', '95%', 'high', 0.84],
  ['', '', '2.5%', 'low', 0.021],
  ['', '', '100% (of 720)', 'high', 1.01],
  ['1+ above range', '1 above range', '14-20', 'withinLimits', 18],
  ['', '', 'n/a', 'info', 600],
];

/** A small deterministic generator (mulberry32) so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchRow {
  red: string;
  amber: string;
  green: string;
  polarity: Polarity;
  current: string;
  previous: string;
}

function rows(): BenchRow[] {
  const next = random(42);
  const out: BenchRow[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const [red, amber, green, polarity, typical] = TRIPLES[i % TRIPLES.length];
    const percent = typical <= 1.5 && polarity !== 'info';
    const jitter = (): number => typical * (0.9 + next() * 0.2);
    const show = (v: number): string => (percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
    // One row in fifty carries a placeholder, as the seeds do.
    out.push({ red, amber, green, polarity, current: i % 50 === 0 ? 'TBC Feb 19' : show(jitter()), previous: show(jitter()) });
  }
  return out;
}

export async function runEngineBench(): Promise<Record<string, number | string>> {
  const data = rows();
  resetToleranceCache();

  const statuses: Array<Rag | null> = new Array(data.length).fill(null);
  let ragErrors = 0;
  const ragStart = performance.now();
  for (let i = 0; i < data.length; i += 1) {
    const r = data[i];
    const tol = parseTolerances(r.red, r.amber, r.green, r.polarity);
    const value = parseValue(r.current);
    if (!tol.ok || value.kind !== 'number') continue;
    const rag = evaluateRag(value.value, tol.value);
    if (rag.ok) statuses[i] = rag.value;
    else ragErrors += 1;
  }
  const ragMs = performance.now() - ragStart;
  const cache = toleranceCacheStats();

  let arrows = 0;
  const dotStart = performance.now();
  for (let i = 0; i < data.length; i += 1) {
    const r = data[i];
    const dot = evaluateDot({
      current: parseValue(r.current),
      previous: parseValue(r.previous),
      polarity: r.polarity,
      status: statuses[i],
      convention: 'performance',
      decimals: null,
    });
    if (dot.ok && dot.value.state !== null) arrows += 1;
  }
  const dotMs = performance.now() - dotStart;

  // The same triples parsed without the cache, to show what the cache saves.
  const uncachedRuns = 20_000;
  const parseAll = (): number => {
    const start = performance.now();
    for (let i = 0; i < uncachedRuns; i += 1) {
      if (i % TRIPLES.length === 0) resetToleranceCache();
      const [red, amber, green, polarity] = TRIPLES[i % TRIPLES.length];
      parseTolerances(red, amber, green, polarity);
    }
    return performance.now() - start;
  };
  parseAll(); // warm-up: the first pass mostly measures the JIT
  const parseMs = parseAll();
  resetToleranceCache();

  return {
    rows: data.length,
    'RAG evaluations/s': Math.round(data.length / (ragMs / 1000)),
    'DOT evaluations/s': Math.round(data.length / (dotMs / 1000)),
    'tolerance parses/s (uncached)': Math.round(uncachedRuns / (parseMs / 1000)),
    'tolerance cache hit rate': `${((100 * cache.hits) / Math.max(1, cache.hits + cache.misses)).toFixed(3)}% (${cache.hits} hits, ${cache.misses} misses)`,
    'values in a gap (errors)': ragErrors,
    'arrows drawn': arrows,
  };
}
