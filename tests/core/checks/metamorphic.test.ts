/**
 * Metamorphic checks over generated layouts (tests/helpers/layoutGen.ts, a partial generator; a larger run is in
 * bench/causes.bench.ts): a clean sheet gives no error; one injected error gives that cell as the first error,
 * every other sum error caused by it.
 */
import fc from 'fast-check';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { amountAt, genSheet, withAmount } from '../../helpers/layoutGen';

const SUMS = new Set(['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN']);

describe('generated layouts', () => {
  it('clean: no error finding', () => {
    fc.assert(fc.property(genSheet, (s) => {
      const errors = checkGrid(s.grid).findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
    }), { numRuns: 150, seed: 10 });
  });

  it('one injected error: that cell first, the other sum errors caused by it', () => {
    fc.assert(fc.property(genSheet, fc.nat(), fc.integer({ min: 1, max: 9999 }), (s, pick, delta) => {
      const addr = s.amountCells[pick % s.amountCells.length];
      const grid = withAmount(s.grid, addr, amountAt(s.grid, addr) + delta);
      const errors = checkGrid(grid).findings.filter((f) => f.severity === 'error');
      expect(errors[0]?.cell).toBe(addr);
      for (const f of errors.slice(1)) if (SUMS.has(f.code)) expect(f.causedBy).toBe(addr);
    }), { numRuns: 250, seed: 10 });
  });
});
