/**
 * The four functions as analysts type them into cells, evaluated by HyperFormula: each is
 * registered as a plugin whose methods only adapt HyperFormula's values (EmptyValue,
 * SimpleRangeValue, CellError) to what Excel passes, then call `functions` unchanged.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { DOT_GLYPHS } from '../../src/domain/dot';
import { msg } from '../../src/domain/messages';
import { registerPerf, setBlankArrival, unregisterPerf, type Excel } from './perfPlugin';

beforeAll(registerPerf);
afterAll(unregisterPerf);

function sheet(rows: Array<Array<Excel | string>>): HyperFormula {
  return HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
}

function value(hf: HyperFormula, a1: string): unknown {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(a1);
  return hf.getCellValue(address);
}

function cellError(hf: HyperFormula, a1: string): { type: string; message: string } {
  const v = value(hf, a1);
  if (!(v instanceof DetailedCellError)) throw new Error(`expected an error in ${a1}, got ${JSON.stringify(v)}`);
  return { type: v.type, message: v.message };
}

describe('PERF.RAG in cells', () => {
  it.each([
    [0.96, 'G'],
    [0.92, 'A'],
    [0.8999, 'R'],
  ])('evaluates =PERF.RAG(D5,"<90%%","90%%>","95%%+","High") with D5 = %p as %p', (d5, expected) => {
    const rows: Array<Array<Excel | string>> = [[], [], [], [], [null, null, null, d5, '=PERF.RAG(D5,"<90%","90%>","95%+","High")']];
    expect(value(sheet(rows), 'E5')).toBe(expected);
  });

  it('reads tolerances and polarity from cells, as a scorecard row has them', () => {
    const hf = sheet([['High', '84.3%', '88.9%', '85.1%', '<65%', '>65% <75%', '75%', '=PERF.RAG(D1,E1,F1,G1,A1)']]);
    expect(value(hf, 'H1')).toBe('G');
  });

  it('gives "" for a blank value cell and for a text placeholder', () => {
    const hf = sheet([
      [null, '=PERF.RAG(A1,"<90%","90%>","95%+","High")'],
      ['TBC Feb 19', '=PERF.RAG(A2,"<90%","90%>","95%+","High")'],
    ]);
    expect(value(hf, 'B1')).toBe('');
    expect(value(hf, 'B2')).toBe('');
  });

  it('works with the optional polarity omitted', () => {
    expect(value(sheet([['=PERF.RAG(0.96,"<90%","90%>","95%+")']]), 'A1')).toBe('G');
  });

  it('passes an error argument through unchanged', () => {
    const hf = sheet([['=1/0', '=PERF.RAG(A1,"<90%","90%>","95%+","High")']]);
    expect(cellError(hf, 'B1').type).toBe('DIV_BY_ZERO');
  });

  it('shows a value in a gap as #N/A with the message', () => {
    const hf = sheet([['=PERF.RAG(20.5,"21+","20<","18<","Low")']]);
    expect(cellError(hf, 'A1')).toEqual({
      type: 'NA',
      message: msg.valueInGap('20.5', { rag: 'amber', source: '20<' }, { rag: 'red', source: '21+' }),
    });
  });

  it('shows an unreadable tolerance as #VALUE! naming the cell', () => {
    expect(cellError(sheet([['=PERF.RAG(0.5,"lots","90%>","95%+","High")']]), 'A1')).toEqual({
      type: 'VALUE',
      message: msg.badTolerance('red', 'lots'),
    });
  });
});

describe('PERF.DOT in cells', () => {
  it('shows improvement for a Low measure that fell (seed 6.2: 108.0 -> 106.9)', () => {
    expect(value(sheet([[108.0, 106.9, '=PERF.DOT(B1,A1,"Low")']]), 'C1')).toBe(DOT_GLYPHS.improvement);
  });

  it('tells a decline within limits from one not on target by the status cell', () => {
    const hf = sheet([
      [0.889, 0.851, 'G', '=PERF.DOT(B1,A1,"High",C1)'],
      [0.889, 0.851, 'R', '=PERF.DOT(B2,A2,"High",C2)'],
    ]);
    expect(value(hf, 'D1')).toBe(DOT_GLYPHS.declineWithinLimits);
    expect(value(hf, 'D2')).toBe(DOT_GLYPHS.declineNotOnTarget);
  });

  it('gives "" when the current month is a placeholder', () => {
    expect(value(sheet([[26, 'Data to be reported January', '=PERF.DOT(B1,A1,"Info")']]), 'C1')).toBe('');
  });

  it('follows the number in the numeric convention', () => {
    expect(value(sheet([['=PERF.DOT(106.9,108,"Low",,"numeric")']]), 'A1')).toBe(DOT_GLYPHS.decrease);
  });
});

describe('PERF.ROLLING12 in cells', () => {
  const months = [5, 7, 6, 8, 9, 4, 6, 7, 5, 8, 6, 7];

  it('sums a row range =PERF.ROLLING12(A1:N1) with blank future months', () => {
    const hf = sheet([[...months, null, null, '=PERF.ROLLING12(A1:N1)']]);
    expect(value(hf, 'O1')).toBe(78);
  });

  it('sums a column range', () => {
    const hf = sheet([...months.map((m) => [m]), [null], ['=PERF.ROLLING12(A1:A13)']]);
    expect(value(hf, 'A14')).toBe(78);
  });

  it('divides by a denominators range', () => {
    const hf = sheet([months, months.map(() => 10), ['=PERF.ROLLING12(A1:L1,A2:L2)']]);
    expect(value(hf, 'A3')).toBeCloseTo(78 / 120, 12);
  });

  it('reports a placeholder inside the window as #N/A naming the item', () => {
    const row: Array<Excel | string> = [...months];
    row[3] = 'TBC';
    const hf = sheet([[...row, '=PERF.ROLLING12(A1:L1)']]);
    expect(cellError(hf, 'M1')).toEqual({ type: 'NA', message: msg.gapInWindow(4, 'TBC') });
  });

  it('reports too few months as #N/A', () => {
    expect(cellError(sheet([[1, 2, 3, '=PERF.ROLLING12(A1:C1)']]), 'D1')).toEqual({ type: 'NA', message: msg.notEnoughMonths(3) });
  });

  it('passes an error inside the range through', () => {
    const row: Array<Excel | string> = [...months];
    row[5] = '=1/0';
    expect(cellError(sheet([[...row, '=PERF.ROLLING12(A1:L1)']]), 'M1').type).toBe('DIV_BY_ZERO');
  });
});

describe('PERF.RATEPER10K in cells', () => {
  it('gives 106.9 for 609 children of 56,970', () => {
    const hf = sheet([[609, 56970, '=PERF.RATEPER10K(A1,B1)']]);
    expect(value(hf, 'C1')).toBeCloseTo(106.9, 1);
  });

  it('spills a range of rates for a range of counts', () => {
    const hf = sheet([[622, 56970, '=PERF.RATEPER10K(A1:A3,B1)'], [615], [609]]);
    expect(value(hf, 'C1')).toBeCloseTo(109.18, 2);
    expect(value(hf, 'C2')).toBeCloseTo(107.95, 2);
    expect(value(hf, 'C3')).toBeCloseTo(106.9, 1);
  });

  it('gives #DIV/0! for a zero population', () => {
    expect(cellError(sheet([[609, 0, '=PERF.RATEPER10K(A1,B1)']]), 'C1')).toEqual({
      type: 'DIV_BY_ZERO',
      message: msg.zeroPopulation(),
    });
  });

  it('gives "" for a missing count, never 0', () => {
    expect(value(sheet([['TBC', 56970, '=PERF.RATEPER10K(A1,B1)']]), 'C1')).toBe('');
  });
});

/**
 * Desktop Excel passes blank cells inside a range as 0 (OfficeDev/office-js#5262, #1951;
 * #4702 for single cells), Excel on the web as null. PERF.ROLLING12 cannot tell a blank
 * future month from a real 0 when it is given 0, so the README's documented form guards the
 * range: `IF(ISBLANK(range),"",range)` turns blanks into "" on every host, and "" at the end
 * is a future month. These run both ways.
 */
describe.each(['null', 'zero'] as const)('PERF.ROLLING12 with blank cells arriving as %s', (blanks) => {
  beforeAll(() => setBlankArrival(blanks));
  afterAll(() => setBlankArrival('null'));
  // Corporate Parenting 6.3, admissions Jan-19 to Dec-19, then Jan-20 to Mar-20 not yet reported.
  const admissions = [20, 30, 14, 16, 37, 15, 19, 22, 13, 16, 13, 19];

  function arrayAware(rows: Array<Array<Excel | string>>): HyperFormula {
    // Excel evaluates IF over a range element by element (dynamic arrays); HyperFormula does so with array arithmetic.
    return HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  }

  it('sums the latest 12 reported months with the guarded range, whatever a blank arrives as', () => {
    const hf = arrayAware([[...admissions, null, null, null, '=PERF.ROLLING12(IF(ISBLANK(A1:O1),"",A1:O1))']]);
    expect(value(hf, 'P1')).toBe(234);
  });

  it('keeps a real 0 month in the guarded range as 0', () => {
    const hf = arrayAware([[...admissions.slice(1), 0, null, '=PERF.ROLLING12(IF(ISBLANK(A1:M1),"",A1:M1))']]);
    expect(value(hf, 'N1')).toBe(admissions.slice(1).reduce((a, b) => a + b, 0));
  });

  it('on a host that passes blanks as 0, the unguarded range counts future months as zeros (the documented limit)', () => {
    const hf = sheet([[...admissions, null, null, null, '=PERF.ROLLING12(A1:O1)']]);
    // Web: 234. Desktop: the window slides onto the three empty months and loses Jan-19 to Mar-19.
    expect(value(hf, 'P1')).toBe(blanks === 'null' ? 234 : 234 - 20 - 30 - 14);
  });
});
