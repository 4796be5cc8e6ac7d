/**
 * Root causes over generated layouts (issue 10, point 8; tests/helpers/layoutGen.ts): workbooks rendered from the
 * five seeds' tables under random layout transformations. Prints sheets tried, false errors on clean workbooks and
 * misses (an injected error not named first where it is identifiable, or no error at all) — both must be 0 — and
 * the first few failures with the case that reproduces them.
 */
import fc from 'fast-check';
import { checkGrid } from '../src/core/checks/sheetCheck';
import { bigGrid } from '../tests/helpers/bigGrid';
import { genBook } from '../tests/helpers/layoutGen';
import { cleanErrors, injected } from '../tests/helpers/layoutProps';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** 10,000 items checked clean, then with one wrong item year: the cost of naming the cause (target ≤ 1.3 × clean). */
export function tenThousand(): void {
  const grid = bigGrid();
  const cell = grid.cells[5][4]!; // E6: item I.1, year 2022
  const good = cell.value as number;
  const clean: number[] = [];
  const wrong: number[] = [];
  let first = '';
  for (let i = 0; i < 7; i++) {
    cell.value = good;
    let t0 = process.hrtime.bigint();
    checkGrid(grid);
    clean.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cell.value = good + 700;
    t0 = process.hrtime.bigint();
    const errs = checkGrid(grid).findings.filter((f) => f.severity === 'error');
    wrong.push(Number(process.hrtime.bigint() - t0) / 1e6);
    first = `${errs[0]?.code}@${errs[0]?.cell}, ${errs.filter((f) => f.causedBy === 'E6').length} caused by it`;
  }
  cell.value = good;
  const c = median(clean);
  const w = median(wrong);
  console.log(`10.000 dự án, checkGrid (medians of 7): clean ${c.toFixed(0)} ms, one wrong cell ${w.toFixed(0)} ms = ${(w / c).toFixed(2)} × clean (target ≤ 1.3); first error ${first}`);
}

export async function run(): Promise<void> {
  tenThousand();
  const n = Number(process.env.LAYOUT_RUNS ?? 5000);
  let falseErrors = 0;
  let misses = 0;
  let identifiable = 0;
  const shown: string[] = [];
  const t0 = process.hrtime.bigint();
  const cases = fc.sample(fc.tuple(genBook, fc.nat(), fc.integer({ min: 1, max: 9999 })), { numRuns: n, seed: Number(process.env.LAYOUT_SEED ?? 2026) });
  for (const [c, pick, delta] of cases) {
    const clean = cleanErrors(c.book);
    if (clean.length > 0) {
      falseErrors++;
      if (shown.length < 12) shown.push(`false ${clean.slice(0, 3).join(' ')} ${JSON.stringify({ plan: c.plan.from, opts: c.opts })}`);
      continue;
    }
    const r = injected(c.book, pick, delta);
    if (r.identifiable === 'unique') identifiable++;
    if (r.problem) {
      misses++;
      if (shown.length < 12) shown.push(`miss ${r.problem} pick=${pick} delta=${delta} ${JSON.stringify({ plan: c.plan.from, opts: c.opts })}`);
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  for (const s of shown) console.log(s);
  console.log(`generated layouts: ${n} workbooks clean + ${n} with one injected error (${identifiable} identifiable) in ${ms.toFixed(0)} ms: ${falseErrors} false errors, ${misses} misses`);
}
