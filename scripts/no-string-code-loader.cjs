// A webpack loader for exceljs's prebuilt browser bundle (the pane loads it lazily to read an
// uploaded .xlsx). That bundle carries three idioms that build code from strings, which the
// pane's CSP (no 'unsafe-eval') would refuse if they ever ran, and which we promise never to ship:
//   setImmediate polyfill:  "function"!=typeof e&&(e=new Function(""+e))
//                           -> a string "callback" throws a TypeError instead of being compiled
//   global lookups:         Function("return this")()          -> globalThis (ES2020 target)
//   regenerator fallback:   Function("r","regeneratorRuntime = r")(n) -> globalThis.regeneratorRuntime=n
// Each replacement does what the original does in a browser, minus compiling a string.
// test/build/noStringCodeLoader.test.ts checks the rewrites; test/build/bundle.test.ts checks
// that nothing of the kind is left in dist/.
"use strict";

const REWRITES = [
  [/\bnew Function\(\s*""\s*\+\s*([A-Za-z_$][\w$]*)\s*\)/g, 'function(){throw new TypeError("setImmediate needs a function")}'],
  [/\bFunction\(\s*"return this"\s*\)\(\s*\)/g, "globalThis"],
  [/\bFunction\(\s*"r"\s*,\s*"regeneratorRuntime = r"\s*\)\(\s*([A-Za-z_$][\w$]*)\s*\)/g, "(globalThis.regeneratorRuntime=$1)"],
];

/** Rewrites the string-compiling idioms in `source`; returns the new source. */
function rewrite(source) {
  return REWRITES.reduce((code, [pattern, replacement]) => code.replace(pattern, replacement), source);
}

module.exports = function noStringCodeLoader(source) {
  return rewrite(source);
};
module.exports.rewrite = rewrite;
