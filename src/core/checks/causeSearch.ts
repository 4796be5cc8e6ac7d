/**
 * The search for the cells that explain broken sums (causes.ts): over a model (causeModel.ts) holding the broken
 * constraints and every constraint their candidate cells appear in. A candidate is a cell in two broken constraints
 * or more (a cell in one broken sum only is not told apart from that sum's other cells).
 *  - one cell: the one value repairing one of its broken constraints repairs every constraint it is in;
 *  - two cells (when no single cell explains the breaks): each takes the value repairing a constraint the other is
 *    not in, and together they repair every constraint either is in, and every broken one.
 */
import { Dec, ZERO } from '../base/decimal';
import type { CauseModel, Cell, Constraint } from './causeModel';

export interface Candidate {
  cell: Cell;
  value: Dec;
  fixes: Constraint[];
}

export interface PairCause {
  cells: [Cell, Cell];
  values: [Dec, Dec];
  /** The broken constraints each one repairs ([0]: those with the first cell, [1]: the others). */
  fixes: [Constraint[], Constraint[]];
}

/** Beyond this many candidates, pairs are not searched (a table broken in many places has no short story). */
const MAX_PAIR_CELLS = 40;

export function residual(m: CauseModel, c: Constraint): Dec {
  if (c.residual === undefined) {
    let r = ZERO;
    for (const [k, coef] of c.terms) r = r.plus(m.cells.get(k)!.value.times(coef));
    c.residual = r;
  }
  return c.residual;
}

/** Cells of the broken constraints that are in two of them or more (with a column), in table order. */
export function candidateCells(m: CauseModel, broken: readonly Constraint[]): Cell[] {
  const count = new Map<number, number>();
  for (const b of broken) for (const k of b.terms.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const out: Cell[] = [];
  for (const [k, n] of count) {
    const cell = m.cells.get(k)!;
    if (n >= 2 && cell.col !== undefined) out.push(cell);
  }
  return out.sort((p, q) => p.row - q.row || p.col! - q.col!);
}

/** The value of `cell` that repairs every constraint it is in, when there is one; undefined otherwise. */
function tryCell(m: CauseModel, cell: Cell, tol: Dec, reported: Set<Constraint>): Candidate | undefined {
  const cons = m.byCell.get(cell.key) ?? [];
  const first = cons.find((c) => reported.has(c) && residual(m, c).abs().gt(tol));
  if (!first) return undefined;
  const delta = residual(m, first).negated().dividedBy(first.terms.get(cell.key)!);
  const fixes: Constraint[] = [];
  for (const c of cons) {
    const r = residual(m, c);
    const after = r.plus(delta.times(c.terms.get(cell.key) ?? 0));
    if (after.abs().gt(tol)) return undefined;
    if (!r.abs().gt(tol)) continue;
    // A sum the model finds broken but the checks did not report: the model does not mirror this sheet; no cause.
    if (!reported.has(c)) return undefined;
    fixes.push(c);
  }
  return { cell, value: cell.value.plus(delta), fixes };
}

export function singleCauses(m: CauseModel, cells: readonly Cell[], broken: readonly Constraint[], tol: Dec): Candidate[] {
  const reported = new Set(broken);
  const out: Candidate[] = [];
  for (const cell of cells) {
    const c = tryCell(m, cell, tol, reported);
    if (c && c.fixes.length >= 2) out.push(c);
  }
  return out.sort((p, q) => q.fixes.length - p.fixes.length || p.cell.row - q.cell.row || p.cell.col! - q.cell.col!);
}

/** Chosen root causes: most repairs first; a constraint two equally good cells repair names neither. */
export function choose(cands: Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  const covered = new Set<Constraint>();
  for (const c of cands) {
    if (c.fixes.some((f) => covered.has(f))) continue;
    const rival = cands.some((o) => o !== c && o.fixes.length >= c.fixes.length && o.fixes.some((f) => c.fixes.includes(f)));
    for (const f of c.fixes) covered.add(f);
    if (!rival) chosen.push(c);
  }
  return chosen;
}

/** The change of `x` that repairs a constraint `y` is not in (and x is), or undefined. */
function ownDelta(m: CauseModel, x: Cell, y: Cell, tol: Dec): Dec | undefined {
  for (const c of m.byCell.get(x.key) ?? []) {
    if (c.terms.has(y.key)) continue;
    const d = residual(m, c).negated().dividedBy(c.terms.get(x.key)!);
    return d.abs().gt(tol) ? d : undefined;
  }
  return undefined;
}

function tryPair(m: CauseModel, x: Cell, y: Cell, broken: readonly Constraint[], tol: Dec, reported: Set<Constraint>): PairCause | undefined {
  const dx = ownDelta(m, x, y, tol);
  const dy = dx && ownDelta(m, y, x, tol);
  if (!dx || !dy) return undefined;
  const fixes: [Constraint[], Constraint[]] = [[], []];
  const seen = new Set<Constraint>();
  for (const c of [...(m.byCell.get(x.key) ?? []), ...(m.byCell.get(y.key) ?? [])]) {
    if (seen.has(c)) continue;
    seen.add(c);
    const r = residual(m, c);
    const after = r.plus(dx.times(c.terms.get(x.key) ?? 0)).plus(dy.times(c.terms.get(y.key) ?? 0));
    if (after.abs().gt(tol)) return undefined;
    if (!r.abs().gt(tol)) continue;
    if (!reported.has(c)) return undefined;
    fixes[c.terms.has(x.key) ? 0 : 1].push(c);
  }
  if (fixes[0].length + fixes[1].length !== broken.length) return undefined;
  return { cells: [x, y], values: [x.value.plus(dx), y.value.plus(dy)], fixes };
}

/** The one pair of cells explaining every broken constraint, when exactly one pair does. */
export function pairCause(m: CauseModel, cells: readonly Cell[], broken: readonly Constraint[], tol: Dec): PairCause | undefined {
  if (broken.length < 2 || cells.length < 2 || cells.length > MAX_PAIR_CELLS) return undefined;
  const reported = new Set(broken);
  let found: PairCause | undefined;
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      const p = tryPair(m, cells[i], cells[j], broken, tol, reported);
      if (!p) continue;
      if (found) return undefined;
      found = p;
    }
  }
  return found;
}
