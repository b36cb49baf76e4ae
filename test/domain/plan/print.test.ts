import { planFormat, type FormatOptions } from '../../../src/domain/plan/planFormat';
import { MIN_PRINT_PT, planPrint, printableWidth, rowHeightFor, wrappedLines } from '../../../src/domain/plan/print';
import type { FormatPlan } from '../../../src/domain/plan/types';
import type { Grid } from '../../../src/domain/sheet/grid';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { CORPORATE_ORDER, PACK_ROWS, packGrid } from '../../fixtures/packGrids';
import { tablesOf, seedTables } from '../sheet/helpers';

const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };

function planOf(tables: ScorecardTable[], grid: Grid, options: Partial<FormatOptions> = {}): FormatPlan {
  const p = planFormat(tables, { ...STATIC, ...options }, grid);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

function printedWidth(p: FormatPlan): number {
  const area = p.print!.printArea;
  let w = 0;
  for (let c = area.left; c <= area.right; c++) w += p.columnWidths.find((x) => x.col === c)?.width ?? 48;
  return w;
}

describe('wrappedLines', () => {
  it.each([
    ['DOT', 44, 11, 1],
    ['DOT (Month on Month)', 52, 11, 3],
    ['Number of Looked After Children', 220, 11, 1],
    // 41 characters: one line of Excel's 220 pt indicator column (Calibri's text is about 0.45 em).
    ['Number of contacts received in Front Door', 220, 11, 1],
    // Capitals are counted wider: `LOOKED` and `AFTER` do not share a line of 84 pt.
    ['LOOKED AFTER CHILDREN', 84, 11, 3],
    ['Early Help Contacts (exc step down/co working/Partner Recording) - 5 days (Families)', 120, 11, 5],
    ['Percentage of LAC who have ceased to be looked after due to permanence (Special Guardianship Order, Residence Order, Adoption)', 220, 11, 4],
    ['', 50, 11, 1],
  ])('%j in %d pt at %d pt takes %d lines', (text, width, font, lines) => {
    expect(wrappedLines(text, width, font)).toBe(lines);
  });
});

describe.each(['earlyHelp', 'corporateParenting'] as const)('the print of the %s seed', (report) => {
  const { grid, tables } = seedTables(report);
  const p = planOf(tables, grid);
  const print = p.print!;

  it('prints A4 landscape with text at least 8 pt at the chosen scale', () => {
    expect(print.paper).toBe('A4');
    expect(print.orientation).toBe('landscape');
    expect((11 * print.scale) / 100).toBeGreaterThanOrEqual(MIN_PRINT_PT);
  });

  it('fits one page wide only when that keeps 8 pt, else goes across pages with NO. and INDICATOR repeated', () => {
    const width = printedWidth(p);
    const fitScale = printableWidth('A4') / width;
    if (fitScale * 11 >= MIN_PRINT_PT) expect(print.pagesWide).toBe(1);
    else {
      expect(print.pagesWide).toBeGreaterThan(1);
      expect(print.repeatColumns).toEqual({ first: tables[0].columns.ref, last: tables[0].columns.subLabel ?? tables[0].columns.indicator });
    }
    // At least the pages the width needs; more when the repeated title columns take room.
    expect(print.pagesWide).toBeGreaterThanOrEqual(Math.ceil((width * print.scale) / 100 / printableWidth('A4')));
  });

  it('breaks the page before each further table and keeps the title row and the key inside the print area', () => {
    expect(print.rowBreaks).toEqual(tables.slice(1).map((t) => t.headerBox.top));
    expect(print.printArea.top).toBe(0);
    expect(print.printArea.bottom).toBeGreaterThanOrEqual(p.extraArea!.bottom);
  });

  it('titles every page with the report and month and numbers the pages', () => {
    expect(print.header.left).toBe(grid.text[0][0]);
    expect(print.header.right).toContain(report === 'earlyHelp' ? 'December 2020' : 'December 2019');
    expect(print.footer.right).toBe('Page &P of &N');
    expect(print.footer.left).toContain('&D');
  });

  it('sets each header row tall enough for its wrapped headers', () => {
    for (const t of tables) {
      const dotRowHeight = Math.max(...[t.headerBox.top, t.headerBox.bottom].map((r) => p.rowHeights!.find((h) => h.row === r)?.height ?? 0));
      expect(dotRowHeight).toBeGreaterThanOrEqual(rowHeightFor(wrappedLines('DOT (Month on Month)', 52, 11), 11) / 2);
      const total = [t.headerBox.top, t.headerBox.bottom].reduce((n, r) => n + (p.rowHeights!.find((h) => h.row === r)?.height ?? 0), 0);
      expect(total).toBeGreaterThanOrEqual(rowHeightFor(4, 11));
    }
  });

  it('gives each shared column the widest its tables need (offset tables keep their DATA NOTE)', () => {
    for (const t of tables) {
      for (const col of [t.columns.dataNote, t.columns.indicator, t.columns.ytd]) {
        if (col === null) continue;
        expect(p.columnWidths.find((w) => w.col === col)!.width).toBeGreaterThanOrEqual(56);
      }
    }
  });

  it('sets the height of a row whose indicator name wraps', () => {
    const long = tables.flatMap((t) => t.indicators).find((r) => r.name.length > 80 && !r.subRow)!;
    expect(p.rowHeights!.find((h) => h.row === long.row)?.height).toBeGreaterThan(rowHeightFor(1, 11));
  });
});

describe('print settings', () => {
  it.each(['Letter', 'A3'] as const)('prints on %s when asked', (paper) => {
    const { grid, tables } = seedTables('corporateParenting');
    const p = planOf(tables, grid, { paper });
    expect(p.print!.paper).toBe(paper);
    expect(p.print!.scale).toBeLessThanOrEqual(100);
  });

  it('fits a narrow table on one page wide, repeating no columns', () => {
    const cols = CORPORATE_ORDER.filter(([, , f]) => !['y1718', 'oct', 'nov', 'note', 'dot', 'rag'].includes(f));
    const grid = packGrid(cols, [PACK_ROWS['6.8']]);
    const p = planOf(tablesOf(grid), grid);
    expect(p.print).toMatchObject({ pagesWide: 1, repeatColumns: null });
    expect((11 * p.print!.scale) / 100).toBeGreaterThanOrEqual(MIN_PRINT_PT);
    expect((printedWidth(p) * p.print!.scale) / 100).toBeLessThanOrEqual(printableWidth('A4'));
  });

  it('doubles a literal & in the header (& is the header code character)', () => {
    const grid = packGrid(CORPORATE_ORDER, [PACK_ROWS['6.8']]);
    grid.values[0][0] = 'Children & Young People';
    grid.text[0][0] = 'Children & Young People';
    expect(planOf(tablesOf(grid), grid).print!.header.left).toBe('Children && Young People');
  });
});

describe('pages across', () => {
  it('counts whole columns per page and the title columns repeated on each later page', () => {
    const { grid, tables } = seedTables('earlyHelp');
    // 25 columns of 100 pt: 8 pt text needs scale 73, so a column prints 73 pt of A4's 769.9.
    // Page 1: columns A-J (730 pt). Later pages start with NO., INDICATOR and the sub-label
    // (B-D, 219 pt), leaving room for 7 more: K-Q, R-X, then Y alone. 4 pages, where the width
    // alone (25 x 73 = 1,825 pt) would say 3.
    const print = planPrint(tables, grid, { top: 2, left: 0, bottom: 70, right: 24 }, null, () => 100, { paper: 'A4', fontPt: 11 });
    expect(print.scale).toBe(73);
    expect(print.repeatColumns).toEqual({ first: 1, last: 3 });
    expect(print.pagesWide).toBe(4);
  });
});
