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
