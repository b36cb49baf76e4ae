/**
 * Row heights in the written file: neither Excel nor LibreOffice fits a row to wrapped text
 * when it opens an .xlsx, so the file adapter writes the plan's heights itself (`ht` with
 * `customHeight`, ECMA-376 Part 1 §18.3.1.73). Checked in the sheet XML as written and
 * read back by openpyxl, a reader the project did not write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { planFormat } from '../../src/domain/plan/planFormat';
import type { FormatPlan } from '../../src/domain/plan/types';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import { SheetPart } from '../../src/xlsx/package/sheet';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { readGrids } from '../../src/xlsx/read';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'early-help-2020-12.xlsx');

/** Each `<row>` start tag of a sheet's XML by 1-based row number. */
function rowTags(xml: string): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const m of xml.matchAll(/<row\b([^>]*?)\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.set(Number(attrs.r), attrs);
  }
  return out;
}

function sheetXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml']!);
}

describe('the formatted early help sample', () => {
  let plan: FormatPlan;
  let before = '';
  let after = '';
  let written: Uint8Array;

  beforeAll(async () => {
    const input = readFileSync(SAMPLE);
    const grids = await readGrids(input, 'early-help-2020-12.xlsx');
    if (!grids.ok) throw new Error(grids.error.message);
    const grid = grids.value.find((g) => g.sheetName === 'Dec-20')!;
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const planned = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    if (!planned.ok) throw new Error(planned.error.message);
    plan = planned.value;
    const wb = XlsxWorkbook.open(new Uint8Array(input));
    const applied = applyFormatPlan(wb, plan);
    if (!applied.ok) throw new Error(applied.error.message);
    written = wb.save();
    before = sheetXml(new Uint8Array(input));
    after = sheetXml(written);
  });

  it('sets every header row and every wrapped indicator row to the plan’s height, as a custom height', () => {
    const heights = plan.rowHeights ?? [];
    // Both header rows of both tables, and indicator rows whose names need more lines.
    expect(heights.length).toBeGreaterThan(20);
    const tags = rowTags(after);
    for (const { row, height } of heights) {
      expect({ row, ht: tags.get(row + 1)?.ht, custom: tags.get(row + 1)?.customHeight }).toEqual({ row, ht: String(height), custom: '1' });
    }
    const headerDot = heights.find((h) => h.row === 3);
    expect(headerDot?.height).toBeGreaterThan(15);
  });

  it('leaves the heights of rows the plan does not size as they were, and keeps every row’s other attributes', () => {
    const was = rowTags(before);
    const now = rowTags(after);
    const sized = new Set((plan.rowHeights ?? []).map((h) => h.row + 1));
    let untouched = 0;
    for (const [r, attrs] of was) {
      const { spans: _s, ...rest } = attrs;
      const { spans: _t, ht: _h, customHeight: _c, ...restNow } = now.get(r) ?? {};
      if (sized.has(r)) expect(restNow).toEqual(Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'ht' && k !== 'customHeight')));
      else {
        expect({ r, ht: now.get(r)?.ht }).toEqual({ r, ht: attrs.ht });
        untouched++;
      }
    }
    expect(untouched).toBeGreaterThan(0);
  });

  it('reads back the same heights in openpyxl', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-heights-'));
    try {
      const path = join(dir, 'formatted.xlsx');
      writeFileSync(path, written);
      const script = `
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])['Dec-20']
print(json.dumps({str(r): [d.height, bool(d.customHeight)] for r, d in ws.row_dimensions.items() if d.height is not None}))
`;
      const r = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) throw new Error(r.stderr);
      const read = JSON.parse(r.stdout) as Record<string, [number, boolean]>;
      for (const { row, height } of plan.rowHeights ?? []) expect([row, read[String(row + 1)]]).toEqual([row, [height, true]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SheetPart.setRowAttrs', () => {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const xml = `<worksheet xmlns="${NS}"><dimension ref="A1:B3"/><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row><row r="3" s="2" customFormat="1"/></sheetData></worksheet>`;

  it('sets the height on a row with cells, on an empty self-closing row, and writes a row the file lacks, in row order', () => {
    const part = new SheetPart(xml, 'xl/worksheets/sheet1.xml');
    part.setRowAttrs(0, { ht: '30', customHeight: '1' });
    part.setRowAttrs(2, { ht: '45.5', customHeight: '1' });
    part.setRowAttrs(1, { ht: '20', customHeight: '1' });
    const out = part.serialize();
    expect(out).toBe(
      `<worksheet xmlns="${NS}"><dimension ref="A1:B3"/><sheetData><row r="1" spans="1:2" ht="30" customHeight="1"><c r="A1"><v>1</v></c></row><row r="2" ht="20" customHeight="1"></row><row r="3" s="2" customFormat="1" ht="45.5" customHeight="1"/></sheetData></worksheet>`,
    );
  });

  it('changes nothing when no row is sized', () => {
    expect(new SheetPart(xml, 'xl/worksheets/sheet1.xml').serialize()).toBe(xml);
  });

  it('keeps a cell edit and a height on the same row together', () => {
    const part = new SheetPart(xml, 'xl/worksheets/sheet1.xml');
    part.setContent(0, 1, { kind: 'number', value: 2 });
    part.setRowAttrs(0, { ht: '30', customHeight: '1' });
    expect(part.serialize()).toContain('<row r="1" ht="30" customHeight="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');
  });
});
