/**
 * Pane load time for `npm run bench`: the production build (dist/) in the system headless
 * Chromium with the fake Office host the browser tests use, the time from navigation to
 * the Format view's first content (the views replace the skeleton), and to the detected
 * table (the first Format read answered). Medians of a few loads in fresh contexts. A
 * figure, never an assertion: the machine is shared and noisy.
 */
import { buildHostBundle, ensureDist } from '../test/e2e/harness/build';
import { launchChromium } from '../test/e2e/harness/chromium';
import { openPaneContext } from '../test/e2e/harness/pane';
import { DIST } from '../test/e2e/harness/paths';
import { serveStatic } from '../test/e2e/harness/staticServer';

/**
 * Records, from the page's own clock (0 = navigation start), when the Format view first
 * shows content and when the detected table appears.
 */
const PROBE = `
  window.__paneTimes = {};
  (function watch() {
    var t = window.__paneTimes;
    if (t.firstContentMs === undefined && document.querySelector('[role=tablist]') && !document.getElementById('app-skeleton')) t.firstContentMs = performance.now();
    if (t.detectedMs === undefined && document.querySelector('section[aria-label] dl')) t.detectedMs = performance.now();
    if (t.detectedMs === undefined || t.firstContentMs === undefined) requestAnimationFrame(watch);
  })();
`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
};

/**
 * @example
 * const pane = await runPaneBench(); // { firstContentMs: 420, detectedMs: 610, loads: 5 }
 */
export async function runPaneBench(loads = 5): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const [host] = await Promise.all([buildHostBundle(), ensureDist()]);
    const server = await serveStatic(DIST);
    try {
      const first: number[] = [];
      const detected: number[] = [];
      for (let i = 0; i < loads; i++) {
        const session = await openPaneContext(browser, server.origin, host, {});
        try {
          await session.context.addInitScript({ content: PROBE });
          await session.page.goto(`${server.origin}/taskpane.html`);
          const times = await session.page.waitForFunction(
            () => {
              const t = (window as unknown as { __paneTimes?: { firstContentMs?: number; detectedMs?: number } }).__paneTimes;
              return t && t.firstContentMs !== undefined && t.detectedMs !== undefined ? t : null;
            },
            undefined,
            { timeout: 60_000 },
          );
          const value = (await times.jsonValue()) as { firstContentMs: number; detectedMs: number };
          first.push(value.firstContentMs);
          detected.push(value.detectedMs);
        } finally {
          await session.close();
        }
      }
      return { firstContentMs: median(first), detectedMs: median(detected), loads };
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
  }
}

// `npx tsx bench/pane.ts` prints just these figures.
if (require.main === module) {
  runPaneBench().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
