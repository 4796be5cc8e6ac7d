/**
 * "Trong đó" rows by kind of capital ("- Vốn đầu tư / - Vốn sự nghiệp", "Vốn trong nước / Vốn nước ngoài"): what
 * each is checked against, shared by the check (groups.ts) and the cause model (causeModel.ts).
 *  - when every item's source text names exactly one of the rows' kinds ("Vốn đầu tư", "Vốn sự nghiệp địa
 *    phương"): each row against the items of its kind, in each column it states;
 *  - otherwise (items without such a text), when there are two rows or more: the rows together against the total
 *    (the grand-total row where it states the column, else the top-level rows as shown), in each column every row
 *    states, reported at the first row.
 */
import type { Item, KindRow, Plan, PlanNode } from '../plan/model';
import { kindsNamedIn } from '../plan/sources';
import { statedCols, type Col } from './context';

export interface KindParts {
  rows: KindRow[];
  /** Kind → its items, when every item names exactly one kind; else undefined (the rows add up to the total). */
  byKind?: Map<string, Item[]>;
}

function leavesOf(nodes: PlanNode[], out: Item[]): Item[] {
  for (const n of nodes) {
    if (n.kind === 'item' && !(n.children && n.children.length > 0)) out.push(n);
    else leavesOf(n.children ?? [], out);
  }
  return out;
}

export function kindParts(plan: Plan): KindParts | undefined {
  const rows = plan.kindBreakdown ?? [];
  if (rows.length === 0) return undefined;
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const leaves = leavesOf(plan.nodes, []);
  const byKind = new Map<string, Item[]>(kinds.map((k) => [k, []]));
  for (const it of leaves) {
    const named = kindsNamedIn(it.sourceText, kinds);
    if (named.length !== 1) return rows.length >= 2 ? { rows } : undefined;
    byKind.get(named[0])!.push(it);
  }
  return leaves.length > 0 ? { rows, byKind } : undefined;
}

/** The columns the rows add up in: those every row states. */
export function addUpCols(rows: KindRow[]): Col[] {
  const [first, ...rest] = rows;
  return statedCols(first.amounts).filter((c) => rest.every((r) => statedCols(r.amounts).some((x) => sameCol(x, c))));
}

function sameCol(a: Col, b: Col): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'year' && b.kind === 'year') return a.year === b.year;
  if (a.kind === 'source' && b.kind === 'source') return a.code === b.code;
  return true;
}
