/**
 * A 10,000-item appendix as a Grid (100 groups × 100 items, years 2021-2025, total, three sources, source text,
 * stated group rows, "Tổng cộng" and one "Trong đó" row per source), consistent; for the root-cause bench.
 */
import type { Grid, GridCell } from '../../src/core/base/grid';
import { intToRoman } from '../../src/core/text/numbering';

const TEXTS = ['Vốn sự nghiệp địa phương', 'Ngân sách Trung ương', 'Đầu tư công trung hạn'];
const BD = ['Tổng nguồn sự nghiệp địa phương', 'Tổng nguồn Trung ương', 'Tổng nguồn đầu tư phát triển'];

export function bigGrid(groups = 100, per = 100): Grid {
  const c = (v: string | number | null): GridCell | null => (v === null ? null : { value: v });
  const rows: (GridCell | null)[][] = [];
  const push = (vs: (string | number | null)[]): void => { rows.push(vs.map(c)); };
  push(['PHỤ LỤC']);
  push(['ĐVT: Triệu đồng']);
  push(['TT', 'Tên dự án', 'Đơn vị chủ trì', 'Dự kiến phân kỳ', null, null, null, null, 'Tổng', 'Nguồn vốn', null, null, 'Nguồn vốn (ghi chú)']);
  push([null, null, null, 2021, 2022, 2023, 2024, 2025, null, 'NSĐP', 'NSTW', 'ĐTPT', null]);
  const gt = new Array(9).fill(0);
  const bd = [0, 1, 2].map(() => new Array(6).fill(0));
  for (let g = 1; g <= groups; g++) {
    const sum = new Array(9).fill(0);
    const items: (string | number | null)[][] = [];
    for (let i = 1; i <= per; i++) {
      const y = [0, 1, 2, 3, 4].map((k) => ((g * 7 + i * 13 + k * 5) % 900) + 100);
      const t = y.reduce((a, b) => a + b, 0);
      const s = (g + i) % 3;
      const src: (number | null)[] = [null, null, null];
      src[s] = t;
      const vals = [...y, t, ...src.map((v) => v ?? 0)];
      vals.forEach((v, k) => { sum[k] += v; });
      y.forEach((v, k) => { bd[s][k] += v; });
      bd[s][5] += t;
      items.push([i, `Dự án ${g}.${i}`, 'Sở TT&TT', ...y, t, ...src, TEXTS[s]]);
    }
    sum.forEach((v, k) => { gt[k] += v; });
    push([intToRoman(g), `Nhóm ${g}`, null, ...sum, null]);
    for (const it of items) push(it);
  }
  push([null, 'Tổng cộng', null, ...gt, null]);
  push([null, 'Trong đó:']);
  for (let s = 0; s < 3; s++) push([null, BD[s], null, ...bd[s], null, null, null, null]);
  return { sheet: 'Phụ lục', cells: rows, merges: [] };
}
