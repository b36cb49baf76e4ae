/**
 * Excel's 1900 date system, the one date rule of the add-in, the CLI and the custom functions.
 * Serial 1 is 1 January 1900 and serial 60 the 29 February 1900 that never existed (Lotus
 * 1-2-3's leap-year bug, kept by Excel). From 1 March 1900 on (serial 61), serial n is n days
 * after 30 December 1899, which covers every date a scorecard holds; the time of day is the
 * fraction. Times are UTC: a serial names a calendar day, not an instant anywhere.
 */

/** Milliseconds (UTC, since 1970) of serial 0 as counted from March 1900 on: 30 December 1899. */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Days between the 1904 date system's serial 0 (1 January 1904) and the same day's 1900
 * serial (1,462). A workbook saved with `date1904` stores every date that many days lower;
 * the engine speaks 1900 serials, so the adapters add this on reading and take it off on
 * writing.
 *
 * @example serialFromUtc(Date.UTC(2020, 11, 1)) - DAYS_1904_AFTER_1900 // 42704, Dec-20 in a 1904 workbook
 */
export const DAYS_1904_AFTER_1900 = 1462;

/** Milliseconds in a day: one serial. */
export const MS_PER_DAY = 86_400_000;

/**
 * The serial of a UTC time in milliseconds (fractional for a time of day).
 *
 * @example
 * serialFromUtc(Date.UTC(2020, 9, 1)) // 44105 (Oct-20)
 */
export function serialFromUtc(ms: number): number {
  return (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/**
 * The UTC time in milliseconds of a serial.
 *
 * @example
 * new Date(utcFromSerial(44105)).toISOString() // '2020-10-01T00:00:00.000Z'
 */
export function utcFromSerial(serial: number): number {
  return EXCEL_EPOCH_MS + serial * MS_PER_DAY;
}

/**
 * The serial Excel holds for a date (exceljs hands dates over as UTC `Date`s). Whole days
 * come back exact; a time of day is kept, float noise below a millisecond dropped.
 *
 * @example
 * serialFromDate(new Date(Date.UTC(2020, 9, 1))) // 44105 (Oct-20)
 */
export function serialFromDate(date: Date): number {
  return Math.round(serialFromUtc(date.getTime()) * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * The UTC date of a serial, to the millisecond.
 *
 * @example
 * dateFromSerial(44105).toISOString() // '2020-10-01T00:00:00.000Z'
 */
export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

/** The calendar fields of a serial as Excel shows them (month 0-11, weekday 0 = Sunday). */
export interface ExcelCalendar {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The last serial Excel can show as a date: 31 December 9999. */
export const LAST_DATE_SERIAL = 2_958_465;

/**
 * The date and time Excel shows for a serial, including the days before March 1900 that a
 * JavaScript Date gets wrong: serial 0 is `1900-01-00` (Excel's day before 1 January, a
 * Saturday), 1-59 are 1 January to 28 February 1900, and 60 is the 29 February 1900 Excel
 * keeps from Lotus 1-2-3. Weekdays follow Excel's count (serial 1 is a Sunday), which agrees
 * with the real calendar from 1 March 1900. Null for a serial Excel shows as `#####`: a
 * negative one, or one after 31 December 9999.
 *
 * @example excelCalendar(0) // { year: 1900, month: 0, day: 0, weekday: 6, ... }
 * @example excelCalendar(60) // { year: 1900, month: 1, day: 29, weekday: 3, ... }
 */
export function excelCalendar(serial: number): ExcelCalendar | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_DATE_SERIAL + 1) return null;
  const ms = Math.round(serial * MS_PER_DAY);
  const whole = Math.floor(ms / MS_PER_DAY);
  const time = new Date(ms - whole * MS_PER_DAY);
  const clock = { hours: time.getUTCHours(), minutes: time.getUTCMinutes(), seconds: time.getUTCSeconds() };
  const weekday = (whole + 6) % 7;
  if (whole === 0) return { year: 1900, month: 0, day: 0, weekday, ...clock };
  if (whole === 60) return { year: 1900, month: 1, day: 29, weekday, ...clock };
  // Before the phantom 29 February every serial is one day later than the count from 30 December 1899 gives.
  const d = new Date(EXCEL_EPOCH_MS + (whole < 60 ? whole + 1 : whole) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday, ...clock };
}
