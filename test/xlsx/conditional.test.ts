import ExcelJS from 'exceljs';
import { PALETTES, ragColours, RAG_LETTER } from '../../src/domain/plan/palette';
import { planFormat } from '../../src/domain/plan/planFormat';
import type { FormatPlan } from '../../src/domain/plan/types';
import { boxAddress } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { viaPackage } from '../helpers/viaPackage';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import { writeGrid } from '../helpers/fromGrid';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { argb } from '../helpers/exceljsStyles';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { seedGrid } from '../fixtures/seedGrids';

type Cf = ExcelJS.ConditionalFormattingOptions;
const rulesOf = (ws: ExcelJS.Worksheet): Cf[] => (ws as unknown as { conditionalFormattings?: Cf[] }).conditionalFormattings ?? [];

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const loaded = await readWorkbook(await writeWorkbook(wb), 'out.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

async function corporate(): Promise<{ wb: ExcelJS.Workbook; plan: FormatPlan }> {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet('Dec-19'), seedGrid('corporateParenting'));
  const loaded = await reload(wb);
  const grid = gridFromWorksheet(loaded.getWorksheet('Dec-19')!);
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  const plan = planFormat(tables.value, { mode: 'formulas', convention: 'performance', palette: 'standard' }, grid);
  if (!plan.ok) throw new Error(plan.error.message);
  return { wb: loaded, plan: plan.value };
}

describe('formulas mode colour rules in the saved file', () => {
  it('saves one conditional format per planned box, with each rule’s text and colours', async () => {
    const { wb, plan } = await corporate();
    expect(plan.conditional?.length).toBeGreaterThan(0);
    const done = await viaPackage(wb, (x) => applyFormatPlan(x, plan));
    const applied = done.result;
    if (!applied.ok) throw new Error(applied.error.message);
    const saved = rulesOf(done.saved.getWorksheet('Dec-19')!);
    const planned = plan.conditional!.flatMap((g) => g.boxes.map((b) => ({ ref: boxAddress(b), rules: g.rules })));
    expect(saved.map((cf) => cf.ref).sort()).toEqual(planned.map((p) => p.ref).sort());
    expect(applied.value.conditionalRules).toBe(planned.reduce((n, p) => n + p.rules.length, 0));
    const green = ragColours(PALETTES.standard, 'green');
    const ragBox = planned.find((p) => p.rules.some((r) => r.text === RAG_LETTER.green))!;
    const tl = ragBox.ref.split(':')[0];
    const rule = saved.find((cf) => cf.ref === ragBox.ref)!.rules.find((r) => r.type === 'expression' && (r.formulae ?? [])[0] === `ISNUMBER(FIND("${RAG_LETTER.green}",${tl}))`)!;
    expect(rule.style?.fill).toMatchObject({ bgColor: { argb: argb(green.fill) } });
    expect(rule.style?.font?.color).toMatchObject({ argb: argb(green.font) });
  });

  it('replaces its own rules when formatted again, never doubling them, and keeps a user’s rule elsewhere', async () => {
    const { wb, plan } = await corporate();
    const ws = wb.getWorksheet('Dec-19')!;
    ws.addConditionalFormatting({ ref: 'H5:H10', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0.9'], priority: 1, style: { font: { bold: true } } }] });
    const first = await viaPackage(wb, (x) => applyFormatPlan(x, plan));
    expect(first.result.ok).toBe(true);
    const once = rulesOf(first.saved.getWorksheet('Dec-19')!).length;
    const second = await viaPackage(first.bytes, (x) => applyFormatPlan(x, plan));
    expect(second.result.ok).toBe(true);
    const saved = rulesOf(second.saved.getWorksheet('Dec-19')!);
    expect(saved.length).toBe(once);
    expect(saved.some((cf) => cf.ref === 'H5:H10')).toBe(true);
  });

  it('writes no rule in static mode', async () => {
    const { wb } = await corporate();
    const ws = wb.getWorksheet('Dec-19')!;
    const grid = gridFromWorksheet(ws);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    if (!plan.ok) throw new Error(plan.error.message);
    const { result: applied, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, plan.value));
    expect(applied.ok && applied.value.conditionalRules).toBe(0);
    expect(rulesOf(saved.getWorksheet('Dec-19')!)).toEqual([]);
  });
});
