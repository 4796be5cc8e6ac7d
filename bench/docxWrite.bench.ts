/**
 * Word export benchmark (issue 13, point 4): writeDocx of the 10,000-item plan (100 groups × 100, 5 years, 3
 * sources) from the ready SheetSpec, runs taken in turn, median wall time, the .docx size and the process's peak RSS.
 * Figures only, no target asserted.
 */
import { buildAppendix } from '../src/app/build';
import { writeDocx } from '../src/docx/writeDocx';
import { bigPlan } from '../tests/helpers/bigPlan';

const RUNS = 3;

export async function run(): Promise<void> {
  const spec = buildAppendix(bigPlan(10_000, 100).plan, { words: true }).spec;
  const times: number[] = [];
  let bytes = 0;
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = await writeDocx([spec]);
    times.push(performance.now() - t0);
    bytes = out.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`writeDocx, 10,000 items (${spec.rows.length} rows): median ${(median / 1000).toFixed(2)} s `
    + `(runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s), ${(bytes / 1e6).toFixed(2)} MB, peak RSS ${Math.round(peak / 1e6)} MB`);
}
