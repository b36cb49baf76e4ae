/**
 * Which "published" figures the CLI compares with: the snapshot the add-in stored when
 * the month was published (hidden `PERF Published` sheet) wins over the sheet itself; a
 * damaged snapshot is reported, never silently ignored. Run in-process (runCli with
 * captured output): the child-process tests cover the executable itself.
 */
import { SNAPSHOT_TABLE, snapshotsToRows } from '../../src/domain/revisions/snapshotRows';
import { parseSnapshotRows } from '../../src/domain/revisions/snapshotRows';
import type { Snapshot } from '../../src/domain/revisions/types';
import { runCli } from '../../src/cli/main';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { revisionMessages } from '../../src/domain/revisions/messages';
import { sample } from './runCli';
import { sheetSnapshot, withStoredSnapshot } from './storedSnapshot';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}



describe('the published baseline', () => {
  it('prefers the snapshot stored at publication over the sheet', async () => {
    const snap = await sheetSnapshot();
    // What was published differs from what the sheet shows now in one figure: 2.2 % Nov-20.
    const stored: Snapshot = {
      ...snap,
      figures: snap.figures.map((f) => (f.ref === '2.2' && f.month === 'Nov-20' && f.display.endsWith('%') ? { ...f, display: '87.0%', value: 0.87 } : f)),
    };
    const published = await withStoredSnapshot(snapshotsToRows([stored]));
    const parsed = parseSnapshotRows(snapshotsToRows([stored]));
    expect(parsed.ok).toBe(true);

    const result = await cli(['revisions', published, sample('early-help-2020-12.xlsx'), '--json']);
    expect(result.code).toBe(EXIT.ok);
    const json = JSON.parse(result.out) as { revisions: Array<{ ref: string; month: string; published: { display: string } }> };
    const nov22 = json.revisions.find((r) => r.ref === '2.2' && r.month === 'Nov-20');
    expect(nov22?.published.display).toBe('87.0%');

    const table = await cli(['revisions', published, sample('early-help-2020-12.xlsx')]);
    expect(table.out).toContain('stored snapshot');
  });

  it('says a damaged stored snapshot cannot be read and compares with the sheet instead', async () => {
    const rows = snapshotsToRows([await sheetSnapshot()]);
    rows[3]![SNAPSHOT_TABLE.columns.indexOf('month')] = 'Smarch-20';
    const published = await withStoredSnapshot(rows);
    const parsed = parseSnapshotRows(rows);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;

    const result = await cli(['revisions', published, sample('early-help-2020-12.xlsx')]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toBe(`${cliMessages.warning(revisionMessages.baselineDamaged(parsed.error.message))}\n`);
    expect(result.out).toContain("('Nov-20', sheet)");
  });
});
