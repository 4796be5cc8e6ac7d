/**
 * Layout benchmark: SheetSpec generation (layoutPlan) and xlsx writing (exceljs) for 100, 1,000 and 10,000 items
 * (groups of 50 items, 5 years, 3 sources, a 200-character objective each). Prints ms and peak memory.
 * Memory is sampled every 5 ms while the event loop is free and at every step boundary (the synchronous layout
 * cannot be interrupted, so its peak is taken right after it returns, before anything is released).
 */
import { Dec } from '../src/core/base/decimal';
import { layoutPlan } from '../src/core/layout/layout';
import type { Group, Item, Plan } from '../src/core/plan/model';
import { writeSpecsToBuffer } from '../src/xlsx/writeSpec';

function plan(items: number): Plan {
  const groups: Group[] = [];
  for (let i = 0; i < items; i++) {
    if (i % 50 === 0) groups.push({ kind: 'group', level: 1, tt: `G${groups.length + 1}`, name: `Nhóm dự án số ${groups.length + 1}`, children: [] });
    const years: Record<number, Dec> = {};
    let total = new Dec(0);
    for (let y = 2021; y <= 2025; y++) { const v = new Dec(((i * 37 + y) % 5000) + 100); years[y] = v; total = total.plus(v); }
    const src = ['NSTW', 'NSĐP', 'ĐTPT'][i % 3];
    const it: Item = {
      kind: 'item', tt: String((i % 50) + 1), name: `Dự án ứng dụng công nghệ thông tin số ${i + 1}`, status: 'Dự án mới', lead: 'Sở TT&TT',
      objective: 'Nâng cấp hạ tầng kỹ thuật, bảo đảm an toàn thông tin và phục vụ chính quyền số của tỉnh. '.repeat(3).slice(0, 200),
      sourceText: src, amounts: { years, sources: { [src]: total } },
    };
    groups[groups.length - 1].children.push(it);
  }
  return {
    meta: { appendixNo: '02', title: 'Danh mục dự án (bench)', unit: 'triệu đồng' },
    years: { from: 2021, to: 2025 },
    sources: [{ code: 'NSTW', label: 'NSTW' }, { code: 'NSĐP', label: 'NSĐP' }, { code: 'ĐTPT', label: 'ĐTPT' }],
    nodes: groups,
  };
}

const MB = 1024 * 1024;

export async function run(): Promise<void> {
  console.log('items   layout ms   write ms   xlsx KB   peak rss MB   peak heapUsed MB');
  for (const n of [100, 1000, 10000]) {
    const p = plan(n);
    if (global.gc) global.gc();
    let rss = 0;
    let heap = 0;
    const sample = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
    const timer = setInterval(sample, 5);
    sample();
    const t0 = performance.now();
    const spec = layoutPlan(p);
    const t1 = performance.now();
    sample();
    const buf = await writeSpecsToBuffer([spec]);
    const t2 = performance.now();
    sample();
    clearInterval(timer);
    console.log(`${String(n).padStart(5)}   ${(t1 - t0).toFixed(1).padStart(9)}   ${(t2 - t1).toFixed(1).padStart(8)}   ${(buf.length / 1024).toFixed(0).padStart(7)}   ${(rss / MB).toFixed(0).padStart(11)}   ${(heap / MB).toFixed(0).padStart(16)}`);
  }
}
