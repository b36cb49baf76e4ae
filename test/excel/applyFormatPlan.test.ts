import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { excelMessages as m } from '../../src/excel/messages';
import { sheetMsg } from '../../src/domain/messages';
import type { FormatPlan } from '../../src/domain/plan/types';
import { a1, qualified } from '../../src/domain/sheet/grid';
import { FakeWorkbook, fakeWorkbookFromGrids, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid, syntheticGrid } from '../fixtures/seedGrids';
import { inBox, planFor, rc } from './planHelpers';
import { entered, ownsWrites } from '../fixtures/writes';

async function apply(wb: FakeWorkbook, plan: FormatPlan, options: Parameters<typeof applyFormatPlan>[2] = {}) {
  return wb.run((ctx) => applyFormatPlan(ctx, plan, { backupName: 'PERF backup test', ...options }));
}

function styleAt(plan: FormatPlan, row: number, col: number, prop: 'fill' | 'fontColor' | 'numberFormat'): string | undefined {
  let found: string | undefined;
  for (const g of plan.styles) {
    if (g.style[prop] !== undefined && g.boxes.some((b) => inBox(b, row, col))) found = g.style[prop];
  }
  return found;
}

describe('applyFormatPlan on the seed reports', () => {
  it.each(['earlyHelp', 'corporateParenting'] as const)('writes every planned DOT/RAG value and its fill (%s)', async (report) => {
    const grid = seedGrid(report);
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    const outcome = await apply(wb, plan, { expected: grid });
    expect(outcome.ok).toBe(true);
    const sheet = wb.sheet(grid.sheetName);
    expect(plan.writes.length).toBeGreaterThan(0);
    for (const w of plan.writes) {
      expect(sheet.cellAt(w.row, w.col).value).toEqual(entered(w));
      const fill = styleAt(plan, w.row, w.col, 'fill');
      if (fill !== undefined) expect(sheet.cellAt(w.row, w.col).fill).toBe(fill.toUpperCase());
    }
  });

  it('applies number formats where planned and keeps every other cell format', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    await apply(wb, plan);
    const sheet = wb.sheet(grid.sheetName);
    let planned = 0;
    grid.values.forEach((row, i) =>
      row.forEach((_, j) => {
        const nf = styleAt(plan, grid.top + i, grid.left + j, 'numberFormat');
        const actual = sheet.cellAt(grid.top + i, grid.left + j).numberFormat;
        if (nf !== undefined) planned += 1;
        expect(actual).toBe(nf ?? grid.numberFormats[i][j]);
      }),
    );
    expect(planned).toBeGreaterThan(0);
  });

  it('changes nothing outside the table and the key area', async () => {
    const grid = seedGrid('corporateParenting');
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    // The user's own cells beside and below the table.
    sheet.setValue('AB3', 'my note');
    sheet.setFill('AB4', '#123456');
    sheet.setValue('A200', 42);
    const before = sheet.snapshot();
    const plan = planFor(grid);
    await apply(wb, plan);
    const changed = sheet.changedCells(before);
    expect(changed.length).toBeGreaterThan(0);
    for (const address of changed) {
      const { row, col } = rc(address);
      expect(inBox(plan.area, row, col) || inBox(plan.extraArea, row, col)).toBe(true);
    }
    expect(sheet.value('AB3')).toBe('my note');
    expect(sheet.fill('AB4')).toBe('#123456');
  });

  it('changes no value except the DOT, RAG and key cells it writes', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    const plan = planFor(grid);
    await apply(wb, plan);
    const written = new Set(plan.writes.map((w) => a1(w.row, w.col)));
    const after = sheet.snapshot();
    const addresses = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
    for (const address of addresses) {
      if (written.has(address)) continue;
      expect([address, after.cells[address]?.value ?? '']).toEqual([address, before.cells[address]?.value ?? '']);
    }
  });

  it('sets widths, freeze panes and print setup, and leaves no backup sheet behind', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    await apply(wb, plan);
    const sheet = wb.sheet(grid.sheetName);
    for (const { col, width } of plan.columnWidths) expect(sheet.columnWidth(col)).toBe(width);
    expect(sheet.freeze).toEqual(plan.freeze);
    expect(sheet.pageLayout.orientation).toBe('Landscape');
    // Only documented values: a percentage scale, no fit-to-pages (office-js#1860).
    expect(sheet.pageLayout.zoom).toEqual({ scale: plan.print?.scale });
    expect(sheet.pageLayout.paperSize).toBe('A4');
    expect(sheet.pageLayout.headersFooters?.rightFooter).toBe('Page &P of &N');
    expect(sheet.pageLayout.rowBreaks).toEqual(plan.print?.rowBreaks);
    expect(plan.print?.rowBreaks.length).toBe(1);
    for (const { row, height } of plan.rowHeights ?? []) expect(sheet.rowHeights.get(row)).toBe(height);
    expect(plan.rowHeights?.length).toBeGreaterThan(2);
    // The early help tables are offset by a column: the first table's header would mislabel the second's.
    const rows = plan.print?.repeatRows;
    expect(sheet.pageLayout.printTitleRows).toBe(rows ? `$${rows.first + 1}:$${rows.last + 1}` : null);
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
    expect(wb.calculationMode).toBe('Automatic');
    expect(wb.suspendedSyncs).toBeGreaterThan(0);
  });

  it('suspends API calculation from before the backup copy and never switches the calculation mode', async () => {
    // The mode is application-wide on desktop, can be ignored (office-js#6922) or read back
    // wrong (#2770), and stays Manual if the pane dies; suspendApiCalculationUntilNextSync
    // (ExcelApi 1.6) lasts one batch only.
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const outcome = await apply(wb, planFor(grid));
    expect(outcome.ok).toBe(true);
    expect(wb.calculationModeLog).toEqual([]);
    expect(wb.copiesWithCalculation).toBe(0);
    expect(wb.calculationSuspendedSyncs).toBe(1);
  });

  it('refuses on a host without ExcelApi 1.9, before any round trip', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.excelApiMinor = 8;
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const outcome = await apply(wb, planFor(grid));
      expect(outcome).toEqual({ ok: false, error: { code: 'notSupported', message: m.notSupported(), action: m.notSupportedAction() } });
      expect(wb.stats.syncs).toBe(0);
    } finally {
      uninstall();
    }
  });

  it('formats the same sheet twice: the key it wrote before is its own', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    expect((await apply(wb, plan)).ok).toBe(true);
    const again = await apply(wb, plan);
    expect(again.ok).toBe(true);
  });

  it('keeps manual calculation when the user had it', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.calculationMode = 'Manual';
    await apply(wb, planFor(grid));
    expect(wb.calculationMode).toBe('Manual');
    expect(wb.calculationModeLog).toEqual([]);
  });
});

describe('applyFormatPlan refuses before writing', () => {
  it('refuses a protected sheet with what to do, changing nothing', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    sheet.protected = true;
    const before = sheet.snapshot();
    const outcome = await apply(wb, planFor(grid));
    expect(outcome).toEqual({ ok: false, error: { code: 'sheetProtected', message: m.sheetProtected(grid.sheetName), action: m.sheetProtectedAction() } });
    expect(sheet.snapshot()).toEqual(before);
    expect(wb.stats.syncs).toBe(1);
  });

  it('refuses when the key would overwrite a cell, naming it', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    expect(plan.extraArea).not.toBeNull();
    const key = plan.extraArea as NonNullable<FormatPlan['extraArea']>;
    const sheet = wb.sheet(grid.sheetName);
    // Arrived after the plan was made: the user typed in the key's place.
    sheet.setValue(a1(key.top + 1, key.left + 1), 'typed later');
    const before = sheet.snapshot();
    const outcome = await apply(wb, plan);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'keyAreaTaken', message: sheetMsg.keyAreaTaken(qualified(grid.sheetName, a1(key.top + 1, key.left + 1)), 'typed later'), action: m.keyAreaTakenAction() },
    });
    expect(sheet.snapshot()).toEqual(before);
  });

  it('refuses when the table changed since it was read', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    const sheet = wb.sheet(grid.sheetName);
    const cell = a1(plan.area.top + 5, plan.area.left + 7);
    sheet.setValue(cell, 999);
    const outcome = await apply(wb, plan, { expected: grid });
    expect(outcome).toEqual({ ok: false, error: { code: 'sheetChanged', message: m.sheetChanged(qualified(grid.sheetName, cell)), action: m.sheetChangedAction() } });
  });

  it('refuses a plan that writes outside its table without a round trip', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    const bad: FormatPlan = { ...plan, writes: [...plan.writes, { kind: 'value', row: plan.area.bottom + 500, col: 0, value: 'R' }] };
    const outcome = await apply(wb, bad);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.action).toBe(m.badPlanAction());
    expect(wb.stats.syncs).toBe(0);
  });

  it('reports edit mode with what to do next', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.editMode = true;
    const outcome = await apply(wb, planFor(grid));
    expect(outcome).toEqual({ ok: false, error: { code: 'editMode', message: m.editMode(), action: m.editModeAction() } });
  });

  it('stops before writing when cancelled', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const before = wb.sheet(grid.sheetName).snapshot();
    const controller = new AbortController();
    controller.abort();
    const outcome = await apply(wb, planFor(grid), { signal: controller.signal });
    expect(outcome).toEqual({ ok: false, error: { code: 'cancelled', message: m.cancelled() } });
    expect(wb.sheet(grid.sheetName).snapshot()).toEqual(before);
    expect(wb.stats.syncs).toBe(1);
  });
});

describe('applyFormatPlan when Excel fails mid-write', () => {
  it('changes nothing and says so when the backup copy itself fails', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    // Sync 2 is the write: the sheet is found by id (action 0), calculation suspended (1), then the copy (2) fails.
    wb.failSync({ sync: 2, afterActions: 2, code: 'GeneralException', message: 'boom' });
    const outcome = await apply(wb, planFor(grid));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe(m.unchanged(m.officeError('GeneralException', 'boom')));
    expect(sheet.snapshot()).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
  });

  it.each([5, 40, 200, 100_000])('puts the sheet back as it was when the write fails after %i operations', async (afterActions) => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    // Sync 1 is the read; sync 2 the write.
    wb.failSync({ sync: 2, afterActions, code: 'GeneralException', message: 'boom' });
    const outcome = await apply(wb, planFor(grid));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe(m.restored(m.officeError('GeneralException', 'boom')));
    expect(sheet.snapshot()).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
    expect(wb.calculationMode).toBe('Automatic');
  });

  it('keeps the backup and says so when putting the sheet back fails too', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.failSync({ sync: 2, afterActions: 30, code: 'GeneralException', message: 'boom' });
    wb.failSync({ sync: 4, afterActions: 0, code: 'GeneralException', message: 'again' });
    const outcome = await apply(wb, planFor(grid));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'notRestored', message: m.notRestored(m.officeError('GeneralException', 'boom'), 'PERF backup test'), action: m.notRestoredAction() },
    });
    expect(wb.findSheet('PERF backup test')?.visibility).toBe('Hidden');
  });

  it('never restores from a leftover sheet that has the backup\'s name', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const leftover = wb.addSheet('PERF backup test');
    leftover.visibility = 'Hidden';
    leftover.setValue('A1', 'stale');
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    wb.failSync({ sync: 2, afterActions: 50, code: 'GeneralException', message: 'boom' });
    const outcome = await apply(wb, planFor(grid));
    expect(outcome.ok).toBe(false);
    expect(sheet.snapshot()).toEqual(before);
    expect(wb.sheet('PERF backup test').value('A1')).toBe('stale');
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName, 'PERF backup test']);
  });

  it('reports a protected workbook structure before writing (the backup needs a sheet)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.structureProtected = true;
    const outcome = await apply(wb, planFor(grid));
    expect(outcome).toEqual({ ok: false, error: { code: 'readOnly', message: m.accessDenied(), action: m.accessDeniedAction() } });
  });
});

describe('applyFormatPlan cost', () => {
  async function costOf(rows: number) {
    const grid = syntheticGrid(rows);
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid);
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(true);
    return { ...wb.stats, plan };
  }

  it('uses the same number of round trips for 50 and 5,000 rows', async () => {
    const small = await costOf(50);
    const large = await costOf(5000);
    expect(large.syncs).toBe(small.syncs);
    expect(small.syncs).toBe(3);
  });

  it('makes far fewer calls than cells, and stays under the payload limit', async () => {
    const large = await costOf(5000);
    const cells = large.plan.styles.reduce((n, g) => n + g.boxes.reduce((k, b) => k + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0), 0);
    expect(large.apiCalls * 50).toBeLessThan(cells);
    expect(large.maxPayloadBytes).toBeLessThan(5 * 1024 * 1024);
  });

  function onePlan(rows: number, fills: string[]): FormatPlan {
    // One column of `rows` cells; the fills alternate in blocks so every style keeps one box.
    const per = Math.ceil(rows / fills.length);
    return {
      sheetName: 'S',
      area: { top: 0, left: 0, bottom: rows - 1, right: 1 },
      extraArea: null,
      writes: [],
      owns: ownsWrites([], null),
      styles: fills.map((fill, i) => ({
        key: fill,
        style: { fill, bold: true },
        boxes: Array.from({ length: Math.min(per, rows - i * per) }, (_, k) => ({ top: i * per + k, left: 1, bottom: i * per + k, right: 1 })),
      })),
      columnWidths: [],
      freeze: null,
      print: null,
    };
  }

  async function callsFor(plan: FormatPlan): Promise<number> {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(true);
    return wb.stats.apiCalls;
  }

  it('grows API calls with distinct styles, not with cells', async () => {
    const few = await callsFor(onePlan(50, ['#FF0000']));
    const many = await callsFor(onePlan(5000, ['#FF0000']));
    expect(many).toBe(few);
    const styled = await callsFor(onePlan(5000, ['#FF0000', '#00FF00', '#0000FF', '#FFFF00']));
    const perStyle = (styled - many) / 3;
    expect(perStyle).toBeGreaterThan(0);
    expect(await callsFor(onePlan(5000, ['#FF0000', '#00FF00']))).toBe(many + perStyle);
  });

  it('chunks a scattered style under the 8,192-character address limit', async () => {
    const rows = 6000;
    const plan: FormatPlan = {
      ...onePlan(rows, ['#FF0000']),
      // Every other row: nothing coalesces, the address list is ~40,000 characters.
      styles: [{ key: 'red', style: { fill: '#FF0000' }, boxes: Array.from({ length: rows / 2 }, (_, k) => ({ top: 2 * k, left: 1, bottom: 2 * k, right: 1 })) }],
    };
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(true);
    expect(sheet.fill(a1(rows - 2, 1))).toBe('#FF0000');
    expect(sheet.fill(a1(rows - 1, 1))).toBeNull();
  });

  it('splits the write across syncs only when the payload limit demands it', async () => {
    const grid = syntheticGrid(5000);
    const wb = fakeWorkbookFromGrids([grid], { payloadLimitBytes: 400_000 });
    const plan = planFor(grid);
    const outcome = await apply(wb, plan, { limits: { addressChars: 8000, payloadBytes: 300_000 } });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value.writeSyncs).toBeGreaterThan(1);
    expect(wb.stats.maxPayloadBytes).toBeLessThanOrEqual(400_000);
    for (const w of plan.writes) expect(wb.sheet(grid.sheetName).cellAt(w.row, w.col).value).toEqual(entered(w));
  });
});
