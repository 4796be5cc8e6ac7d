/**
 * Checks of one item row: ROW_YEARS_SUM, ROW_SOURCES_SUM, NEGATIVE_AMOUNT (any row), YEAR_OUTSIDE_PERIOD and
 * ANNUAL_EXCEEDS_TOTAL.
 */
import { ZERO, plain } from '../base/decimal';
import { ExactSum } from '../base/exactSum';
import { sourceKey, yearKey, type FieldKey, type Item, type RowAmounts, type RowLoc } from '../plan/model';
import { add, colKey, colName, compare, statedCols, statedValue, vi, where, type CheckContext } from './context';
import { CHECK_MESSAGES as M, type Label } from './messages';

/** ROW_YEARS_SUM and ROW_SOURCES_SUM of a leaf item. `years`: the keys of a.years. */
export function rowSums(ctx: CheckContext, it: Item, a: RowAmounts, name: Label, years: string[]): void {
  // The sum of the years is the item's computed total (totals.ts: ZERO plus each year, in key order).
  const yearSum = years.length ? ctx.totals.rowOf(it).total : undefined;
  if (a.total && yearSum !== undefined) {
    const t = a.total;
    const ys = yearSum;
    compare(ctx, 'ROW_YEARS_SUM', t, ys,
      (d) => M.rowYearsSum(name, vi(t), vi(ys), d),
      () => where(ctx, it.loc, 'total'));
  }
  const codes = Object.keys(a.sources ?? {});
  const ref = a.total ?? yearSum ?? (ctx.plan.sourcesOfAnnual ? a.annual : undefined);
  if (codes.length && ref !== undefined) {
    const acc = new ExactSum();
    for (const c of codes) acc.add(a.sources[c]);
    if (acc.sameAs(ref)) return splitSums(ctx, it, a, name, years);
    const srcSum = acc.value();
    compare(ctx, 'ROW_SOURCES_SUM', srcSum, ref,
      (d) => M.rowSourcesSum(name, vi(srcSum), a.total ? 'total' : yearSum !== undefined ? 'years' : ctx.plan.planYear ?? 'years', vi(ref), d),
      () => {
        const cols = ctx.plan.sheet?.columns;
        const at: FieldKey = cols?.total !== undefined ? 'total' : sourceKey(codes.find((c) => cols?.[sourceKey(c)] !== undefined) ?? codes[0]);
        return where(ctx, it.loc, at);
      });
  }
  splitSums(ctx, it, a, name, years);
}

/** A split (per source per year) against the source columns and the year columns. */
function splitSums(ctx: CheckContext, it: Item, a: RowAmounts, name: Label, years: string[]): void {
  if (!a.split) return;
  for (const c of Object.keys(a.split)) {
    const s = a.split[c];
    const sSum = Object.keys(s).reduce((acc, y) => acc.plus(s[y as unknown as number]), ZERO);
    const declared = a.sources?.[c];
    if (declared) {
      compare(ctx, 'ROW_SOURCES_SUM', sSum, declared,
        (d) => M.splitSourceSum(name, c, vi(sSum), vi(declared), d),
        where(ctx, it.loc, sourceKey(c)));
    }
  }
  for (const y of years) {
    const yv = a.years[y as unknown as number];
    let acc = ZERO;
    for (const c of Object.keys(a.split)) acc = acc.plus(a.split[c][y as unknown as number] ?? ZERO);
    compare(ctx, 'ROW_SOURCES_SUM', acc, yv,
      (d) => M.splitYearSum(name, y, vi(acc), vi(yv), d),
      where(ctx, it.loc, yearKey(parseInt(y, 10))));
  }
}

/**
 * Can a row hold a negative stated amount? A cheap filter (no allocation) in front of negativeCols(): true for every
 * value negativeCols() would report (isNegative() is `s < 0`), and for some it would not (-0, non-Dec values).
 */
function mayHoldNegative(a: RowAmounts, yearKeys: string[]): boolean {
  const neg = (v: unknown): boolean => v !== null && v !== undefined && ((v as { s?: number }).s ?? 0) < 0;
  for (const y of yearKeys) if (neg(a.years[y as unknown as number])) return true;
  if (neg(a.total) || neg(a.totalInvestment) || neg(a.annual)) return true;
  if (a.sources) for (const c in a.sources) if (neg(a.sources[c])) return true;
  return false;
}

/** NEGATIVE_AMOUNT on any row. `yearKeys`: the keys of a.years, when the caller has them. */
export function negatives(ctx: CheckContext, a: RowAmounts | undefined, loc: RowLoc | undefined, name: Label, yearKeys?: string[]): void {
  if (!a) return;
  const yk = yearKeys ?? (a.years ? Object.keys(a.years) : []);
  if (mayHoldNegative(a, yk)) negativeCols(ctx, a, loc, name, yk);
  if (a.split) {
    for (const code of Object.keys(a.split)) for (const y of Object.keys(a.split[code])) {
      const v = a.split[code][y as unknown as number];
      if (v.isNegative() && !v.isZero()) {
        add(ctx, 'NEGATIVE_AMOUNT', M.negativeSplit(name, code, y, vi(v)), { ...where(ctx, loc, sourceKey(code)), actual: plain(v) });
      }
    }
  }
}

function negativeCols(ctx: CheckContext, a: RowAmounts, loc: RowLoc | undefined, name: Label, yearKeys: string[]): void {
  for (const c of statedCols(a, yearKeys)) {
    const v = statedValue(a, c)!;
    if (v.isNegative() && !v.isZero()) {
      add(ctx, 'NEGATIVE_AMOUNT', M.negativeColumn(name, colName(ctx, c), vi(v)), { ...where(ctx, loc, colKey(c)), actual: plain(v) });
    }
  }
}

/** YEAR_OUTSIDE_PERIOD: a non-zero amount in a year outside the item's period. */
export function period(ctx: CheckContext, it: Item, a: RowAmounts, name: Label): void {
  const p = it.period;
  if (!p) return;
  let outside = false;
  for (const y in a.years ?? {}) {
    const yi = parseInt(y, 10);
    if (yi < p.from || yi > p.to) outside = true;
  }
  if (!outside && !a.split) return;
  const years = new Set<number>();
  for (const y of Object.keys(a.years ?? {})) if (!a.years[y as unknown as number].isZero()) years.add(parseInt(y, 10));
  if (a.split) for (const c of Object.keys(a.split)) for (const y of Object.keys(a.split[c])) {
    if (!a.split[c][y as unknown as number].isZero()) years.add(parseInt(y, 10));
  }
  for (const y of [...years].sort((x, z) => x - z)) {
    if (y < p.from || y > p.to) {
      let v = a.years?.[y];
      if (v === undefined) {
        v = ZERO;
        for (const c of Object.keys(a.split ?? {})) v = v.plus(a.split![c][y] ?? ZERO);
      }
      const span = M.periodSpan(p.from, p.to);
      add(ctx, 'YEAR_OUTSIDE_PERIOD', M.yearOutsidePeriod(name, y, vi(v), span),
        { ...where(ctx, it.loc, yearKey(y)), expected: span, actual: String(y) });
    }
  }
}

/** ANNUAL_EXCEEDS_TOTAL: the plan year's amount above the total investment. */
export function annual(ctx: CheckContext, it: Item, a: RowAmounts, name: Label): void {
  if (!a.annual || !a.totalInvestment) return;
  const an = a.annual;
  const ti = a.totalInvestment;
  if (an.minus(ti).gt(ctx.tol)) {
    add(ctx, 'ANNUAL_EXCEEDS_TOTAL', M.annualExceedsTotal(name, colName(ctx, { kind: 'annual' }), vi(an), vi(ti), vi(an.minus(ti))),
      { ...where(ctx, it.loc, 'annual'), expected: plain(ti), actual: plain(an) });
  }
}
