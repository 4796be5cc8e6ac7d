/**
 * The sums a table states, as linear constraints over its amount cells (for causes.ts). Each constraint mirrors one
 * sum check exactly (rows.ts, groups.ts): the stated side with coefficient +1, the summed side with -1, so its
 * residual is the finding's `actual - expected`. A blank cell of an item is a cell worth 0.
 * Plans that are not read from a sheet, or have a per-source-per-year split, give no model.
 *
 * A model can be built for part of the table only (`Scope`): the constraints a finding reports, or the constraints
 * some cells can appear in (their rows; the columns of the nodes above them). A constraint out of scope is skipped
 * before its sums are built, so naming the cause of one wrong cell does not re-sum a table of 10,000 items. A plan
 * with formula cells is scoped the same way: only the formulas the built constraints reach are bound (formulaScope.ts).
 */
import { AMOUNTS_ON_DEMAND, type FieldKey, type Group, type Item, type Plan, type PlanNode } from '../plan/model';
import { colKey, pullsFromElsewhere, statedCols, statedValue, type Col } from './context';
import {
  addInto, amountsOf, Builder, EVERYTHING, FIELDS, hasKeys, isParent, sum, type Cell, type Constraint, type BuilderMemo, type Expr,
  type Scope,
} from './causeBuilder';
import { bindFormulas, FormulaIndex } from './formulaBind';
import { boundModel, PlanRows, type Built } from './formulaScope';
import { addUpCols, kindParts } from './kinds';
import { CAUSE_MESSAGES as M } from './messages';

export type { Cell, Constraint, Scope } from './causeBuilder';

/** What two builds of one plan share (buildCauseModel's `memo`). */
export interface ModelMemo extends BuilderMemo {
  formulas?: FormulaIndex;
  planRows?: PlanRows;
  /** Tests: a plan with formula cells is built whole, bound, then cut to each scope (what the scoped model matches). */
  whole?: boolean;
  bound?: { cells: Map<number, Cell>; constraints: Constraint[] } | null;
  /** The cells of the models built, together (tests: the scoped search builds few). */
  cells?: number;
}

export interface CauseModel {
  cells: Map<number, Cell>;
  constraints: Constraint[];
  /** Cell key → the constraints it appears in. */
  byCell: Map<number, Constraint[]>;
}

/** ROW_YEARS_SUM and ROW_SOURCES_SUM of a leaf item. */
function leafRow(b: Builder, it: Item): void {
  const row = it.loc!.row;
  if (!b.scope.atRow(row)) return;
  const a = amountsOf(it);
  const label = M.rowLabel(row + 1);
  const hasYears = hasKeys(a.years);
  const own: [number, number] = [row, row];
  const total = (): Expr => sum([b.cell(row, 'total', a.total, 'ROW_YEARS_SUM')]);
  if (a.total && hasYears) b.add('ROW_YEARS_SUM', row, 'total', own, total, () => sum(b.years(it, a)), label);
  const codes = Object.keys(a.sources ?? {});
  const annual = !a.total && !hasYears && b.plan.sourcesOfAnnual ? a.annual : undefined;
  if (codes.length && (a.total || hasYears || annual)) {
    const at: FieldKey = b.cols.total !== undefined ? 'total' : `source:${codes.find((c) => b.cols[`source:${c}`] !== undefined) ?? codes[0]}`;
    const ref = (): Expr => (a.total ? total() : annual ? sum([b.cell(row, 'annual', annual, 'ROW_SOURCES_SUM')]) : sum(b.years(it, a)));
    b.add('ROW_SOURCES_SUM', row, at, own, () => sum(b.sources(it, a)), ref, label);
  }
}

/** The last sheet row of a node's rows (its own and its descendants'). */
function lastRow(n: PlanNode): number {
  let last = n.loc!.row;
  for (const ch of n.children ?? []) if (ch.loc && typeof ch.loc.row === 'number') last = Math.max(last, lastRow(ch));
  return last;
}

function walk(b: Builder, nodes: PlanNode[], leaves: Item[]): boolean {
  for (const n of nodes) {
    if (!n.loc || typeof n.loc.row !== 'number') return false;
    if (n.kind === 'item' && !isParent(n)) {
      // an item read from a sheet has no split (nor is it worth making its amounts to see: read/itemAmounts.ts)
      if (!n[AMOUNTS_ON_DEMAND] && hasKeys(n.amounts?.split)) return false;
      leafRow(b, n);
      leaves.push(n);
      continue;
    }
    const stated = n.kind === 'group' ? n.stated : n.amounts;
    const label = M.groupLabel(String(n.tt ?? '').trim(), n.kind === 'group');
    const span: [number, number] = [n.loc.row, lastRow(n)];
    for (const c of statedCols(stated)) {
      if (pullsFromElsewhere(n, c)) continue;
      b.add('GROUP_SUBTOTAL', n.loc.row, colKey(c), span, () => b.expr(n, c, true), () => childrenExpr(b, n, c), label);
    }
    if (!walk(b, n.children ?? [], leaves)) return false;
  }
  return true;
}

function childrenExpr(b: Builder, n: Group | Item, c: Col): Expr {
  const out: Expr = new Map();
  for (const ch of n.children ?? []) addInto(out, b.expr(ch, c, true), 1);
  return out;
}

function totals(b: Builder, leaves: Item[]): boolean {
  const { plan } = b;
  const gt = plan.grandTotal;
  if (gt?.amounts) {
    if (!gt.loc) return false;
    const row = gt.loc.row;
    for (const c of statedCols(gt.amounts)) {
      const s = (): Expr => sum([b.cell(row, colKey(c), statedValue(gt.amounts, c), 'GRAND_TOTAL')]);
      const out = (): Expr => {
        const e: Expr = new Map();
        for (const n of plan.nodes) addInto(e, b.expr(n, c, true), 1);
        return e;
      };
      b.add('GRAND_TOTAL', row, colKey(c), undefined, s, out, M.grandLabel(gt.label?.trim() || 'Tổng cộng'));
    }
  }
  statedTotals(b);
  for (const bd of plan.breakdown ?? []) {
    if (!bd.loc) return false;
    const code = bd.sourceCode;
    const label = M.lineLabel(bd.label?.trim() || code);
    const row = bd.loc.row;
    for (const c of statedCols(bd.amounts)) {
      const byYear = c.kind === 'year';
      if (byYear ? b.leafSources().inexact.has(code) : !(c.kind === 'total' || (c.kind === 'source' && c.code === code))) continue;
      const out = (): Expr => {
        const e: Expr = new Map();
        if (byYear) {
          const only = b.leafSources().onlySource;
          for (const it of b.leavesIn(leaves)) if (only.get(it) === code) addInto(e, b.leafExpr(it, c, false), 1);
        } else {
          for (const it of b.leavesIn(leaves)) addInto(e, b.sourceExpr(it, amountsOf(it), code), 1);
        }
        return e;
      };
      const s = (): Expr => sum([b.cell(row, colKey(c), statedValue(bd.amounts, c), 'BREAKDOWN')]);
      b.add('BREAKDOWN', row, colKey(c), undefined, s, out, label);
    }
  }
  return true;
}

/** The "Trong đó" rows by kind of capital (kinds.ts): each row = its items, or the rows together = the total. */
function kindConstraints(b: Builder): boolean {
  const parts = kindParts(b.plan);
  if (!parts) return true;
  if (parts.rows.some((r) => !r.loc)) return false;
  if (parts.byKind) {
    for (const r of parts.rows) {
      const items = parts.byKind.get(r.kind) ?? [];
      const row = r.loc!.row;
      for (const c of statedCols(r.amounts)) {
        const s = (): Expr => sum([b.cell(row, colKey(c), statedValue(r.amounts, c), 'BREAKDOWN')]);
        const out = (): Expr => {
          const e: Expr = new Map();
          for (const it of items) addInto(e, b.leafExpr(it, c, true), 1);
          return e;
        };
        b.add('BREAKDOWN', row, colKey(c), undefined, s, out, M.lineLabel(r.label));
      }
    }
    return true;
  }
  const gt = b.plan.grandTotal;
  if (gt?.amounts && !gt.loc) return false;
  const at = parts.rows[0].loc!.row;
  const label = M.lineLabel(parts.rows.map((r) => r.label).join(', '));
  for (const c of addUpCols(parts.rows)) {
    const s = (): Expr => sum(parts.rows.map((r) => b.cell(r.loc!.row, colKey(c), statedValue(r.amounts, c), 'BREAKDOWN')));
    const out = (): Expr => {
      const g = gt?.amounts ? statedValue(gt.amounts, c) : undefined;
      if (g !== undefined) return sum([b.cell(gt!.loc!.row, colKey(c), g, 'GRAND_TOTAL')]);
      const e: Expr = new Map();
      for (const n of b.plan.nodes) addInto(e, b.expr(n, c, true), 1);
      return e;
    };
    b.add('BREAKDOWN', at, colKey(c), undefined, s, out, label);
  }
  return true;
}

/** A total stated in a sentence of the sheet (STATED_TOTAL at the sentence) = the grand total's figure it names. */
function statedTotals(b: Builder): void {
  const gt = b.plan.grandTotal;
  if (!gt?.amounts || !gt.loc) return;
  for (const st of b.plan.statedTotals ?? []) {
    const field = st.field ?? 'total';
    const c: Col | undefined = field === 'total' || field === 'totalInvestment' || field === 'annual' ? { kind: field }
      : field.startsWith('year:') ? { kind: 'year', year: parseInt(field.slice(5), 10) } : undefined;
    const value = c ? statedValue(gt.amounts, c) : undefined;
    if (!st.loc || !c || value === undefined) continue;
    if (!b.scope.wants('STATED_TOTAL', st.loc.row, st.loc.col, undefined, undefined)) continue;
    const grand = sum([b.cell(gt.loc.row, field, value, 'GRAND_TOTAL')]);
    const said = sum([b.cell(st.loc.row, `stated:${st.loc.col}` as FieldKey, st.value, 'STATED_TOTAL')]);
    addInto(grand, said, -1);
    b.constraints.push({ code: 'STATED_TOTAL', row: st.loc.row, col: st.loc.col, terms: grand, label: M.grandLabel(gt.label?.trim() || 'Tổng cộng') });
  }
}

/** The builder with every constraint `scope` wants; null when the plan cannot be modelled faithfully. */
function built(plan: Plan, scope: Scope, memo: ModelMemo): Builder | null {
  const b = new Builder(plan, scope, memo);
  return walk(b, plan.nodes, b.leaves) && totals(b, b.leaves) && kindConstraints(b) ? b : null;
}

/** The scoped build as formulaScope.ts sees it. */
function asBuilt(plan: Plan, b: Builder | null): Built | null {
  if (!b) return null;
  return {
    cells: b.cells,
    constraints: b.constraints,
    cell: (row, field, value, code) => b.cell(row, field, value, code),
    more: (scope) => {
      b.scope = scope;
      const leaves: Item[] = [];
      return walk(b, plan.nodes, leaves) && totals(b, leaves) && kindConstraints(b);
    },
    key: (row, field) => {
      const f = b.fieldIndex.get(field);
      return f !== undefined && b.cells.has(row * FIELDS + f) ? row * FIELDS + f : undefined;
    },
  };
}

/** The whole model of a plan with formula cells, bound once, cut to `scope` (memo.whole). */
function wholeBound(plan: Plan, scope: Scope, memo: ModelMemo): { cells: Map<number, Cell>; constraints: Constraint[] } | null {
  if (memo.bound === undefined) {
    const b = built(plan, EVERYTHING, memo);
    memo.bound = b && { cells: b.cells, constraints: bindFormulas(memo.formulas!, b.cells, b.constraints) };
  }
  const m = memo.bound;
  return m && { cells: m.cells, constraints: m.constraints.filter((c) => scope.wants(c.code, c.row, c.col, c.field, c.span)) };
}

/**
 * The constraint model of a plan read from a sheet; undefined when it cannot be built faithfully. In a plan with
 * formula cells, the formulas the wanted constraints reach are bound (formulaScope.ts).
 */
export function buildCauseModel(plan: Plan, scope: Scope = EVERYTHING, memo: ModelMemo = {}): CauseModel | undefined {
  const ix = (memo.formulas ??= new FormulaIndex(plan));
  let m: { cells: Map<number, Cell>; constraints: Constraint[] } | null;
  if (ix.at.size === 0) m = built(plan, scope, memo);
  else if (memo.whole) m = wholeBound(plan, scope, memo);
  else m = boundModel((memo.planRows ??= new PlanRows(plan, ix)), scope, (s) => asBuilt(plan, built(plan, s, memo))) as typeof m;
  if (!m) return undefined;
  const { cells, constraints } = m;
  memo.cells = (memo.cells ?? 0) + cells.size;
  const byCell = new Map<number, Constraint[]>();
  for (const c of constraints) for (const k of c.terms.keys()) (byCell.get(k) ?? byCell.set(k, []).get(k)!).push(c);
  return { cells, constraints, byCell };
}
