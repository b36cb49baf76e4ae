/**
 * Arrows typed in a symbol font. Older scorecards show last month's DOT as a letter in
 * Wingdings (or Wingdings 3, or Symbol): the cell holds `á` and the screen shows an up
 * arrow. The code positions are those of the fonts' published character sets (the
 * Unicode 7.0 Wingdings/Webdings mapping, and the Adobe Symbol encoding): Wingdings
 * 0xDF-0xE6 are the eight arrows ← → ↑ ↓ ↖ ↗ ↙ ↘ and 0xE7-0xEE their heavy forms;
 * Wingdings 3 0x66-0x6D the same eight; Symbol 0xAC-0xAF ← ↑ → ↓; Webdings has no
 * arrows but its black triangles 0x33-0x36 (◀ ▶ ▲ ▼) serve as them.
 */
const EIGHT = ['←', '→', '↑', '↓', '↖', '↗', '↙', '↘'];

function table(start: number, glyphs: readonly string[]): Map<string, string> {
  return new Map(glyphs.map((g, i) => [String.fromCharCode(start + i), g]));
}

const WINGDINGS = new Map([...table(0xdf, EIGHT), ...table(0xe7, EIGHT)]);
const WINGDINGS_3 = table(0x66, EIGHT);
const SYMBOL = table(0xac, ['←', '↑', '→', '↓']);
const WEBDINGS = table(0x33, ['←', '→', '↑', '↓']);

/** Fonts whose letters show as symbols: a DOT arrow written in one would show another glyph. */
export const SYMBOL_FONTS: ReadonlySet<string> = new Set(['wingdings', 'wingdings 2', 'wingdings 3', 'webdings', 'symbol']);

/** Whether a font name (any case) is a symbol font. */
export function isSymbolFont(fontName: string | null | undefined): boolean {
  return typeof fontName === 'string' && SYMBOL_FONTS.has(fontName.trim().toLowerCase());
}

const TABLES = [WINGDINGS, WINGDINGS_3, SYMBOL, WEBDINGS];

/** The one character of a cell's text as a symbol font reads it (F0xx private-use codes folded onto their letters), or null. */
function symbolChar(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length !== 1) return null;
  const code = trimmed.charCodeAt(0);
  return code >= 0xf000 && code <= 0xf0ff ? String.fromCharCode(code - 0xf000) : trimmed;
}

/**
 * Whether a cell's text would be an arrow in one of the symbol fonts: what a DOT cell of an
 * older workbook holds (`á`), before its font is known.
 *
 * @example mayBeSymbolArrow('á') // true; mayBeSymbolArrow('↑') // false
 */
export function mayBeSymbolArrow(text: string): boolean {
  const ch = symbolChar(text);
  return ch !== null && TABLES.some((t) => t.has(ch));
}

/**
 * The arrow a one-character cell shows in a symbol font, or null (not a symbol font,
 * or not an arrow in it). Symbol fonts map the private-use range F0xx onto the same
 * letters, so both forms are read.
 *
 * @example symbolArrow('á', 'wingdings') // '↑'
 */
export function symbolArrow(text: string, fontName: string): string | null {
  const ch = symbolChar(text);
  if (ch === null) return null;
  const font = fontName.toLowerCase();
  const map = font === 'wingdings' ? WINGDINGS : font === 'wingdings 3' ? WINGDINGS_3 : font === 'symbol' ? SYMBOL : font === 'webdings' ? WEBDINGS : null;
  return map?.get(ch) ?? null;
}
