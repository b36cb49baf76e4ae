/**
 * Reads the message catalogues the way the compiler does (TypeScript's language service
 * over src/), for test/build/messages.test.ts: every builder of every catalogue, where it
 * is used, and the texts it holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from './dist';

/** The catalogue files: one per surface (the engine's is split in three, re-exported by the first). */
export const CATALOGUE_FILES = [
  'src/domain/messages.ts',
  'src/domain/revisions/messages.ts',
  'src/domain/pack/messages.ts',
  'src/excel/messages.ts',
  'src/xlsx/messages.ts',
  'src/cli/messages.ts',
  'src/taskpane/strings.ts',
] as const;

/** One builder (or fixed text) of a catalogue: `excelMessages.noTable`, `sheetMsg.keyRag.red`. */
export interface Builder {
  file: string;
  /** Dotted path from the exported object: `excelMessages.noTable`. */
  name: string;
  /** The node whose references are looked for (the property's name). */
  nameNode: ts.Node;
  /** The object it sits in, for a nested one (`sheetMsg.keyRag` of `sheetMsg.keyRag.red`). */
  parent?: ts.Node;
}

/** A text a catalogue file holds, and the builder (or module constant) it is in. */
export interface CatalogueText {
  file: string;
  text: string;
  line: number;
}

/** Every .ts/.tsx file under `dir`, relative to ROOT. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A language service over `files` (relative to ROOT); `overrides` replaces a file's text
 * (the tests use it to plant an unused builder or a duplicate without touching the disk).
 */
export function languageService(files: readonly string[], overrides: Readonly<Record<string, string>> = {}): ts.LanguageService {
  const absolute = new Map(files.map((f) => [path.join(ROOT, f), f]));
  const text = (abs: string): string | undefined => {
    const rel = absolute.get(abs);
    if (rel !== undefined && rel in overrides) return overrides[rel];
    return fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...absolute.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const t = text(name);
      return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => ({
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noLib: false,
      types: [],
    }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => text(name) !== undefined,
    readFile: (name) => text(name),
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * The texts a file shows: string literals, and template literals with each `${…}` written
 * `{}`. Not texts: imports, types (`'performance' | 'numeric'`), property keys, the
 * operands of a comparison (`convention === 'performance'`), `case` labels, index keys.
 */
export function catalogueTexts(service: ts.LanguageService, file: string): CatalogueText[] {
  const source = sourceFile(service, file);
  const out: CatalogueText[] = [];
  const push = (n: ts.Node, text: string): void => {
    out.push({ file, text, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return;
    if (ts.isCaseClause(n)) {
      n.statements.forEach(visit);
      return;
    }
    if (ts.isBinaryExpression(n) && COMPARISONS.has(n.operatorToken.kind)) {
      for (const side of [n.left, n.right]) if (!ts.isStringLiteralLike(side)) visit(side);
      return;
    }
    if (ts.isElementAccessExpression(n)) {
      visit(n.expression);
      if (!ts.isStringLiteralLike(n.argumentExpression)) visit(n.argumentExpression);
      return;
    }
    if (ts.isPropertyAssignment(n)) {
      visit(n.initializer);
      return;
    }
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      push(n, n.text);
      return;
    }
    if (ts.isTemplateExpression(n)) {
      push(n, n.head.text + n.templateSpans.map((s) => `{}${s.literal.text}`).join(''));
      for (const span of n.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

function sourceFile(service: ts.LanguageService, file: string): ts.SourceFile {
  const source = service.getProgram()?.getSourceFile(path.join(ROOT, file));
  if (!source) throw new Error(`${file} is not in the program`);
  return source;
}

/** The innermost node of `source` that starts at `position`. */
function nodeAt(source: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (position < n.getStart(source) || position >= n.getEnd()) return;
    found = n;
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

/** The builders of one catalogue file: the properties of its exported object literals, nested ones included. */
export function builders(service: ts.LanguageService, file: string): Builder[] {
  const source = sourceFile(service, file);
  const out: Builder[] = [];
  const collect = (object: ts.ObjectLiteralExpression, prefix: string, parent?: ts.Node): void => {
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !property.name || ts.isComputedPropertyName(property.name)) continue;
      const name = `${prefix}.${property.name.text}`;
      let value: ts.Expression = property.initializer;
      while (ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
      if (ts.isObjectLiteralExpression(value)) collect(value, name, property.name);
      else out.push({ file, name, nameNode: property.name, parent });
    }
  };
  for (const statement of source.statements) {
    const exported = ts.getModifiers(statement as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        let value: ts.Expression = d.initializer;
        while (ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
        if (ts.isObjectLiteralExpression(value)) collect(value, d.name.text);
        else out.push({ file, name: d.name.text, nameNode: d.name });
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      out.push({ file, name: statement.name.text, nameNode: statement.name });
    }
  }
  return out;
}

interface Reference {
  where: string;
  /** The expression the name is read in: `msg.dotLabels` for a reference to `dotLabels`. */
  node: ts.Node | undefined;
}

function references(service: ts.LanguageService, file: string, name: ts.Node, within: readonly string[]): Reference[] {
  const refs = service.findReferences(path.join(ROOT, file), name.getStart()) ?? [];
  const wanted = new Set(within.map((f) => path.join(ROOT, f)));
  const out: Reference[] = [];
  for (const group of refs) {
    for (const ref of group.references) {
      if (ref.isDefinition || !wanted.has(ref.fileName)) continue;
      const source = service.getProgram()?.getSourceFile(ref.fileName);
      if (!source) continue;
      const line = source.getLineAndCharacterOfPosition(ref.textSpan.start).line + 1;
      out.push({ where: `${path.relative(ROOT, ref.fileName)}:${line}`, node: nodeAt(source, ref.textSpan.start) });
    }
  }
  return out;
}

/**
 * The places (file:line) in `within` that use a builder, its own definition left out. A
 * nested text is also used where its object is read whole or by a computed key
 * (`msg.dotLabels[state]` uses every label).
 */
export function uses(service: ts.LanguageService, builder: Builder, within: readonly string[]): string[] {
  const direct = references(service, builder.file, builder.nameNode, within).map((r) => r.where);
  if (direct.length > 0 || !builder.parent) return direct;
  return references(service, builder.file, builder.parent, within)
    .filter((r) => {
      const access = r.node?.parent && ts.isPropertyAccessExpression(r.node.parent) && r.node.parent.name === r.node ? r.node.parent : r.node;
      return !(access?.parent && ts.isPropertyAccessExpression(access.parent) && access.parent.expression === access);
    })
    .map((r) => `${r.where} (whole)`);
}

/** A text as compared between catalogues: case, spacing and quote style do not make two texts different. */
export function normalise(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
