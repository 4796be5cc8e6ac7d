/**
 * Building an appendix: a plan (from plan JSON, an input sheet or the sample) with the user's overrides → the
 * SheetSpec any writer (exceljs, Office.js) renders, and the summary both front ends report.
 */
import type { Dec } from '../core/base/decimal';
import { checkResult } from '../core/checks/checks';
import type { CheckResult } from '../core/checks/findings';
import { layoutPlan, presetOf } from '../core/layout/layout';
import { LayoutError } from '../core/layout/messages';
import type { RowSink, SheetSpec } from '../core/layout/sheetspec';
import type { LayoutPreset, Plan, PlanNode, Unit } from '../core/plan/model';
import { computeTotals, headline, withTotalsOnce } from '../core/plan/totals';
import { itemsOf } from '../core/plan/tree';
import { amountToWords } from '../core/text/words';
import { AppError } from './errors';
import { APP_MESSAGES as M } from './messages';
import { sourcesSetting, yearSpanSetting } from './settings';
import { convertPlanUnit } from './units';
import { PRESET_LABELS } from '../core/plan/settings';

/** The "Tạo phụ lục" form, or the command line's options: what may override the plan's own settings. */
export interface BuildRequest {
  preset?: LayoutPreset;
  title?: string;
  attachedTo?: string;
  unit?: Unit;
  /** "2021-2025"; empty or absent: the plan's span */
  years?: string;
  /** funding-source codes to show, in order ("NSĐP, NSTW"); empty or absent: all of the plan's */
  sources?: string;
  /** the "Bằng chữ" line under the table */
  words?: boolean;
}

function yearsUsed(nodes: readonly PlanNode[]): number[] {
  const out = new Set<number>();
  for (const it of itemsOf(nodes)) {
    for (const [y, v] of Object.entries(it.amounts.years)) if (v && !v.isZero()) out.add(parseInt(y, 10));
  }
  return [...out].sort((a, b) => a - b);
}

function sourceUsed(nodes: readonly PlanNode[], code: string): boolean {
  return itemsOf(nodes).some((it) => it.amounts.sources[code] !== undefined && !it.amounts.sources[code].isZero());
}

/**
 * The plan with the form's overrides applied (the plan passed in is not changed). Amounts outside a narrowed year
 * span, or unknown source codes, are refused with a Vietnamese message rather than silently dropped.
 */
export function applyBuildRequest(plan: Plan, o: BuildRequest): Plan {
  const meta = { ...plan.meta };
  if (o.title !== undefined) meta.title = o.title;
  if (o.attachedTo !== undefined) meta.attachedTo = o.attachedTo;
  let years = plan.years;
  if (o.years !== undefined && o.years.trim() !== '') {
    const span = yearSpanSetting(o.years);
    const outside = yearsUsed(plan.nodes).filter((y) => y < span.from || y > span.to);
    if (outside.length) throw new AppError(M.yearsOutsideSpan(outside, span.from, span.to), 'years');
    years = span;
  }
  let sources = plan.sources;
  if (o.sources !== undefined && o.sources.trim() !== '') {
    const wanted = sourcesSetting(o.sources).map((s) => s.code);
    const byCode = new Map(plan.sources.map((s) => [s.code.toLocaleUpperCase('vi'), s]));
    const unknown = wanted.filter((c) => !byCode.has(c.toLocaleUpperCase('vi')));
    if (unknown.length) throw new AppError(M.unknownSources(unknown, plan.sources.map((s) => s.code)), 'sources');
    sources = wanted.map((c) => byCode.get(c.toLocaleUpperCase('vi'))!);
    const kept = new Set(sources.map((s) => s.code));
    const dropped = plan.sources.filter((s) => !kept.has(s.code) && sourceUsed(plan.nodes, s.code));
    if (dropped.length) throw new AppError(M.droppedSources(dropped.map((s) => s.code)), 'sources');
  }
  const preset = o.preset ?? plan.preset;
  if (preset === 'annual' && !itemsOf(plan.nodes).some((it) => it.amounts.annual !== undefined)) {
    throw new AppError(M.annualNeedsYear(PRESET_LABELS.annual, PRESET_LABELS['medium-term']), 'preset');
  }
  const out: Plan = { ...plan, meta, years, sources, ...(o.preset ? { preset: o.preset } : {}) };
  // the unit converts every amount exactly (never a relabel)
  return o.unit !== undefined ? convertPlanUnit(out, o.unit) : out;
}

/** The figure a summary states: this year's amount for an annual plan, else the grand total. */
export function headlineFigure(plan: Plan, preset: LayoutPreset): { label: string; value: Dec } {
  const totals = computeTotals(plan);
  if (preset === 'annual' && plan.planYear !== undefined) {
    return { label: `kinh phí năm ${plan.planYear}`, value: totals.grand.annual };
  }
  const h = headline(plan, totals);
  return { label: h.field === 'totalInvestment' ? 'tổng mức đầu tư' : 'tổng cộng', value: h.value };
}

export interface BuiltAppendix {
  spec: SheetSpec;
  plan: Plan;
  preset: LayoutPreset;
  items: number;
  groups: number;
  headline: { label: string; value: Dec };
  /** the headline figure in words */
  words: string;
  /** the model checks of the plan as given (a plan may be built with errors; the user is told) */
  check: CheckResult;
}

/**
 * Plan + request → the appendix's SheetSpec and its summary. AppError on any problem the user can fix. With a `sink`
 * (a file writer's), the body rows go to it as they are laid out and the spec holds the rest (SheetSpec.streamed).
 */
export function buildAppendix(plan: Plan, req: BuildRequest = {}, sink?: RowSink): BuiltAppendix {
  const p = applyBuildRequest(plan, req);
  // Layout, headline and checks read the same totals: one pass over the plan.
  return withTotalsOnce(p, () => buildPlan(p, req, sink));
}

function buildPlan(p: Plan, req: BuildRequest, sink: RowSink | undefined): BuiltAppendix {
  let spec: SheetSpec;
  try {
    spec = layoutPlan(p, { preset: req.preset, words: req.words }, sink);
  } catch (e) {
    if (e instanceof LayoutError) throw new AppError(M.layoutFailed(e.message));
    throw e;
  }
  const preset = presetOf(p, { preset: req.preset });
  const head = headlineFigure(p, preset);
  // the counts of the totals' pass the layout made (the same nodes countPlan walks): no other walk of the plan
  const { itemCount: items, groupCount: groups } = computeTotals(p);
  return {
    spec, plan: p, preset, items, groups, headline: head,
    words: amountToWords(head.value, { unit: p.meta.unit }),
    check: checkResult(p),
  };
}
