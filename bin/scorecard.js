#!/usr/bin/env node
// The `scorecard` command (package.json "bin"). Runs the compiled tool in dist-cli/
// (`npm run build:cli`); without a build, it runs the TypeScript source through tsx (a
// dev dependency), so `npx scorecard` works straight after `npm ci`.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, '..', 'dist-cli', 'src', 'cli', 'bin.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  try {
    require('tsx/cjs');
  } catch {
    process.stderr.write('scorecard is not built: run `npm run build:cli` (or `npm ci` to install tsx).\n');
    process.exit(1);
  }
  require(join(__dirname, '..', 'src', 'cli', 'bin.ts'));
}
