/**
 * The sums a table states, as linear constraints over its amount cells (for causes.ts). Each constraint mirrors one
 * sum check exactly (rows.ts, groups.ts): the stated side with coefficient +1, the summed side with -1, so its
 * residual is the finding's `actual - expected`. A blank cell of an item is a cell worth 0.
 * Plans that are not read from a sheet, or have a per-source-per-year split, give no model.
 *
 * A model can be built for part of the table only (`Scope`): the constraints a finding reports, or the constraints
 * some cells can appear in (their rows; the columns of the nodes above them). A constraint out of scope is skipped
 * before its sums are built, so naming the cause of one wrong cell does not re-sum a table of 10,000 items.
 */
import { Dec, ZERO } from '../base/decimal';
import type { FindingCode } from './findings';
import type { FieldKey, Group, Item, Plan, PlanNode, RowAmounts } from '../plan/model';
import { matchSourceText } from '../plan/sources';
import { colKey, pullsFromElsewhere, statedCols, statedValue, type Col } from './context';
import { bindFormulas, hasFormulaCells } from './formulaBind';
import { addUpCols, kindParts } from './kinds';
import { CAUSE_MESSAGES as M } from './messages';

export interface Cell {
  key: number;
  row: number;
  col: number | undefined;
  value: Dec;
  /** The code of a root-cause finding at this cell. */
  code: FindingCode;
}

export interface Constraint {
  code: FindingCode;
  /** Where the check reports it. */
  row: number;
  col: number | undefined;
  terms: Map<number, number>;
  /** How the root-cause message names it ("tổng dòng 9", "nhóm I"). */
  label: string;
  residual?: Dec;
  /** The column and the rows its terms can come from, as given to `Scope.wants`. */
  field?: FieldKey;
  span?: [number, number];
}

/** Which constraints to build: `wants` is asked before a constraint's sums are built. */
export interface Scope {
  /**
   * `row`, `col`: where the constraint is reported; `field`: its column; `span`: the rows its terms can come from
   * (the row itself for an item's row sums; the node's rows for a column sum; undefined: the whole table).
   */
  wants(code: FindingCode, row: number, col: number | undefined, field: FieldKey | undefined, span: [number, number] | undefined): boolean;
  /** False when no constraint of an item's own row sums at `row` is wanted (a quick test before reading the row). */
  atRow(row: number): boolean;
  /**
   * A wanted constraint's residual, when it is already known; such a constraint gets only its terms at `rows`
   * (enough to try the cells of those rows), so its sums over the rest of the table are never built.
   */
  known?(code: FindingCode, row: number, col: number | undefined, span: [number, number] | undefined): Dec | undefined;
  rows?: ReadonlySet<number>;
}

const EVERYTHING: Scope = { wants: () => true, atRow: () => true };
const EMPTY: Expr = new Map();

/** The one source of each leaf item with years, and the sources some item shares (years undetermined). */
interface LeafSources {
  onlySource: Map<Item, string>;
  inexact: Set<string>;
}

/** What two builds of one plan share (buildCauseModel's `memo`). */
export interface ModelMemo {
  leafSources?: LeafSources;
  /** A plan with formula cells: its whole model with formulas bound, built once and cut to each scope. */
  bound?: { cells: Map<number, Cell>; constraints: Constraint[] } | null;
}

export interface CauseModel {
  cells: Map<number, Cell>;
  constraints: Constraint[];
  /** Cell key → the constraints it appears in. */
  byCell: Map<number, Constraint[]>;
}

/** Cell key → coefficient. Keys are numbers (row × FIELDS + field index): this runs over every item of the table. */
type Expr = Map<number, number>;
const FIELDS = 1 << 14;

const hasKeys = (o: object | undefined): boolean => !!o && Object.keys(o).length > 0;
const isParent = (n: PlanNode): boolean => Array.isArray(n.children) && n.children.length > 0;

class Builder {
  readonly cells = new Map<number, Cell>();
  readonly fieldIndex = new Map<FieldKey, number>();
  readonly constraints: Constraint[] = [];
  readonly cols: Partial<Record<FieldKey, number>>;
  readonly yearFields: FieldKey[];
  readonly sourceCodes: string[];
  /** While a constraint with a known residual is built: the rows whose terms are kept. */
  only: ReadonlySet<number> | undefined;
  leaves: Item[] = [];

  constructor(readonly plan: Plan, readonly scope: Scope, readonly memo: ModelMemo) {
    this.cols = plan.sheet?.columns ?? {};
    const keys = Object.keys(this.cols) as FieldKey[];
    this.yearFields = keys.filter((k) => k.startsWith('year:'));
    this.sourceCodes = keys.filter((k) => k.startsWith('source:')).map((k) => k.slice('source:'.length));
  }

  cell(row: number, field: FieldKey, value: Dec | undefined, code: FindingCode): number {
    let f = this.fieldIndex.get(field);
    if (f === undefined) this.fieldIndex.set(field, (f = this.fieldIndex.size));
    const key = row * FIELDS + f;
    if (!this.cells.has(key)) this.cells.set(key, { key, row, col: this.cols[field], value: value ?? ZERO, code });
    return key;
  }

  // ----- leaf items

  years(it: Item, a: RowAmounts): number[] {
    const row = it.loc!.row;
    const out = this.yearFields.map((f) => this.cell(row, f, a.years?.[parseInt(f.slice(5), 10)], 'ROW_YEARS_SUM'));
    for (const y in a.years ?? {}) {
      const f = `year:${y}` as FieldKey;
      if (this.cols[f] === undefined) out.push(this.cell(row, f, a.years[y as unknown as number], 'ROW_YEARS_SUM'));
    }
    return out;
  }

  sources(it: Item, a: RowAmounts): number[] {
    const row = it.loc!.row;
    const out = this.sourceCodes.map((c) => this.cell(row, `source:${c}`, a.sources?.[c], 'ROW_SOURCES_SUM'));
    for (const c in a.sources ?? {}) {
      if (this.cols[`source:${c}`] === undefined) out.push(this.cell(row, `source:${c}`, a.sources[c], 'ROW_SOURCES_SUM'));
    }
    return out;
  }

  totalExpr(it: Item, a: RowAmounts): Expr {
    if (hasKeys(a.years)) return sum(this.years(it, a));
    if (hasKeys(a.sources)) return sum(this.sources(it, a));
    if (a.total) return sum([this.cell(it.loc!.row, 'total', a.total, 'ROW_SOURCES_SUM')]);
    return new Map();
  }

  sourceExpr(it: Item, a: RowAmounts, code: string): Expr {
    if (this.only && !this.only.has(it.loc!.row)) return EMPTY;
    if (hasKeys(a.sources)) return sum([this.cell(it.loc!.row, `source:${code}`, a.sources[code], 'ROW_SOURCES_SUM')]);
    if (matchSourceText(it.sourceText, this.plan.sources ?? []) === code) return this.totalExpr(it, a);
    return new Map();
  }

  leafExpr(it: Item, c: Col, shown: boolean): Expr {
    const a = amountsOf(it);
    const row = it.loc!.row;
    if (this.only && !this.only.has(row)) return EMPTY;
    switch (c.kind) {
      case 'year': return sum([this.cell(row, `year:${c.year}`, a.years?.[c.year], 'ROW_YEARS_SUM')]);
      case 'source': return this.sourceExpr(it, a, c.code);
      case 'total': return shown && a.total ? sum([this.cell(row, 'total', a.total, 'ROW_YEARS_SUM')]) : this.totalExpr(it, a);
      default: return sum([this.cell(row, c.kind, a[c.kind], 'ROW_YEARS_SUM')]);
    }
  }

  /** What a node adds to its parent's column: computed from its children (`shown`: its stated value first). */
  expr(n: PlanNode, c: Col, shown: boolean): Expr {
    if (n.kind === 'item' && !isParent(n)) return this.leafExpr(n, c, shown);
    const stated = n.kind === 'group' ? n.stated : n.amounts;
    if (shown && stated && statedValue(stated, c) !== undefined) {
      if (this.only && !this.only.has(n.loc!.row)) return EMPTY;
      return sum([this.cell(n.loc!.row, colKey(c), statedValue(stated, c), 'GROUP_SUBTOTAL')]);
    }
    const out: Expr = new Map();
    for (const ch of n.children ?? []) addInto(out, this.expr(ch, c, false), 1);
    return out;
  }

  /** Adds the constraint `stated - summed = 0` when the scope wants it (the sums are built only then). */
  add(code: FindingCode, row: number, field: FieldKey | undefined, span: [number, number] | undefined,
    stated: () => Expr, summed: () => Expr, label: string): void {
    const col = field !== undefined ? this.cols[field] : undefined;
    if (!this.scope.wants(code, row, col, field, span)) return;
    const residual = this.scope.known?.(code, row, col, span);
    this.only = residual !== undefined ? this.scope.rows ?? new Set() : undefined;
    const terms = new Map(stated());
    addInto(terms, summed(), -1);
    this.only = undefined;
    for (const [k, v] of terms) if (v === 0) terms.delete(k);
    this.constraints.push({ code, row, col, terms, label, field, span, ...(residual !== undefined ? { residual } : {}) });
  }

  /** The one source of each leaf with years (for the "Trong đó" rows by year), computed once per plan. */
  leafSources(): LeafSources {
    if (this.memo.leafSources) return this.memo.leafSources;
    const ls: LeafSources = { onlySource: new Map(), inexact: new Set() };
    for (const it of this.leaves) {
      const a = amountsOf(it);
      if (!hasKeys(a.years)) continue;
      const nonZero = hasKeys(a.sources)
        ? Object.keys(a.sources).filter((c) => !a.sources[c].isZero())
        : [matchSourceText(it.sourceText, this.plan.sources ?? [])].filter((c): c is string => c !== undefined);
      if (nonZero.length === 1) ls.onlySource.set(it, nonZero[0]);
      else if (nonZero.length > 1) for (const c of nonZero) ls.inexact.add(c);
    }
    this.memo.leafSources = ls;
    return ls;
  }
}

function amountsOf(it: Item): RowAmounts {
  return it.amounts ?? { years: {}, sources: {} };
}

function sum(keys: number[]): Expr {
  const e: Expr = new Map();
  for (const k of keys) e.set(k, (e.get(k) ?? 0) + 1);
  return e;
}

function addInto(target: Expr, e: Expr, sign: number): void {
  for (const [k, v] of e) target.set(k, (target.get(k) ?? 0) + sign * v);
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
      if (hasKeys(n.amounts?.split)) return false;
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
          for (const it of leaves) if (only.get(it) === code) addInto(e, b.leafExpr(it, c, false), 1);
        } else {
          for (const it of leaves) addInto(e, b.sourceExpr(it, amountsOf(it), code), 1);
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

/**
 * The constraint model of a plan read from a sheet; undefined when it cannot be built faithfully. A plan with
 * formula cells is built whole (formulaBind.ts needs every cell a formula adds), then cut to the scope.
 */
export function buildCauseModel(plan: Plan, scope: Scope = EVERYTHING, memo: ModelMemo = {}): CauseModel | undefined {
  const formulas = hasFormulaCells(plan);
  if (formulas && memo.bound === undefined) {
    const b = built(plan, EVERYTHING, memo);
    memo.bound = b && { cells: b.cells, constraints: bindFormulas(plan, b.cells, b.constraints) };
  }
  const m = !formulas ? built(plan, scope, memo)
    : memo.bound && { cells: memo.bound.cells, constraints: memo.bound.constraints.filter((c) => scope.wants(c.code, c.row, c.col, c.field, c.span)) };
  if (!m) return undefined;
  const { cells, constraints } = m;
  const byCell = new Map<number, Constraint[]>();
  for (const c of constraints) for (const k of c.terms.keys()) (byCell.get(k) ?? byCell.set(k, []).get(k)!).push(c);
  return { cells, constraints, byCell };
}
