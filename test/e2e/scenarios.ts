/**
 * Workbooks the browser tests open, built from the seed grids in Node and handed to the fake
 * host as JSON. Cell positions come from where the fixtures placed each table
 * (seedGridTables), found by indicator reference: the tests read the layout, never know a row.
 */
import { a1, type Grid } from '../../src/domain/sheet/grid';
import type { CellInput } from '../../src/domain/types';
import { excelCell } from '../fixtures/excelCell';
import { seedGrid, seedGridTables, type PlacedTable } from '../fixtures/seedGrids';

export const DECEMBER = 'Dec-20';
export const NOVEMBER = 'Nov-20';

/** Where an indicator row sits: 0-based sheet row, and its table (for the column roles). */
export interface RowRef {
  row: number;
  placed: PlacedTable;
}

/**
 * The sheet row of indicator `ref` (its `sub`-th sub-row: 0 is the row carrying the NO.).
 * Sub-rows are the rows after it with a blank NO.
 */
export function indicatorRow(ref: string, sub = 0): RowRef {
  for (const placed of seedGridTables('earlyHelp')) {
    const { body, layout } = placed.table;
    const i = body.findIndex((fields) => fields[layout.ref]?.trim() === ref);
    if (i < 0) continue;
    const j = i + sub;
    if (j >= body.length || (sub > 0 && body[j][layout.ref].trim() !== '')) throw new Error(`${ref} has no sub-row ${sub}`);
    return { row: placed.bodyTop + j, placed };
  }
  throw new Error(`no indicator ${ref} in the early help seed`);
}

/** A1 address of a role's cell on an indicator row. */
export function cellOf(r: RowRef, role: 'dot' | 'rag'): string {
  return a1(r.row, r.placed.table.layout[role]);
}

/** A1 address of the n-th month column (0 oldest) on an indicator row. */
export function monthCellOf(r: RowRef, month: number): string {
  return a1(r.row, r.placed.table.layout.months[month]);
}

/** The month header cells of every table (row under the banner). */
export function monthHeaderCells(): string[][] {
  return seedGridTables('earlyHelp').map((p) => p.table.layout.months.map((c) => a1(p.headerTop + 1, c)));
}

/** Every cell of a table's DOT and RAG columns on its indicator rows. */
export function dotRagCells(): { dot: string[]; rag: string[] } {
  const dot: string[] = [];
  const rag: string[] = [];
  for (const p of seedGridTables('earlyHelp')) {
    for (let row = p.bodyTop; row <= p.bodyBottom; row++) {
      dot.push(a1(row, p.table.layout.dot));
      rag.push(a1(row, p.table.layout.rag));
    }
  }
  return { dot, rag };
}

/** The boxes of the tables (header rows to last indicator row, all columns), 0-based. */
export function tableBoxes(): Array<{ top: number; bottom: number; left: number; right: number }> {
  return seedGridTables('earlyHelp').map((p) => ({ top: p.headerTop, bottom: p.bodyBottom, left: 0, right: p.table.layout.width - 1 }));
}

export function decemberSheet(): Grid {
  return seedGrid('earlyHelp');
}

/** A figure the November report published differently from December's re-run. */
export interface PublishedDifference {
  ref: string;
  sub: number;
  /** Month label of the revised figure, as December's sheet shows it. */
  month: 'Oct-20' | 'Nov-20';
  /** What November's report published (typed as the analyst typed it). */
  published: string;
}

/**
 * Last month's report as a sheet `Nov-20`: the December sheet with its months shifted one
 * column back (Sep-20, Oct-20, Nov-20; Sep unknown, so blank), DOT/RAG left as they were,
 * and `differences` applied: the figures December's re-run has since revised.
 */
export function novemberSheet(differences: readonly PublishedDifference[]): Grid {
  const dec = seedGrid('earlyHelp');
  const values: CellInput[][] = dec.values.map((r) => [...r]);
  const text = dec.text.map((r) => [...r]);
  const numberFormats = dec.numberFormats.map((r) => [...r]);
  const put = (row: number, col: number, typed: string, header = false): void => {
    const cell = excelCell(typed, header);
    values[row][col] = cell.value;
    text[row][col] = cell.text;
    numberFormats[row][col] = cell.numberFormat;
  };
  const copy = (row: number, from: number, to: number): void => {
    values[row][to] = dec.values[row][from];
    text[row][to] = dec.text[row][from];
    numberFormats[row][to] = dec.numberFormats[row][from];
  };
  put(0, 0, 'As at Month End: November 2020');
  for (const p of seedGridTables('earlyHelp')) {
    const [m0, m1, m2] = p.table.layout.months;
    put(p.headerTop + 1, m0, 'Sep-20', true);
    put(p.headerTop + 1, m1, 'Oct-20', true);
    put(p.headerTop + 1, m2, 'Nov-20', true);
    for (let row = p.bodyTop; row <= p.bodyBottom; row++) {
      copy(row, m1, m2);
      copy(row, m0, m1);
      put(row, m0, '');
    }
  }
  for (const d of differences) {
    const r = indicatorRow(d.ref, d.sub);
    // In November's sheet Oct-20 sits one column left of where December shows it.
    const monthCol = r.placed.table.layout.months[d.month === 'Nov-20' ? 2 : 1];
    put(r.row, monthCol, d.published);
  }
  return { ...dec, sheetName: NOVEMBER, values, text, numberFormats };
}
