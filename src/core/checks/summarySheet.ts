/**
 * Summary sheets ("Tổng hợp": rows I–VI pulling each group's total from the appendix by cross-sheet formulas,
 * "='Phụ lục 02'!K7", no items), checked at the workbook level: each summary row against the group of the same TT
 * (else the same name) on the sheet its formulas name, in each column both state (GROUP_SUBTOTAL at the summary
 * cell, `expected` the group's figure there). When that sheet is not in the workbook (or holds no table), one info
 * finding says the summary could not be compared. Differences within the tolerance are not reported. Pure: the caller gives the plans of the workbook's sheets.
 */
import { a1 } from '../base/a1';
import { ZERO, plain, type Dec } from '../base/decimal';
import type { Group, Plan, PlanNode } from '../plan/model';
import { computeTotals, type PlanTotals } from '../plan/totals';
import { foldWords } from '../text/fold';
import { convertUnit, formatVi } from '../text/numbers';
import { colKey, computedValue, pullsFromElsewhere, statedCols, statedValue, type Col } from './context';
import { makeFinding, type Finding } from './findings';
import { SUMMARY_MESSAGES as M, COLUMN_NAMES } from './messages';

/** The sheet a cross-sheet formula reads from: "'Phụ lục 02'!K7" → "Phụ lục 02"; undefined for none. */
export function pulledSheet(formula: string): string | undefined {
  const m = /(?:'((?:[^']|'')+)'|([^\s'!(),+\-*/=:;]+))!/.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** The summary rows of a plan: groups without children pulling some column from another sheet, with that sheet. */
function summaryRows(plan: Plan): { g: Group; from: string }[] {
  const out: { g: Group; from: string }[] = [];
  const visit = (nodes: PlanNode[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'group') continue;
      if ((n.children ?? []).length > 0) {
        visit(n.children);
        continue;
      }
      const c = statedCols(n.stated).find((x) => pullsFromElsewhere(n, x));
      const f = c && n.loc?.formulas?.[colKey(c)];
      const from = f ? pulledSheet(f) : undefined;
      if (from !== undefined) out.push({ g: n, from });
    }
  };
  visit(plan.nodes);
  return out;
}

function findGroup(nodes: PlanNode[], like: Group): Group | undefined {
  const groups: Group[] = [];
  const visit = (ns: PlanNode[]): void => {
    for (const n of ns) if (n.kind === 'group') { groups.push(n); visit(n.children ?? []); }
  };
  visit(nodes);
  const tt = foldWords(String(like.tt ?? ''));
  const byTT = tt !== '' ? groups.filter((g) => foldWords(String(g.tt ?? '')) === tt && g.level === like.level) : [];
  if (byTT.length === 1) return byTT[0];
  const name = foldWords(like.name ?? '');
  const byName = name !== '' ? groups.filter((g) => foldWords(g.name ?? '') === name) : [];
  return byName.length === 1 ? byName[0] : undefined;
}

function colLabel(c: Col, target: Plan): string {
  switch (c.kind) {
    case 'year': return COLUMN_NAMES.year(c.year);
    case 'source': return COLUMN_NAMES.source(c.code, target.sources?.find((s) => s.code === c.code)?.label);
    case 'total': return COLUMN_NAMES.total;
    case 'totalInvestment': return COLUMN_NAMES.totalInvestment;
    case 'annual': return COLUMN_NAMES.annual(target.planYear);
  }
}

/**
 * Findings of a summary sheet against the sheets it summarises. `plan`: the summary sheet's plan; `planOf`: the
 * plan of a sheet of the workbook by its exact name (undefined: no such sheet, or no table on it).
 */
export function summaryFindings(plan: Plan, planOf: (sheet: string) => Plan | undefined, tol: Dec = ZERO): Finding[] {
  const sheet = plan.sheet?.name;
  const cols = plan.sheet?.columns ?? {};
  const out: Finding[] = [];
  const totals = new Map<Plan, PlanTotals>();
  const missing = new Set<string>();
  for (const { g, from } of summaryRows(plan)) {
    const target = planOf(from);
    const row = g.loc!.row;
    if (!target) {
      if (missing.has(from)) continue;
      missing.add(from);
      const col = statedCols(g.stated).map((c) => cols[colKey(c)]).find((x) => x !== undefined);
      out.push({ ...makeFinding('GROUP_SUBTOTAL', M.absent(from), { sheet, row, col }), severity: 'info' });
      continue;
    }
    const tg = findGroup(target.nodes, g);
    if (!tg) {
      out.push({ ...makeFinding('GROUP_SUBTOTAL', M.noGroup(String(g.tt ?? '').trim(), from), { sheet, row }), severity: 'info' });
      continue;
    }
    let t = totals.get(target);
    if (!t) totals.set(target, (t = computeTotals(target)));
    const computed = t.rowOf(tg);
    for (const c of statedCols(g.stated)) {
      const col = cols[colKey(c)];
      const s = statedValue(g.stated!, c)!;
      const raw = (tg.stated ? statedValue(tg.stated, c) : undefined) ?? computedValue(computed, c);
      // In the summary's unit (a summary in tỷ đồng of an appendix in triệu đồng).
      const from_ = target.meta?.unit;
      const to = plan.meta?.unit;
      const there = from_ && to && from_ !== to ? convertUnit(raw, from_, to) : raw;
      if (col === undefined || target.sheet?.columns?.[colKey(c)] === undefined || !s.minus(there).abs().gt(tol)) continue;
      const d = s.minus(there);
      const msg = M.differs(String(g.tt ?? '').trim(), colLabel(c, target), formatVi(s), from, formatVi(there),
        `${d.isNegative() ? '' : '+'}${formatVi(d)}`);
      out.push(makeFinding('GROUP_SUBTOTAL', msg, { sheet, row, col, cell: a1(row, col), expected: plain(there), actual: plain(s) }));
    }
  }
  return out;
}
