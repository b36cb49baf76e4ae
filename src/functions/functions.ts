/**
 * The four PERF custom functions. functions.json is generated from this JSDoc by
 * custom-functions-metadata-plugin (namespace PERF comes from the manifest), so the
 * descriptions are written for analysts.
 *
 * Parameter types are written as inline unions: the metadata generator maps a union to
 * "any" (text or number, as analysts type tolerances both ways) but rejects a named type
 * alias for the same union, so the union is spelled out in each signature. No `any` needed.
 *
 * Every function computes a value or an Excel error (see `toCell` for how an error reaches
 * a single cell inside Office); none returns NaN or Infinity.
 */
import { evaluateDot, parseConvention } from '../domain/dot';
import { msg } from '../domain/messages';
import { parsePolarity, readPolarity } from '../domain/polarity';
import { checkUnits, evaluateRag, parseRag, ragLetter } from '../domain/rag';
import { ratePer } from '../domain/rate';
import { rolling12 } from '../domain/rolling';
import { parseTolerances, targetRange } from '../domain/tolerance';
import type { CellInput } from '../domain/types';
import { parseValue } from '../domain/value';
import { firstError, line, rawMatrix, scalar } from './args';
import { isFunctionError, toCell, toFunctionError, type FunctionError } from './errors';

/** A cell value as Excel passes it (the exported signatures spell the union out for the metadata generator). */
type Arg = number | string | boolean | null;

/**
 * RAG status of a value against the Red, Amber and Green tolerances as written in the scorecard. Returns R, A, G, or blank for Info rows, rows with no target and missing values. Example from the Early Help report (2.2, Dec-20): =PERF.RAG(0.851,"<65%",">65% <75%","75%","High") gives G.
 * @customfunction RAG
 * @param value The reporting month's figure (a number, 84.3% or text such as "13.7% (HT1)"; placeholders such as "TBC" give blank).
 * @param red The Red tolerance as written, e.g. "<90%", "13%+", "1+ above range", or blank.
 * @param amber The Amber tolerance as written, e.g. "90%>", ">65% <75%", "1 above range", or blank.
 * @param green The Green tolerance or target as written, e.g. "95%+", "75%", "14-20", "n/a".
 * @param [polarity] GOOD PERF IS: High, Low, Info or Within Limits. Needed when Green is a lone target such as 95%.
 * @returns "R", "A", "G" or "" (blank).
 */
export function RAG(
  value: number | string | boolean | null,
  red: number | string | boolean | null,
  amber: number | string | boolean | null,
  green: number | string | boolean | null,
  polarity?: number | string | boolean | null,
): string | FunctionError {
  return toCell(ragResult(value, red, amber, green, polarity));
}

function ragResult(value: Arg, red: Arg, amber: Arg, green: Arg, polarity?: Arg): string | FunctionError {
  const passed = firstError(value, red, amber, green, polarity);
  if (passed) return passed;
  const stated = parsePolarity(scalar(polarity));
  if (!stated.ok) return toFunctionError(stated.error);
  const tol = parseTolerances(scalar(red), scalar(amber), scalar(green), stated.value);
  if (!tol.ok) return toFunctionError(tol.error);
  const parsed = parseValue(scalar(value));
  if (parsed.kind === 'invalid') return toFunctionError({ code: 'badValue', message: msg.badValue(parsed.text) });
  if (parsed.kind === 'missing' || tol.value.kind === 'none') return '';
  const units = checkUnits(parsed, tol.value);
  if (!units.ok) return toFunctionError(units.error);
  const rag = evaluateRag(parsed.value, tol.value);
  if (!rag.ok) return toFunctionError(rag.error);
  return rag.value === null ? '' : ragLetter(rag.value);
}

/**
 * Direction of travel from the previous month to the reporting month. Performance convention (default): ↑ improvement, → stable, ↘ decline but still within limits (status G or A), ↓ decline not on target; Info rows show ↑ increase, → stable, ↓ decrease. Numeric convention: the arrow follows the number. Blank when either month is missing. Example from the Corporate Parenting report (6.2, a Low measure): =PERF.DOT(106.9,108.0,"Low") gives ↑.
 * @customfunction DOT
 * @param current The reporting month's figure.
 * @param previous The previous month's figure.
 * @param [polarity] GOOD PERF IS: High, Low, Info or Within Limits (Info if blank); "Within limits (lower is better)" also says which way is better inside the range.
 * @param [status] The reporting month's RAG letter (R, A or G), to tell a decline within limits from one not on target.
 * @param [convention] "performance" (default) or "numeric".
 * @param [range] Within Limits only: the Green range as written, e.g. "14-20", so that moving towards it is an improvement and away from it a decline.
 * @returns One arrow, or "" (blank) when a month is missing.
 */
export function DOT(
  current: number | string | boolean | null,
  previous: number | string | boolean | null,
  polarity?: number | string | boolean | null,
  status?: number | string | boolean | null,
  convention?: number | string | boolean | null,
  range?: number | string | boolean | null,
): string | FunctionError {
  return toCell(dotResult(current, previous, polarity, status, convention, range));
}

function dotResult(
  current: Arg,
  previous: Arg,
  polarity?: Arg,
  status?: Arg,
  convention?: Arg,
  range?: Arg,
): string | FunctionError {
  const passed = firstError(current, previous, polarity, status, convention, range);
  if (passed) return passed;
  const read = readPolarity(scalar(polarity));
  if (!read.ok) return toFunctionError(read.error);
  const p = { value: read.value?.polarity ?? null, lean: read.value?.lean ?? null };
  const s = parseRag(scalar(status));
  if (!s.ok) return toFunctionError(s.error);
  const c = parseConvention(scalar(convention));
  if (!c.ok) return toFunctionError(c.error);
  let target: { lower: number; upper: number } | null = null;
  const rangeText = scalar(range);
  if (p.value === 'withinLimits' && rangeText !== null && String(rangeText).trim() !== '') {
    // The same reading as the Green cell of RAG, so `14-20` means the same in both functions.
    const tol = parseTolerances(null, null, rangeText, 'withinLimits');
    if (!tol.ok) return toFunctionError(tol.error);
    target = targetRange(tol.value);
  }
  const dot = evaluateDot({
    current: parseValue(scalar(current)),
    previous: parseValue(scalar(previous)),
    polarity: p.value,
    status: s.value,
    convention: c.value,
    decimals: null,
    range: target,
    lean: p.lean,
  });
  if (!dot.ok) return toFunctionError(dot.error);
  return dot.value.state === null ? '' : dot.value.glyph;
}

/**
 * Rolling 12 months: the sum of the latest 12 months of a row or column ordered oldest to newest, or with denominators the ratio of the two sums over the same 12 months (rolling percentages and averages). Blank months at the end (future months) are ignored; a gap inside the last 12 months is #N/A, never a smaller sum. Example: =PERF.ROLLING12(B5:M5) for monthly S47 investigations.
 * @customfunction ROLLING12
 * @param values Monthly figures in one row or one column, oldest first.
 * @param [denominators] Monthly denominators, a range of the same size, for a rolling ratio.
 * @returns The rolling 12-month total or ratio.
 */
export function ROLLING12(
  values: Array<Array<number | string | boolean | null>>,
  denominators?: Array<Array<number | string | boolean | null>>,
): number | FunctionError {
  return toCell(rollingResult(values, denominators));
}

function rollingResult(values: Arg[][], denominators?: Arg[][]): number | FunctionError {
  const passed = firstError(values, denominators);
  if (passed) return passed;
  const nums = line(values);
  if (!nums.ok) return toFunctionError(nums.error);
  let dens: CellInput[] | undefined;
  if (denominators !== undefined && denominators !== null) {
    const d = line(denominators);
    if (!d.ok) return toFunctionError(d.error);
    dens = d.value;
  }
  const r = rolling12(nums.value, dens);
  return r.ok ? r.value : toFunctionError(r.error);
}

/**
 * Rate per 10,000: count / population × 10,000 (population aged 0-17, the ONS mid-year estimate). A range of counts gives a range of rates; a missing count gives blank, a population of 0 gives #DIV/0!. Example from the Corporate Parenting report (6.2): =PERF.RATEPER10K(609,56970) gives 106.9.
 * @customfunction RATEPER10K
 * @param count A count, or a range of counts.
 * @param population The population the rate is per 10,000 of.
 * @returns The rate (a range when count is a range).
 */
export function RATEPER10K(
  count: Array<Array<number | string | boolean | null>>,
  population: number | string | boolean | null,
): Array<Array<number | string | FunctionError>> {
  const popError = firstError(population);
  if (popError) return [[popError]];
  const pop = scalar(population);
  // One check of the population up front: a bad population is one error, not one per cell.
  const probe = ratePer(1, pop);
  if (!probe.ok) return [[toFunctionError(probe.error)]];
  return rawMatrix(count).map((row) =>
    row.map((cell) => {
      // An error in one count stays in its own cell, as Excel's array arithmetic does.
      if (isFunctionError(cell)) return cell;
      const r = ratePer(scalar(cell), pop);
      if (!r.ok) return toFunctionError(r.error);
      return r.value === null ? '' : r.value;
    }),
  );
}

// The metadata plugin's loader also appends associate calls to the bundle; these guarded
// ones keep the file self-contained when it is bundled without the plugin (associating an
// id twice just maps it to the same function).
if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('RAG', RAG);
  CustomFunctions.associate('DOT', DOT);
  CustomFunctions.associate('ROLLING12', ROLLING12);
  CustomFunctions.associate('RATEPER10K', RATEPER10K);
}
