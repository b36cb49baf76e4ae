/**
 * Issue 10, "safe files": the output is written to a temp file created exclusively (random
 * name, same folder, no link followed), renamed into place, removed on any failure; stale
 * temps of killed runs are cleaned. In-process, so a failure can be made to happen at the
 * exact step it would happen in the field (a link planted between the name being chosen and
 * the file being opened, a full disk mid-write, a rename onto a folder).
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanStaleTemps, writeOutput } from '../../src/cli/files';
import { cliMessages, EXIT } from '../../src/cli/messages';

// The real fs, with openSync and writeSync wrapped so a test can step in before the real call.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof fs>('node:fs');
  return { ...actual, openSync: jest.fn(actual.openSync), writeSync: jest.fn(actual.writeSync) };
});
const real = jest.requireActual<typeof fs>('node:fs');

const TEMP = /^\.out\.xlsx\.(\d+)-([0-9a-f]{16})\.scorecard-tmp$/;
const BYTES = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scorecard-audit10-'));
});
afterEach(() => {
  jest.mocked(openSync).mockImplementation(real.openSync);
  jest.mocked(writeSync).mockImplementation(real.writeSync);
  rmSync(dir, { recursive: true, force: true });
});

/** Records every path openSync is asked to open, calling `before` first. */
function watchOpen(before: (path: string) => void = () => undefined): string[] {
  const seen: string[] = [];
  jest.mocked(openSync).mockImplementation(((path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null) => {
    seen.push(String(path));
    before(String(path));
    return real.openSync(path, flags ?? 'r', mode);
  }) as typeof fs.openSync);
  return seen;
}

describe('writeOutput: the temporary file', () => {
  it('gets a new random name beside the output on every write, and none is left after', () => {
    const out = join(dir, 'out.xlsx');
    const seen = watchOpen();
    expect(writeOutput(out, BYTES).ok).toBe(true);
    expect(writeOutput(out, BYTES).ok).toBe(true);
    const temps = seen.map((p) => p.slice(dir.length + 1));
    expect(temps).toHaveLength(2);
    for (const t of temps) expect(t).toMatch(TEMP);
    expect(temps[0]).not.toBe(temps[1]);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(BYTES))).toBe(true);
  });

  it('is created exclusively: a link planted at its name just before it is opened is not written through', () => {
    const out = join(dir, 'out.xlsx');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    watchOpen((path) => {
      if (path.endsWith('.scorecard-tmp')) symlinkSync(victim, path);
    });
    const result = writeOutput(out, BYTES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.exit).toBe(EXIT.refused);
    const [head, tail] = cliMessages.cannotWrite(out, '\u0000').split('\u0000') as [string, string];
    expect(result.error.message.startsWith(head) && result.error.message.endsWith(tail)).toBe(true);
    expect(result.error.message).toContain('EEXIST');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    // Nothing under the output's name; the planted link (in our temp's place) is gone.
    expect(readdirSync(dir)).toEqual(['victim.txt']);
  });

  it('is removed when the disk fills mid-write, and an existing output stays as it was', () => {
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'last month');
    let calls = 0;
    jest.mocked(writeSync).mockImplementation(((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (++calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      // Half the bytes go out, then the disk is full.
      return real.writeSync(fd, buffer, offset, Math.floor((length ?? buffer.length) / 2));
    }) as typeof fs.writeSync);
    const result = writeOutput(out, BYTES);
    expect(result).toEqual({ ok: false, error: { exit: EXIT.refused, message: cliMessages.cannotWrite(out, 'the disk is full') } });
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('last month');
  });

  it('is removed when it cannot be renamed into place (the output name is a folder)', () => {
    const out = join(dir, 'out.xlsx');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'x');
    const result = writeOutput(out, BYTES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.exit).toBe(EXIT.refused);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });
});

describe('cleanStaleTemps', () => {
  it('removes the temps of dead runs for this output only, never a live run’s, a folder, or a link’s target', () => {
    const out = join(dir, 'out.xlsx');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // pid 2^22+1 is above Linux's pid_max: no such process. process.ppid is alive.
    const dead = `.out.xlsx.4194305-0011223344556677.scorecard-tmp`;
    const deadLink = `.out.xlsx.4194306-8899aabbccddeeff.scorecard-tmp`;
    const live = `.out.xlsx.${process.ppid}-0011223344556677.scorecard-tmp`;
    const other = `.other.xlsx.4194305-0011223344556677.scorecard-tmp`;
    const folder = `.out.xlsx.4194307-0011223344556677.scorecard-tmp`;
    for (const name of [dead, live, other]) writeFileSync(join(dir, name), 'partial');
    symlinkSync(victim, join(dir, deadLink));
    mkdirSync(join(dir, folder));
    expect(cleanStaleTemps(out)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([folder, live, other, 'victim.txt'].sort());
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });
});
