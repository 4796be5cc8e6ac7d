/**
 * Benchmark: computeTotals + checkPlan on a generated plan of 10,000 items in 100 groups (years 2021-2025,
 * three sources, stated group rows, grand total and "Trong đó" rows), warm-up then the median of several runs.
 */
import { performance } from 'perf_hooks';
import { Dec } from '../src/core/base/decimal';
import type { Group, Item, Plan } from '../src/core/plan/model';
import { checkPlan } from '../src/core/checks/checks';
import { computeTotals } from '../src/core/plan/totals';
import { expectedTT } from '../src/core/text/numbering';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const SOURCES = ['NSĐP', 'NSTW', 'ĐTPT'];
const TEXT: Record<string, string> = { 'NSĐP': 'Vốn sự nghiệp địa phương', NSTW: 'Ngân sách Trung ương', 'ĐTPT': 'Đầu tư công trung hạn' };

export function generatePlan(items: number, groups = 100): Plan {
  const perGroup = Math.ceil(items / groups);
  const nodes: Group[] = [];
  let made = 0;
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let g = 0; g < groups && made < items; g++) {
    const children: Item[] = [];
    for (let i = 0; i < perGroup && made < items; i++, made++) {
      const code = SOURCES[made % 3];
      const years: Record<number, Dec> = {};
      let total = new Dec(0);
      for (const y of YEARS) {
        const v = new Dec(rand() % 100000).div(1000);
        years[y] = v;
        total = total.plus(v);
      }
      children.push({
        kind: 'item', tt: String(i + 1), name: `Dự án số ${made + 1}`, lead: 'Sở Thông tin và Truyền thông',
        period: { from: 2021, to: 2025 }, sourceText: TEXT[code],
        amounts: { years, sources: { [code]: total } },
      });
    }
    nodes.push({ kind: 'group', level: 1, tt: expectedTT('roman', g + 1), name: `Nhóm ${g + 1}`, children });
  }
  const plan: Plan = {
    meta: { title: 'Danh mục thử hiệu năng', unit: 'triệu đồng' },
    years: { from: 2021, to: 2025 },
    sources: SOURCES.map((c) => ({ code: c, label: c })),
    nodes,
  };
  // State every group, the grand total and the breakdown as a sheet would.
  const t = computeTotals(plan);
  for (const g of nodes) {
    const r = t.rowOf(g);
    g.stated = { years: { ...r.years }, sources: { ...r.sources }, total: r.total };
  }
  plan.grandTotal = { amounts: { years: { ...t.grand.years }, sources: { ...t.grand.sources }, total: t.grand.total } };
  plan.breakdown = SOURCES.map((c) => ({
    sourceCode: c, label: c, amounts: { years: { ...t.breakdown[c] }, sources: {}, total: t.bySource[c] },
  }));
  plan.sheet = {
    name: 'Bench',
    columns: { tt: 0, name: 1, lead: 2, 'year:2021': 3, 'year:2022': 4, 'year:2023': 5, 'year:2024': 6, 'year:2025': 7, total: 8, 'source:NSĐP': 9, 'source:NSTW': 10, 'source:ĐTPT': 11, sourceText: 12 },
  };
  let row = 6;
  for (const g of nodes) {
    g.loc = { row: row++ };
    for (const c of g.children) c.loc = { row: row++ };
  }
  return plan;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function run(): Promise<void> {
  const N = 10000;
  const plan = generatePlan(N);
  for (let i = 0; i < 3; i++) checkPlan(plan); // warm-up
  const totalsMs: number[] = [];
  const checkMs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    computeTotals(plan);
    const t1 = performance.now();
    findings = checkPlan(plan).length;
    const t2 = performance.now();
    totalsMs.push(t1 - t0);
    checkMs.push(t2 - t1);
  }
  const tot = median(totalsMs);
  const chk = median(checkMs);
  const both = tot + chk;
  console.log(`plan: ${N} items in 100 groups, 5 years, 3 sources; findings: ${findings}`);
  console.log(`computeTotals: ${tot.toFixed(1)} ms (median of 7)`);
  console.log(`checkPlan (includes its own totals): ${chk.toFixed(1)} ms (median of 7)`);
  console.log(`computeTotals + checkPlan: ${both.toFixed(1)} ms = ${Math.round(N / (both / 1000)).toLocaleString('en-US')} items/s (target: well under 1000 ms)`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
