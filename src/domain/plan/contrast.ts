/**
 * WCAG 2.x contrast, so the RAG letter on its fill and the DOT arrow on white stay readable
 * (AA: 4.5:1 for text). Colours are `#RRGGBB`.
 */

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  // sRGB to linear light, as WCAG defines relative luminance.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * Whether a string is a `#RRGGBB` colour.
 * @example isHexColour('#C00000') // true
 */
export function isHexColour(hex: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(hex);
}

/**
 * WCAG relative luminance of a `#RRGGBB` colour, 0 (black) to 1 (white); NaN when the
 * string is not such a colour.
 * @example relativeLuminance('#FFFFFF') // 1
 */
export function relativeLuminance(hex: string): number {
  if (!isHexColour(hex)) return Number.NaN;
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/**
 * Contrast ratio of two colours, 1 to 21 (order does not matter).
 * @example contrastRatio('#000000', '#FFFFFF') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;

/**
 * Black or white, whichever reads better on `fill`.
 * @example readableOn('#FFC000') // '#000000'
 */
export function readableOn(fill: string): '#000000' | '#FFFFFF' {
  return contrastRatio('#000000', fill) >= contrastRatio('#FFFFFF', fill) ? '#000000' : '#FFFFFF';
}
