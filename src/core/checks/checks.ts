/**
 * Model checks: every SPEC finding code that does not need sheet geometry.
 *
 * Rules (see also docs/plan-json.md):
 * - Only what a row states is compared. A group, grand-total or "Trong đó" row that leaves a column blank
 *   (the key is absent) states nothing there and is not an error; a stated 0 is compared like any number.
 *   On an item, a blank year or source is 0.
 * - A group row is compared with its children as shown: a child group's stated value where it states the column,
 *   else the child's computed value; an item's own value. So one wrong subtotal is reported once, at its row,
 *   and the grand total is compared with the group rows above it (SPEC: "the sum of the top-level groups").
 * - "Trong đó" rows are compared with the items (totals.ts breakdown); the years of a source that some item
 *   funds together with other sources without a split are undetermined and not compared.
 * - Every sum comparison allows `tolerance` (a Dec in the plan unit, default 0).
 * - Findings carry the exact cell (sheet, row, col, A1) when the plan came from a sheet (plan.sheet.columns and
 *   node.loc.row), else no cell.
 *
 * The checks live per concern (rows.ts, groups.ts, stated.ts, fields.ts) over a shared context (context.ts); this
 * file runs them in table order.
 */
import { plain } from '../base/decimal';
import { summarize, type CheckResult, type Finding } from './findings';
import type { Item, Plan, PlanNode } from '../plan/model';
import { headline } from '../plan/totals';
import { add, lazy, makeContext, nodeName, type CheckContext, type CheckOptions } from './context';
import { duplicates, fieldExpectations, missing, numbering, sourceMismatch } from './fields';
import { breakdown, grandTotal, groupRow, kindBreakdown } from './groups';
import { CHECK_MESSAGES as M } from './messages';
import { annual, negatives, period, rowSums } from './rows';
import { statedTotals, words } from './stated';

/** The row checks of every node, in table order. */
function walk(ctx: CheckContext, nodes: PlanNode[], parentItem: Item | undefined): void {
  for (const n of nodes) {
    if (n.kind === 'group') {
      groupRow(ctx, n);
      negatives(ctx, n.stated, n.loc, nodeName(n));
      walk(ctx, n.children ?? [], undefined);
    } else {
      item(ctx, n, parentItem);
      if (n.children && n.children.length > 0) walk(ctx, n.children, n);
    }
  }
}

function item(ctx: CheckContext, it: Item, parent: Item | undefined): void {
  const name = lazy(() => nodeName(it, parent));
  const a = it.amounts ?? { years: Object.create(null), sources: Object.create(null) };
  const isParent = Array.isArray(it.children) && it.children.length > 0;
  // Year records have integer keys, slow to enumerate in V8: list them once per item.
  const yearKeys = a.years ? Object.keys(a.years) : [];
  negatives(ctx, a, it.loc, name, yearKeys);
  if (isParent) {
    groupRow(ctx, it, parent);
  } else {
    rowSums(ctx, it, a, name, yearKeys);
    period(ctx, it, a, name);
    annual(ctx, it, a, name);
    sourceMismatch(ctx, it, a, name);
  }
  missing(ctx, it, isParent, name, parent);
}

function run(ctx: CheckContext, opts: CheckOptions): Finding[] {
  const nodes = ctx.plan.nodes;
  if (nodes.length === 0) add(ctx, 'MISSING_FIELD', M.noItems, {});
  ctx.expects = fieldExpectations(ctx);
  walk(ctx, nodes, undefined);
  numbering(ctx, nodes, undefined);
  grandTotal(ctx);
  breakdown(ctx);
  kindBreakdown(ctx);
  statedTotals(ctx, opts);
  words(ctx);
  duplicates(ctx);
  return ctx.findings;
}

/** Every model check on a plan; findings in table order. Throws CheckOptionsError / TotalsError on invalid input. */
export function checkPlan(plan: Plan, opts: CheckOptions = {}): Finding[] {
  return run(makeContext(plan, opts ?? {}), opts ?? {});
}

/** checkPlan with its summary (items, groups, grand total in the plan unit). */
export function checkResult(plan: Plan, opts: CheckOptions = {}): CheckResult {
  const ctx = makeContext(plan, opts ?? {});
  const findings = run(ctx, opts ?? {});
  const head = headline(plan, ctx.totals);
  return {
    findings,
    summary: summarize(findings, {
      items: ctx.totals.itemCount,
      groups: ctx.totals.groupCount,
      grandTotal: plain(plan.grandTotal?.amounts?.[head.field] ?? head.value),
      unit: plan.meta?.unit,
    }),
  };
}
