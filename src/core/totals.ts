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
import { Dec, ZERO, isDec } from './decimal';
import type { Item, Plan, PlanNode, RowAmounts } from './model';
import { matchSourceText } from './sourceText';

/** A computed row. Treat as read-only: an item's row may share its amounts' records. */
export interface RowTotals {
  years: Record<number, Dec>;
  sources: Record<string, Dec>;
  /** split[code][year]: the part of each year in each source, where determined. */
  split: Record<string, Record<number, Dec>>;
  total: Dec;
  totalInvestment: Dec;
  annual: Dec;
}

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

function emptyRow(): RowTotals {
  return { years: {}, sources: {}, split: {}, total: ZERO, totalInvestment: ZERO, annual: ZERO };
}

function addTo(rec: Record<string | number, Dec>, key: string | number, v: Dec): void {
  const cur = rec[key];
  rec[key] = cur === undefined ? v : cur.plus(v);
}

function addRow(acc: RowTotals, r: RowTotals): void {
  for (const y in r.years) addTo(acc.years, y, r.years[y]);
  for (const c in r.sources) addTo(acc.sources, c, r.sources[c]);
  for (const c in r.split) {
    const target = acc.split[c] ?? (acc.split[c] = {});
    const s = r.split[c];
    for (const y in s) addTo(target, y, s[y]);
  }
  acc.total = acc.total.plus(r.total);
  acc.totalInvestment = acc.totalInvestment.plus(r.totalInvestment);
  acc.annual = acc.annual.plus(r.annual);
}

function sumRecord(rec: Record<string | number, Dec>): Dec {
  let acc = ZERO;
  for (const k in rec) acc = acc.plus(rec[k]);
  return acc;
}

function hasKeys(o: object | undefined): boolean {
  if (!o) return false;
  for (const _k in o) return true;
  return false;
}

function bad(it: Item, what: string, v: unknown): never {
  throw new TotalsError(`Dự án ${String(it.tt ?? '')} "${String(it.name ?? '')}": số tiền ${what} không hợp lệ (${String(v)}).`);
}

/** Every amount of an item must be a finite Dec: anything else is refused with a named error. */
function assertAmounts(it: Item, a: RowAmounts): void {
  const check = (v: unknown, what: string): void => {
    if (!isDec(v) || !v.isFinite()) bad(it, what, v);
  };
  if (a.years) for (const y in a.years) check(a.years[y as unknown as number], `năm ${y}`);
  if (a.sources) for (const c in a.sources) check(a.sources[c], `nguồn ${c}`);
  if (a.split) for (const c in a.split) for (const y in a.split[c]) check(a.split[c][y as unknown as number], `nguồn ${c} năm ${y}`);
  if (a.total !== undefined) check(a.total, 'tổng');
  if (a.totalInvestment !== undefined) check(a.totalInvestment, 'tổng mức đầu tư');
  if (a.annual !== undefined) check(a.annual, 'năm kế hoạch');
}

export function computeTotals(plan: Plan): PlanTotals {
  if (!plan || !Array.isArray(plan.nodes)) throw new TotalsError('Kế hoạch không có danh sách mục (nodes).');
  const sources = Array.isArray(plan.sources) ? plan.sources : [];
  const rows = new Map<PlanNode, RowTotals>();
  const inexact = new Set<string>();
  const yearSet = new Set<number>();
  const uses = { years: false, sources: false, total: false, totalInvestment: false, annual: false };
  let itemCount = 0;
  let groupCount = 0;

  function itemRow(it: Item): RowTotals {
    const a: RowAmounts = it.amounts ?? { years: {}, sources: {} };
    assertAmounts(it, a);
    const r = emptyRow();
    const hasYears = hasKeys(a.years);
    const hasSources = hasKeys(a.sources);
    const hasSplit = hasKeys(a.split);
    if (hasYears) {
      // Shared, not copied: item rows are read-only (groups accumulate into their own rows).
      r.years = a.years;
      for (const y in a.years) yearSet.add(parseInt(y, 10));
      uses.years = true;
    } else if (hasSplit) {
      for (const c in a.split) for (const y in a.split[c]) {
        addTo(r.years, y, a.split[c][y as unknown as number]);
        yearSet.add(parseInt(y, 10));
      }
      uses.years = true;
    }
    if (hasSources) {
      r.sources = a.sources;
      uses.sources = true;
    } else if (hasSplit) {
      for (const c in a.split) r.sources[c] = sumRecord(a.split![c]);
      uses.sources = true;
    }
    const hasYearsNow = hasKeys(r.years);
    if (hasYearsNow) r.total = sumRecord(r.years);
    else if (hasKeys(r.sources)) r.total = sumRecord(r.sources);
    else if (a.total) r.total = a.total;
    if (hasYearsNow || hasKeys(r.sources) || a.total) uses.total = true;
    if (a.totalInvestment) {
      r.totalInvestment = a.totalInvestment;
      uses.totalInvestment = true;
    }
    if (a.annual) {
      r.annual = a.annual;
      uses.annual = true;
    }
    if (!hasKeys(r.sources)) {
      const code = matchSourceText(it.sourceText, sources);
      if (code !== undefined) r.sources = { [code]: r.total };
    }
    // Per source per year.
    if (hasSplit) {
      r.split = a.split!;
    } else if (hasYearsNow) {
      const codes = Object.keys(r.sources).filter((c) => !r.sources[c].isZero());
      if (codes.length === 1) r.split = { [codes[0]]: r.years };
      else if (codes.length > 1) codes.forEach((c) => inexact.add(c));
    }
    return r;
  }

  function visit(node: PlanNode): RowTotals {
    let r: RowTotals;
    if (node.kind === 'group') {
      groupCount++;
      r = emptyRow();
      for (const c of node.children ?? []) addRow(r, visit(c));
    } else if (Array.isArray(node.children) && node.children.length > 0) {
      itemCount++;
      r = emptyRow();
      for (const c of node.children) addRow(r, visit(c));
    } else {
      itemCount++;
      r = itemRow(node);
    }
    rows.set(node, r);
    return r;
  }

  const grand = emptyRow();
  for (const n of plan.nodes) addRow(grand, visit(n));

  if (plan.years) for (let y = plan.years.from; y <= plan.years.to; y++) yearSet.add(y);
  return {
    rowOf(node: PlanNode): RowTotals {
      const r = rows.get(node);
      if (!r) throw new TotalsError('Mục không thuộc kế hoạch này.');
      return r;
    },
    grand,
    byYear: grand.years,
    bySource: grand.sources,
    breakdown: grand.split,
    inexactSources: inexact,
    itemCount,
    groupCount,
    uses,
    years: [...yearSet].sort((x, y) => x - y),
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
