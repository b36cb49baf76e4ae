import type { BrowserContext } from 'playwright-core';

/** The Office.js CDN script Office requires the pane page to load. */
export const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js(\?.*)?$/;

export interface NetworkLog {
  /** Every URL the page asked for, in order. */
  requested: string[];
  /** Office.js CDN requests answered with an empty script (the fake host stands in). */
  intercepted: string[];
  /** Anything else that tried to leave the test server: aborted, and a test failure. */
  blocked: string[];
}

/**
 * Lets through only the test server's own origin, answers the Office CDN with an empty
 * script, and aborts and records everything else, so "no runtime network calls" is an
 * assertion rather than a hope.
 */
export async function guardNetwork(context: BrowserContext, origin: string): Promise<NetworkLog> {
  const log: NetworkLog = { requested: [], intercepted: [], blocked: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    log.requested.push(url);
    if (new URL(url).origin === origin) {
      await route.continue();
    } else if (OFFICE_JS.test(url)) {
      log.intercepted.push(url);
      await route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: '/* office.js: the test host installed Office and Excel before this page ran */',
      });
    } else {
      log.blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  // WebSockets bypass route(); record them too (a production bundle should open none).
  context.on('page', (page) => page.on('websocket', (ws) => log.blocked.push(ws.url())));
  return log;
}
