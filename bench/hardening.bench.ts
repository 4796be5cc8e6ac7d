/**
 * Hardening figures (issue 6), side by side:
 *  1. fuzzing: hostile grids (tests/reader/gridArbitrary.ts, fast-check) through checkGrid — cases per second,
 *     how many were recognised, how many were a clean UNREADABLE_TABLE, how many threw (must be 0);
 *  2. scale: 100,000 item rows (1,000 groups × 100 items, 5 years, 3 sources, three-decimal amounts), each step in its
 *     own Node process so its peak memory (maxRSS) is its own: plan JSON load + layout only, `danh-muc build`
 *     (plan JSON → xlsx), `danh-muc check` (xlsx → findings); wall time of each.
 * Runs the compiled CLI in build/ (npm run bench compiles it first).
 */
import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { planToJson } from '../src/core/plan/planJsonWrite';
import { checkGrid } from '../src/core/checks/sheetCheck';
import { hostileGrid } from '../tests/helpers/gridArbitrary';
import { bigPlan, smallAmount } from '../tests/helpers/bigPlan';

const FUZZ_CASES = 10_000;
const SCALE_ITEMS = 100_000;

function fuzz(): { cases: number; genMs: number; checkMs: number; recognised: number; unreadable: number; threw: number } {
  const t0 = performance.now();
  const grids = fc.sample(hostileGrid, { numRuns: FUZZ_CASES, seed: 20261123 });
  const t1 = performance.now();
  let recognised = 0;
  let unreadable = 0;
  let threw = 0;
  for (const g of grids) {
    try {
      const r = checkGrid(g);
      if (r.recognized) recognised++;
      else if (r.findings.length === 1 && r.findings[0].code === 'UNREADABLE_TABLE') unreadable++;
    } catch {
      threw++;
    }
  }
  const t2 = performance.now();
  return { cases: grids.length, genMs: t1 - t0, checkMs: t2 - t1, recognised, unreadable, threw };
}

interface Child { code: number | null; ms: number; maxRssMb: number; out: string; err: string }

const STATS = `const __s = process.env.H7_STATS; process.on('exit', () => require('fs').writeFileSync(__s, JSON.stringify(process.resourceUsage())));`;

function child(script: string, args: string[], cwd: string): Promise<Child> {
  const stats = path.join(cwd, `.stats-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', STATS + script, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, H7_STATS: stats } },
      (err, stdout, stderr) => {
        const ms = performance.now() - t0;
        fsp.readFile(stats, 'utf8').then((s) => JSON.parse(s).maxRSS as number, () => 0).then((kb) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, ms, maxRssMb: Math.round(kb / 1024), out: String(stdout), err: String(stderr) });
        });
      });
  });
}

export async function run(): Promise<void> {
  const f = fuzz();
  const rate = f.cases / (f.checkMs / 1000);
  console.log(`fuzz: ${f.cases} hostile grids through checkGrid in ${f.checkMs.toFixed(0)} ms = ${rate.toFixed(0)} cases/s ` +
    `(generation ${f.genMs.toFixed(0)} ms); recognised ${f.recognised}, UNREADABLE_TABLE ${f.unreadable}, threw ${f.threw}`);

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-hardening-bench-'));
  try {
    const built = path.join(__dirname, '..', 'src');
    const { plan } = bigPlan(SCALE_ITEMS, 100, smallAmount);
    const planFile = path.join(dir, 'lon.plan.json');
    await fsp.writeFile(planFile, JSON.stringify(planToJson(plan)));
    const size = (await fsp.stat(planFile)).size;

    const layoutOnly = await child(
      `const { planFromJsonText } = require(${JSON.stringify(path.join(built, 'app', 'planJson.js'))});
       const { layoutPlan } = require(${JSON.stringify(path.join(built, 'core', 'layout', 'layout.js'))});
       const spec = layoutPlan(planFromJsonText(require('fs').readFileSync(process.argv[1], 'utf8')));
       process.stdout.write(String(spec.rows.length));`,
      [planFile], dir);
    const cli = `require(${JSON.stringify(path.join(built, 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
    const build = await child(cli, ['build', 'lon.plan.json', '-o', 'phu-luc-lon.xlsx'], dir);
    const xlsx = (await fsp.stat(path.join(dir, 'phu-luc-lon.xlsx')).catch(() => ({ size: 0 }))).size;
    const check = await child(cli, ['check', 'phu-luc-lon.xlsx', '--json'], dir);
    let findings = '?';
    let items = '?';
    try {
      const j = JSON.parse(check.out) as { findings: unknown[]; summary: { sheets: { items: number }[] } };
      findings = String(j.findings.length);
      items = String(j.summary.sheets[0]?.items);
    } catch { /* shown below as '?' */ }

    console.log(`scale: ${SCALE_ITEMS.toLocaleString('vi-VN')} item rows (plan JSON ${(size / 1e6).toFixed(1)} MB, xlsx ${(xlsx / 1e6).toFixed(1)} MB), each step in its own process`);
    console.log('  step                          exit   time s   max RSS MB');
    const line = (name: string, c: Child) => console.log(`  ${name.padEnd(30)}${String(c.code).padStart(4)}   ${(c.ms / 1000).toFixed(1).padStart(6)}   ${String(c.maxRssMb).padStart(10)}`);
    line('plan JSON + layout only', layoutOnly);
    line('danh-muc build (→ xlsx)', build);
    line('danh-muc check (xlsx →)', check);
    console.log(`  layout rows ${layoutOnly.out}; check read ${items} items, ${findings} findings` +
      (build.err || check.err ? `; stderr: ${(build.err + check.err).split('\n')[0]}` : ''));
    console.log(`side by side: fuzz ${rate.toFixed(0)} cases/s (${f.cases} cases, ${f.threw} threw) | 100k build ${(build.ms / 1000).toFixed(1)} s, ` +
      `${build.maxRssMb} MB | 100k check ${(check.ms / 1000).toFixed(1)} s, ${check.maxRssMb} MB`);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
