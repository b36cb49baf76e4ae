#!/usr/bin/env node
// `npm start`: sideloads the add-in into desktop Excel with Microsoft's office-addin-debugging,
// fetched on demand (npx) so that `npm ci` never installs it: it pulls keytar, a native module
// that needs libsecret and a compiler to build. Desktop Excel exists on Windows and macOS
// only; anywhere else this prints what to do instead and exits non-zero, having done nothing.
//
//   SCORECARD_START_PLATFORM  pretend to be another platform (tests)
//   SCORECARD_START_DRY_RUN=1 print the command instead of running it (tests)
import { spawnSync } from "node:child_process";

const DEBUGGING = "office-addin-debugging@7";
const platform = process.env.SCORECARD_START_PLATFORM || process.platform;
const args = process.argv.slice(2);
const stop = args.includes("--stop");

if (platform !== "win32" && platform !== "darwin") {
  const lines = [
    `npm start sideloads into desktop Excel, which does not run on this system (${platform}).`,
    "",
    "To try the add-in in Excel on the web instead:",
    "  1. npm run dev-server          (serves https://localhost:3000; leave it running)",
    "  2. open https://localhost:3000/taskpane.html once in the same browser and accept its",
    "     certificate if asked (a self-signed one is used when no trusted one is installed)",
    "  3. in Excel on the web, open a workbook: Home > Add-ins > More Add-ins > My Add-ins >",
    "     Upload My Add-in, and choose manifest.xml from this folder",
    "",
    "To install it for others, build it for an https host: see docs/DEPLOY.md.",
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(stop ? 0 : 1);
}

const command = ["npx", "--yes", DEBUGGING, stop ? "stop" : "start", "manifest.xml"];
if (process.env.SCORECARD_START_DRY_RUN) {
  process.stdout.write(`${command.join(" ")}\n`);
  process.exit(0);
}
const run = spawnSync(command[0], command.slice(1), { stdio: "inherit", shell: platform === "win32" });
process.exit(run.status ?? 1);
