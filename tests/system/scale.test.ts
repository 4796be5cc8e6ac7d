/**
 * Scale (issue 6): 100,000 item rows built and checked by the real command line, each in its own process, with the
 * peak memory of each process printed; 10 MB of text in one cell refused politely by every entry point.
 *
 *  - build: plan JSON (36 MB, 1,000 groups × 100 items, 5 years, 3 sources, three-decimal amounts) → layout → xlsx;
 *  - check: that xlsx → readGrid → checkGrid, clean, with the exact grand total of a BigInt oracle;
 *  - 10 MB in one cell: the plan JSON loader (names the field), the layout (names the cell), `danh-muc build`
 *    and `danh-muc check` (exit 2, one Vietnamese line, nothing written).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutPlan } from '../../src/core/layout/layout';
import { LayoutError } from '../../src/core/layout/messages';
import { PlanJsonError } from '../../src/core/plan/planJson';
import { planToJson } from '../../src/core/plan/planJsonWrite';
import { planFromJsonText } from '../../src/app/planJson';
import { bigPlan, milli, smallAmount, type BigPlan } from '../helpers/bigPlan';
import { runCli, type CliRun } from '../helpers/cliProcess';

const N = 100_000;
const TEN_MB = 10 * 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-h7-scale-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function report(what: string, r: CliRun): void {
  // The figure the issue asks to see, printed with the test run.
  console.log(`${what}: exit ${r.code}, ${(r.ms / 1000).toFixed(1)} s, peak memory (maxRSS) ${r.maxRssMb} MB`);
}

describe(`${N.toLocaleString('vi-VN')} item rows, each command in its own process`, () => {
  let big: BigPlan;
  let build: CliRun;

  test('build: plan JSON → appendix xlsx, no crash, the summary line exact', async () => {
    big = bigPlan(N, 100, smallAmount);
    await fsp.writeFile(path.join(dir, 'lon.plan.json'), JSON.stringify(planToJson(big.plan)));
    build = await runCli(['build', 'lon.plan.json', '-o', 'phu-luc-lon.xlsx'], dir, { measure: true, timeoutMs: 170_000 });
    report(`build ${N} items`, build);
    expect({ code: build.code, signal: build.signal, stderr: build.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const total = milli(big.oracle.grand).replace(/^(\d+)(\.\d+)?$/, (_m, i: string, f?: string) => i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (f ? ',' + f.slice(1) : ''));
    expect(build.stdout).toMatch(new RegExp(`^Đã tạo phụ lục "Phụ lục 02": ${N} dự án, 1000 nhóm; tổng cộng ${total.replace(/\./g, '\\.')} triệu đồng`));
    expect(build.maxRssMb).toBeLessThan(4096);
  }, 180_000);

  test('check: that workbook → findings, clean, the grand total equal to the BigInt oracle', async () => {
    expect(build?.code).toBe(0);
    const r = await runCli(['check', 'phu-luc-lon.xlsx', '--json'], dir, { measure: true, timeoutMs: 170_000 });
    report(`check ${N} items`, r);
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const j = JSON.parse(r.stdout) as { findings: unknown[]; summary: { sheets: { items: number; groups: number; grandTotal: string }[] } };
    expect(j.findings).toEqual([]);
    expect(j.summary.sheets).toEqual([expect.objectContaining({ items: N, groups: 1000, grandTotal: milli(big.oracle.grand) })]);
    expect(r.maxRssMb).toBeLessThan(3072);
  }, 180_000);
});

describe('10 MB of text in one cell is refused politely', () => {
  const huge = 'Dự án '.repeat(Math.ceil(TEN_MB / 6)).slice(0, TEN_MB);

  function hugePlanJson(): string {
    const p = planToJson(bigPlan(3, 100, smallAmount).plan) as { nodes: { children: { name: string }[] }[] };
    p.nodes[0].children[1].name = huge;
    return JSON.stringify(p);
  }

  test('the plan JSON loader names the field', () => {
    const err = (() => { try { planFromJsonText(hugePlanJson()); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(PlanJsonError);
    expect((err as PlanJsonError).path).toBe('nodes[0].children[1].name');
    expect((err as Error).message).toBe('nodes[0].children[1].name: văn bản dài 10.485.760 ký tự, quá giới hạn 32.767 ký tự của một ô Excel');
  });

  test('the layout names the cell (a plan made in memory, e.g. by the task pane)', () => {
    const { plan } = bigPlan(3, 100, smallAmount);
    const it = plan.nodes[0].kind === 'group' ? plan.nodes[0].children[2] : undefined;
    if (it?.kind !== 'item') throw new Error('fixture');
    it.objective = huge;
    const t0 = Date.now();
    expect(() => layoutPlan(plan)).toThrow(LayoutError);
    expect(() => layoutPlan(plan)).toThrow(/^Ô E\d+: văn bản dài 10\.485\.760 ký tự, quá giới hạn 32\.767 ký tự của một ô Excel\.$/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('danh-muc build: exit 2, one line naming the field, nothing written', async () => {
    await fsp.writeFile(path.join(dir, 'dai.plan.json'), hugePlanJson());
    const r = await runCli(['build', 'dai.plan.json', '-o', 'dai.xlsx'], dir);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toBe('danh-muc build: tệp kế hoạch "dai.plan.json" không hợp lệ: nodes[0].children[1].name: văn bản dài 10.485.760 ký tự, quá giới hạn 32.767 ký tự của một ô Excel\n');
    expect((await fsp.readdir(dir)).filter((f) => f.startsWith('dai') || f.startsWith('.dai'))).toEqual(['dai.plan.json']);
  });

  test('danh-muc check: exit 2, one line naming the cell, the file untouched', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['TT', 'Tên dự án', 'Tổng kinh phí']);
    ws.addRow([1, huge, 5]);
    const file = path.join(dir, 'o-dai.xlsx');
    await wb.xlsx.writeFile(file);
    const before = await fsp.readFile(file);
    const r = await runCli(['check', 'o-dai.xlsx'], dir);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toBe('danh-muc check: không đọc được "o-dai.xlsx": ô B2 của trang "Phụ lục" chứa 10.485.760 ký tự, quá giới hạn 32.767 ký tự một ô của Excel; không kiểm tra tệp này\n');
    expect((await fsp.readFile(file)).equals(before)).toBe(true);
  });
});
