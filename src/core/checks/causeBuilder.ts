/**
 * The builder of the cause model's constraints (causeModel.ts): cells keyed by row and field, and the sums of a
 * node's column as linear expressions over them, built only for the constraints a `Scope` wants.
 */
import { Dec, ZERO } from '../base/decimal';
import type { FindingCode } from './findings';
import type { FieldKey, Item, Plan, PlanNode, RowAmounts } from '../plan/model';
import { matchSourceText } from '../plan/sources';
import { colKey, statedValue, type Col } from './context';

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
  /** A constraint with a known residual also gets its terms at its own row (formulaScope.ts). */
  ownRow?: boolean;
}

export const EVERYTHING: Scope = { wants: () => true, atRow: () => true };
export const EMPTY: Expr = new Map();

/** The one source of each leaf item with years, and the sources some item shares (years undetermined). */
interface LeafSources {
  onlySource: Map<Item, string>;
  inexact: Set<string>;
}

/** What the builds of one plan share (causeModel.ts's ModelMemo holds more). */
export interface BuilderMemo {
  leafSources?: LeafSources;
}

/** Cell key → coefficient. Keys are numbers (row × FIELDS + field index): this runs over every item of the table. */
export type Expr = Map<number, number>;
export const FIELDS = 1 << 14;

export const hasKeys = (o: object | undefined): boolean => !!o && Object.keys(o).length > 0;
export const isParent = (n: PlanNode): boolean => Array.isArray(n.children) && n.children.length > 0;

export class Builder {
  readonly cells = new Map<number, Cell>();
  readonly fieldIndex = new Map<FieldKey, number>();
  readonly constraints: Constraint[] = [];
  readonly cols: Partial<Record<FieldKey, number>>;
  readonly yearFields: FieldKey[];
  readonly sourceCodes: string[];
  /** While a constraint with a known residual is built: the rows whose terms are kept. */
  only: ReadonlySet<number> | undefined;
  leaves: Item[] = [];
  private leafAt?: Map<number, Item>;

  constructor(readonly plan: Plan, public scope: Scope, readonly memo: BuilderMemo) {
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
    const rows = this.scope.rows ?? new Set<number>();
    this.only = residual === undefined ? undefined : this.scope.ownRow && !rows.has(row) ? new Set(rows).add(row) : rows;
    const terms = new Map(stated());
    addInto(terms, summed(), -1);
    this.only = undefined;
    for (const [k, v] of terms) if (v === 0) terms.delete(k);
    this.constraints.push({ code, row, col, terms, label, field, span, ...(residual !== undefined ? { residual } : {}) });
  }

  /** `leaves`, or while a constraint is built over some rows only, those of them at these rows. */
  leavesIn(leaves: Item[]): Item[] {
    if (!this.only) return leaves;
    if (!this.leafAt) this.leafAt = new Map(leaves.map((it) => [it.loc!.row, it]));
    const out: Item[] = [];
    for (const r of [...this.only].sort((p, q) => p - q)) {
      const it = this.leafAt.get(r);
      if (it) out.push(it);
    }
    return out;
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

export function amountsOf(it: Item): RowAmounts {
  return it.amounts ?? { years: {}, sources: {} };
}

export function sum(keys: number[]): Expr {
  const e: Expr = new Map();
  for (const k of keys) e.set(k, (e.get(k) ?? 0) + 1);
  return e;
}

export function addInto(target: Expr, e: Expr, sign: number): void {
  for (const [k, v] of e) target.set(k, (target.get(k) ?? 0) + sign * v);
}

