import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { ARTIFACTS, BUILD_TIMEOUT_MS, DIST, ensureProductionBuild } from './dist';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

let server: http.Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  await ensureProductionBuild();
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (CI does, in .ci/run).`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('taskpane.html before the bundle has loaded', () => {
  it('shows the static loading skeleton, styled, with no CSP violation (never a blank pane)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Office.js (CDN) answers with an empty script; the pane's own bundle is held back, as on a
    // slow connection, so what shows is the page's static markup alone.
    await page.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.route(/\.js$/, (route) => (route.request().url().startsWith(origin) ? route.abort() : route.fallback()));
    await page.goto(`${origin}/taskpane.html`);

    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Loading/);
    // The skeleton's stylesheet (assets/taskpane.css, allowed by style-src 'self') applied.
    const block = await page.locator('.skeleton-block').boundingBox();
    expect(block?.height).toBeGreaterThan(50);
    fs.mkdirSync(path.join(ARTIFACTS, 'build'), { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'build', 'skeleton.png') });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('refuses an injected inline script, as the CSP promises', async () => {
    const page = await browser.newPage();
    await page.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.route(/\.js$/, (route) => (route.request().url().startsWith(origin) ? route.abort() : route.fallback()));
    await page.goto(`${origin}/taskpane.html`);
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 50));
      return w.injected === true;
    });
    expect(ran).toBe(false);
    await page.close();
  });
});
