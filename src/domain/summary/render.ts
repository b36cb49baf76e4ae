import { summaryMsg } from '../messages';
import { sheetNameKey } from '../sheet/grid';
import type { SummaryBullet, SummaryDraft } from './draftSummary';

function bullet(b: SummaryBullet): string {
  return `${b.ref}: ${b.text}`;
}

/**
 * The draft as Markdown: a title, then per section its two lists (an empty list is left out).
 *
 * @example summaryMarkdown(draft).split('\n')[0] // '# Committee summary draft: Dec-20 (sheet "Dec-20")'
 */
export function summaryMarkdown(draft: SummaryDraft): string {
  const out = [`# ${summaryMsg.title(draft.month, draft.sheetName)}`, '', summaryMsg.intro, ''];
  if (draft.sections.length === 0) out.push(summaryMsg.nothing, '');
  for (const s of draft.sections) {
    out.push(`## ${s.name}`, '');
    for (const [title, list] of [[summaryMsg.working, s.working], [summaryMsg.focus, s.focus]] as const) {
      if (list.length === 0) continue;
      out.push(`### ${title}`, '', ...list.map((b) => `- ${bullet(b)}`), '');
    }
  }
  return out.join('\n');
}

/** One line of the draft as a sheet shows it: the text and whether it is a heading. */
export interface SummaryLine {
  text: string;
  level: 0 | 1 | 2 | 3;
}

/**
 * The draft as the lines of a summary sheet, one per row: title, sections, list titles
 * (headings) and bullets (level 3), with no blank lines in between.
 *
 * @example summaryLines(draft)[1] // { text: 'FRONT DOOR', level: 1 }
 */
export function summaryLines(draft: SummaryDraft): SummaryLine[] {
  const lines: SummaryLine[] = [{ text: summaryMsg.title(draft.month, draft.sheetName), level: 0 }, { text: summaryMsg.intro, level: 3 }];
  if (draft.sections.length === 0) lines.push({ text: summaryMsg.nothing, level: 3 });
  for (const s of draft.sections) {
    lines.push({ text: s.name, level: 1 });
    for (const [title, list] of [[summaryMsg.working, s.working], [summaryMsg.focus, s.focus]] as const) {
      if (list.length === 0) continue;
      lines.push({ text: title, level: 2 }, ...list.map((b) => ({ text: `• ${bullet(b)}`, level: 3 as const })));
    }
  }
  return lines;
}

/** Longest sheet name Excel allows (Excel specifications and limits: 31 characters). */
export const MAX_SHEET_NAME = 31;

/**
 * The month as a sheet name may hold it: Excel refuses `[ ] : * ? / \` in a sheet name and
 * an apostrophe at either end, so a month header such as `31/12/2020` becomes `31-12-2020`.
 */
function safeMonth(month: string): string {
  const cleaned = month.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  return cleaned === '' ? summaryMsg.noMonth : cleaned;
}

/**
 * A sheet name for the summary that no sheet has: `Summary Dec-20`, else `Summary Dec-20 (2)`, …
 * (never overwriting: an analyst who drafts again keeps the draft they may have edited).
 * Sheet names compare as Excel compares them (`sheetNameKey`); characters Excel refuses are replaced and
 * the month is shortened so that the name with its `(n)` stays within 31 characters.
 *
 * @example freeSummaryName('Dec-20', ['Dec-20', 'Summary Dec-20']) // 'Summary Dec-20 (2)'
 */
export function freeSummaryName(month: string, existing: string[]): string {
  const taken = new Set(existing.map(sheetNameKey));
  const safe = safeMonth(month);
  for (let n = 1; ; n++) {
    const room = MAX_SHEET_NAME - summaryMsg.sheetName('', n).length;
    const name = summaryMsg.sheetName(safe.slice(0, Math.max(0, room)).trimEnd(), n);
    if (!taken.has(sheetNameKey(name))) return name;
  }
}

/**
 * The draft as plain text to copy into slides or an email: the title, then per section its
 * name, each list title and its bullets (`• 2.2: …`), sections apart by a blank line.
 *
 * @example summaryText(draft).split('\n')[0] // 'Committee summary draft: Dec-20 (sheet "Dec-20")'
 */
export function summaryText(draft: SummaryDraft): string {
  const out: string[] = [];
  for (const line of summaryLines(draft)) {
    if (line.level === 1) out.push('');
    out.push(line.text);
  }
  return out.join('\n');
}
