import type { Outcome } from '../../port/api';
import { excelMessages as m, outcomeError } from '../messages';
import { toOutcomeError } from './officeErrors';

/** Splits `'Dec-20'!M14` (quotes doubled as Excel does) into sheet and cell; null if it is not one. */
export function splitQualified(address: string): { sheet: string; cell: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(address.trim());
  if (!match) return null;
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: match[3].replace(/\$/g, '').toUpperCase() };
}

/**
 * Selects (and so scrolls to) a cell given its sheet-qualified address, activating its
 * sheet: one round trip.
 *
 * @example await selectCell(context, "'Dec-20'!M14")
 */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<Outcome<void>> {
  const parts = splitQualified(address);
  if (!parts) return { ok: false, error: outcomeError('badAddress', m.badAddress(address)) };
  try {
    const ws = context.workbook.worksheets.getItem(parts.sheet);
    ws.activate();
    ws.getRange(parts.cell).select();
    await context.sync();
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e, parts.sheet) };
  }
}
