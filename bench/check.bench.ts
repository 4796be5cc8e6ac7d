/**
 * Checking benchmark (issue 4, issue 6):
 *  1. a 10,000-item workbook (100 groups × 100 items, years 2021-2025, total, 3 sources, source text):
 *     time to load it with exceljs alone, and load + readGrid + checkGrid, side by side with the ratio
 *     (target: checking adds at most 20 % over loading);
 *  2. a 100,000-item sheet checked end to end (file → findings) with peak memory (rss);
 *  3. the fuzz figure: hostile generated grids run through checkGrid, how many, how many threw (must be 0).
 * Workbooks are generated with exceljs (the big one with the streaming writer, to a temp file).
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { hostileGrid } from '../tests/helpers/gridArbitrary';
import { recognizeTable } from '../src/core/read/recognize';
import { checkGrid } from '../src/core/checks/sheetCheck';
import { readGrid, readWorkbookGrids } from '../src/xlsx/readGrid';

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

async function workbookBuffer(groups: number, per: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  for (const row of planRows(groups, per, true)) ws.addRow(row);
  ws.mergeCells('F4:J4');
  ws.mergeCells('L4:N4');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writeBig(file: string, groups: number, per: number): Promise<void> {
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

export async function run(): Promise<void> {
  // --- 10,000 items
  const buf = await workbookBuffer(100, 100);
  const loads: number[] = [];
  const readAndCheck: number[] = [];
  const recognizeOnly: number[] = [];
  let findings = 0;
  let items = 0;
  for (let i = 0; i < 5; i++) {
    let t0 = process.hrtime.bigint();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    loads.push(ms(t0));
    t0 = process.hrtime.bigint();
    const grid = readGrid(wb.worksheets[0]);
    const r = checkGrid(grid);
    readAndCheck.push(ms(t0));
    t0 = process.hrtime.bigint();
    recognizeTable(grid);
    recognizeOnly.push(ms(t0));
    findings = r.findings.length;
    items = r.summary.items;
  }
  const load = median(loads);
  const extra = median(readAndCheck);
  const rec = median(recognizeOnly);
  console.log(`10.000 dự án (${(buf.length / 1e6).toFixed(1)} MB, medians of 5): ${items} items read, ${findings} findings`);
  console.log(`  load with exceljs alone          ${load.toFixed(0).padStart(6)} ms`);
  console.log(`  load + readGrid + checkGrid      ${(load + extra).toFixed(0).padStart(6)} ms`);
  console.log(`    readGrid + checkGrid           ${extra.toFixed(0).padStart(6)} ms  (of which recognition ${rec.toFixed(0)} ms; the rest readGrid and the model checks)`);
  console.log(`  ratio (load + check) / load      ${((load + extra) / load).toFixed(2)}  → checking adds ${((extra / load) * 100).toFixed(0)} % over loading (target ≤ 20 %)`);

  // --- the same 10,000 items, checkGrid alone: clean, then one wrong item amount (issue 10: root-cause analysis)
  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const grid = readGrid(wb.worksheets[0]);
    const clean: number[] = [];
    const wrong: number[] = [];
    const cell = grid.cells[6][6]!; // G7: item 1.1, year 2022
    const good = cell.value as number;
    let first = '';
    let caused = 0;
    for (let i = 0; i < 5; i++) {
      cell.value = good;
      let t0 = process.hrtime.bigint();
      checkGrid(grid);
      clean.push(ms(t0));
      cell.value = good + 700;
      t0 = process.hrtime.bigint();
      const r = checkGrid(grid);
      wrong.push(ms(t0));
      const errs = r.findings.filter((f) => f.severity === 'error');
      first = `${errs[0]?.code}@${errs[0]?.cell}`;
      caused = errs.filter((f) => f.causedBy !== undefined).length;
    }
    console.log(`  checkGrid alone, clean           ${median(clean).toFixed(0).padStart(6)} ms`);
    console.log(`  checkGrid alone, G7 wrong        ${median(wrong).toFixed(0).padStart(6)} ms  (first error ${first}; ${caused} findings causedBy it)`);
  }

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
