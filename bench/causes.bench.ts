/**
 * Root causes over generated layouts (issue 10, point 8; tests/helpers/layoutGen.ts, a partial generator):
 * sheets tried, false errors on clean sheets, and misses (an injected error not named first) — both must be 0.
 */
import fc from 'fast-check';
import { checkGrid } from '../src/core/checks/sheetCheck';
import { amountAt, genSheet, withAmount } from '../tests/helpers/layoutGen';
import { bigGrid } from '../tests/helpers/bigGrid';

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
  const n = 5000;
  let falseErrors = 0;
  let misses = 0;
  const t0 = process.hrtime.bigint();
  const cases = fc.sample(fc.tuple(genSheet, fc.nat(), fc.integer({ min: 1, max: 9999 })), { numRuns: n, seed: 2026 });
  for (const [s, pick, delta] of cases) {
    if (checkGrid(s.grid).findings.some((f) => f.severity === 'error')) falseErrors++;
    const addr = s.amountCells[pick % s.amountCells.length];
    const errors = checkGrid(withAmount(s.grid, addr, amountAt(s.grid, addr) + delta)).findings.filter((f) => f.severity === 'error');
    if (errors[0]?.cell !== addr) misses++;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`generated layouts: ${n} clean + ${n} with one injected error in ${ms.toFixed(0)} ms: ${falseErrors} false errors, ${misses} misses`);
}
