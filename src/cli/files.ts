import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cliMessages } from './messages';
import { EXIT, type ExitCode } from './messages';
import type { CliIO } from './types';

/** A failure the command reports: a message for stderr and the exit code. */
export interface CliFailure {
  exit: ExitCode;
  message: string;
}

export type CliResult<T> = { ok: true; value: T } | { ok: false; error: CliFailure };

export function fail(exit: ExitCode, message: string): { ok: false; error: CliFailure } {
  return { ok: false, error: { exit, message } };
}

/** Reads an input file; a missing path, a folder or an unreadable file gives a message. */
export function readInput(path: string): CliResult<Uint8Array> {
  if (!existsSync(path)) return fail(EXIT.input, cliMessages.fileNotFound(path));
  try {
    if (statSync(path).isDirectory()) return fail(EXIT.input, cliMessages.notAFile(path));
    return { ok: true, value: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    return fail(EXIT.input, cliMessages.cannotRead(path, reason(e)));
  }
}

/** The canonical path of a file that may not exist yet (its folder resolved through links). */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/**
 * Checks an output path before any work is written: never the input (also through a
 * symlink or a hard link), never an existing file without --force, and its folder exists.
 */
export function checkOutput(output: string, inputs: string[], force: boolean): CliResult<void> {
  const out = canonical(output);
  for (const input of inputs) {
    if (canonical(input) === out || sameFile(input, output)) return fail(EXIT.refused, cliMessages.outputIsInput(output));
  }
  if (!existsSync(dirname(resolve(output)))) return fail(EXIT.refused, cliMessages.outputFolderMissing(output));
  if (existsSync(output) && !force) return fail(EXIT.refused, cliMessages.outputExists(output));
  if (existsSync(output) && statSync(output).isDirectory()) return fail(EXIT.refused, cliMessages.notAFile(output));
  return { ok: true, value: undefined };
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

const TEMP_SUFFIX = '.scorecard-tmp';

/** `.<output name>.<pid>-<random>.scorecard-tmp`, beside the output. */
function tempName(output: string): string {
  return join(dirname(resolve(output)), `.${basename(output)}.${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files an earlier run left beside this output when it was killed
 * (`kill -9`, a power cut): ours by name, and only those whose process is gone. A link is
 * removed as a link, never followed.
 */
export function cleanStaleTemps(output: string): number {
  const dir = dirname(resolve(output));
  const prefix = `.${basename(output)}.`;
  let removed = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && alive(pid))) continue;
    try {
      const st = lstatSync(join(dir, name));
      if (st.isFile() || st.isSymbolicLink()) {
        unlinkSync(join(dir, name));
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

/**
 * Writes the bytes to a new temporary file beside the output (random name, created
 * exclusively with O_EXCL and O_NOFOLLOW, so neither an existing file nor a planted link
 * is ever written through), flushes it to disk, and renames it into place: a crash or a
 * full disk never leaves a half-written workbook under the output's name, and the
 * temporary file is removed on any failure.
 */
export function writeOutput(output: string, bytes: Uint8Array): CliResult<void> {
  cleanStaleTemps(output);
  const temp = tempName(output);
  let fd: number | null = null;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, output);
    return { ok: true, value: undefined };
  } catch (e) {
    try {
      if (fd !== null) closeSync(fd);
    } catch {
      // Closing failed too: the removal below still runs.
    }
    try {
      if (lstatSync(temp, { throwIfNoEntry: false })) unlinkSync(temp);
    } catch {
      // The temporary file is ours; if even removing it fails, the write error is the news.
    }
    return fail(EXIT.refused, cliMessages.cannotWrite(output, reason(e)));
  }
}

export function reason(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    const code = (e as { code: string }).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOSPC') return 'the disk is full';
    if (code === 'EISDIR') return 'it is a folder';
  }
  return e instanceof Error ? e.message : String(e);
}

/** Prints a failure's message on stderr and gives its exit code: no stack trace, ever. */
export function report(io: CliIO, error: { exit: ExitCode; message: string }): ExitCode {
  io.err(error.message);
  return error.exit;
}
