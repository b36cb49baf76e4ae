import type { FormatPlan } from '../../src/domain/plan/types';
import { validatePlan } from '../../src/excel/validatePlan';

const base: FormatPlan = {
  sheetName: 'Dec-20',
  area: { top: 2, left: 0, bottom: 20, right: 10 },
  extraArea: { top: 22, left: 0, bottom: 30, right: 1 },
  writes: [{ row: 5, col: 9, value: 'G' }],
  styles: [{ key: 'g', style: { fill: '#00B050' }, boxes: [{ top: 5, left: 9, bottom: 5, right: 9 }] }],
  columnWidths: [{ col: 9, width: 36 }],
  freeze: { rows: 4, columns: 3 },
  print: { orientation: 'landscape', paper: 'A4', scale: 73, pagesWide: 2, repeatRows: { first: 2, last: 3 }, repeatColumns: { first: 1, last: 2 }, printArea: { top: 2, left: 0, bottom: 30, right: 10 }, rowBreaks: [20], header: { left: 'As at Month End: December 2020', center: '', right: 'Reporting month: December 2020' }, footer: { left: 'Printed &D', center: '', right: 'Page &P of &N' }, margins: { left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 } },
};

describe('validatePlan', () => {
  it('accepts a plan inside its own areas', () => {
    expect(validatePlan(base)).toBeNull();
  });

  it.each<[string, Partial<FormatPlan>, string]>([
    ['a write below the table', { writes: [{ row: 21, col: 0, value: 'R' }] }, 'write to A22 is outside the table'],
    ['a write in the key area', { writes: [{ row: 22, col: 1, value: 'Key' }] }, ''],
    ['a non-finite number', { writes: [{ row: 5, col: 9, value: Number.NaN }] }, 'the value for J6 is not a number or text'],
    ['the same cell twice', { writes: [{ row: 5, col: 9, value: 'G' }, { row: 5, col: 9, value: 'R' }] }, 'J6 is written twice'],
    ['a style outside', { styles: [{ key: 'x', style: { bold: true }, boxes: [{ top: 0, left: 0, bottom: 0, right: 0 }] }] }, "style 'x' reaches outside the table"],
    ['a bad colour', { styles: [{ key: 'x', style: { fill: 'green' }, boxes: [] }] }, "style 'x': fill 'green' is not a #RRGGBB colour"],
    ['a negative width', { columnWidths: [{ col: 1, width: -1 }] }, 'column width -1 is out of range'],
    ['an unnamed sheet', { sheetName: '' }, 'the plan names no sheet'],
    ['an upside-down area', { area: { top: 5, left: 0, bottom: 2, right: 1 } }, 'the table area is not a valid range'],
  ])('reports %s', (_name, change, expected) => {
    const problem = validatePlan({ ...base, ...change });
    if (expected === '') expect(problem).toBeNull();
    else expect(problem).toBe(expected);
  });
});
