import { readMonthCell } from '../sheet/months';

/**
 * A month label (`Oct-20`, as the scorecards head their month columns) as a month
 * number that orders and subtracts (`year × 12 + month − 1`), or null for anything else.
 * Sheet names read the same way (`Dec-20`, `Dec 20`, `December 2020`).
 *
 * @example monthIndex('Oct-20') // 24249
 */
export function monthIndex(label: string): number | null {
  const m = readMonthCell(label, label, 'General');
  return m === null ? null : m.year * 12 + m.month - 1;
}
