#!/usr/bin/env node
// Offline checks of the add-in-only manifest, so `npm run validate` (and CI) never needs
// Microsoft's online validation service:
//   - the XML is well formed (xml2js in strict mode, a real parser, not a regex);
//   - every `resid` resolves to a resource of the right kind, and resource ids are unique;
//   - the shared runtime is wired consistently: Runtime, FunctionFile, the custom functions'
//     Page, the ribbon's ShowTaskpane action and DefaultSettings all name the one page;
//   - every URL is https;
//   - every icon URL on the add-in's own origin names a PNG in assets/ of the stated size;
//   - office-addin-manifest (the Office tooling's own reader) can read it.
// With --dist, every same-origin URL (taskpane.html, functions.js, functions.json) must also
// exist beside the manifest, which is how the build test checks dist/. With --base URL, every
// URL must point under that base (a hosted build: nothing left on localhost).
//
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--dist] [--base https://host/path/] [--online]
// Exit code 0 when valid, 1 with one line per problem otherwise.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `bt:Image` -> `Image`: the checks care about elements, not the prefix a file happens to use. */
const local = (name) => name.slice(name.indexOf(":") + 1);

/**
 * Flattens xml2js output ({ $: attrs, _: text, Child: [...] }) into a list of
 * { name, attrs, text, path } so checks can be written as simple filters.
 */
function flatten(name, node, path = []) {
  const here = [...path, local(name)];
  if (typeof node === "string") return [{ name: local(name), attrs: {}, text: node.trim(), path: here }];
  const element = { name: local(name), attrs: node.$ ?? {}, text: (node._ ?? "").trim(), path: here };
  const out = [element];
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_") continue;
    for (const child of value) out.push(...flatten(key, child, here));
  }
  return out;
}

const URL_KINDS = new Set(["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl", "Override"]);
const STRING_KINDS = new Set(["Label", "Title", "Description", "Namespace"]);

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(file) {
  const bytes = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Checks one manifest file and returns the problems found (empty when valid).
 * @param {string} manifestPath
 * @param {{ dist?: boolean }} options
 * @returns {Promise<string[]>}
 */
export async function validateManifest(manifestPath, options = {}) {
  const problems = [];
  if (options.base !== undefined && !/^https:\/\/[^/]+\/(.*\/)?$/.test(options.base)) {
    problems.push(`--base ${options.base} must be an https URL ending in /`);
  }
  if (!existsSync(manifestPath)) return [`cannot read ${manifestPath}: no such file`];
  const xml = readFileSync(manifestPath, "utf8");
  const baseDir = dirname(resolve(manifestPath));

  let doc;
  try {
    const { parseStringPromise } = require("xml2js");
    doc = await parseStringPromise(xml, { strict: true });
  } catch (error) {
    // sax reports "Line/Column" 0-based on separate lines; keep them on one line for the reader.
    return [`the XML is not well formed: ${String(error.message).replace(/\s*\n\s*/g, " ").trim()}`];
  }
  const rootName = Object.keys(doc)[0];
  if (local(rootName) !== "OfficeApp") return [`the root element is <${rootName}>, expected <OfficeApp>`];
  const all = flatten(rootName, doc[rootName]);
  const root = all[0];
  const byName = (name) => all.filter((e) => e.name === name);
  const within = (e, ancestor) => e.path.slice(0, -1).includes(ancestor);

  if (root.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"] ?? ""}", expected "TaskPaneApp" for an Excel task pane add-in`);
  }
  const id = byName("Id").find((e) => e.path.length === 2)?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`<Id> "${id}" is not a GUID`);
  }
  const hosts = byName("Host").filter((e) => e.path.length === 3).map((e) => e.attrs.Name);
  if (!hosts.includes("Workbook")) problems.push(`<Hosts> does not include Workbook (Excel); found: ${hosts.join(", ") || "none"}`);

  // Resources: ids are unique within the manifest and each has a DefaultValue.
  const resources = new Map();
  for (const e of all.filter((e) => within(e, "Resources") && e.attrs.id !== undefined)) {
    const kind = e.name === "Url" ? "url" : e.name === "Image" ? "image" : "string";
    if (resources.has(e.attrs.id)) problems.push(`resource id "${e.attrs.id}" is defined more than once`);
    if (e.attrs.id.length > 32) problems.push(`resource id "${e.attrs.id}" is longer than 32 characters`);
    if (!e.attrs.DefaultValue) problems.push(`resource "${e.attrs.id}" has no DefaultValue`);
    resources.set(e.attrs.id, { kind, value: e.attrs.DefaultValue ?? "" });
  }

  // Every resid resolves, to the kind of resource its element needs.
  for (const e of all.filter((e) => e.attrs.resid !== undefined)) {
    const resource = resources.get(e.attrs.resid);
    const where = e.path.slice(-3).join(" > ");
    if (!resource) {
      problems.push(`resid "${e.attrs.resid}" (in ${where}) is not defined in <Resources>`);
      continue;
    }
    const wanted = e.name === "Image" ? "image" : URL_KINDS.has(e.name) ? "url" : STRING_KINDS.has(e.name) ? "string" : null;
    if (wanted && resource.kind !== wanted) {
      const a = (kind) => (kind === "image" ? `an ${kind}` : `a ${kind}`);
      problems.push(`resid "${e.attrs.resid}" (in ${where}) names ${a(resource.kind)} resource, expected ${a(wanted)}`);
    }
  }
  const urlOf = (resid) => resources.get(resid)?.value;

  // Shared runtime: one page hosts the pane, the functions and the function file.
  const runtimes = byName("Runtime");
  if (runtimes.length !== 1) {
    problems.push(`expected exactly one <Runtime> (the shared runtime), found ${runtimes.length}`);
  }
  const runtime = runtimes[0];
  if (runtime) {
    if (runtime.attrs.lifetime !== "long") {
      problems.push(`<Runtime resid="${runtime.attrs.resid}"> has lifetime "${runtime.attrs.lifetime ?? "short"}", expected "long" so the functions keep running with the pane closed`);
    }
    const sets = byName("Set").map((e) => e.attrs.Name);
    if (!sets.includes("SharedRuntime")) problems.push(`<Requirements> does not ask for SharedRuntime, which <Runtime> needs`);
    const shared = runtime.attrs.resid;
    const customFunctions = all.filter((e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
    const mustMatch = [
      ...byName("FunctionFile").map((e) => ["<FunctionFile>", e.attrs.resid]),
      ...all
        .filter((e) => e.name === "SourceLocation" && e.path.at(-2) === "Page" && customFunctions.length > 0)
        .map((e) => ["custom functions <Page>", e.attrs.resid]),
      ...all
        .filter((e) => e.name === "SourceLocation" && e.path.at(-2) === "Action")
        .map((e) => ["the ribbon button's ShowTaskpane action", e.attrs.resid]),
    ];
    for (const [what, resid] of mustMatch) {
      if (resid !== shared) problems.push(`${what} uses resid "${resid}", but the shared <Runtime> is "${shared}": they must be the same page`);
    }
    if (customFunctions.length > 0 && !mustMatch.some(([what]) => what === "custom functions <Page>")) {
      problems.push(`the CustomFunctions extension point has no <Page>; with a shared runtime it must name "${shared}"`);
    }
    const defaultPage = byName("SourceLocation").find((e) => e.path.includes("DefaultSettings"))?.attrs.DefaultValue;
    if (defaultPage !== undefined && urlOf(shared) !== undefined && defaultPage !== urlOf(shared)) {
      problems.push(`<DefaultSettings> opens ${defaultPage}, but the shared runtime page is ${urlOf(shared)}`);
    }
    const script = all.find((e) => e.name === "SourceLocation" && e.path.at(-2) === "Script");
    if (customFunctions.length > 0 && script && !/\.js$/.test(urlOf(script.attrs.resid) ?? "")) {
      problems.push(`custom functions <Script> names ${urlOf(script.attrs.resid)}, expected a .js file`);
    }
    const metadata = all.find((e) => e.name === "SourceLocation" && e.path.at(-2) === "Metadata");
    if (customFunctions.length > 0 && !/\.json$/.test(urlOf(metadata?.attrs.resid) ?? "")) {
      problems.push(`custom functions <Metadata> names ${urlOf(metadata?.attrs.resid) ?? "nothing"}, expected functions.json`);
    }
    const namespace = urlOf(all.find((e) => e.name === "Namespace")?.attrs.resid);
    if (customFunctions.length > 0 && !/^[A-Za-z][A-Za-z0-9.]*$/.test(namespace ?? "")) {
      problems.push(`custom functions namespace "${namespace ?? ""}" must start with a letter and hold only letters, digits and dots`);
    }
  }

  // Every URL is https: Office refuses http pages, and mixed content breaks the pane.
  const urls = [
    ...all.filter((e) => e.attrs.DefaultValue !== undefined && /^[a-z]+:/i.test(e.attrs.DefaultValue) && e.name !== "String")
      .map((e) => [e.attrs.id ?? e.name, e.attrs.DefaultValue]),
    ...all.filter((e) => e.name === "Override" && e.attrs.Value).map((e) => [`${e.path.at(-2)} override`, e.attrs.Value]),
    ...byName("AppDomain").map((e) => ["AppDomain", e.text]),
  ];
  for (const [what, url] of urls) {
    if (!/^https:\/\//i.test(url)) problems.push(`${what} URL ${url} is not https`);
    if (options.base && !url.startsWith(options.base)) problems.push(`${what} URL ${url} is not under ${options.base}`);
  }
  for (const e of byName("SourceLocation").filter((e) => e.path.includes("DefaultSettings"))) {
    if (!/^https:\/\//i.test(e.attrs.DefaultValue ?? "")) problems.push(`<DefaultSettings> URL ${e.attrs.DefaultValue} is not https`);
  }

  // Files on the add-in's own origin must exist beside the manifest (icons always; every file with --dist).
  const pageUrl = runtime ? urlOf(runtime.attrs.resid) : byName("SourceLocation").find((e) => e.path.includes("DefaultSettings"))?.attrs.DefaultValue;
  let base = null;
  try {
    base = pageUrl ? new URL(".", pageUrl) : null;
  } catch {
    problems.push(`the add-in page URL ${pageUrl} is not a valid URL`);
  }
  const fileFor = (url) => {
    if (!base || !url.startsWith(base.href)) return null;
    return join(baseDir, decodeURIComponent(url.slice(base.href.length).split(/[?#]/)[0]));
  };
  const icons = [
    ...all.filter((e) => e.name === "Image" && e.attrs.id !== undefined).map((e) => [e.attrs.id, e.attrs.DefaultValue, /(\d+)x\1/.exec(e.attrs.id)?.[1]]),
    ...["IconUrl", "HighResolutionIconUrl"].flatMap((n) => byName(n).map((e) => [n, e.attrs.DefaultValue, null])),
  ];
  // The size an image is used at comes from <bt:Image size="16" resid="...">.
  const usedAt = new Map();
  for (const e of all.filter((e) => e.name === "Image" && e.attrs.resid !== undefined)) {
    usedAt.set(e.attrs.resid, e.attrs.size);
  }
  for (const [what, url, sizeFromId] of icons) {
    const file = fileFor(url ?? "");
    if (!file) continue;
    const shown = relative(process.cwd(), file) || file;
    if (!existsSync(file)) {
      problems.push(`${what} points to ${url}, but ${shown} does not exist`);
      continue;
    }
    const size = pngSize(file);
    if (!size) {
      problems.push(`${what}: ${shown} is not a PNG`);
      continue;
    }
    const expected = Number(usedAt.get(what) ?? sizeFromId ?? NaN);
    if (Number.isFinite(expected) && (size.width !== expected || size.height !== expected)) {
      problems.push(`${what}: ${shown} is ${size.width}x${size.height}, expected ${expected}x${expected}`);
    }
  }
  if (options.dist) {
    for (const [what, url] of urls) {
      const file = fileFor(url);
      if (file && !existsSync(file)) problems.push(`${what} points to ${url}, but ${relative(process.cwd(), file) || file} was not built`);
    }
  }

  // Finally the Office tooling's own reader (its API, not the CLI, which reports usage data).
  try {
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    if (!info.id || !info.hosts?.length) problems.push(`office-addin-manifest read the file but found no id or hosts`);
  } catch (error) {
    problems.push(`office-addin-manifest cannot read it: ${String(error.message ?? error).replace(/\s*\n\s*/g, " ").trim()}`);
  }
  return problems;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf("--base");
  const base = baseAt >= 0 ? args[baseAt + 1] ?? "" : undefined;
  const manifestPath = args.find((a, i) => !a.startsWith("--") && !(baseAt >= 0 && i === baseAt + 1)) ?? "manifest.xml";
  const problems = await validateManifest(manifestPath, { dist: args.includes("--dist"), base });
  for (const p of problems) console.error(`${manifestPath}: ${p}`);
  if (problems.length > 0) {
    console.error(`${manifestPath}: ${problems.length} problem${problems.length === 1 ? "" : "s"}; not valid`);
    process.exit(1);
  }
  console.log(`${manifestPath}: valid (offline checks and office-addin-manifest)`);
  if (args.includes("--online")) {
    // Optional: Microsoft's online validation service; needs the network, never required.
    const cli = require.resolve("office-addin-manifest/cli.js");
    const result = spawnSync(process.execPath, [cli, "validate", manifestPath], { stdio: "inherit" });
    process.exit(result.status ?? 1);
  }
}
