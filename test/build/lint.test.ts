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
  ['src/domain/sheet/x.ts', "import { a } from '../../taskpane/api';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { a } from '../functions';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "import { a } from '../cli/main';\nexport const b = a;", 'no-restricted-imports'],
  ['src/domain/x.ts', "export const b = import('exceljs');", 'no-restricted-syntax'],
  ['src/domain/x.ts', 'export const b = Excel.run;', 'no-restricted-globals'],
  ['src/domain/sheet/x.ts', "import { ok } from '../result';\nexport const b = ok;", null],
  ['src/taskpane/components/X.tsx', "import { a } from '../../excel/addinApi';\nexport const b = a;", 'no-restricted-imports'],
  ['src/taskpane/components/X.tsx', 'export const b = Excel.run;', 'no-restricted-globals'],
  ['src/taskpane/index.tsx', "import { a } from '../excel/addinApi';\nexport const b = a;", null],
  ['src/taskpane/components/X.tsx', "import { Button } from '@fluentui/react-components';\nexport const b = Button;", null],
  ['src/functions/x.ts', "import * as React from 'react';\nexport const b = React;", 'no-restricted-imports'],
  ['src/functions/x.ts', "import ExcelJS from 'exceljs';\nexport const b = ExcelJS;", 'no-restricted-imports'],
  ['src/functions/x.ts', "import { ok } from '../domain/result';\nexport const b = ok;", null],
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
