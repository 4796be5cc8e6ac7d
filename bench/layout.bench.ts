/**
 * Layout and writing benchmark (issue 12, write side), runs taken in turn, medians:
 *  1. in one process, 10,000 items (100 groups × 100, 5 years, 3 sources, three-decimal amounts): the whole `build`
 *     path from plan JSON text (parse, buildAppendix with its layout and check, write the .xlsx file) against
 *     exceljs's streaming writer (stream.xlsx.WorkbookWriter, shared strings and styles) writing the same cells
 *     (values, styles, merges) from the ready SheetSpec — target: build ≤ 1.3 × the streaming writer;
 *     and the write step alone: the streaming writer (streamWrite.ts) writing the ready spec, against the same;
 *     with the CPU time of every thread of both runners (wall time on a shared machine follows the load: our build
 *     deflates on the thread pool while it lays out, which helps only when a core is free);
 *  2. `danh-muc build` of 100,000 items as its own Node process: wall time and peak RSS (target ≤ 500 MB).
 */
import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { planToJson } from '../src/core/plan/planJsonWrite';
import type { SheetSpec } from '../src/core/layout/sheetspec';
import { planFromJsonText } from '../src/app/planJson';
import { buildAppendix } from '../src/app/build';
import { writeWorkbook } from '../src/xlsx/workbook';
import { StreamedBook } from '../src/xlsx/streamRows';
import { exactNumber, sanitizeText, toExcelStyle } from '../src/xlsx/writeSpec';
import { bigPlan, smallAmount } from '../tests/helpers/bigPlan';

const RUNS = 5;

/** What `danh-muc build` does for an .xlsx: the layout streams its body rows into the writer's book (streamRows.ts). */
async function ourBuild(planText: string, out: string): Promise<void> {
  const book = new StreamedBook();
  const built = buildAppendix(planFromJsonText(planText), {}, book.sink());
  await writeWorkbook([built.spec], out, { overwrite: true, releaseRows: true, book });
}

/**
 * exceljs's streaming writer, the same cells as the spec: values, named styles, merges, widths. Its archiver
 * (compress-commons' ZipArchiveOutputStream._defaults) deflates at zlib level 1 unless told otherwise; ours writes at
 * level 6 (smaller files), so the comparison is also printed with exceljs told to use level 6.
 */
async function exceljsStreaming(spec: SheetSpec, out: string, level?: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: out, useSharedStrings: true, useStyles: true, ...(level === undefined ? {} : { zip: { zlib: { level } } }),
  });
  const ws = wb.addWorksheet(spec.name);
  spec.columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.width; });
  const styles = new Map(Object.entries(spec.styles).map(([k, v]) => [k, toExcelStyle(v)]));
  for (const m of spec.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  spec.rows.forEach((rs, r) => {
    const row = ws.getRow(r + 1);
    if (rs.height !== undefined) row.height = rs.height;
    rs.cells.forEach((cs, c) => {
      if (!cs) return;
      const cell = row.getCell(c + 1);
      if (cs.s) cell.style = styles.get(cs.s)!;
      if (cs.t === 'text') cell.value = sanitizeText(cs.v);
      else if (cs.t === 'num') cell.value = exactNumber(cs.v, '');
      else if (cs.t === 'formula') cell.value = { formula: cs.f, result: cs.result === undefined ? undefined : exactNumber(cs.result, '') } as ExcelJS.CellFormulaValue;
    });
    row.commit();
  });
  await ws.commit();
  await wb.commit();
}

/** CPU time of the runs (this process, every thread: the layout's and the thread pool's deflate), per runner. */
const cpuMs = new Map<string, number[]>();

async function timed(fn: () => Promise<void>, cpuKey?: string): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (cpuKey) cpuMs.set(cpuKey, [...(cpuMs.get(cpuKey) ?? []), (c.user + c.system) / 1000]);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Child { code: number | null; ms: number; maxRssMb: number; err: string }

const STATS = `const __s = process.env.BENCH_STATS; process.on('exit', () => require('fs').writeFileSync(__s, JSON.stringify(process.resourceUsage())));`;

function child(script: string, args: string[], cwd: string): Promise<Child> {
  const stats = path.join(cwd, `.stats-${Date.now()}.json`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', STATS + script, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BENCH_STATS: stats } },
      (err, _stdout, stderr) => {
        const ms = performance.now() - t0;
        fsp.readFile(stats, 'utf8').then((s) => JSON.parse(s).maxRSS as number, () => 0).then((kb) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, ms, maxRssMb: Math.round(kb / 1024), err: String(stderr) });
        });
      });
  });
}

export async function run(): Promise<void> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-layout-bench-'));
  try {
    const text = JSON.stringify(planToJson(bigPlan(10_000, 100, smallAmount).plan));
    const spec = buildAppendix(planFromJsonText(text)).spec;
    const ours: number[] = [];
    const writeOnly: number[] = [];
    const theirs: number[] = [];
    const theirs6: number[] = [];
    let oursKb = 0;
    let theirsKb = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = path.join(dir, `ours-${i}.xlsx`);
      const b = path.join(dir, `exceljs-${i}.xlsx`);
      ours.push(await timed(() => ourBuild(text, a), 'build'));
      writeOnly.push(await timed(() => writeWorkbook([spec], path.join(dir, `write-${i}.xlsx`), { overwrite: true }).then(() => undefined)));
      theirs.push(await timed(() => exceljsStreaming(spec, b), 'exceljs'));
      theirs6.push(await timed(() => exceljsStreaming(spec, path.join(dir, `exceljs6-${i}.xlsx`), 6)));
      oursKb = (await fsp.stat(a)).size / 1024;
      theirsKb = (await fsp.stat(b)).size / 1024;
    }
    const o = median(ours);
    const t = median(theirs);
    console.log(`10,000 items (${spec.rows.length} rows), in one process, medians of ${RUNS} runs taken in turn:`);
    console.log(`  build (plan JSON → parse, layout, check, write .xlsx)    ${o.toFixed(0).padStart(6)} ms   ${oursKb.toFixed(0)} KB`);
    console.log(`  exceljs streaming writer, same cells from the spec       ${t.toFixed(0).padStart(6)} ms   ${theirsKb.toFixed(0)} KB`);
    const w = median(writeOnly);
    const t6 = median(theirs6);
    console.log(`  exceljs streaming writer at zlib level 6 (ours; its default is 1)  ${t6.toFixed(0).padStart(6)} ms`);
    console.log(`  write step alone (streamWrite.ts), same spec             ${w.toFixed(0).padStart(6)} ms`);
    console.log(`  ratio build / exceljs streaming writer                   ${(o / t).toFixed(2)} × (target ≤ 1.3 ×)`);
    console.log(`  ratio build / exceljs streaming writer at level 6        ${(o / t6).toFixed(2)} ×`);
    console.log(`  ratio write step / exceljs streaming writer              ${(w / t).toFixed(2)} ×`);
    // Wall time on a shared machine follows the load; CPU time (every thread) says how much work each does.
    const cb = median(cpuMs.get('build')!);
    const ce = median(cpuMs.get('exceljs')!);
    console.log(`  CPU time, every thread: build ${cb.toFixed(0)} ms, exceljs streaming writer ${ce.toFixed(0)} ms (${(cb / ce).toFixed(2)} ×)`);

    const planFile = path.join(dir, 'lon.plan.json');
    await fsp.writeFile(planFile, JSON.stringify(planToJson(bigPlan(100_000, 50, smallAmount).plan)));
    const cli = `require(${JSON.stringify(path.join(__dirname, '..', 'src', 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
    const big = await child(cli, ['build', 'lon.plan.json', '-o', 'lon.xlsx'], dir);
    const size = (await fsp.stat(path.join(dir, 'lon.xlsx')).catch(() => ({ size: 0 }))).size;
    console.log(`danh-muc build, 100,000 items in 2,000 groups, own process: exit ${big.code}, ${(big.ms / 1000).toFixed(1)} s, ` +
      `peak RSS ${big.maxRssMb} MB (target ≤ 500 MB), xlsx ${(size / 1e6).toFixed(1)} MB` + (big.err ? `; stderr: ${big.err.split('\n')[0]}` : ''));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
