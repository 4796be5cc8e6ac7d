/**
 * Root causes over generated layouts (issue 10, point 8; tests/helpers/layoutGen.ts, a partial generator):
 * sheets tried, false errors on clean sheets, and misses (an injected error not named first) — both must be 0.
 */
import fc from 'fast-check';
import { checkGrid } from '../src/core/checks/sheetCheck';
import { amountAt, genSheet, withAmount } from '../tests/helpers/layoutGen';

export async function run(): Promise<void> {
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
