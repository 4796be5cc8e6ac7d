/**
 * TT numbering of a Danh mục: Roman numerals (level-1 groups I, II...), Vietnamese letters (level-2 groups
 * A, B, C, D, Đ, E, G...; Đ may be skipped, as in seed 003), arabic numbers (items 1, 2... or level-2 groups "1.",
 * "2."), dotted numbers (sub-items 1.1, 1.2).
 *
 * "I", "V", "X", "L", "C", "D", "M" are both Roman numerals and letters. classifyTT, which sees one cell, calls a
 * valid Roman numeral 'roman' and gives its letter reading in `letterOrdinal`; the context decides:
 * sequenceKind(tts) calls a column of sibling TTs 'roman' when it holds a Roman numeral of two or more characters
 * (II, IV...) or starts with "I", and 'letter' when it holds a letter that is not a Roman numeral (A, B, E, G...);
 * sequenceIssues(tts, kind) then reads every TT as that kind.
 */
import type { Group, Item, Plan, PlanNode } from '../plan/model';
import { treeProblem } from '../plan/model';

/** A programming error in numbering (a number out of range, an unknown kind). */
export class NumberingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumberingError';
  }
}

/** The Vietnamese alphabet order used for TT letters (no F, J, W, Z). */
export const VI_LETTERS: readonly string[] = [
  'A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'X', 'Y',
];
const VI_LETTERS_NO_DJ: readonly string[] = VI_LETTERS.filter((l) => l !== 'Đ');
const NOT_VI_LETTERS = new Set(['F', 'J', 'W', 'Z']);

export interface LetterOptions {
  /** Include Đ in the sequence (A B C D Đ E ...). Default true. */
  withDj?: boolean;
}

function lettersOf(opts?: LetterOptions): readonly string[] {
  return opts?.withDj === false ? VI_LETTERS_NO_DJ : VI_LETTERS;
}

/** The letter at a 0-based index: 0 → A, 4 → Đ (or E without Đ). After Y: AA, AB... */
export function letterAt(index: number, opts?: LetterOptions): string {
  if (!Number.isInteger(index) || index < 0 || index > 100000) throw new NumberingError(`Chỉ số chữ cái không hợp lệ: ${String(index)}`);
  const letters = lettersOf(opts);
  const n = letters.length;
  let out = '';
  let i = index;
  for (;;) {
    out = letters[i % n] + out;
    i = Math.floor(i / n) - 1;
    if (i < 0) return out;
  }
}

/** 0-based index of a letter TT ("Đ" → 4; "e" → 5), undefined when it is not one. */
export function letterIndex(s: string, opts?: LetterOptions): number | undefined {
  if (typeof s !== 'string' || s.length === 0 || s.length > 4) return undefined;
  const letters = lettersOf(opts);
  const up = s.normalize('NFC').toUpperCase();
  let acc = 0;
  for (const ch of up) {
    const k = letters.indexOf(ch);
    if (k < 0) return undefined;
    acc = acc * letters.length + k + 1;
  }
  return acc - 1;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'],
  [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const ROMAN_STRICT = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function intToRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new NumberingError(`Không viết được số La Mã cho ${String(n)}`);
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Strict: only canonical Roman numerals (upper or lower case); undefined otherwise ("IIII", "IC", "", "A"). */
export function romanToInt(s: string): number | undefined {
  if (typeof s !== 'string' || s.length === 0 || s.length > 15) return undefined;
  const up = s.toUpperCase();
  if (s !== up && s !== s.toLowerCase()) return undefined; // mixed case "Ii"
  if (!ROMAN_STRICT.test(up)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = values[up[i]];
    const next = i + 1 < up.length ? values[up[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total;
}

export type TTKind = 'roman' | 'letter' | 'number' | 'dotted' | 'none' | 'other';

export interface TTInfo {
  kind: TTKind;
  /** 1-based position in its sequence: II → 2, Đ → 5 (with Đ), 3 → 3, 1.2 → 2. Undefined for wrong letters. */
  ordinal?: number;
  /** The TT without spaces and without its trailing "." or ")" ("II." → "II"). */
  core: string;
  /** "." or ")" when the TT ended with one. */
  suffix: '' | '.' | ')';
  /** Written in lower case ("a)", "ii"). */
  lower?: boolean;
  /** Dotted numbers: all parts ("1.2" → [1, 2]). */
  parts?: number[];
  /** Letters: ordinal in the sequence without Đ (E → 5). */
  ordinalNoDj?: number;
  /** Roman numerals that are also letters (I, V, X, L, C, D, M): their letter ordinal with Đ. */
  letterOrdinal?: number;
  /** A letter outside the Vietnamese alphabet (F, J, W, Z). */
  wrongLetter?: boolean;
  /** A bullet ("-", "+", "•"): not numbered. */
  bullet?: boolean;
}

const BULLETS = new Set(['-', '–', '—', '+', '*', '•', '·', '○', '●', '▪', '.']);
const DIGITS_ONLY = /^\d{1,6}$/;
const DOTTED = /^\d{1,6}(\.\d{1,6})+$/;
const INNER_SPACES = /\s+/g;

/** Classify one TT cell. Never throws; anything not a TT is 'other'. */
export function classifyTT(tt: string): TTInfo {
  if (typeof tt !== 'string') return { kind: 'other', core: '', suffix: '' };
  let s = tt.normalize('NFC').replace(INNER_SPACES, '');
  if (s === '') return { kind: 'none', core: '', suffix: '' };
  if (BULLETS.has(s)) return { kind: 'none', core: s, suffix: '', bullet: true };
  let suffix: TTInfo['suffix'] = '';
  const last = s[s.length - 1];
  if (last === '.' || last === ')') {
    suffix = last;
    s = s.slice(0, -1);
  }
  if (s.length === 0 || s.length > 20) return { kind: 'other', core: s, suffix };
  if (DIGITS_ONLY.test(s)) return { kind: 'number', ordinal: parseInt(s, 10), core: s, suffix };
  if (DOTTED.test(s)) {
    const parts = s.split('.').map((p) => parseInt(p, 10));
    return { kind: 'dotted', ordinal: parts[parts.length - 1], parts, core: s, suffix };
  }
  const up = s.toUpperCase();
  const lower = s !== up ? true : undefined;
  const roman = romanToInt(s);
  if (roman !== undefined) {
    const info: TTInfo = { kind: 'roman', ordinal: roman, core: s, suffix };
    if (lower) info.lower = true;
    const li = s.length === 1 ? letterIndex(up) : undefined;
    if (li !== undefined) info.letterOrdinal = li + 1;
    return info;
  }
  if (s.length === 1) {
    const li = letterIndex(up);
    if (li !== undefined) {
      const info: TTInfo = { kind: 'letter', ordinal: li + 1, core: s, suffix };
      const nd = letterIndex(up, { withDj: false });
      if (nd !== undefined) info.ordinalNoDj = nd + 1;
      if (lower) info.lower = true;
      return info;
    }
    if (NOT_VI_LETTERS.has(up)) {
      const info: TTInfo = { kind: 'letter', core: s, suffix, wrongLetter: true };
      if (lower) info.lower = true;
      return info;
    }
  }
  return { kind: 'other', core: s, suffix };
}

export interface TTStyle {
  /** Letters: include Đ. Default true. */
  withDj?: boolean;
  /** Appended to the TT: "" (default) or "." ("1.", "II.") or ")" ("a)"). */
  suffix?: '' | '.' | ')';
  /** Dotted: the parent's TT ("1" for 1.1, 1.2). */
  prefix?: string;
  /** Lower-case letters / Roman numerals. */
  lower?: boolean;
}

/** The TT at a 1-based ordinal: expectedTT('roman', 4) = "IV"; ('letter', 5) = "Đ"; ('dotted', 2, {prefix: '3'}) = "3.2". */
export function expectedTT(kind: TTKind, ordinal: number, style?: TTStyle): string {
  if (!Number.isInteger(ordinal) || ordinal < 1) throw new NumberingError(`Số thứ tự không hợp lệ: ${String(ordinal)}`);
  let core: string;
  switch (kind) {
    case 'roman':
      core = intToRoman(ordinal);
      break;
    case 'letter':
      core = letterAt(ordinal - 1, { withDj: style?.withDj });
      break;
    case 'number':
      core = String(ordinal);
      break;
    case 'dotted': {
      const prefix = style?.prefix;
      if (!prefix) throw new NumberingError('Số thứ tự dạng 1.1 cần số của mục cha');
      core = `${prefix.replace(/\.$/, '')}.${ordinal}`;
      break;
    }
    default:
      throw new NumberingError(`Không có số thứ tự kiểu "${kind}"`);
  }
  if (style?.lower) core = core.toLowerCase();
  return core + (style?.suffix ?? '');
}

/** Ordinal of a TT read as the given kind (context decides "I", "C", "D"...); undefined when it is not one. */
function ordinalAs(tt: string, kind: TTKind, style: TTStyle): number | undefined {
  const info = classifyTT(tt);
  switch (kind) {
    case 'roman':
      return info.kind === 'roman' ? info.ordinal : undefined;
    case 'letter':
      if (info.kind !== 'letter' && !(info.kind === 'roman' && info.letterOrdinal !== undefined)) return undefined;
      if (info.wrongLetter) return undefined;
      {
        const i = letterIndex(info.core, { withDj: style.withDj });
        return i === undefined ? undefined : i + 1;
      }
    case 'number':
      return info.kind === 'number' ? info.ordinal : undefined;
    case 'dotted': {
      if (info.kind !== 'dotted' || !info.parts) return undefined;
      if (style.prefix !== undefined) {
        const want = style.prefix.replace(/\.$/, '');
        if (info.core.slice(0, info.core.lastIndexOf('.')) !== want) return undefined;
      }
      return info.ordinal;
    }
    default:
      return undefined;
  }
}

/** Decide the kind of a column of sibling TTs (see the module comment). */
export function sequenceKind(tts: string[]): TTKind {
  let roman = 0;
  let letter = 0;
  let number = 0;
  let dotted = 0;
  let romanOnlyLetters = 0;
  let startsWithI = false;
  for (let i = 0; i < tts.length; i++) {
    const info = classifyTT(tts[i]);
    if (info.kind === 'roman') {
      if (info.core.length > 1) roman++;
      else romanOnlyLetters++;
      if (i === 0 && info.core.toUpperCase() === 'I') startsWithI = true;
    } else if (info.kind === 'letter') letter++;
    else if (info.kind === 'number') number++;
    else if (info.kind === 'dotted') dotted++;
  }
  if (letter > 0 && roman === 0) return 'letter';
  if (roman > 0 || startsWithI) return 'roman';
  if (romanOnlyLetters > 0 && letter === 0 && number === 0 && dotted === 0) return 'letter';
  if (number >= dotted && number > 0) return 'number';
  if (dotted > 0) return 'dotted';
  return 'none';
}

/** With or without Đ, as a letter column shows it: Đ present → with; D directly followed by E → without. */
export function inferWithDj(tts: string[]): boolean {
  let prevD = false;
  for (const t of tts) {
    const core = classifyTT(t).core.toUpperCase();
    if (core === 'Đ') return true;
    if (prevD && core === 'E') return false;
    prevD = core === 'D';
  }
  return true;
}

export interface SequenceIssue {
  /** Position in the list given. */
  index: number;
  /** The TT expected there. */
  expected: string;
  /** The TT found (trimmed). */
  actual: string;
}

/**
 * TTs out of sequence: gaps, repeats, wrong letters (F, J, W, Z, or Đ in a sequence without Đ), wrong numerals.
 * After a TT of the right kind but wrong number, the count continues from it, so a gap is reported once.
 * Trailing "." / ")" are ignored. style.start: the first ordinal (default 1).
 */
export function sequenceIssues(tts: string[], kind: TTKind, style?: TTStyle & { start?: number }): SequenceIssue[] {
  if (!Array.isArray(tts)) throw new NumberingError('sequenceIssues cần một danh sách số thứ tự');
  if (kind === 'none' || kind === 'other') return [];
  const st: TTStyle = { ...style };
  if (kind === 'letter' && st.withDj === undefined) st.withDj = inferWithDj(tts);
  if (kind === 'dotted' && st.prefix === undefined && tts.length > 0) {
    const first = classifyTT(tts[0]);
    if (first.kind === 'dotted') st.prefix = first.core.slice(0, first.core.lastIndexOf('.'));
  }
  // A TT is right when it is its row's place in the list, or follows the TT above it (after a gap or a repeat,
  // the rows below are not each reported). A wrong TT is given its place when the row above sits at its own
  // place ("1, 3, 3": the first 3 should be 2, the second is right), else the number after the one above.
  const issues: SequenceIssue[] = [];
  const start = style?.start ?? 1;
  let prev: number | undefined;
  let prevAtPlace = true;
  for (let i = 0; i < tts.length; i++) {
    const raw = typeof tts[i] === 'string' ? tts[i] : '';
    const actual = ordinalAs(raw, kind, st);
    const place = start + i;
    const fromAbove: number = prev !== undefined ? prev + 1 : place;
    let read = actual;
    if (actual !== place && actual !== fromAbove) {
      const expected: number = prevAtPlace ? place : fromAbove;
      const shownStyle: TTStyle = { ...st, suffix: undefined, lower: classifyTT(raw).lower };
      issues.push({ index: i, expected: expectedTT(kind, expected, shownStyle), actual: raw.trim() });
      read = actual ?? expected;
    }
    prev = read;
    prevAtPlace = read === place;
  }
  return issues;
}

export interface RenumberOptions {
  /** Level-2 groups: letters A, B, C (default) or numbers "1.", "2.". Default: as the plan shows, else letters. */
  level2?: 'letter' | 'number';
  /** Letters include Đ. Default: as the plan shows, else true. */
  withDj?: boolean;
}

function collectLevel2(nodes: PlanNode[], out: string[]): void {
  for (const n of nodes) {
    if (n.kind !== 'group') continue;
    if (n.level === 2) out.push(n.tt);
    collectLevel2(n.children, out);
  }
}

/**
 * A new plan with fresh TTs: level-1 groups I, II...; level-2 groups A, B... (or 1., 2.); items 1, 2... restarting
 * in each group; sub-items <item>.1, <item>.2. The input plan is not changed; amounts are shared, not copied.
 */
export function renumber(plan: Plan, opts?: RenumberOptions): Plan {
  if (!plan || !Array.isArray(plan.nodes)) throw new NumberingError('renumber cần một kế hoạch có danh sách mục');
  const problem = treeProblem(plan.nodes);
  if (problem) throw new NumberingError(problem);
  const level2Tts: string[] = [];
  collectLevel2(plan.nodes, level2Tts);
  const level2 = opts?.level2 ?? (level2Tts.length > 0 && sequenceKind(level2Tts) === 'number' ? 'number' : 'letter');
  const withDj = opts?.withDj ?? inferWithDj(level2Tts);

  const renumberItem = (item: Item, tt: string): Item => {
    const out: Item = { ...item, tt };
    if (item.children) out.children = item.children.map((c, k) => renumberItem(c, `${tt}.${k + 1}`));
    return out;
  };
  const renumberNodes = (nodes: PlanNode[]): PlanNode[] => {
    let l1 = 0;
    let l2 = 0;
    let items = 0;
    return nodes.map((n): PlanNode => {
      if (n.kind === 'item') {
        items++;
        return renumberItem(n, String(items));
      }
      let tt: string;
      if (n.level === 1) tt = intToRoman(++l1);
      else {
        l2++;
        tt = level2 === 'number' ? `${l2}.` : letterAt(l2 - 1, { withDj });
      }
      const g: Group = { ...n, tt, children: renumberNodes(n.children) };
      return g;
    });
  };
  return { ...plan, nodes: renumberNodes(plan.nodes) };
}
