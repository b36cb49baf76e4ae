import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { guardNetwork, type NetworkLog } from './network';
import { SCREENSHOTS } from './paths';

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Content Security Policy violations, from the console and the DOM event. */
  cspViolations: () => Promise<string[]>;
  close(): Promise<void>;
}

/** Listens for CSP violations from the very first script (runs before the page's own). */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

/**
 * A fresh browser context with the fake Office host injected before the pane's scripts,
 * the network guarded, and console errors collected. `boot` is handed to
 * `window.__fakeHostBoot` on every page load (a reload reopens the same workbook).
 */
export async function openPaneContext(browser: Browser, origin: string, hostSource: string, boot: unknown): Promise<PaneSession> {
  // A task pane is narrow; 360 px is the width Excel desktop opens it at by default.
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London' });
  const network = await guardNetwork(context, origin);
  await context.addInitScript({ content: CSP_LISTENER });
  await context.addInitScript({ content: `${hostSource}\n;window.__fakeHostBoot(${JSON.stringify(boot)});` });
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleCsp: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    network,
    errors,
    cspViolations: async () => [...consoleCsp, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))],
    close: () => context.close(),
  };
}

/** Saves a full-page screenshot under test-artifacts/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
