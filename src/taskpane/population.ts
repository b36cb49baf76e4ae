/**
 * Reads the population typed in Settings. Blank means "not set" (rates then report a
 * missing population instead of dividing by 0); otherwise a whole number above 0, with
 * thousands separators allowed because ONS tables print them (`56,310`).
 *
 * @example
 * parsePopulation('56,310') // { ok: true, value: 56310 }
 * parsePopulation('')       // { ok: true, value: null }
 * parsePopulation('0')      // { ok: false }
 */
export function parsePopulation(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  // Commas only as thousands separators: "5,6310" is a typo, not 56310.
  if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isSafeInteger(value) && value > 0 ? { ok: true, value } : { ok: false };
}
