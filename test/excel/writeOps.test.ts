import type { FormatPlan } from '../../src/domain/plan/types';
import { batchOps, buildWriteOps, chunkAddresses, coalesceBoxes, estimateBytes, valueRuns, type WriteOp } from '../../src/excel/format/writeOps';
import { ownsWrites } from '../fixtures/writes';

const cell = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });

describe('coalesceBoxes', () => {
  it('merges a column of single cells into one box', () => {
    expect(coalesceBoxes([cell(4, 2), cell(6, 2), cell(5, 2)])).toEqual([{ top: 4, left: 2, bottom: 6, right: 2 }]);
  });

  it('merges side-by-side runs of the same rows', () => {
    expect(coalesceBoxes([cell(1, 1), cell(2, 1), cell(1, 2), cell(2, 2)])).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });

  it('keeps boxes with a gap apart', () => {
    expect(coalesceBoxes([cell(1, 1), cell(3, 1)])).toEqual([cell(1, 1), cell(3, 1)]);
  });

  it('does not mutate its input', () => {
    const input = [cell(1, 1), cell(2, 1)];
    coalesceBoxes(input);
    expect(input).toEqual([cell(1, 1), cell(2, 1)]);
  });
});

describe('chunkAddresses', () => {
  it.each([
    [['A1', 'B2', 'C3'], 5, ['A1,B2', 'C3']],
    [['A1', 'B2', 'C3'], 8, ['A1,B2,C3']],
    [['A1'], 1, ['A1']],
    [[], 10, []],
  ])('chunks %j under %i characters', (addresses, max, expected) => {
    expect(chunkAddresses(addresses, max)).toEqual(expected);
  });

  it('keeps every chunk within the limit for thousands of cells', () => {
    const addresses = Array.from({ length: 5000 }, (_, i) => `M${2 * i + 1}`);
    const chunks = chunkAddresses(addresses, 8000);
    expect(chunks.every((c) => c.length <= 8000)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(addresses);
  });
});

describe('valueRuns', () => {
  it('groups a column of consecutive writes into one run', () => {
    const runs = valueRuns([
      { kind: 'value', row: 5, col: 12, value: 'G' },
      { kind: 'value', row: 6, col: 12, value: 'R' },
      { kind: 'value', row: 7, col: 12, value: 'A' },
    ]);
    expect(runs).toEqual([{ kind: 'values', box: { top: 5, left: 12, bottom: 7, right: 12 }, values: [['G'], ['R'], ['A']], formulas: false }]);
  });

  it('breaks a run at a gap and between columns', () => {
    const runs = valueRuns([
      { kind: 'value', row: 5, col: 12, value: 'G' },
      { kind: 'value', row: 7, col: 12, value: 'R' },
      { kind: 'value', row: 5, col: 11, value: '↑' },
    ]);
    expect(runs.map((r) => r.box)).toEqual([cell(5, 11), cell(5, 12), cell(7, 12)]);
  });

  it('writes formulas through formulas, and keeps a static text starting with - as text', () => {
    const [formula] = valueRuns([{ kind: 'formula', row: 0, col: 0, formula: '=PERF.RAG(H5,"<90%","90%>","95%+")', result: '' }]);
    expect(formula.formulas).toBe(true);
    const [text] = valueRuns([{ kind: 'value', row: 0, col: 1, value: '-' }]);
    expect(text).toMatchObject({ formulas: false, values: [["'-"]] });
  });

  it('writes a value that is text starting with = as text, never as a formula: only the write\'s kind decides', () => {
    const [text] = valueRuns([{ kind: 'value', row: 0, col: 0, value: '=not a formula' }]);
    expect(text).toMatchObject({ formulas: false, values: [["'=not a formula"]] });
    const [mixed] = valueRuns([
      { kind: 'formula', row: 0, col: 0, formula: '=PERF.DOT(H5,G5,D5,L5)', result: '↑' },
      { kind: 'value', row: 1, col: 0, value: '=x' },
    ]);
    expect(mixed).toMatchObject({ formulas: true, values: [['=PERF.DOT(H5,G5,D5,L5)'], ["'=x"]] });
  });
});

describe('buildWriteOps and batchOps', () => {
  const plan: FormatPlan = {
    sheetName: 'S',
    area: { top: 0, left: 0, bottom: 9, right: 3 },
    extraArea: null,
    writes: [],
    owns: ownsWrites([], null),
    styles: [
      { key: 'pct', style: { numberFormat: '0.0%' }, boxes: [cell(2, 1), cell(3, 1)] },
      { key: 'red', style: { fill: '#FF0000', numberFormat: '0' }, boxes: [cell(4, 2)] },
    ],
    columnWidths: [
      { col: 1, width: 56 },
      { col: 2, width: 56 },
      { col: 3, width: 36 },
    ],
    freeze: null,
    print: null,
  };

  it('sets number formats only on the cells the plan formats, in rectangles it covers entirely (nothing read first)', () => {
    const ops = buildWriteOps(plan);
    const nf = ops.filter((o) => o.kind === 'numberFormat');
    // B3:B4 are one run; C5 (a lone box in another column) its own: no cell the plan leaves is written.
    expect(nf).toEqual([
      { kind: 'numberFormat', box: { top: 2, left: 1, bottom: 3, right: 1 }, formats: [['0.0%'], ['0.0%']] },
      { kind: 'numberFormat', box: { top: 4, left: 2, bottom: 4, right: 2 }, formats: [['0']] },
    ]);
  });

  it('writes a row of boxes with different formats in one call, the later style winning where two overlap', () => {
    const wide: FormatPlan = {
      ...plan,
      styles: [
        { key: 'pct', style: { numberFormat: '0.0%' }, boxes: [{ top: 1, left: 1, bottom: 1, right: 3 }] },
        { key: 'count', style: { numberFormat: '#,##0' }, boxes: [{ top: 2, left: 1, bottom: 2, right: 3 }, { top: 1, left: 3, bottom: 1, right: 3 }] },
      ],
    };
    const nf = buildWriteOps(wide).filter((o) => o.kind === 'numberFormat');
    // The two rows make one rectangle in one call; C2, formatted by both groups, gets the later one in every call that covers it.
    expect(nf[0]).toEqual({
      kind: 'numberFormat',
      box: { top: 1, left: 1, bottom: 2, right: 3 },
      formats: [
        ['0.0%', '0.0%', '#,##0'],
        ['#,##0', '#,##0', '#,##0'],
      ],
    });
    const written = new Map<string, string>();
    for (const op of nf) op.formats.forEach((row, i) => row.forEach((f, j) => written.set(`${op.box.top + i},${op.box.left + j}`, f)));
    expect(written.get('1,3')).toBe('#,##0');
    expect([...written.keys()].sort()).toEqual(['1,1', '1,2', '1,3', '2,1', '2,2', '2,3']);
  });

  it('makes one style op per style without its number format, and one width op per width', () => {
    const ops = buildWriteOps(plan);
    expect(ops.filter((o) => o.kind === 'style')).toEqual([{ kind: 'style', address: 'C5', style: { fill: '#FF0000' } }]);
    expect(ops.filter((o) => o.kind === 'columnWidth')).toEqual([
      { kind: 'columnWidth', address: 'B:B,C:C', width: 56 },
      { kind: 'columnWidth', address: 'D:D', width: 36 },
    ]);
  });

  it('puts everything in one batch unless the payload limit is reached', () => {
    const ops: WriteOp[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'columnWidth', address: `A${i}`, width: 10 }));
    expect(batchOps(ops)).toHaveLength(1);
    const size = estimateBytes(ops[0]);
    const batches = batchOps(ops, size * 3);
    expect(batches).toHaveLength(4);
    expect(batches.flat()).toEqual(ops);
  });
});
