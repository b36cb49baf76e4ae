import * as fs from 'fs';
import * as path from 'path';
import { BUILD_TIMEOUT_MS, ROOT, ensureProductionBuild, readDistFile } from './dist';
import { cspMetas, parseCsp, scriptSrc, scriptTags } from './csp';

beforeAll(ensureProductionBuild, BUILD_TIMEOUT_MS);

/** The origins Office.js is served from (old and current CDN addresses), and nothing else. */
const OFFICE_CDN = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];

const pages = {
  'the source page': () => fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8'),
  'the shipped page': () => readDistFile('taskpane.html'),
};

describe.each(Object.entries(pages))('the Content Security Policy of %s', (_name, read) => {
  const policy = (): Map<string, string[]> => {
    const metas = cspMetas(read());
    expect(metas).toHaveLength(1);
    return parseCsp(metas[0]);
  };

  it('allows script only from the add-in itself and the Office.js CDN', () => {
    expect([...(policy().get('script-src') ?? [])].sort()).toEqual(["'self'", ...OFFICE_CDN].sort());
  });

  it('has a default-src, so directives it leaves out fall back to self', () => {
    expect(policy().get('default-src')).toEqual(["'self'"]);
  });

  it('never allows eval or inline script', () => {
    const scriptSources = policy().get('script-src') ?? [];
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'wasm-unsafe-eval'");
  });

  it('limits connections to the add-in origin (no telemetry, no other network)', () => {
    expect(policy().get('connect-src')).toEqual(["'self'"]);
  });

  it('blocks plugins and base-URL hijacking', () => {
    expect(policy().get('object-src')).toEqual(["'none'"]);
    expect(policy().get('base-uri')).toEqual(["'self'"]);
  });

  it('never uses a wildcard or a scheme-only source', () => {
    const loose = [...policy().entries()].flatMap(([directive, sources]) =>
      sources
        .filter((s) => s === '*' || s === 'https:' || s === 'http:' || s === 'blob:' || (s === 'data:' && directive !== 'img-src'))
        .map((s) => `${directive} ${s}`),
    );
    expect(loose).toEqual([]);
  });

  it('has no inline script: every <script> has a src and no body', () => {
    const tags = scriptTags(read());
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(scriptSrc(tag.attrs)).not.toBeNull();
      expect(tag.body.trim()).toBe('');
    }
    // Inline event handlers are inline script too.
    expect(read()).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it('shows a loading skeleton in static markup inside the container React renders into', () => {
    const html = read();
    const container = /<div\s+id="?container"?[^>]*>([\s\S]*?)<\/div>\s*<noscript/i.exec(html);
    expect(container).not.toBeNull();
    expect(container?.[1]).toMatch(/role="?status"?/);
    expect(container?.[1]).toMatch(/Loading/);
  });
});
