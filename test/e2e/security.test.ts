/**
 * Security of the built pane in the browser: the CSP the page is served with, and a full
 * flow (format, revisions, settings) that asks for nothing but its own origin and the Office
 * CDN (intercepted), with no CSP violation.
 */
import { paneText } from '../../src/taskpane/strings';
import { detectedTable, formatAndWait, loadPane, tab } from './harness/paneDriver';
import { OFFICE_JS } from './harness/network';
import { useE2E } from './harness/suite';
import { DECEMBER, decemberSheet, novemberSheet } from './scenarios';

const e2e = useE2E();

/** Directives of the CSP meta tag of an HTML page, or null when it has none. */
function cspOf(html: string): Map<string, string[]> | null {
  // Minified HTML drops quotes round attribute values that need none.
  const meta = /<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[\s>][^>]*>?/i.exec(html);
  if (!meta) return null;
  const quoted = /content=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  const content = quoted?.[1] ?? quoted?.[2] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

describe('security of the built pane', () => {
  it('serves taskpane.html with a CSP that allows script only from itself and the Office CDN', async () => {
    const { server, open } = e2e();
    const session = await open();
    const html = await (await session.page.request.get(`${server.origin}/taskpane.html`)).text();
    const csp = cspOf(html);
    expect(csp).not.toBeNull();
    const script = csp!.get('script-src') ?? csp!.get('default-src') ?? [];
    expect(script).toContain("'self'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain('*');
    for (const source of script.filter((s) => !s.startsWith("'"))) {
      expect(source).toMatch(/^https:\/\/(appsforoffice\.microsoft\.com|[a-z.]*\.microsoft)$/);
    }
    expect(csp!.get('connect-src') ?? csp!.get('default-src')).toEqual(["'self'"]);
    expect(csp!.get('object-src')).toEqual(["'none'"]);
    // The page has no inline script for the CSP to have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
  });

  it('asks for nothing but its own origin and the intercepted Office CDN, with no CSP violation, through a full flow', async () => {
    const { server, open } = e2e();
    const session = await open({
      sheets: [novemberSheet([{ ref: '4.2', sub: 0, month: 'Oct-20', published: '180' }]), decemberSheet()],
      activeSheet: DECEMBER,
    });
    await loadPane(session, server.origin);
    const page = session.page;
    await detectedTable(page);
    await formatAndWait(page);
    await tab(page, paneText.tabRevisions).click();
    await page.getByText(paneText.progress({ total: 1, reviewed: 0, queried: 0 })).waitFor({ timeout: 20_000 });
    await tab(page, paneText.tabSettings).click();
    await page.getByRole('button', { name: paneText.saveButton }).click();
    await page.getByText(paneText.saved).waitFor({ timeout: 10_000 });

    // The Office CDN was asked for (and answered by the test), so the guard was in the path.
    expect(session.network.intercepted.length).toBeGreaterThan(0);
    expect(session.network.intercepted.every((u) => OFFICE_JS.test(u))).toBe(true);
    const foreign = session.network.requested.filter((u) => new URL(u).origin !== server.origin && !OFFICE_JS.test(u));
    expect(foreign).toEqual([]);
    expect(session.network.blocked).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
    // Lazy views were fetched from the pane's own origin.
    expect(session.network.requested.filter((u) => u.startsWith(server.origin) && u.endsWith('.js')).length).toBeGreaterThan(1);
  });
});
