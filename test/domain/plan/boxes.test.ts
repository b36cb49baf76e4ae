import fc from 'fast-check';
import { styleKey, toBoxes } from '../../../src/domain/plan/boxes';

describe('toBoxes', () => {
  it('stacks a column of cells into one box', () => {
    expect(toBoxes([4, 5, 6, 7].map((row) => ({ row, col: 12 })))).toEqual([{ top: 4, left: 12, bottom: 7, right: 12 }]);
  });

  it('merges a rectangle of cells into one box', () => {
    const cells = [];
    for (let row = 2; row <= 3; row++) for (let col = 0; col <= 24; col++) cells.push({ row, col });
    expect(toBoxes(cells)).toEqual([{ top: 2, left: 0, bottom: 3, right: 24 }]);
  });

  it('keeps separate runs apart and covers every cell exactly once', () => {
    const cells = [
      { row: 1, col: 1 },
      { row: 1, col: 3 },
      { row: 2, col: 1 },
      { row: 4, col: 1 },
    ];
    const boxes = toBoxes(cells);
    const covered = boxes.flatMap((b) => {
      const out: string[] = [];
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(`${r},${c}`);
      return out;
    });
    expect(covered.sort()).toEqual(cells.map((c) => `${c.row},${c.col}`).sort());
    expect(boxes).toHaveLength(3);
  });

  it('covers exactly the given cells, each once, for any set of cells', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: 0, max: 30 }), col: fc.integer({ min: 0, max: 12 }) }), { maxLength: 200 }), (cells) => {
        const covered: string[] = [];
        for (const b of toBoxes(cells)) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) covered.push(`${r},${c}`);
        const wanted = [...new Set(cells.map((c) => `${c.row},${c.col}`))];
        expect(covered.sort()).toEqual(wanted.sort());
      }),
    );
  });

  it('does not mutate its input', () => {
    const cells = [{ row: 2, col: 1 }, { row: 1, col: 1 }];
    const copy = JSON.parse(JSON.stringify(cells));
    toBoxes(cells);
    expect(cells).toEqual(copy);
  });
});

describe('styleKey', () => {
  it('is the same for the same style whatever the property order', () => {
    expect(styleKey({ bold: true, fill: '#FFFFFF' })).toBe(styleKey({ fill: '#FFFFFF', bold: true }));
    expect(styleKey({ bold: true })).not.toBe(styleKey({ bold: false }));
  });
});
