/**
 * Formula cells in the cause model (causeModel.ts): a cell holding a formula is not a value an officer typed, and
 * Excel recomputes it from the cells it adds, so every constraint that uses it uses those cells instead.
 * - A plain sum ("SUM(F9:J9)", "F7+F12", "SUBTOTAL(9,F8:F30)", which skips nested SUBTOTALs) whose shown value is
 *   what it adds is bound to the model cells it references (a referenced cell the model does not hold is taken as
 *   empty).
 * - Another formula (SUMIFS...) is bound to its own check's sum when that sum holds, and that constraint is dropped.
 * A wrong year typed under a formula total then shows as the cell that breaks the row's sources, its group and the
 * grand total, rather than as the formula total. A formula whose own sum does not hold stays a cell that may be wrong.
 *
 * Binding is lazy: only the formula cells the given constraints reach are looked at, so a scoped model
 * (formulaScope.ts) binds a few rows' formulas, not the table's. Binding keeps every constraint's value: a partial
 * constraint (built over some rows only, its residual known) can be projected onto the rows a search tries.
 */
import { ZERO, type Dec } from '../base/decimal';
import type { FieldKey, Plan, PlanNode, RowLoc } from '../plan/model';
import { formulaRefs, type FormulaRef } from '../read/formulaRefs';

/** The parts of causeModel.ts's cells and constraints used here (no import: causeModel imports this file). */
export interface Cell { key: number; row: number; col: number | undefined; value: Dec }
export interface Constraint { code: string; row: number; col: number | undefined; terms: Map<number, number>; residual?: Dec }

/** The order of an item's row sums in the whole model: the first that holds binds a formula cell both hold. */
const rank = (c: Constraint): number => (c.code === 'ROW_YEARS_SUM' ? 0 : c.code === 'ROW_SOURCES_SUM' ? 1 : 2);

type Expr = Map<number, number>;

/** The model cell at a sheet position, when the model holds one there (undefined: an empty cell). */
export type CellAt = (row: number, col: number) => number | undefined;

const pos = (r: number, c: number): number => r * 16384 + c;

/** Where a plan's formulas are (row → column → formula) and what they reference; built once per plan. */
export class FormulaIndex {
  readonly at = new Map<number, Map<number, string>>();
  private readonly refMemo = new Map<number, FormulaRef[]>();
  /** Each reference's formula row and row span, flat (for `reaching`). */
  private spans?: number[];

  constructor(plan: Plan) {
    const cols = plan.sheet?.columns ?? {};
    const addLoc = (loc: RowLoc | undefined): void => {
      if (!loc?.formulas) return;
      for (const k of Object.keys(loc.formulas) as FieldKey[]) {
        const c = cols[k];
        const f = loc.formulas[k];
        if (c === undefined || !f) continue;
        let s = this.at.get(loc.row);
        if (!s) this.at.set(loc.row, (s = new Map()));
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
  }

  formulaAt(r: number, c: number): string | undefined {
    return this.at.get(r)?.get(c);
  }

  refs(r: number, c: number): FormulaRef[] {
    const p = pos(r, c);
    let out = this.refMemo.get(p);
    if (!out) this.refMemo.set(p, (out = formulaRefs(this.formulaAt(r, c) ?? '').filter((x) => x.sheet === undefined)));
    return out;
  }

  /**
   * `rows` and the rows of every formula that references one of them, directly or through other formulas. Rows
   * are read from every A1-like reference in the text (another sheet's, a name's digits): a superset, which is safe.
   */
  reaching(rows: ReadonlySet<number>): Set<number> {
    const spans = (this.spans ??= this.rowSpans());
    const out = new Set(rows);
    for (let grew = true; grew;) {
      grew = false;
      const sorted = Int32Array.from(out).sort();
      for (let i = 0; i < spans.length; i += 3) {
        const row = spans[i];
        if (out.has(row)) continue;
        // the first row of `out` at or after the span's first row, is it within the span?
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid] < spans[i + 1]) lo = mid + 1;
          else hi = mid;
        }
        if (lo < sorted.length && sorted[lo] <= spans[i + 2]) {
          out.add(row);
          grew = true;
        }
      }
    }
    return out;
  }

  /** (formula row, first row, last row) of each reference, flat. */
  private rowSpans(): number[] {
    const out: number[] = [];
    for (const [r, byCol] of this.at) {
      for (const f of byCol.values()) {
        ROWS.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = ROWS.exec(f)) !== null) {
          const a = parseInt(m[1], 10) - 1;
          const b = m[2] !== undefined ? parseInt(m[2], 10) - 1 : a;
          out.push(r, Math.min(a, b), Math.max(a, b));
        }
      }
    }
    return out;
  }
}

const ROWS = /[A-Za-z]{1,3}\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?(\d{1,7}))?/g;

function residual(cells: Map<number, Cell>, terms: Expr): Dec {
  let r = ZERO;
  for (const [k, coef] of terms) r = r.plus(cells.get(k)!.value.times(coef));
  return r;
}

const ADDITIVE = /^(?:SUM\(|SUBTOTAL\((?:9|109),|R|[,+()\s])*$/;
const RANGE = /\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g;

/** The model cells a plain sum adds, or undefined when the formula is not one (or reaches outside the model). */
function sumOf(ix: FormulaIndex, self: Cell, cellAt: CellAt): Expr | undefined {
  const f = ix.formulaAt(self.row, self.col!)!;
  const u = f.toUpperCase();
  if (u.includes('!') || !ADDITIVE.test(u.replace(RANGE, 'R'))) return undefined;
  const subtotal = u.startsWith('SUBTOTAL(');
  const e: Expr = new Map();
  for (const ref of ix.refs(self.row, self.col!)) {
    if ((ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1) > 100000) return undefined;
    for (let r = ref.r0; r <= ref.r1; r++) {
      for (let c = ref.c0; c <= ref.c1; c++) {
        if (r === self.row && c === self.col) return undefined;
        const k = cellAt(r, c);
        if (k === undefined) continue;
        if (subtotal && /^SUBTOTAL\(/i.test(ix.formulaAt(r, c) ?? '')) continue;
        e.set(k, (e.get(k) ?? 0) + 1);
      }
    }
  }
  return e;
}

/** Projection of partial constraints: keep the cells of `rows`; `reach`: the rows whose formulas can lead there. */
export interface Projection { rows: ReadonlySet<number>; reach: ReadonlySet<number> }

/** Binds formula cells lazily (see the file comment). */
export class Binder {
  private readonly plain = new Map<number, Expr | null>();
  private readonly own = new Map<number, Expr>();
  private readonly full = new Map<number, Expr>();
  private readonly projected = new Map<number, Expr>();

  constructor(readonly ix: FormulaIndex, readonly cells: Map<number, Cell>, readonly cellAt: CellAt, readonly proj?: Projection) {}

  isFormula(k: number): boolean {
    const c = this.cells.get(k)!;
    return c.col !== undefined && this.ix.formulaAt(c.row, c.col) !== undefined;
  }

  /** What formula cell `k` is bound to (one level), when it is bound. */
  def(k: number): Expr | undefined {
    if (!this.isFormula(k)) return undefined;
    let p = this.plain.get(k);
    if (p === undefined) {
      const c = this.cells.get(k)!;
      const e = sumOf(this.ix, c, this.cellAt);
      // Bound only when its shown value is what it adds: a stale cached value (a sheet not recalculated, the
      // preview) is a figure the officer sees, so it stays a cell that may be wrong.
      p = e && residual(this.cells, e).eq(c.value) ? e : null;
      this.plain.set(k, p);
    }
    return p ?? this.own.get(k);
  }

  /**
   * Formula cells bound to their own row's sum: those constraints are consumed and left out. A constraint binds
   * only cells of its own row, so only the order within a row matters (an item's row sums, as the whole model).
   */
  private consume<C extends Constraint>(constraints: C[]): C[] {
    const used = new Set<C>();
    const order = constraints.map((c, i) => ({ c, i })).sort((p, q) => p.c.row - q.c.row || rank(p.c) - rank(q.c) || p.i - q.i);
    for (const { c } of order) {
      const own = [...c.terms.keys()].filter((k) => this.cells.get(k)!.row === c.row && this.isFormula(k) && !this.def(k));
      const k = own.find((x) => this.cells.get(x)!.col === c.col) ?? (own.length === 1 ? own[0] : undefined);
      if (k !== undefined && (c.residual ?? residual(this.cells, c.terms)).isZero()) {
        // k = -(1/coef_k) × (the other terms)
        const coef = c.terms.get(k)!;
        const e: Expr = new Map();
        for (const [x, v] of c.terms) if (x !== k) e.set(x, -v / coef);
        this.own.set(k, e);
        used.add(c);
      }
    }
    return used.size === 0 ? constraints : constraints.filter((c) => !used.has(c));
  }

  private expand(k: number, depth: number): Expr {
    const d = this.def(k);
    if (!d || depth > 8) return new Map([[k, 1]]);
    let e = this.full.get(k);
    if (e) return e;
    e = new Map();
    for (const [x, v] of d) for (const [y, w] of this.expand(x, depth + 1)) e.set(y, (e.get(y) ?? 0) + v * w);
    this.full.set(k, e);
    return e;
  }

  /** `expand` kept to the projection's rows, not descending into rows that cannot lead there. */
  private expandOnto(k: number, depth: number, p: Projection): Expr {
    const row = this.cells.get(k)!.row;
    if (!p.reach.has(row)) return EMPTY;
    const d = this.def(k);
    if (!d || depth > 8) return p.rows.has(row) ? new Map([[k, 1]]) : EMPTY;
    let e = this.projected.get(k);
    if (e) return e;
    e = new Map();
    for (const [x, v] of d) for (const [y, w] of this.expandOnto(x, depth + 1, p)) e.set(y, (e.get(y) ?? 0) + v * w);
    this.projected.set(k, e);
    return e;
  }

  /**
   * The constraints with formula cells bound. `partial(c)`: built over some rows only; projected onto the
   * projection's rows, kept even when no term is left, its residual kept. With a projection, every constraint
   * keeps its residual (binding does not change it); without, bound constraints recompute theirs.
   */
  bind<C extends Constraint>(constraints: C[], partial: (c: C) => boolean = () => false): C[] {
    const p = this.proj;
    const projected = new Set(p ? constraints.filter(partial) : []);
    if (p) for (const c of constraints) c.residual ??= residual(this.cells, c.terms);
    const kept = this.consume(constraints);
    const out: C[] = [];
    for (const c of kept) {
      const onto = projected.has(c) ? p : undefined;
      if (!onto && ![...c.terms.keys()].some((k) => this.def(k))) {
        out.push(c);
        continue;
      }
      const terms: Expr = new Map();
      for (const [k, v] of c.terms) {
        for (const [y, w] of onto ? this.expandOnto(k, 0, onto) : this.expand(k, 0)) terms.set(y, (terms.get(y) ?? 0) + v * w);
      }
      for (const [k, v] of terms) if (v === 0) terms.delete(k);
      // A sum that a formula computes by itself ("K9 = SUM(F9:J9)") is no constraint on what was typed.
      if (terms.size > 0 || onto) out.push({ ...c, terms, residual: p ? c.residual : undefined });
    }
    return out;
  }
}

const EMPTY: Expr = new Map();

/** The constraints of a whole model with formula cells bound to the sums they compute (see the file comment). */
export function bindFormulas<C extends Constraint>(ix: FormulaIndex, cells: Map<number, Cell>, constraints: C[]): C[] {
  if (ix.at.size === 0) return constraints;
  const byPos = new Map<number, number>();
  for (const c of cells.values()) if (c.col !== undefined) byPos.set(pos(c.row, c.col), c.key);
  return new Binder(ix, cells, (r, c) => byPos.get(pos(r, c))).bind(constraints);
}
