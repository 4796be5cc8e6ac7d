/**
 * Findings that need the sheet's geometry, once the plan is read:
 *  - SUSPECT_DECIMAL: a small non-whole number in a column of whole amounts (a "1.500" read as 1.5);
 *  - HARDCODED_TOTAL: a subtotal/total cell, a "Trong đó" cell, or an item's total cell that is a typed number,
 *    flagged only when the sheet uses formulas for cells of the same kind elsewhere (three kinds: group and
 *    grand-total rows; "Trong đó" rows; item totals) — the sign of a sheet meant to compute its totals (every
 *    sheet this add-in makes does). A sheet typed by hand or pasted from Word, with no total formulas at all, is
 *    not flagged cell by cell;
 *  - DOUBLE_COUNT: a group or grand-total formula whose references (SUM ranges, + lists) cover both a group row
 *    and a row inside that group; or, without a formula, a stated total equal to its groups plus their items
 *    (and not to the groups alone).
 */
import { Dec, plain, sum } from '../base/decimal';
import { makeFinding } from '../checks/findings';
import type { Group, Item, Plan, PlanNode, RowAmounts, RowLoc } from '../plan/model';
import { clip } from '../text/fold';
import { cellAdds } from './amountCells';
import { picker } from './amounts';
import { formulaRefs, type FormulaRef } from './formulaRefs';
import { READ_MESSAGES as M } from './messages';
import type { AmountCol, ReadState } from './state';

export function geometryChecks(s: ReadState, plan: Plan): void {
  suspectDecimals(s);
  hardcodedTotals(s);
  doubleCounts(s, plan);
}

function suspectDecimals(s: ReadState): void {
  for (const [col, stat] of s.nums) {
    const nonInt = stat.nonInt;
    if (stat.nonZero < 3 || nonInt === 0) continue;
    // stat.fractional holds the typed numbers below 1000 with at most three decimals, not shown with decimals.
    for (const e of stat.fractional) {
      // The rest of the column is whole amounts (allow one other odd value in ten).
      const others = stat.nonZero - 1;
      if ((nonInt - 1) * 10 > others) continue;
      const thousand = e.value.times(1000);
      s.findings.push(makeFinding('SUSPECT_DECIMAL', M.suspectDecimal(e.value, thousand), {
        sheet: s.sheet, row: e.row, col, expected: plain(thousand), actual: plain(e.value),
      }));
    }
  }
}

function hardcodedTotals(s: ReadState): void {
  for (const category of ['sub', 'breakdown', 'itemTotal'] as const) {
    const cells = s.totalCells[category];
    if (!cells.anyFormula) continue;
    for (const t of cells.typed) {
      s.findings.push(makeFinding('HARDCODED_TOTAL', M.hardcodedTotal(M.totalCellKind[category], new Dec(t.value)), {
        sheet: s.sheet, row: t.row, col: t.col, actual: plain(new Dec(t.value)),
      }));
    }
  }
}

/** Rows of a node and everything under it. */
function rowsOf(n: PlanNode, out: number[]): number[] {
  if (n.loc) out.push(n.loc.row);
  if (n.kind === 'group') for (const ch of n.children) rowsOf(ch, out);
  else if (n.children) for (const ch of n.children) rowsOf(ch, out);
  return out;
}

function groupsIn(ns: PlanNode[]): Group[] {
  return ns.filter((n): n is Group => n.kind === 'group');
}

/** Items (leaves and parents of sub-items) under the groups. */
function itemsUnder(groups: Group[]): Item[] {
  const out: Item[] = [];
  const walk = (n: PlanNode) => {
    if (n.kind === 'item') out.push(n);
    else n.children.forEach(walk);
  };
  groups.forEach(walk);
  return out;
}

function allGroupsOf(nodes: PlanNode[], out: Group[] = []): Group[] {
  for (const n of nodes) {
    if (n.kind === 'group') {
      out.push(n);
      allGroupsOf(n.children, out);
    }
  }
  return out;
}

/** A total row to check: where it is, its formulas and amounts, the groups it should add and their items. */
interface TotalRow {
  row: number;
  formulas: RowLoc['formulas'];
  groups: Group[];
  what: string;
  stated: RowAmounts | undefined;
  leaves: () => Item[];
}

function doubleCounts(s: ReadState, plan: Plan): void {
  const allGroups = allGroupsOf(plan.nodes);
  if (plan.grandTotal?.loc) {
    const top = groupsIn(plan.nodes);
    checkTotalRow(s, {
      row: plan.grandTotal.loc.row, formulas: plan.grandTotal.loc.formulas, groups: allGroups, what: M.grandTotalRow,
      stated: plan.grandTotal.amounts, leaves: once(() => itemsUnder(top)),
    });
  }
  for (const gr of allGroups) {
    const sub = groupsIn(gr.children);
    if (sub.length === 0 || !gr.loc) continue;
    checkTotalRow(s, { row: gr.loc.row, formulas: gr.loc.formulas, groups: sub, what: M.groupRow(gr.tt), stated: gr.stated, leaves: once(() => itemsUnder(sub)) });
  }
}

/** The value of `f`, computed on first use (a total row's items: read for each amount column, gathered once). */
function once<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}

function checkTotalRow(s: ReadState, t: TotalRow): void {
  for (let k = 0; k < s.amountCols.length; k++) {
    const ac = s.amountCols[k];
    const f = t.formulas?.[ac.key];
    if (f) formulaDoubleCount(s, t, ac, k, f);
    else sumDoubleCount(s, t, ac);
  }
}

/** The formula adds a group row and a row inside that group. */
function formulaDoubleCount(s: ReadState, t: TotalRow, ac: AmountCol, k: number, f: string): void {
  const refs = formulaRefs(f).filter((x: FormulaRef) => x.sheet === undefined || x.sheet === s.sheet);
  const inCol = refs.filter((x) => ac.col >= x.c0 && ac.col <= x.c1);
  const use = inCol.length > 0 ? inCol : refs;
  // Rows the formula adds, as sorted disjoint spans (references beyond the sheet hold nothing).
  const inRefs = rowsIn(use, s.grid.cells.length);
  // A row adds something only when its cell holds an amount: a heading row left blank adds nothing. SUBTOTAL(9/109)
  // skips the cells that are SUBTOTALs themselves.
  const subtotal = /^\s*SUBTOTAL\s*\(\s*(9|109)\s*,/i.test(f);
  const covered = (rr: number) => inRefs(rr) && cellAdds(s, rr, k, subtotal);
  for (const gr of t.groups) {
    if (!gr.loc || !covered(gr.loc.row)) continue;
    const inner = rowsOf(gr, []).filter((x) => x !== gr.loc?.row);
    const hit = inner.find(covered);
    if (hit === undefined) continue;
    s.findings.push(makeFinding('DOUBLE_COUNT', M.doubleCountRows(t.what, gr.tt || gr.name, gr.loc.row + 1, hit + 1), {
      sheet: s.sheet, row: t.row, col: ac.col, actual: `=${clip(f, 200)}`,
    }));
    return;
  }
}

/** Whether a row is in one of the references and within [0, n]: by binary search over their merged row spans. */
export function rowsIn(refs: readonly FormulaRef[], n: number): (r: number) => boolean {
  const spans = rowSpans(refs, n);
  return (r) => inSpans(spans, r);
}

/** The rows of the references within [0, n], as sorted disjoint spans: first, last, first, last... */
function rowSpans(refs: readonly FormulaRef[], n: number): number[] {
  const xs = refs.map((x) => [Math.max(0, x.r0), Math.min(n, x.r1)]).filter(([a, b]) => a <= b).sort((p, q) => p[0] - q[0]);
  const out: number[] = [];
  for (const [a, b] of xs) {
    if (out.length > 0 && a <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return out;
}

function inSpans(spans: number[], r: number): boolean {
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[2 * mid + 1] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && spans[2 * lo] <= r;
}

/** Numerically: the stated total equals the groups plus their items. */
function sumDoubleCount(s: ReadState, t: TotalRow, ac: AmountCol): void {
  const get = picker(ac.key);
  const st = t.stated ? get(t.stated) : undefined;
  if (!st || t.groups.length === 0) return;
  const g = sum(t.groups.map((x) => (x.stated ? get(x.stated) : undefined)));
  // Groups that leave the column blank state nothing there: the total cannot add them twice. A total equal to its
  // groups adds them once (the common case: the items are not added up at all).
  if (g.isZero() || st.eq(g)) return;
  const items = sum(t.leaves().map((x) => get(x.amounts)));
  if (!items.isZero() && st.eq(g.plus(items))) {
    s.findings.push(makeFinding('DOUBLE_COUNT', M.doubleCountSum(t.what, st, g, items), {
      sheet: s.sheet, row: t.row, col: ac.col, expected: plain(g), actual: plain(st),
    }));
  }
}
