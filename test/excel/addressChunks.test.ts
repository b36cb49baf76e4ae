/**
 * Every RangeAreas the adapters build stays under the 8,192 characters at which
 * Worksheet.getRanges fails (office-js#5198; the fake fails the same way): styles, colour
 * rules, row heights, and New month's restored fills, each on thousands of scattered cells
 * that no box can coalesce.
 */
import type { FormatPlan } from '../../src/domain/plan/types';
import { HIGHLIGHT_TABLE, highlightsToRows } from '../../src/domain/revisions/highlightRows';
import { a1 } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { rollForward } from '../../src/excel/newMonth/rollForward';
import { FakeWorkbook, fakeWorkbookFromGrids } from '../fakes/fakeExcel';
import { MAX_ADDRESS_LENGTH } from '../fakes/fakeExcelAddress';
import { syntheticGrid } from '../fixtures/seedGrids';
import { ownsWrites } from '../fixtures/writes';

const ROWS = 6000;
/** Every other row of column B: 3,000 single cells, about 19,000 characters as one list. */
const SCATTERED = Array.from({ length: ROWS / 2 }, (_, k) => ({ top: 2 * k, left: 1, bottom: 2 * k, right: 1 }));

function emptyPlan(): FormatPlan {
  return {
    sheetName: 'S',
    area: { top: 0, left: 0, bottom: ROWS - 1, right: 1 },
    extraArea: null,
    writes: [],
    owns: ownsWrites([], null),
    styles: [],
    columnWidths: [],
    freeze: null,
    print: null,
  };
}

async function applyOn(plan: FormatPlan) {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet('S');
  for (const b of SCATTERED) sheet.setValue(a1(b.top, 1), 'G');
  const outcome = await wb.run((ctx) => applyFormatPlan(ctx, plan, { backupName: 'PERF backup test' }));
  return { outcome, sheet };
}

describe('address lists under the getRanges limit', () => {
  it('is a list Excel would refuse as one address', () => {
    expect(SCATTERED.map((b) => a1(b.top, b.left)).join(',').length).toBeGreaterThan(2 * MAX_ADDRESS_LENGTH);
  });

  it('adds a colour rule on 3,000 scattered cells in chunks', async () => {
    const plan: FormatPlan = { ...emptyPlan(), conditional: [{ boxes: SCATTERED, rules: [{ match: 'equals', text: 'G', style: { fill: '#00B050' } }] }] };
    const { outcome, sheet } = await applyOn(plan);
    expect(outcome.ok).toBe(true);
    const covered = sheet.conditionalFormats.flatMap((cf) => cf.boxes).reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    expect(covered).toBe(SCATTERED.length);
    expect(sheet.conditionalFormats.length).toBeGreaterThan(1);
    expect(sheet.conditionalStyleAt(ROWS - 2, 1).fill).toBe('#00B050');
  });

  it('sets one row height on 3,000 scattered rows in chunks', async () => {
    const plan: FormatPlan = { ...emptyPlan(), rowHeights: SCATTERED.map((b) => ({ row: b.top, height: 30 })) };
    const { outcome, sheet } = await applyOn(plan);
    expect(outcome.ok).toBe(true);
    expect(sheet.rowHeights.get(ROWS - 2)).toBe(30);
    expect(sheet.rowHeights.get(ROWS - 1)).toBeUndefined();
    expect([...sheet.rowHeights.values()].filter((h) => h === 30)).toHaveLength(SCATTERED.length);
  });

  it('restores the fills of 1,500 scattered highlights on New month in chunks', async () => {
    const grid = syntheticGrid(3000);
    const wb = fakeWorkbookFromGrids([grid]);
    const read = readScorecard(grid);
    if (!read.ok) throw new Error(read.error.message);
    const rows = read.value.flatMap((t) => t.indicators.map((i) => i.row)).filter((_, k) => k % 2 === 0).slice(0, 1500);
    expect(rows).toHaveLength(1500);
    const source = wb.sheet(grid.sheetName);
    const highlights = rows.map((r, k) => ({ sheet: grid.sheetName, address: a1(r, 0), previousFill: '#C6EFCE', highlightFill: '#FFFF00', note: null, revisionId: `${k}|Nov-20` }));
    for (const h of highlights) source.setFill(h.address, '#FFFF00');
    expect(highlights.map((h) => h.address).join(',').length).toBeGreaterThan(MAX_ADDRESS_LENGTH);
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    records.visibility = 'Hidden';
    highlightsToRows(highlights).forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome.ok && outcome.value.restoredFills).toBe(1500);
    const next = wb.sheets.find((s) => s.name !== grid.sheetName && s.name !== HIGHLIGHT_TABLE.sheetName);
    expect(next && highlights.every((h) => next.fill(h.address) === '#C6EFCE')).toBe(true);
  });
});
