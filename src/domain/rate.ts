import { formatNumber, msg } from './messages';
import { err, ok, type Result } from './result';
import type { CellInput } from './types';
import { toParsed, type ParsedValue } from './value';

/**
 * A rate: `count / population × per` (per 10,000 children by default; the seeds also
 * use per 100 and per 100,000). A missing count gives `null` (a blank answer, never 0);
 * a population of 0 is a division by zero; a missing or negative population an error.
 *
 * @example
 * ratePer(609, 56970)        // ok(106.898...) looked-after children per 10,000
 * ratePer('TBC', 56970)      // ok(null)
 * ratePer(609, 0)            // err divideByZero
 * ratePer(16, 1000, 100)     // ok(1.6) per 100
 */
export function ratePer(
  count: CellInput | ParsedValue,
  population: CellInput | ParsedValue,
  per = 10000,
): Result<number | null> {
  if (!Number.isFinite(per) || per <= 0) return err('badArgument', msg.badPer(per));
  const pop = toParsed(population);
  if (pop.kind === 'missing') return err('missingValue', msg.missingValue('The population', pop.text));
  if (pop.kind === 'invalid') return err('badArgument', msg.badPopulation(pop.text));
  if (pop.value === 0) return err('divideByZero', msg.zeroPopulation());
  if (pop.value < 0) return err('badArgument', msg.badPopulation(formatNumber(pop.value)));
  const c = toParsed(count);
  if (c.kind === 'missing') return ok(null);
  if (c.kind === 'invalid') return err('badValue', msg.badValue(c.text));
  const rate = (c.value / pop.value) * per;
  return Number.isFinite(rate) ? ok(rate) : err('badValue', msg.nonFiniteValue());
}
