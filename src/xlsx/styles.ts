import type ExcelJS from 'exceljs';
import type { CellStyle } from '../domain/plan/types';

/**
 * Style helpers for exceljs cells.
 *
 * exceljs shares one style object between every cell loaded with the same style id
 * (xform/style/styles-xform.js `getStyleModel` caches per id), so `cell.fill = x` would
 * repaint every cell that happened to share the style. Each change therefore builds a
 * new style object and assigns it whole; cells that had the same style and get the same
 * change share the new object again, so the saved file keeps few distinct styles.
 */
export class StyleCache {
  private readonly cache = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();
  private readonly noStyle = new Map<string, Partial<ExcelJS.Style>>();

  /** Applies `change` (identified by `key`) to the cell without touching any other cell. */
  apply(cell: ExcelJS.Cell, key: string, change: (old: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>): void {
    const old = cell.style as Partial<ExcelJS.Style> | undefined;
    const byKey = old ? (this.cache.get(old) ?? new Map<string, Partial<ExcelJS.Style>>()) : this.noStyle;
    if (old && !this.cache.has(old)) this.cache.set(old, byKey);
    let next = byKey.get(key);
    if (!next) {
      next = change(old ?? {});
      byKey.set(key, next);
    }
    cell.style = next;
  }
}

/** `#RRGGBB` -> exceljs ARGB `FFRRGGBB`. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

/** exceljs ARGB (or theme/indexed colour) -> `#RRGGBB`, null when not an RGB colour. */
export function hexFromArgb(color: Partial<ExcelJS.Color> | undefined): string | null {
  const value = color?.argb;
  if (!value) return null;
  return `#${value.slice(-6).toUpperCase()}`;
}

/** The solid fill colour of a cell as `#RRGGBB`, or null (no fill, or a pattern/gradient). */
export function cellFill(cell: ExcelJS.Cell): string | null {
  const fill = cell.style?.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return hexFromArgb(fill.fgColor);
}

/** A new style: `old` with the plan's properties laid over it; absent properties are kept. */
export function mergeStyle(old: Partial<ExcelJS.Style>, style: CellStyle): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...old };
  if (style.fill !== undefined) {
    next.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) }, bgColor: { argb: argb(style.fill) } };
  }
  if (style.fontColor !== undefined || style.bold !== undefined || style.italic !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(old.font ?? {}) };
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    next.font = font;
  }
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  if (style.horizontalAlignment !== undefined || style.verticalAlignment !== undefined || style.wrapText !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(old.alignment ?? {}) };
    if (style.horizontalAlignment !== undefined) alignment.horizontal = style.horizontalAlignment;
    if (style.verticalAlignment !== undefined) alignment.vertical = style.verticalAlignment === 'center' ? 'middle' : style.verticalAlignment;
    if (style.wrapText !== undefined) alignment.wrapText = style.wrapText;
    next.alignment = alignment;
  }
  if (style.border !== undefined) {
    const side: Partial<ExcelJS.Border> = { style: style.border, color: { argb: argb(style.borderColor ?? '#000000') } };
    next.border = { top: side, left: side, bottom: side, right: side };
  }
  return next;
}
