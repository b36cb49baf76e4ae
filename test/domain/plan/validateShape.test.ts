import { sheetMsg } from '../../../src/domain/messages';
import type { FormatPlan } from '../../../src/domain/plan/types';
import { validatePlan } from '../../../src/domain/plan/validate';
import { ownsWrites } from '../../fixtures/writes';

const base: FormatPlan = {
  sheetName: 'Dec-20',
  area: { top: 2, left: 0, bottom: 20, right: 10 },
  extraArea: { top: 22, left: 0, bottom: 30, right: 1 },
  writes: [{ kind: 'value', row: 5, col: 9, value: 'G' }],
  owns: { ...ownsWrites([{ kind: 'value', row: 5, col: 9, value: 'G' }], { top: 22, left: 0, bottom: 30, right: 1 }) },
  styles: [{ key: 'g', style: { fill: '#00B050' }, boxes: [{ top: 5, left: 9, bottom: 5, right: 9 }] }],
  columnWidths: [{ col: 9, width: 36 }],
  freeze: { rows: 4, columns: 3 },
  print: { orientation: 'landscape', paper: 'A4', scale: 73, pagesWide: 2, repeatRows: { first: 2, last: 3 }, repeatColumns: { first: 1, last: 2 }, printArea: { top: 2, left: 0, bottom: 30, right: 10 }, rowBreaks: [20], header: { left: 'As at Month End: December 2020', center: '', right: 'Reporting month: December 2020' }, footer: { left: 'Printed &D', center: '', right: 'Page &P of &N' }, margins: { left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 } },
};

describe('validatePlan: the plan\'s shape, checked before any adapter writes', () => {
  it('accepts a plan inside its own areas', () => {
    expect(validatePlan(base)).toEqual({ ok: true, value: base });
  });

  it.each<[string, Partial<FormatPlan>, string]>([
    ['a write below the table', { writes: [{ kind: 'value', row: 21, col: 0, value: 'R' }] }, sheetMsg.planWriteOutside('A22')],
    ['a write in the key area', { writes: [{ kind: 'value', row: 22, col: 1, value: 'Key' }] }, ''],
    ['a non-finite number', { writes: [{ kind: 'value', row: 5, col: 9, value: Number.NaN }] }, sheetMsg.planBadValue('J6')],
    ['a formula without its =', { writes: [{ kind: 'formula', row: 5, col: 9, formula: 'PERF.RAG(H6)', result: 'G' }] }, sheetMsg.planBadValue('J6')],
    ['a write inside the table on a cell it does not own', { writes: [{ kind: 'value', row: 6, col: 2, value: 'G' }] }, sheetMsg.writeOutsideOwned("'Dec-20'!C7")],
    ['a note on a cell it does not own', { notes: [{ row: 6, col: 2, text: 'No arrow: x' }] }, sheetMsg.writeOutsideOwned("'Dec-20'!C7")],
    ['the same cell twice', { writes: [{ kind: 'value', row: 5, col: 9, value: 'G' }, { kind: 'value', row: 5, col: 9, value: 'R' }] }, sheetMsg.planWrittenTwice('J6')],
    [
      'the first of a cell written twice and a write outside, in the plan order',
      { writes: [{ kind: 'value', row: 5, col: 9, value: 'G' }, { kind: 'value', row: 6, col: 9, value: 'G' }, { kind: 'value', row: 5, col: 9, value: 'R' }, { kind: 'value', row: 21, col: 0, value: 'R' }] },
      sheetMsg.planWrittenTwice('J6'),
    ],
    [
      'a write outside before a cell written twice',
      { writes: [{ kind: 'value', row: 5, col: 9, value: 'G' }, { kind: 'value', row: 21, col: 0, value: 'R' }, { kind: 'value', row: 5, col: 9, value: 'R' }] },
      sheetMsg.planWriteOutside('A22'),
    ],
    [
      'the first cell written twice of two',
      { writes: [{ kind: 'value', row: 6, col: 9, value: 'G' }, { kind: 'value', row: 5, col: 9, value: 'G' }, { kind: 'value', row: 5, col: 9, value: 'R' }, { kind: 'value', row: 6, col: 9, value: 'R' }] },
      sheetMsg.planWrittenTwice('J6'),
    ],
    ['a style outside', { styles: [{ key: 'x', style: { bold: true }, boxes: [{ top: 0, left: 0, bottom: 0, right: 0 }] }] }, sheetMsg.planStyleOutside('x')],
    ['a bad colour', { styles: [{ key: 'x', style: { fill: 'green' }, boxes: [] }] }, sheetMsg.planStyleProblem('x', sheetMsg.planBadColour('fill', 'green'))],
    ['a negative width', { columnWidths: [{ col: 1, width: -1 }] }, sheetMsg.planBadWidth(-1)],
    ['an unnamed sheet', { sheetName: '' }, sheetMsg.planNoSheet()],
    ['an upside-down area', { area: { top: 5, left: 0, bottom: 2, right: 1 } }, sheetMsg.planBadBox('table area')],
  ])('reports %s', (_name, change, expected) => {
    const checked = validatePlan({ ...base, ...change });
    if (expected === '') expect(checked.ok).toBe(true);
    else expect(checked).toEqual({ ok: false, error: { code: 'planInvalid', message: expected } });
  });
});
