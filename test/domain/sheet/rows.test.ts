import { evaluateDot } from '../../../src/domain/dot';
import { msg, sheetMsg } from '../../../src/domain/messages';
import { evaluateRag } from '../../../src/domain/rag';
import { parseTolerances } from '../../../src/domain/tolerance';
import { qualified } from '../../../src/domain/sheet/grid';
import { unitOf } from '../../../src/domain/sheet/rows';
import { byKey, seedTables, tablesOf, withCell } from './helpers';

const early = seedTables('earlyHelp');
const corporate = seedTables('corporateParenting');

describe('indicator rows', () => {
  it('keeps the displayed NO. so 6.10 is not 6.1', () => {
    const refs = corporate.tables[0].indicators.map((r) => r.ref);
    expect(refs).toContain('6.1');
    expect(refs).toContain('6.10');
    expect(refs).toContain('6.20');
  });

  it('lets sub-rows inherit NO., indicator and section from the row above', () => {
    const sub = byKey(early.tables, '2.2 | #2');
    expect(sub).toMatchObject({ ref: '2.2', subRow: true, section: 'INITIAL CONTACTS', unit: 'percent', polarity: 'high' });
    expect(sub.name).toBe(byKey(early.tables, '2.2').name);
  });

  it('keys sub-rows by their sub-label where they have one', () => {
    const keys = early.tables[0].indicators.filter((r) => r.ref === '4.3').map((r) => r.key);
    expect(keys).toEqual(['4.3 | Number of families', '4.3 | Re referral rate']);
  });

  it('keys a corporate sub-row by its own indicator name', () => {
    const rows = corporate.tables[1].indicators.filter((r) => r.ref === '11.5');
    expect(rows.map((r) => r.key)).toEqual(['11.5', `11.5 | ${rows[1].name}`]);
  });

  it('gives every row of a sheet a distinct key', () => {
    for (const { tables } of [early, corporate]) {
      const keys = tables.flatMap((t) => t.indicators.map((r) => r.key));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('carries a section label down its group only', () => {
    expect(byKey(corporate.tables, '6.20').section).toBe('LOOKED AFTER CHILDREN');
    expect(byKey(corporate.tables, '7.1').section).toBe('CARE LEAVERS');
  });

  it('carries the last section of a table on to the next table on the sheet (corporate 9.5)', () => {
    expect(byKey(corporate.tables, '9.5').section).toBe('FOSTERING');
  });

  it('reads a target held as a percentage number even when the adapter gives no text', () => {
    const grid = withCell(early.grid, 13, 15, 0.75, '', '0%');
    expect(byKey(tablesOf(grid), '2.2 | #2').tolerances).toMatchObject({ green: '75%', parsed: expect.objectContaining({ kind: 'bands', percent: true }) });
  });

  it('lets a sub-row with blank GOOD PERF IS inherit the polarity', () => {
    expect(byKey(early.tables, '9.1 | #2').polarity).toBe('low');
  });

  it('reads a placeholder month as missing, never 0', () => {
    const row = byKey(corporate.tables, '6.13');
    expect(row.months[2].value).toEqual({ kind: 'missing', reason: 'placeholder', text: 'TBC Feb 19' });
    expect(row.rag).toBeNull();
  });

  it.each([
    ['%', 'percent'],
    ['Percentage', 'percent'],
    ['Primary % (Termly)', 'percent'],
    ['Number', 'count'],
    ['Count', 'count'],
    ['Cumulative No.', 'count'],
    ['Rate per 10,000', 'rate'],
    ['YTD Average', 'average'],
    ['Average count', 'average'],
    ['', 'unknown'],
  ])('reads the unit %s as %s', (text, unit) => {
    expect(unitOf(text)).toBe(unit);
  });

  it('infers a percentage unit from the figures when the unit cell is blank (9.3)', () => {
    expect(byKey(early.tables, '9.3').unit).toBe('percent');
  });
});

describe('RAG basis', () => {
  it('judges RAG on YTD when the RAG cell carries the YTD marker (corporate 6.9)', () => {
    const row = byKey(corporate.tables, '6.9');
    expect(row.ragBasis).toEqual({ kind: 'ytd', col: 8, marked: true });
    const tol = parseTolerances('<20%', '20%>', '22.7%+', 'high');
    expect(tol.ok && evaluateRag(0.123, tol.value)).toEqual({ ok: true, value: row.rag });
  });

  it('judges a row one month in arrears on its latest reported month (7.2)', () => {
    expect(byKey(early.tables, '7.2').ragBasis).toMatchObject({ kind: 'month', label: 'Nov-20', latest: true });
  });

  it('judges an annual measure with placeholder months on YTD (9.1)', () => {
    expect(byKey(early.tables, '9.1').ragBasis).toMatchObject({ kind: 'ytd', marked: false });
  });

  it('leaves RAG blank for Info rows and rows without a target', () => {
    expect(byKey(early.tables, '1.1').rag).toBeNull();
    expect(byKey(early.tables, '10.1').rag).toBeNull();
    expect(byKey(early.tables, '10.1').problems).toEqual([]);
  });
});

describe('computed RAG and DOT match the engine on every seed row', () => {
  const rows = [...early.tables, ...corporate.tables].flatMap((t) => t.indicators.map((row) => ({ t, row })));

  it.each(rows.map(({ t, row }) => [row.key, t, row] as const))('%s', (_key, table, row) => {
    const c = table.columns;
    const tolerances = parseTolerances(
      row.tolerances.red === '' ? null : row.tolerances.red,
      row.tolerances.amber === '' ? null : row.tolerances.amber,
      row.tolerances.green === '' ? null : row.tolerances.green,
      row.polarity,
    );
    const green = tolerances.ok && tolerances.value.kind === 'bands' ? tolerances.value.bands.find((b) => b.rag === 'green') : undefined;
    if (row.rag !== null && row.ragBasis) {
      const valueCell = row.ragBasis.kind === 'ytd' ? row.ytd! : row.months.find((m) => m.col === row.ragBasis!.col)!;
      expect(valueCell.value.kind).toBe('number');
      const tol = parseTolerances(
        row.tolerances.red === '' ? null : row.tolerances.red,
        row.tolerances.amber === '' ? null : row.tolerances.amber,
        row.tolerances.green === '' ? null : row.tolerances.green,
        row.polarity,
      );
      expect(tol.ok).toBe(true);
      if (tol.ok && valueCell.value.kind === 'number') expect(evaluateRag(valueCell.value.value, tol.value)).toEqual({ ok: true, value: row.rag });
    }
    if (row.dot && row.dot.state !== null) {
      const i = row.ragBasis?.kind === 'month' ? row.months.findIndex((m) => m.col === row.ragBasis!.col) : [...row.months].map((m) => m.value.kind).lastIndexOf('number');
      const expected = evaluateDot({
        current: row.months[i].value,
        previous: row.months[i - 1].value,
        polarity: row.polarity ?? 'info',
        status: row.rag,
        convention: 'performance',
        decimals: null,
        range: row.polarity === 'withinLimits' && green?.lower && green.upper ? { lower: green.lower.value, upper: green.upper.value } : null,
      });
      expect(expected).toEqual({ ok: true, value: row.dot });
    }
    expect(c.polarity).toBeGreaterThanOrEqual(0);
  });

  it('shows an improvement for a Low rate that fell (corporate 6.2: 108.0 to 106.9)', () => {
    expect(byKey(corporate.tables, '6.2').dot).toMatchObject({ state: 'improvement', tone: 'good' });
  });

  it('gives no arrow, with the reason, when the previous month is blank (early help 6.1)', () => {
    expect(byKey(early.tables, '6.1').dot).toEqual({ state: null, reason: msg.dotMissing('previous', '') });
  });
});

describe('problems name the cell and the reason', () => {
  const all = [...early.tables, ...corporate.tables].flatMap((t) => t.problems);

  it('flags 90.2 without % in the 13.5 % row as a unit mismatch at its cell', () => {
    const p = all.find((x) => x.ref === '13.5')!;
    expect(p).toMatchObject({ address: 'H69', code: 'unitMismatch', qualifiedAddress: qualified('Dec-20', 'H69') });
    expect(p.message).toBe(sheetMsg.plainNumberInPercentRow('90.2', '80.3%'));
    expect(byKey(early.tables, '13.5').rag).toBeNull();
  });

  it('flags a count row with a 100% target (11.5) at the Green cell', () => {
    const p = all.find((x) => x.ref === '11.5')!;
    expect(p).toMatchObject({ address: 'O60', code: 'unitMismatch', message: sheetMsg.percentTargetInCountRow('Number', '100%') });
  });

  it('flags an Info row with tolerances (11.2) as a polarity conflict at GOOD PERF IS', () => {
    const p = all.find((x) => x.ref === '11.2')!;
    expect(p).toMatchObject({ address: 'D57', code: 'polarityConflict' });
  });

  it('flags a missing figure where a RAG is needed (6.13: TBC Feb 19)', () => {
    const p = all.find((x) => x.ref === '6.13')!;
    expect(p).toMatchObject({ address: 'H17', code: 'missingValue', message: sheetMsg.noRagFigure('Dec-19', 'TBC Feb 19') });
  });

  it('warns of an unreadable tolerance at its cell and still judges a figure its band cannot hold (6.8: 92.0% is Amber)', () => {
    const grid = withCell(corporate.grid, 11, 12, 'about ninety', 'about ninety');
    const row = byKey(tablesOf(grid), '6.8');
    expect(row.problems).toEqual([expect.objectContaining({ address: 'M12', code: 'badTolerance', ref: '6.8', severity: 'warning', message: msg.badTolerance('red', 'about ninety') })]);
    expect(row.rag).toBe('amber');
  });

  it('flags an unreadable tolerance at its cell when the figure might lie in its band (6.10: 81.9%)', () => {
    const grid = withCell(corporate.grid, 13, 12, 'about ninety', 'about ninety');
    const row = byKey(tablesOf(grid), '6.10');
    expect(row.problems).toEqual([expect.objectContaining({ address: 'M14', code: 'badTolerance', ref: '6.10', message: msg.badTolerance('red', 'about ninety') })]);
    expect(row.problems[0].severity).toBeUndefined();
    expect(row.rag).toBeNull();
  });

  it('flags a polarity that contradicts the tolerances at GOOD PERF IS', () => {
    const grid = withCell(corporate.grid, 11, 3, 'Low', 'Low');
    const row = byKey(tablesOf(grid), '6.8');
    expect(row.problems).toEqual([expect.objectContaining({ address: 'D12', code: 'polarityConflict' })]);
  });

  it('flags an unknown polarity at its cell', () => {
    const grid = withCell(corporate.grid, 11, 3, 'Sideways', 'Sideways');
    const row = byKey(tablesOf(grid), '6.8');
    expect(row.problems).toEqual([expect.objectContaining({ address: 'D12', code: 'badPolarity', message: msg.badPolarity('Sideways') })]);
  });

  it('flags a figure that falls between two bands at its cell (11.4: 20.5 between 20< and 21+)', () => {
    const grid = withCell(corporate.grid, 48, 7, 20.5, '20.5', '0.0');
    const row = byKey(tablesOf(grid), '11.4');
    expect(row.problems).toEqual([
      expect.objectContaining({ address: 'H49', code: 'valueInGap', ref: '11.4' }),
      expect.objectContaining({ address: 'N49', code: 'valueInGap', severity: 'warning' }),
    ]);
    expect(row.rag).toBeNull();
  });

  it('flags a YTD-marked row whose YTD is a placeholder', () => {
    const grid = withCell(corporate.grid, 12, 8, '-', '-');
    const row = byKey(tablesOf(grid), '6.9');
    expect(row.problems).toEqual([expect.objectContaining({ address: 'I13', code: 'missingValue', message: sheetMsg.noYtdFigure('-') })]);
  });

  it('collects every row problem on its table', () => {
    for (const t of [...early.tables, ...corporate.tables]) {
      expect(t.problems).toEqual(t.indicators.flatMap((r) => r.problems));
    }
  });
});
