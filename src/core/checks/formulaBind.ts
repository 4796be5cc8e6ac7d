/**
 * Formula cells in the cause model (causeModel.ts): a cell holding a formula is not a value an officer typed, and
 * Excel recomputes it from the cells it adds, so every constraint that uses it uses those cells instead.
 * - A plain sum ("SUM(F9:J9)", "F7+F12", "SUBTOTAL(9,F8:F30)", which skips nested SUBTOTALs) whose shown value is
 *   what it adds is bound to the model cells it references (a referenced cell the model does not hold is taken as
 *   empty).
 * - Another formula (SUMIFS...) is bound to its own check's sum when that sum holds, and that constraint is dropped.
 * A wrong year typed under a formula total then shows as the cell that breaks the row's sources, its group and the
 * grand total, rather than as the formula total. A formula whose own sum does not hold stays a cell that may be wrong.
 */
import { ZERO, type Dec } from '../base/decimal';
import type { FieldKey, Plan, PlanNode, RowLoc } from '../plan/model';
import { formulaRefs } from '../read/formulaRefs';

/** The parts of causeModel.ts's cells and constraints used here (no import: causeModel imports this file). */
interface Cell { key: number; row: number; col: number | undefined; value: Dec }
interface Constraint { row: number; col: number | undefined; terms: Map<number, number>; residual?: Dec }

type Expr = Map<number, number>;

/** Row → column → formula, from every row the plan read (items, groups, totals, breakdown lines). */
function formulaCells(plan: Plan): Map<number, Map<number, string>> {
  const cols = plan.sheet?.columns ?? {};
  const out = new Map<number, Map<number, string>>();
  const addLoc = (loc: RowLoc | undefined): void => {
    if (!loc?.formulas) return;
    for (const k of Object.keys(loc.formulas) as FieldKey[]) {
      const c = cols[k];
      const f = loc.formulas[k];
      if (c === undefined || !f) continue;
      let s = out.get(loc.row);
      if (!s) out.set(loc.row, (s = new Map()));
      s.set(c, f);
    }
  };
  const walk = (nodes: PlanNode[] | undefined): void => {
    for (const n of nodes ?? []) {
      addLoc(n.loc);
      walk(n.children);
    }
  };
  walk(plan.nodes);
  addLoc(plan.grandTotal?.loc);
  for (const bd of plan.breakdown ?? []) addLoc(bd.loc);
  return out;
}

function residual(cells: Map<number, Cell>, terms: Expr): Dec {
  let r = ZERO;
  for (const [k, coef] of terms) r = r.plus(cells.get(k)!.value.times(coef));
  return r;
}

const ADDITIVE = /^(?:SUM\(|SUBTOTAL\((?:9|109),|R|[,+()\s])*$/;
const RANGE = /\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g;

/** The model cells a plain sum adds, or undefined when the formula is not one (or reaches outside the model). */
function sumOf(f: string, self: Cell, byPos: Map<string, number>, formulaAt: (r: number, c: number) => string | undefined): Expr | undefined {
  const u = f.toUpperCase();
  if (u.includes('!') || !ADDITIVE.test(u.replace(RANGE, 'R'))) return undefined;
  const subtotal = u.startsWith('SUBTOTAL(');
  const e: Expr = new Map();
  for (const ref of formulaRefs(f)) {
    if ((ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1) > 100000) return undefined;
    for (let r = ref.r0; r <= ref.r1; r++) {
      for (let c = ref.c0; c <= ref.c1; c++) {
        if (r === self.row && c === self.col) return undefined;
        const k = byPos.get(`${r},${c}`);
        if (k === undefined) continue;
        if (subtotal && /^SUBTOTAL\(/i.test(formulaAt(r, c) ?? '')) continue;
        e.set(k, (e.get(k) ?? 0) + 1);
      }
    }
  }
  return e;
}

/** True when some row the plan read holds a formula in an amount column (bindFormulas has work to do). */
export function hasFormulaCells(plan: Plan): boolean {
  return formulaCells(plan).size > 0;
}

/** The constraints with formula cells bound to the sums they compute (see the file comment). */
export function bindFormulas<C extends Constraint>(plan: Plan, cells: Map<number, Cell>, constraints: C[]): C[] {
  const at = formulaCells(plan);
  if (at.size === 0) return constraints;
  const formulaAt = (r: number, c: number): string | undefined => at.get(r)?.get(c);
  const isFormula = (k: number): boolean => {
    const c = cells.get(k)!;
    return c.col !== undefined && formulaAt(c.row, c.col) !== undefined;
  };
  const byPos = new Map<string, number>();
  for (const c of cells.values()) if (c.col !== undefined) byPos.set(`${c.row},${c.col}`, c.key);
  const def = new Map<number, Expr>();
  for (const c of cells.values()) {
    const f = c.col !== undefined ? formulaAt(c.row, c.col) : undefined;
    const e = f ? sumOf(f, c, byPos, formulaAt) : undefined;
    // Bound only when its shown value is what it adds: a stale cached value (a sheet not recalculated, the
    // preview) is a figure the officer sees, so it stays a cell that may be wrong.
    if (e && residual(cells, e).eq(c.value)) def.set(c.key, e);
  }
  const kept: C[] = [];
  for (const c of constraints) {
    const own = [...c.terms.keys()].filter((k) => isFormula(k) && !def.has(k) && cells.get(k)!.row === c.row);
    const k = own.find((x) => cells.get(x)!.col === c.col) ?? (own.length === 1 ? own[0] : undefined);
    if (k !== undefined && residual(cells, c.terms).isZero()) {
      // k = -(1/coef_k) × (the other terms)
      const coef = c.terms.get(k)!;
      const e: Expr = new Map();
      for (const [x, v] of c.terms) if (x !== k) e.set(x, -v / coef);
      def.set(k, e);
      continue;
    }
    kept.push(c);
  }
  if (def.size === 0) return constraints;
  const out: C[] = [];
  const memo = new Map<number, Expr>();
  const expand = (k: number, depth: number): Expr => {
    const d = def.get(k);
    if (!d || depth > 8) return new Map([[k, 1]]);
    let e = memo.get(k);
    if (e) return e;
    e = new Map();
    for (const [x, v] of d) for (const [y, w] of expand(x, depth + 1)) e.set(y, (e.get(y) ?? 0) + v * w);
    memo.set(k, e);
    return e;
  };
  for (const c of kept) {
    if (![...c.terms.keys()].some((k) => def.has(k))) {
      out.push(c);
      continue;
    }
    const terms: Expr = new Map();
    for (const [k, v] of c.terms) for (const [y, w] of expand(k, 0)) terms.set(y, (terms.get(y) ?? 0) + v * w);
    for (const [k, v] of terms) if (v === 0) terms.delete(k);
    // A sum that a formula computes by itself ("K9 = SUM(F9:J9)") is no constraint on what was typed.
    if (terms.size > 0) out.push({ ...c, terms, residual: undefined });
  }
  return out;
}
