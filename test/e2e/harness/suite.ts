import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { HostBoot } from '../host/hostTypes';
import { buildHostBundle, ensureDist } from './build';
import { launchChromium } from './chromium';
import { openPaneContext, type PaneSession } from './pane';
import { DIST } from './paths';
import { serveStatic, type StaticServer } from './staticServer';

export interface E2E {
  browser: Browser;
  server: StaticServer;
  /** Opens taskpane.html in a fresh context with the fake host booted from `boot`. */
  open(boot?: HostBoot): Promise<PaneSession>;
}

/** Builds can take a while on 2 cores; the browser itself starts in about a second. */
const SETUP_TIMEOUT = 360_000;

/**
 * Registers beforeAll/afterAll for a browser suite: dist/ built, the host bundle built,
 * dist/ served on 127.0.0.1, Chromium launched. Returns a getter for the running harness.
 */
export function useE2E(): () => E2E {
  let e2e: E2E | null = null;
  const sessions: PaneSession[] = [];
  let browser: Browser | null = null;
  let server: StaticServer | null = null;

  beforeAll(async () => {
    // Chromium first: a missing browser should fail in a second, not after the builds.
    browser = await launchChromium();
    const [host] = await Promise.all([buildHostBundle(), ensureDist()]);
    if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing after the build.');
    server = await serveStatic(DIST);
    const b = browser;
    const s = server;
    e2e = {
      browser: b,
      server: s,
      open: async (boot = {}) => {
        const session = await openPaneContext(b, s.origin, host, boot);
        sessions.push(session);
        return session;
      },
    };
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  return () => {
    if (!e2e) throw new Error('The browser harness did not start (see the beforeAll error above).');
    return e2e;
  };
}
