/**
 * The browser harness proves its own guards can fail: a page that phones home, runs an
 * inline script or reads outside the served folder must be caught, or the "no network
 * calls" and "no CSP violations" assertions of the pane tests would prove nothing.
 */
import * as http from 'http';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/chromium';
import { tabTo } from './harness/focus';
import { openPaneContext, type PaneSession } from './harness/pane';
import { serveStatic, type StaticServer } from './harness/staticServer';

const FIXTURE = path.join(__dirname, 'fixtures', 'guarded');
// Stands in for the host bundle: records the boot config where the page's script can see it.
const FAKE_HOST = 'window.__fakeHostBoot = function (config) { window.__booted = config; };';

/** GET with the path sent as written (no URL normalisation of `..`), as an attacker would. */
function get(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('Chromium launcher', () => {
  it('fails with the install command, never skips, when Chromium is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/);
  });
});

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(FIXTURE);
  });
  afterAll(() => server.close());

  it('listens on the loopback address only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  it('serves files of its folder with their content type', async () => {
    const res = await get(server.origin, '/index.html');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Content-Security-Policy');
  });

  // The fixture folder is test/e2e/fixtures/guarded: two levels up is this test file.
  it.each(['/../../harness.test.ts', '/..%2f..%2fharness.test.ts', '/%2e%2e/%2e%2e/harness.test.ts', '/'])(
    'refuses %s (outside the folder, or a directory)',
    async (p) => {
      const res = await get(server.origin, p);
      expect(res.status).toBe(404);
    },
  );
});

describe('browser guards', () => {
  let browser: Browser;
  let server: StaticServer;
  let session: PaneSession;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(FIXTURE);
    session = await openPaneContext(browser, server.origin, FAKE_HOST, { name: 'fixture' });
    await session.page.goto(`${server.origin}/index.html`);
    await session.page.waitForFunction(() => document.getElementById('fetch')?.textContent !== 'waiting');
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('installs the host before the page runs its own scripts', async () => {
    await expect(session.page.locator('#boot').textContent()).resolves.toBe('host fixture');
  });

  it('answers the Office CDN with a stand-in script instead of the network', () => {
    expect(session.network.intercepted).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('blocks and records a request to any other host', () => {
    expect(session.network.blocked).toEqual(['https://example.com/pixel.png']);
  });

  it('records CSP violations (inline script, refused fetch)', async () => {
    const violations = await session.cspViolations();
    expect(violations.some((v) => /script-src/.test(v))).toBe(true);
    expect(violations.some((v) => /connect-src/.test(v))).toBe(true);
    await expect(session.page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).resolves.toBeUndefined();
  });
});

describe('focus indicator check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  // Each page has one button styled for keyboard focus as the row says.
  it.each([
    ['an outline', true, 'button:focus-visible { outline: 2px solid #000; }'],
    ['a box-shadow ring', true, 'button:focus-visible { outline: none; box-shadow: 0 0 0 2px #000; }'],
    ['an ::after border', true, 'button { position: relative; } button:focus-visible { outline: none; } button:focus-visible::after { content: ""; position: absolute; inset: -2px; border: 2px solid #000; }'],
    ['nothing (outline removed)', false, 'button:focus-visible, button:focus { outline: none; box-shadow: none; }'],
  ])('with focus drawn as %s, reports an indicator: %s', async (_what, expected, css) => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<style>${css}</style><main><button>Go</button></main>`);
      const stops = await tabTo(page, page.getByRole('button', { name: 'Go' }));
      expect(stops.at(-1)?.indicator).toBe(expected);
    } finally {
      await page.close();
    }
  });
});
