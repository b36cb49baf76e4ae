/**
 * Workbooks written and read by openpyxl (`/usr/bin/python3`, python3-openpyxl), a writer
 * and reader the project did not write: a file the CLI formats is built by it, and what
 * the CLI wrote is read back by it.
 */
import { spawnSync } from 'node:child_process';
import type { Grid } from '../../src/domain/sheet/grid';
import { excelSerial } from '../fixtures/excelCell';

const PYTHON = '/usr/bin/python3';

function python(script: string, input: unknown): string {
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const WRITE = `
import json, sys, datetime
from openpyxl import Workbook
job = json.load(sys.stdin)
wb = Workbook()
wb.security = None  # else openpyxl writes an empty <workbookProtection/>
ws = wb.active
ws.title = job['sheet']
for r, row in enumerate(job['values']):
    for c, v in enumerate(row):
        if v is None:
            continue
        cell = ws.cell(row=r + 1, column=c + 1)
        fmt = job['formats'][r][c]
        if fmt == 'mmm-yy':
            cell.value = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=v)
        else:
            cell.value = v
        if fmt != 'General':
            cell.number_format = fmt
wb.save(job['path'])
`;

/**
 * Writes a grid's values and number formats to `path` with openpyxl (month headers as real dates).
 * @example writeGridXlsx(packGrid(CORPORATE_ORDER, rows), '/tmp/x/in.xlsx')
 */
export function writeGridXlsx(grid: Grid, path: string): void {
  python(WRITE, { sheet: grid.sheetName, values: grid.values, formats: grid.numberFormats, path });
}

const READ = `
import json, sys
from openpyxl import load_workbook
job = json.load(sys.stdin)
wb = load_workbook(job['path'])
out = {}
for name in wb.sheetnames:
    ws = wb[name]
    out[name] = [[None if c.value is None else (c.value if isinstance(c.value, (int, float, str)) else str(c.value)) for c in row] for row in ws.iter_rows()]
print(json.dumps(out))
`;

/** Every sheet's values as openpyxl reads them (formulas as their text), by sheet name. */
export function readXlsxValues(path: string): Record<string, Array<Array<string | number | null>>> {
  return JSON.parse(python(READ, { path })) as Record<string, Array<Array<string | number | null>>>;
}

export { excelSerial };

const RESAVE_1904 = `
import json, sys
from openpyxl import load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
job = json.load(sys.stdin)
wb = load_workbook(job['from'])
wb.epoch = CALENDAR_MAC_1904  # dates are written as 1904 serials, workbookPr date1904="1"
wb.save(job['to'])
`;

/** `from` re-saved by openpyxl in the 1904 date system (as Excel for Mac saved workbooks), to `to`. */
export function resaveIn1904(from: string, to: string): void {
  python(RESAVE_1904, { from, to });
}
