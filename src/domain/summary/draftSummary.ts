import { summaryMsg } from '../messages';
import { targetRange } from '../tolerance';
import { formatValue } from '../messages';
import { longMonthLabel } from '../sheet/months';
import type { IndicatorRow, MonthValue, ScorecardTable } from '../sheet/scorecard';

/** One bullet: a plain sentence built from the engine's results, with the indicator it is about. */
export interface SummaryBullet {
  /** NO. of the indicator (`2.2`), so the analyst can check it. */
  ref: string;
  key: string;
  text: string;
  /**
   * How far from target, as a signed share of the target (+ better, - worse); Info rows and
   * rows without a target have none and come after those that do.
   */
  distance: number | null;
}

export interface SummarySection {
  /** The section label (`FRONT DOOR`), or `Other indicators` for rows under none. */
  name: string;
  working: SummaryBullet[];
  focus: SummaryBullet[];
}

export interface SummaryDraft {
  sheetName: string;
  /** The reporting month as the headers write it: `Dec-20`. */
  month: string;
  sections: SummarySection[];
}

/** An Info row is worth a bullet when its figure moved by at least this share of the month before. */
export const INFO_LARGE_CHANGE = 0.2;

function displayName(row: IndicatorRow): string {
  return row.subLabel !== '' ? `${row.name} (${row.subLabel})` : row.name;
}

function monthName(m: MonthValue): string {
  // `Dec-20` -> `December`: the sentences name the month as the slides do.
  const long = longMonthOf(m.label);
  return long ?? m.label;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function longMonthOf(label: string): string | null {
  const i = SHORT.indexOf(label.slice(0, 3));
  return i < 0 ? null : longMonthLabel({ year: 2000, month: i + 1 }).replace(/ \d+$/, '');
}

/** The figure the row is judged on and the month before it, as shown. */
function figures(row: IndicatorRow): { current: { text: string; value: number; when: string }; previous: MonthValue | null } | null {
  if (row.ragBasis?.kind === 'ytd') {
    const ytd = row.ytd;
    if (!ytd || ytd.value.kind !== 'number') return null;
    return { current: { text: ytd.text.trim(), value: ytd.value.value, when: summaryMsg.yearToDate }, previous: null };
  }
  const pair = row.dotMonths;
  if (!pair || pair.current.value.kind !== 'number') return null;
  const previous = pair.previous && pair.previous.value.kind === 'number' ? pair.previous : null;
  return { current: { text: pair.current.text.trim(), value: pair.current.value.value, when: summaryMsg.inMonth(monthName(pair.current)) }, previous };
}

/** The target phrase and the signed distance from target (+ better), from the row's tolerances. */
function targetOf(row: IndicatorRow, value: number): { phrase: string; distance: number } | null {
  const tol = row.tolerances.parsed;
  if (!tol || tol.kind !== 'bands' || row.rag === null) return null;
  const range = targetRange(tol);
  if (range) {
    const text = `${formatValue(range.lower, tol.percent)}-${formatValue(range.upper, tol.percent)}`;
    const outside = Math.max(range.lower - value, value - range.upper, 0);
    const width = Math.max(range.upper - range.lower, Number.EPSILON);
    return { phrase: summaryMsg.target(outside > 0 ? 'outside' : 'within', text), distance: -outside / width };
  }
  if (tol.target === null) return null;
  const target = tol.target;
  const text = formatValue(target, tol.percent);
  const better = tol.polarity === 'low' ? target - value : value - target;
  const relation = row.rag === 'green' ? 'meeting' : value < target ? 'below' : 'above';
  return { phrase: summaryMsg.target(relation, text), distance: better / Math.max(Math.abs(target), Number.EPSILON) };
}

function sentence(row: IndicatorRow): SummaryBullet | null {
  const f = figures(row);
  if (!f) return null;
  const target = targetOf(row, f.current.value);
  const parts: string[] = [];
  if (f.previous) parts.push(summaryMsg.previousMonth(monthName(f.previous), f.previous.text.trim()));
  const last = row.yearOnYear?.previousYear;
  if (last && last.value.kind === 'number') parts.push(summaryMsg.lastYear(last.label, last.text.trim()));
  const text = `${summaryMsg.figure(displayName(row), f.current.text, f.current.when)}${target?.phrase ?? ''}${summaryMsg.comparisons(parts)}.`;
  return { ref: row.ref, key: row.key, text, distance: target?.distance ?? null };
}

/** Where a row belongs: improved and on target, declined or off target, a large Info change, or neither. */
function placeOf(row: IndicatorRow): 'working' | 'focus' | null {
  const dot = row.dot && row.dot.state !== null ? row.dot : null;
  if (row.polarity === 'info') {
    const pair = row.dotMonths;
    const cur = pair?.current.value;
    const prev = pair?.previous?.value;
    if (cur?.kind !== 'number' || prev?.kind !== 'number' || prev.value === 0) return null;
    return Math.abs(cur.value - prev.value) / Math.abs(prev.value) >= INFO_LARGE_CHANGE ? 'focus' : null;
  }
  const improved = dot?.tone === 'good';
  const declined = dot?.tone === 'bad' || dot?.tone === 'warning';
  if (improved && row.rag === 'green') return 'working';
  if (declined || row.rag === 'red' || row.rag === 'amber') return 'focus';
  return null;
}

function byDistance(worstFirst: boolean): (a: SummaryBullet, b: SummaryBullet) => number {
  return (a, b) => {
    if (a.distance === null || b.distance === null) return (a.distance === null ? 1 : 0) - (b.distance === null ? 1 : 0);
    return worstFirst ? a.distance - b.distance : b.distance - a.distance;
  };
}

/**
 * Drafts the committee summary of a month's scorecard: per section, "What's working well"
 * (indicators that improved and are on target) and "Areas of focus" (those that declined or
 * are off target, and Info rows whose figure moved by a fifth or more), each one plain
 * sentence built from the engine's results with the figures as the analyst showed them:
 * the figure and its month, the target, the month before and last year's outturn where
 * present. Ordered by how far from target (best first for working well, worst first for
 * focus). Rows with a problem other than a missing figure are left out: their results
 * need the analyst first.
 *
 * @example
 * draftSummary(tables).sections[0].focus[0].text
 * // '% of contacts with a decision within 1 working day was 57.2% in December, below the 90% target (November 61.0%).'
 */
export function draftSummary(tables: ScorecardTable[]): SummaryDraft {
  const sections: SummarySection[] = [];
  const byName = new Map<string, SummarySection>();
  for (const table of tables) {
    for (const row of table.indicators) {
      if (row.problems.some((p) => p.code !== 'missingValue')) continue;
      const place = placeOf(row);
      if (place === null) continue;
      const bullet = sentence(row);
      if (!bullet) continue;
      const name = row.section.trim() === '' ? summaryMsg.otherSection : row.section.trim();
      let section = byName.get(name);
      if (!section) {
        section = { name, working: [], focus: [] };
        byName.set(name, section);
        sections.push(section);
      }
      section[place].push(bullet);
    }
  }
  for (const s of sections) {
    s.working.sort(byDistance(false));
    s.focus.sort(byDistance(true));
  }
  return { sheetName: tables[0]?.sheetName ?? '', month: tables[0]?.reportingMonth.label ?? '', sections };
}
