/** Generated plans of any size for the writer's scale tests and the benchmark (groups of 50 items, 5 years, 3 sources). */
import { Dec } from '../../src/core/base/decimal';
import type { Group, Item, Plan } from '../../src/core/plan/model';

export function bigPlan(items: number, perGroup = 50): Plan {
  const years = { from: 2021, to: 2025 };
  const sources = [{ code: 'NSĐP', label: 'NSĐP' }, { code: 'NSTW', label: 'NSTW' }, { code: 'ĐTPT', label: 'ĐTPT' }];
  const groups: Group[] = [];
  const roman = (n: number) => {
    const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
    let s = '';
    for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
    return s;
  };
  for (let n = 0, g = 1; n < items; g++) {
    const count = Math.min(perGroup, items - n);
    const children: Item[] = [];
    for (let i = 1; i <= count; i++) {
      const k = n + i;
      const y = [0, 1, 2, 3, 4].map((j) => new Dec(100 + ((k * 7 + j * 13) % 900)));
      const total = y.reduce((a, b) => a.plus(b), new Dec(0));
      const code = sources[k % 3].code;
      children.push({
        kind: 'item', tt: String(i), name: `Dự án ${k}: nâng cấp hạ tầng số xã ${k % 97}`, lead: 'Sở Thông tin và Truyền thông',
        status: k % 2 ? 'Mới' : 'Chuyển tiếp', objective: 'Phục vụ chuyển đổi số', sourceText: code,
        amounts: { years: { 2021: y[0], 2022: y[1], 2023: y[2], 2024: y[3], 2025: y[4] }, sources: { [code]: total }, total },
      });
    }
    groups.push({ kind: 'group', level: 1, tt: roman(g), name: `Nhóm dự án ${g}`, children });
    n += count;
  }
  return {
    meta: { title: `Danh mục ${items} dự án giai đoạn 2021-2025`, unit: 'triệu đồng', attachedTo: 'Kèm theo Kế hoạch số 1/KH-UBND' },
    years, sources, nodes: groups, preset: 'medium-term',
  };
}
