/** geometry: the rows a total formula adds (DOUBLE_COUNT) as merged spans equal a bitmap over the sheet's rows. */
import fc from 'fast-check';
import { rowsIn } from '../../../src/core/read/geometry';

describe('rowsIn', () => {
  it('answers as a bitmap of the references\' rows within [0, n] would, for any row', () => {
    const ref = fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }))
      .map(([a, b]) => ({ r0: Math.min(a, b), r1: Math.max(a, b), c0: 0, c1: 0 }));
    fc.assert(fc.property(fc.array(ref, { maxLength: 8 }), fc.integer({ min: 0, max: 30 }), (refs, n) => {
      const mark = new Uint8Array(n + 1);
      for (const x of refs) for (let r = Math.max(0, x.r0); r <= Math.min(n, x.r1); r++) mark[r] = 1;
      const inRefs = rowsIn(refs, n);
      for (let r = -5; r <= 45; r++) expect([r, inRefs(r)]).toEqual([r, r >= 0 && r <= n && mark[r] === 1]);
    }), { numRuns: 1000, seed: 1217 });
  });
});
