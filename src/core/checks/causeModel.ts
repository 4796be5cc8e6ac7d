/**
 * The sums a table states, as linear constraints over its amount cells (for causes.ts). Each constraint mirrors one
 * sum check exactly (rows.ts, groups.ts): the stated side with coefficient +1, the summed side with -1, so its
 * residual is the finding's `actual - expected`. A blank cell of an item is a cell worth 0.
 * Plans that are not read from a sheet, or have a per-source-per-year split, give no model.
 */
import { Dec, ZERO } from '../base/decimal';
import type { FindingCode } from './findings';
import type { FieldKey, Group, Item, Plan, PlanNode, RowAmounts } from '../plan/model';
import { matchSourceText } from '../plan/sources';
import { colKey, pullsFromElsewhere, statedCols, statedValue, type Col } from './context';
import { bindFormulas } from './formulaBind';
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
  readonly onlySource = new Map<Item, string>();
  readonly inexact = new Set<string>();

  constructor(readonly plan: Plan) {
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
    if (hasKeys(a.sources)) return sum([this.cell(it.loc!.row, `source:${code}`, a.sources[code], 'ROW_SOURCES_SUM')]);
    if (matchSourceText(it.sourceText, this.plan.sources ?? []) === code) return this.totalExpr(it, a);
    return new Map();
  }

  leafExpr(it: Item, c: Col, shown: boolean): Expr {
    const a = amountsOf(it);
    const row = it.loc!.row;
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
      return sum([this.cell(n.loc!.row, colKey(c), statedValue(stated, c), 'GROUP_SUBTOTAL')]);
    }
    const out: Expr = new Map();
    for (const ch of n.children ?? []) addInto(out, this.expr(ch, c, false), 1);
    return out;
  }

  add(code: FindingCode, row: number, field: FieldKey | undefined, stated: Expr, summed: Expr, label: string): void {
    const terms = stated;
    addInto(terms, summed, -1);
    for (const [k, v] of terms) if (v === 0) terms.delete(k);
    this.constraints.push({ code, row, col: field !== undefined ? this.cols[field] : undefined, terms, label });
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

/** ROW_YEARS_SUM and ROW_SOURCES_SUM of a leaf item; its one source, for the breakdown by year. */
function leafRow(b: Builder, it: Item): void {
  const a = amountsOf(it);
  const row = it.loc!.row;
  const label = M.rowLabel(row + 1);
  const hasYears = hasKeys(a.years);
  const total = (): Expr => sum([b.cell(row, 'total', a.total, 'ROW_YEARS_SUM')]);
  if (a.total && hasYears) b.add('ROW_YEARS_SUM', row, 'total', total(), sum(b.years(it, a)), label);
  const codes = Object.keys(a.sources ?? {});
  const annual = !a.total && !hasYears && b.plan.sourcesOfAnnual ? a.annual : undefined;
  if (codes.length && (a.total || hasYears || annual)) {
    const at: FieldKey = b.cols.total !== undefined ? 'total' : `source:${codes.find((c) => b.cols[`source:${c}`] !== undefined) ?? codes[0]}`;
    const ref = a.total ? total() : annual ? sum([b.cell(row, 'annual', annual, 'ROW_SOURCES_SUM')]) : sum(b.years(it, a));
    b.add('ROW_SOURCES_SUM', row, at, sum(b.sources(it, a)), ref, label);
  }
  if (!hasYears) return;
  const nonZero = hasKeys(a.sources)
    ? codes.filter((c) => !a.sources[c].isZero())
    : [matchSourceText(it.sourceText, b.plan.sources ?? [])].filter((c): c is string => c !== undefined);
  if (nonZero.length === 1) b.onlySource.set(it, nonZero[0]);
  else if (nonZero.length > 1) for (const c of nonZero) b.inexact.add(c);
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
    for (const c of statedCols(stated)) {
      if (pullsFromElsewhere(n, c)) continue;
      b.add('GROUP_SUBTOTAL', n.loc.row, colKey(c), b.expr(n, c, true), childrenExpr(b, n, c), label);
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
    for (const c of statedCols(gt.amounts)) {
      const s = sum([b.cell(gt.loc.row, colKey(c), statedValue(gt.amounts, c), 'GRAND_TOTAL')]);
      const out: Expr = new Map();
      for (const n of plan.nodes) addInto(out, b.expr(n, c, true), 1);
      b.add('GRAND_TOTAL', gt.loc.row, colKey(c), s, out, M.grandLabel(gt.label?.trim() || 'Tổng cộng'));
    }
  }
  statedTotals(b);
  for (const bd of plan.breakdown ?? []) {
    if (!bd.loc) return false;
    const code = bd.sourceCode;
    const label = M.lineLabel(bd.label?.trim() || code);
    for (const c of statedCols(bd.amounts)) {
      const out: Expr = new Map();
      if (c.kind === 'year') {
        if (b.inexact.has(code)) continue;
        for (const it of leaves) if (b.onlySource.get(it) === code) addInto(out, b.leafExpr(it, c, false), 1);
      } else if (c.kind === 'total' || (c.kind === 'source' && c.code === code)) {
        for (const it of leaves) addInto(out, b.sourceExpr(it, amountsOf(it), code), 1);
      } else continue;
      const s = sum([b.cell(bd.loc.row, colKey(c), statedValue(bd.amounts, c), 'BREAKDOWN')]);
      b.add('BREAKDOWN', bd.loc.row, colKey(c), s, out, label);
    }
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
    const grand = sum([b.cell(gt.loc.row, field, value, 'GRAND_TOTAL')]);
    const said = sum([b.cell(st.loc.row, `stated:${st.loc.col}` as FieldKey, st.value, 'STATED_TOTAL')]);
    b.constraints.push({ code: 'STATED_TOTAL', row: st.loc.row, col: st.loc.col, terms: withMinus(grand, said), label: M.grandLabel(gt.label?.trim() || 'Tổng cộng') });
  }
}

function withMinus(a: Expr, b: Expr): Expr {
  addInto(a, b, -1);
  return a;
}

/** The constraint model of a plan read from a sheet; undefined when it cannot be built faithfully. */
export function buildCauseModel(plan: Plan): CauseModel | undefined {
  const b = new Builder(plan);
  const leaves: Item[] = [];
  if (!walk(b, plan.nodes, leaves) || !totals(b, leaves)) return undefined;
  const constraints = bindFormulas(plan, b.cells, b.constraints);
  const byCell = new Map<number, Constraint[]>();
  for (const c of constraints) {
    for (const k of c.terms.keys()) {
      let l = byCell.get(k);
      if (!l) byCell.set(k, (l = []));
      l.push(c);
    }
  }
  return { cells: b.cells, constraints, byCell };
}
