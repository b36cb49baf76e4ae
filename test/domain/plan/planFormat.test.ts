import { DOT_GLYPHS } from '../../../src/domain/dot';
import { sheetMsg } from '../../../src/domain/messages';
import { ragColours, PALETTES, RAG_LETTER } from '../../../src/domain/plan/palette';
import { planFormat, UNIT_FORMATS, type FormatOptions } from '../../../src/domain/plan/planFormat';
import { NO_ARROW_MARK } from '../../../src/domain/plan/key';
import { summarizePlan } from '../../../src/domain/plan/summary';
import type { FormatPlan } from '../../../src/domain/plan/types';
import { validatePlan } from '../../../src/domain/plan/validate';
import type { Grid } from '../../../src/domain/sheet/grid';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { syntheticGrid } from '../../fixtures/seedGrids';
import { byKey, seedTables, tablesOf, withCell } from '../sheet/helpers';
import { formatDecimals, shownDecimals, withDecimals } from '../../../src/domain/plan/decimals';
import { entered } from '../../fixtures/writes';

const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };
const FORMULAS: FormatOptions = { ...STATIC, mode: 'formulas' };

function plan(tables: ScorecardTable[], options: FormatOptions, grid?: Grid): FormatPlan {
  const p = planFormat(tables, options, grid);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

const reports = ['earlyHelp', 'corporateParenting'] as const;

describe.each(reports)('format plan for the %s seed', (report) => {
  const { grid, tables } = seedTables(report);
  const p = plan(tables, STATIC, grid);

  it('writes only to DOT and RAG cells of indicator rows, or inside the key area', () => {
    const owned = new Set(tables.flatMap((t) => t.indicators.flatMap((r) => [`${r.row},${t.columns.dot}`, `${r.row},${t.columns.rag}`])));
    for (const w of p.writes) {
      const inKey = p.extraArea !== null && w.row >= p.extraArea.top && w.row <= p.extraArea.bottom && w.col >= p.extraArea.left && w.col <= p.extraArea.right;
      expect(owned.has(`${w.row},${w.col}`) || inKey).toBe(true);
    }
  });

  it('writes one DOT and one RAG cell per indicator row', () => {
    const s = summarizePlan(p, tables);
    const rows = tables.reduce((n, t) => n + t.indicators.length, 0);
    expect(s.dotCells).toBe(rows);
    expect(s.ragCells).toBe(rows);
    expect(s.rows).toBe(rows);
  });

  it('writes the RAG letter of each row (blank where there is none)', () => {
    for (const t of tables) {
      for (const r of t.indicators) {
        const w = p.writes.find((x) => x.row === r.row && x.col === t.columns.rag)!;
        const letter = r.rag ? RAG_LETTER[r.rag] : '';
        const marked = r.ragBasis?.kind === 'ytd' && r.ragBasis.marked;
        expect(entered(w)).toBe(marked ? `YTD ${letter}`.trim() : letter);
      }
    }
  });

  it('fills each RAG cell with its colour and a readable letter colour', () => {
    for (const t of tables) {
      for (const r of t.indicators.filter((x) => x.rag)) {
        const group = p.styles.find((g) => g.boxes.some((b) => b.left === t.columns.rag && r.row >= b.top && r.row <= b.bottom && b.right === t.columns.rag))!;
        const { fill, font } = ragColours(PALETTES.standard, r.rag!);
        expect(group.style).toMatchObject({ fill, fontColor: font });
      }
    }
  });

  it('keeps every format inside the table or the key', () => {
    expect(validatePlan(p).ok).toBe(true);
    for (const g of p.styles) {
      for (const b of g.boxes) {
        const inArea = b.top >= p.area.top && b.bottom <= p.area.bottom && b.left >= p.area.left && b.right <= p.area.right;
        const inKey = p.extraArea !== null && b.top >= p.extraArea.top && b.bottom <= p.extraArea.bottom && b.left >= p.extraArea.left && b.right <= p.extraArea.right;
        expect(inArea || inKey).toBe(true);
      }
    }
  });

  it('places the key on empty cells below the tables', () => {
    expect(p.extraArea).not.toBeNull();
    expect(p.extraArea!.top).toBeGreaterThan(p.area.bottom);
    for (let r = p.extraArea!.top; r <= p.extraArea!.bottom; r++) {
      for (let c = p.extraArea!.left; c <= p.extraArea!.right; c++) expect(grid.text[r]?.[c] ?? '').toBe('');
    }
  });

  it('freezes below the header and right of the indicator columns, and prints landscape on A4', () => {
    const first = tables[0];
    expect(p.freeze).toEqual({ rows: first.headerBox.bottom + 1, columns: (first.columns.subLabel ?? first.columns.indicator!) + 1 });
    expect(p.print).toMatchObject({ orientation: 'landscape', paper: 'A4', rowBreaks: tables.slice(1).map((t) => t.headerBox.top) });
  });
});

describe('format plan details', () => {
  const { grid, tables } = seedTables('corporateParenting');

  it('writes the arrow of the row and colours it by tone', () => {
    const p = plan(tables, STATIC, grid);
    const row = byKey(tables, '6.2');
    const w = p.writes.find((x) => x.row === row.row && x.col === tables[0].columns.dot)!;
    expect(entered(w)).toBe(DOT_GLYPHS.improvement);
    const g = p.styles.find((s) => s.boxes.some((b) => b.left === tables[0].columns.dot && b.top <= row.row && b.bottom >= row.row))!;
    expect(g.style.fontColor).toBe(PALETTES.standard.dot.good);
  });

  it('writes PERF formulas referencing the row’s own cells in formulas mode', () => {
    const p = plan(tables, FORMULAS, grid);
    const row = byKey(tables, '6.8'); // row 12 on the sheet
    const rag = p.writes.find((x) => x.row === row.row && x.col === 11)!;
    const dot = p.writes.find((x) => x.row === row.row && x.col === 10)!;
    expect(entered(rag)).toBe('=PERF.RAG(IF(ISBLANK(H12),"",H12),IF(ISBLANK(M12),"",M12),IF(ISBLANK(N12),"",N12),IF(ISBLANK(O12),"",O12),IF(ISBLANK(D12),"",D12))');
    expect(entered(dot)).toBe('=PERF.DOT(IF(ISBLANK(H12),"",H12),IF(ISBLANK(G12),"",G12),IF(ISBLANK(D12),"",D12),IF(ISBLANK(L12),"",L12))');
  });

  it('keeps the YTD marker in front of the live RAG of 6.9', () => {
    const p = plan(tables, FORMULAS, grid);
    const row = byKey(tables, '6.9');
    expect(entered(p.writes.find((x) => x.row === row.row && x.col === 11))).toBe('=TRIM("YTD "&PERF.RAG(IF(ISBLANK(I13),"",I13),IF(ISBLANK(M13),"",M13),IF(ISBLANK(N13),"",N13),IF(ISBLANK(O13),"",O13),IF(ISBLANK(D13),"",D13)))');
  });

  it('passes the numeric convention to PERF.DOT', () => {
    const p = plan(tables, { ...FORMULAS, convention: 'numeric' }, grid);
    const row = byKey(tables, '6.8');
    expect(entered(p.writes.find((x) => x.row === row.row && x.col === 10))).toBe('=PERF.DOT(IF(ISBLANK(H12),"",H12),IF(ISBLANK(G12),"",G12),IF(ISBLANK(D12),"",D12),IF(ISBLANK(L12),"",L12),"numeric")');
  });

  it('formats figures by unit and leaves a cell with a problem alone', () => {
    const eh = seedTables('earlyHelp');
    const p = plan(eh.tables, STATIC, eh.grid);
    const formatAt = (row: number, col: number): string | undefined =>
      p.styles.find((g) => g.style.numberFormat && g.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right))?.style.numberFormat;
    const pct = byKey(eh.tables, '2.2 | #2');
    const count = byKey(eh.tables, '2.2');
    expect(formatAt(pct.row, 8)).toBe('0.0%');
    expect(formatAt(count.row, 8)).toBe('#,##0');
    expect(formatAt(byKey(eh.tables, '13.5').row, 7)).toBeUndefined(); // 90.2 would show 9020.0%
  });

  it('leaves the key out when its places are not empty', () => {
    let busy = grid;
    for (let r = 39; r < 70; r++) busy = withCell(busy, r, 0, 'note', 'note');
    for (let r = 0; r < 20; r++) busy = withCell(busy, r, 25, 'note', 'note');
    const p = plan(tables, STATIC, busy);
    expect(p.extraArea).toBeNull();
    expect(p.writes.every((w) => w.col === 10 || w.col === 11)).toBe(true);
  });

  it('puts the key to the right when below is taken', () => {
    let busy = grid;
    for (let r = 52; r < 70; r++) busy = withCell(busy, r, 0, 'note', 'note');
    const p = plan(tables, STATIC, busy);
    expect(p.extraArea).toMatchObject({ left: 25, top: 2 });
  });

  it('rejects a plan that writes outside the DOT, RAG and key cells', () => {
    const p = plan(tables, STATIC, grid);
    const bad = { ...p, writes: [...p.writes, { kind: 'value' as const, row: 4, col: 5, value: 1 }] };
    expect(validatePlan(bad)).toEqual({ ok: false, error: { code: 'planInvalid', message: sheetMsg.writeOutsideOwned("'Dec-19'!F5") } });
  });

  it('rejects a plan that formats outside the table', () => {
    const p = plan(tables, STATIC, grid);
    const bad = { ...p, styles: [...p.styles, { key: 'x', style: { bold: true }, boxes: [{ top: 0, left: 0, bottom: 0, right: 0 }] }] };
    expect(validatePlan(bad).ok).toBe(false);
  });

  it('returns an error for no tables', () => {
    expect(planFormat([], STATIC)).toEqual({ ok: false, error: { code: 'noTable', message: sheetMsg.noTables() } });
  });

  it('does not mutate the tables', () => {
    const before = JSON.stringify(tables);
    plan(tables, FORMULAS, grid);
    expect(JSON.stringify(tables)).toBe(before);
  });

  it('counts RAG statuses for the pane', () => {
    const s = summarizePlan(plan(tables, STATIC, grid), tables);
    const rows = tables.flatMap((t) => t.indicators);
    expect(s.ragCounts.red).toBe(rows.filter((r) => r.rag === 'red').length);
    expect(s.ragCounts.red + s.ragCounts.amber + s.ragCounts.green + s.ragCounts.blank).toBe(rows.length);
    expect(s.problems).toEqual(tables.flatMap((t) => t.problems));
    expect(s.formattedCells).toBeGreaterThan(0);
  });
});

describe('live colours in formulas mode', () => {
  const { grid, tables } = seedTables('corporateParenting');
  const covers = (boxes: Array<{ top: number; left: number; bottom: number; right: number }>, row: number, col: number): boolean =>
    boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);

  it('adds no rules in static mode', () => {
    expect(plan(tables, STATIC, grid).conditional).toBeUndefined();
  });

  it('colours every RAG cell by the letter its formula shows, blank included', () => {
    const [rag] = plan(tables, FORMULAS, grid).conditional!;
    for (const t of tables) for (const r of t.indicators) expect(covers(rag.boxes, r.row, t.columns.rag!)).toBe(true);
    expect(rag.rules.map((x) => x.text)).toEqual(['', 'R', 'A', 'G']);
    expect(rag.rules[1].style.fill).toBe(PALETTES.standard.rag.red);
  });

  it('colours a Low row’s rising arrow as bad under the numeric convention', () => {
    const p = plan(tables, { ...FORMULAS, convention: 'numeric' }, grid);
    const low = byKey(tables, '6.2');
    const group = p.conditional!.find((g) => covers(g.boxes, low.row, tables[0].columns.dot!))!;
    expect(group.rules.find((r) => r.text === DOT_GLYPHS.increase)!.style.fontColor).toBe(PALETTES.standard.dot.bad);
  });

  it('leaves Info rows out of the DOT rules (their arrows stay neutral)', () => {
    const p = plan(tables, FORMULAS, grid);
    const info = byKey(tables, '6.1');
    expect(p.conditional!.slice(1).some((g) => covers(g.boxes, info.row, tables[0].columns.dot!))).toBe(false);
  });
});

describe('style grouping', () => {
  it('keeps the number of style groups constant from 50 to 5,000 rows', () => {
    const small = syntheticGrid(50);
    const big = syntheticGrid(5000);
    const ps = plan(tablesOf(small), STATIC, small);
    const pb = plan(tablesOf(big), STATIC, big);
    expect(pb.styles.length).toBe(ps.styles.length);
    expect(pb.writes.length).toBeGreaterThan(ps.writes.length * 50);
  });

  it('never gives two groups the same style', () => {
    const g = syntheticGrid(200);
    const keys = plan(tablesOf(g), FORMULAS, g).styles.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('number formats of month cells', () => {
  it('keeps the two decimals Early Help shows on 13.5 (85.80% for Nov-20 under 0.00%)', () => {
    const { grid, tables } = seedTables('earlyHelp');
    const p = plan(tables, STATIC, grid);
    const row = byKey(tables, '13.5');
    const col = row.months.find((m) => m.address === 'G69')!.col;
    expect(p.styles.find((g) => g.style.numberFormat && g.boxes.some((b) => row.row >= b.top && row.row <= b.bottom && col >= b.left && col <= b.right))?.style.numberFormat).toBe('0.00%');
  });

  it.each(['earlyHelp', 'corporateParenting'] as const)('gives every month and YTD cell of a row its unit format, blanks included, unless the cell has a problem (%s)', (report) => {
    const { grid, tables } = seedTables(report);
    const p = plan(tables, STATIC, grid);
    const formatAt = (row: number, col: number): string | undefined =>
      p.styles.find((g) => g.style.numberFormat && g.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right))?.style.numberFormat;
    const problems = new Set(tables.flatMap((t) => t.problems.map((x) => x.address)));
    for (const t of tables) {
      for (const r of t.indicators) {
        const format = UNIT_FORMATS[r.unit];
        if (!format) continue;
        for (const cell of [...r.months, ...(r.ytd ? [r.ytd] : [])]) {
          if (problems.has(cell.address)) continue;
          // A figure shown with more decimals than the unit's format keeps them (plan/decimals.ts): 85.80% stays 0.00%.
          const shown = typeof grid.values[r.row - grid.top]?.[cell.col - grid.left] === 'number' ? shownDecimals(grid.text[r.row - grid.top]?.[cell.col - grid.left] ?? '') : 0;
          const wanted = shown > formatDecimals(format) ? withDecimals(format, shown) : format;
          expect([cell.address, formatAt(r.row, cell.col)]).toEqual([cell.address, wanted]);
        }
      }
    }
  });

  it('formats a blank month cell of a % row as a percentage, so 0.508 typed there shows 50.8%', () => {
    const { grid, tables } = seedTables('corporateParenting');
    const row = byKey(tables, '6.8');
    const col = tables[0].reportingMonth.col;
    const blanked = withCell(grid, row.row, col, null, '');
    const p = plan(tablesOf(blanked), STATIC, blanked);
    const group = p.styles.find((g) => g.style.numberFormat && g.boxes.some((b) => row.row >= b.top && row.row <= b.bottom && col >= b.left && col <= b.right));
    expect(group?.style.numberFormat).toBe('0.0%');
  });
});

describe('DOT cells with no arrow say why (the reason is visible)', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const p = plan(tables, STATIC, grid);
  const rows = tables.flatMap((t) => t.indicators.map((r) => ({ t, r })));
  const noArrow = rows.filter(({ r }) => r.dot !== null && r.dot.state === null);

  it('writes an en dash and a note in each DOT cell without an arrow', () => {
    expect(noArrow.length).toBeGreaterThan(0);
    for (const { t, r } of noArrow) {
      expect(entered(p.writes.find((w) => w.row === r.row && w.col === t.columns.dot))).toBe(NO_ARROW_MARK);
      const note = (p.notes ?? []).find((n) => n.row === r.row && n.col === t.columns.dot);
      expect(note?.text.startsWith(sheetMsg.noArrowNotePrefix)).toBe(true);
    }
  });

  it('names the month and what it holds when a figure is a placeholder (`Data to be reported January`)', () => {
    const placeholder = noArrow.find(({ r }) => r.months.some((m) => m.value.kind === 'missing' && m.text.trim() !== ''));
    expect(placeholder).toBeDefined();
    const { t, r } = placeholder!;
    const months = r.months.filter((m) => m.value.kind === 'missing' && m.text.trim() !== '');
    const note = (p.notes ?? []).find((n) => n.row === r.row && n.col === t.columns.dot)!;
    expect(months.map((m) => sheetMsg.noArrowNote(m.label, m.text))).toContain(note.text);
  });

  it('puts no note on a cell with an arrow', () => {
    const noted = new Set((p.notes ?? []).map((n) => `${n.row},${n.col}`));
    for (const { t, r } of rows.filter(({ r }) => r.dot?.state)) expect(noted.has(`${r.row},${t.columns.dot}`)).toBe(false);
  });

  it('explains the dash in the key', () => {
    const key = p.extraArea!;
    const dash = p.writes.find((w) => w.col === key.left && entered(w) === NO_ARROW_MARK && w.row >= key.top && w.row <= key.bottom);
    expect(dash).toBeDefined();
    expect(entered(p.writes.find((w) => w.row === dash!.row && w.col === key.left + 1))).toBe(sheetMsg.keyNoArrowMark);
  });

  it('leaves live DOT formulas without a note (a note would go stale when the figure arrives)', () => {
    const live = plan(tables, FORMULAS, grid);
    for (const n of live.notes ?? []) {
      const w = live.writes.find((x) => x.row === n.row && x.col === n.col);
      expect(String(entered(w)).startsWith('=')).toBe(false);
    }
  });
});

describe('print layout of the label columns', () => {
  it.each(reports)('widens and wraps the indicator column and aligns NO. as text on the %s seed', (report) => {
    const { grid, tables } = seedTables(report);
    const p = plan(tables, STATIC, grid);
    for (const t of tables) {
      const width = p.columnWidths.find((w) => w.col === t.columns.indicator)?.width ?? 0;
      expect(width).toBeGreaterThanOrEqual(200);
      expect(p.styles.some((g) => g.style.wrapText === true && g.boxes.some((b) => b.left === t.columns.indicator && b.top === t.bodyBox.top))).toBe(true);
      const refGroups = p.styles.filter((g) => g.style.horizontalAlignment === 'left' && g.boxes.some((b) => b.left === t.columns.ref && b.right === t.columns.ref));
      expect(refGroups.length).toBe(1);
      const covered = refGroups[0].boxes.some((b) => b.left === t.columns.ref && b.top === t.bodyBox.top && b.bottom === t.bodyBox.bottom);
      expect(covered).toBe(true);
    }
  });
});
