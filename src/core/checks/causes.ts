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
 * BREAKDOWN); every other finding it explains gets `causedBy` = that cell. Root causes come first. When no single
 * cell explains the broken sums, the one pair of cells that does is named the same way ("G9 và H12 có thể nhập sai:
 * …"); when no pair does either, the first broken sum says so in one sentence and the findings are listed as before.
 *
 * Cheap: the model is built in two passes over the plan's structure, and only for the reported constraints and the
 * constraints their candidate cells can be in (causeModel.ts `Scope`), never for the whole table.
 */
import { a1 } from '../base/a1';
import { Dec, ZERO, plain } from '../base/decimal';
import { makeFinding, type Finding } from './findings';
import type { FieldKey, Plan } from '../plan/model';
import { formatVi } from '../text/numbers';
import { buildCauseModel, type CauseModel, type Cell, type Constraint, type ModelMemo, type Scope } from './causeModel';
import { candidateCells, choose, pairCause, residual, singleCauses, type Candidate } from './causeSearch';
import { CAUSE_MESSAGES as M } from './messages';

const SUM_CODES = new Set(['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN', 'STATED_TOTAL']);
const ORDER = ['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN', 'STATED_TOTAL'];

const keyOf = (code: string, row: number | undefined, col: number | undefined): string => `${code}|${row}|${col}`;

/** Columns whose sums can hold cells of other columns (an item's total of its years, a source of its total). */
const mixes = (field: FieldKey | undefined): boolean =>
  field === undefined || field === 'total' || field === 'annual' || field === 'totalInvestment' || field.startsWith('source:');

/**
 * The reported constraints, and every constraint a cell of `cells` can be in (its row; the nodes above it). A
 * reported sum, or a sum over the whole table, is built over the rows of `cells` only: its residual is known (a
 * reported sum's from the first pass; any other sum holds exactly, or the checks would have reported it).
 */
function scopeOf(reported: Set<string>, residuals: Map<string, Dec>, cells: readonly Cell[]): Scope {
  const rows = new Set(cells.map((c) => c.row));
  const reportedRows = new Set([...reported].map((k) => parseInt(k.split('|')[1], 10)));
  const sorted = [...rows].sort((p, q) => p - q);
  const cols = new Set(cells.map((c) => c.col));
  const inSpan = (span: [number, number]): boolean => sorted.some((r) => r >= span[0] && r <= span[1]);
  return {
    wants: (code, row, col, field, span) => {
      if (reported.has(keyOf(code, row, col))) return true;
      if (sorted.length === 0) return false;
      if (span && span[0] === span[1]) return rows.has(row);
      return (cols.has(col) || mixes(field)) && (span === undefined || inSpan(span));
    },
    atRow: (row) => rows.has(row) || reportedRows.has(row),
    // Row and group sums are small: built whole, so a sum the model finds broken but no check reported still
    // rules its cells out; the sums over the whole table (grand total, "Trong đó") are taken to hold.
    known: (code, row, col, span) => residuals.get(keyOf(code, row, col)) ?? (span === undefined ? ZERO : undefined),
    rows,
  };
}

function names(fixes: Constraint[]): string[] {
  const out: string[] = [];
  const sorted = [...fixes].sort((p, q) => ORDER.indexOf(p.code) - ORDER.indexOf(q.code) || p.row - q.row);
  for (const f of sorted) if (!out.includes(f.label)) out.push(f.label);
  return out;
}

const addrOf = (c: Cell): string => a1(c.row, c.col!);

/** A root cause to report: its cell, value, the sums it repairs and its message. */
interface Root {
  cell: Cell;
  value: Dec;
  fixes: Constraint[];
  message: string;
}

function rootsOf(m: CauseModel, broken: Constraint[], tol: Dec): { roots: Root[]; unexplained: Constraint[] } {
  const cells = candidateCells(m, broken);
  const chosen: Candidate[] = choose(singleCauses(m, cells, broken, tol));
  const roots: Root[] = chosen.map((c) => ({ ...c, message: M.rootCause(addrOf(c.cell), formatVi(c.value), names(c.fixes)) }));
  const covered = new Set(chosen.flatMap((c) => c.fixes));
  // Broken sums no root explains that share a cell with another broken sum (a sum sharing none is its own cause).
  const unexplained = broken.filter((b) => !covered.has(b) && cells.some((c) => b.terms.has(c.key)));
  if (chosen.length > 0 || unexplained.length < 2) return { roots, unexplained };
  const pair = pairCause(m, cells, broken, tol);
  if (!pair) return { roots, unexplained };
  const message = M.rootPair([addrOf(pair.cells[0]), addrOf(pair.cells[1])],
    [formatVi(pair.values[0]), formatVi(pair.values[1])], names([...pair.fixes[0], ...pair.fixes[1]]));
  return {
    roots: [0, 1].map((i) => ({ cell: pair.cells[i], value: pair.values[i], fixes: pair.fixes[i], message })),
    unexplained: [],
  };
}

/**
 * Findings with their root causes named first and `causedBy` on the findings they explain. `findings` are the
 * sorted, deduplicated findings of one sheet; the others are returned unchanged in their order. `memo`: shared by
 * the two builds (tests read its `cells`, or set `whole` to compare with the whole model).
 */
export function explainFindings(plan: Plan, findings: Finding[], tolerance: Dec | undefined, memo: ModelMemo = {}): Finding[] {
  const sumErrors = findings.filter((f) => SUM_CODES.has(f.code) && f.row !== undefined);
  if (sumErrors.length < 2 || !plan.sheet) return findings;
  const at = new Map<string, Finding>();
  for (const f of sumErrors) at.set(keyOf(f.code, f.row, f.col), f);
  const reported = new Set(at.keys());
  // Pass 1: the reported constraints only; pass 2: those and every constraint their candidate cells are in.
  const reportedRows = new Set(sumErrors.map((f) => f.row));
  const first = buildCauseModel(plan, {
    wants: (code, row, col) => reported.has(keyOf(code, row, col)),
    atRow: (row) => reportedRows.has(row),
  }, memo);
  if (!first) return findings;
  const tol = tolerance ?? new Dec(0);
  const residuals = new Map(first.constraints.map((c) => [keyOf(c.code, c.row, c.col), residual(first, c)]));
  const cells = candidateCells(first, first.constraints);
  // With a tolerance, a sum that holds may still be off by up to it: the second pass builds whole sums.
  const scope = scopeOf(reported, residuals, cells);
  const m = buildCauseModel(plan, tol.isZero() ? scope : { wants: scope.wants, atRow: scope.atRow }, memo);
  if (!m) return findings;
  const broken = m.constraints.filter((c) => reported.has(keyOf(c.code, c.row, c.col)));
  const { roots, unexplained } = rootsOf(m, broken, tol);
  const replaced = new Map<Finding, Finding>();
  if (unexplained.length >= 2) {
    const keys = new Set(unexplained.map((u) => keyOf(u.code, u.row, u.col)));
    const firstBroken = sumErrors.find((f) => keys.has(keyOf(f.code, f.row, f.col)))!;
    replaced.set(firstBroken, { ...firstBroken, message: `${M.noSingleCause(unexplained.length)} ${firstBroken.message}` });
  }
  if (roots.length === 0) return findings.map((f) => replaced.get(f) ?? f);
  const out: Finding[] = [];
  for (const c of roots) out.push(rootFinding(plan.sheet.name, c, findings, at, replaced));
  const rootSet = new Set(out);
  const rest = findings.map((f) => replaced.get(f) ?? f).filter((f) => !rootSet.has(f));
  return [...out.sort((p, q) => p.row! - q.row! || p.col! - q.col!), ...rest];
}

/** The root's finding (its own sum or error finding at its cell, else a new one); `causedBy` on what it explains. */
function rootFinding(sheet: string, c: Root, findings: Finding[], at: Map<string, Finding>, replaced: Map<Finding, Finding>): Finding {
  const addr = addrOf(c.cell);
  const atCell = (f: Finding): boolean => f.row === c.cell.row && f.col === c.cell.col;
  // The cause's own finding: a sum finding it explains at its cell, else another error there (FORMULA_ERROR,
  // NEGATIVE_AMOUNT), which keeps its own `actual`; else a new finding.
  const own = c.fixes.map((f) => at.get(keyOf(f.code, f.row, f.col))!).find(atCell)
    ?? findings.find((f) => f.severity === 'error' && !SUM_CODES.has(f.code) && atCell(f));
  const extra = { expected: plain(c.value), actual: own?.actual ?? plain(c.cell.value) };
  const root = own
    ? { ...own, message: `${c.message} ${own.message}`, ...extra }
    : makeFinding(c.cell.code, c.message, { sheet, row: c.cell.row, col: c.cell.col, cell: addr, ...extra });
  if (own) replaced.set(own, root);
  for (const fx of c.fixes) {
    const f = at.get(keyOf(fx.code, fx.row, fx.col))!;
    if (f !== own) replaced.set(f, { ...f, causedBy: addr });
  }
  return root;
}
