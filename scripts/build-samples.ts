/**
 * Builds the sample workbooks in samples/ from the seed reports (run: `npx tsx scripts/build-samples.ts`).
 *
 * - samples/early-help-2020-12.xlsx and samples/corporate-parenting-2019-12.xlsx: the real
 *   December scorecard tables as Excel holds them (month headers as dates shown mmm-yy,
 *   percentages as fractions under % formats, placeholders as text), unformatted, as an
 *   analyst has them before running `scorecard format`.
 * - samples/*-published-2020-11.xlsx / -2019-11.xlsx: the previous month's published
 *   version. Its Oct and Nov figures are the December report's re-run figures except in a
 *   few cells that are ILLUSTRATIVE: changed here so the revisions have something to find,
 *   each labelled in a cell note and listed in samples/README.md. Sep is not in the seed
 *   reports and is left blank (noted on its header), as are the YTD columns; the DOT and
 *   RAG columns are then filled by the engine's own Format, as the add-in did when the
 *   month was published.
 *
 * The content is deterministic (fixed workbook dates); only the zip's entry times change
 * from one run to the next.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../src/domain/sheet/grid';
import { writeGrid } from '../test/helpers/fromGrid';
import { applyFormatPlan } from '../src/xlsx/applyPlan';
import { gridOf, openWorkbook } from '../src/xlsx/read';
import { planFormat } from '../src/domain/plan/planFormat';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { writeWorkbook } from '../test/helpers/exceljsWorkbook';
import { formatValue } from '../src/xlsx/numberFormat';
import { seedGrid, seedGridTables, type PlacedTable, type SeedReport } from '../test/fixtures/seedGrids';

export interface SampleSpec {
  report: SeedReport;
  current: string;
  previous: string;
  previousSheet: string;
  previousTitle: string;
  /** The illustrative differences: the cell by NO. (and sub-row ordinal) and month index. */
  changes: Array<{ ref: string; subRow: number; month: 0 | 1; published: string | number; format?: string; why: string }>;
}

export const SAMPLES: SampleSpec[] = [
  {
    report: 'earlyHelp',
    current: 'early-help-2020-12.xlsx',
    previous: 'early-help-published-2020-11.xlsx',
    previousSheet: 'Nov-20',
    previousTitle: 'As at Month End: November 2020',
    changes: [
      { ref: '2.2', subRow: 1, month: 1, published: 0.885, format: '0.0%', why: 'a percentage re-run 0.4 points higher' },
      { ref: '4.1', subRow: 0, month: 1, published: 1335, why: 'a count re-run as late cases were entered' },
      { ref: '1.1', subRow: 0, month: 0, published: 321, why: 'an older month that moved again' },
      { ref: '12.1', subRow: 0, month: 0, published: 'TBC', why: 'a placeholder that became a number' },
    ],
  },
  {
    report: 'corporateParenting',
    current: 'corporate-parenting-2019-12.xlsx',
    previous: 'corporate-parenting-published-2019-11.xlsx',
    previousSheet: 'Nov-19',
    previousTitle: 'As at Month End: November 2019',
    changes: [
      { ref: '6.8', subRow: 0, month: 1, published: 0.929, format: '0.0%', why: 'a percentage re-run 0.4 points higher' },
      { ref: '6.1', subRow: 0, month: 1, published: 613, why: 'a count re-run as late cases were entered' },
      { ref: '10.4', subRow: 0, month: 0, published: 455.8, format: '0.0', why: 'an average that moved again' },
    ],
  },
];

const FIXED_DATE = new Date(Date.UTC(2021, 0, 15, 9, 0, 0));

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Performance and Quality Team (sample built from the seed reports)';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function setWidths(ws: ExcelJS.Worksheet, placed: PlacedTable[]): void {
  const layout = placed[0]!.table.layout;
  for (let c = 0; c < layout.width; c++) ws.getColumn(c + 1).width = c === layout.indicator ? 48 : c === layout.section ? 18 : 11;
}

/** Grid row of an indicator's sub-row: the row with NO. `ref`, then `subRow` rows below it. */
function rowOf(placed: PlacedTable[], ref: string, subRow: number): { row: number; table: PlacedTable } {
  for (const table of placed) {
    const i = table.table.body.findIndex((fields) => fields[table.table.layout.ref]!.trim() === ref);
    if (i >= 0) return { row: table.bodyTop + i + subRow, table };
  }
  throw new Error(`build-samples: no indicator ${ref} in the seed`);
}

function monthSerialShift(serial: number): number {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The previous month's sheet: months shifted back one, Sep blank, DOT/RAG/YTD blank. */
function previousGrid(spec: SampleSpec, grid: Grid, placed: PlacedTable[]): { grid: Grid; notes: Map<string, string> } {
  const values = grid.values.map((r) => [...r]);
  const text = grid.text.map((r) => [...r]);
  const numberFormats = grid.numberFormats.map((r) => [...r]);
  const notes = new Map<string, string>();
  const set = (r: number, c: number, v: string | number | null, f = 'General'): void => {
    values[r]![c] = v;
    numberFormats[r]![c] = f;
    text[r]![c] = formatValue(v, f);
  };
  set(0, 0, spec.previousTitle);
  for (const p of placed) {
    const { months, dot, rag, ytd } = p.table.layout;
    const headerRow = p.headerTop + 1;
    for (const c of months) set(headerRow, c, monthSerialShift(values[headerRow]![c] as number), 'mmm-yy');
    notes.set(`${headerRow},${months[0]}`, `Illustrative sample: ${text[headerRow]![months[0]!]} figures are not in the seed reports, so this column is blank.`);
    for (let r = p.bodyTop; r <= p.bodyBottom; r++) {
      // Oct and Nov move one column left to sit under their headers; Sep is unknown.
      for (let i = months.length - 1; i > 0; i--) {
        values[r]![months[i]!] = values[r]![months[i - 1]!]!;
        text[r]![months[i]!] = text[r]![months[i - 1]!]!;
        numberFormats[r]![months[i]!] = numberFormats[r]![months[i - 1]!]!;
      }
      for (const c of [months[0]!, dot, rag, ytd]) set(r, c, null);
    }
  }
  for (const change of spec.changes) {
    const { row, table } = rowOf(placed, change.ref, change.subRow);
    const col = table.table.layout.months[change.month + 1]!;
    const rerun = text[row]![col];
    set(row, col, change.published, change.format ?? 'General');
    notes.set(`${row},${col}`, `Illustrative difference (sample data): published as ${text[row]![col]}; the December report's re-run figure is ${rerun}. Changed to show ${change.why}.`);
  }
  return { grid: { ...grid, sheetName: spec.previousSheet, values, text, numberFormats }, notes };
}

/** The published month was formatted by the add-in before it went out: do the same, in place. */
function formatAsPublished(bytes: Uint8Array, sheetName: string): Uint8Array {
  const opened = openWorkbook(bytes, 'sample');
  if (!opened.ok) throw new Error(`build-samples: ${opened.error.message}`);
  const grid = gridOf(opened.value, sheetName);
  if (!grid.ok) throw new Error(`build-samples: ${grid.error.message}`);
  const tables = readScorecard(grid.value, { convention: 'performance' });
  if (!tables.ok) throw new Error(`build-samples: ${tables.error.message}`);
  const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid.value);
  if (!plan.ok) throw new Error(`build-samples: ${plan.error.message}`);
  const applied = applyFormatPlan(opened.value, plan.value);
  if (!applied.ok) throw new Error(`build-samples: ${applied.error.message}`);
  return opened.value.save();
}

export async function buildSamples(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const spec of SAMPLES) {
    const grid = seedGrid(spec.report);
    const placed = seedGridTables(spec.report);

    const current = newWorkbook();
    const ws = current.addWorksheet(grid.sheetName);
    writeGrid(ws, grid);
    setWidths(ws, placed);
    writeFileSync(join(outDir, spec.current), await writeWorkbook(current));
    written.push(spec.current);

    const prev = previousGrid(spec, grid, placed);
    const published = newWorkbook();
    const pws = published.addWorksheet(prev.grid.sheetName);
    writeGrid(pws, prev.grid);
    setWidths(pws, placed);
    for (const [key, note] of prev.notes) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      pws.getCell(r + 1, c + 1).note = note;
    }
    writeFileSync(join(outDir, spec.previous), formatAsPublished(await writeWorkbook(published), pws.name));
    written.push(spec.previous);
  }
  return written;
}

if (require.main === module) {
  const outDir = join(__dirname, '..', 'samples');
  buildSamples(outDir).then(
    (files) => console.log(`Wrote ${files.map((f) => `samples/${f}`).join(', ')}`),
    (e: unknown) => {
      console.error(`build-samples failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
