import type { Frequency, ReadCell } from './scorecard';

export type { Frequency };

// DATA NOTE wordings of the seeds and their likes: `Quarterly`, `Academic Year`, `As at term
// end`, `Annual (Dec Jan, Feb Average)`, `Claims subject to ...`, `Primary % (Termly)`.
const PERIODIC = /quarter|\bterm|academic|annual|year[- ]end|half[- ]?year|bi-?annual|six[- ]monthly|\bclaims?\b/i;
// `Monthly`, `As at mth end`, `Month end position`, `Financial Year (Cumulative)`, `Rolling Year`.
const MONTHLY = /month|\bmth\b|financial year|cumulative|rolling/i;

// A column holds a handful of wordings down thousands of rows: each pair is read once.
const SAID = new Map<string, Map<string, Frequency | null>>();

/** What DATA NOTE and unit text say of the frequency, if anything (remembered per pair). */
function saidFrequency(note: string, unitText: string): Frequency | null {
  let byUnit = SAID.get(note);
  if (byUnit === undefined) {
    byUnit = new Map();
    if (SAID.size < 512) SAID.set(note, byUnit);
  }
  let said = byUnit.get(unitText);
  if (said === undefined) {
    const text = `${note} ${unitText}`;
    said = PERIODIC.test(text) ? 'periodic' : MONTHLY.test(text) ? 'monthly' : null;
    if (byUnit.size < 512) byUnit.set(unitText, said);
  }
  return said;
}

/**
 * Whether a row is reported monthly, from its DATA NOTE cells; when they do not say, a row
 * with figures in every month before the reporting month is monthly.
 *
 * @example
 * reportingFrequency('Academic Year', '%', months) // 'periodic'
 * reportingFrequency('As at mth end', '%', months) // 'monthly'
 */
export function reportingFrequency(note: string, unitText: string, months: readonly ReadCell[]): Frequency {
  const said = saidFrequency(note, unitText);
  if (said !== null) return said;
  // The months before the reporting month (the last), without a copy of them per row.
  if (months.length - 1 < 2) return 'periodic';
  for (let k = 0; k < months.length - 1; k++) if (months[k]!.value.kind !== 'number') return 'periodic';
  return 'monthly';
}
