/**
 * scripts/corpus.ts writes issue 10's corpus into a folder: every workbook is there, opens
 * with the package reader and holds the sample's scorecard (so formatting it tries the
 * producer's shape, not an empty file).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { gridOf, openWorkbook } from '../../src/xlsx/read';
import { ROOT, tempDir } from './runCli';

describe('scripts/corpus.ts', () => {
  it('writes one workbook per producer, each a package the reader opens with the sample’s scorecard in it', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'corpus.ts'), dir], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
    expect(`${r.status} ${r.stderr}`).toBe('0 ');
    const listed = r.stdout.trimEnd().split('\n').map((l) => l.slice(l.lastIndexOf(': ') + 2));
    expect(listed).toHaveLength(8);
    expect(readdirSync(dir).sort()).toEqual([...listed].sort());
    for (const name of listed) {
      const opened = openWorkbook(readFileSync(join(dir, name)), name);
      if (!opened.ok) throw new Error(`${name}: ${opened.error.message}`);
      const grid = gridOf(opened.value, opened.value.sheets[0]!.name);
      if (!grid.ok) throw new Error(`${name}: ${grid.error.message}`);
      const tables = readScorecard(grid.value);
      expect(`${name} ${tables.ok && tables.value.length}`).toBe(`${name} 2`);
    }
  }, 300_000);
});
