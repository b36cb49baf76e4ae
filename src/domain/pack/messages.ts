/**
 * Messages of the committee pack: the year-on-year columns, the print layout and the drafted
 * summary. Part of the one catalogue (re-exported by `domain/messages.ts`).
 */

function quote(text: string): string {
  return `"${text}"`;
}

export const packMsg = {
  // --- year-on-year DOT and year-end RAG ------------------------------------------
  /** Note on a year-on-year DOT cell without an arrow. Starts with the prefix the adapters own. */
  yoyMissing: (what: string, text: string): string =>
    text.trim() === '' ? `No arrow: ${what} is blank.` : `No arrow: ${what} is ${quote(text.trim())}, not a number.`,
  yoyNoTrendColumn: (): string => 'No arrow: the trend columns have no outturn for last year to compare with.',
  yoyNotComparable: (ytd: string, previous: string, year: string): string =>
    `No arrow: the outturn ${ytd} and ${year}'s ${previous} are not comparable (one is a percentage, the other is not).`,
  yoySetAside: (text: string): string => `No arrow: the outturn ${quote(text.trim())} is set aside (see the problem listed for it).`,
  ytdFigure: 'the outturn / YTD figure',
  previousYearFigure: (year: string): string => `the ${year} outturn`,
  yearEndInGap: (message: string): string => `Year-end RAG: ${message}`,

  // --- key ---------------------------------------------------------------------------
  keyYoy: 'DOT (Yr on Yr): the outturn / YTD against last year’s outturn, same arrows and colours',
  keyYearEnd: 'RAG (Year End): the outturn / YTD against the target, same letters and fills',
  keyRevised: 'Yellow: revised since the last published report',
};

/** Words of the drafted committee summary (one plain sentence per bullet). */
export const summaryMsg = {
  working: 'What’s working well',
  focus: 'Areas of focus',
  title: (month: string, sheet: string): string => `Committee summary draft: ${month} (sheet ${quote(sheet)})`,
  intro: 'Drafted from the scorecard’s figures, DOT and RAG: check each bullet against its indicator before use.',
  nothing: 'No indicator improved on target, declined or fell off target this month.',
  otherSection: 'Other indicators',
  /** `% of contacts … was 57.2% in December` (`in the year to date` for a YTD-judged row). */
  figure: (name: string, value: string, when: string): string => `${name} was ${value} ${when}`,
  inMonth: (month: string): string => `in ${month}`,
  yearToDate: 'in the year to date',
  /** `, below the 90% target` / `, above the 10.8% target` / `, meeting the 95% target`. */
  target: (relation: 'below' | 'above' | 'meeting' | 'within' | 'outside', target: string): string =>
    relation === 'meeting' ? `, meeting the ${target} target` : relation === 'within' ? `, within the ${target} target range` : relation === 'outside' ? `, outside the ${target} target range` : `, ${relation} the ${target} target`,
  /** `(November 61.0%; 2019/20 outturn 64.0%)`. */
  comparisons: (parts: string[]): string => (parts.length === 0 ? '' : ` (${parts.join('; ')})`),
  previousMonth: (month: string, value: string): string => `${month} ${value}`,
  lastYear: (year: string, value: string): string => `${year} outturn ${value}`,
  /** The sheet name for a written summary: `Summary Dec-20`, then `Summary Dec-20 (2)`. */
  sheetName: (month: string, n: number): string => (n <= 1 ? `Summary ${month}` : `Summary ${month} (${n})`),
  /** In the sheet name when the scorecard's month header gives nothing a name can hold. */
  noMonth: 'month',
};

/** Page header and footer of the printed pack (Excel's header/footer codes: &P page, &N pages, &D date). */
export const printMsg = {
  reportingMonth: (month: string): string => `Reporting month: ${month}`,
  printed: 'Printed &D',
  pageOf: 'Page &P of &N',
};
