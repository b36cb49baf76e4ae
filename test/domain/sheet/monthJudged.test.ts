import { sheetMsg } from '../../../src/domain/messages';
import { planFormat } from '../../../src/domain/plan/planFormat';
import { reportingFrequency } from '../../../src/domain/sheet/frequency';
import type { ReadCell } from '../../../src/domain/sheet/scorecard';
import { parseValue } from '../../../src/domain/value';
import { byKey, seedTables, tablesOf, withCell } from './helpers';

const corporate = seedTables('corporateParenting');
const early = seedTables('earlyHelp');

function cells(...texts: string[]): ReadCell[] {
  return texts.map((t, i) => ({ row: 0, col: i, address: `A${i + 1}`, text: t, raw: t, value: parseValue(t) }));
}

describe('reportingFrequency', () => {
  it.each([
    ['Monthly', '', 'monthly'],
    ['As at mth end', '%', 'monthly'],
    ['Month end position', 'Number', 'monthly'],
    ['Financial Year (Cumulative)', '%', 'monthly'],
    ['Rolling Year', '%', 'monthly'],
    ['Quarterly', '%', 'periodic'],
    ['Academic Year', '%', 'periodic'],
    ['As at term end', '%', 'periodic'],
    ['Annual (Dec Jan, Feb Average)', '%', 'periodic'],
    ['Claims subject to confirmation of claim windows by TFU', 'Number', 'periodic'],
    ['', 'Primary % (Termly)', 'periodic'],
    ['', '% (Quarterly)', 'periodic'],
  ] as const)('reads %p / %p as %s', (note, unit, frequency) => {
    expect(reportingFrequency(note, unit, cells('1', '2', ''))).toBe(frequency);
  });

  it('calls a row with no note monthly when every month before the reporting month has a figure', () => {
    expect(reportingFrequency('', '', cells('1', '2', ''))).toBe('monthly');
    expect(reportingFrequency('', '', cells('1', '', ''))).toBe('periodic');
  });
});

describe('which month is judged', () => {
  it('leaves RAG and DOT of a monthly row blank when the reporting month is still empty, naming the month (6.8)', () => {
    const row0 = byKey(corporate.tables, '6.8');
    const month = corporate.tables[0].reportingMonth;
    const grid = withCell(corporate.grid, row0.row, month.col, null, '');
    const tables = tablesOf(grid);
    const row = byKey(tables, '6.8');
    expect(row.frequency).toBe('monthly');
    expect(row.rag).toBeNull();
    expect(row.dot).toEqual({ state: null, reason: expect.any(String) });
    expect(row.problems).toContainEqual(expect.objectContaining({ code: 'missingValue', message: sheetMsg.monthNotReported(month.label, '') }));
    // The DOT cell's note names the empty month, not November's figure.
    const p = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    if (!p.ok) throw new Error(p.error.message);
    const note = (p.value.notes ?? []).find((n) => n.row === row.row);
    expect(note?.text).toBe(sheetMsg.noArrowNote(month.label, ''));
  });

  it('names what a monthly reporting month holds when it is a placeholder', () => {
    const row0 = byKey(corporate.tables, '6.8');
    const month = corporate.tables[0].reportingMonth;
    const row = byKey(tablesOf(withCell(corporate.grid, row0.row, month.col, 'Data to follow', 'Data to follow')), '6.8');
    expect(row.rag).toBeNull();
    expect(row.problems).toContainEqual(expect.objectContaining({ code: 'missingValue', message: sheetMsg.monthNotReported(month.label, 'Data to follow') }));
  });

  it('keeps the newest-reported rule for a termly row (7.2 primary: December blank, judged on November)', () => {
    const row = byKey(early.tables, '7.2');
    expect(row.frequency).toBe('periodic');
    expect(row.ragBasis).toMatchObject({ kind: 'month', label: 'Nov-20', latest: true });
    expect(row.rag).toBe('green');
  });
});
