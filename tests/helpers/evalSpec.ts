/**
 * A tiny independent evaluator of the formulas the layout writes (SUM of refs/ranges/nested SUMs, SUMIF with a
 * criterion cell, SUBTOTAL(9, range) skipping SUBTOTAL cells as Excel does, a single ref, a constant), over the
 * SheetSpec's own cells, in exact decimals.
 * Used to check that every formula computes the `result` it carries, without a spreadsheet engine.
 */
import { Dec } from '../../src/core/base/decimal';
import { parseA1 } from '../../src/core/base/a1';
import type { SheetSpec } from '../../src/core/layout/sheetspec';

function cellValue(spec: SheetSpec, r: number, c: number, seen: Set<string>): Dec | string | undefined {
  const cell = spec.rows[r]?.cells[c];
  if (!cell) return undefined;
  if (cell.t === 'num') return new Dec(cell.v);
  if (cell.t === 'text') return cell.v;
  if (cell.t === 'formula') return evalFormula(spec, cell.f, seen, `${r},${c}`);
  return undefined;
}

function range(ref: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b] = ref.replace(/\$/g, '').split(':');
  const p = parseA1(a)!;
  const q = b ? parseA1(b)! : p;
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function evalFormula(spec: SheetSpec, f: string, seen = new Set<string>(), at = ''): Dec {
  if (at) {
    if (seen.has(at)) throw new Error(`circular reference at ${at}`);
    seen = new Set(seen).add(at);
  }
  f = f.trim();
  const num = (v: Dec | string | undefined) => (v instanceof Dec ? v : new Dec(0));
  if (/^-?\d+(\.\d+)?$/.test(f)) return new Dec(f);
  let m = /^SUM\((.*)\)$/.exec(f);
  if (m) {
    let acc = new Dec(0);
    for (const arg of splitArgs(m[1])) {
      if (arg.startsWith('SUM(')) { acc = acc.plus(evalFormula(spec, arg, seen)); continue; }
      const g = range(arg);
      for (let r = g.r0; r <= g.r1; r++) for (let c = g.c0; c <= g.c1; c++) acc = acc.plus(num(cellValue(spec, r, c, seen)));
    }
    return acc;
  }
  m = /^SUBTOTAL\(9,([^,()]+)\)$/.exec(f);
  if (m) {
    const g = range(m[1]);
    let acc = new Dec(0);
    for (let r = g.r0; r <= g.r1; r++) {
      for (let c = g.c0; c <= g.c1; c++) {
        const cell = spec.rows[r]?.cells[c];
        if (cell?.t === 'formula' && cell.f.startsWith('SUBTOTAL(')) continue;
        acc = acc.plus(num(cellValue(spec, r, c, seen)));
      }
    }
    return acc;
  }
  m = /^SUMIF\((.*)\)$/.exec(f);
  if (m) {
    const [critRange, critCell, sumRange] = splitArgs(m[1]);
    const cr = range(critRange);
    const sr = range(sumRange);
    let crit: Dec | string | undefined;
    if (critCell.startsWith('"')) {
      // a literal "=code" with ~-escaped wildcards
      crit = critCell.slice(1, -1).replace(/""/g, '"').replace(/^=/, '').replace(/~([~*?])/g, '$1');
    } else {
      const k = range(critCell);
      crit = cellValue(spec, k.r0, k.c0, seen);
    }
    let acc = new Dec(0);
    for (let i = 0; i <= cr.r1 - cr.r0; i++) {
      const v = cellValue(spec, cr.r0 + i, cr.c0, seen);
      if (typeof v === 'string' && typeof crit === 'string' && v.toLowerCase() === crit.toLowerCase()) {
        acc = acc.plus(num(cellValue(spec, sr.r0 + i, sr.c0, seen)));
      }
    }
    return acc;
  }
  if (/^\$?[A-Z]+\$?\d+$/.test(f)) { const g = range(f); return num(cellValue(spec, g.r0, g.c0, seen)); }
  throw new Error(`formula not understood by the test evaluator: ${f}`);
}

/** Rows a SUM formula refers to (single column). */
export function referencedRows(f: string): number[] {
  const rows: number[] = [];
  const re = /\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f))) {
    const a = parseInt(m[2], 10) - 1;
    const b = m[4] ? parseInt(m[4], 10) - 1 : a;
    for (let r = a; r <= b; r++) rows.push(r);
  }
  return rows;
}
