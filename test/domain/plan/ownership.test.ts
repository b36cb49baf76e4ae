import fc from 'fast-check';
import { sheetMsg } from '../../../src/domain/messages';
import { keyCellFree, isOwnNote, isOwnRule, markLookup, ownershipOf, ownsCell, ownsMark, planNoteChanges, ruleMark, type ReadRule } from '../../../src/domain/plan/ownership';
import { planFormat } from '../../../src/domain/plan/planFormat';
import { seedTables } from '../sheet/helpers';

describe('plan ownership (one answer for both adapters)', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const planned = planFormat(tables, { mode: 'formulas', convention: 'performance', palette: 'standard' }, grid);
  if (!planned.ok) throw new Error(planned.error.message);
  const plan = planned.value;
  const t = tables[0];
  const row = t.indicators[0];
  const rag = t.columns.rag!;
  const dot = t.columns.dot!;

  it('owns the DOT and RAG cells of every indicator row, and nothing else in the table', () => {
    for (const tb of tables) {
      for (const r of tb.indicators) {
        expect(ownsMark(plan.owns, r.row, tb.columns.rag!)).toBe(true);
        expect(ownsMark(plan.owns, r.row, tb.columns.dot!)).toBe(true);
        expect(ownsMark(plan.owns, r.row, tb.reportingMonth.col)).toBe(false);
      }
      // The header rows are the table's, not the add-in's to write.
      expect(ownsMark(plan.owns, tb.headerBox.top, tb.columns.rag!)).toBe(false);
    }
  });

  it('owns the key area it places, and every cell the plan writes', () => {
    expect(plan.owns.key).toEqual(plan.extraArea);
    for (const w of plan.writes) expect(ownsCell(plan.owns, w.row, w.col)).toBe(true);
  });

  it('merges consecutive indicator rows into one box per run', () => {
    const owns = ownershipOf([t], null);
    const ragBoxes = owns.marks.filter((b) => b.left === rag);
    expect(ragBoxes.length).toBeLessThan(t.indicators.length);
    expect(ragBoxes.reduce((n, b) => n + b.bottom - b.top + 1, 0)).toBe(t.indicators.length);
  });

  it.each<[string, string | null | undefined, boolean]>([
    ['the add-in’s no-arrow note', sheetMsg.noArrowNote('Dec-20', 'TBC'), true],
    ['the prefix alone', sheetMsg.noArrowNotePrefix, true],
    ['a user’s note', 'Checked with the service: figure is provisional', false],
    ['a user’s note mentioning arrows', 'no arrow: lower-case, typed by a person', false],
    ['no note', null, false],
    ['undefined', undefined, false],
  ])('a note: %s is ours = %p', (_name, text, expected) => {
    expect(isOwnNote(plan.owns, text)).toBe(expected);
  });

  it.each<[string, ReadRule, string | null]>([
    ['a text rule', { shape: 'contains', text: 'G' }, 'G'],
    ['Excel’s cell-value formula', { shape: 'equals', formula: '="↑"' }, '↑'],
    ['a file’s cell-value formula (no =)', { shape: 'equals', formula: '"R"' }, 'R'],
    ['blank', { shape: 'equals', formula: '=""' }, ''],
    ['a doubled quote', { shape: 'equals', formula: '="a""b"' }, 'a"b'],
    ['a cell reference', { shape: 'equals', formula: '=$A$1' }, null],
    ['the file adapter’s FIND expression', { shape: 'expression', formula: 'ISNUMBER(FIND("A",L5))' }, 'A'],
    ['another expression', { shape: 'expression', formula: '=L5>0.9' }, null],
    ['another shape', { shape: 'other' }, null],
  ])('the mark of %s', (_name, rule, expected) => {
    expect(ruleMark(rule)).toBe(expected);
  });

  it.each<[string, ReadRule, number, boolean]>([
    ['a RAG letter rule on RAG cells', { shape: 'contains', text: 'R' }, 0, true],
    ['an arrow rule on RAG cells', { shape: 'equals', formula: '="↓"' }, 0, true],
    ['a user’s text on RAG cells', { shape: 'contains', text: 'Late' }, 0, false],
    ['a RAG letter reaching one row above the indicators (the header)', { shape: 'contains', text: 'R' }, -1, false],
  ])('a rule: %s is ours = %p', (_name, rule, extendUp, expected) => {
    const box = { top: row.row + extendUp, left: rag, bottom: row.row, right: rag };
    expect(isOwnRule(plan.owns, rule, [box])).toBe(expected);
  });

  it('a rule over DOT and RAG cells of one row is ours; over the month figure beside them it is not', () => {
    const left = Math.min(dot, rag);
    const right = Math.max(dot, rag);
    const owned = right - left === 1;
    expect(isOwnRule(plan.owns, { shape: 'contains', text: 'G' }, [{ top: row.row, left, bottom: row.row, right }])).toBe(owned);
    const month = t.reportingMonth.col;
    expect(isOwnRule(plan.owns, { shape: 'contains', text: 'G' }, [{ top: row.row, left: month, bottom: row.row, right: month }])).toBe(false);
  });

  it('a rule with no box is never ours', () => {
    expect(isOwnRule(plan.owns, { shape: 'contains', text: 'G' }, [])).toBe(false);
  });

  describe('the key area', () => {
    const key = plan.extraArea!;
    const title = plan.writes.find((w) => w.row === key.top && w.col === key.left)!;
    const titleText = title.kind === 'value' ? title.value : title.formula;

    it.each<[string, { value: string | number | null; formula?: string | null }, boolean]>([
      ['an empty cell', { value: null }, true],
      ['an empty string', { value: '' }, true],
      ['what the plan writes there (the add-in’s own key)', { value: titleText }, true],
      ['another key line the add-in writes (an earlier convention)', { value: sheetMsg.keyNoArrowMark }, true],
      ['a user’s figure', { value: 42 }, false],
      ['a user’s formula', { value: 3, formula: '=1+2' }, false],
    ])('its title cell holding %s is free = %p', (_name, current, expected) => {
      expect(keyCellFree(plan, key.top, key.left, current)).toBe(expected);
    });

    it('a cell the plan does not write is free only when empty, even holding key text', () => {
      expect(keyCellFree(plan, key.bottom + 5, key.left, { value: null })).toBe(true);
      expect(keyCellFree(plan, key.bottom + 5, key.left, { value: titleText })).toBe(false);
    });
  });
});

describe('markLookup (ownsMark for a whole plan of lookups)', () => {
  const box = fc.record({ top: fc.integer({ min: 0, max: 40 }), left: fc.integer({ min: 0, max: 6 }), h: fc.integer({ min: 0, max: 8 }), w: fc.integer({ min: 0, max: 2 }) })
    .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

  it('answers as ownsMark for any boxes, overlapping or not, and any cell', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 9 })), { maxLength: 60 }), (marks, cells) => {
        const owns = { marks, key: null, notePrefix: sheetMsg.noArrowNotePrefix, ruleMarks: [] };
        const isMark = markLookup(owns);
        for (const [row, col] of cells) expect(isMark(row, col)).toBe(ownsMark(owns, row, col));
      }),
    );
  });

  it('finds a cell inside an early box that a later, shorter box in the same column does not reach', () => {
    const owns = { marks: [{ top: 0, left: 3, bottom: 50, right: 3 }, { top: 10, left: 3, bottom: 11, right: 3 }], key: null, notePrefix: '', ruleMarks: [] };
    expect(markLookup(owns)(30, 3)).toBe(true);
    expect(markLookup(owns)(51, 3)).toBe(false);
  });
});

describe('planNoteChanges (the note changes of a format plan, for both adapters)', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const planned = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
  if (!planned.ok) throw new Error(planned.error.message);
  const plan = planned.value;
  const own = (rest: string) => `${plan.owns.notePrefix}${rest}`;
  const [first, second] = plan.notes ?? [];
  const outside = { row: plan.area.bottom + 40, col: plan.area.right + 40 };

  it('needs the seed plan to carry at least two notes', () => {
    expect(first && second).toBeTruthy();
  });

  it('adds where no note is, replaces only its own note, keeps the user’s, and removes its stale ones inside its areas only', () => {
    const stale = { row: plan.area.top, col: plan.area.left };
    const { changes, keptUsers } = planNoteChanges(plan, [
      { row: first!.row, col: first!.col, text: 'My own remark' },
      { row: second!.row, col: second!.col, text: own('an older reason') },
      { ...stale, text: own('gone') },
      { ...outside, text: own('not in the plan’s area') },
      { row: stale.row, col: stale.col + 1, text: 'A user note in the table' },
    ]);
    expect(keptUsers).toBe(1);
    expect(changes).toContainEqual({ kind: 'replace', row: second!.row, col: second!.col, text: second!.text });
    expect(changes).toContainEqual({ kind: 'delete', ...stale });
    expect(changes.some((c) => c.row === first!.row && c.col === first!.col)).toBe(false);
    expect(changes.some((c) => c.row === outside.row && c.col === outside.col)).toBe(false);
    expect(changes.some((c) => c.row === stale.row && c.col === stale.col + 1)).toBe(false);
    const added = changes.filter((c) => c.kind === 'add');
    expect(added).toHaveLength((plan.notes ?? []).length - 2);
  });

  it('changes nothing when the sheet already has exactly the plan’s notes', () => {
    expect(planNoteChanges(plan, (plan.notes ?? []).map((n) => ({ row: n.row, col: n.col, text: n.text })))).toEqual({ changes: [], keptUsers: 0 });
  });

  it('removes its stale note from the key area too', () => {
    if (!plan.extraArea) throw new Error('the seed plan places a key');
    const inKey = { row: plan.extraArea.top, col: plan.extraArea.left };
    expect(planNoteChanges(plan, [{ ...inKey, text: own('old') }]).changes).toContainEqual({ kind: 'delete', ...inKey });
  });
});
