/**
 * The message catalogues (one per surface: the engine, the Excel adapter, the file adapter,
 * the CLI, the pane) hold every user-visible text once: no builder nobody calls, and no text
 * written in two catalogues. Read with TypeScript's language service, so a builder reached
 * through an alias (`const m = excelMessages; m.noTable(…)`) or a computed key
 * (`msg.dotLabels[state]`) counts as used, and a use in a test does not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './dist';
import { CATALOGUE_FILES, builders, catalogueTexts, languageService, normalise, sourceFiles, uses, type CatalogueText } from './catalogues';

const SRC = sourceFiles('src');
/** Building a language service over src takes seconds on a loaded machine: give the checks room. */
const SLOW = 180_000;

let shared: ReturnType<typeof languageService> | undefined;
/** The service over src as it is, built once for the checks that do not plant anything. */
function srcService(): ReturnType<typeof languageService> {
  shared ??= languageService(SRC);
  return shared;
}

/** Builders of the catalogues no file of src uses. */
function unused(overrides?: Record<string, string>): string[] {
  const service = overrides ? languageService(SRC, overrides) : srcService();
  return CATALOGUE_FILES.flatMap((file) => builders(service, file))
    .filter((b) => uses(service, b, SRC).length === 0)
    .map((b) => `${b.file}: ${b.name}`);
}

/** Texts of three letters or more found in more than one catalogue, with where each is. */
function duplicates(overrides: Record<string, string> = {}): string[] {
  const service = languageService(CATALOGUE_FILES, overrides);
  const byText = new Map<string, CatalogueText[]>();
  for (const file of CATALOGUE_FILES) {
    for (const t of catalogueTexts(service, file)) {
      const key = normalise(t.text);
      if (key.replace(/[^a-z]/g, '').length < 3) continue;
      byText.set(key, [...(byText.get(key) ?? []), t]);
    }
  }
  return [...byText]
    .filter(([, where]) => new Set(where.map((w) => w.file)).size > 1)
    .map(([text, where]) => `"${text}": ${where.map((w) => `${w.file}:${w.line}`).join(', ')}`);
}

/** A catalogue's source with one more entry in its first exported object. */
function planted(file: string, objectName: string, entry: string): Record<string, string> {
  const text = sourceText(file);
  const at = text.indexOf(`export const ${objectName} = {`);
  if (at < 0) throw new Error(`${objectName} not in ${file}`);
  const open = text.indexOf('{', at) + 1;
  return { [file]: `${text.slice(0, open)}\n  ${entry},${text.slice(open)}` };
}

function sourceText(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

describe('the message catalogues', () => {
  it('are every messages.ts and strings.ts of src', () => {
    expect(SRC.filter((f) => /\/(messages|strings)\.ts$/.test(f)).sort()).toEqual([...CATALOGUE_FILES].sort());
  });

  it('have no builder that nothing in src uses', () => {
    expect(unused()).toEqual([]);
  }, SLOW);

  it('hold no text twice', () => {
    expect(duplicates()).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('find a builder only its own catalogue mentions', () => {
      const found = unused(planted('src/cli/messages.ts', 'cliMessages', "plantedUnused: (): string => 'Planted and never called.'"));
      expect(found).toEqual(['src/cli/messages.ts: cliMessages.plantedUnused']);
    }, SLOW);

    it('count a builder reached through an alias or a computed key as used', () => {
      const service = srcService();
      const all = CATALOGUE_FILES.flatMap((file) => builders(service, file));
      const named = (name: string) => all.find((b) => b.name === name)!;
      // excel/messages.ts reads its hints through `const m = excelMessages`.
      expect(uses(service, named('excelMessages.noTableAction'), SRC).some((w) => w.startsWith('src/excel/messages.ts'))).toBe(true);
      // The pane names a DOT state through `msg.dotLabels[d]`.
      expect(uses(service, named('msg.dotLabels.stable'), SRC).some((w) => w.endsWith('(whole)'))).toBe(true);
    }, SLOW);

    it('find a text written in two catalogues, whatever its case and spacing', () => {
      const found = duplicates(planted('src/taskpane/strings.ts', 'paneText', "plantedCopy: 'Excel is  NOT available here. Open the add-in from Excel.'"));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^"excel is not available here\. open the add-in from excel\.": src\/excel\/messages\.ts:\d+, src\/taskpane\/strings\.ts:\d+$/);
    });

    it('compare templates with their holes, and not the words a builder compares with', () => {
      const found = duplicates(
        planted('src/xlsx/messages.ts', 'xlsxMessages', "plantedTemplate: (c: string): string => (c === 'Key' ? '' : `The sheet '${c}' is no longer in the workbook.`)"),
      );
      expect(found).toEqual([expect.stringMatching(/^"the sheet '\{\}' is no longer in the workbook\.": src\/excel\/messages\.ts:\d+, src\/xlsx\/messages\.ts:\d+$/)]);
    });
  });
});
