/**
 * A hosted build for council IT: `ADDIN_URL=https://host/path/ npm run build` gives a dist/
 * whose manifest points only there, and `npm run validate -- dist/manifest.xml --dist --base …`
 * accepts it. This runs that very command (one production build, into a scratch folder with
 * webpack's `--output-path` so the shared dist/ is left alone) and checks what webpack wrote:
 * the manifest, every file it names, and that nothing else names the dev server.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILD_TIMEOUT_MS, ROOT, listFiles, runChild } from './dist';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, shared with webpack.config.js
const { manifestFor } = require(path.join(ROOT, 'scripts', 'manifest-url.cjs')) as { manifestFor: (content: string, target?: string) => string };

const BASE = 'https://scorecards.example.gov.uk/perf/';
const VALIDATOR = path.join(ROOT, 'scripts', 'validate-manifest.mjs');

function validate(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [VALIDATOR, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** `ADDIN_URL=<base> npm run build -- --output-path <dir>`, as a child process (webpack is slow inside jest). */
function hostedBuild(dir: string): Promise<{ code: number | null; output: string }> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return runChild(npm, ['run', 'build', '--', '--output-path', dir], { ADDIN_URL: BASE });
}

describe('a hosted build (ADDIN_URL=… npm run build)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosted-'));
    const built = await hostedBuild(dir);
    if (built.code !== 0) throw new Error(`ADDIN_URL=${BASE} npm run build failed (exit ${built.code}):\n${built.output}`);
  }, BUILD_TIMEOUT_MS);

  it('writes the whole add-in beside the manifest: page, scripts, functions.json, icons', () => {
    const files = listFiles(dir);
    expect(files).toEqual(expect.arrayContaining(['manifest.xml', 'taskpane.html', 'functions.js', 'functions.json', 'taskpane.js']));
    expect(files.filter((f) => f.startsWith('assets/') && f.endsWith('.png')).length).toBeGreaterThan(0);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('points every URL of the manifest at the base URL, none at localhost', () => {
    const xml = fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    // The comment at the top explains the dev URLs; nothing else may name them.
    expect(xml.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
  });

  it('passes npm run validate with every file present and every URL under the base', () => {
    const r = validate(path.join(dir, 'manifest.xml'), '--dist', '--base', BASE);
    expect(r.output).not.toMatch(/problem/);
    expect(r.status).toBe(0);
  });

  it('has nothing but the manifest that names the dev server', () => {
    const files = listFiles(dir).filter((f) => f !== 'manifest.xml' && /\.(html|js|json|xml)$/.test(f));
    expect(files.filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('localhost:3000'))).toEqual([]);
  });

  it('is refused by validate --base when a URL was left on the dev server', () => {
    const xml = fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
    const broken = path.join(dir, 'broken.xml');
    fs.writeFileSync(broken, xml.replace(`${BASE}functions.json`, 'https://localhost:3000/functions.json'));
    const r = validate(broken, '--base', BASE);
    expect(r.status).toBe(1);
    expect(r.output).toContain('https://localhost:3000/functions.json is not under');
  });
});

describe('ADDIN_URL', () => {
  it.each([
    ['http://intranet.example/perf/', /must be https/],
    ['not a url', /must be an https URL/],
    ['https://host/perf/?v=2', /without \? or #/],
  ])('refuses %p', (target, message) => {
    expect(() => manifestFor('<x/>', target)).toThrow(message);
  });

  it('adds the trailing slash a base needs', () => {
    expect(manifestFor('<a DefaultValue="https://localhost:3000/taskpane.html"/>', 'https://host/perf')).toBe('<a DefaultValue="https://host/perf/taskpane.html"/>');
  });
});
