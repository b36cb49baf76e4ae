/**
 * What a scorecard header cell names. The seeds spell the same column many ways
 * (`INDICATOR` / `INDICATORS - EARLY HELP ...`, `RAG (in month)` / `RAG (In month)`,
 * `Green (Target)` / `Target Green`, `Year To Date 2020/21` / `YTD 2019/20`), in any case,
 * with stray spaces, and truncated (`NAT TOP QTILE THRESHOL`).
 */

export type ColumnRole =
  | 'ref'
  | 'indicator'
  | 'polarity'
  | 'unit'
  | 'ytd'
  | 'dataNote'
  | 'dot'
  | 'rag'
  /** The year-on-year DOT: outturn / YTD against last year's outturn (`DOT (Yr on Yr)`). */
  | 'yoyDot'
  /** The year-end RAG: outturn / YTD against the tolerances (`RAG (Year End)`). */
  | 'yearEndRag'
  | 'red'
  | 'amber'
  | 'green'
  | 'year'
  | 'benchmark'
  /** A banner over several columns: `Target and Tolerances`, `YR ON YR TREND`, `2020/21`. */
  | 'banner'
  /** A header the reader does not use (`RAG (Year on Year)`: no report says what it would judge). */
  | 'other';

/** Header texts the reader looks for, for the "no table found" message. */
export const LOOKED_FOR = ['NO.', 'INDICATOR', 'GOOD PERF IS', 'month columns such as Oct-20'];

/**
 * Collapses spaces and lowers the case.
 * @example normalizeHeader('  Rag (In  Month) ') // 'rag (in month)'
 */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const FINANCIAL_YEAR = /^(19|20)\d{2}\s*\/\s*\d{2,4}$/;

/**
 * A year label: a trend column, or a banner over months.
 * @example isYearLabel('2019 / 20') // true
 */
export function isYearLabel(text: string): boolean {
  return FINANCIAL_YEAR.test(text.trim());
}

/**
 * The role a header text names, or null when it names nothing known. Month headers are
 * recognised separately (they are dates); year labels come back as `year`, and the caller
 * decides whether one stands as a banner over month columns.
 *
 * @example classifyHeader('Green (Target)') // 'green'
 * @example classifyHeader('INDICATORS - EARLY HELP BOROUGH WIDE PERFORMANCE') // 'indicator'
 */
export function classifyHeader(text: string): ColumnRole | null {
  const h = normalizeHeader(text);
  if (h === '') return null;
  if (/^(no\.?|ref\.?|ref no\.?|no)$/.test(h)) return 'ref';
  if (/^indicators?\b/.test(h) || h === 'measure' || h === 'measures') return 'indicator';
  if (/^good perf/.test(h) || h === 'polarity') return 'polarity';
  if (/^data note\s*\(monthly\)/.test(h) || h === 'unit' || h === 'units') return 'unit';
  if (/^data note\b/.test(h)) return 'dataNote';
  if (/^(year to date|ytd\b|outturn|year end outturn)/.test(h)) return 'ytd';
  // `DOT (Yr on Yr)`, `DOT (Year-on-Year)`, `YoY DOT`; `RAG (Yr End)`, `Year End RAG`.
  const words = h.replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  const yearOnYear = /\b(year on year|yr on yr|yoy)\b/.test(words);
  const yearEnd = /\b(year end|yr end|ye)\b/.test(words);
  if (/^(dot|direction of travel)\b/.test(words) || (yearOnYear && /\b(dot|direction of travel)$/.test(words))) return yearOnYear ? 'yoyDot' : 'dot';
  if (/^rag\b/.test(words) || (yearEnd && /\brag$/.test(words))) return yearEnd ? 'yearEndRag' : yearOnYear ? 'other' : 'rag';
  if (/^target and tolerances?/.test(h) || /^(yr on yr|year on year)/.test(h) || /^latest bench/.test(h)) return 'banner';
  if (h === 'red') return 'red';
  if (h === 'amber') return 'amber';
  if (/^green\b|^target\b|\btarget green\b/.test(h)) return 'green';
  if (isYearLabel(h)) return 'year';
  if (/stat\.? neigh|^sn\b|\bnat(ional)?\.? (ave|av|avg|average|top)|best|q\/?tile|quartile|england|region/.test(h)) return 'benchmark';
  return null;
}
