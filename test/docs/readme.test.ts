/**
 * The README's function reference is what analysts copy into cells: every example row of
 * its tables (`| from the seeds | formula | result |`) is typed into HyperFormula with the
 * PERF functions registered, and must give the result the README promises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { registerPerf, unregisterPerf } from '../functions/perfPlugin';

beforeAll(registerPerf);
afterAll(unregisterPerf);

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const REFERENCE = README.slice(README.indexOf('## The functions'), README.indexOf('## The task pane'));

interface Example {
  label: string;
  formula: string;
  expected: string;
}

/** Table rows whose second cell is a backticked `=PERF.` formula. */
function examples(): Example[] {
  const rows: Example[] = [];
  for (const line of REFERENCE.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    // A row is `| label | formula | result |`: split gives ['', label, formula, result, ''].
    if (cells.length !== 5) continue;
    const formula = /^`(=PERF\..+)`$/.exec(cells[2]);
    if (formula) rows.push({ label: cells[1], formula: formula[1], expected: cells[3] });
  }
  return rows;
}

function evaluate(formula: string): unknown {
  const hf = HyperFormula.buildFromArray([[formula]], { licenseKey: 'gpl-v3' });
  return hf.getCellValue({ sheet: 0, row: 0, col: 0 });
}

describe('README function reference', () => {
  const all = examples();

  it('has examples for RAG and DOT to check', () => {
    expect(all.filter((e) => e.formula.startsWith('=PERF.RAG')).length).toBeGreaterThanOrEqual(8);
    expect(all.filter((e) => e.formula.startsWith('=PERF.DOT')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(all.map((e) => [e.label, e.formula, e.expected]))('%s: %s gives %s', (_label, formula, expected) => {
    const got = evaluate(formula);
    if (expected === 'blank') {
      expect(got).toBe('');
      return;
    }
    const error = /^`(#[A-Z/0!?]+)` "(.+?)…"$/.exec(expected);
    if (error) {
      expect(got).toBeInstanceOf(DetailedCellError);
      const e = got as DetailedCellError;
      expect(e.value).toBe(error[1]);
      expect(e.message.startsWith(error[2])).toBe(true);
      return;
    }
    const plain = /^`(.+)`$/.exec(expected);
    if (!plain) throw new Error(`README result cell not understood: ${expected}`);
    expect(got).toBe(plain[1]);
  });

  it.each([
    ['=PERF.ROLLING12({20,30,14,16,37,15,19,22,13,16,13,19})', 234],
    ['=PERF.RATEPER10K(609,56970)', 106.9],
  ])('the worked example %s gives %p', (formula, expected) => {
    expect(evaluate(formula) as number).toBeCloseTo(expected, 1);
  });
});
