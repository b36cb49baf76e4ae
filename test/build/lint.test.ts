import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './dist';

/** Rule ids ESLint reports for each snippet, linted as if it lived at `file`. */
function lint(cases: { file: string; code: string }[]): string[][] {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'lintProbe.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[][];
}

// file, code, the rule that must fire (null: the snippet must be clean)
const CASES: [string, string, string | null][] = [
  ['src/domain/x.ts', "import { a } from 'react';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { Button } from '@fluentui/react-components';\nexport const b = Button;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import * as fs from 'fs';\nexport const b = fs;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import * as p from 'path';\nexport const b = p;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { a } from '../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/sheet/x.ts', "import { a } from '../../taskpane/strings';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/sheet/x.ts', "import { DEFAULT_SETTINGS } from '../../port/api';\nexport const b = DEFAULT_SETTINGS;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { a } from '../functions';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { a } from '../cli/main';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "export const b = import('exceljs');", 'no-restricted-syntax'],
  ['src/domain/x.ts', 'export const b = Excel.run;', 'no-restricted-globals'],
  ['src/domain/sheet/x.ts', "import { ok } from '../result';\nexport const b = ok;", null],
  ['src/taskpane/components/X.tsx', "import { a } from '../../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/taskpane/components/X.tsx', 'export const b = Excel.run;', 'no-restricted-globals'],
  ['src/taskpane/index.tsx', "import { a } from '../excel/addinApi';\nexport const b = a;", null],
  ['src/taskpane/index.tsx', "export const b = import('../xlsx/grid');", null],
  ['src/taskpane/index.tsx', "import { runCli } from '../cli/main';\nexport const b = runCli;", 'no-restricted-imports'],
  ['src/taskpane/index.tsx', 'export const b = Excel.run;', 'no-restricted-syntax'],
  ['src/taskpane/components/X.tsx', "import { readGrids } from '../../xlsx/grid';\nexport const b = readGrids;", 'no-restricted-imports'],
  ['src/taskpane/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", 'no-restricted-imports'],
  ['src/taskpane/x.ts', "import { runCli } from '../cli/main';\nexport const b = runCli;", 'no-restricted-imports'],
  ['src/taskpane/components/X.tsx', "import type { Settings } from '../../port/api';\nexport type B = Settings;", null],
  // The port: types shared by the pane and the Excel adapter, on the domain only.
  ['src/port/x.ts', "import { a } from '../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/port/x.ts', "import { a } from '../taskpane/strings';\nexport const b = a;", 'no-restricted-imports'],
  ['src/port/x.ts', "import * as React from 'react';\nexport const b = React;", 'no-restricted-imports'],
  ['src/port/x.ts', 'export const b = Office.context;', 'no-restricted-globals'],
  ['src/port/x.ts', "import type { Grid } from '../domain/sheet/grid';\nexport type B = Grid;", null],
  // The Excel adapter: domain and port only; Excel.run only in run.ts.
  ['src/excel/x.ts', "import { readGrids } from '../xlsx/grid';\nexport const b = readGrids;", 'no-restricted-imports'],
  ['src/excel/x.ts', "import { paneText } from '../taskpane/strings';\nexport const b = paneText;", 'no-restricted-imports'],
  ['src/excel/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", 'no-restricted-imports'],
  ['src/excel/x.ts', "import { runCli } from '../cli/main';\nexport const b = runCli;", 'no-restricted-imports'],
  ['src/excel/x.ts', 'export const b = () => Excel.run(async () => 1);', 'no-restricted-syntax'],
  ['src/excel/io/run.ts', 'export const b = () => Excel.run(async () => 1);', null],
  ['src/excel/x.ts', "import type { Outcome } from '../port/api';\nexport type B = Outcome<void>;", null],
  // The file adapter and the CLI.
  ['src/xlsx/x.ts', "import { a } from '../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/xlsx/x.ts', "import { runCli } from '../cli/main';\nexport const b = runCli;", 'no-restricted-imports'],
  ['src/xlsx/x.ts', 'export const b = Excel.run;', 'no-restricted-globals'],
  ['src/xlsx/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", null],
  ['src/cli/x.ts', "import { a } from '../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/cli/x.ts', "import { DEFAULT_SETTINGS } from '../port/api';\nexport const b = DEFAULT_SETTINGS;", 'no-restricted-imports'],
  ['src/cli/x.ts', "import { paneText } from '../taskpane/strings';\nexport const b = paneText;", 'no-restricted-imports'],
  ['src/cli/x.ts', 'export const b = Office.context;', 'no-restricted-globals'],
  ['src/cli/x.ts', "import { readGrids } from '../xlsx/grid';\nexport const b = readGrids;", null],
  ['src/taskpane/components/X.tsx', "import { Button } from '@fluentui/react-components';\nexport const b = Button;", null],
  ['src/functions/x.ts', "import * as React from 'react';\nexport const b = React;", 'no-restricted-imports'],
  ['src/functions/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", 'no-restricted-imports'],
  ['src/functions/x.ts', "import { ok } from '../domain/result';\nexport const b = ok;", null],
  ['src/functions/x.ts', "import { a } from '../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/functions/x.ts', "import { readGrids } from '../xlsx/grid';\nexport const b = readGrids;", 'no-restricted-imports'],
  ['src/functions/x.ts', 'export const b = Excel.run;', 'no-restricted-syntax'],
  ['src/domain/x.ts', 'export const b: any = 1;', '@typescript-eslint/no-explicit-any'],
  ['src/taskpane/x.ts', "export const b = eval('1');", 'no-eval'],
  ['src/taskpane/x.ts', "export const b = setTimeout('alert(1)', 1);", 'no-implied-eval'],
  ['src/taskpane/x.ts', "export const b = new Function('return 1');", 'no-new-func'],
  [
    'src/excel/x.ts',
    'export async function f(): Promise<string> {\n  return Excel.run(async (context) => {\n    const range = context.workbook.getSelectedRange();\n    return range.address;\n  });\n}',
    'office-addins/load-object-before-read',
  ],
  ['src/excel/x.ts', 'export const b = [Office, Excel, OfficeRuntime, CustomFunctions];', null],
];

/**
 * Which layer may import which (docs/ARCHITECTURE.md, "Layers"): every other pair is a fence.
 * The composition root src/taskpane/index.tsx is the one file of the pane that wires in the
 * Excel and file adapters.
 */
const LAYERS = ['domain', 'port', 'functions', 'excel', 'xlsx', 'cli', 'taskpane'] as const;
type Layer = (typeof LAYERS)[number];
const MAY_IMPORT: Record<Layer | 'taskpane/index.tsx', readonly Layer[]> = {
  domain: [],
  port: ['domain'],
  functions: ['domain'],
  excel: ['domain', 'port'],
  xlsx: ['domain'],
  cli: ['domain', 'xlsx'],
  taskpane: ['domain', 'port'],
  'taskpane/index.tsx': ['domain', 'port', 'excel', 'xlsx'],
};
/** A module of each layer to import. */
const MODULE: Record<Layer, string> = {
  domain: 'domain/result',
  port: 'port/api',
  functions: 'functions/errors',
  excel: 'excel/messages',
  xlsx: 'xlsx/read',
  cli: 'cli/messages',
  taskpane: 'taskpane/strings',
};

/** Every (file, imported layer) pair, at two depths: [file, code, fires]. */
const MATRIX: [string, string, boolean][] = Object.entries(MAY_IMPORT).flatMap(([from, allowed]) => {
  const files = from === 'taskpane/index.tsx' ? ['src/taskpane/index.tsx'] : [`src/${from}/x.ts`, `src/${from}/deep/x.ts`];
  return files.flatMap((file) =>
    LAYERS.filter((to) => `${to}` !== from.split('/')[0]).map((to): [string, string, boolean] => {
      const up = '../'.repeat(file.split('/').length - 2);
      return [file, `import * as other from '${up}${MODULE[to]}';\nexport const b = other;`, !allowed.includes(to)];
    }),
  );
});

describe('the layer fences', () => {
  const results = lint(MATRIX.map(([file, code]) => ({ file, code })));

  it('cover every pair of layers', () => {
    // 7 layers x 6 others x 2 depths, and the composition root's 6.
    expect(MATRIX).toHaveLength(7 * 6 * 2 + 6);
  });

  it.each(MATRIX.map((c, i) => [...c, i] as const))('%s: `%s` fires: %s', (_file, _code, fires, i) => {
    if (fires) expect(results[i]).toContain('no-restricted-imports');
    else expect(results[i]).not.toContain('no-restricted-imports');
  });
});

describe('Excel.run', () => {
  it('is called only in src/excel/io/run.ts', () => {
    const calls: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name) && rel !== 'src/excel/io/run.ts') {
          // Comments may name it; code may not (called, passed on, or read by a computed key).
          const code = fs.readFileSync(path.join(ROOT, rel), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
          const named = /\bExcel\s*(\.\s*run\b|\[\s*['"`]run['"`]\s*\])/.test(code);
          const destructured = /\{[^}]*\brun\b[^}]*\}\s*=\s*Excel\b/.test(code);
          if (named || destructured) calls.push(rel);
        }
      }
    };
    walk('src');
    expect(calls).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, 'src/excel/io/run.ts'), 'utf8')).toMatch(/\bExcel\.run\(/);
  });
});

describe('eslint.config.mjs', () => {
  const results = lint(CASES.map(([file, code]) => ({ file, code })));

  it.each(CASES.map((c, i) => [...c, i] as const))('%s: `%s` -> %s', (_file, _code, rule, i) => {
    if (rule === null) expect(results[i]).toEqual([]);
    else expect(results[i]).toContain(rule);
  });
});
