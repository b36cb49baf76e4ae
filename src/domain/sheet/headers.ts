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
  | 'red'
  | 'amber'
  | 'green'
  | 'year'
  | 'benchmark'
  /** A banner over several columns: `Target and Tolerances`, `YR ON YR TREND`, `2020/21`. */
  | 'banner'
  /** A header the reader does not use (`DOT (Year on Year)`, `RAG (Year End)`). */
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
  if (/^(dot|direction of travel)\b/.test(h)) return /year on year|yr on yr/.test(h) ? 'other' : 'dot';
  if (/^rag\b/.test(h)) return /year end|yr end|year on year/.test(h) ? 'other' : 'rag';
  if (/^target and tolerances?/.test(h) || /^(yr on yr|year on year)/.test(h) || /^latest bench/.test(h)) return 'banner';
  if (h === 'red') return 'red';
  if (h === 'amber') return 'amber';
  if (/^green\b|^target\b|\btarget green\b/.test(h)) return 'green';
  if (isYearLabel(h)) return 'year';
  if (/stat\.? neigh|^sn\b|\bnat(ional)?\.? (ave|av|avg|average|top)|best|q\/?tile|quartile|england|region/.test(h)) return 'benchmark';
  return null;
}
