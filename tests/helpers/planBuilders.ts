/** Test helpers for the plan model tests (H2): load samples, walk a plan, place a plan on a sheet grid. */
import * as fs from 'fs';
import * as path from 'path';
import { planFromJsonData } from '../../src/app/planJson';
import type { FieldKey, Group, Item, Plan, PlanNode } from '../../src/core/plan/model';

export const SAMPLES_DIR = path.join(__dirname, '..', '..', 'samples');

export function loadSample(name: string): Plan {
  return planFromJsonData(JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.plan.json`), 'utf8')));
}

export function group(plan: Plan, tt: string): Group {
  const g = plan.nodes.find((n) => n.kind === 'group' && n.tt === tt);
  if (!g || g.kind !== 'group') throw new Error(`no group ${tt}`);
  return g;
}

/** Item by "II.4" (group TT . item TT) or "7" (flat list). */
export function item(plan: Plan, ref: string): Item {
  const parts = ref.split('.');
  const list: PlanNode[] = parts.length === 2 ? group(plan, parts[0]).children : plan.nodes;
  const tt = parts[parts.length - 1];
  const it = list.find((n) => n.kind === 'item' && n.tt === tt);
  if (!it || it.kind !== 'item') throw new Error(`no item ${ref}`);
  return it;
}

/**
 * Give a plan sheet positions, as a reader would: rows from `firstRow` in table order (groups, items, sub-items),
 * then the grand total and the breakdown rows; columns as given.
 */
export function placeOnSheet(plan: Plan, columns: Partial<Record<FieldKey, number>>, firstRow = 6): Map<PlanNode, number> {
  const rows = new Map<PlanNode, number>();
  let r = firstRow;
  const visit = (nodes: PlanNode[]): void => {
    for (const n of nodes) {
      n.loc = { row: r };
      rows.set(n, r++);
      if (n.kind === 'group') visit(n.children);
      else if (n.children) visit(n.children);
    }
  };
  visit(plan.nodes);
  if (plan.grandTotal) plan.grandTotal.loc = { row: r++ };
  for (const b of plan.breakdown ?? []) b.loc = { row: r++ };
  plan.sheet = { name: 'Phụ lục', columns };
  return rows;
}

/** Sóc Trăng 2021-2025 laid out: TT, name, status, lead, objective, 2021..2025, total, NSĐP, NSTW, ĐTPT, source text. */
export const ST_COLUMNS: Partial<Record<FieldKey, number>> = {
  tt: 0, name: 1, status: 2, lead: 3, objective: 4,
  'year:2021': 5, 'year:2022': 6, 'year:2023': 7, 'year:2024': 8, 'year:2025': 9,
  total: 10, 'source:NSĐP': 11, 'source:NSTW': 12, 'source:ĐTPT': 13, sourceText: 14,
};

/** Trà Vinh Phụ lục III: TT, name, lead, status, objective, scale, period, total investment, source, 2023, notes. */
export const TV_COLUMNS: Partial<Record<FieldKey, number>> = {
  tt: 0, name: 1, lead: 2, status: 3, objective: 4, scale: 5, period: 6, totalInvestment: 7, sourceText: 8, annual: 9, notes: 10,
};
