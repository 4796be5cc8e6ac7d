/**
 * Checks of the rows that sum other rows: GROUP_SUBTOTAL (group rows and sub-item parents), GRAND_TOTAL (the
 * "Tổng cộng" row against the top-level rows as shown) and BREAKDOWN (the "Trong đó" rows against the items).
 */
import { Dec, ZERO } from '../base/decimal';
import { ExactSum } from '../base/exactSum';
import type { Group, Item, PlanNode } from '../plan/model';
import { colKey, colName, compare, nodeName, pullsFromElsewhere, shownSums, statedCols, statedValue, vi, where, type CheckContext } from './context';
import { CHECK_MESSAGES as M, ROW_NAMES } from './messages';
import { addUpCols, kindParts } from './kinds';
import { negatives } from './rows';

/** GROUP_SUBTOTAL: each column a group (or sub-item parent) states against its children as shown. */
export function groupRow(ctx: CheckContext, n: Group | Item, parent?: Item): void {
  const stated = n.kind === 'group' ? n.stated : n.amounts;
  const children: PlanNode[] = n.children ?? [];
  const cols = statedCols(stated).filter((c) => !pullsFromElsewhere(n, c));
  const sums = shownSums(ctx, children, cols);
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const s = statedValue(stated!, c)!;
    const acc = sums[i];
    if (acc.sameAs(s)) continue;
    const sum = acc.value();
    compare(ctx, 'GROUP_SUBTOTAL', s, sum,
      (d) => M.groupSubtotal(nodeName(n, parent), colName(ctx, c), vi(s), n.kind === 'group', vi(sum), d),
      () => where(ctx, n.loc, colKey(c)));
  }
}

/** GRAND_TOTAL: each column the grand-total row states against the top-level rows as shown. */
export function grandTotal(ctx: CheckContext): void {
  const { plan } = ctx;
  const gt = plan.grandTotal;
  if (!gt || !gt.amounts) return;
  const row = ROW_NAMES.line(gt.label?.trim() || ROW_NAMES.grandTotalDefault);
  negatives(ctx, gt.amounts, gt.loc, row);
  const cols = statedCols(gt.amounts);
  const sums = shownSums(ctx, plan.nodes, cols);
  const ofGroups = plan.nodes.some((n) => n.kind === 'group');
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const s = statedValue(gt.amounts, c)!;
    const sum = sums[i].value();
    compare(ctx, 'GRAND_TOTAL', s, sum,
      (d) => M.grandTotal(row, colName(ctx, c), vi(s), ofGroups, vi(sum), d),
      where(ctx, gt.loc, colKey(c)));
  }
}

/** BREAKDOWN: each "Trong đó" row against the items of its source (years only where determined). */
export function breakdown(ctx: CheckContext): void {
  const { totals } = ctx;
  for (const b of ctx.plan.breakdown ?? []) {
    const code = b.sourceCode;
    const row = ROW_NAMES.line(b.label?.trim() || ROW_NAMES.breakdownDefault(code));
    negatives(ctx, b.amounts, b.loc, row);
    const perYear = totals.breakdown[code] ?? {};
    const exactYears = !totals.inexactSources.has(code);
    for (const c of statedCols(b.amounts)) {
      const s = statedValue(b.amounts, c)!;
      let expected: Dec | undefined;
      if (c.kind === 'year') expected = exactYears ? perYear[c.year] ?? ZERO : undefined;
      else if (c.kind === 'total') expected = totals.bySource[code] ?? ZERO;
      else if (c.kind === 'source') expected = c.code === code ? totals.bySource[code] ?? ZERO : undefined;
      if (expected === undefined) continue;
      const e = expected;
      compare(ctx, 'BREAKDOWN', s, e,
        (d) => M.breakdown(row, colName(ctx, c), vi(s), code, vi(e), d),
        where(ctx, b.loc, colKey(c)));
    }
  }
}

/** BREAKDOWN of the "Trong đó" rows by kind of capital (kinds.ts): each against its items, or together the total. */
export function kindBreakdown(ctx: CheckContext): void {
  const parts = kindParts(ctx.plan);
  for (const r of ctx.plan.kindBreakdown ?? []) negatives(ctx, r.amounts, r.loc, ROW_NAMES.line(r.label));
  if (!parts) return;
  if (parts.byKind) {
    for (const r of parts.rows) {
      const items = parts.byKind.get(r.kind) ?? [];
      const cols = statedCols(r.amounts);
      const sums = shownSums(ctx, items, cols);
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        const s = statedValue(r.amounts, c)!;
        const acc = sums[i];
        if (acc.sameAs(s)) continue;
        const sum = acc.value();
        compare(ctx, 'BREAKDOWN', s, sum, (d) => M.kindBreakdown(ROW_NAMES.line(r.label), colName(ctx, c), vi(s), r.label, vi(sum), d),
          where(ctx, r.loc, colKey(c)));
      }
    }
    return;
  }
  const gt = ctx.plan.grandTotal;
  const labels = parts.rows.map((r) => r.label).join(', ');
  const cols = addUpCols(parts.rows);
  let sums: ExactSum[] | undefined;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    let s = ZERO;
    for (const r of parts.rows) s = s.plus(statedValue(r.amounts, c)!);
    const g = gt?.amounts ? statedValue(gt.amounts, c) : undefined;
    const total = g ?? (sums ??= shownSums(ctx, ctx.plan.nodes, cols))[i].value();
    const name = gt?.label?.trim() || ROW_NAMES.grandTotalDefault;
    const t = total;
    compare(ctx, 'BREAKDOWN', s, t, (d) => M.kindsAddUp(labels, colName(ctx, c), vi(s), name, vi(t), d),
      where(ctx, parts.rows[0].loc, colKey(c)));
  }
}
