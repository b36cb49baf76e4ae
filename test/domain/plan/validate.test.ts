import { sheetMsg } from '../../../src/domain/messages';
import { planFormat } from '../../../src/domain/plan/planFormat';
import { validatePlan } from '../../../src/domain/plan/validate';
import { a1, qualified } from '../../../src/domain/sheet/grid';
import { seedTables } from '../sheet/helpers';

describe('validatePlan and notes', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const p = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
  if (!p.ok) throw new Error(p.error.message);
  const plan = p.value;

  it('accepts the notes a plan puts on DOT cells', () => {
    expect(plan.notes?.length).toBeGreaterThan(0);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('refuses a note on a cell the add-in does not write (a month figure), naming it', () => {
    const row = tables[0].indicators[0];
    const col = tables[0].reportingMonth.col;
    const bad = { ...plan, notes: [...plan.notes!, { row: row.row, col, text: sheetMsg.noArrowNote('Dec-20', 'TBC') }] };
    expect(validatePlan(bad)).toEqual({ ok: false, error: { code: 'planInvalid', message: sheetMsg.writeOutsideOwned(qualified(plan.sheetName, a1(row.row, col))) } });
  });
});
