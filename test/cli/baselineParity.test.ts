/**
 * One baseline choice for both adapters (`chooseBaseline`, src/domain/revisions/baseline.ts):
 * the pane's "compare with a file" (Excel adapter, on the fake Excel) and `scorecard revisions`
 * (xlsx adapter) given the same published workbook compare with the same figures: its stored
 * snapshot when it has one, else its newest earlier sheet, and both say when the stored
 * snapshot is damaged.
 */
import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { revisionMessages } from '../../src/domain/revisions/messages';
import { parseSnapshotRows, SNAPSHOT_TABLE, snapshotsToRows } from '../../src/domain/revisions/snapshotRows';
import type { Snapshot } from '../../src/domain/revisions/types';
import { compareWithFile } from '../../src/excel/revisions/revisionsFile';
import { readGrids } from '../../src/xlsx/read';
import { FakeWorkbook, installFakeOffice } from '../fakes/fakeExcel';
import { sample } from './runCli';
import { sheetSnapshot, withStoredSnapshot } from './storedSnapshot';

const NOW = '2021-01-20T09:30:00.000Z';
const CURRENT = sample('early-help-2020-12.xlsx');


interface Compared {
  revisions: Array<[string, string]>;
  warnings: string[];
}

async function viaPane(published: string): Promise<Compared> {
  const grids = await readGrids(readFileSync(CURRENT), 'current.xlsx');
  if (!grids.ok) throw new Error(grids.error.message);
  const wb = new FakeWorkbook();
  for (const g of grids.value) wb.addGrid(g);
  wb.activeSheetId = wb.sheet(grids.value[0]!.sheetName).id;
  const uninstall = installFakeOffice(globalThis, wb);
  try {
    const r = await compareWithFile(wb.context(), 'published.xlsx', readFileSync(published), readGrids, { now: NOW });
    if (!r.ok) throw new Error(r.error.message);
    return { revisions: r.value.revisions.map((v) => [v.id, v.published]), warnings: r.value.notices };
  } finally {
    uninstall();
  }
}

async function viaCli(published: string): Promise<Compared> {
  let out = '';
  const warnings: string[] = [];
  const code = await runCli(['revisions', published, CURRENT, '--json'], { out: (t) => (out += t), err: (t) => warnings.push(t) });
  expect(code).toBe(EXIT.ok);
  const json = JSON.parse(out) as { revisions: Array<{ id: string; published: { display: string } }> };
  return { revisions: json.revisions.map((r) => [r.id, r.published.display]), warnings };
}

describe('the pane and the CLI choose the same baseline from one published file', () => {
  it('both compare with the snapshot stored at publication rather than the sheet', async () => {
    const snap = await sheetSnapshot();
    const changed = snap.figures.find((f) => f.ref === '2.2' && f.month === 'Nov-20' && f.display.endsWith('%'))!;
    const stored: Snapshot = { ...snap, figures: snap.figures.map((f) => (f === changed ? { ...f, display: '87.0%', value: 0.87 } : f)) };
    const published = await withStoredSnapshot(snapshotsToRows([stored]));
    const [pane, cli] = [await viaPane(published), await viaCli(published)];
    expect(pane.revisions).toEqual(cli.revisions);
    expect(pane.revisions.find(([id]) => id.startsWith(`${changed.key}|Nov-20`))?.[1]).toBe('87.0%');
    expect([pane.warnings, cli.warnings]).toEqual([[], []]);
  });

  it('both fall back to the sheet, and both say why, when the stored snapshot is damaged', async () => {
    const rows = snapshotsToRows([await sheetSnapshot()]);
    rows[3]![SNAPSHOT_TABLE.columns.indexOf('month')] = 'Smarch-20';
    const parsed = parseSnapshotRows(rows);
    if (parsed.ok) throw new Error('the snapshot should be damaged');
    const published = await withStoredSnapshot(rows);
    const [pane, cli] = [await viaPane(published), await viaCli(published)];
    expect(pane.revisions).toEqual(cli.revisions);
    expect(pane.revisions.length).toBeGreaterThan(0);
    // One message for both, the CLI's only marked as a warning.
    expect(pane.warnings).toEqual([revisionMessages.baselineDamaged(parsed.error.message)]);
    expect(cli.warnings).toEqual(pane.warnings.map(cliMessages.warning));
  });
});
