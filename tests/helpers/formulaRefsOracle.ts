/** The reference parser as it was before its fast path (a regular expression over the whole formula): the oracle of tests/core/read/formulaRefs.test.ts. */
import { parseA1 } from '../../src/core/base/a1';

export interface FormulaRef {
  /** Sheet named in the reference, when there is one. */
  sheet?: string;
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const REF =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?/gu;

/** References of a formula, in order. Text literals are skipped; function names are not references. */
export function formulaRefsOracle(formula: string): FormulaRef[] {
  if (typeof formula !== 'string' || formula.length === 0) return [];
  // Blank out string literals so that "A1" inside quotes is not a reference.
  const f = formula.length > 20000 ? formula.slice(0, 20000) : formula;
  const src = f.replace(/"(?:[^"]|"")*"/g, (m) => ' '.repeat(m.length));
  const out: FormulaRef[] = [];
  REF.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF.exec(src)) !== null) {
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
    const ref: FormulaRef = {
      r0: Math.min(a.row, b.row),
      c0: Math.min(a.col, b.col),
      r1: Math.max(a.row, b.row),
      c1: Math.max(a.col, b.col),
    };
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (sheet !== undefined) ref.sheet = sheet;
    out.push(ref);
  }
  return out;
}

