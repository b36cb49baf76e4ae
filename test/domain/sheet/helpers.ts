import type { Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { IndicatorRow, ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { seedGrid, type SeedReport } from '../../fixtures/seedGrids';

/** Reads a grid that must hold tables (fails the test otherwise). */
export function tablesOf(grid: Grid): ScorecardTable[] {
  const read = readScorecard(grid);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

export function seedTables(report: SeedReport): { grid: Grid; tables: ScorecardTable[] } {
  const grid = seedGrid(report);
  return { grid, tables: tablesOf(grid) };
}

export function byKey(tables: ScorecardTable[], key: string): IndicatorRow {
  const row = tables.flatMap((t) => t.indicators).find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

/** A copy of a grid with one cell replaced (value, text and format), grown to hold it. */
export function withCell(grid: Grid, row: number, col: number, value: string | number | null, text: string, format = 'General'): Grid {
  const copy: Grid = {
    ...grid,
    values: grid.values.map((r) => [...r]),
    text: grid.text.map((r) => [...r]),
    numberFormats: grid.numberFormats.map((r) => [...r]),
  };
  const width = Math.max(copy.values[0]?.length ?? 0, col - grid.left + 1);
  while (copy.values.length <= row - grid.top) {
    copy.values.push([]);
    copy.text.push([]);
    copy.numberFormats.push([]);
  }
  copy.values.forEach((r, i) => {
    while (r.length < width) {
      r.push(null);
      copy.text[i].push('');
      copy.numberFormats[i].push('General');
    }
  });
  copy.values[row - grid.top][col - grid.left] = value;
  copy.text[row - grid.top][col - grid.left] = text;
  copy.numberFormats[row - grid.top][col - grid.left] = format;
  return copy;
}
