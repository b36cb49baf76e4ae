/** Boundary tables, one per notation family: the letter on, just below and just above each cut. */
import { msg } from '../../../src/domain/messages';
import { evaluateRag } from '../../../src/domain/rag';
import { parseTolerances } from '../../../src/domain/tolerance';
import type { CellInput, Polarity } from '../../../src/domain/types';

function letter(value: number, red: CellInput, amber: CellInput, green: CellInput, polarity: Polarity | null): string {
  const t = parseTolerances(red, amber, green, polarity);
  if (!t.ok) return `error:${t.error.code}`;
  const r = evaluateRag(value, t.value);
  return r.ok ? (r.value ?? '') : `error:${r.error.code}`;
}

type Row = [string, CellInput, CellInput, CellInput, Polarity | null, Array<[number, string]>];

const TABLES: Row[] = [
  ['prefix symbols', '<90%', '>=90% <95%', '>=95%', null, [[0.8999, 'red'], [0.9, 'amber'], [0.9499, 'amber'], [0.95, 'green']]],
  ['postfix soft (seed)', '<90%', '90%>', '95%+', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['full-width forms', '＜９０％', '９０％＞', '９５％＋', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['unicode comparison signs', '< 90%', '≥ 90% and < 95%', '≥ 95%', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['words: under / at least', 'under 90%', 'at least 90% but under 95%', 'at least 95%', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['words: no more than / more than', 'no more than 90%', 'more than 90% and no more than 95%', 'more than 95%', null, [[0.9, 'red'], [0.9001, 'amber'], [0.95, 'amber'], [0.9501, 'green']]],
  ['postfix words', '89% or below', '90% or more', '95% and above', null, [[0.89, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['between A and B', 'below 90%', 'between 90% and 94.9%', 'over 94.9%', null, [[0.8999, 'red'], [0.9, 'amber'], [0.949, 'amber'], [0.9491, 'green']]],
  ['A to B with thousands', 'less than 1,000', '1,000 to 1,499', '1,500 or more', null, [[999, 'red'], [1000, 'amber'], [1499, 'amber'], [1500, 'green']]],
  ['Low with + thresholds', '21+', '18+', '<18', null, [[17.99, 'green'], [18, 'amber'], [20.99, 'amber'], [21, 'red']]],
  ['Low written with minimum / maximum', 'minimum 21', '', 'maximum 18', 'low', [[18, 'green'], [21, 'red']]],
  ['Low seed soft postfix', '13%+', '13%<', '10.8%<', null, [[0.108, 'green'], [0.1081, 'amber'], [0.13, 'red']]],
  ['negative numbers with a Unicode minus', '\u22125 or below', '\u22124 to 0', 'above 0', null, [[-5, 'red'], [-4, 'amber'], [0, 'amber'], [0.01, 'green']]],
  ['range with an en dash, Within Limits', '2+ above range', 'up to 2 above range', '14–20', 'withinLimits', [[20, 'green'], [22, 'amber'], [22.01, 'red'], [14, 'green']]],
  ['distances outside a range', 'more than 2 outside range', 'within 2 of range', '14 to 20', null, [[11.99, 'red'], [12, 'amber'], [13.99, 'amber'], [14, 'green'], [22, 'amber'], [22.01, 'red']]],
  ['distances from a target in points', 'more than 5pp below target', 'within 5pp of target', '80%', 'high', [[0.7499, 'red'], [0.75, 'amber'], [0.7999, 'amber'], [0.8, 'green']]],
  ['a share of a count target', 'more than 10% below target', 'within 10% of target', '120', 'high', [[107.9, 'red'], [108, 'amber'], [119.9, 'amber'], [120, 'green']]],
  ['Arabic-Indic digits', '<٩٠٪', '٩٠٪>', '٩٥٪+', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
  ['lone target', '', '', '95%', 'high', [[0.9499, 'red'], [0.95, 'green']]],
  ['lone range', '', '', '14-20', 'withinLimits', [[13.9, 'red'], [14, 'green'], [20.1, 'red']]],
  ['Low inclusive words: more than / at most', 'more than 20', 'over 10 and at most 20', 'at most 10', null, [[10, 'green'], [10.01, 'amber'], [20, 'amber'], [20.01, 'red']]],
  ['inclusive signs ≤ / => / ≥, cuts a tenth apart', '≤ 89%', '=> 89.1% and ≤ 94.9%', '≥ 95%', null, [[0.89, 'red'], [0.8905, 'error:valueInGap'], [0.891, 'amber'], [0.949, 'amber'], [0.95, 'green']]],
  ['whole-number ranges leave the fractions between them out', '21 or more', '11 to 20', '10 and under', null, [[10, 'green'], [10.5, 'error:valueInGap'], [11, 'amber'], [20, 'amber'], [21, 'red']]],
  ['distance in pts below a target', 'under 80%', 'up to 5 pts below target', '85%', 'high', [[0.7999, 'red'], [0.8, 'amber'], [0.8499, 'amber'], [0.85, 'green']]],
  ['distances outside a range with +', '2+ outside range', '2 outside range', '14-20', 'withinLimits', [[11.9, 'red'], [12, 'amber'], [14, 'green'], [20, 'green'], [22, 'amber'], [22.1, 'red']]],
  ['mixed case and spacing', '  UNDER 90%', 'AT LEAST 90%  AND  UNDER 95%', 'At Least 95%', null, [[0.8999, 'red'], [0.9, 'amber'], [0.95, 'green']]],
];

describe.each(TABLES)('%s: %p | %p | %p (%p)', (_family, red, amber, green, polarity, cases) => {
  it.each(cases)('%p is %p', (value, expected) => {
    expect(letter(value, red, amber, green, polarity)).toBe(expected);
  });
});

describe('ambiguous and absurd notations say so', () => {
  it.each([
    ['5% above range', '', '40%-60%', null, msg.ambiguousDistance('red', '5% above range')],
    ['more than 5% below target', '', '80%', 'high', msg.ambiguousDistance('red', 'more than 5% below target')],
    ['1 above range', '', '40%-60%', null, msg.ambiguousDistance('red', '1 above range')],
  ] as const)('%p beside %p is ambiguous', (red, amber, green, polarity, message) => {
    expect(parseTolerances(red, amber, green, polarity)).toEqual({ ok: false, error: { code: 'badTolerance', message } });
  });

  it.each([
    ['1'.repeat(400), 'a 400-digit number'],
    ['Infinity%', 'Infinity in text'],
    ['1e999', 'an exponent'],
  ])('%p (%s) is unreadable, never a wrong letter or "Infinity%" in a message', (green) => {
    const r = parseTolerances('', '', green, 'high');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('badTolerance');
      // Only the cell's own text may say Infinity (quoted); no value is formatted from it.
      expect(r.error.message.replace(/"[^"]*"/g, '')).not.toMatch(/Infinity|NaN/);
    }
  });

  it('reads a number cell of Infinity as unreadable', () => {
    const r = parseTolerances(null, null, Number.POSITIVE_INFINITY, 'high');
    expect(r).toEqual({ ok: false, error: { code: 'badTolerance', message: msg.absurdTolerance('green', 'Infinity') } });
  });

  it('does not take digits of another script for a placeholder', () => {
    const r = parseTolerances('', '', '९५%', 'high');
    expect(r).toEqual({ ok: false, error: { code: 'badTolerance', message: msg.unreadDigits('green', '९५%') } });
  });

  it('asks what a distance in points is from', () => {
    expect(parseTolerances('', '', '5pp', 'high')).toEqual({ ok: false, error: { code: 'badTolerance', message: msg.pointsNeedAnchor('green', '5pp') } });
  });
});
