import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import type { Group, Item, Plan, PlanNode } from '../../../src/core/plan/model';
import { computeTotals, headline, TotalsError, withTotalsOnce, type RowTotals } from '../../../src/core/plan/totals';
import { group, item, loadSample } from '../../helpers/planBuilders';

const s = (d: Dec | undefined): string | undefined => d?.toFixed();
const rec = (r: Record<string | number, Dec>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.toFixed()]));

describe('Sóc Trăng 2021-2025 (seed 000): every published figure', () => {
  const plan = loadSample('soc-trang-2021-2025');
  const t = computeTotals(plan);

  it('grand total 441.115', () => {
    expect(s(t.grand.total)).toBe('441115');
    expect(s(headline(plan, t).value)).toBe('441115');
  });
  it('years 55.331 / 131.571 / 126.571 / 98.571 / 29.071', () => {
    expect(rec(t.byYear)).toEqual({ 2021: '55331', 2022: '131571', 2023: '126571', 2024: '98571', 2025: '29071' });
  });
  it('sources NSĐP 60.355, NSTW 145.000, ĐTPT 235.760', () => {
    expect(rec(t.bySource)).toEqual({ 'NSĐP': '60355', NSTW: '145000', 'ĐTPT': '235760' });
  });
  it('"Trong đó": NSĐP 12.071 every year, NSTW and ĐTPT as published', () => {
    expect(rec(t.breakdown['NSĐP'])).toEqual({ 2021: '12071', 2022: '12071', 2023: '12071', 2024: '12071', 2025: '12071' });
    expect(rec(t.breakdown.NSTW)).toEqual({ 2021: '10000', 2022: '45000', 2023: '40000', 2024: '40000', 2025: '10000' });
    expect(rec(t.breakdown['ĐTPT'])).toEqual({ 2021: '33260', 2022: '74500', 2023: '74500', 2024: '46500', 2025: '7000' });
    expect(t.inexactSources.size).toBe(0);
  });
  it.each([
    ['I', ['7199', '8061', '8061', '8061', '8061'], { 'NSĐP': '39443' }],
    ['II', ['43260', '50000', '38000', '20000', '10000'], { NSTW: '85000', 'ĐTPT': '76260' }],
    ['III', ['1167', '44500', '50000', '40000', undefined], { 'NSĐP': '1167', 'ĐTPT': '134500' }],
    ['IV', ['2612', '27980', '29480', '29480', '9980'], { 'NSĐP': '14532', NSTW: '60000', 'ĐTPT': '25000' }],
    ['V', ['370', '300', '300', '300', '300'], { 'NSĐP': '1570' }],
    ['VI', ['723', '730', '730', '730', '730'], { 'NSĐP': '3643' }],
  ] as const)('group %s subtotals as published', (tt, years, sources) => {
    const r = t.rowOf(group(plan, tt));
    [2021, 2022, 2023, 2024, 2025].forEach((y, i) => expect(s(r.years[y])).toBe(years[i]));
    expect(rec(r.sources)).toEqual(sources);
  });
  it('item totals are the sum of their years (I.1 = 9.559, II.1 = 55.000)', () => {
    expect(s(t.rowOf(item(plan, 'I.1')).total)).toBe('9559');
    expect(s(t.rowOf(item(plan, 'II.1')).total)).toBe('55000');
  });
  it('counts 22 items in 6 groups; years 2021-2025', () => {
    expect(t.itemCount).toBe(22);
    expect(t.groupCount).toBe(6);
    expect(t.years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe('other seeds', () => {
  it('Sóc Trăng 2016-2020: group III adds to 1.200, grand 60.969; sources read from the source text', () => {
    const plan = loadSample('soc-trang-2016-2020');
    const t = computeTotals(plan);
    expect(s(t.rowOf(group(plan, 'III')).total)).toBe('1200');
    expect(s(t.grand.total)).toBe('60969');
    // I.1 "+ Vốn ĐTPT (Trung hạn) + Vốn sự nghiệp địa phương" names two sources: attributed to none.
    expect(rec(t.bySource)).toEqual({ 'NSĐP': '39833', NSTW: '2950', 'ĐTPT': '13976' });
  });
  it('Nghệ An: 28 items add to 570.960; 340.760 read as local budget', () => {
    const plan = loadSample('nghe-an-2021-2025');
    const t = computeTotals(plan);
    expect(s(t.grand.total)).toBe('570960');
    expect(t.itemCount).toBe(28);
    expect(t.groupCount).toBe(0);
    expect(s(t.bySource['NSĐP'])).toBe('340760');
  });
  it('Trà Vinh 2023: total investment 166.888,667 and this year 72.524, exactly', () => {
    const plan = loadSample('tra-vinh-2023');
    const t = computeTotals(plan);
    expect(s(t.grand.totalInvestment)).toBe('166888.667');
    expect(s(t.grand.annual)).toBe('72524');
    expect(headline(plan, t).field).toBe('totalInvestment');
  });
  it('Hậu Giang 2019: 4 + 1,8 = 5,8 tỷ', () => {
    const plan = loadSample('hau-giang-2019');
    const t = computeTotals(plan);
    expect(s(t.grand.totalInvestment)).toBe('5.8');
    expect(s(t.grand.annual)).toBe('4');
    expect(headline(plan, t)).toEqual({ field: 'totalInvestment', value: new Dec('5.8') });
  });
});

function mkItem(tt: string, amounts: Partial<Item['amounts']>, extra: Partial<Item> = {}): Item {
  return { kind: 'item', tt, name: `Dự án ${tt}`, amounts: { years: {}, sources: {}, ...amounts }, ...extra };
}
const d = (x: string): Dec => new Dec(x);
function mkPlan(nodes: PlanNode[]): Plan {
  return {
    meta: { title: 'Thử', unit: 'triệu đồng' },
    years: { from: 2021, to: 2022 },
    sources: [{ code: 'NSTW', label: 'Ngân sách trung ương' }, { code: 'NSĐP', label: 'Ngân sách địa phương' }],
    nodes,
  };
}

describe('rules', () => {
  it('item total: years, else sources, else stated total', () => {
    const a = mkItem('1', { years: { 2021: d('1.5'), 2022: d('2') }, total: d('99') });
    const b = mkItem('2', { sources: { NSTW: d('3'), 'NSĐP': d('4') } });
    const c = mkItem('3', { total: d('7.25') });
    const t = computeTotals(mkPlan([a, b, c]));
    expect(s(t.rowOf(a).total)).toBe('3.5');
    expect(s(t.rowOf(b).total)).toBe('7');
    expect(s(t.rowOf(c).total)).toBe('7.25');
    expect(s(t.grand.total)).toBe('17.75');
  });
  it('an item total that its years confirm is the stated Dec itself (one object, not two equal ones); any other is the sum', () => {
    const right = mkItem('1', { years: { 2021: d('1.5'), 2022: d('2') }, total: d('3.50') });
    const wrong = mkItem('2', { years: { 2021: d('1.5'), 2022: d('2') }, total: d('3.6') });
    const zero = mkItem('3', { years: { 2021: d('0') }, total: d('-0') });
    const t = computeTotals(mkPlan([right, wrong, zero]));
    expect(t.rowOf(right).total).toBe(right.amounts.total);
    expect(s(t.rowOf(wrong).total)).toBe('3.5');
    expect(t.rowOf(zero).total.s).toBe(1);
    expect(s(t.grand.total)).toBe('7');
  });
  it("a leaf's row (recomputed when asked, not kept) is the same whatever was asked before; asking changes no totals", () => {
    const a = mkItem('1', { years: { 2021: d('1.5'), 2024: d('2') }, sources: { NSTW: d('1'), 'NSĐP': d('2.5') } });
    const b = mkItem('2', { total: d('7') }, { sourceText: 'Ngân sách trung ương' });
    const g: Group = { kind: 'group', level: 1, tt: 'I', name: 'Nhóm', children: [a, b] };
    const t = computeTotals(mkPlan([g]));
    const rows = () => [t.rowOf(a), t.rowOf(b), t.rowOf(a), t.rowOf(g), t.rowOf(b)].map((r) => JSON.stringify(r));
    const first = rows();
    expect(rows()).toEqual(first);
    expect(first[0]).toBe(first[2]);
    expect(first[1]).toBe(first[4]);
    expect(s(t.rowOf(a).total)).toBe('3.5');
    expect(s(t.rowOf(b).sources.NSTW)).toBe('7');
    expect(s(t.rowOf(g).total)).toBe('10.5');
    expect([...t.inexactSources].sort()).toEqual(['NSTW', 'NSĐP'].sort());
    expect(t.years).toEqual([2021, 2022, 2024]);
    expect(t.uses).toEqual({ years: true, sources: true, total: true, totalInvestment: false, annual: false });
    expect(() => t.rowOf(mkItem('1', {}))).toThrow(TotalsError);
  });
  it('a sub-item parent is the sum of its sub-items, counted once in its group and in the grand total', () => {
    const parent = mkItem('1', { total: d('1000') }, {
      children: [mkItem('1.1', { years: { 2021: d('10') } }), mkItem('1.2', { years: { 2022: d('5') } })],
    });
    const g: Group = { kind: 'group', level: 1, tt: 'I', name: 'Nhóm', children: [parent, mkItem('2', { years: { 2021: d('1') } })] };
    const t = computeTotals(mkPlan([g]));
    expect(s(t.rowOf(parent).total)).toBe('15');
    expect(s(t.rowOf(g).total)).toBe('16');
    expect(s(t.grand.total)).toBe('16');
    expect(t.itemCount).toBe(4);
  });
  it('level-2 groups add into level-1 groups; the grand total adds top-level nodes only', () => {
    const a: Group = { kind: 'group', level: 2, tt: 'A', name: 'a', children: [mkItem('1', { years: { 2021: d('2') } })] };
    const b: Group = { kind: 'group', level: 2, tt: 'B', name: 'b', children: [mkItem('1', { years: { 2022: d('3') } })] };
    const g: Group = { kind: 'group', level: 1, tt: 'I', name: 'I', children: [a, b] };
    const t = computeTotals(mkPlan([g]));
    expect(s(t.rowOf(g).total)).toBe('5');
    expect(s(t.grand.total)).toBe('5');
    expect(t.groupCount).toBe(3);
  });
  it('split makes a multi-source breakdown exact; without split it is undetermined by year', () => {
    const split = mkItem('1', {
      years: { 2021: d('10'), 2022: d('20') },
      split: { NSTW: { 2021: d('4'), 2022: d('20') }, 'NSĐP': { 2021: d('6') } },
    });
    const t1 = computeTotals(mkPlan([split]));
    expect(rec(t1.breakdown.NSTW)).toEqual({ 2021: '4', 2022: '20' });
    expect(rec(t1.bySource)).toEqual({ NSTW: '24', 'NSĐP': '6' });
    expect(t1.inexactSources.size).toBe(0);
    const noSplit = mkItem('1', { years: { 2021: d('10') }, sources: { NSTW: d('4'), 'NSĐP': d('6') } });
    const t2 = computeTotals(mkPlan([noSplit]));
    expect([...t2.inexactSources].sort()).toEqual(['NSTW', 'NSĐP'].sort());
    expect(rec(t2.bySource)).toEqual({ NSTW: '4', 'NSĐP': '6' });
  });
  it('an item with only source text counts its whole amount in that source', () => {
    const it1 = mkItem('1', { years: { 2021: d('3'), 2022: d('4') } }, { sourceText: 'Vốn sự nghiệp địa phương' });
    const t = computeTotals(mkPlan([it1]));
    expect(rec(t.bySource)).toEqual({ 'NSĐP': '7' });
    expect(rec(t.breakdown['NSĐP'])).toEqual({ 2021: '3', 2022: '4' });
  });
  it('an empty tree totals to zero', () => {
    const t = computeTotals(mkPlan([]));
    expect(s(t.grand.total)).toBe('0');
    expect(t.itemCount).toBe(0);
  });
  it('bad amounts (NaN, Infinity, numbers) and bad trees throw TotalsError', () => {
    for (const v of [new Dec(NaN), new Dec(Infinity), 5 as unknown as Dec, undefined as unknown as Dec]) {
      const p = mkPlan([mkItem('1', { years: { 2021: v } })]);
      expect(() => computeTotals(p)).toThrow(TotalsError);
    }
    expect(() => computeTotals({ ...mkPlan([]), nodes: undefined as unknown as PlanNode[] })).toThrow(TotalsError);
    const t = computeTotals(mkPlan([]));
    expect(() => t.rowOf(mkItem('9', {}))).toThrow(TotalsError);
  });
});

describe('property: totals equal a BigInt oracle', () => {
  // Amounts with up to 3 decimals, as integers of thousandths.
  const amount = fc.bigInt({ min: 0n, max: 10n ** 15n });
  const YEARS = [2021, 2022, 2023, 2024, 2025];
  const itemArb = fc.record({
    years: fc.array(fc.option(amount, { nil: undefined }), { minLength: 5, maxLength: 5 }),
    source: fc.constantFrom('NSTW', 'NSĐP'),
  });
  const planArb = fc.array(fc.array(itemArb, { maxLength: 6 }), { maxLength: 5 });
  const toDec = (n: bigint): Dec => new Dec(n.toString()).div(1000);
  const fromDec = (x: Dec): bigint => BigInt(x.times(1000).toFixed());

  it('grand, per year, per source, per group and breakdown', () => {
    fc.assert(fc.property(planArb, fc.boolean(), (groups, flat) => {
      const oracle = { total: 0n, years: new Map<number, bigint>(), src: new Map<string, bigint>(), groups: [] as bigint[] };
      const bump = <K>(m: Map<K, bigint>, k: K, v: bigint): void => { m.set(k, (m.get(k) ?? 0n) + v); };
      const built: Group[] = groups.map((items, gi) => {
        let gsum = 0n;
        const children = items.map((itm, ii) => {
          const years: Record<number, Dec> = {};
          let isum = 0n;
          itm.years.forEach((v, i) => {
            if (v === undefined) return;
            years[YEARS[i]] = toDec(v);
            isum += v;
            bump(oracle.years, YEARS[i], v);
          });
          bump(oracle.src, itm.source, isum);
          gsum += isum;
          return mkItem(String(ii + 1), { years, sources: { [itm.source]: toDec(isum) } });
        });
        oracle.groups.push(gsum);
        oracle.total += gsum;
        return { kind: 'group', level: 1, tt: String(gi + 1), name: 'g', children } as Group;
      });
      const nodes: PlanNode[] = flat ? built.flatMap((g) => g.children) : built;
      const t = computeTotals(mkPlan(nodes));
      expect(fromDec(t.grand.total)).toBe(oracle.total);
      for (const y of YEARS) expect(fromDec(t.byYear[y] ?? new Dec(0))).toBe(oracle.years.get(y) ?? 0n);
      for (const c of ['NSTW', 'NSĐP']) {
        expect(fromDec(t.bySource[c] ?? new Dec(0))).toBe(oracle.src.get(c) ?? 0n);
        const byYear = t.breakdown[c] ?? {};
        const sumYears = Object.values(byYear).reduce((a: bigint, x) => a + fromDec(x as Dec), 0n);
        expect(sumYears).toBe(oracle.src.get(c) ?? 0n);
      }
      if (!flat) built.forEach((g, i) => expect(fromDec((t.rowOf(g) as RowTotals).total)).toBe(oracle.groups[i]));
    }), { numRuns: 200 });
  });
});

describe('withTotalsOnce', () => {
  test('inside, the same plan\'s totals are computed once and shared; other plans and outside are computed anew', () => {
    const plan = loadSample('soc-trang-2021-2025');
    const other = loadSample('soc-trang-2021-2025');
    const seen = withTotalsOnce(plan, () => {
      const a = computeTotals(plan);
      expect(computeTotals(plan)).toBe(a);
      expect(computeTotals(other)).not.toBe(computeTotals(other));
      // nested scopes restore the outer one
      withTotalsOnce(other, () => expect(computeTotals(other)).toBe(computeTotals(other)));
      expect(computeTotals(plan)).toBe(a);
      return a;
    });
    expect(computeTotals(plan)).not.toBe(seen);
    expect(computeTotals(plan).grand.total.eq(seen.grand.total)).toBe(true);
  });
});
