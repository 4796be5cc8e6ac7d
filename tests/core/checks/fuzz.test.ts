/**
 * Fuzzing the sheet reader and checker (issue 6): at least 10,000 generated hostile grids per run through
 * checkGrid — each yields findings or one clean UNREADABLE_TABLE, none throws.
 */
import fc from 'fast-check';
import { FINDING_CODES } from '../../../src/core/checks/findings';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { hostileGrid } from '../../helpers/gridArbitrary';

export const FUZZ_RUNS = 10_000;

/** Freezes a grid deeply: checking must not write to what it checks (a write would throw in strict mode). */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

describe('fuzz: checkGrid on hostile grids', () => {
  it(`never throws, never writes to the grid; yields well-formed findings or one UNREADABLE_TABLE (${FUZZ_RUNS} grids)`, () => {
    let recognised = 0;
    let unreadable = 0;
    fc.assert(
      fc.property(hostileGrid, (grid) => {
        const r = checkGrid(deepFreeze(grid));
        expect(Array.isArray(r.findings)).toBe(true);
        if (!r.recognized) {
          unreadable++;
          expect(r.findings).toHaveLength(1);
          expect(r.findings[0].code).toBe('UNREADABLE_TABLE');
          expect(r.findings[0].message).toMatch(/TT/);
        } else {
          recognised++;
          expect(r.findings.some((f) => f.code === 'UNREADABLE_TABLE')).toBe(false);
        }
        for (const f of r.findings) {
          expect(FINDING_CODES[f.code]).toBe(f.severity);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.message).toBe(f.message.normalize('NFC'));
          if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          // A finding points at a cell of the sheet, never outside it.
          if (f.row !== undefined) {
            expect(f.row).toBeGreaterThanOrEqual(0);
            expect(f.row).toBeLessThan(grid.cells.length);
          }
          if (f.col !== undefined) {
            expect(f.col).toBeGreaterThanOrEqual(0);
            expect(f.col).toBeLessThan(Math.max(0, ...grid.cells.map((r) => (Array.isArray(r) ? r.length : 0))));
          }
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    // The generator must exercise both outcomes, or the property proves little.
    expect(recognised).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(unreadable).toBeGreaterThan(FUZZ_RUNS / 10);
  });
});
