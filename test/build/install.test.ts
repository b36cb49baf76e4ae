/**
 * `npm ci && npm run demo` on a bare machine with only Node.js: nothing installed for the
 * demo or the tests may need a compiler or a system library (libsecret for keytar was the
 * case: office-addin-debugging pulled it in; `npm start` now fetches that tool on demand).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './dist';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
}

const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * Packages with install scripts that need no compiler and no system library: the scripts
 * as reviewed, and why they build nothing. A new one, or a changed script, fails this test
 * until someone checks what it does.
 */
const INSTALL_SCRIPTS_WITHOUT_A_BUILD: Record<string, { scripts: Record<string, string>; why: string }> = {
  '@parcel/watcher': {
    scripts: { install: 'node scripts/build-from-source.js' },
    why: 'runs node-gyp only if npm_config_build_from_source=true; else the prebuilt @parcel/watcher-<platform> package',
  },
  'core-js-pure': { scripts: { postinstall: `node -e "try{require('./postinstall')}catch(e){}"` }, why: 'prints a funding message' },
  esbuild: { scripts: { postinstall: 'node install.js' }, why: 'checks that the prebuilt @esbuild/<platform> binary package runs' },
  'unrs-resolver': { scripts: { postinstall: 'node postinstall.js' }, why: 'picks the prebuilt @unrs/resolver-binding-<platform> package (napi-postinstall)' },
};

const LIFECYCLE = ['preinstall', 'install', 'postinstall'] as const;

function nameOf(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('install on a machine with only Node.js', () => {
  it('installs nothing that compiles native code or needs a system library', () => {
    const scripted = Object.entries(lock.packages)
      .filter(([p, info]) => p !== '' && info.hasInstallScript && !info.optional)
      .map(([p]) => nameOf(p));
    expect(scripted.filter((name) => !(name in INSTALL_SCRIPTS_WITHOUT_A_BUILD))).toEqual([]);
    // Only the reviewed scripts, unchanged (as installed: node_modules is what npm ci wrote).
    for (const name of scripted) {
      const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
      const lifecycle = Object.fromEntries(LIFECYCLE.filter((k) => installed.scripts?.[k] !== undefined).map((k) => [k, installed.scripts?.[k]]));
      expect({ name, lifecycle }).toEqual({ name, lifecycle: INSTALL_SCRIPTS_WITHOUT_A_BUILD[name].scripts });
    }
    // keytar builds against libsecret-1-dev when its prebuilt download fails.
    expect(Object.keys(lock.packages).map(nameOf)).not.toContain('keytar');
  });

  it('installs no package whose binding.gyp npm would build with node-gyp', () => {
    // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of
    // its own; the lockfile marks those hasInstallScript too, but check the files as well.
    const withGyp = Object.entries(lock.packages)
      .filter(([p, info]) => p !== '' && !info.optional && fs.existsSync(path.join(ROOT, p, 'binding.gyp')))
      .map(([p]) => nameOf(p));
    for (const name of withGyp) {
      expect({ name, reviewed: name in INSTALL_SCRIPTS_WITHOUT_A_BUILD }).toEqual({ name, reviewed: true });
      expect(INSTALL_SCRIPTS_WITHOUT_A_BUILD[name].scripts.install ?? INSTALL_SCRIPTS_WITHOUT_A_BUILD[name].scripts.preinstall).toBeDefined();
    }
  });

  it('does not install office-addin-debugging: npm start fetches it on demand', () => {
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('office-addin-debugging');
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });
});

function start(platform: string, extra: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, SCORECARD_START_PLATFORM: platform, ...extra },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm start', () => {
  it.each(['linux', 'freebsd'])('on %s says how to use Excel on the web instead, and exits non-zero having done nothing', (platform) => {
    const r = start(platform);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run dev-server');
    expect(r.stderr).toContain('Upload My Add-in');
    expect(r.stderr).toContain('docs/DEPLOY.md');
    expect(r.stderr).not.toMatch(/platform not supported/i);
  });

  it.each(['win32', 'darwin'])('on %s sideloads into desktop Excel with office-addin-debugging fetched by npx', (platform) => {
    const r = start(platform, { SCORECARD_START_DRY_RUN: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('npx --yes office-addin-debugging@7 start manifest.xml');
  });
});
