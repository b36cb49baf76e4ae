import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './main';

/** The `scorecard` executable: prints to the terminal and sets the exit code. */
function version(): string {
  // src/cli (run from source) and dist-cli/src/cli (compiled) sit at different depths.
  for (const up of ['../..', '../../..']) {
    try {
      return (JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
    } catch {
      // Not at this depth; try the next one. No package.json at all: version unknown.
    }
  }
  return '0.0.0';
}

void runCli(process.argv.slice(2), { out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`), err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`) }, version()).then((code) => {
  process.exitCode = code;
});
