import * as path from 'path';

/** Repository root (test/e2e/harness -> ../../..). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The production build the tests open: what ships is what is tested (BUILD_TEST_DIST: another build). */
export { DIST } from '../../build/dist';
/** Git-ignored output: screenshots, the host bundle, failure dumps. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const HOST_OUT = path.join(ARTIFACTS, 'e2e-host');
export const SCREENSHOTS = path.join(ARTIFACTS, 'e2e');
/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
