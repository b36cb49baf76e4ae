/**
 * The docs point at real files: every repository path a doc names (`src/domain/rag.ts`,
 * `test/build/lint.test.ts`, `src/domain/tolerance/`) exists; and no comment in src points
 * outside the repository (the domain knowledge code relies on is in docs/DOMAIN.md).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Repository paths named in a Markdown text: `src/…`, `test/…`, `bench/…`, `scripts/…`, `docs/…`. */
function namedPaths(text: string): string[] {
  const found = text.match(/(?<![\w./-])(?:src|test|bench|scripts|docs)\/[\w./*-]*[\w/*]/g) ?? [];
  // A glob (`src/*/messages.ts`, `test/**`) names a pattern, not a file.
  return [...new Set(found)].filter((p) => !p.includes('*'));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(rel) : /\.(tsx?|html|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

describe('paths named in the docs', () => {
  it('are found in the docs (the check reads them)', () => {
    expect(namedPaths('see `src/domain/rag.ts`, src/domain/tolerance/ and test/build/lint.test.ts.')).toEqual([
      'src/domain/rag.ts',
      'src/domain/tolerance/',
      'test/build/lint.test.ts',
    ]);
    expect(namedPaths('every src/*/messages.ts; a/src/x.ts is not ours')).toEqual([]);
  });

  it.each(DOCS)('%s names only paths that exist', (doc) => {
    const missing = namedPaths(fs.readFileSync(path.join(ROOT, doc), 'utf8')).filter((p) => !fs.existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});

describe('sections of the docs named in src', () => {
  it('exist as headings', () => {
    const missing = sourceFiles('src').flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return [...text.matchAll(/(docs\/[\w-]+\.md)[,:]? "([^"]+)"/g)]
        .filter(([, doc, section]) => {
          const headings = fs.readFileSync(path.join(ROOT, doc), 'utf8').split('\n').filter((l) => l.startsWith('#'));
          return !headings.some((h) => h.includes(section));
        })
        .map(([ref]) => `${file}: ${ref}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('comments in src', () => {
  it('never point outside the repository', () => {
    const outside = /SPEC\.md|STYLE\.md|\.\.\/shared\b|\/shared\/|\bseeds\/|\/work\//;
    const hits = sourceFiles('src').flatMap((file) =>
      fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => outside.test(line))
        .map(([, n]) => `${file}:${n}`),
    );
    expect(hits).toEqual([]);
  });
});
