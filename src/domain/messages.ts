/**
 * The ONE catalogue of user-visible engine messages. Every message an analyst can see
 * (an Excel error tooltip, a problem in the pane) is built here; tests compare against
 * these builders, never against literal strings, so wording can change in one place.
 */
import type { Polarity, Rag } from './types';

/**
 * A number as an analyst would type it: float artefacts trimmed.
 *
 * @example
 * formatNumber(0.1 + 0.2) // '0.3'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // 12 significant digits hides binary artefacts without hiding anything typed by hand.
  return String(Number(value.toPrecision(12)));
}

/**
 * A value in the unit the analyst sees: fractions as percentages when `percent`.
 *
 * @example
 * formatValue(0.843, true) // '84.3%'
 */
export function formatValue(value: number, percent: boolean): string {
  return percent ? `${formatNumber(value * 100)}%` : formatNumber(value);
}

/** One end of a gap between bands, as shown (`84.3%`), and whether the gap includes it. */
export interface GapEnd {
  text: string;
  inclusive: boolean;
}

const RAG_NAMES: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/**
 * `Red`, `Amber`, `Green`: the column headers of the seeds.
 *
 * @example
 * ragName('amber') // 'Amber'
 */
export function ragName(rag: Rag): string {
  return RAG_NAMES[rag];
}

const POLARITY_NAMES: Record<Polarity, string> = {
  high: 'High',
  low: 'Low',
  info: 'Info',
  withinLimits: 'Within Limits',
};

/**
 * `High`, `Low`, `Info`, `Within Limits`: as written in GOOD PERF IS.
 *
 * @example
 * polarityName('withinLimits') // 'Within Limits'
 */
export function polarityName(polarity: Polarity): string {
  return POLARITY_NAMES[polarity];
}

/** Just enough of a band for a message: its colour and what was written. */
export interface BandLabel {
  rag: Rag;
  source: string;
}

/**
 * A band as messages name it; a band the engine added (the rest of a lone target) says so.
 *
 * @example
 * bandLabel({ rag: 'red', source: '<90%' }) // 'Red (<90%)'
 * bandLabel({ rag: 'red', source: '' })     // 'Red (the rest)'
 */
export function bandLabel(band: BandLabel): string {
  return band.source === '' ? `${ragName(band.rag)} (the rest)` : `${ragName(band.rag)} (${band.source})`;
}

function quote(text: string): string {
  return `"${text}"`;
}

export const msg = {
  /** A failure nobody foresaw (a bug, or the host failing in an unknown way), with its own words as the detail; every surface shows this one text. */
  unexpected: (detail: string): string => `The add-in hit an unexpected error: ${detail}`,
  // --- values ---------------------------------------------------------------------
  badValue: (text: string): string =>
    `${quote(text)} is not a number: type a number (e.g. 84.3% or 1,384) or a placeholder such as "n/a".`,
  nonFiniteValue: (): string => 'The value is not a finite number (Excel would show #NUM!).',
  missingValue: (what: string, text: string): string =>
    text === '' ? `${what} is blank.` : `${what} is missing (${quote(text)} is a placeholder, not a number).`,

  // --- polarity -------------------------------------------------------------------
  badPolarity: (text: string): string =>
    `${quote(text)} is not a polarity: GOOD PERF IS must be High, Low, Info or Within Limits (e.g. "Higher is better", "Within limits (lower is better)").`,
  ambiguousPolarity: (text: string): string =>
    `GOOD PERF IS ${quote(text)} names more than one direction: write one of High, Low, Info or Within Limits.`,

  // --- tolerances -----------------------------------------------------------------
  badTolerance: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} cannot be read: write e.g. <90%, 90%>, 95%+, >65% <75%, 14-20 or 1 above range.`,
  toleranceNeedsPolarity: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is a bare value, so it does not say whether higher or lower is better: set GOOD PERF IS to High or Low.`,
  withinLimitsNeedsRange: (text: string): string =>
    `A Within Limits measure needs a range in the Green cell (e.g. 14-20), not ${quote(text)}.`,
  relativeNeedsRange: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is relative to the range, but the Green cell has no range (e.g. 14-20).`,
  toleranceOverlap: (a: BandLabel, b: BandLabel, from: string, to: string): string =>
    from === to
      ? `${bandLabel(a)} and ${bandLabel(b)} overlap: ${from} belongs to both.`
      : `${bandLabel(a)} and ${bandLabel(b)} overlap between ${from} and ${to}.`,
  toleranceDirections: (higherIsBetter: BandLabel, lowerIsBetter: BandLabel): string =>
    `${bandLabel(higherIsBetter)} reads as higher-is-better but ${bandLabel(lowerIsBetter)} as lower-is-better.`,
  invertedBand: (band: BandLabel, from: string, to: string): string =>
    `${bandLabel(band)} would run from ${from} down to ${to}: its cut points are in the wrong order.`,
  polarityConflict: (stated: string, inferred: string, evidence: string): string =>
    `GOOD PERF IS says ${stated}, but the tolerances describe a ${inferred} measure (${evidence}).`,
  absurdTolerance: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text.length > 24 ? `${text.slice(0, 20)}…` : text)} holds a number too long to be a typed figure (at most 15 digits): check the cell.`,
  unreadDigits: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} has digits of a script the engine does not read: type them as 0-9 (Arabic-Indic and full-width digits are read).`,
  pointsNeedAnchor: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is a distance in percentage points: say what from, e.g. "5pp below target" or "2pp above range".`,
  pointsBesideCount: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is in percentage points, but the target is not a percentage: give the distance as a number.`,
  ambiguousDistance: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is ambiguous beside a percentage target: write the distance in percentage points (e.g. 5pp) or as a share of the target in words.`,
  relativeNeedsTarget: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} is relative to the target, but the Green cell gives no single target (e.g. 95%).`,
  relativeOnBetterSide: (rag: Rag, text: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} lies on the better side of the target, where Green is.`,
  emptyBand: (band: BandLabel, by: BandLabel): string =>
    `${bandLabel(band)} is empty: ${bandLabel(by)} starts at the same point, so no value is ${ragName(band.rag)}.`,
  /** Which ends are covered is said in words (`over 20 and under 21`), so 20 and 21 themselves are clearly in a band. */
  gapWarning: (below: BandLabel | null, above: BandLabel | null, lower: GapEnd | null, upper: GapEnd | null): string => {
    const from = lower ? (lower.inclusive ? `of at least ${lower.text}` : `over ${lower.text}`) : null;
    const to = upper ? (upper.inclusive ? `up to ${upper.text}` : `under ${upper.text}`) : null;
    const where =
      lower && upper && lower.text === upper.text ? `exactly ${lower.text}` : from && to ? `figures ${from} and ${to}` : `figures ${from ?? to ?? 'of any size'}`;
    const beside = below && above ? `between ${bandLabel(below)} and ${bandLabel(above)}` : above ? `below ${bandLabel(above)}` : below ? `above ${bandLabel(below)}` : '';
    return `No tolerance covers ${where}${beside ? `, ${beside}` : ''}: such a figure would get no RAG.`;
  },
  valueInConflict: (value: string, a: BandLabel, b: BandLabel): string =>
    `${value} is in both ${bandLabel(a)} and ${bandLabel(b)}: the tolerances overlap there, so its status is not certain.`,
  mixedUnits: (rag: Rag, text: string, other: string): string =>
    `The ${ragName(rag)} tolerance ${quote(text)} has no % sign but ${quote(other)} is a percentage: add the % sign.`,

  // --- RAG ------------------------------------------------------------------------
  valueInGap: (value: string, below: BandLabel | null, above: BandLabel | null): string => {
    if (below && above) return `${value} falls between ${bandLabel(below)} and ${bandLabel(above)}: no tolerance covers it.`;
    if (above) return `${value} is below ${bandLabel(above)}: no tolerance covers it.`;
    if (below) return `${value} is above ${bandLabel(below)}: no tolerance covers it.`;
    return `${value} is not covered by any tolerance.`;
  },
  unitMismatch: (value: string, example: string): string =>
    `${value} looks like a whole-number percentage but the tolerances are percentages (${example}): type ${value}% or ${formatNumber(Number(value) / 100)}.`,
  badStatus: (text: string): string => `${quote(text)} is not a RAG status: use R, A, G or leave it blank.`,

  // --- DOT ------------------------------------------------------------------------
  dotMissing: (which: 'current' | 'previous', text: string): string =>
    text === ''
      ? `No arrow: the ${which} month is blank.`
      : `No arrow: the ${which} month is ${quote(text)}, not a number.`,
  badConvention: (text: string): string =>
    `${quote(text)} is not a DOT convention: use "performance" (default) or "numeric".`,
  dotLabels: {
    improvement: 'Improvement',
    stable: 'Stable',
    declineWithinLimits: 'Decline, still within limits',
    declineNotOnTarget: 'Decline, not on target',
    increase: 'Increase',
    decrease: 'Decrease',
  },

  // --- rolling 12 months ------------------------------------------------------------
  notEnoughMonths: (months: number): string =>
    `Rolling 12 months needs 12 months of figures; only ${months} ${months === 1 ? 'is' : 'are'} given.`,
  gapInWindow: (position: number, text: string): string =>
    text === ''
      ? `Rolling 12 months: item ${position} of the range is blank inside the last 12 months.`
      : `Rolling 12 months: item ${position} of the range is ${quote(text)}, not a number, inside the last 12 months.`,
  badItem: (what: string, position: number, text: string): string =>
    `${what}: item ${position} of the range, ${quote(text)}, is not a number.`,
  rangeLengths: (values: number, denominators: number): string =>
    `The values (${values} cells) and denominators (${denominators} cells) must be ranges of the same size.`,
  notALine: (rows: number, columns: number): string =>
    `Give one row or one column of months, oldest to newest (this range is ${rows} rows by ${columns} columns).`,
  zeroDenominator: (): string => 'The denominators of the last 12 months add up to 0.',
  ratioOutOfRange: (): string =>
    'Rolling 12 months: the denominators of the last 12 months are so close to 0 that the ratio is beyond the largest number Excel holds.',
  sumOutOfRange: (what: string): string => `${what}: the sum of the last 12 months is beyond the largest number Excel holds.`,

  // --- rates ----------------------------------------------------------------------
  zeroPopulation: (): string => 'The population is 0: a rate cannot be divided by it.',
  badPopulation: (text: string): string =>
    `The population ${quote(text)} must be a positive number (the ONS mid-year estimate, e.g. 56970).`,
  badPer: (per: number): string => `A rate must be per a positive number (e.g. 10000), not ${formatNumber(per)}.`,
};

// ---------------------------------------------------------------------------------------
// sheet reading, format plan and roll-forward (engineer "sheet"; appended, kept separate)

export const sheetMsg = {
  noTable: (sheetName: string, lookedFor: string[]): string =>
    `No scorecard table found on ${quote(sheetName)}: looked for a header row with ${lookedFor.join(', ')} (e.g. Oct-20 above the figures).`,
  noRagFigure: (month: string, text: string): string =>
    text === ''
      ? `No figure to judge RAG on: ${month} is blank and no earlier month or YTD has a figure.`
      : `No figure to judge RAG on: ${month} is ${quote(text)} and no earlier month or YTD has a figure.`,
  monthNotReported: (month: string, text: string): string =>
    text === ''
      ? `${month} is empty: a monthly measure is judged on its own month, so RAG and DOT stay blank until ${month} is filled in.`
      : `${month} is ${quote(text)}: a monthly measure is judged on its own month, so RAG and DOT stay blank until ${month} has a figure.`,
  noYtdFigure: (text: string): string =>
    text === ''
      ? 'The RAG cell says YTD, but the YTD cell is blank.'
      : `The RAG cell says YTD, but the YTD cell is ${quote(text)}, not a number.`,
  infoWithTolerances: (tolerances: string): string =>
    `GOOD PERF IS says Info (no good or bad, no RAG), but the row has tolerances (${tolerances}): set High or Low, or clear the tolerances.`,
  plainNumberInPercentRow: (text: string, example: string): string =>
    `${quote(text)} has no % sign, but the other figures of this % row are percentages (${example}): type ${text}% or ${formatNumber(Number(text) / 100)}.`,
  percentTargetInCountRow: (unit: string, tolerance: string): string =>
    `This row counts (${unit}), but its tolerance ${quote(tolerance)} is a percentage: give the target as a count, or make the row a % row.`,
  tableWithoutRows: (sheetName: string, address: string): string =>
    `The table header at ${quote(sheetName)}!${address} has no indicator rows below it (a GOOD PERF IS and a NO. or name on the next row): nothing there was formatted.`,

  // --- key -------------------------------------------------------------------------
  keyTitle: 'Key',
  keyDotTitle: (convention: 'performance' | 'numeric'): string =>
    convention === 'performance'
      ? 'DOT: direction of performance since last month'
      : 'DOT: direction of the figure since last month (colour: good or bad)',
  keyRag: { red: 'Red: not on target', amber: 'Amber: within tolerance', green: 'Green: on target' },
  keyNoArrow: 'Blank: no figure for this month or the last',
  keyNoArrowMark: 'No arrow: a figure is missing this month or last (the cell’s note says which)',

  // --- notes the add-in owns (adapters replace only notes that start with the prefix) ---
  noArrowNotePrefix: 'No arrow: ',
  noArrowNote: (month: string, text: string): string =>
    text.trim() === '' ? `No arrow: the ${month} figure is blank.` : `No arrow: the ${month} figure is ${quote(text.trim())}.`,
  /** Any other reason (no month before, a figure set aside for a problem), said as a note. */
  noArrowNoteOther: (reason: string): string => (reason.startsWith('No arrow: ') ? reason : `No arrow: ${reason}`),

  // --- plan validation -----------------------------------------------------------
  writeOutsideOwned: (address: string): string =>
    `The plan would write to ${address}, which is not a DOT, RAG or key cell: nothing was changed.`,
  styleOutsideArea: (address: string): string =>
    `The plan would format ${address}, outside the table and its key: nothing was changed.`,
  /** Any adapter refusing a plan `validatePlan` rejects: `problem` is its message. */
  planInvalid: (problem: string): string => `The format plan is not one the add-in can apply (${problem}); nothing was changed.`,
  // The plan's own shape (what validatePlan checks before any adapter writes).
  planNoSheet: (): string => 'the plan names no sheet',
  planBadBox: (what: 'table area' | 'key area' | 'print area'): string => `the ${what} is not a valid range`,
  planWriteOutside: (where: string): string => `write to ${where} is outside the table`,
  planBadValue: (address: string): string => `the value for ${address} is not a number or text`,
  planWrittenTwice: (address: string): string => `${address} is written twice`,
  planStyleProblem: (key: string, problem: string): string => `style '${key}': ${problem}`,
  planStyleOutside: (key: string): string => `style '${key}' reaches outside the table`,
  planBadColour: (property: string, colour: string): string => `${property} '${colour}' is not a #RRGGBB colour`,
  planBadNumberFormat: (format: string): string => `number format '${format}' is not valid`,
  planBadColumn: (col: number): string => `column ${col} is not a column`,
  planBadWidth: (width: number): string => `column width ${width} is out of range`,
  planBadFreeze: (): string => 'freeze panes are not whole numbers',
  planBadRowHeight: (height: number, row: number): string => `row height ${height} for row ${row + 1} is out of range`,
  planBadScale: (): string => 'the print scale is not a whole percentage from 10 to 400',
  planBadRowBreak: (): string => 'a page break is not on a row',
  planBadRepeatRows: (): string => 'the repeated rows are not a valid range',
  tablesOnOtherSheets: (): string => 'A format plan covers one sheet: the tables come from different sheets.',
  noTables: (): string => 'There is no scorecard table to format.',

  // --- roll forward --------------------------------------------------------------
  rollNeedsMonths: (sheetName: string): string => `${quote(sheetName)} has no month columns to roll forward.`,
  rollNotNext: (label: string, expected: string): string =>
    `${label} does not follow the newest month of the sheet: roll forward to ${expected}.`,
  /** The key's place holds someone's content (`cell` as the surface shows addresses). */
  keyAreaTaken: (cell: string, text: string): string => `The key would overwrite ${cell}, which holds '${text}'.`,
  sheetExists: (name: string): string => `A sheet called ${quote(name)} already exists: rename or delete it first.`,
};

// revised figures (engineer "revisions"): kept in revisions/messages.ts, part of this one catalogue.
export { revisionMessages } from './revisions/messages';
export { packMsg, printMsg, summaryMsg } from './pack/messages';
