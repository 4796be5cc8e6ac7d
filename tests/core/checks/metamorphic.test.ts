/**
 * Metamorphic checks over generated layouts (issue 10, point 8; tests/helpers/layoutGen.ts): workbooks rendered
 * from the five seeds' tables under random layout transformations. A clean workbook gives no error finding on any
 * sheet; one typed amount cell changed (formulas recalculated) is named first with every other sum error caused by
 * it, whenever no other cell would break exactly the same sums (tests/helpers/layoutProps.ts). Fixed seeds: the
 * runs are the same on every machine; a failure is shrunk by fast-check and printed as its plan and layout. Each
 * failure the generator found is kept in layoutGen.fixtures.json and asserted exactly. A larger run:
 * bench/causes.bench.ts.
 */
import fc from 'fast-check';
import { genBook, planOf, type LayoutOpts, type SEEDS } from '../../helpers/layoutGen';
import { inject, renderBook } from '../../helpers/layoutRender';
import { cleanErrors, errorsOf, injected } from '../../helpers/layoutProps';
import { viaXlsx } from '../../helpers/layoutXlsx';
import FIXTURES from './layoutGen.fixtures.json';

const show = (c: { plan: { from?: unknown }; opts: LayoutOpts }): string => JSON.stringify({ plan: c.plan.from, opts: c.opts });

describe('generated layouts', () => {
  it('clean workbooks give no error, and one injected error is named first (1,200 workbooks: 2,400 generated sheets checked)', () => {
    fc.assert(fc.property(genBook, fc.nat(), fc.integer({ min: 1, max: 9999 }), (c, pick, delta) => {
      expect({ errors: cleanErrors(c.book), layout: show(c) }).toEqual({ errors: [], layout: show(c) });
      const r = injected(c.book, pick, delta);
      expect({ problem: r.problem, layout: show(c) }).toEqual({ problem: undefined, layout: show(c) });
    }), { numRuns: 1200, seed: 10 });
  });

  it('the same through an .xlsx written by exceljs and read back by readGrid (hidden columns, formulas, merges)', async () => {
    await fc.assert(fc.asyncProperty(genBook, fc.nat(), fc.integer({ min: 1, max: 9999 }), async (c, pick, delta) => {
      const hidden = { sheet: c.book.main, cols: c.book.hiddenCols };
      expect(errorsOf(await viaXlsx(c.book.grids, hidden), c.book.main).all).toEqual([]);
      const r = injected(c.book, pick, delta);
      const grids = await viaXlsx(inject(c.book, r.addr, c.book.cells.get(r.addr)!.base + delta * 1000), hidden);
      const read = errorsOf(grids, c.book.main).main.map((f) => `${f.code}@${f.cell}`);
      const direct = errorsOf(inject(c.book, r.addr, c.book.cells.get(r.addr)!.base + delta * 1000), c.book.main).main.map((f) => `${f.code}@${f.cell}`);
      expect(read).toEqual(direct);
    }), { numRuns: 30, seed: 11 });
  });

  it.each(FIXTURES.map((f) => [f.name, f] as const))('failure found by the generator, kept: %s', (_name, f) => {
    const book = renderBook(planOf(f.plan[0] as (typeof SEEDS)[number], f.plan[1] as number, f.plan[2] as boolean, f.plan[3] as number), f.opts as LayoutOpts);
    expect(cleanErrors(book)).toEqual([]);
    const grids = inject(book, f.inject.cell, book.cells.get(f.inject.cell)!.base + f.inject.plusTrieu * 1000);
    const errors = errorsOf(grids, book.main).main.map((e) => [e.code, e.cell, e.causedBy ?? null]);
    expect(errors).toEqual(f.errors);
  });
});
