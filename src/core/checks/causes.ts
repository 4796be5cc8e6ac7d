/**
 * The cell to fix, first (issue 10, point 6). The sums of a table form a grid of constraints, each a linear
 * combination of amount cells that must be zero (causeModel.ts): each item row (years = total, sources = total),
 * each group or sub-item parent column (group = its children as shown), the grand total (= the top-level rows as
 * shown) and each "Trong đó" row (= the items of its source). One wrong cell breaks its row constraint and one or
 * more column constraints, like a parity check.
 *
 * For every cell of a broken constraint, the one value that repairs that constraint is tried: the cell is a root
 * cause when, at that value, every constraint it appears in holds (the broken ones repaired, the others untouched)
 * and it repairs two broken constraints or more (a single broken constraint is its own cause). The cell repairing
 * the most is chosen first; two different cells repairing the same broken constraint as well are ambiguous and
 * neither is named. The root-cause finding sits at that cell (the check's own finding there when there is one, else
 * a new one: ROW_YEARS_SUM / ROW_SOURCES_SUM for an item's amount, GROUP_SUBTOTAL for a group's, GRAND_TOTAL,
 * BREAKDOWN); every other finding it explains gets `causedBy` = that cell. Root causes come first.
 */
import { a1 } from '../base/a1';
import { Dec, ZERO, plain } from '../base/decimal';
import { makeFinding, type Finding } from './findings';
import type { Plan } from '../plan/model';
import { formatVi } from '../text/numbers';
import { buildCauseModel, type Constraint, type CauseModel, type Cell } from './causeModel';
import { CAUSE_MESSAGES as M } from './messages';

const SUM_CODES = new Set(['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN', 'STATED_TOTAL']);

const keyOf = (code: string, row: number | undefined, col: number | undefined): string => `${code}|${row}|${col}`;

interface Candidate {
  cell: Cell;
  value: Dec;
  fixes: Constraint[];
}

function residual(m: CauseModel, c: Constraint): Dec {
  if (c.residual === undefined) {
    let r = ZERO;
    for (const [k, coef] of c.terms) r = r.plus(m.cells.get(k)!.value.times(coef));
    c.residual = r;
  }
  return c.residual;
}

/** The value of `cell` that repairs every constraint it is in, when there is one; undefined otherwise. */
function tryCell(m: CauseModel, cell: Cell, broken: Constraint, tol: Dec, reported: Set<Constraint>): Candidate | undefined {
  const coef = broken.terms.get(cell.key);
  if (!coef) return undefined;
  const delta = residual(m, broken).negated().dividedBy(coef);
  const fixes: Constraint[] = [];
  for (const c of m.byCell.get(cell.key) ?? []) {
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

function candidates(m: CauseModel, broken: Constraint[], tol: Dec): Candidate[] {
  const reported = new Set(broken);
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const b of broken) {
    for (const k of b.terms.keys()) {
      if (seen.has(k)) continue;
      seen.add(k);
      const cell = m.cells.get(k)!;
      if (cell.col === undefined) continue;
      const c = tryCell(m, cell, b, tol, reported);
      if (c && c.fixes.length >= 2) out.push(c);
    }
  }
  return out.sort((p, q) => q.fixes.length - p.fixes.length || p.cell.row - q.cell.row || p.cell.col! - q.cell.col!);
}

/** Chosen root causes: most repairs first; a constraint two equally good cells repair names neither. */
function choose(cands: Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  const covered = new Set<Constraint>();
  for (const c of cands) {
    if (c.fixes.some((f) => covered.has(f))) continue;
    const rival = cands.some((o) => o !== c && o.fixes.length >= c.fixes.length && o.fixes.some((f) => c.fixes.includes(f)));
    if (rival) {
      for (const f of c.fixes) covered.add(f);
      continue;
    }
    chosen.push(c);
    for (const f of c.fixes) covered.add(f);
  }
  return chosen;
}

function rootMessage(c: Candidate): string {
  const names: string[] = [];
  const order = ['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN'];
  const fixes = [...c.fixes].sort((p, q) => order.indexOf(p.code) - order.indexOf(q.code) || p.row - q.row);
  for (const f of fixes) if (!names.includes(f.label)) names.push(f.label);
  return M.rootCause(a1(c.cell.row, c.cell.col!), formatVi(c.value), names);
}

/**
 * Findings with their root causes named first and `causedBy` on the findings they explain. `findings` are the
 * sorted, deduplicated findings of one sheet; the others are returned unchanged in their order.
 */
export function explainFindings(plan: Plan, findings: Finding[], tolerance: Dec | undefined): Finding[] {
  const sumErrors = findings.filter((f) => SUM_CODES.has(f.code) && f.row !== undefined);
  if (sumErrors.length < 2 || !plan.sheet) return findings;
  const m = buildCauseModel(plan);
  if (!m) return findings;
  const at = new Map<string, Finding>();
  for (const f of sumErrors) at.set(keyOf(f.code, f.row, f.col), f);
  const broken = m.constraints.filter((c) => at.has(keyOf(c.code, c.row, c.col)));
  const tol = tolerance ?? new Dec(0);
  const chosen = choose(candidates(m, broken, tol));
  if (chosen.length === 0) return findings;
  const sheet = plan.sheet.name;
  const replaced = new Map<Finding, Finding>();
  const roots: Finding[] = [];
  for (const c of chosen) {
    const addr = a1(c.cell.row, c.cell.col!);
    const atCell = (f: Finding): boolean => f.row === c.cell.row && f.col === c.cell.col;
    // The cause's own finding: a sum finding it explains at its cell, else another error there (FORMULA_ERROR,
    // NEGATIVE_AMOUNT), which keeps its own `actual`; else a new finding.
    const own = c.fixes.map((f) => at.get(keyOf(f.code, f.row, f.col))!).find(atCell)
      ?? findings.find((f) => f.severity === 'error' && !SUM_CODES.has(f.code) && atCell(f));
    const extra = { expected: plain(c.value), actual: own?.actual ?? plain(c.cell.value) };
    const root = own
      ? { ...own, message: `${rootMessage(c)} ${own.message}`, ...extra }
      : makeFinding(c.cell.code, rootMessage(c), { sheet, row: c.cell.row, col: c.cell.col, cell: addr, ...extra });
    if (own) replaced.set(own, root);
    roots.push(root);
    for (const fx of c.fixes) {
      const f = at.get(keyOf(fx.code, fx.row, fx.col))!;
      if (f !== own) replaced.set(f, { ...f, causedBy: addr });
    }
  }
  const rootSet = new Set(roots);
  const rest = findings.map((f) => replaced.get(f) ?? f).filter((f) => !rootSet.has(f));
  return [...roots.sort((p, q) => p.row! - q.row! || p.col! - q.col!), ...rest];
}
