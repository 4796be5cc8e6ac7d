/**
 * Test plans for the layout: the Sóc Trăng 2021-2025 appendix (seed 000, Phụ lục 02) and synthetic shapes.
 * The Sóc Trăng rows come from the seed table (soc-trang-2021-2025.seed.json: texts as published, amounts per year).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { Dec } from '../../src/core/base/decimal';
import { planFromJsonText } from '../../src/app/planJson';
import type { FundingSource, Group, Item, Plan, PlanNode } from '../../src/core/plan/model';

interface SeedItem { tt: string; name: string; status: string; lead: string; objective: string; years: number[]; source: string; sourceText: string }
interface SeedGroup { tt: string; name: string; items: SeedItem[] }
const SEED: SeedGroup[] = require('./soc-trang-2021-2025.seed.json');

export const SOC_TRANG_SOURCES: FundingSource[] = [
  { code: 'NSĐP', label: 'NSĐP', breakdownLabel: 'Tổng nguồn sự nghiệp địa phương' },
  { code: 'NSTW', label: 'NSTW', breakdownLabel: 'Tổng nguồn sự nghiệp Trung ương' },
  { code: 'ĐTPT', label: 'ĐTPT', breakdownLabel: 'Tổng vốn Trung hạn' },
];

/** Published figures of seed 000's Phụ lục 02 (triệu đồng). */
export const SOC_TRANG_PUBLISHED = {
  grandTotal: '441115',
  years: { 2021: '55331', 2022: '131571', 2023: '126571', 2024: '98571', 2025: '29071' } as Record<number, string>,
  sources: { 'NSĐP': '60355', NSTW: '145000', 'ĐTPT': '235760' } as Record<string, string>,
  groups: [
    { tt: 'I', total: '39443', years: ['7199', '8061', '8061', '8061', '8061'] },
    { tt: 'II', total: '161260', years: ['43260', '50000', '38000', '20000', '10000'] },
    { tt: 'III', total: '135667', years: ['1167', '44500', '50000', '40000', '0'] },
    { tt: 'IV', total: '99532', years: ['2612', '27980', '29480', '29480', '9980'] },
    { tt: 'V', total: '1570', years: ['370', '300', '300', '300', '300'] },
    { tt: 'VI', total: '3643', years: ['723', '730', '730', '730', '730'] },
  ],
  breakdown: {
    'NSĐP': ['12071', '12071', '12071', '12071', '12071'],
    NSTW: ['10000', '45000', '40000', '40000', '10000'],
    'ĐTPT': ['33260', '74500', '74500', '46500', '7000'],
  } as Record<string, string[]>,
};

/** The embedded sample (samples/soc-trang-2021-2025.plan.json, loaded and validated by planFromJsonText). */
export function socTrangSamplePlan(): Plan {
  return planFromJsonText(readFileSync(path.join(__dirname, '..', '..', 'samples', 'soc-trang-2021-2025.plan.json'), 'utf8'));
}

/** The same table built here from the seed rows, with the objectives as published in full. */
export function socTrangPlan(): Plan {
  const nodes: PlanNode[] = SEED.map((g): Group => ({
    kind: 'group', level: 1, tt: g.tt, name: g.name,
    children: g.items.map((s): Item => {
      const years: Record<number, Dec> = {};
      s.years.forEach((v, i) => { if (v !== 0) years[2021 + i] = new Dec(v); });
      const total = s.years.reduce((a, b) => a + b, 0);
      return {
        kind: 'item', tt: s.tt, name: s.name, status: s.status || undefined, lead: s.lead, objective: s.objective,
        sourceText: s.sourceText, amounts: { years, sources: { [s.source]: new Dec(total) } },
      };
    }),
  }));
  return {
    meta: {
      appendixNo: '02',
      title: 'Danh mục các dự án dự kiến triển khai giai đoạn 2021-2025',
      attachedTo: 'Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng',
      unit: 'triệu đồng',
      yearsLabel: 'Dự kiến phân kỳ đầu tư thực hiện',
      sourcesLabel: 'Nguồn vốn đầu tư',
    },
    years: { from: 2021, to: 2025 },
    sources: SOC_TRANG_SOURCES,
    nodes,
    preset: 'medium-term',
  };
}

export function item(tt: string, name: string, years: Record<number, string | number>, source?: string, extra: Partial<Item> = {}): Item {
  const y: Record<number, Dec> = {};
  let total = new Dec(0);
  for (const [k, v] of Object.entries(years)) { y[parseInt(k, 10)] = new Dec(v); total = total.plus(new Dec(v)); }
  return { kind: 'item', tt, name, amounts: { years: y, sources: source ? { [source]: total } : {} }, ...extra };
}

export function group(tt: string, name: string, children: PlanNode[], level: 1 | 2 = 1): Group {
  return { kind: 'group', level, tt, name, children };
}

export function basePlan(nodes: PlanNode[], over: Partial<Plan> = {}): Plan {
  return {
    meta: { title: 'Danh mục thử nghiệm', unit: 'triệu đồng', appendixNo: 'I' },
    years: { from: 2021, to: 2025 },
    sources: [{ code: 'NSTW', label: 'Ngân sách trung ương' }, { code: 'NSĐP', label: 'Ngân sách địa phương' }],
    nodes,
    ...over,
  };
}
