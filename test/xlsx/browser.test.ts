/**
 * The pane reads a picked baseline .xlsx with this adapter, in the browser: bundle
 * src/xlsx for the web (as the pane's webpack does), run it in headless Chromium under
 * the pane's script policy (no eval), and check it reads a sample exactly as Node does.
 * Fails (not skips) when Chromium is missing on CI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import webpack from 'webpack';
import { readGrids } from '../../src/xlsx/read';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://scorecard.test';
const hasChromium = existsSync(CHROMIUM);

function bundle(outDir: string): Promise<string> {
  const entry = join(outDir, 'entry.ts');
  writeFileSync(
    entry,
    `import { readGrids } from ${JSON.stringify(join(ROOT, 'src', 'xlsx', 'read'))};
     (globalThis as unknown as { readGrids: typeof readGrids }).readGrids = readGrids;`,
  );
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: ['web', 'es2020'],
        devtool: false,
        entry,
        output: { path: outDir, filename: 'xlsx.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json') } } }] },
        resolveLoader: { modules: [join(ROOT, 'node_modules')] },
        performance: { hints: false },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
        else resolve(join(outDir, 'xlsx.js'));
      },
    );
  });
}

if (!hasChromium && process.env.CI === 'true') {
  it('needs Chromium on CI to prove the adapter runs in the pane', () => {
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium.`);
  });
} else {
  (hasChromium ? describe : describe.skip)('src/xlsx in the browser', () => {
    let dir: string;
    let script: string;
    let browser: Browser;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'scorecard-xlsx-web-'));
      script = readFileSync(await bundle(dir), 'utf8');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reads a sample workbook exactly as Node does, under a no-eval script policy, without any network', async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      const violations: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        requests.push(url);
        if (url === `${ORIGIN}/`) {
          await route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><script src="/xlsx.js"></script>`,
          });
        } else if (url === `${ORIGIN}/xlsx.js`) {
          await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
        } else {
          await route.abort();
        }
      });
      page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
      page.on('pageerror', (e) => violations.push(e.message));
      await page.goto(`${ORIGIN}/`);
      await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective}`)));

      const bytes = readFileSync(join(ROOT, 'samples', 'early-help-published-2020-11.xlsx'));
      expect(violations).toEqual([]);
      const inBrowser = await page.evaluate(async (b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const read = (globalThis as unknown as { readGrids: typeof readGrids }).readGrids;
        return JSON.parse(JSON.stringify(await read(data.buffer, 'picked.xlsx')));
      }, bytes.toString('base64'));

      const inNode = await readGrids(bytes, 'picked.xlsx');
      expect(inNode.ok).toBe(true);
      expect(inBrowser).toEqual(JSON.parse(JSON.stringify(inNode)));
      expect(violations).toEqual([]);
      expect(requests).toEqual([`${ORIGIN}/`, `${ORIGIN}/xlsx.js`]);
      await page.close();
    }, 120_000);

    it('says a picked file is not a workbook, in the browser too', async () => {
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url().endsWith('/xlsx.js') ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }) : route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<script src="/xlsx.js"></script>' }),
      );
      await page.goto(`${ORIGIN}/`);
      const result = await page.evaluate(async () => {
        const read = (globalThis as unknown as { readGrids: typeof readGrids }).readGrids;
        return read(new TextEncoder().encode('NO.,INDICATOR').buffer, 'notes.csv');
      });
      expect(result).toEqual(await readGrids(new TextEncoder().encode('NO.,INDICATOR'), 'notes.csv'));
      expect(result.ok).toBe(false);
      await page.close();
    }, 120_000);
  });
}
