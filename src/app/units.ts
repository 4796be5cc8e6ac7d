/**
 * Units are a property of the amounts: a plan shown in another unit has every amount converted exactly (powers of
 * ten, decimal.js), never relabelled. The appendix's number format then follows the amounts' decimals
 * (core/layout/styles decimalsOf); a conversion needing more decimals than a cell format shows is refused.
 */
import type { Dec } from '../core/base/decimal';
import type { Item, Plan, PlanNode, RowAmounts, Unit } from '../core/plan/model';
import { convertUnit, formatVi } from '../core/text/numbers';
import { AppError } from './errors';
import { APP_MESSAGES as M } from './messages';

/** Most decimals an amount cell shows (core/layout/styles decimalsOf caps the format there). */
export const MAX_UNIT_DECIMALS = 6;

/** The plan with every amount in `to` (the plan passed in is not changed); AppError when a cell could not show one. */
export function convertPlanUnit(plan: Plan, to: Unit): Plan {
  const from = plan.meta.unit;
  if (from === to) return plan;
  let worst: Dec | undefined;
  const cv = (d: Dec): Dec => {
    const r = convertUnit(d, from, to);
    if (r.decimalPlaces() > MAX_UNIT_DECIMALS && (!worst || r.decimalPlaces() > worst.decimalPlaces())) worst = d;
    return r;
  };
  const opt = (d: Dec | undefined) => (d === undefined ? undefined : cv(d));
  const rec = <K extends string | number>(r: Record<K, Dec>): Record<K, Dec> => {
    const out = {} as Record<K, Dec>;
    for (const k of Object.keys(r) as K[]) out[k] = cv(r[k]);
    return out;
  };
  const amounts = (a: RowAmounts): RowAmounts => {
    const out: RowAmounts = { ...a, years: rec(a.years), sources: rec(a.sources) };
    if (a.split) out.split = Object.fromEntries(Object.entries(a.split).map(([k, m]) => [k, rec(m)]));
    if (a.total !== undefined) out.total = opt(a.total);
    if (a.totalInvestment !== undefined) out.totalInvestment = opt(a.totalInvestment);
    if (a.annual !== undefined) out.annual = opt(a.annual);
    return out;
  };
  const item = (it: Item): Item => ({
    ...it, amounts: amounts(it.amounts), ...(it.children ? { children: it.children.map(item) } : {}),
  });
  const node = (n: PlanNode): PlanNode => (n.kind === 'item' ? item(n) : {
    ...n, children: n.children.map(node), ...(n.stated ? { stated: amounts(n.stated) } : {}),
  });
  const out: Plan = { ...plan, meta: { ...plan.meta, unit: to }, nodes: plan.nodes.map(node) };
  if (plan.grandTotal) out.grandTotal = { ...plan.grandTotal, amounts: amounts(plan.grandTotal.amounts) };
  if (plan.breakdown) out.breakdown = plan.breakdown.map((b) => ({ ...b, amounts: amounts(b.amounts) }));
  if (plan.statedTotals) out.statedTotals = plan.statedTotals.map((s) => ({ ...s, value: cv(s.value) }));
  if (plan.statedWords) out.statedWords = plan.statedWords.map((s) => ({ ...s, ...(s.figure ? { figure: cv(s.figure) } : {}) }));
  if (worst) throw new AppError(M.unitTooFine(formatVi(worst), from, to, MAX_UNIT_DECIMALS), 'unit');
  return out;
}
