// The manifest as shipped: the dev URLs (https://localhost:3000/) rewritten to the base URL the
// add-in is hosted at, as the Office templates' urlDev -> urlProd step does. Used by
// webpack.config.js for `ADDIN_URL=https://host/path/ npm run build`; test/build/hosted.test.ts
// checks that every URL of the result points there and that it passes `npm run validate`.
"use strict";

const DEV_URL = "https://localhost:3000/";

/** `content` with every dev URL pointing at `target` (https, a trailing slash added); unchanged without a target. */
function manifestFor(content, target) {
  const text = content.toString();
  if (!target) return text;
  const base = target.endsWith("/") ? target : `${target}/`;
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_URL must be an https URL, got ${target}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be https (Office requires it), got ${target}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must be a plain base URL without ? or #, got ${target}`);
  return text.split(DEV_URL).join(base);
}

module.exports = { DEV_URL, manifestFor };
