/**
 * Stage 1: one Red, Amber or Green cell into a term, before the ladder is known.
 *
 * Grammar (on the normalised text; see docs/DOMAIN.md "Reading tolerances"):
 *   cell      := blank | not-applicable | body note?
 *   body      := relative | range | bare | clause (connector? clause)?
 *   clause    := prefixOp number | number postfixOp
 *   range     := number (- | to) number | between number and number | from number to number
 *   relative  := reach? amount plus? side anchor | side anchor | outside anchor by amount
 * A `+` or postfix `>` only says where that band starts; which way it runs is decided by
 * the ladder as a whole, never here.
 */
import { formatNumber, msg } from '../messages';
import type { CellInput, Rag } from '../types';
import type { Side } from './types';
import { isNotApplicable, NUMBER, normaliseTolerance, readNumber, UNIT, unitOf, type NumberUnit } from './units';
import { hasUnreadDigits } from '../numerals';

export type RelativeSide = 'above' | 'below' | 'outside';
/** `upTo`: from the anchor out to the amount; `beyond`: past the amount. */
export type RelativeReach = 'upTo' | 'beyond';

export type Term =
  | { kind: 'none'; reason: 'blank' | 'notApplicable' }
  | { kind: 'interval'; lower: Side | null; upper: Side | null; percent: boolean; plain: number[]; note: string | null; text: string }
  | { kind: 'bare'; value: number; percent: boolean; plain: number[]; fromNumber: boolean; note: string | null; text: string }
  | { kind: 'range'; lower: number; upper: number; percent: boolean; plain: number[]; note: string | null; text: string }
  | {
      kind: 'relative';
      anchor: 'range' | 'target';
      side: RelativeSide;
      amount: number;
      unit: NumberUnit;
      reach: RelativeReach;
      /** The far end: `1+ above` leaves it to the neighbour (soft), `more than 1 above` excludes it. */
      far: { inclusive: boolean; soft: boolean };
      note: string | null;
      text: string;
    }
  | { kind: 'unreadable'; code: 'badTolerance'; message: string; text: string };

export type ReadTerm = Exclude<Term, { kind: 'none' } | { kind: 'unreadable' }>;

const NU = `${NUMBER}${UNIT}`;

type Op = '>' | '>=' | '<' | '<=' | 'soft>' | 'soft<';

// Longest spelling first: `less than or equal to` before `less than`, `>=` before `>`.
const PREFIX_WORDS: Array<[string, Op]> = [
  ['greater than or equal to', '>='],
  ['more than or equal to', '>='],
  ['equal to or greater than', '>='],
  ['equal to or more than', '>='],
  ['less than or equal to', '<='],
  ['equal to or less than', '<='],
  ['not less than', '>='],
  ['no less than', '>='],
  ['no fewer than', '>='],
  ['at least', '>='],
  ['minimum of', '>='],
  ['minimum', '>='],
  ['min.', '>='],
  ['min', '>='],
  ['not more than', '<='],
  ['no more than', '<='],
  ['not exceeding', '<='],
  ['no greater than', '<='],
  ['at most', '<='],
  ['up to', '<='],
  ['maximum of', '<='],
  ['maximum', '<='],
  ['max.', '<='],
  ['max', '<='],
  ['less than', '<'],
  ['fewer than', '<'],
  ['lower than', '<'],
  ['under', '<'],
  ['below', '<'],
  ['greater than', '>'],
  ['more than', '>'],
  ['higher than', '>'],
  ['exceeding', '>'],
  ['over', '>'],
  ['above', '>'],
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['>', '>'],
  ['<', '<'],
];

const POSTFIX_WORDS: Array<[string, Op]> = [
  ['or more', '>='],
  ['or above', '>='],
  ['and above', '>='],
  ['or over', '>='],
  ['and over', '>='],
  ['or higher', '>='],
  ['or greater', '>='],
  ['and more', '>='],
  ['plus', '>='],
  ['or less', '<='],
  ['or below', '<='],
  ['and below', '<='],
  ['and under', '<='],
  ['or under', '<='],
  ['or lower', '<='],
  ['or fewer', '<='],
  ['and less', '<='],
  ['+', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  // `90%>` is "90% and above", `13%<` "13% and below": which side keeps 90% is left to the neighbour.
  ['>', 'soft>'],
  ['<', 'soft<'],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: Array<[string, Op]>): string => words.map(([w]) => escape(w)).join('|');
const PREFIX_OPS = new Map(PREFIX_WORDS);
const POSTFIX_OPS = new Map(POSTFIX_WORDS);

const PREFIX_CLAUSE = new RegExp(String.raw`^(${alternatives(PREFIX_WORDS)})\s*${NU}`);
const POSTFIX_CLAUSE = new RegExp(String.raw`^${NU}\s*(${alternatives(POSTFIX_WORDS)})(?![\d.])`);
const CONNECTOR = /^\s*(?:,|;|&|\band\b|\bbut\b|\bto\b)?\s*/;

const BARE = new RegExp(String.raw`^${NU}$`);
const RANGE = new RegExp(String.raw`^(?:between\s+${NU}\s+and\s+${NU}|from\s+${NU}\s+to\s+${NU}|${NU}\s*(?:-|to)\s*${NU})$`);

const ANCHOR = String.raw`(?:of\s+|from\s+|than\s+)?(?:the\s+)?(?:target\s+)?(range|target|limits?|band)`;
const SIDE = String.raw`(above|over|below|under|outside(?:\s+of)?|either\s+side\s+of|away\s+from|off|of|from)`;
const REL_AMOUNT = new RegExp(
  String.raw`^(?:(up\s+to|within|no\s+more\s+than|not\s+more\s+than|at\s+most|max(?:imum)?|<=|more\s+than|over|greater\s+than|beyond|>|at\s+least|>=|\+/-|±)\s*)?${NU}\s*(\+|or\s+more|or\s+over|and\s+over|and\s+above|or\s+above)?\s*${SIDE}\s+${ANCHOR}$`,
);
const REL_PLAIN = new RegExp(String.raw`^(above|over|below|under|outside(?:\s+of)?|beyond)\s+${ANCHOR}$`);
const REL_BY = new RegExp(
  String.raw`^(above|over|below|under|outside)\s+${ANCHOR}\s+by\s+(?:(more\s+than|over|at\s+least|up\s+to|no\s+more\s+than|at\s+most)\s+)?${NU}\s*(\+|or\s+more)?$`,
);
const TRAILING_NOTE = /^(.*?\S)\s*(\([^()]*\))$/;
const LABEL = /^(?:target|tgt|goal)\s*(?:is\b|of\b|:|=)?\s*/;

function sideOf(word: string): RelativeSide {
  if (/^(above|over)/.test(word)) return 'above';
  if (/^(below|under)/.test(word)) return 'below';
  return 'outside';
}

function anchorOf(word: string): 'range' | 'target' {
  return word === 'target' ? 'target' : 'range';
}

/** A relative term's reach and far end from its words: `1 above` up to 1, `1+ above` past 1 (soft), `more than 1` past 1. */
function reachOf(prefix: string | undefined, postfix: string | undefined): { reach: RelativeReach; far: { inclusive: boolean; soft: boolean } } {
  const p = (prefix ?? '').replace(/\s+/g, ' ');
  const q = (postfix ?? '').replace(/\s+/g, ' ');
  if (q === '+') return { reach: 'beyond', far: { inclusive: true, soft: true } };
  if (q !== '' || p === 'at least' || p === '>=') return { reach: 'beyond', far: { inclusive: true, soft: false } };
  if (p === 'more than' || p === 'over' || p === 'greater than' || p === 'beyond' || p === '>') return { reach: 'beyond', far: { inclusive: false, soft: false } };
  if (p === '') return { reach: 'upTo', far: { inclusive: true, soft: true } };
  return { reach: 'upTo', far: { inclusive: true, soft: false } };
}

interface Num {
  value: number;
  unit: NumberUnit;
  /** The digits as written, for reading them again in another unit (never the printed value). */
  digits: string;
}

class Unreadable {
  constructor(readonly message: string) {}
}

function num(digits: string, unitText: string | undefined, rag: Rag, text: string): Num {
  const unit = unitOf(unitText);
  const value = readNumber(digits, unit);
  if (value === null) throw new Unreadable(msg.absurdTolerance(rag, text));
  return { value, unit, digits };
}

function readRelative(body: string, note: string | null, rag: Rag, text: string): Term | null {
  const amount = REL_AMOUNT.exec(body);
  if (amount) {
    const [, prefix, digits, unitText, postfix, sideWord, anchorWord] = amount;
    const n = num(digits, unitText, rag, text);
    const plusMinus = prefix === '+/-' || prefix === '±';
    const { reach, far } = plusMinus ? { reach: 'upTo' as const, far: { inclusive: true, soft: false } } : reachOf(prefix, postfix);
    const side = plusMinus ? 'outside' : sideOf(sideWord);
    if (n.value < 0) throw new Unreadable(msg.badTolerance(rag, text));
    return { kind: 'relative', anchor: anchorOf(anchorWord), side, amount: n.value, unit: n.unit, reach, far, note, text };
  }
  const plain = REL_PLAIN.exec(body);
  if (plain) {
    return {
      kind: 'relative',
      anchor: anchorOf(plain[2]),
      side: sideOf(plain[1]),
      amount: 0,
      unit: 'plain',
      reach: 'beyond',
      far: { inclusive: false, soft: false },
      note,
      text,
    };
  }
  const by = REL_BY.exec(body);
  if (by) {
    const [, sideWord, anchorWord, prefix, digits, unitText, postfix] = by;
    const n = num(digits, unitText, rag, text);
    const { reach, far } = prefix === undefined && postfix === undefined ? { reach: 'beyond' as const, far: { inclusive: true, soft: true } } : reachOf(prefix, postfix);
    return { kind: 'relative', anchor: anchorOf(anchorWord), side: sideOf(sideWord), amount: n.value, unit: n.unit, reach, far, note, text };
  }
  return null;
}

function percentOrPlain(nums: Num[], rag: Rag, text: string): { percent: boolean; plain: number[] } {
  // A distance in percentage points is not a cut point: `5pp` alone says nothing about where a band is.
  if (nums.some((n) => n.unit === 'points')) throw new Unreadable(msg.pointsNeedAnchor(rag, text));
  return { percent: nums.some((n) => n.unit === 'percent'), plain: nums.filter((n) => n.unit === 'plain').map((n) => n.value) };
}

function readClauses(body: string, note: string | null, rag: Rag, text: string): Term | null {
  let rest = body;
  let lower: Side | null = null;
  let upper: Side | null = null;
  const nums: Num[] = [];
  let count = 0;
  while (rest !== '') {
    if (count === 2) return null;
    let op: Op;
    let n: Num;
    const pre = PREFIX_CLAUSE.exec(rest);
    const post = pre ? null : POSTFIX_CLAUSE.exec(rest);
    if (pre) {
      op = PREFIX_OPS.get(pre[1])!;
      n = num(pre[2], pre[3], rag, text);
      rest = rest.slice(pre[0].length);
    } else if (post) {
      op = POSTFIX_OPS.get(post[3])!;
      n = num(post[1], post[2], rag, text);
      rest = rest.slice(post[0].length);
    } else return null;
    count += 1;
    nums.push(n);
    const v = n.value; // a percentage is already a fraction
    if (op === '>' || op === '>=' || op === 'soft>') {
      if (lower) return null;
      lower = { value: v, inclusive: op !== '>', soft: op === 'soft>' };
    } else {
      if (upper) return null;
      upper = { value: v, inclusive: op !== '<', soft: op === 'soft<' };
    }
    const c = CONNECTOR.exec(rest);
    if (c && c[0] !== '') rest = rest.slice(c[0].length);
    else if (rest !== '' && !/^\s/.test(rest)) return null;
    rest = rest.trimStart();
  }
  if (count === 0) return null;
  if (lower && upper && (lower.value > upper.value || (lower.value === upper.value && !(lower.inclusive && upper.inclusive)))) return null;
  return { kind: 'interval', lower, upper, ...percentOrPlain(nums, rag, text), note, text };
}

function readBody(body: string, note: string | null, rag: Rag, text: string): Term | null {
  const relative = readRelative(body, note, rag, text);
  if (relative) return relative;
  const bare = BARE.exec(body);
  if (bare) {
    const n = num(bare[1], bare[2], rag, text);
    return { kind: 'bare', value: n.value, ...percentOrPlain([n], rag, text), fromNumber: false, note, text };
  }
  const range = RANGE.exec(body);
  if (range) {
    const g = range.slice(1);
    const at = g.findIndex((x) => x !== undefined);
    const a = num(g[at], g[at + 1], rag, text);
    const b = num(g[at + 2], g[at + 3], rag, text);
    // `90-95%` is a range of percentages: one % sign covers both ends.
    const percent = a.unit === 'percent' || b.unit === 'percent';
    // The plain end read again from its digits as a percentage (not its value printed and re-read).
    const lower = percent && a.unit === 'plain' ? (readNumber(a.digits, 'percent') ?? a.value) : a.value;
    const upper = percent && b.unit === 'plain' ? (readNumber(b.digits, 'percent') ?? b.value) : b.value;
    if (lower > upper) return null;
    return { kind: 'range', lower, upper, ...percentOrPlain(percent ? [] : [a, b], rag, text), percent, note, text };
  }
  return readClauses(body, note, rag, text);
}

/**
 * Reads one tolerance cell. Number cells are values as Excel holds them (95% is 0.95).
 *
 * @example
 * readTerm('>=95%', 'green')       // interval, lower 0.95 inclusive
 * readTerm('at least 95%', 'green') // the same
 * readTerm('1+ above range', 'red') // relative: past 1 above the Green range
 * readTerm('lots', 'amber')         // unreadable, with a message naming the Amber cell
 */
export function readTerm(input: CellInput, rag: Rag): Term {
  if (input === null || input === undefined) return { kind: 'none', reason: 'blank' };
  if (typeof input === 'boolean') return { kind: 'unreadable', code: 'badTolerance', message: msg.badTolerance(rag, String(input).toUpperCase()), text: String(input).toUpperCase() };
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || Math.abs(input) >= 1e15) {
      return { kind: 'unreadable', code: 'badTolerance', message: msg.absurdTolerance(rag, String(input)), text: String(input) };
    }
    return { kind: 'bare', value: input, percent: false, plain: [], fromNumber: true, note: null, text: formatNumber(input) };
  }
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'none', reason: 'blank' };
  const spaced = normaliseTolerance(text);
  if (hasUnreadDigits(spaced)) return { kind: 'unreadable', code: 'badTolerance', message: msg.unreadDigits(rag, text), text };
  if (isNotApplicable(spaced)) return { kind: 'none', reason: 'notApplicable' };
  const noted = TRAILING_NOTE.exec(spaced);
  // The note as written (original case), the body lower-cased for the grammar.
  const note = noted ? (TRAILING_NOTE.exec(text)?.[2] ?? noted[2]) : null;
  const body = (noted ? noted[1] : spaced).replace(LABEL, '');
  try {
    const term = readBody(body, note, rag, text);
    return term ?? { kind: 'unreadable', code: 'badTolerance', message: msg.badTolerance(rag, text), text };
  } catch (e) {
    if (e instanceof Unreadable) return { kind: 'unreadable', code: 'badTolerance', message: e.message, text };
    throw e;
  }
}
