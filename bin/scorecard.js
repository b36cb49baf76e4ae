#!/usr/bin/env node
// The `scorecard` command (package.json "bin"). Runs the compiled tool in dist-cli/
// (`npm run build:cli`) when that build is newer than the source; otherwise runs the
// TypeScript source through tsx (a dev dependency), so `npx scorecard` works straight
// after `npm ci` and never runs a stale build after the source changed.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const compiled = join(root, 'dist-cli', 'src', 'cli', 'bin.js');

function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path));
    else if (entry.name.endsWith('.ts')) time = Math.max(time, statSync(path).mtimeMs);
  }
  return time;
}

function sourceIsNewer() {
  const src = join(root, 'src');
  if (!existsSync(src)) return false; // an installed package ships dist-cli only
  return ['cli', 'xlsx', 'domain'].some((dir) => existsSync(join(src, dir)) && newest(join(src, dir)) > statSync(compiled).mtimeMs);
}

let tsx = false;
if (!existsSync(compiled) || sourceIsNewer()) {
  try {
    require('tsx/cjs');
    tsx = true;
  } catch {
    if (!existsSync(compiled)) {
      process.stderr.write('scorecard is not built: run `npm run build:cli` (or `npm ci` to install tsx).\n');
      process.exit(1);
    }
  }
}
require(tsx ? join(root, 'src', 'cli', 'bin.ts') : compiled);
