/**
 * Input-sheet benchmark: the `danh-muc build input.xlsx` path for 1,000, 10,000 and 100,000 item rows (a group
 * every 50 rows, 5 years, 3 sources, Vietnamese text amounts on every 10th row): read the filled input workbook
 * (exceljs → Grid), planFromInputGrid, layoutPlan, write the appendix. Prints ms per step and peak memory.
 */
import { layoutPlan } from '../src/core/layout/layout';
import type { CellSpec } from '../src/core/layout/sheetspec';
import { planFromInputGrid } from '../src/core/input/read';
import { templateSpec } from '../src/core/input/write';
import { parseSourceCodes } from '../src/core/plan/settings';
import { readWorkbookGrids } from '../src/xlsx/readGrid';
import { writeSpecsToBuffer } from '../src/xlsx/writeSpec';

const MB = 1024 * 1024;

/** The input workbook as an officer would have filled it, with n items. */
async function filledInput(n: number): Promise<Buffer> {
  const spec = templateSpec({ years: { from: 2021, to: 2025 }, sources: parseSourceCodes('NSTW,NSĐP,ĐTPT'), rows: 1 });
  const header = spec.roles!.header[0];
  spec.rows.length = header + 1;
  const t = (v: string): CellSpec => ({ t: 'text', v });
  const num = (v: number, i: number): CellSpec => (i % 10 === 0 ? t(v.toLocaleString('de-DE')) : { t: 'num', v: String(v) });
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) spec.rows.push({ cells: [t(`G${i / 50 + 1}`), t(`Nhóm dự án số ${i / 50 + 1}`)] });
    const years = [0, 1, 2, 3, 4].map((k) => ((i * 37 + k) % 5000) + 100);
    const total = years.reduce((a, b) => a + b, 0);
    const src = i % 3;
    const cells: (CellSpec | null)[] = [
      t(String((i % 50) + 1)), t(`Dự án ứng dụng công nghệ thông tin số ${i + 1}`), t('Mới'), t('Sở TT&TT'), null, t('2021-2025'),
      t('Nâng cấp hạ tầng kỹ thuật, bảo đảm an toàn thông tin.'),
      ...years.map((v) => num(v, i)),
      ...[0, 1, 2].map((k) => (k === src ? num(total, i) : null)),
      t(['Ngân sách trung ương', 'Ngân sách địa phương', 'Vốn đầu tư phát triển (trung hạn)'][src]), null,
    ];
    spec.rows.push({ cells });
  }
  return writeSpecsToBuffer([spec]);
}

export async function run(): Promise<void> {
  console.log('items    input KB   read ms   parse ms   layout ms   write ms   total ms   peak rss MB   peak heap MB');
  for (const n of [1000, 10000, 100000]) {
    const input = await filledInput(n);
    if (global.gc) global.gc();
    let rss = 0;
    let heap = 0;
    const sample = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
    const timer = setInterval(sample, 5);
    sample();
    const t0 = performance.now();
    const [grid] = await readWorkbookGrids(input);
    const t1 = performance.now();
    sample();
    const plan = planFromInputGrid(grid);
    const t2 = performance.now();
    sample();
    const spec = layoutPlan(plan);
    const t3 = performance.now();
    sample();
    const out = await writeSpecsToBuffer([spec]);
    const t4 = performance.now();
    sample();
    clearInterval(timer);
    if (out.length === 0) throw new Error('empty output');
    const f = (x: number, w: number) => x.toFixed(0).padStart(w);
    console.log(`${String(n).padStart(6)}   ${f(input.length / 1024, 8)}   ${f(t1 - t0, 7)}   ${f(t2 - t1, 8)}   ${f(t3 - t2, 9)}   ${f(t4 - t3, 8)}   ${f(t4 - t0, 8)}   ${f(rss / MB, 11)}   ${f(heap / MB, 12)}`);
  }
}
