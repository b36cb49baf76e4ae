import { openZip, readEntryText, type ZipArchive } from './zip';

/**
 * What exceljs 4.4 keeps and drops, read from its source (node_modules/exceljs/lib/xlsx/
 * xlsx.js `read`, xform/sheet/worksheet-xform.js, xform/book/workbook-xform.js,
 * xform/drawing/*): it parses the workbook, styles, shared strings, themes, worksheets
 * named `sheetN.xml`, their legacy comments (notes), tables and pictures, and writes back
 * only what it parsed. Every other part of the zip is silently dropped. Pictures survive
 * but are rewritten with a fixed shape (name, alt text, cropping, borders and effects
 * are lost: see xform/drawing/c-nv-pr-xform.js and sp-pr.js), so they count as a loss.
 */

/** One kind of content the workbook has and a save through exceljs would lose. */
export interface Loss {
  /** What the analyst would lose, in their words (`charts`, `macros (VBA project)`). */
  what: string;
  /** The zip parts (or `part: element`) that hold it, as evidence. */
  parts: string[];
}

export interface LossReport {
  losses: Loss[];
  /** Parts dropped that Excel rebuilds by itself (calculation chain, printer driver data). */
  rebuilt: string[];
}

type Rule = readonly [RegExp, string];

/** Parts exceljs never reads, by path. */
const DROPPED_PARTS: readonly Rule[] = [
  [/^xl\/charts\/chart\d*\.xml$/i, 'charts'],
  [/^xl\/chartsheets\/.*\.xml$/i, 'chart sheets'],
  [/^xl\/pivotTables\/.*\.xml$/i, 'pivot tables'],
  [/^xl\/pivotCache\/.*\.xml$/i, 'pivot table caches'],
  [/^xl\/vbaProject\.bin$/i, 'macros (VBA project)'],
  [/^xl\/macrosheets\//i, 'Excel 4.0 macro sheets'],
  [/^xl\/dialogsheets\//i, 'dialog sheets'],
  [/^xl\/(slicers|slicerCaches)\/.*\.xml$/i, 'slicers'],
  [/^xl\/(timelines|timelineCaches)\/.*\.xml$/i, 'timelines'],
  [/^xl\/externalLinks\/.*\.xml$/i, 'links to other workbooks'],
  [/^xl\/embeddings\//i, 'embedded objects'],
  [/^xl\/activeX\//i, 'ActiveX controls'],
  [/^xl\/ctrlProps\//i, 'form controls'],
  [/^xl\/threadedComments\//i, 'threaded comments and their replies'],
  [/^xl\/connections\.xml$/i, 'data connections'],
  [/^xl\/queryTables\//i, 'query tables'],
  [/^customXml\/item\d*\.xml$/i, 'custom XML parts (Power Query queries or add-in data)'],
  [/^docProps\/custom\.xml$/i, 'custom document properties'],
  [/^xl\/webextensions\/webextension\d*\.xml$/i, 'Office add-ins attached to the workbook and their saved settings'],
  [/^xl\/richData\//i, 'pictures in cells or linked data types'],
  [/^xl\/model\//i, 'a data model (Power Pivot)'],
];

/** Parts exceljs reads and writes back. */
const KEPT_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/drawings\/_rels\/[a-zA-Z0-9]+\.xml\.rels$/,
  // Relationship and supporting parts of content listed as a loss elsewhere.
  /^(customXml|xl\/[a-zA-Z]+)\/_rels\/.*\.rels$/,
  /^customXml\/itemProps\d*\.xml$/,
  /^xl\/persons\/person\.xml$/,
  /^xl\/charts\/(style|colors)\d*\.xml$/,
  /^xl\/webextensions\/taskpanes\.xml$/,
];

/** Parts Excel regenerates on its own: losing them loses nothing the analyst made. */
const REBUILT_PARTS: readonly Rule[] = [
  [/^xl\/calcChain\.xml$/i, 'calculation chain (Excel rebuilds it)'],
  [/^xl\/printerSettings\//i, 'printer driver settings (the page setup itself is kept)'],
  [/^docProps\/thumbnail\./i, 'file thumbnail'],
];

/** Worksheet elements exceljs's worksheet reader has no mapping for. */
const DROPPED_SHEET_ELEMENTS: readonly Rule[] = [
  [/<colBreaks\b/, 'manual column page breaks'],
  [/<customSheetViews\b/, 'custom views'],
  [/<protectedRanges\b/, 'protected ranges (allow users to edit ranges)'],
  [/<scenarios\b/, 'what-if scenarios'],
  [/<oleObjects\b/, 'embedded objects'],
  [/<controls\b/, 'form controls'],
  [/<legacyDrawingHF\b/, 'header/footer pictures'],
  [/<dataConsolidate\b/, 'data consolidation settings'],
  [/<cellWatches\b/, 'cell watches'],
  [/<webPublishItems\b/, 'web publish items'],
];

/** Worksheet extension blocks by their well-known `uri`; exceljs keeps only conditional formats. */
const KEPT_SHEET_EXTENSION = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
const SHEET_EXTENSIONS: Record<string, string> = {
  '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklines',
  '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'data validation lists that refer to other sheets',
  '{A8765BA9-456A-4dab-B4F3-ACF838C121DE}': 'slicers',
  '{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}': 'slicers',
  '{7E03D99C-DC04-49d9-9315-930204A7B6E9}': 'timelines',
  '{09A3AEC4-B2EA-4d4d-A8E6-F5C2D6A5C6D2}': 'protected ranges',
};

const DROPPED_WORKBOOK_ELEMENTS: readonly Rule[] = [
  [/<workbookProtection\b/, 'workbook structure protection'],
  [/<fileSharing\b/, 'the password to modify the file'],
  [/<customWorkbookViews\b/, 'custom views'],
];

/**
 * Lists what a save through exceljs would lose from this .xlsx, by inspecting its zip
 * parts (never by loading it, which would already have dropped them). Returns null when
 * the bytes are not a zip at all.
 *
 * @example
 * const report = await lossCheck(bytes);
 * report?.losses // [{ what: 'charts', parts: ['xl/charts/chart1.xml'] }]
 */
export async function lossCheck(data: ArrayBuffer | Uint8Array): Promise<LossReport | null> {
  const zip = openZip(data);
  if (!zip) return null;
  const losses = new Map<string, string[]>();
  const rebuilt = new Set<string>();
  const lose = (what: string, part: string): void => {
    losses.set(what, [...(losses.get(what) ?? []), part]);
  };

  for (const entry of zip.entries) {
    const name = entry.name;
    if (name.endsWith('/')) continue;
    const dropped = DROPPED_PARTS.find(([re]) => re.test(name));
    if (dropped) {
      lose(dropped[1], name);
      continue;
    }
    const benign = REBUILT_PARTS.find(([re]) => re.test(name));
    if (benign) {
      rebuilt.add(benign[1]);
      continue;
    }
    if (/^xl\/drawings\/[a-zA-Z0-9]+\.xml$/.test(name)) {
      await checkDrawing(zip, name, lose);
      continue;
    }
    if (/^xl\/drawings\/vmlDrawing\d+\.vml$/i.test(name)) {
      await checkVml(zip, name, lose);
      continue;
    }
    if (/^xl\/media\//.test(name)) continue; // judged through the drawings that use them
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      await checkXml(zip, name, DROPPED_SHEET_ELEMENTS, lose, checkSheetExtensions);
      continue;
    }
    if (name === 'xl/workbook.xml') {
      await checkXml(zip, name, DROPPED_WORKBOOK_ELEMENTS, lose);
      continue;
    }
    if (KEPT_PARTS.some((re) => re.test(name))) continue;
    lose('parts the xlsx library does not know', name);
  }
  return { losses: [...losses].map(([what, parts]) => ({ what, parts })), rebuilt: [...rebuilt] };
}

type Lose = (what: string, part: string) => void;

async function readOrLose(zip: ZipArchive, name: string, lose: Lose): Promise<string | null> {
  const entry = zip.entries.find((e) => e.name === name)!;
  const text = await readEntryText(zip, entry);
  if (text === null) lose('parts that could not be read', name);
  return text;
}

async function checkXml(zip: ZipArchive, name: string, rules: readonly Rule[], lose: Lose, extra?: (xml: string, name: string, lose: Lose) => void): Promise<void> {
  const xml = await readOrLose(zip, name, lose);
  if (xml === null) return;
  // Namespace prefixes vary between writers (`<x:colBreaks`), so compare local names.
  const local = xml.replace(/<(\/?)[A-Za-z0-9]+:/g, '<$1');
  for (const [re, what] of rules) if (re.test(local)) lose(what, `${name}: ${re.source.slice(1, -2)}`);
  extra?.(xml, name, lose);
}

function checkSheetExtensions(xml: string, name: string, lose: Lose): void {
  const extLst = /<(?:\w+:)?extLst>([\s\S]*)<\/(?:\w+:)?extLst>\s*<\/(?:\w+:)?worksheet>/.exec(xml);
  if (!extLst) return;
  for (const match of extLst[1]!.matchAll(/<(?:\w+:)?ext\b[^>]*\buri="([^"]+)"/g)) {
    const uri = match[1]!;
    if (uri.toUpperCase() === KEPT_SHEET_EXTENSION.toUpperCase()) continue;
    const known = Object.entries(SHEET_EXTENSIONS).find(([u]) => u.toUpperCase() === uri.toUpperCase());
    lose(known ? known[1] : 'Excel extension data', `${name}: ext ${uri}`);
  }
}

async function checkDrawing(zip: ZipArchive, name: string, lose: Lose): Promise<void> {
  const xml = await readOrLose(zip, name, lose);
  if (xml === null) return;
  const count = (re: RegExp): number => (xml.match(re) ?? []).length;
  if (count(/<(?:\w+:)?graphicFrame\b/g) > 0) {
    lose(xml.includes('/drawingml/2006/chart') ? 'charts' : 'SmartArt or other embedded graphics', name);
  }
  if (count(/<(?:\w+:)?(sp|grpSp|cxnSp)\b/g) > 0) lose('shapes and text boxes', name);
  if (count(/<(?:\w+:)?pic\b/g) > 0) lose('images (their alt text, cropping and effects would be rewritten)', name);
}

async function checkVml(zip: ZipArchive, name: string, lose: Lose): Promise<void> {
  const vml = await readOrLose(zip, name, lose);
  if (vml === null) return;
  // Legacy comment boxes are VML shapes of ObjectType "Note"; exceljs regenerates those
  // from the notes it keeps. Any other client data is a form control exceljs drops.
  for (const match of vml.matchAll(/ObjectType="([^"]+)"/g)) {
    if (match[1] !== 'Note') lose('form controls', `${name}: ${match[1]}`);
  }
  if (/<v:imagedata\b/.test(vml)) lose('header/footer pictures', name);
}

/** The losses, one line each, for messages: `charts (xl/charts/chart1.xml)`. */
export function describeLosses(losses: Loss[]): string[] {
  return losses.map((l) => `${l.what} (${l.parts.slice(0, 3).join(', ')}${l.parts.length > 3 ? `, and ${l.parts.length - 3} more` : ''})`);
}
