/**
 * A workbook written by `scorecard format` must open in LibreOffice Calc (Debian
 * libreoffice-calc-nogui, headless) with its formatting intact: converted to PDF, the
 * printed text shows the RAG letters and DOT arrows; re-saved by LibreOffice as .xlsx,
 * every fill of the plan and every yellow highlight is still there.
 *
 * Where LibreOffice is missing this suite is skipped on a developer's machine, but FAILS
 * when CI=true: CI must prove the files open.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFormat } from '../../src/domain/plan/planFormat';
import { findRevisions, snapshotFromTables } from '../../src/domain/revisions/figures';
import { HIGHLIGHT_FILL } from '../../src/domain/revisions/highlights';
import { a1 } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { EXIT } from '../../src/cli/messages';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { cellFill } from '../helpers/exceljsStyles';
import { readWorkbook } from '../helpers/exceljsWorkbook';
import { pdfText } from './pdfText';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';
import { entered } from '../fixtures/writes';

function sofficeVersion(): string | null {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

const version = sofficeVersion();
const onCi = process.env.CI === 'true';

/** Runs a headless conversion with a throw-away profile (no shared ~/.config/libreoffice). */
function convert(file: string, to: string, outDir: string, profile: string): string {
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: profile } },
  );
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.xlsx$/, '');
  const out = join(outDir, `${base}.${to.split(':')[0]}`);
  if (!existsSync(out)) throw new Error(`soffice --convert-to ${to} produced nothing (exit ${result.status}): ${result.stderr}`);
  return out;
}

if (!version && onCi) {
  describe('LibreOffice opens the CLI output', () => {
    it('needs soffice on CI', () => {
      throw new Error('soffice (LibreOffice) is not installed: on Debian, apt-get install libreoffice-calc-nogui. This test must run on CI.');
    });
  });
} else {
  (version ? describe : describe.skip)('LibreOffice opens the CLI output', () => {
    const input = sample('early-help-2020-12.xlsx');
    const previous = sample('early-help-published-2020-11.xlsx');
    let cli: string;
    let dir: string;
    let out: string;

    beforeAll(() => {
      cli = buildCli('libreoffice');
      dir = tempDir();
      out = join(dir, 'early-help-formatted.xlsx');
      const result = run(cli, ['format', input, '--previous', previous, '-o', out]);
      expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    }, 180_000);
    afterAll(() => cli && removeBuild(cli));

    async function expected() {
      const loaded = await readWorkbook(readFileSync(input), input);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const grid = gridFromWorksheet(loaded.value.workbook.worksheets[0]!);
      const tables = readScorecard(grid);
      if (!tables.ok) throw new Error(tables.error.message);
      const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
      if (!plan.ok) throw new Error(plan.error.message);
      const prevLoaded = await readWorkbook(readFileSync(previous), previous);
      if (!prevLoaded.ok) throw new Error(prevLoaded.error.message);
      const prevTables = readScorecard(gridFromWorksheet(prevLoaded.value.workbook.worksheets[0]!));
      if (!prevTables.ok) throw new Error(prevTables.error.message);
      const revisions = findRevisions(snapshotFromTables(prevTables.value, { publishedAt: '2020-12-08T00:00:00Z' }), tables.value);
      return { plan: plan.value, revisions };
    }

    it('prints to PDF with the RAG letters and DOT arrows the plan wrote', async () => {
      const pdf = convert(out, 'pdf', join(dir, 'pdf'), join(dir, 'profile'));
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(bytes);
      expect(text).toContain('As at Month End: December 2020');
      const { plan } = await expected();
      const written = plan.writes.map((w) => String(entered(w))).filter((v) => v !== '' && !v.startsWith('='));
      const lines = text.split('\n').map((l) => l.trim());
      for (const mark of ['R', 'A', 'G', '↑', '↓', '↘', '→']) {
        const want = written.filter((v) => v === mark).length;
        expect(`${mark}: ${lines.filter((l) => l === mark).length}`).toBe(`${mark}: ${want}`);
      }
      expect(written.filter((v) => ['R', 'G'].includes(v)).length).toBeGreaterThan(0);
    }, 240_000);

    it('keeps every planned fill and every yellow highlight when LibreOffice re-saves the file', async () => {
      const resaved = convert(out, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'resaved'), join(dir, 'profile'));
      const loaded = await readWorkbook(readFileSync(resaved), resaved);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const ws = loaded.value.workbook.getWorksheet('Dec-20')!;
      const { plan, revisions } = await expected();
      const highlighted = new Set(revisions.map((r) => r.address.slice(r.address.lastIndexOf('!') + 1)));
      let checked = 0;
      for (const group of plan.styles) {
        if (!group.style.fill) continue;
        for (const box of group.boxes) {
          for (let r = box.top; r <= box.bottom; r++) {
            for (let c = box.left; c <= box.right; c++) {
              const address = a1(r, c);
              const want = highlighted.has(address) ? HIGHLIGHT_FILL : group.style.fill.toUpperCase();
              // White is LibreOffice's "no fill" when it re-saves: the same on screen and paper.
              const got = cellFill(ws.getCell(address)) ?? '#FFFFFF';
              expect(`${address} ${got}`).toBe(`${address} ${want}`);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
      for (const address of highlighted) expect(`${address} ${cellFill(ws.getCell(address))}`).toBe(`${address} ${HIGHLIGHT_FILL}`);
      for (const w of plan.writes) {
        const value = ws.getCell(a1(w.row, w.col)).value;
        expect(`${a1(w.row, w.col)} ${String(value ?? '')}`).toBe(`${a1(w.row, w.col)} ${String(entered(w))}`);
      }
    }, 240_000);

    it('keeps the formulas-mode colour rules when LibreOffice opens and re-saves a --formulas file', async () => {
      const live = join(dir, 'early-help-formulas.xlsx');
      expect(run(cli, ['format', input, '--formulas', '-o', live]).code).toBe(EXIT.ok);
      type Cf = { ref: string; rules: Array<{ formulae?: string[] }> };
      const rulesOf = async (file: string): Promise<Cf[]> => {
        const loaded = await readWorkbook(readFileSync(file), file);
        if (!loaded.ok) throw new Error(loaded.error.message);
        return (loaded.value.workbook.getWorksheet('Dec-20') as unknown as { conditionalFormattings?: Cf[] }).conditionalFormattings ?? [];
      };
      const written = await rulesOf(live);
      expect(written.length).toBeGreaterThan(0);
      const resaved = convert(live, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'resaved-formulas'), join(dir, 'profile'));
      const kept = await rulesOf(resaved);
      // LibreOffice may merge or reorder ranges: every rule's condition must still be there.
      const conditions = (cfs: Cf[]): Set<string> => new Set(cfs.flatMap((cf) => cf.rules.flatMap((r) => (r.formulae ?? []).map((f) => f.replace(/[A-Z]+\d+/g, 'CELL')))));
      for (const c of conditions(written)) expect(conditions(kept)).toContain(c);
    }, 240_000);
  });
}
