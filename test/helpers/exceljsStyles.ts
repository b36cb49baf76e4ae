/** Test-only: colours of exceljs cells, to inspect output with a library that did not write it. */
import type ExcelJS from 'exceljs';


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

