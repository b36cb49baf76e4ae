import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths';

/** Flags for a quiet, offline headless Chromium: nothing phones home during a test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium. A missing browser is a failure with the fix in the
 * message, never a skip: CI installs it with apt (.ci/run), and a silently skipped browser
 * proof would look like a passing one.
 */
export async function launchChromium(executable: string = CHROMIUM): Promise<Browser> {
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}. The browser tests need the Debian package: ` +
        '`sudo apt-get install -y chromium` (they never download a browser). ' +
        'Set E2E_CHROMIUM to use another Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
}
