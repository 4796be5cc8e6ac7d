/**
 * Start-up benchmark (issue 12): whole-process `danh-muc check` of the 22-item sample (Sóc Trăng 2021-2025, built
 * by `danh-muc build`) against `node -e 0`, runs taken in turn, medians and their ratio (target: ≤ 3 ×). Also what
 * requiring exceljs costs whole and as the in-memory workbook alone (src/xlsx/exceljsLite.ts), and `words`.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'danh-muc.js');
const RUNS = 15;

function timeRun(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${String(r.stderr)}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'danh-muc-startup-'));
  try {
    const file = path.join(dir, 'soc-trang.xlsx');
    const b = spawnSync(process.execPath, [BIN, 'build', path.join(ROOT, 'samples', 'soc-trang-2021-2025.plan.json'), '-o', file], { cwd: ROOT });
    if (b.status !== 0) throw new Error(`build: ${String(b.stderr)}`);
    const cases: [string, string[]][] = [
      ['node -e 0', ['-e', '0']],
      ['danh-muc check (22 items)', [BIN, 'check', file]],
      ['danh-muc words 1234567', [BIN, 'words', '1234567']],
      ["require('exceljs')", ['-e', "require('exceljs')"]],
      ['require exceljsLite', ['-e', `require(${JSON.stringify(path.join(ROOT, 'build', 'src', 'xlsx', 'exceljsLite.js'))})`]],
    ];
    const times = cases.map((): number[] => []);
    for (const [, args] of cases) timeRun(args); // warm the file cache
    for (let i = 0; i < RUNS; i++) cases.forEach(([, args], k) => times[k].push(timeRun(args)));
    const base = median(times[0]);
    cases.forEach(([name], k) => {
      const m = median(times[k]);
      console.log(`${name.padEnd(28)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(2)} × node -e 0`);
    });
    console.log(`check of the sample: ${(median(times[1]) / base).toFixed(2)} × node -e 0 (target ≤ 3 ×), medians of ${RUNS} runs taken in turn`);
    // what the check command loads from node_modules (the streaming reader needs no exceljs)
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(ROOT, 'build', 'src', 'cli', 'commands', 'check.js'))});` +
      "console.log([...new Set(Object.keys(require.cache).filter((k) => k.includes('node_modules')).map((k) => k.split('node_modules/')[1].split('/')[0]))].join(', '))"], { cwd: ROOT });
    console.log(`packages loaded by check: ${String(probe.stdout).trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
