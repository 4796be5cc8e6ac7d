/**
 * Items read from a sheet keep their amounts in a compact store (src/core/read/itemAmounts.ts) and make them on
 * each read of `amounts`; their totals are computed again when asked for. Whatever reads them must see exactly what
 * an ordinary item holding the same amounts shows: the same Decs (sign, exponent, digit words), the same records in
 * the same order, copies and JSON with their amounts, the same totals for every node.
 */
import fc from 'fast-check';
import { Dec, decOfDouble } from '../../../src/core/base/decimal';
import { emptyRecord } from '../../../src/core/base/record';
import { layoutPlan } from '../../../src/core/layout/layout';
import type { Item, Plan, PlanNode, RowAmounts } from '../../../src/core/plan/model';
import { AMOUNTS_ON_DEMAND } from '../../../src/core/plan/model';
import { computeTotals } from '../../../src/core/plan/totals';
import { ItemAmounts } from '../../../src/core/read/itemAmounts';
import { recognizeTable } from '../../../src/core/read/recognize';
import type { AmountCol } from '../../../src/core/read/state';
import { basePlan, group, item } from '../../helpers/fixtures';
import { gridOfSpec } from '../../helpers/gridOf';

/** Sign, exponent and digit words of every Dec of a row, with the records' key order. */
function rep(a: RowAmounts): string {
  const d = (x: Dec | undefined) => (x === undefined ? '-' : `${x.s}|${x.e}|${String(x.d)}`);
  const rec = (r: Record<string | number, Dec> | undefined) => (r ? Object.keys(r).map((k) => `${k}=${d(r[k as never])}`).join(',') : '-');
  return `y[${rec(a.years)}] s[${rec(a.sources)}] t=${d(a.total)} ti=${d(a.totalInvestment)} an=${d(a.annual)}`;
}

const COLS: AmountCol[] = [
  { col: 3, key: 'total', put: (a, v) => { a.total = v; } },
  ...[2021, 2022, 2023].map((y, i): AmountCol => ({ col: 4 + i, key: `year:${y}`, put: (a, v) => { a.years[y] = v; } })),
  ...['NSTW', '__proto__', 'NSĐP'].map((code, i): AmountCol => ({ col: 7 + i, key: `source:${code}`, put: (a, v) => { a.sources[code] = v; } })),
  { col: 10, key: 'annual', put: (a, v) => { a.annual = v; } },
];

/** Amounts a cell gives: short decimals, doubles, whole, zero and -0, and Decs the store keeps as they are. */
const amount = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(decOfDouble),
  fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => new Dec(`${n}e-${k}`)),
  fc.constantFrom('0', '-0', '1e-120', '12345678901234567', '-0.1234567890123456789', '1e20', '99999999999999.9').map((t) => new Dec(t)),
);

describe('the compact store', () => {
  it('gives back each row as the reader would have built it: same Decs, same records, same key order', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.option(amount, { nil: undefined }), { minLength: COLS.length, maxLength: COLS.length }), { minLength: 1, maxLength: 40 }), (rows) => {
      // room for fewer rows than given: the store grows
      const store = new ItemAmounts(COLS, 3);
      const direct: RowAmounts[] = [];
      for (const vals of rows) {
        const at = store.newRow();
        const a: RowAmounts = { years: emptyRecord<Dec>(), sources: emptyRecord<Dec>(), total: undefined };
        vals.forEach((v, k) => {
          if (v === undefined) return;
          store.set(at, k, v);
          COLS[k].put(a, v);
        });
        direct.push(a);
      }
      // in order, backwards, and each twice
      const order = [...rows.keys(), ...[...rows.keys()].reverse()];
      for (const i of order) expect(rep(store.amounts(i))).toBe(rep(direct[i]));
      for (const i of rows.keys()) expect(store.amounts(i)).toEqual(direct[i]);
    }), { numRuns: 300 });
  });

  it('the row asked for last is the same object; any other is made afresh', () => {
    const store = new ItemAmounts(COLS, 2);
    const a = store.newRow();
    const b = store.newRow();
    store.set(a, 1, new Dec('1.5'));
    store.set(b, 1, new Dec('2.5'));
    const first = store.amounts(a);
    expect(store.amounts(a)).toBe(first);
    expect(store.amounts(b).years[2021].toFixed()).toBe('2.5');
    const again = store.amounts(a);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

/** A plan read back from the appendix this add-in lays out for `plan`. */
function readBack(plan: Plan): Plan {
  const r = recognizeTable(gridOfSpec(layoutPlan(plan)));
  if (!r.ok) throw new Error(r.finding.message);
  return r.plan;
}

/** The same plan with ordinary items: copies, whose amounts are data. */
function ordinary(nodes: PlanNode[]): PlanNode[] {
  return nodes.map((n) => (n.kind === 'group'
    ? { ...n, children: ordinary(n.children) }
    : { ...n, ...(n.children ? { children: ordinary(n.children) as Item[] } : {}) }));
}

function leaves(nodes: PlanNode[], out: PlanNode[] = []): PlanNode[] {
  for (const n of nodes) {
    out.push(n);
    if (n.children) leaves(n.children, out);
  }
  return out;
}

describe('items read from a sheet', () => {
  const source = basePlan([
    group('I', 'Nhóm một', [
      item('1', 'Dự án một', { 2021: '1.5', 2022: 2, 2023: '0.125' }, 'NSTW'),
      item('2', 'Dự án hai', { 2021: 0, 2024: '12345678.901' }, 'NSĐP'),
      { ...item('3', 'Dự án ba', {}, 'NSTW'), children: [item('3.1', 'Hạng mục a', { 2022: 7 }, 'NSTW'), item('3.2', 'Hạng mục b', { 2025: '-0.5' }, 'NSTW')] },
    ]),
    group('II', 'Nhóm hai', [item('1', 'Dự án bốn', { 2023: 1000 }, 'NSĐP')]),
  ]);
  const read = readBack(source);
  const items = leaves(read.nodes).filter((n): n is Item => n.kind === 'item');

  it('are marked, and show their amounts to copies, JSON and deep equality as ordinary items do', () => {
    expect(items.length).toBe(6);
    for (const it of items) {
      expect(it[AMOUNTS_ON_DEMAND]).toBe(true);
      expect(Object.keys(it)).toContain('amounts');
      expect(Object.keys(it)).not.toEqual(expect.arrayContaining(['store']));
      expect(Object.keys(it)).not.toEqual(expect.arrayContaining(['at']));
      const copy = { ...it };
      expect(copy[AMOUNTS_ON_DEMAND]).toBeUndefined();
      expect(rep(copy.amounts)).toBe(rep(it.amounts));
      expect(JSON.parse(JSON.stringify(it)).amounts).toEqual(JSON.parse(JSON.stringify(copy.amounts)));
      expect(it).toEqual(copy);
    }
    const byName = new Map(items.map((it) => [it.name, it]));
    expect(rep(byName.get('Dự án một')!.amounts)).toContain(`2023=1|-1|${1250000}`);
    expect(byName.get('Hạng mục b')!.amounts.years[2025].toFixed()).toBe('-0.5');
  });

  it('have the totals an ordinary copy has, for every node, in any order of asking', () => {
    const plain: Plan = { ...read, nodes: ordinary(read.nodes) };
    const t = computeTotals(read);
    const u = computeTotals(plain);
    const a = leaves(read.nodes);
    const b = leaves(plain.nodes);
    expect(JSON.stringify(t.grand)).toBe(JSON.stringify(u.grand));
    for (const order of [[...a.keys()], [...a.keys()].reverse(), [...a.keys(), ...a.keys()]]) {
      for (const i of order) expect(JSON.stringify(t.rowOf(a[i]))).toBe(JSON.stringify(u.rowOf(b[i])));
    }
    expect(() => t.rowOf(b[1])).toThrow();
  });
});
