/**
 * Engine throughput over the seed sheets' own rows (their tolerances, polarities and figures,
 * repeated to 200,000 rows): RAG and DOT evaluations per second, and the tolerance parse
 * cache hit rate on those rows and on one read of each seed sheet. The synthetic triples
 * below only time parsing without the cache. Each figure is the median of several runs after
 * a warm-up pass. Figures, not assertions; the caller prints them.
 */
import { evaluateDot } from '../src/domain/dot';
import { evaluateRag } from '../src/domain/rag';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { parseTolerances, resetToleranceCache, toleranceCacheStats } from '../src/domain/tolerance';
import type { Polarity, Rag } from '../src/domain/types';
import { parseValue } from '../src/domain/value';
import { seedGrid, type SeedReport } from '../test/fixtures/seedGrids';

const ROWS = 200_000;

// Tolerance triples of the seed reports, with their polarity and a typical value: timed uncached.
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

/** Every indicator row of the seed sheets as the sheet reader hands it to the engine: its tolerances, polarity and figures. */
function seedRows(): BenchRow[] {
  const out: BenchRow[] = [];
  for (const report of ['earlyHelp', 'corporateParenting'] as SeedReport[]) {
    const tables = readScorecard(seedGrid(report));
    if (!tables.ok) throw new Error(tables.error.message);
    for (const row of tables.value.flatMap((t) => t.indicators)) {
      const months = row.months;
      out.push({
        red: row.tolerances.red,
        amber: row.tolerances.amber,
        green: row.tolerances.green,
        polarity: row.polarity ?? 'info',
        current: months[months.length - 1]?.text ?? '',
        previous: months[months.length - 2]?.text ?? '',
      });
    }
  }
  return out;
}

/** The seed rows repeated to ROWS, figures jittered around their own (placeholders kept), as a long sheet would hold them. */
function rows(): BenchRow[] {
  const next = random(42);
  const seeds = seedRows();
  const out: BenchRow[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const s = seeds[i % seeds.length];
    const jitter = (text: string): string => {
      const v = parseValue(text);
      if (v.kind !== 'number') return text;
      const shown = (v.percent ? v.value * 100 : v.value) * (0.9 + next() * 0.2);
      return `${shown.toFixed(1)}${v.percent ? '%' : ''}`;
    };
    out.push({ ...s, current: jitter(s.current), previous: jitter(s.previous) });
  }
  return out;
}

/** The cache over one read of each seed sheet, as Format does it: hits, misses, distinct triples. */
function seedSheetCache(): { hits: number; misses: number; size: number } {
  resetToleranceCache();
  for (const report of ['earlyHelp', 'corporateParenting'] as SeedReport[]) readScorecard(seedGrid(report));
  return toleranceCacheStats();
}

/** Wall-clock and CPU time of one call, in milliseconds (CPU time is less disturbed by other processes on a shared machine). */
function timed(run: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs after one warm-up pass (which mostly measures the JIT), each over every row. */
const RUNS = 7;

export async function runEngineBench(): Promise<Record<string, number | string>> {
  const sheets = seedSheetCache();
  const data = rows();
  resetToleranceCache();

  const statuses: Array<Rag | null> = new Array(data.length).fill(null);
  let ragErrors = 0;
  const ragPass = (): void => {
    ragErrors = 0;
    for (let i = 0; i < data.length; i += 1) {
      const r = data[i];
      const tol = parseTolerances(r.red, r.amber, r.green, r.polarity);
      const value = parseValue(r.current);
      if (!tol.ok || value.kind !== 'number') continue;
      const rag = evaluateRag(value.value, tol.value);
      if (rag.ok) statuses[i] = rag.value;
      else ragErrors += 1;
    }
  };
  // The hit rate of one pass over the rows from a cold cache, as a sheet read would see it.
  ragPass();
  const cache = toleranceCacheStats();
  const ragTimes = Array.from({ length: RUNS }, () => timed(ragPass));

  let arrows = 0;
  const dotPass = (): void => {
    arrows = 0;
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
  };
  dotPass();
  const dotTimes = Array.from({ length: RUNS }, () => timed(dotPass));

  // The same triples parsed without the cache, to show what the cache saves.
  const uncachedRuns = 20_000;
  const parseAll = (): void => {
    for (let i = 0; i < uncachedRuns; i += 1) {
      if (i % TRIPLES.length === 0) resetToleranceCache();
      const [red, amber, green, polarity] = TRIPLES[i % TRIPLES.length];
      parseTolerances(red, amber, green, polarity);
    }
  };
  parseAll();
  const parseTimes = Array.from({ length: 3 }, () => timed(parseAll));
  resetToleranceCache();

  const perSecond = (count: number, times: Array<{ wallMs: number; cpuMs: number }>, clock: 'wallMs' | 'cpuMs'): number =>
    Math.round(count / (median(times.map((t) => t[clock])) / 1000));
  return {
    rows: data.length,
    'RAG evaluations/s': perSecond(data.length, ragTimes, 'wallMs'),
    'RAG evaluations/s (CPU time)': perSecond(data.length, ragTimes, 'cpuMs'),
    'DOT evaluations/s': perSecond(data.length, dotTimes, 'wallMs'),
    'DOT evaluations/s (CPU time)': perSecond(data.length, dotTimes, 'cpuMs'),
    timing: `median of ${RUNS} runs after a warm-up pass`,
    'tolerance parses/s (uncached)': perSecond(uncachedRuns, parseTimes, 'wallMs'),
    'tolerance cache hit rate (seed rows)': `${((100 * cache.hits) / Math.max(1, cache.hits + cache.misses)).toFixed(3)}% (${cache.hits} hits, ${cache.misses} misses, ${cache.size} triples)`,
    'cache hit rate, one read of the seed sheets': `${((100 * sheets.hits) / Math.max(1, sheets.hits + sheets.misses)).toFixed(1)}% (${sheets.hits} hits, ${sheets.misses} misses: ${sheets.size} distinct triples in ${sheets.hits + sheets.misses} rows)`,
    'values in a gap (errors)': ragErrors,
    'arrows drawn': arrows,
  };
}
