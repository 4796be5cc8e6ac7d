/**
 * Checking benchmark (issue 4, issue 6, issue 12):
 *  1. whole-process `danh-muc check` of a 10,000-item workbook (100 groups × 100 items, years 2021-2025, total,
 *     3 sources, source text, formulas) and of a 100,000-item one, each side by side with a whole process that merely
 *     loads the same file with exceljs, with peak RSS (targets: ratio ≤ 1.0; check at 100,000 items ≤ 300 MB); and
 *     our own 100,000-item appendix as `danh-muc build` writes it (formulas, number formats), side by side too;
 *  2. checkGrid alone on the 10,000 items, clean and with one wrong item year (target ≤ 1.3 × clean), on this
 *     workbook and on the appendix `danh-muc build` writes for 10,000 items (its totals are formulas); the
 *     100,000-item sheet read and checked in-process with peak memory;
 *  3. the fuzz figure: hostile generated grids run through checkGrid, how many, how many threw (must be 0).
 * Workbooks are generated with exceljs (the big one with the streaming writer, to a temp file).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { hostileGrid } from '../tests/helpers/gridArbitrary';
import { checkGrid, checkRecognized } from '../src/core/checks/sheetCheck';
import { recognizeTable } from '../src/core/read/recognize';
import { readWorkbookGrids } from '../src/xlsx/stream/read';
import { writeSpecsToBuffer } from '../src/xlsx/writeSpec';
import { buildAppendix } from '../src/app/build';
import { a1 } from '../src/core/base/a1';
import type { Grid } from '../src/core/base/grid';
import { planToJson } from '../src/core/plan/planJsonWrite';
import { bigPlan, smallAmount } from '../tests/helpers/bigPlan';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const HEADER1 = ['TT', 'Tên dự án', 'Dự án mới/ chuyển tiếp', 'Đơn vị chủ trì', 'Mục tiêu', 'Dự kiến phân kỳ', '', '', '', '', 'Tổng kinh phí dự kiến', 'Nguồn vốn', '', '', 'Nguồn vốn (ghi chú)'];
const HEADER2 = ['', '', '', '', '', ...YEARS, '', 'NSĐP', 'NSTW', 'ĐTPT', ''];
const ROMAN = (n: number): string => {
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
};

type Row = (string | number | null | { formula: string; result: number })[];

/** Rows of a plan with `groups` groups of `per` items, consistent totals; formulas for subtotals when asked. */
function* planRows(groups: number, per: number, formulas: boolean): Generator<Row> {
  yield ['PHỤ LỤC'];
  yield ['DANH MỤC CÁC DỰ ÁN (BENCHMARK)'];
  yield ['ĐVT: Triệu đồng'];
  yield HEADER1;
  yield HEADER2;
  let r = 6; // next sheet row (1-based)
  const groupRows: number[] = [];
  const gt = [0, 0, 0, 0, 0];
  const srcTot = [0, 0, 0];
  for (let g = 1; g <= groups; g++) {
    const gr = r;
    groupRows.push(gr);
    const ys = [0, 0, 0, 0, 0];
    const ss = [0, 0, 0];
    const items: Row[] = [];
    for (let i = 1; i <= per; i++) {
      const y = YEARS.map((_, k) => ((g * 7 + i * 13 + k * 5) % 900) + 100);
      const t = y.reduce((a, b) => a + b, 0);
      const s = (g + i) % 3;
      y.forEach((v, k) => { ys[k] += v; });
      ss[s] += t;
      const src: (number | null)[] = [null, null, null];
      src[s] = t;
      const row = r + i;
      items.push([i, `Dự án ${g}.${i} ứng dụng công nghệ thông tin`, 'Dự án mới', 'Sở TT&TT', 'Mục tiêu', ...y,
        formulas ? { formula: `SUM(F${row}:J${row})`, result: t } : t, ...src, ['Vốn sự nghiệp địa phương', 'Ngân sách Trung ương', 'Đầu tư công trung hạn'][s]]);
    }
    const first = r + 1;
    const last = r + per;
    const cols = ['F', 'G', 'H', 'I', 'J'];
    const sc = ['L', 'M', 'N'];
    const gt5 = ys.reduce((a, b) => a + b, 0);
    ys.forEach((v, k) => { gt[k] += v; });
    ss.forEach((v, k) => { srcTot[k] += v; });
    const f = (c: string, v: number) => (formulas ? { formula: `SUM(${c}${first}:${c}${last})`, result: v } : v);
    yield [ROMAN(g), `Nhóm ${g}`, null, null, null, ...ys.map((v, k) => f(cols[k], v)), f('K', gt5), ...ss.map((v, k) => f(sc[k], v)), null];
    for (const it of items) yield it;
    r = last + 1;
  }
  const total = gt.reduce((a, b) => a + b, 0);
  const f = (c: string, v: number) => (formulas ? { formula: groupRows.map((x) => `${c}${x}`).join('+').slice(0, 8000), result: v } : v);
  yield [null, 'Tổng cộng', null, null, null, ...gt.map((v, k) => (formulas && groups <= 100 ? f(['F', 'G', 'H', 'I', 'J'][k], v) : v)),
    formulas && groups <= 100 ? f('K', total) : total, ...srcTot.map((v, k) => (formulas && groups <= 100 ? f(['L', 'M', 'N'][k], v) : v)), null];
}

export async function workbookBuffer(groups: number, per: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  for (const row of planRows(groups, per, true)) ws.addRow(row);
  ws.mergeCells('F4:J4');
  ws.mergeCells('L4:N4');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeBig(file: string, groups: number, per: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Phụ lục');
  for (const row of planRows(groups, per, false)) ws.addRow(row).commit();
  await ws.commit();
  await wb.commit();
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'danh-muc.js');
const RUNS = 5;

/** A preload that reports the process's peak RSS (kB) on stderr as it exits. */
const RSS_HOOK = "process.on('exit', () => require('fs').writeSync(2, `\\nMAXRSS ${process.resourceUsage().maxRSS}\\n`));";

/** One whole process: wall time (ms) and peak RSS (MB). */
function timed(hook: string, args: string[]): { ms: number; mb: number; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const t = ms(t0);
  const m = /MAXRSS (\d+)/.exec(String(r.stderr));
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  return { ms: t, mb: m ? parseInt(m[1], 10) / 1024 : NaN, status: r.status };
}

/**
 * Whole-process `danh-muc check file` against a whole process that merely loads the file with exceljs
 * (`new ExcelJS.Workbook().xlsx.readFile`), runs taken in turn, medians (target: check ≤ 1.0 × the load).
 */
async function sideBySide(label: string, file: string, hook: string, runs: number): Promise<void> {
  const load = ['-e', `new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(file)}).catch((e) => { console.error(e); process.exit(3); })`];
  const check = [BIN, 'check', file];
  const l: { ms: number; mb: number }[] = [];
  const c: { ms: number; mb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    l.push(timed(hook, load));
    c.push(timed(hook, check));
  }
  const size = (await fsp.stat(file)).size;
  const lm = median(l.map((x) => x.ms));
  const cm = median(c.map((x) => x.ms));
  console.log(`${label} (${(size / 1e6).toFixed(1)} MB, whole processes, medians of ${runs} taken in turn):`);
  console.log(`  exceljs load (readFile)      ${lm.toFixed(0).padStart(7)} ms   peak rss ${median(l.map((x) => x.mb)).toFixed(0).padStart(5)} MB`);
  console.log(`  danh-muc check               ${cm.toFixed(0).padStart(7)} ms   peak rss ${median(c.map((x) => x.mb)).toFixed(0).padStart(5)} MB`);
  console.log(`  ratio check / exceljs load   ${(cm / lm).toFixed(2)}  (target ≤ 1.00)`);
}

export async function run(): Promise<void> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-bench-'));
  try {
    const hook = path.join(dir, 'rss.js');
    await fsp.writeFile(hook, RSS_HOOK);
    const f10 = path.join(dir, 'plan-10000.xlsx');
    await fsp.writeFile(f10, await workbookBuffer(100, 100));
    await sideBySide('10.000 dự án (công thức, exceljs writeBuffer)', f10, hook, RUNS);
    const f100 = path.join(dir, 'plan-100000.xlsx');
    await writeBig(f100, 1000, 100);
    await sideBySide('100.000 dự án (exceljs streaming writer)', f100, hook, 3);
    console.log('  (target: peak rss of check at 100.000 items ≤ 300 MB)');
    // Our own appendix of 100,000 items, as `danh-muc build` writes it: formulas for every item total (=SUM) and
    // for the group and grand totals (SUM/SUBTOTAL), number formats, 2,000 groups.
    const own = path.join(dir, 'own-100000.xlsx');
    const planFile = path.join(dir, 'own-100000.plan.json');
    await fsp.writeFile(planFile, JSON.stringify(planToJson(bigPlan(100_000, 50, smallAmount).plan)));
    const b = spawnSync(process.execPath, [BIN, 'build', planFile, '-o', own], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (b.status !== 0) throw new Error(`build of the own appendix: exit ${b.status}: ${String(b.stderr).slice(0, 400)}`);
    await sideBySide('100.000 dự án (phụ lục do danh-muc build tạo, có công thức)', own, hook, 3);
    console.log('  (target: peak rss of check at 100.000 items ≤ 300 MB)');
    await liveMemory(own, 100_000);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  await inProcess();
}

/**
 * Where a check's memory goes on `file` (`items` items), in this process (run with --expose-gc): the live heap once the
 * grid is read, once the table is recognised (the grid let go: the plan alone), and while the checks' results are
 * held; bytes per item. What V8 lets the heap grow to beyond what is live (about twice it between full collections) is
 * what the whole-process peak adds.
 */
async function liveMemory(file: string, items: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  const live = (): number => { gc(); gc(); return process.memoryUsage().heapUsed; };
  const base = live();
  const grids = await readWorkbookGrids(await fsp.readFile(file));
  const grid = live() - base;
  const rec = recognizeTable(grids[0], { release: true });
  grids[0].cells = [];
  const plan = live() - base;
  const res = checkRecognized(grids[0], rec, {});
  const checked = live() - base;
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  console.log(`  live heap: grid ${mb(grid)} (${Math.round(grid / items)} B/dự án); plan ${mb(plan)} (${Math.round(plan / items)} B/dự án); `
    + `after the checks ${mb(checked)}; ${res.findings.length} findings`);
}

/** checkGrid on `grid` clean, then with the typed cell at (r, c) 700 more, in turn: medians (target wrong ≤ 1.3 × clean). */
function cleanVsWrong(label: string, grid: Grid, r: number, c: number): void {
  // Cells are values (a reader may share one object between positions): replaced, never changed in place.
  const row = grid.cells[r];
  const cell = row[c]!;
  const good = cell.value as number;
  const clean: number[] = [];
  const wrong: number[] = [];
  let first = '';
  let caused = 0;
  for (let i = 0; i < 5; i++) {
    row[c] = { ...cell, value: good };
    let t0 = process.hrtime.bigint();
    checkGrid(grid);
    clean.push(ms(t0));
    row[c] = { ...cell, value: good + 700 };
    t0 = process.hrtime.bigint();
    const res = checkGrid(grid);
    wrong.push(ms(t0));
    const errs = res.findings.filter((f) => f.severity === 'error');
    first = `${errs[0]?.code}@${errs[0]?.cell}`;
    caused = errs.filter((f) => f.causedBy !== undefined).length;
  }
  row[c] = cell;
  const cm = median(clean);
  const wm = median(wrong);
  console.log(`  ${label}, clean     ${cm.toFixed(0).padStart(6)} ms`);
  console.log(`  ${label}, ${a1(r, c)} wrong ${wm.toFixed(0).padStart(6)} ms = ${(wm / cm).toFixed(2)} × clean (target ≤ 1.3; first error ${first}; ${caused} findings causedBy it)`);
}

/** The 10,000 items checked clean and with one wrong cell, on both workbooks (`node -e` can run it alone). */
export async function tenThousandCauses(): Promise<void> {
  // --- the 10,000 items, checkGrid alone: clean, then one wrong item amount (issue 10: root-cause analysis)
  {
    const [grid] = await readWorkbookGrids(await workbookBuffer(100, 100));
    cleanVsWrong('checkGrid alone (exceljs-written, SUM formulas)', grid, 6, 6); // G7: item 1.1, year 2022
  }
  // --- the same on the appendix our own build writes (item totals SUM of years, group and grand totals SUM, "Trong
  // đó" rows SUMIF), through the .xlsx: the first item's first year
  {
    const spec = buildAppendix(bigPlan(10_000, 100).plan).spec;
    const [grid] = await readWorkbookGrids(await writeSpecsToBuffer([spec]));
    const r = grid.cells.findIndex((row) => /^SUM\([A-Z]+(\d+):[A-Z]+\1\)$/.test(row?.find((x) => x?.formula)?.formula ?? ''));
    const c = grid.cells[r].findIndex((x) => typeof x?.value === 'number' && !x.formula);
    cleanVsWrong('checkGrid alone (danh-muc build, formulas)', grid, r, c);
  }
}

async function inProcess(): Promise<void> {
  await tenThousandCauses();

  // --- fuzz cases (the same generator as tests/reader/fuzz.test.ts)
  {
    const n = 10_000;
    let recognised = 0;
    let threw = 0;
    const t0 = process.hrtime.bigint();
    for (const g of fc.sample(hostileGrid, { numRuns: n, seed: 42 })) {
      try {
        if (checkGrid(g).recognized) recognised++;
      } catch {
        threw++;
      }
    }
    console.log(`fuzz: ${n} lưới ngẫu nhiên qua checkGrid trong ${ms(t0).toFixed(0)} ms: ${recognised} nhận ra bảng, ${n - recognised - threw} UNREADABLE_TABLE, ${threw} ném lỗi`);
  }

  // --- 100,000 items, end to end from a file: in a child process, so that its peak memory is its own
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--big'], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`100.000-row check exited with ${code}`))));
  });
}

/** The 100,000-item sheet: generated to a temp file, then read and checked; peak rss of this process. */
async function big(): Promise<void> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danhmuc-bench-'));
  const file = path.join(dir, 'big.xlsx');
  try {
    await writeBig(file, 1000, 100);
    const size = (await fsp.stat(file)).size;
    if (global.gc) global.gc();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const t0 = process.hrtime.bigint();
    const grids = await readWorkbookGrids(file);
    const tRead = ms(t0);
    const r = checkGrid(grids[0]);
    const tAll = ms(t0);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`100.000 dự án (${(size / 1e6).toFixed(1)} MB): ${r.summary.items} items, ${r.summary.groups} groups, ${r.findings.length} findings`);
    console.log(`  read file + readGrid ${tRead.toFixed(0)} ms; + checkGrid ${tAll.toFixed(0)} ms total`);
    console.log(`  peak rss ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1048576).toFixed(0)} MB (process maximum; ${(rssBefore / 1048576).toFixed(0)} MB before reading)`);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (process.argv.includes('--big') ? big() : run()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
