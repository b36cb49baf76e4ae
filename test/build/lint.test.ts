import { spawnSync } from 'child_process';
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

describe('eslint.config.mjs', () => {
  const results = lint(CASES.map(([file, code]) => ({ file, code })));

  it.each(CASES.map((c, i) => [...c, i] as const))('%s: `%s` -> %s', (_file, _code, rule, i) => {
    if (rule === null) expect(results[i]).toEqual([]);
    else expect(results[i]).toContain(rule);
  });
});
