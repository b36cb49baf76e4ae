import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureProductionBuild } from './dist';

const VALIDATOR = path.join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function validate(manifestPath: string, ...flags: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, manifestPath, ...flags], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The directories mutatedCopy made: removed after the tests. */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the manifest and its icons in a fresh directory, with `edit` applied to the XML. */
function mutatedCopy(edit: (xml: string) => string, editAssets?: (assetsDir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  copies.push(dir);
  fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  editAssets?.(path.join(dir, 'assets'));
  const file = path.join(dir, 'manifest.xml');
  const edited = edit(MANIFEST);
  // A mutation that changes nothing would make its case pass for the wrong reason.
  if (edited === MANIFEST && !editAssets) throw new Error('mutation did not change the manifest');
  fs.writeFileSync(file, edited);
  return file;
}

describe('the manifest', () => {
  it('passes the offline validator (npm run validate)', () => {
    const { status, output } = validate(path.join(ROOT, 'manifest.xml'));
    expect(output).toMatch(/valid/);
    expect(status).toBe(0);
  });

  describe('as built', () => {
    beforeAll(ensureProductionBuild, BUILD_TIMEOUT_MS);

    it('passes the validator with every same-origin file present in dist/', () => {
      const { status, output } = validate(path.join(DIST, 'manifest.xml'), '--dist');
      expect(output).not.toMatch(/problem/);
      expect(status).toBe(0);
    });
  });

  it('declares a shared runtime hosting the PERF functions with least privilege', () => {
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane\.Url" lifetime="long"\s*\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="PERF"\s*\/>/);
    expect(MANIFEST).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    // 1.2 at least: CustomFunctions.Error, which the functions throw, arrived in 1.2.
    expect(MANIFEST).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.[2-9]"\s*\/>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });
});

describe('the offline validator rejects a broken manifest', () => {
  it.each<[string, (xml: string) => string, RegExp]>([
    ['truncated XML', (xml) => xml.slice(0, Math.floor(xml.length / 2)), /not well formed/],
    ['a mismatched closing tag', (xml) => xml.replace('</Hosts>', '</Host>'), /not well formed/],
    ['a resid with no resource', (xml) => xml.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), /"Group\.Missing".*not defined/],
    ['a resid naming the wrong kind of resource', (xml) => xml.replace('<Label resid="Group.Label"/>', '<Label resid="Icon.16x16"/>'), /names an image resource, expected a string/],
    ['a duplicated resource id', (xml) => xml.replace('<bt:String id="Group.Label"', '<bt:String id="OpenPane.Label"'), /"OpenPane\.Label" is defined more than once/],
    ['a FunctionFile on another page than the runtime', (xml) => xml.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'), /<FunctionFile> uses resid "GetStarted\.LearnMoreUrl".*shared <Runtime> is "Taskpane\.Url"/],
    ['custom functions on another page than the runtime', (xml) => xml.replace(/(<Page>\s*<SourceLocation resid=")Taskpane\.Url/, '$1GetStarted.LearnMoreUrl'), /custom functions <Page> uses resid "GetStarted\.LearnMoreUrl"/],
    ['a short-lived runtime', (xml) => xml.replace('lifetime="long"', 'lifetime="short"'), /lifetime "short", expected "long"/],
    ['an http URL', (xml) => xml.replace('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'), /Functions\.Metadata\.Url URL http:\/\/localhost:3000\/functions\.json is not https/],
    ['an icon URL with no file', (xml) => xml.replace('assets/icon-80.png"', 'assets/icon-81.png"'), /icon-81\.png does not exist/],
    ['no SharedRuntime requirement', (xml) => xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /does not ask for SharedRuntime/],
    ['a namespace with a space', (xml) => xml.replace('DefaultValue="PERF"', 'DefaultValue="PERF X"'), /namespace "PERF X"/],
    ['an Id that is not a GUID', (xml) => xml.replace(/<Id>[^<]+<\/Id>/, '<Id>scorecard</Id>'), /<Id> "scorecard" is not a GUID/],
  ])('fails, naming the problem, for %s', (_case, edit, message) => {
    const { status, output } = validate(mutatedCopy(edit));
    expect(output).toMatch(message);
    expect(status).toBe(1);
  });

  it('fails when an icon has the wrong pixel size', () => {
    const file = mutatedCopy(
      (xml) => xml,
      (assets) => fs.copyFileSync(path.join(assets, 'icon-32.png'), path.join(assets, 'icon-16.png')),
    );
    const { status, output } = validate(file);
    expect(output).toMatch(/icon-16\.png is 32x32, expected 16x16/);
    expect(status).toBe(1);
  });

  it('fails for a missing file, with a message rather than a stack trace', () => {
    const { status, output } = validate(path.join(os.tmpdir(), 'no-such-manifest.xml'));
    expect(output).toMatch(/no such file/);
    expect(output).not.toMatch(/\n\s+at /);
    expect(status).toBe(1);
  });
});
