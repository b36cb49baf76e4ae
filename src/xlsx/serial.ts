/**
 * Excel's 1900 date system: serial 1 is 1 January 1900 and serial 60 is the 29 February
 * 1900 that never existed (Lotus 1-2-3's leap-year bug, kept by Excel). From 1 March 1900
 * on, serial n is n days after 30 December 1899, which is all scorecards use.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The serial number Excel holds for a date (exceljs hands dates over as UTC `Date`s).
 *
 * @example
 * serialFromDate(new Date(Date.UTC(2020, 9, 1))) // 44105 (Oct-20)
 */
export function serialFromDate(date: Date): number {
  const serial = (date.getTime() - EPOCH_MS) / DAY_MS;
  // Whole days come back exact; keep the time of day but drop float noise below a millisecond.
  return Math.round(serial * DAY_MS) / DAY_MS;
}

/**
 * The UTC date for an Excel serial number.
 *
 * @example
 * dateFromSerial(44105).toISOString() // '2020-10-01T00:00:00.000Z'
 */
export function dateFromSerial(serial: number): Date {
  return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
}
