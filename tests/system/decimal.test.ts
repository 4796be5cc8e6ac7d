/**
 * Decimal exactness across the real pipeline (issue 6): 10,000 items × 5 years of three-decimal amounts
 * (50,000 amounts) summed by the core equal a BigInt oracle exactly —
 *   1. computeTotals (grand, years, sources, "Trong đó", every group);
 *   2. the layout's formula results (what the writer caches and the tests of LibreOffice compare with);
 *   3. xlsx (exceljs) → readGrid → checkGrid: a consistent table gives no finding at all, and one amount
 *      moved by 0.001 gives exactly the findings it should, at its cells.
 * The LibreOffice leg is in engine.test.ts (one soffice run with the injection workbook).
 */
import { Dec } from '../../src/core/base/decimal';
import { layoutPlan } from '../../src/core/layout/layout';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { computeTotals } from '../../src/core/plan/totals';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { bigPlan, itemAt, milli, SOURCES, toMilli, YEARS, type BigPlan } from '../helpers/bigPlan';

const N = 10_000;
let big: BigPlan;
let spec: SheetSpec;

beforeAll(() => {
  big = bigPlan(N, 100);
  spec = layoutPlan(big.plan);
});

function colOf(s: SheetSpec, key: string): number {
  const c = s.columns.findIndex((x) => x.key === key);
  if (c < 0) throw new Error(`no column ${key}`);
  return c;
}

/** The exact value the layout gives a cell (number or formula result) in thousandths. */
function specMilli(s: SheetSpec, r: number, c: number): bigint {
  const cell = s.rows[r].cells[c];
  if (cell?.t === 'num') return toMilli(new Dec(cell.v));
  if (cell?.t === 'formula' && cell.result !== undefined) return toMilli(new Dec(cell.result));
  throw new Error(`no value at ${r},${c}: ${JSON.stringify(cell)}`);
}

describe(`${N.toLocaleString('en')} items × ${YEARS.length} years of three-decimal amounts`, () => {
  test('the generator really uses three decimals and magnitudes up to 10^7 triệu', () => {
    expect(itemAt(big.plan, 0).kind).toBe('item');
    const all = big.plan.nodes.flatMap((g) => (g.kind === 'group' ? g.children : [])).flatMap((i) => (i.kind === 'item' ? Object.values(i.amounts.years) : []));
    expect(all).toHaveLength(N * YEARS.length);
    expect(all.filter((d) => d.decimalPlaces() === 3).length).toBeGreaterThan(all.length * 0.8);
    expect(all.some((d) => d.gt(9_000_000))).toBe(true);
    // Binary floating point would get these wrong: a checker comparing float sums with === would flag items whose
    // years do add up to their total.
    let floatMismatches = 0;
    for (const g of big.plan.nodes) for (const it of g.kind === 'group' ? g.children : []) {
      if (it.kind !== 'item') continue;
      const f = Object.values(it.amounts.years).reduce((a, d) => a + d.toNumber(), 0);
      if (f !== it.amounts.sources[Object.keys(it.amounts.sources)[0]].toNumber()) floatMismatches++;
    }
    expect(floatMismatches).toBeGreaterThan(100);
  });

  test('computeTotals equals the BigInt oracle: grand, years, sources, breakdown, every group', () => {
    const t = computeTotals(big.plan);
    expect(toMilli(t.grand.total)).toBe(big.oracle.grand);
    YEARS.forEach((y, k) => expect([y, toMilli(t.byYear[y])]).toEqual([y, big.oracle.years[k]]));
    for (const s of SOURCES) {
      expect([s.code, toMilli(t.bySource[s.code])]).toEqual([s.code, big.oracle.sources.get(s.code)]);
      YEARS.forEach((y, k) => expect([s.code, y, toMilli(t.breakdown[s.code][y])]).toEqual([s.code, y, big.oracle.breakdown.get(s.code)![k]]));
    }
    expect(t.inexactSources.size).toBe(0);
    big.plan.nodes.forEach((g, i) => expect([g.tt, toMilli(t.rowOf(g).total)]).toEqual([g.tt, big.oracle.groups[i]]));
  });

  test('the layout’s cached formula results equal the oracle (groups, grand total, "Trong đó")', () => {
    const roles = spec.roles!;
    expect(roles.item).toHaveLength(N);
    expect(roles.group).toHaveLength(N / 100);
    const tot = roles.total[0];
    expect(specMilli(spec, tot, colOf(spec, 'total'))).toBe(big.oracle.grand);
    YEARS.forEach((y, k) => expect(specMilli(spec, tot, colOf(spec, `year:${y}`))).toBe(big.oracle.years[k]));
    for (const s of SOURCES) expect(specMilli(spec, tot, colOf(spec, `source:${s.code}`))).toBe(big.oracle.sources.get(s.code));
    roles.group.forEach((r, i) => expect(specMilli(spec, r, colOf(spec, 'total'))).toBe(big.oracle.groups[i]));
    const bd = roles.breakdown.slice(1);
    expect(bd).toHaveLength(SOURCES.length);
    SOURCES.forEach((s, j) => {
      YEARS.forEach((y, k) => expect(specMilli(spec, bd[j], colOf(spec, `year:${y}`))).toBe(big.oracle.breakdown.get(s.code)![k]));
      expect(specMilli(spec, bd[j], colOf(spec, 'total'))).toBe(big.oracle.sources.get(s.code));
    });
    expect(spec.styles.itemNum.numFmt).toBe('#,##0.000');
  });

  describe('xlsx → readGrid → checkGrid', () => {
    let bytes: Buffer;
    beforeAll(async () => {
      bytes = await writeSpecsToBuffer([spec]);
    });

    test('a consistent table: recognised whole, no finding at all, the grand total exact', async () => {
      const [grid] = await readWorkbookGrids(bytes);
      const r = checkGrid(grid);
      expect(r.recognized).toBe(true);
      expect(r.findings.map((f) => `${f.code}@${f.cell} ${f.message}`)).toEqual([]);
      expect(r.summary).toMatchObject({ items: N, groups: N / 100, errors: 0, warnings: 0, grandTotal: milli(big.oracle.grand) });
    });

    test('one amount moved by 0.001 is found, at its cells, with exact expected and actual', async () => {
      const [grid] = await readWorkbookGrids(bytes);
      const r0 = spec.roles!.item[7777];
      const c0 = colOf(spec, 'year:2023');
      const cell = grid.cells[r0][c0]!;
      const before = cell.value as number;
      // the edit an officer makes (cells are values: replaced); doubles hold it exactly here
      grid.cells[r0][c0] = { ...cell, value: new Dec(before).plus('0.001').toNumber() };
      const r = checkGrid(grid);
      const got = r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);
      // The item's total no longer adds up its years; its group's 2023 cell no longer sums its items, nor does the
      // "Trong đó" 2023 cell of the item's source. The grand total still sums the groups as stated: no GRAND_TOTAL.
      const g = spec.roles!.group[77];
      const bdRow = spec.roles!.breakdown[1 + (7777 % SOURCES.length)];
      const A = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
      // The edited year cell is named first as the root cause (one value there repairs every broken sum); the
      // item's total, the group's 2023 cell and the "Trong đó" 2023 cell follow from it (causedBy).
      expect(got).toEqual([
        `ROW_YEARS_SUM@${A(r0, c0)}`,
        ...[
          `GROUP_SUBTOTAL@${A(g, c0)}`,
          `ROW_YEARS_SUM@${A(r0, colOf(spec, 'total'))}`,
          `BREAKDOWN@${A(bdRow, c0)}`,
        ].sort((a, b) => got.indexOf(a) - got.indexOf(b)),
      ]);
      expect(got).toHaveLength(4);
      for (const f of r.findings.filter((x) => x.severity === 'error').slice(1)) expect(f.causedBy).toBe(A(r0, c0));
      const row = r.findings.find((f) => f.code === 'ROW_YEARS_SUM' && f.cell === A(r0, colOf(spec, 'total')))!;
      const yearsSum = Object.values(itemAt(big.plan, 7777).amounts.years).reduce((a, d) => a.plus(d), new Dec(0));
      expect([row.expected, row.actual].sort()).toEqual([yearsSum.toFixed(), yearsSum.plus('0.001').toFixed()].sort());
    });
  });
});
