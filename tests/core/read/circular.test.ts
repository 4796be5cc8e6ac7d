/**
 * circularRefs (FORMULA_ERROR for rings of formulas) against the definition: a formula cell of an amount column,
 * in the body, is in a ring when following the formula cells its references cover leads back to it.
 */
import fc from 'fast-check';
import { a1 } from '../../../src/core/base/a1';
import { PACKAGE } from '../../../src/core/base/limits';
import type { GridCell } from '../../../src/core/base/grid';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { newAmountCells } from '../../../src/core/read/amountCells';
import { circularRefs } from '../../../src/core/read/circular';
import { patternRefs } from '../../../src/core/read/formulaRefs';
import { READ_MESSAGES as M } from '../../../src/core/read/messages';
import { newState } from '../../../src/core/read/state';
import { layoutGrid } from '../../helpers/layoutGrid';
import { at, socTrang2125, withCell } from '../../helpers/seedSheets';

const SHEET = 'Phụ lục';
const ROWS = 7;
const COLS = 6;

/** The rings by the definition: every formula cell that reaches itself, in row then column order. */
function ringsByDefinition(cells: (GridCell | null)[][], amountCols: number[], bodyStart: number): string[] {
  const isNode = (r: number, c: number) => r >= bodyStart && r < cells.length && amountCols.includes(c) && !!cells[r][c]?.formula;
  const next = (r: number, c: number): [number, number][] => {
    const out: [number, number][] = [];
    for (const x of patternRefs(cells[r][c]!.formula!)) {
      if (x.sheet !== undefined && x.sheet !== SHEET) continue;
      for (let rr = x.r0; rr <= x.r1; rr++) for (let cc = x.c0; cc <= x.c1; cc++) if (isNode(rr, cc)) out.push([rr, cc]);
    }
    return out;
  };
  const out: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < COLS; c++) {
      if (!isNode(r, c)) continue;
      const seen = new Set<string>();
      const todo = next(r, c);
      let back = false;
      while (todo.length > 0 && !back) {
        const [rr, cc] = todo.pop()!;
        if (rr === r && cc === c) back = true;
        else if (!seen.has(`${rr},${cc}`)) {
          seen.add(`${rr},${cc}`);
          todo.push(...next(rr, cc));
        }
      }
      if (back) out.push(a1(r, c));
    }
  }
  return out;
}

const col = fc.integer({ min: 0, max: COLS });
const row = fc.integer({ min: 1, max: ROWS + 1 });
const L = (c: number) => String.fromCharCode(65 + c);
const ref = fc.tuple(col, row, fc.boolean()).map(([c, r, abs]) => (abs ? `$${L(c)}$${r}` : `${L(c)}${r}`));
const part = fc.oneof(
  { weight: 5, arbitrary: ref },
  { weight: 3, arbitrary: fc.tuple(ref, ref).map(([p, q]) => `SUM(${p}:${q})`) },
  { weight: 1, arbitrary: fc.tuple(ref, ref).map(([p, q]) => `SUBTOTAL(9,${p}:${q})`) },
  { weight: 1, arbitrary: ref.map((x) => `'Khác'!${x}`) },
  { weight: 1, arbitrary: ref.map((x) => `'${SHEET}'!${x}`) },
  { weight: 1, arbitrary: ref.map((x) => `LEN("${x}")+LOG10(2)`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map(String) },
);
const formula = fc.array(part, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('+'));
const cell: fc.Arbitrary<GridCell | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant({ value: 5 }) },
  { weight: 4, arbitrary: formula.map((f) => ({ value: 0, formula: f })) },
);
const sheet = fc.record({
  cells: fc.array(fc.array(cell, { minLength: COLS, maxLength: COLS }), { minLength: 1, maxLength: ROWS }),
  amountCols: fc.uniqueArray(fc.integer({ min: 0, max: COLS - 1 }), { minLength: 1, maxLength: 4 }),
  twice: fc.boolean(),
  bodyStart: fc.integer({ min: 0, max: 2 }),
  release: fc.boolean(),
});

describe('circularRefs', () => {
  it('reports exactly the formula cells in a ring, each once, in row then column order, on random small sheets', () => {
    fc.assert(fc.property(sheet, (t) => {
      const expected = ringsByDefinition(t.cells, t.amountCols, t.bodyStart);
      const s = newState({ sheet: SHEET, cells: t.cells.map((r) => [...r]), merges: [] }, { release: t.release });
      // An amount column listed twice (two roles on one column) is still one cell.
      const cols = t.twice ? [...t.amountCols, t.amountCols[0]] : t.amountCols;
      s.amountCols = cols.map((c) => ({ col: c, key: 'total', put: () => undefined }));
      s.amountCells = newAmountCells(t.bodyStart, t.cells.length);
      circularRefs(s, t.bodyStart);
      expect(s.findings.map((f) => f.cell)).toEqual(expected);
      for (const f of s.findings) {
        const formulaText = t.cells[f.row!][f.col!]!.formula!;
        expect(f).toMatchObject({ code: 'FORMULA_ERROR', sheet: SHEET, actual: `=${formulaText}`, message: M.circular(formulaText, f.cell!) });
      }
    }), { numRuns: 1500, seed: 1216 });
  });

  it('finds a ring on the last row of a sheet as long as the reader accepts (PACKAGE.maxSheetRows), laid out as ours', () => {
    // Per item: K = SUM(F:J), three sources = K; per 50 items a group row of SUBTOTALs over them: ~14 steps an item.
    const rows: (GridCell | null)[][] = [];
    const n = PACKAGE.maxSheetRows - 1;
    let first = 0;
    for (let r = 0; r < n; r++) {
      const x = r + 1;
      if (r % 51 === 0) {
        first = x + 1;
        const last = Math.min(x + 50, n);
        rows.push([null, ...['K', 'L', 'M', 'N'].map((c) => ({ value: 0, formula: `SUBTOTAL(9,${c}${first}:${c}${last})` }))]);
      } else rows.push([null, { value: 0, formula: `SUM(F${x}:J${x})` }, ...[0, 1, 2].map(() => ({ value: 0, formula: `K${x}` }))]);
    }
    // the last item's total also reads its first source, which reads the total: a ring of two cells
    rows[n - 1][1] = { value: 0, formula: `SUM(F${n}:J${n})+L${n}` };
    // the columns are K..N, here at 1..4 of each row (K is column 10): shift them into place
    const cells = rows.map((r) => [...new Array<GridCell | null>(9).fill(null), ...r]);
    const s = newState({ sheet: SHEET, cells, merges: [] }, { release: true });
    s.amountCols = [10, 11, 12, 13].map((c) => ({ col: c, key: 'total', put: () => undefined }));
    s.amountCells = newAmountCells(0, cells.length);
    circularRefs(s, 0);
    expect(s.findings.map((f) => f.cell)).toEqual([`K${n}`, `L${n}`]);
  });

  it('a ring entered through a cell already finished is reported whole (a depth-first walk alone missed its last cell)', () => {
    let l = socTrang2125({ formulas: true });
    const g = at(l, 'I', '2021');
    const i1 = at(l, 'I.1', '2021');
    const i2 = at(l, 'I.2', '2021');
    // g reads i1 and i2; i1 reads g; i2 reads i1: g → i2 → i1 → g is a ring, as is g → i1 → g.
    l = withCell(l, g, { f: `${i1}+${i2}`, v: 1 });
    l = withCell(l, i1, { f: g, v: 1 });
    l = withCell(l, i2, { f: i1, v: 1 });
    const rings = checkGrid(layoutGrid(l)).findings.filter((f) => f.code === 'FORMULA_ERROR').map((f) => f.cell);
    expect(rings).toEqual([g, i1, i2]);
  });
});
