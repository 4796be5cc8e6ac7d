/**
 * templateSpec({ plan }): an input sheet pre-filled with a plan reads back as the same plan, for every seed sample
 * (medium-term with groups, completed list, annual with total investment, flat list, amounts in tỷ).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Item, Plan, PlanNode } from '../../../src/core/plan/model';
import { planFromJsonText } from '../../../src/app/planJson';
import { planFromInputGrid } from '../../../src/core/input/read';
import { templateSpec } from '../../../src/core/input/write';
import { countPlan } from '../../../src/core/plan/tree';
import { gridOfSpec } from '../../helpers/gridOf';

const DIR = path.join(__dirname, '..', '..', '..', 'samples');
const SAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.plan.json')).sort();

function shape(nodes: PlanNode[]): unknown[] {
  return nodes.map((n) => (n.kind === 'group' ? { g: n.tt, level: n.level, name: n.name, children: shape(n.children) } : { i: n.tt, children: n.children ? shape(n.children) : undefined }));
}

function leaves(nodes: PlanNode[]): Item[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? leaves(n.children) : [n, ...(n.children ? leaves(n.children) : [])]));
}

/** What an item says, amounts as exact strings; an annual amount and the plan year's column are the same figure. */
function said(it: Item, plan: Plan) {
  const nz = (r: Record<string, { toFixed(): string; isZero(): boolean }>) =>
    Object.fromEntries(Object.entries(r).filter(([, d]) => !d.isZero()).map(([k, d]) => [k, d.toFixed()]));
  const years = nz(it.children?.length ? {} : it.amounts.years);
  const annual = it.amounts.annual ?? (plan.planYear !== undefined ? it.amounts.years[plan.planYear] : undefined);
  if (plan.planYear !== undefined && plan.preset === 'annual') delete years[plan.planYear];
  return {
    tt: it.tt, name: it.name, status: it.status, lead: it.lead, coordinating: it.coordinating, objective: it.objective,
    sourceText: it.sourceText, notes: it.notes, period: it.period, years,
    sources: nz(it.children?.length ? {} : it.amounts.sources),
    totalInvestment: it.amounts.totalInvestment?.toFixed(),
    annual: plan.preset === 'annual' && !annual?.isZero() ? annual?.toFixed() : undefined,
    total: plan.years ? undefined : it.amounts.total?.toFixed(),
  };
}

test.each(SAMPLES)('%s: pre-filled input sheet → the same plan', (file) => {
  const sample = planFromJsonText(readFileSync(path.join(DIR, file), 'utf8'));
  const spec = templateSpec({ plan: sample });
  expect(spec.roles!.item.length + spec.roles!.group.length).toBe(countPlan(sample.nodes).items + countPlan(sample.nodes).groups);
  expect(spec.roles!.group.every((r) => spec.styles[spec.rows[r].cells[1]!.s!].font?.bold)).toBe(true);
  const back = planFromInputGrid(gridOfSpec(spec));
  expect(shape(back.nodes)).toEqual(shape(sample.nodes));
  expect(leaves(back.nodes).map((it) => said(it, back))).toEqual(leaves(sample.nodes).map((it) => said(it, sample)));
  expect(back.sources).toEqual(sample.sources.map((s) => ({ code: s.code, label: s.label })));
  expect(back.meta).toMatchObject({ unit: sample.meta.unit, title: sample.meta.title });
  expect(back.preset).toBe(sample.preset ?? back.preset);
  expect(back.planYear).toBe(sample.planYear);
  expect(back.meta.yearsLabel).toBe(sample.years ? sample.meta.yearsLabel : undefined);
});

test('a formula-looking name is written into the input sheet as text', () => {
  const sample = planFromJsonText(readFileSync(path.join(DIR, 'soc-trang-2021-2025.plan.json'), 'utf8'));
  (sample.nodes[0] as { children: Item[] }).children[0].name = '=HYPERLINK("http://x","y")';
  const spec = templateSpec({ plan: sample });
  const cells = spec.rows.flatMap((r) => r.cells);
  expect(cells).toContainEqual(expect.objectContaining({ t: 'text', v: '=HYPERLINK("http://x","y")' }));
  expect(cells.some((c) => c?.t === 'formula')).toBe(false);
});
