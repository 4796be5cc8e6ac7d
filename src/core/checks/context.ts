/**
 * What every model check shares: the plan, its computed totals, the tolerance, the findings so far, and the helpers
 * that name a row or column, locate a cell and compare a stated sum with a computed one.
 */
import { Dec, ZERO, eqWithin, isDec, plain } from '../base/decimal';
import { ExactSum, sameDec } from '../base/exactSum';
import { makeFinding, type Finding, type FindingCode } from './findings';
import { sourceKey, yearKey, type FieldKey, type Item, type Plan, type PlanNode, type RowAmounts, type RowLoc } from '../plan/model';
import { computeTotals, type PlanTotals, type RowTotals } from '../plan/totals';
import { formatVi } from '../text/numbers';
import { CHECK_MESSAGES as M, COLUMN_NAMES, ROW_NAMES, type Label } from './messages';

export interface CheckOptions {
  /** Rounding tolerance for every sum comparison, in the plan unit. Default 0. */
  tolerance?: Dec;
  /** A total given by the user (in the plan unit), checked like the plan's stated totals. */
  statedTotal?: Dec;
}

export class CheckOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckOptionsError';
  }
}

export type Amt = 'total' | 'totalInvestment' | 'annual';
export type Col = { kind: 'year'; year: number } | { kind: 'source'; code: string } | { kind: Amt };

export interface CheckContext {
  readonly plan: Plan;
  readonly totals: PlanTotals;
  /** Tolerance of every sum comparison (a Dec in the plan unit). */
  readonly tol: Dec;
  readonly findings: Finding[];
  /** Source code → label, for column names. */
  readonly sourceLabel: Map<string, string>;
  /** Whether items are expected to name a lead unit / a funding source (MISSING_FIELD). */
  expects: { lead: boolean; source: boolean };
}

/** A context for one run of the checks. Throws CheckOptionsError (bad tolerance) or TotalsError. */
export function makeContext(plan: Plan, opts: CheckOptions): CheckContext {
  const t = opts.tolerance;
  if (t !== undefined && (!isDec(t) || !t.isFinite() || t.isNegative())) {
    throw new CheckOptionsError(M.badTolerance(String(t)));
  }
  const sourceLabel = new Map<string, string>();
  const totals = computeTotals(plan);
  for (const s of plan.sources ?? []) sourceLabel.set(s.code, s.label);
  return { plan, totals, tol: t ?? ZERO, findings: [], sourceLabel, expects: { lead: false, source: false } };
}

const MAX_NAME = 60;

/** A row label computed only when a message needs it (most rows have no finding). */
export function lazy(make: () => string): Label {
  let v: string | undefined;
  return { toString: () => (v ??= make()) };
}

export function shortName(name: string | undefined): string {
  const n = (name ?? '').replace(/\s+/g, ' ').trim();
  return n.length > MAX_NAME ? `${n.slice(0, MAX_NAME - 1)}…` : n;
}

export function vi(d: Dec): string {
  return formatVi(d);
}

export function colKey(c: Col): FieldKey {
  if (c.kind === 'year') return yearKey(c.year);
  if (c.kind === 'source') return sourceKey(c.code);
  return c.kind;
}

/** Columns a row states, in display order: years, total, total investment, annual, sources. */
export function statedCols(a: RowAmounts | undefined, yearKeys?: string[]): Col[] {
  if (!a) return [];
  const out: Col[] = [];
  if (a.years) {
    for (const y of (yearKeys ?? Object.keys(a.years)).map((k) => parseInt(k, 10)).sort((x, z) => x - z)) {
      if (isDec(a.years[y])) out.push({ kind: 'year', year: y });
    }
  }
  for (const f of ['total', 'totalInvestment', 'annual'] as const) if (isDec(a[f])) out.push({ kind: f });
  if (a.sources) for (const c of Object.keys(a.sources)) if (isDec(a.sources[c])) out.push({ kind: 'source', code: c });
  return out;
}

export function statedValue(a: RowAmounts, c: Col): Dec | undefined {
  if (c.kind === 'year') return a.years?.[c.year];
  if (c.kind === 'source') return a.sources?.[c.code];
  return a[c.kind];
}

export function computedValue(r: RowTotals, c: Col): Dec {
  if (c.kind === 'year') return r.years[c.year] ?? ZERO;
  if (c.kind === 'source') return r.sources[c.code] ?? ZERO;
  return r[c.kind];
}

// ----- wording and location

export function colName(ctx: CheckContext, c: Col): string {
  switch (c.kind) {
    case 'year': return COLUMN_NAMES.year(c.year);
    case 'source': return COLUMN_NAMES.source(c.code, ctx.sourceLabel.get(c.code));
    case 'total': return COLUMN_NAMES.total;
    case 'totalInvestment': return COLUMN_NAMES.totalInvestment;
    case 'annual': return COLUMN_NAMES.annual(ctx.plan.planYear);
  }
}

export function nodeName(n: PlanNode, parent?: Item): string {
  if (n.kind === 'group') return ROW_NAMES.group(n.tt, shortName(n.name));
  return ROW_NAMES.item(parent !== undefined, (n.tt ?? '').trim(), shortName(n.name));
}

export function where(ctx: CheckContext, loc: RowLoc | undefined, field: FieldKey | undefined): Partial<Finding> {
  const sheet = ctx.plan.sheet;
  if (!sheet || !loc || typeof loc.row !== 'number') return {};
  const col = field !== undefined ? sheet.columns?.[field] : undefined;
  const out: Partial<Finding> = { sheet: sheet.name, row: loc.row };
  if (typeof col === 'number') out.col = col;
  return out;
}

/** A stated figure's own cell (statedTotals / statedWords loc). */
export function cellAt(ctx: CheckContext, loc: { row: number; col: number } | undefined): Partial<Finding> {
  if (!loc || typeof loc.row !== 'number' || typeof loc.col !== 'number') return {};
  return ctx.plan.sheet ? { sheet: ctx.plan.sheet.name, row: loc.row, col: loc.col } : { row: loc.row, col: loc.col };
}

export function add(ctx: CheckContext, code: FindingCode, message: string, extra: Partial<Finding> = {}): void {
  ctx.findings.push(makeFinding(code, message, extra));
}

/** A sum comparison: stated vs computed; reports `code` when they differ by more than the tolerance. */
export function compare(ctx: CheckContext, code: FindingCode, stated: Dec, computed: Dec, message: (diff: string) => string,
  extra: Partial<Finding> | (() => Partial<Finding>)): void {
  // Equal finite amounts are within any (non-negative) tolerance: decided without allocating.
  if (sameDec(stated, computed) || eqWithin(stated, computed, ctx.tol)) return;
  const diff = stated.minus(computed);
  const d = `${diff.isNegative() ? '' : '+'}${vi(diff)}`;
  add(ctx, code, message(d), { ...(typeof extra === 'function' ? extra() : extra), expected: plain(computed), actual: plain(stated) });
}

/**
 * What a node shows in a column: a group's stated value where stated, else computed; an item's own value. Column by
 * column, its amounts and computed row read once: an item read from a sheet makes its amounts, and its totals,
 * afresh at each read (AMOUNTS_ON_DEMAND, plan/model.ts).
 */
function shownBy(ctx: CheckContext, n: PlanNode): (c: Col) => Dec {
  let row: RowTotals | undefined;
  const computed = (): RowTotals => (row ??= ctx.totals.rowOf(n));
  if (n.kind === 'group') {
    const stated = n.stated;
    return (c) => (stated ? statedValue(stated, c) : undefined) ?? computedValue(computed(), c);
  }
  if (n.children && n.children.length > 0) {
    const own = n.amounts ?? { years: Object.create(null), sources: Object.create(null) };
    return (c) => statedValue(own, c) ?? computedValue(computed(), c);
  }
  let amounts: RowAmounts | undefined;
  return (c) => {
    if (c.kind === 'total') return (amounts ??= n.amounts)?.total ?? computed().total;
    return computedValue(computed(), c);
  };
}

/** The sums of `nodes` as shown, one per column of `cols` (each node read once: shownBy), each exact (ExactSum). */
export function shownSums(ctx: CheckContext, nodes: readonly PlanNode[], cols: readonly Col[]): ExactSum[] {
  const sums = cols.map(() => new ExactSum());
  for (const n of nodes) {
    const show = shownBy(ctx, n);
    for (let i = 0; i < cols.length; i++) sums[i].add(show(cols[i]));
  }
  return sums;
}

/**
 * A row of a summary sheet: a group with no children whose cell in a column pulls from another sheet
 * ("='Phụ lục 02'!K7"). It states what another table sums; there is nothing here to compare it with (never 0).
 */
export function pullsFromElsewhere(n: PlanNode, c: Col): boolean {
  if (n.kind !== 'group' || (n.children ?? []).length > 0) return false;
  const f = n.loc?.formulas?.[colKey(c)];
  return typeof f === 'string' && f.includes('!');
}
