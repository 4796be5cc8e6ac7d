/**
 * Cell references in an Excel formula (as stored, without "="): "SUM(F10:F12)+F20", "$F$10+'Phụ lục'!F11".
 * Enough to see which rows a total adds up (DOUBLE_COUNT); not a formula evaluator.
 *
 * Two readers, one answer: formulas made only of plain references, function names, whole numbers and operators
 * (every formula this add-in writes: "SUM(F8:J8)", "K8", "SUBTOTAL(9,F7:F56)", "$F$8+G8") are read by a scanner
 * that allocates nothing; anything else (text literals, sheet names, decimals, names with dots or underscores,
 * letters beyond ASCII) goes through the regular expression. The tests hold the two equal.
 */
import { parseA1 } from '../base/a1';

export interface FormulaRef {
  /** Sheet named in the reference, when there is one. */
  sheet?: string;
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Receives each reference in order: rows and columns 0-based, inclusive, r0 ≤ r1 and c0 ≤ c1. */
export type RefSink = (r0: number, c0: number, r1: number, c1: number, sheet: string | undefined) => void;

/** References of a formula, in order. Text literals are skipped; function names are not references. */
export function formulaRefs(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  eachRef(formula, collect(out));
  return out;
}

/** The references the regular expression alone finds, without the scanner: the definition the tests hold it to. */
export function patternRefs(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  if (typeof formula === 'string' && formula.length > 0) slowRefs(clipped(formula), collect(out));
  return out;
}

function collect(out: FormulaRef[]): RefSink {
  return (r0, c0, r1, c1, sheet) => {
    const ref: FormulaRef = { r0, c0, r1, c1 };
    if (sheet !== undefined) ref.sheet = sheet;
    out.push(ref);
  };
}

/** Only a formula's first 20,000 characters are read (Excel's own limit is 8,192). */
function clipped(formula: string): string {
  return formula.length > 20000 ? formula.slice(0, 20000) : formula;
}

/** The references of a formula, in order, handed to `sink` (as formulaRefs lists them). */
export function eachRef(formula: string, sink: RefSink): void {
  if (typeof formula !== 'string' || formula.length === 0) return;
  const f = clipped(formula);
  const q = busy ? [] : quads;
  busy = true;
  try {
    const n = plainRefs(f, q);
    if (n < 0) {
      slowRefs(f, sink);
      return;
    }
    for (let i = 0; i < n; i += 4) sink(q[i], q[i + 1], q[i + 2], q[i + 3], undefined);
  } finally {
    if (q === quads) busy = false;
  }
}

/** Reused by the scanner: r0, c0, r1, c1 of each reference found. */
const quads: number[] = [];
let busy = false;

const C_DOLLAR = 36;
const C_COLON = 58;
const C_PAREN = 40;

/** 1: a letter, 2: a digit, 3: '$', 4: a character that separates (operators, parentheses, spaces), 0: other. */
const KIND = new Uint8Array(128);
for (let i = 65; i <= 90; i++) KIND[i] = KIND[i + 32] = 1;
for (let i = 48; i <= 57; i++) KIND[i] = 2;
KIND[C_DOLLAR] = 3;
for (const ch of ' \t\r\n+-*/^&=<>(),;%:') KIND[ch.charCodeAt(0)] = 4;

function kindAt(f: string, i: number): number {
  const ch = f.charCodeAt(i);
  return ch < 128 ? KIND[ch] : 0;
}

/** End of the run of letters, digits and '$' from `i`. */
function wordEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length) {
    const k = kindAt(f, j);
    if (k < 1 || k > 3) break;
    j++;
  }
  return j;
}

/**
 * A1 reference spelled exactly by f[i, j) ("$?L{1,3}$?D{1,7}"): writes its 0-based row and column to cell[0..1];
 * false when the word is something else.
 */
function plainA1(f: string, i: number, j: number, cell: number[]): boolean {
  let p = i;
  if (f.charCodeAt(p) === C_DOLLAR) p++;
  let col = 0;
  const l0 = p;
  while (p < j && kindAt(f, p) === 1) col = col * 26 + ((f.charCodeAt(p++) & ~32) - 64);
  if (p - l0 < 1 || p - l0 > 3) return false;
  if (p < j && f.charCodeAt(p) === C_DOLLAR) p++;
  let row = 0;
  const d0 = p;
  while (p < j && kindAt(f, p) === 2) row = row * 10 + (f.charCodeAt(p++) - 48);
  if (p !== j || p - d0 < 1 || p - d0 > 7) return false;
  cell[0] = row - 1;
  cell[1] = col - 1;
  return true;
}

const A = [0, 0];
const B = [0, 0];

/**
 * The scanner: the number of entries written to `q` (4 per reference), or -1 when the formula holds anything
 * the scanner leaves to the regular expression.
 */
function plainRefs(f: string, q: number[]): number {
  let n = 0;
  let i = 0;
  while (i < f.length) {
    const k = kindAt(f, i);
    if (k === 0) return -1;
    if (k === 4) {
      i++;
      continue;
    }
    const j = wordEnd(f, i);
    const next = j < f.length ? f.charCodeAt(j) : -1;
    if (k === 2 || !plainA1(f, i, j, A)) {
      // A number or a name (SUM, LOG10): no reference starts inside it, unless '$' or ':' make it odd.
      for (let p = i; p < j; p++) if (f.charCodeAt(p) === C_DOLLAR || (k === 2 && kindAt(f, p) !== 2)) return -1;
      if (k !== 2 && next === C_COLON) return -1;
      i = j;
      continue;
    }
    let end = j;
    let r1 = A[0];
    let c1 = A[1];
    if (next === C_COLON) {
      const j2 = wordEnd(f, j + 1);
      if (j2 === j + 1 || kindAt(f, j + 1) === 2 || !plainA1(f, j + 1, j2, B)) return -1;
      end = j2;
      r1 = B[0];
      c1 = B[1];
    }
    i = end;
    // A reference followed by "(" is a function name.
    if (end < f.length && f.charCodeAt(end) === C_PAREN) continue;
    q[n++] = Math.min(A[0], r1);
    q[n++] = Math.min(A[1], c1);
    q[n++] = Math.max(A[0], r1);
    q[n++] = Math.max(A[1], c1);
  }
  return n;
}

const REF =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?/gu;

/** Any formula: text literals blanked out, then every match of REF that is not part of a longer name or a call. */
function slowRefs(f: string, sink: RefSink): void {
  // Blank out string literals so that "A1" inside quotes is not a reference.
  const src = f.replace(/"(?:[^"]|"")*"/g, (m) => ' '.repeat(m.length));
  const re = new RegExp(REF.source, REF.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? src[start - 1] : '';
    const after = end < src.length ? src[end] : '';
    // Part of a longer name (LOG10, a defined name) or a function call: not a reference.
    if (/[\w.\u00C0-\uFFFF]/u.test(before) && !m[1] && !m[2]) continue;
    if (after === '(' || /[\w\u00C0-\uFFFF]/u.test(after)) continue;
    const a = parseA1(m[3].replace(/\$/g, ''));
    if (!a) continue;
    const b = m[4] ? parseA1(m[4].replace(/\$/g, '')) : a;
    if (!b) continue;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    sink(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col), sheet);
  }
}
