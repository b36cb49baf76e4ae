import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './dist';

const MADGE = path.join(ROOT, 'node_modules', 'madge', 'bin', 'cli.js');

/** The import cycles madge finds under `dir` (type-only imports count: they tie the files together too). */
function cycles(dir: string, tsConfig: string): string[][] {
  const result = spawnSync(process.execPath, [MADGE, '--circular', '--json', '--extensions', 'ts,tsx', '--ts-config', tsConfig, dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.stdout.trim() === '') throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[][];
}

describe('import cycles (npm run check:cycles)', () => {
  it('src has none', () => {
    expect(cycles('src', 'tsconfig.json')).toEqual([]);
  });

  describe('the check itself', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = { b: B };\n", { flag: 'wx' });
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { type A } from './a';\nexport type B = { a?: A };\n", { flag: 'wx' });
      fs.writeFileSync(path.join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n", { flag: 'wx' });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('finds a cycle made of type-only imports, and only that one', () => {
      expect(cycles(dir, path.join(ROOT, 'tsconfig.json'))).toEqual([['a.ts', 'b.ts']]);
    });
  });
});
