/** The published Early Help sample and a stored PERF Published snapshot of it, for the baseline tests of both adapters. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotFromTables } from '../../src/domain/revisions/figures';
import { SNAPSHOT_TABLE } from '../../src/domain/revisions/snapshotRows';
import type { Snapshot } from '../../src/domain/revisions/types';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { sample, tempDir } from './runCli';

export const PUBLISHED = sample('early-help-published-2020-11.xlsx');

/** The published sample's figures as a snapshot (what Publish would have stored). */
export async function sheetSnapshot(): Promise<Snapshot> {
  const loaded = await readWorkbook(readFileSync(PUBLISHED), PUBLISHED);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const tables = readScorecard(gridFromWorksheet(loaded.value.workbook.worksheets[0]!));
  if (!tables.ok) throw new Error(tables.error.message);
  return snapshotFromTables(tables.value, { publishedAt: '2020-12-08T10:00:00.000Z', publishedBy: 'analyst' });
}

/** The published sample with a hidden snapshot sheet holding `rows` (as text), in a temp file of the calling test file. */
export async function withStoredSnapshot(rows: string[][]): Promise<string> {
  const loaded = await readWorkbook(readFileSync(PUBLISHED), PUBLISHED);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const ws = loaded.value.workbook.addWorksheet(SNAPSHOT_TABLE.sheetName, { state: 'hidden' });
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.numFmt = '@';
      cell.value = v === '' ? null : v;
    }),
  );
  const out = join(tempDir(), 'published-with-snapshot.xlsx');
  writeFileSync(out, await writeWorkbook(loaded.value.workbook));
  return out;
}
