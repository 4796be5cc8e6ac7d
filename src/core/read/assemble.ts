/** The plan a sheet states: its columns, sources, years and preset from the column roles, and the body read. */
import type { FieldKey, FundingSource, Plan } from '../plan/model';
import type { Body } from './body';
import { readMeta } from './meta';
import type { ReadState } from './state';
import { wordsAgainstTotal } from './statedTotals';

export function assemble(s: ReadState, b: Body): Plan {
  const columns: Partial<Record<FieldKey, number>> = {};
  const sources: FundingSource[] = [];
  const years: number[] = [];
  let planYear: number | undefined;
  for (const x of s.columns) {
    const r = x.role;
    switch (r.kind) {
      case 'field': columns[r.key] = x.col; break;
      case 'sourceText': columns.sourceText = x.col; break;
      case 'year': columns[`year:${r.year}`] = x.col; years.push(r.year); break;
      case 'total': columns.total = x.col; break;
      case 'totalInvestment': columns.totalInvestment = x.col; break;
      case 'annual': columns.annual = x.col; planYear = r.year; break;
      case 'source': columns[`source:${r.code}`] = x.col; sources.push({ code: r.code, label: r.label }); break;
      default: break;
    }
  }
  const plan: Plan = {
    meta: { ...readMeta(s), unit: s.unit },
    sources,
    nodes: b.nodes,
    sheet: { name: s.sheet, columns },
  };
  if (years.length > 0) {
    years.sort((a, c) => a - c);
    plan.years = { from: years[0], to: years[years.length - 1] };
  }
  if (planYear !== undefined) {
    plan.planYear = planYear;
    // The sources under the plan year's heading break down the plan year's amount.
    const srcCols = s.columns.filter((x) => x.role.kind === 'source');
    if (srcCols.length > 0 && srcCols.every((x) => x.role.kind === 'source' && x.role.underAnnual)) plan.sourcesOfAnnual = true;
    plan.preset = 'annual';
  } else plan.preset = years.length > 0 ? 'medium-term' : 'flat';
  if (b.grandTotal) plan.grandTotal = b.grandTotal;
  if (b.breakdown.length > 0) plan.breakdown = b.breakdown;
  if (b.kindBreakdown.length > 0) plan.kindBreakdown = b.kindBreakdown;
  if (b.statedWords.length > 0) {
    wordsAgainstTotal(s, b.statedWords, b.grandTotal);
    plan.statedWords = b.statedWords;
  }
  if (b.statedTotals.length > 0) plan.statedTotals = b.statedTotals;
  return plan;
}
