import { sheetMsg } from '../../src/domain/messages';
import { RULE_MARKS } from '../../src/domain/plan/ownership';
import type { PlanOwnership } from '../../src/domain/plan/types';
import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { equalsFormula, isOurs, type ReadConditional } from '../../src/excel/format/conditionalFormats';
import type { FormatPlan } from '../../src/domain/plan/types';
import type { Grid } from '../../src/domain/sheet/grid';
import { fakeWorkbookFromGrids, type FakeWorkbook } from '../fakes/fakeExcel';
import type { FakeConditionalFormat } from '../fakes/fakeExcelState';
import { seedGrid, syntheticGrid } from '../fixtures/seedGrids';
import { planFor, STATIC } from './planHelpers';

const FORMULAS = { ...STATIC, mode: 'formulas' as const };

async function apply(wb: FakeWorkbook, plan: FormatPlan) {
  return wb.run((ctx) => applyFormatPlan(ctx, plan, { backupName: 'PERF backup test' }));
}

/** The first cell of each conditional group, with the group. */
function firstCells(plan: FormatPlan) {
  return (plan.conditional ?? []).map((g) => ({ group: g, row: g.boxes[0].top, col: g.boxes[0].left }));
}

function withoutKey(plan: FormatPlan): FormatPlan {
  const { area } = plan;
  const inside = (r: number, c: number) => r >= area.top && r <= area.bottom && c >= area.left && c <= area.right;
  return {
    ...plan,
    extraArea: null,
    writes: plan.writes.filter((w) => inside(w.row, w.col)),
    styles: plan.styles.map((g) => ({ ...g, boxes: g.boxes.filter((b) => inside(b.top, b.left) && inside(b.bottom, b.right)) })),
  };
}

function formulasPlan(grid: Grid): FormatPlan {
  const plan = planFor(grid, FORMULAS);
  expect(plan.conditional?.length ?? 0).toBeGreaterThan(0);
  return plan;
}

describe('applyFormatPlan: formulas-mode colour rules', () => {
  it('adds the plan\'s rules so a cell\'s colour follows the result it shows now', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = formulasPlan(grid);
    expect((await apply(wb, plan)).ok).toBe(true);
    const sheet = wb.sheet(grid.sheetName);
    for (const { group, row, col } of firstCells(plan)) {
      for (const rule of group.rules) {
        // What Excel would show after recalculating with new figures.
        sheet.update(row, col, (c) => (c.value = rule.match === 'contains' ? `YTD ${rule.text}`.trim() : rule.text));
        const shown = sheet.conditionalStyleAt(row, col);
        if (rule.match === 'contains' && rule.text !== '') expect(sheet.textAt(row, col)).toContain(rule.text);
        if (rule.style.fill !== undefined) expect(shown.fill).toBe(rule.style.fill.toUpperCase());
        if (rule.style.fontColor !== undefined) expect(shown.fontColor).toBe(rule.style.fontColor.toUpperCase());
      }
    }
  });

  it('replaces its own rules when formatting again, never piling them up', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = formulasPlan(grid);
    await apply(wb, plan);
    const once = wb.sheet(grid.sheetName).conditionalFormats.length;
    expect(once).toBe(plan.conditional?.reduce((n, g) => n + g.rules.length, 0));
    const again = await apply(wb, plan);
    expect(again.ok).toBe(true);
    expect(wb.sheet(grid.sheetName).conditionalFormats).toHaveLength(once);
  });

  it('keeps the user\'s own conditional formats, even ones on the DOT and RAG cells', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = formulasPlan(grid);
    const sheet = wb.sheet(grid.sheetName);
    const [{ row, col }] = firstCells(plan);
    const users: Array<Omit<FakeConditionalFormat, 'id'>> = [
      // A RAG letter on a RAG cell, but a shape the add-in never writes.
      { boxes: [{ top: row, left: col, bottom: row, right: col }], type: 'ContainsText', stopIfTrue: false, rule: { operator: 'BeginsWith', text: 'R' }, format: { bold: true } },
      // Stop-if-true, but reaching the indicator column the add-in does not own.
      { boxes: [{ top: row, left: 0, bottom: row, right: col }], type: 'ContainsText', stopIfTrue: true, rule: { operator: 'Contains', text: 'G' }, format: { italic: true } },
      // A text the add-in never colours by.
      { boxes: [{ top: row, left: col, bottom: row, right: col }], type: 'CellValue', stopIfTrue: true, rule: { operator: 'EqualTo', formula1: equalsFormula('Late') }, format: { fill: '#FFC000' } },
    ];
    for (const u of users) sheet.addConditionalFormat(u);
    expect((await apply(wb, plan)).ok).toBe(true);
    expect((await apply(wb, withoutKey(planFor(grid)))).ok).toBe(true);
    const left = sheet.conditionalFormats.map((c) => c.rule);
    expect(left).toEqual(expect.arrayContaining(users.map((u) => u.rule)));
    expect(left).toHaveLength(users.length);
  });

  it('replaces the rules the command-line tool wrote on the same cells (no stop-if-true, FIND expressions)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = formulasPlan(grid);
    const sheet = wb.sheet(grid.sheetName);
    const [{ group, row, col }] = firstCells(plan);
    const box = group.boxes[0];
    sheet.addConditionalFormat({ boxes: [box], type: 'Custom', stopIfTrue: false, rule: { formula: `=ISNUMBER(FIND("R",${String.fromCharCode(65 + col)}${row + 1}))` }, format: { fill: '#C00000' } });
    sheet.addConditionalFormat({ boxes: [box], type: 'CellValue', stopIfTrue: false, rule: { operator: 'EqualTo', formula1: '=""' }, format: { fill: '#FFFFFF' } });
    expect((await apply(wb, plan)).ok).toBe(true);
    expect(sheet.conditionalFormats.filter((c) => c.type === 'Custom')).toEqual([]);
    expect(sheet.conditionalFormats.every((c) => c.stopIfTrue)).toBe(true);
    expect(sheet.conditionalFormats).toHaveLength(plan.conditional?.reduce((n, g) => n + g.rules.length, 0) ?? 0);
  });

  it('takes its rules off when the sheet is formatted in static mode (they would hide the static colours)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    await apply(wb, formulasPlan(grid));
    expect(wb.sheet(grid.sheetName).conditionalFormats.length).toBeGreaterThan(0);
    // Without the key: the two modes' keys differ, and a key cell the add-in wrote in the
    // other mode is refused as the user's (a separate matter, reported).
    const staticPlan = withoutKey(planFor(grid));
    const outcome = await apply(wb, staticPlan);
    expect(outcome).toEqual({ ok: true, value: expect.anything() });
    expect(wb.sheet(grid.sheetName).conditionalFormats).toEqual([]);
  });

  it('puts the previous rules back with the sheet when the write fails', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    await apply(wb, formulasPlan(grid));
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    // Sync 1 reads, sync 2 is the write (it also loads the candidate rules).
    wb.failSync({ sync: 2, afterActions: 400, code: 'GeneralException', message: 'boom' });
    const outcome = await apply(wb, planFor(grid, { ...FORMULAS, palette: 'highContrast' }));
    expect(outcome.ok).toBe(false);
    const after = sheet.snapshot();
    expect(after.cells).toEqual(before.cells);
    expect(after.conditionalFormats.map((c) => [c.rule, c.format, c.boxes])).toEqual(
      expect.arrayContaining(before.conditionalFormats.map((c) => [c.rule, c.format, c.boxes])),
    );
    expect(after.conditionalFormats).toHaveLength(before.conditionalFormats.length);
  });

  it.each([50, 5000])('uses a constant number of round trips in formulas mode (%i rows)', async (rows) => {
    const grid = syntheticGrid(rows);
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = planFor(grid, FORMULAS);
    await apply(wb, plan);
    // First format: read, write, delete the backup.
    expect(wb.stats.syncs).toBe(3);
    const first = wb.stats.syncs;
    await apply(wb, plan);
    // Again: the rules found are examined with the write and deleted in the clean-up, whatever the number of rows.
    expect(wb.stats.syncs - first).toBe(3);
  });
});

describe('isOurs', () => {
  // N12:N14 are the plan's RAG cells.
  const owns: PlanOwnership = { marks: [{ top: 11, left: 13, bottom: 13, right: 13 }], key: null, notePrefix: sheetMsg.noArrowNotePrefix, ruleMarks: [...RULE_MARKS] };
  const ours: ReadConditional = { type: 'ContainsText', stopIfTrue: true, rule: { operator: 'Contains', text: 'R' }, address: "'Dec-20'!N12:N14" };
  it.each<[string, boolean, Partial<ReadConditional>]>([
    ['a text rule on a RAG letter over owned cells', true, {}],
    ['a cell-value rule equal to an arrow', true, { type: 'CellValue', rule: { operator: 'EqualTo', formula1: '="↘"' } }],
    ['a cell-value rule equal to blank', true, { type: 'CellValue', rule: { operator: 'EqualTo', formula1: '=""' } }],
    ['several areas, all owned', true, { address: "'Dec-20'!N12,'Dec-20'!N13:N14" }],
    ['without stop-if-true (the command-line tool sets none)', true, { stopIfTrue: false }],
    ['the command-line tool\'s FIND expression', true, { type: 'Custom', rule: { formula: '=ISNUMBER(FIND("G",N12))' } }],
    ['a FIND expression for a text the add-in never colours by', false, { type: 'Custom', rule: { formula: '=ISNUMBER(FIND("Late",N12))' } }],
    ['another custom formula', false, { type: 'Custom', rule: { formula: '=N12>0.9' } }],
    ['another operator', false, { rule: { operator: 'BeginsWith', text: 'R' } }],
    ['a text the add-in never colours by', false, { rule: { operator: 'Contains', text: 'Late' } }],
    ['a cell-value rule comparing with a cell', false, { type: 'CellValue', rule: { operator: 'EqualTo', formula1: '=$A$1' } }],
    ['one cell beyond the owned ones', false, { address: "'Dec-20'!N12:N15" }],
    ['a whole column', false, { address: "'Dec-20'!N:N" }],
    ['a data bar', false, { type: 'DataBar', rule: null }],
  ])('%s: the add-in\'s own = %p', (_, expected, change) => {
    expect(isOurs({ ...ours, ...change }, owns)).toBe(expected);
  });
});
