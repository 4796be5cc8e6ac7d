/**
 * "Cộng" rows closing a group: many offices leave a group's heading row ("I | Xây dựng hạ tầng") without amounts
 * and close the group with a "Cộng" (or "Cộng nhóm I", "Cộng I") row under its items, before the next group and the
 * "Tổng cộng" row. Such a row is the group's subtotal, not the table's grand total (which would close the table
 * after the first group):
 * - a "Cộng" naming a group ("Cộng nhóm I", "Cộng (A)") right after that group's rows closes it;
 * - a bare "Cộng" right after a group's rows closes it when the table closes its groups so already, or when it is
 *   the table's first group and a group heading or a total row follows (a bare "Cộng" after several groups, with
 *   none closed before, is the grand total as ever).
 * The subtotal's amounts are the group's: when the heading row states none, the "Cộng" row is the group's row
 * (its cells are the ones checked, named and bound to formulas); when both state a column, the heading row is
 * checked against the children and a "Cộng" figure that differs from both is GROUP_SUBTOTAL at its cell.
 */
import { plain, type Dec } from '../base/decimal';
import { ExactSum } from '../base/exactSum';
import { makeFinding } from '../checks/findings';
import type { FieldKey, Group, Item, PlanNode, RowAmounts } from '../plan/model';
import { foldWords } from '../text/fold';
import { readRowAmounts } from './amounts';
import { READ_MESSAGES as M } from './messages';
import type { RowTT, TTKind } from './rows';
import type { ReadState } from './state';
import { isTotalLabel } from './vocabulary';

/** What the body reader knows of the groups so far (body.ts's Body has these fields). */
interface Body {
  nodes: PlanNode[];
  curL1?: Group;
  curL2?: Group;
  lastItem?: Item;
  inBreakdown: boolean;
  closedGroup?: Group;
  groupSubtotals: boolean;
}

const NAMED = /^cong (?:nhom |muc |phan |khoi |linh vuc )?([ivxlcdm]+|[a-z]|\d{1,2})$/;

/** Per body row: does a group heading or a total row come below it? (one pass, from the bottom) */
export function laterHeadings(tts: readonly RowTT[], roles: readonly TTKind[]): boolean[] {
  const out: boolean[] = new Array<boolean>(tts.length).fill(false);
  let seen = false;
  for (let i = tts.length - 1; i >= 0; i--) {
    out[i] = seen;
    const k = roles[i].kind;
    const label = tts[i].name || tts[i].tt;
    if (k === 'roman' || k === 'letter' || (label.length <= 80 && isTotalLabel(label))) seen = true;
  }
  return out;
}

/** The group a "Cộng" row closes, or undefined when the row is not a group's subtotal. */
function target(b: Body, label: string, later: () => boolean): Group | undefined {
  if (!/^\s*c/i.test(label) || label.length > 60) return undefined;
  const f = foldWords(label);
  if (!f.startsWith('cong')) return undefined;
  const named = NAMED.exec(f);
  const inner = b.curL2 ?? b.curL1;
  // Right after the group's rows: an item read since its heading, or (for the outer group) its inner group closed.
  const afterRows = (g: Group): boolean => g.children.length > 0
    && (b.lastItem !== undefined ? g === inner : g === b.curL1 && b.closedGroup !== undefined && b.closedGroup === b.curL2);
  if (named) {
    const ref = named[1];
    const g = [b.curL2, b.curL1].find((x) => x !== undefined && foldWords(x.tt) === ref);
    return g && afterRows(g) ? g : undefined;
  }
  if (f !== 'cong' && f !== 'cong nhom') return undefined;
  const g = b.lastItem === undefined && b.closedGroup === b.curL2 && b.curL2 ? b.curL1 : inner;
  if (!g || !afterRows(g)) return undefined;
  if (b.groupSubtotals) return g;
  const siblings = g.level === 1 || !b.curL1 ? b.nodes : b.curL1.children;
  const first = siblings.find((n) => n.kind === 'group') === g;
  return first && later() ? g : undefined;
}

/** `later`: whether a group heading or a total row comes below (laterHeadings), asked only when needed. */
export function closesGroup(b: Body, label: string, later: () => boolean): boolean {
  return target(b, label, later) !== undefined;
}

function valueAt(a: RowAmounts | undefined, key: FieldKey): Dec | undefined {
  if (!a) return undefined;
  if (key.startsWith('year:')) return a.years[parseInt(key.slice(5), 10)];
  if (key.startsWith('source:')) return a.sources[key.slice(7)];
  if (key === 'total' || key === 'totalInvestment' || key === 'annual') return a[key];
  return undefined;
}

/** A child's figure as the group adds it: a group's stated figure, else its children's; an item's own. */
function shownAt(n: PlanNode, key: FieldKey): Dec | undefined {
  if (n.kind === 'item') return valueAt(n.amounts, key);
  const v = valueAt(n.stated, key);
  if (v !== undefined) return v;
  const acc = new ExactSum();
  for (const c of n.children) {
    const x = shownAt(c, key);
    if (x !== undefined) acc.add(x);
  }
  return acc.value();
}

/** How many amount columns a row states. */
function statedCount(s: ReadState, a: RowAmounts | undefined): number {
  let n = 0;
  for (const ac of s.amountCols) if (valueAt(a, ac.key) !== undefined) n++;
  return n;
}

/**
 * The "Cộng" row closing a group (closesGroup said so). Of the heading row and the "Cộng" row, the one stating more
 * columns is the group's row (checked, named, bound to formulas: the "Cộng" row when the heading states none); the
 * other row's figures are compared here, a figure that differs from the group's row and from its children's sum
 * being GROUP_SUBTOTAL at its cell.
 */
export function addGroupSubtotal(s: ReadState, b: Body, r: number, label: string): void {
  const g = target(b, label, () => true) as Group;
  const ra = readRowAmounts(s, r, 'group');
  b.closedGroup = g;
  b.groupSubtotals = true;
  b.lastItem = undefined;
  b.inBreakdown = false;
  const closing = M.closingRow(label.trim(), g.tt);
  const heading = M.groupRow(g.tt);
  if (statedCount(s, ra.amounts) > statedCount(s, g.stated)) {
    const own = g.stated;
    const row = g.loc?.row;
    g.stated = ra.amounts;
    g.loc = ra.loc;
    if (own && row !== undefined) secondRow(s, g, own, row, heading, closing);
  } else secondRow(s, g, ra.amounts, r, closing, heading);
}

/** The figures of a group's second row (row r) against the group's row and its children. */
function secondRow(s: ReadState, g: Group, a: RowAmounts, r: number, name: string, other: string): void {
  for (const ac of s.amountCols) {
    const v = valueAt(a, ac.key);
    const h = valueAt(g.stated, ac.key);
    if (v === undefined || (h !== undefined && v.eq(h))) continue;
    const acc = new ExactSum();
    for (const c of g.children) {
      const x = shownAt(c, ac.key);
      if (x !== undefined) acc.add(x);
    }
    const sum = acc.value();
    if (v.eq(sum)) continue;
    const col = ac.key.startsWith('year:') ? `năm ${ac.key.slice(5)}` : s.columns.find((c) => c.col === ac.col)?.label ?? '';
    s.findings.push(makeFinding('GROUP_SUBTOTAL', M.subtotalRow(name, col, v, h !== undefined ? other : undefined, h, sum), {
      sheet: s.sheet, row: r, col: ac.col, expected: plain(sum), actual: plain(v),
    }));
  }
}
