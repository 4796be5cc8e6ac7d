/**
 * Circular references among the formulas of the amount columns (FORMULA_ERROR): a total that adds itself
 * ("K8 = SUM(F8:K8)") or a ring of formulas. Excel cannot compute such a cell, so its cached value is no amount.
 * Bounded work: ranges are walked only over the formula cells of the amount columns, at most MAX_STEPS in all.
 */
import { a1 } from '../base/a1';
import { makeFinding } from '../checks/findings';
import { takeRows, W } from './amountCells';
import { formulaRefs } from './formulaRefs';
import { READ_MESSAGES as M } from './messages';
import type { ReadState } from './state';

const MAX_STEPS = 2_000_000;

export function circularRefs(s: ReadState, bodyStart: number): void {
  const cols = s.amountCols.map((ac) => ac.col);
  // Taken as the body was read (the grid's rows may be gone by now).
  takeRows(s, s.grid.cells.length);
  const formulas = s.amountCells?.formulas ?? new Map<number, string>();
  if (formulas.size === 0) return;
  const colSet = new Set(cols);
  let steps = 0;
  /** The formula cells a formula reads. */
  const deps = (key: number): number[] => {
    const out: number[] = [];
    for (const x of formulaRefs(formulas.get(key)!)) {
      if (x.sheet !== undefined && x.sheet !== s.sheet) continue;
      const r1 = Math.min(x.r1, s.grid.cells.length - 1);
      for (let c = x.c0; c <= Math.min(x.c1, W - 1); c++) {
        if (!colSet.has(c)) continue;
        for (let r = Math.max(x.r0, bodyStart); r <= r1 && steps < MAX_STEPS; r++, steps++) {
          if (formulas.has(r * W + c)) out.push(r * W + c);
        }
      }
    }
    return out;
  };
  const state = new Map<number, 1 | 2>(); // 1: on the path, 2: done
  const onCycle = new Set<number>();
  for (const start of formulas.keys()) {
    if (state.has(start)) continue;
    const stack: { key: number; next: number[]; i: number }[] = [{ key: start, next: deps(start), i: 0 }];
    state.set(start, 1);
    while (stack.length > 0 && steps < MAX_STEPS) {
      const top = stack[stack.length - 1];
      if (top.i >= top.next.length) {
        state.set(top.key, 2);
        stack.pop();
        continue;
      }
      const k = top.next[top.i++];
      const st = state.get(k);
      if (st === 1) {
        // A ring: every cell from k up the path.
        for (let j = stack.length - 1; j >= 0; j--) {
          onCycle.add(stack[j].key);
          if (stack[j].key === k) break;
        }
      } else if (st === undefined) {
        state.set(k, 1);
        stack.push({ key: k, next: deps(k), i: 0 });
      }
    }
  }
  for (const key of [...onCycle].sort((p, q) => p - q)) {
    const r = Math.floor(key / W);
    const c = key % W;
    s.findings.push(makeFinding('FORMULA_ERROR', M.circular(formulas.get(key)!, a1(r, c)), {
      sheet: s.sheet, row: r, col: c, actual: `=${formulas.get(key)!.slice(0, 200)}`,
    }));
  }
}
