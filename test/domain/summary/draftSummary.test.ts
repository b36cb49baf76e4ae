import { dotMonths } from '../../../src/domain/sheet/dotMonths';
import type { IndicatorRow } from '../../../src/domain/sheet/scorecard';
import { draftSummary, freeSummaryName, INFO_LARGE_CHANGE, summaryLines, summaryMarkdown, summaryText, type SummaryBullet } from '../../../src/domain/summary';
import { summaryMsg } from '../../../src/domain/messages';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { CORPORATE_ORDER, PACK_ROWS, packGrid } from '../../fixtures/packGrids';
import { byKey, seedTables } from '../sheet/helpers';

const reports = ['earlyHelp', 'corporateParenting'] as const;

function bullets(report: (typeof reports)[number]): Array<{ b: SummaryBullet; place: 'working' | 'focus'; row: IndicatorRow; section: string }> {
  const { tables } = seedTables(report);
  const draft = draftSummary(tables);
  return draft.sections.flatMap((s) =>
    (['working', 'focus'] as const).flatMap((place) => s[place].map((b) => ({ b, place, row: byKey(tables, b.key), section: s.name }))),
  );
}

describe('draftSummary on the seed tables', () => {
  it('writes the sentence of 6.8 from its figures as shown: month, target, the month before, last year', () => {
    const found = bullets('corporateParenting').find(({ b }) => b.key === '6.8');
    // Corporate Parenting 6.8: Dec-19 92.0%, Nov-19 93.3%, Green 95%+, 2018/19 outturn 88.6%; Amber and declining.
    expect(found?.place).toBe('focus');
    expect(found?.b.text).toBe('LAC cases reviewed within timescales was 92.0% in December, below the 95% target (November 93.3%; 2018/19 outturn 88.6%).');
  });

  it('puts a Low measure above its target in focus with the right word (8.2: 11.1% against 10.8%)', () => {
    const found = bullets('corporateParenting').find(({ b }) => b.key === '8.2');
    expect(found?.place).toBe('focus');
    expect(found?.b.text).toContain('was 11.1% in December, above the 10.8% target');
  });

  it('names a row judged on its year to date so (6.9, marked YTD)', () => {
    const found = bullets('corporateParenting').find(({ b }) => b.key === '6.9');
    expect(found?.b.text).toBe('% of children adopted was 12.3% in the year to date, below the 22.7% target (2018/19 outturn 12.6%).');
  });

  it.each(reports)('%s: working well is improved and on target; focus is declined or off target, or a large Info change', (report) => {
    const all = bullets(report);
    expect(all.length).toBeGreaterThan(5);
    for (const { place, row } of all) {
      const tone = row.dot && row.dot.state !== null ? row.dot.tone : null;
      if (place === 'working') {
        expect([row.key, tone, row.rag]).toEqual([row.key, 'good', 'green']);
      } else if (row.polarity === 'info') {
        const pair = dotMonths(row.months, row.ragBasis)!;
        const [cur, prev] = [pair.current.value, pair.previous!.value];
        if (cur.kind !== 'number' || prev.kind !== 'number') throw new Error(row.key);
        expect(Math.abs(cur.value - prev.value) / Math.abs(prev.value)).toBeGreaterThanOrEqual(INFO_LARGE_CHANGE);
      } else {
        expect(tone === 'bad' || tone === 'warning' || row.rag === 'red' || row.rag === 'amber').toBe(true);
      }
    }
  });

  it.each(reports)('%s: leaves out no row that qualifies (and none with a problem)', (report) => {
    const { tables } = seedTables(report);
    const listed = new Set(bullets(report).map(({ b }) => b.key));
    for (const row of tables.flatMap((t) => t.indicators)) {
      const problem = row.problems.some((p) => p.code !== 'missingValue');
      if (problem) expect(listed.has(row.key)).toBe(false);
      const tone = row.dot && row.dot.state !== null ? row.dot.tone : null;
      const qualifies = row.polarity !== 'info' && row.polarity !== null && ((tone === 'good' && row.rag === 'green') || tone === 'bad' || tone === 'warning' || row.rag === 'red' || row.rag === 'amber');
      if (qualifies && !problem) expect(`${row.key} ${listed.has(row.key)}`).toBe(`${row.key} true`);
    }
  });

  it.each(reports)('%s: every bullet quotes the figure as the analyst showed it', (report) => {
    for (const { b, row } of bullets(report)) {
      const shown = row.ragBasis?.kind === 'ytd' ? row.ytd!.text.trim() : dotMonths(row.months, row.ragBasis)!.current.text.trim();
      expect(b.text).toContain(` was ${shown} `);
      expect(b.ref).toBe(row.ref);
    }
  });

  it('leaves out a small Info change (6.1: 615 to 609) and keeps a large one (6.3: 13 to 19)', () => {
    const keys = bullets('corporateParenting').map(({ b }) => b.key);
    expect(keys).not.toContain('6.1');
    expect(keys).toContain('6.3');
  });

  it.each(reports)('%s: orders each list by distance from target (best first for working well, worst first for focus)', (report) => {
    const draft = draftSummary(seedTables(report).tables);
    for (const s of draft.sections) {
      const check = (list: SummaryBullet[], sign: 1 | -1): void => {
        const d = list.map((b) => b.distance);
        const firstNull = d.indexOf(null);
        if (firstNull >= 0) expect(d.slice(firstNull).every((x) => x === null)).toBe(true);
        const known = d.filter((x): x is number => x !== null);
        for (let i = 1; i < known.length; i++) expect(sign * (known[i] - known[i - 1])).toBeLessThanOrEqual(0);
      };
      check(s.working, 1);
      check(s.focus, -1);
    }
  });

  it('does not mutate the tables', () => {
    const { tables } = seedTables('earlyHelp');
    const before = JSON.stringify(tables);
    draftSummary(tables);
    expect(JSON.stringify(tables)).toBe(before);
  });

  it('uses last year’s outturn from the trend column on a table with year-on-year columns too', () => {
    const read = readScorecard(packGrid(CORPORATE_ORDER, Object.values(PACK_ROWS)));
    if (!read.ok) throw new Error(read.error.message);
    const b = draftSummary(read.value).sections.flatMap((s) => s.focus).find((x) => x.key === '10.3');
    expect(b?.text).toBe('% of adoptions completed within 12 months of SHOBPA was 33.3% in December, below the 85% target (November 100.0%; 2018/19 outturn 34.4%).');
  });
});

describe('rendering the draft', () => {
  const draft = draftSummary(seedTables('corporateParenting').tables);

  it('prints Markdown: a title, a heading per section, the two lists, each bullet led by its NO.', () => {
    const md = summaryMarkdown(draft);
    const lines = md.split('\n');
    expect(lines[0]).toBe(`# ${summaryMsg.title('Dec-19', 'Dec-19')}`);
    for (const s of draft.sections) expect(lines).toContain(`## ${s.name}`);
    const bulletLines = lines.filter((l) => l.startsWith('- '));
    expect(bulletLines.length).toBe(draft.sections.reduce((n, s) => n + s.working.length + s.focus.length, 0));
    for (const l of bulletLines) expect(l).toMatch(/^- \d+\.\d+[a-z]?: /);
    expect(lines).toContain(`### ${summaryMsg.working}`);
    expect(lines).toContain(`### ${summaryMsg.focus}`);
  });

  it('gives the sheet one line per row, no blanks', () => {
    const lines = summaryLines(draft);
    expect(lines.every((l) => l.text.trim() !== '')).toBe(true);
    expect(lines.filter((l) => l.level === 1).map((l) => l.text)).toEqual(draft.sections.map((s) => s.name));
  });

  it.each([
    [[], 'Summary Dec-20'],
    [['Dec-20', 'summary dec-20'], 'Summary Dec-20 (2)'],
    [['Summary Dec-20', 'Summary Dec-20 (2)'], 'Summary Dec-20 (3)'],
  ])('picks a free sheet name among %j: %s', (existing, name) => {
    expect(freeSummaryName('Dec-20', existing)).toBe(name);
  });

  it.each([
    ['31/12/2020', [], 'Summary 31-12-2020'],
    ['Q3 [draft]: Oct*Dec?', [], 'Summary Q3 -draft-- Oct-Dec-'],
    ["'Dec-20'", [], 'Summary Dec-20'],
    ['', [], 'Summary month'],
    ['December 2020 to March 2021 year end', [], 'Summary December 2020 to March'],
    ['December 2020 to March 2021 year end', ['Summary December 2020 to March'], 'Summary December 2020 to Ma (2)'],
  ])('makes a name Excel accepts from the month %j (existing %j): %s', (month, existing, name) => {
    const got = freeSummaryName(month, existing);
    expect(got).toBe(name);
    // Excel: at most 31 characters, none of [ ] : * ? / \, no apostrophe at either end.
    expect(got.length).toBeLessThanOrEqual(31);
    expect(got).not.toMatch(/[[\]:*?/\\]|^'|'$/);
  });

  it('gives the plain text to copy: the lines as the sheet has them, a blank line before each section', () => {
    const text = summaryText(draft).split('\n');
    const lines = summaryLines(draft);
    expect(text.filter((t) => t !== '')).toEqual(lines.map((l) => l.text));
    for (const s of draft.sections) expect(text[text.indexOf(s.name) - 1]).toBe('');
  });
});
