import type { Frequency, ReadCell } from './scorecard';

export type { Frequency };

// DATA NOTE wordings of the seeds and their likes: `Quarterly`, `Academic Year`, `As at term
// end`, `Annual (Dec Jan, Feb Average)`, `Claims subject to ...`, `Primary % (Termly)`.
const PERIODIC = /quarter|\bterm|academic|annual|year[- ]end|half[- ]?year|bi-?annual|six[- ]monthly|\bclaims?\b/i;
// `Monthly`, `As at mth end`, `Month end position`, `Financial Year (Cumulative)`, `Rolling Year`.
const MONTHLY = /month|\bmth\b|financial year|cumulative|rolling/i;

/**
 * Whether a row is reported monthly, from its DATA NOTE cells; when they do not say, a row
 * with figures in every month before the reporting month is monthly.
 *
 * @example
 * reportingFrequency('Academic Year', '%', months) // 'periodic'
 * reportingFrequency('As at mth end', '%', months) // 'monthly'
 */
export function reportingFrequency(note: string, unitText: string, months: readonly ReadCell[]): Frequency {
  const said = `${note} ${unitText}`;
  if (PERIODIC.test(said)) return 'periodic';
  if (MONTHLY.test(said)) return 'monthly';
  const before = months.slice(0, -1);
  return before.length >= 2 && before.every((m) => m.value.kind === 'number') ? 'monthly' : 'periodic';
}
