/**
 * Root causes over generated layouts (issue 10, point 8; tests/helpers/layoutGen.ts): workbooks rendered from the
 * five seeds' tables under random layout transformations. Prints sheets tried, false errors on clean workbooks and
 * misses (an injected error not named first where it is identifiable, or no error at all) — both must be 0 — and
 * the first few failures with the case that reproduces them.
 */
import fc from 'fast-check';
import { genBook } from '../tests/helpers/layoutGen';
import { cleanErrors, injected } from '../tests/helpers/layoutProps';

export async function run(): Promise<void> {
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
