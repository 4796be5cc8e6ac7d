/**
 * Exact totals of a plan, computed from the items (never from what group or total rows state), in one pass.
 *
 * - Item total: the sum of its sub-items when it has some; else the sum of its years when it has any; else the sum
 *   of its sources (or of its split) when it has any; else its stated total; else 0.
 * - Per-source amounts of an item: its `sources`; else the sums of its `split`; else, when its source text names
 *   exactly one of the plan's sources (matchSourceText), its whole total in that source; else none.
 * - Per-source-per-year ("Trong đó") of an item: its `split`; else, with one source, its years in that source.
 *   An item with several sources and no split makes the breakdown of those sources undetermined by year
 *   (`inexactSources`); its per-source totals stay exact.
 * - Group row: per numeric column (each year, each source, total, totalInvestment, annual) the sum of its children.
 * - Grand total: the sum of the top-level nodes (groups, or the items of a flat list) — never groups and items together.
 */
import { emptyRecord } from '../base/record';
import { Dec, ZERO, isDec } from '../base/decimal';
import { ExactSum, sameDec } from '../base/exactSum';
import { RowAcc, addTo, sumRecord, values, type RowTotals } from './rowAcc';
import { AMOUNTS_ON_DEMAND, treeProblem, type FundingSource, type Item, type Plan, type PlanNode, type RowAmounts } from './model';
import { TOTALS_MESSAGES as T } from './messages';
import { matchSourceText } from './sources';

export type { RowTotals } from './rowAcc';

export interface PlanTotals {
  /** Computed row of any node of the plan (throws for a node that is not in the plan). */
  rowOf(node: PlanNode): RowTotals;
  /** Sum of the top-level nodes. */
  grand: RowTotals;
  /** Per-year totals (= grand.years). */
  byYear: Record<number, Dec>;
  /** Per-source totals (= grand.sources). */
  bySource: Record<string, Dec>;
  /** Per-source-per-year breakdown (= grand.split). */
  breakdown: Record<string, Record<number, Dec>>;
  /** Source codes whose breakdown by year is undetermined (an item with several sources and no split). */
  inexactSources: Set<string>;
  /** Items (leaves and sub-item parents) and groups. */
  itemCount: number;
  groupCount: number;
  /** Which columns the items use at all. */
  uses: { years: boolean; sources: boolean; total: boolean; totalInvestment: boolean; annual: boolean };
  /** Years present in the plan span or in any item, ascending. */
  years: number[];
}

export class TotalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TotalsError';
  }
}

/**
 * The record of an item row that has no amounts of a kind: one shared, frozen, empty record (rows are read-only), so
 * a 100,000-item plan does not make, and mostly throw away, three empty dictionaries per item (~550 bytes).
 */
const NONE: Record<string, never> = Object.freeze(Object.create(null) as Record<string, never>);

/** In Pass.rows: the leaf item's row is computed again when asked for (AMOUNTS_ON_DEMAND). */
const AGAIN: RowTotals = Object.freeze(emptyRow());

function emptyRow(): RowTotals {
  return { years: NONE, sources: NONE, split: NONE, total: ZERO, totalInvestment: ZERO, annual: ZERO };
}

function isLeaf(n: PlanNode): boolean {
  return n.kind === 'item' && !(Array.isArray(n.children) && n.children.length > 0);
}

function hasKeys(o: object | undefined): boolean {
  if (!o) return false;
  for (const _k in o) return true;
  return false;
}

function bad(it: Item, what: string, v: unknown): never {
  throw new TotalsError(T.badAmount(String(it.tt ?? ''), String(it.name ?? ''), what, String(v)));
}

function finiteDec(v: unknown): boolean {
  // `instanceof Dec` first: clones share decimal.js' prototype, so it implies isDec (which also accepts other copies).
  return (v instanceof Dec || isDec(v)) && v.isFinite();
}

/** Every amount of an item must be a finite Dec: anything else is refused with a named error. `yk`: keys of a.years. */
function assertAmounts(it: Item, a: RowAmounts, yk: string[]): void {
  // The message is built only for a bad amount (this runs for every item of a 100,000-item plan).
  for (const y of yk) if (!finiteDec(a.years[y as unknown as number])) bad(it, T.year(y), a.years[y as unknown as number]);
  if (a.sources) for (const c in a.sources) if (!finiteDec(a.sources[c])) bad(it, T.source(c), a.sources[c]);
  if (a.split) {
    for (const c in a.split) {
      for (const y in a.split[c]) {
        if (!finiteDec(a.split[c][y as unknown as number])) bad(it, T.sourceYear(c, y), a.split[c][y as unknown as number]);
      }
    }
  }
  if (a.total !== undefined && !finiteDec(a.total)) bad(it, T.total, a.total);
  if (a.totalInvestment !== undefined && !finiteDec(a.totalInvestment)) bad(it, T.totalInvestment, a.totalInvestment);
  if (a.annual !== undefined && !finiteDec(a.annual)) bad(it, T.annual, a.annual);
}

/** The state of one computeTotals pass. */
interface Pass {
  readonly sources: FundingSource[];
  readonly rows: Map<PlanNode, RowTotals>;
  readonly inexact: Set<string>;
  readonly yearSet: Set<number>;
  /**
   * Records keyed by year hold integer-like keys, which V8 enumerates slowly (for-in builds the key strings each
   * time): each item's year keys are listed once (Object.keys, same order as for-in) and passed along.
   */
  readonly seenYearKeys: Set<string>;
  readonly uses: PlanTotals['uses'];
  itemCount: number;
  groupCount: number;
  /** Year keys of the row itemRow returned last (its `years` and its one-source split share them). */
  leafYearKeys: string[];
}

function addYearKey(p: Pass, y: string): void {
  if (p.seenYearKeys.has(y)) return;
  p.seenYearKeys.add(y);
  p.yearSet.add(parseInt(y, 10));
}

/** An item's years: its own (shared, not copied), else the sums of its split. Returns the row's year keys. */
function itemYears(p: Pass, r: RowTotals, a: RowAmounts, yk: string[], hasSplit: boolean): string[] {
  if (yk.length > 0) {
    // Shared, not copied: item rows are read-only (groups accumulate into their own rows).
    r.years = a.years;
    for (const y of yk) addYearKey(p, y);
    p.uses.years = true;
    return yk;
  }
  if (!hasSplit) return [];
  const ys = new Map<string, ExactSum>();
  for (const c in a.split) for (const y in a.split[c]) {
    addTo(ys, y, a.split[c][y as unknown as number]);
    addYearKey(p, y);
  }
  r.years = values(ys);
  p.uses.years = true;
  return Object.keys(r.years);
}

/** An item's sources: its own (shared), else the sums of its split. */
function itemSources(p: Pass, r: RowTotals, a: RowAmounts, hasSplit: boolean): void {
  if (hasKeys(a.sources)) {
    r.sources = a.sources;
    p.uses.sources = true;
  } else if (hasSplit) {
    const sources: Record<string, Dec> = emptyRecord();
    for (const c in a.split) sources[c] = sumRecord(a.split![c]);
    r.sources = sources;
    p.uses.sources = true;
  }
}

/** An item's total (its years, else its sources, else its stated total), total investment and annual amount. */
function itemTotals(p: Pass, r: RowTotals, a: RowAmounts, rowYearKeys: string[]): void {
  const hasYears = rowYearKeys.length > 0;
  if (hasYears) {
    const t = new ExactSum();
    for (const y of rowYearKeys) t.add(r.years[y as unknown as number]);
    const sum = t.value();
    // A row read from a sheet whose total is right (most are) shares that Dec rather than keeping an equal one for as
    // long as the totals live (100,000 items: 12 MB). Zero keeps the sum's own (+0, as a Dec.plus loop gives it).
    r.total = a.total !== undefined && !sum.isZero() && sameDec(a.total, sum) ? a.total : sum;
  } else if (hasKeys(r.sources)) r.total = sumRecord(r.sources);
  else if (a.total) r.total = a.total;
  if (hasYears || hasKeys(r.sources) || a.total) p.uses.total = true;
  if (a.totalInvestment) {
    r.totalInvestment = a.totalInvestment;
    p.uses.totalInvestment = true;
  }
  if (a.annual) {
    r.annual = a.annual;
    p.uses.annual = true;
  }
}

/** An item's per-source-per-year amounts: its split, else its years in its one source; several sources: inexact. */
function itemSplit(p: Pass, r: RowTotals, a: RowAmounts, hasSplit: boolean, hasYears: boolean): void {
  if (hasSplit) {
    r.split = a.split!;
    return;
  }
  if (!hasYears) return;
  let only: string | undefined;
  let several = false;
  for (const c in r.sources) {
    if (r.sources[c].isZero()) continue;
    if (only === undefined) only = c;
    else several = true;
  }
  if (several) {
    for (const c in r.sources) if (!r.sources[c].isZero()) p.inexact.add(c);
  } else if (only !== undefined) {
    // Not a computed-key literal nor Object.create(null): V8 builds those in slow dictionary mode (≈ 190 bytes a row).
    const split = emptyRecord<Record<number, Dec>>();
    split[only] = r.years;
    r.split = split;
  }
}

/** The computed row of a leaf item. */
function itemRow(p: Pass, it: Item): RowTotals {
  const a: RowAmounts = it.amounts ?? { years: Object.create(null), sources: Object.create(null) };
  const yk = a.years ? Object.keys(a.years) : [];
  assertAmounts(it, a, yk);
  const r = emptyRow();
  const hasSplit = hasKeys(a.split);
  const rowYearKeys = itemYears(p, r, a, yk, hasSplit);
  itemSources(p, r, a, hasSplit);
  itemTotals(p, r, a, rowYearKeys);
  if (!hasKeys(r.sources)) {
    const code = matchSourceText(it.sourceText, p.sources);
    if (code !== undefined) r.sources = { [code]: r.total };
  }
  itemSplit(p, r, a, hasSplit, rowYearKeys.length > 0);
  p.leafYearKeys = rowYearKeys;
  return r;
}

/** The computed row of any node (a group or sub-item parent sums its children), recorded in p.rows. */
function visit(p: Pass, node: PlanNode): RowTotals {
  let r: RowTotals;
  if (node.kind === 'group') {
    p.groupCount++;
    const acc = new RowAcc();
    for (const c of node.children ?? []) addChild(p, acc, c);
    r = acc.row();
  } else if (Array.isArray(node.children) && node.children.length > 0) {
    p.itemCount++;
    const acc = new RowAcc();
    for (const c of node.children) addChild(p, acc, c);
    r = acc.row();
  } else {
    p.itemCount++;
    r = itemRow(p, node);
    if (node[AMOUNTS_ON_DEMAND]) {
      // computed again when asked for (rowOf): kept, the row would hold the amounts the item does not keep
      p.rows.set(node, AGAIN);
      return r;
    }
  }
  p.rows.set(node, r);
  return r;
}

function addChild(p: Pass, acc: RowAcc, c: PlanNode): void {
  const r = visit(p, c);
  acc.add(r, isLeaf(c) ? p.leafYearKeys : undefined);
}

/** The plan whose totals are shared while withTotalsOnce runs, and its totals once computed. */
let shared: { plan: Plan; totals?: PlanTotals } | undefined;

/**
 * Runs `fn` with computeTotals(plan) computed at most once: layout, headline and checks of one build then share one
 * pass. The plan must not change while `fn` runs; other plans are computed as usual.
 */
export function withTotalsOnce<R>(plan: Plan, fn: () => R): R {
  const outer = shared;
  shared = { plan };
  try {
    return fn();
  } finally {
    shared = outer;
  }
}

export function computeTotals(plan: Plan): PlanTotals {
  if (shared !== undefined && shared.plan === plan) return (shared.totals ??= computeFresh(plan));
  return computeFresh(plan);
}

function newPass(sources: FundingSource[]): Pass {
  return {
    sources,
    rows: new Map(),
    inexact: new Set(),
    yearSet: new Set(),
    seenYearKeys: new Set(),
    uses: { years: false, sources: false, total: false, totalInvestment: false, annual: false },
    itemCount: 0,
    groupCount: 0,
    leafYearKeys: [],
  };
}

function computeFresh(plan: Plan): PlanTotals {
  if (!plan || !Array.isArray(plan.nodes)) throw new TotalsError(T.noNodes);
  const problem = treeProblem(plan.nodes);
  if (problem) throw new TotalsError(problem);
  const p = newPass(Array.isArray(plan.sources) ? plan.sources : []);
  const grandAcc = new RowAcc();
  for (const n of plan.nodes) addChild(p, grandAcc, n);
  const grand = grandAcc.row();

  if (plan.years) for (let y = plan.years.from; y <= plan.years.to; y++) p.yearSet.add(y);
  let again: Pass | undefined;
  let lastNode: PlanNode | undefined;
  let last: RowTotals | undefined;
  return {
    rowOf(node: PlanNode): RowTotals {
      const r = p.rows.get(node);
      if (!r) throw new TotalsError(T.notInPlan);
      if (r !== AGAIN) return r;
      // the same computation as in the pass, in a pass of its own (what it learns of the plan is known already);
      // the checks ask for an item's row a few times in a row: the last one is kept
      if (node !== lastNode) {
        last = itemRow((again ??= newPass(p.sources)), node as Item);
        lastNode = node;
      }
      return last!;
    },
    grand,
    byYear: grand.years,
    bySource: grand.sources,
    breakdown: grand.split,
    inexactSources: p.inexact,
    itemCount: p.itemCount,
    groupCount: p.groupCount,
    uses: p.uses,
    years: [...p.yearSet].sort((x, y) => x - y),
  };
}

export type HeadlineField = 'total' | 'totalInvestment' | 'annual';

/**
 * The plan's headline figure: the grand total column the table states (its "Tổng cộng" row), else the first column
 * the items use among total, totalInvestment (Tổng mức đầu tư), annual.
 */
export function headline(plan: Plan, totals: PlanTotals): { field: HeadlineField; value: Dec } {
  const gt = plan.grandTotal?.amounts;
  let field: HeadlineField = 'total';
  if (gt?.total) field = 'total';
  else if (gt?.totalInvestment) field = 'totalInvestment';
  else if (gt?.annual) field = 'annual';
  else if (totals.uses.total) field = 'total';
  else if (totals.uses.totalInvestment) field = 'totalInvestment';
  else if (totals.uses.annual) field = 'annual';
  return { field, value: totals.grand[field] };
}
