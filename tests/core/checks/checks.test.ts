import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import { FINDING_CODES, type Finding, type FindingCode } from '../../../src/core/checks/findings';
import { a1 } from '../../../src/core/base/a1';
import type { Group, Item, Plan, PlanNode } from '../../../src/core/plan/model';
import { checkPlan, checkResult } from '../../../src/core/checks/checks';
import { CheckOptionsError } from '../../../src/core/checks/context';
import { matchSourceText, sourcesInText } from '../../../src/core/plan/sources';
import { TotalsError } from '../../../src/core/plan/totals';
import { group, item, loadSample, placeOnSheet, ST_COLUMNS, TV_COLUMNS } from '../../helpers/planBuilders';

const d = (x: string): Dec => new Dec(x);
const codes = (fs: Finding[]): string[] => fs.map((f) => f.code);
const errors = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');

describe('seeds', () => {
  it('Sóc Trăng 2021-2025 is fully consistent: no finding at all, and the summary states 441.115', () => {
    const r = checkResult(loadSample('soc-trang-2021-2025'));
    expect(r.findings).toEqual([]);
    expect(r.summary).toMatchObject({ errors: 0, warnings: 0, items: 22, groups: 6, grandTotal: '441115', unit: 'triệu đồng' });
  });
  it('Sóc Trăng 2016-2020: group III printed 885 while its items add to 1.200 — found at that group, once', () => {
    const plan = loadSample('soc-trang-2016-2020');
    const rows = placeOnSheet(plan, { tt: 0, name: 1, objective: 2, total: 3, sourceText: 4 });
    const fs = checkPlan(plan);
    expect(errors(fs)).toHaveLength(1);
    const f = fs[0];
    expect(f).toMatchObject({ code: 'GROUP_SUBTOTAL', expected: '1200', actual: '885', sheet: 'Phụ lục', col: 3 });
    expect(f.row).toBe(rows.get(group(plan, 'III')));
    expect(f.cell).toBe(a1(rows.get(group(plan, 'III'))!, 3));
    expect(f.message).toContain('Nhóm III');
    expect(f.message).toContain('885');
    expect(f.message).toContain('1.200');
    // The grand total 60.654 agrees with the group rows as printed: no GRAND_TOTAL.
    expect(codes(fs)).not.toContain('GRAND_TOTAL');
  });
  it('Nghệ An adds to 570.960 while its text states 1.028.960.000.000 đồng: STATED_TOTAL', () => {
    const r = checkResult(loadSample('nghe-an-2021-2025'));
    expect(r.summary.grandTotal).toBe('570960');
    expect(errors(r.findings).map((f) => [f.code, f.expected, f.actual])).toEqual([['STATED_TOTAL', '570960', '1028960']]);
    expect(r.findings[0].message).toContain('1.028.960 triệu đồng');
    expect(r.findings[0].message).toContain('570.960');
  });
  it('Trà Vinh 2023 passes; an annual amount above its total investment is found at its cell', () => {
    const plan = loadSample('tra-vinh-2023');
    expect(checkPlan(plan)).toEqual([]);
    const rows = placeOnSheet(plan, TV_COLUMNS);
    const it5 = item(plan, '5');
    it5.amounts.totalInvestment = d('2899.999');
    const fs = checkPlan(plan);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: 'ANNUAL_EXCEEDS_TOTAL', expected: '2899.999', actual: '2900', row: rows.get(it5), col: 9 });
    expect(fs[0].message).toContain('2.899,999');
    expect(fs[0].message).toContain('Kinh phí năm 2023');
    it5.amounts.totalInvestment = d('2900');
    expect(checkPlan(plan)).toEqual([]);
  });
  it('Trà Vinh: the text total 72.524 agrees with the annual column; the user may state another', () => {
    const plan = loadSample('tra-vinh-2023');
    expect(checkPlan(plan, { statedTotal: d('166888.667') })).toEqual([]);
    const fs = checkPlan(plan, { statedTotal: d('72524') });
    expect(fs.map((f) => f.code)).toEqual(['STATED_TOTAL']);
  });
  it('Hậu Giang: 5,8 tỷ and "Năm tỷ tám trăm triệu đồng" agree; other words are found', () => {
    const plan = loadSample('hau-giang-2019');
    expect(checkPlan(plan)).toEqual([]);
    plan.statedWords![0].text = 'Năm tỷ chín trăm triệu đồng';
    const fs = checkPlan(plan);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: 'WORDS_MISMATCH', expected: '5800000000', actual: '5900000000' });
    expect(fs[0].message).toContain('Năm tỷ, tám trăm triệu đồng');
    plan.statedWords![0].text = 'xin chào';
    expect(checkPlan(plan).map((f) => f.code)).toEqual(['WORDS_MISMATCH']);
  });
  it('a words line beside a figure too large to say in words is a finding, not a crash', () => {
    const plan = loadSample('hau-giang-2019');
    plan.statedWords![0].figure = d('1e15'); // 10^15 tỷ đồng = 10^24 đồng
    const fs = checkPlan(plan);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: 'WORDS_MISMATCH', expected: '1' + '0'.repeat(24), actual: plan.statedWords![0].text });
  });
  it('every message is NFC Vietnamese and every expected/actual a plain string', () => {
    const all = ['soc-trang-2016-2020', 'nghe-an-2021-2025'].flatMap((n) => checkPlan(loadSample(n)));
    for (const f of all) {
      expect(f.message).toBe(f.message.normalize('NFC'));
      expect(f.severity).toBe(FINDING_CODES[f.code]);
      if (f.expected !== undefined) expect(f.expected).not.toMatch(/e/i);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One mutation per code, on the clean Sóc Trăng plan placed on a sheet.

type Case = [FindingCode, (p: Plan) => PlanNode | 'grand' | 'breakdown1' | 'stated', string | number | undefined];

function stPlaced(): { plan: Plan; rows: Map<PlanNode, number> } {
  const plan = loadSample('soc-trang-2021-2025');
  const rows = placeOnSheet(plan, ST_COLUMNS);
  plan.statedTotals![0].loc = { row: 1, col: 3 };
  plan.statedWords![0].loc = { row: 2, col: 3 };
  return { plan, rows };
}

const CASES: Case[] = [
  ['ROW_YEARS_SUM', (p) => { const i = item(p, 'I.1'); i.amounts.total = d('9600'); return i; }, 'total'],
  ['ROW_SOURCES_SUM', (p) => { const i = item(p, 'I.2'); i.amounts.total = d('12789'); i.amounts.sources['NSĐP'] = d('12780'); return i; }, 'total'],
  ['GROUP_SUBTOTAL', (p) => { const g = group(p, 'II'); g.stated!.years[2022] = d('50001'); return g; }, 'year:2022'],
  ['GRAND_TOTAL', (p) => { p.grandTotal!.amounts.total = d('441116'); return 'grand'; }, 'total'],
  ['BREAKDOWN', (p) => { p.breakdown![1].amounts.years[2023] = d('40001'); return 'breakdown1'; }, 'year:2023'],
  ['STATED_TOTAL', (p) => { p.statedTotals![0].value = d('441000'); return 'stated'; }, undefined],
  ['WORDS_MISMATCH', (p) => { p.statedWords![0].text = 'Bốn trăm bốn mươi mốt tỷ đồng'; return 'stated'; }, undefined],
  ['NEGATIVE_AMOUNT', (p) => { const i = item(p, 'VI.3'); i.amounts.years[2021] = d('-180'); return i; }, 'year:2021'],
  ['YEAR_OUTSIDE_PERIOD', (p) => { const i = item(p, 'I.1'); i.period = { from: 2022, to: 2025 }; return i; }, 'year:2021'],
  ['NUMBERING', (p) => { const i = item(p, 'II.4'); i.tt = '5'; return i; }, 'tt'],
  ['MISSING_FIELD', (p) => { const i = item(p, 'III.2'); i.lead = ' '; return i; }, 'lead'],
  ['DUPLICATE_ITEM', (p) => { const i = item(p, 'VI.3'); i.name = item(p, 'VI.1').name; return i; }, 'name'],
  ['SOURCE_MISMATCH', (p) => { const i = item(p, 'II.2'); i.sourceText = 'Vốn sự nghiệp địa phương'; return i; }, 'source:NSTW'],
];

describe('one mutation per code, found at its cell', () => {
  it('the placed clean plan has no finding', () => {
    expect(checkPlan(stPlaced().plan)).toEqual([]);
  });
  it.each(CASES)('%s', (code, mutate, field) => {
    const { plan, rows } = stPlaced();
    const target = mutate(plan);
    const fs = checkPlan(plan);
    const f = fs.find((x) => x.code === code);
    expect(f).toBeDefined();
    expect(f!.severity).toBe(FINDING_CODES[code]);
    expect(f!.message.length).toBeGreaterThan(10);
    let row: number | undefined;
    let col: number | undefined;
    if (target === 'grand') row = plan.grandTotal!.loc!.row;
    else if (target === 'breakdown1') row = plan.breakdown![1].loc!.row;
    else if (target === 'stated') {
      const loc = code === 'STATED_TOTAL' ? plan.statedTotals![0].loc! : plan.statedWords![0].loc!;
      row = loc.row;
      col = loc.col;
    } else row = rows.get(target);
    if (field !== undefined) col = ST_COLUMNS[field as keyof typeof ST_COLUMNS];
    expect(f!.sheet).toBe('Phụ lục');
    expect(f!.row).toBe(row);
    expect(f!.col).toBe(col);
    expect(f!.cell).toBe(a1(row!, col!));
    // The node's TT/name is named in row-level messages.
    if (typeof target === 'object' && target.kind === 'item' && code !== 'NUMBERING') expect(f!.message).toContain(target.name.slice(0, 20));
  });
  it('a group cell off by one: GROUP_SUBTOTAL names the cell with expected and actual', () => {
    const { plan, rows } = stPlaced();
    group(plan, 'II').stated!.years[2022] = d('50001');
    const f = checkPlan(plan).find((x) => x.code === 'GROUP_SUBTOTAL')!;
    expect(f).toMatchObject({ expected: '50000', actual: '50001', cell: `G${rows.get(group(plan, 'II'))! + 1}` });
    expect(f.message).toBe('Nhóm II "Xây dựng các hệ thống nền tảng": năm 2022 ghi 50.001 nhưng tổng các mục trong nhóm là 50.000 (chênh lệch +1).');
  });
});

describe('rules', () => {
  it('tolerance applies to every sum comparison', () => {
    const { plan } = stPlaced();
    group(plan, 'II').stated!.years[2022] = d('50000.4');
    plan.grandTotal!.amounts.years[2022] = d('131571.9');
    plan.breakdown![1].amounts.years[2022] = d('45000.4');
    expect(checkPlan(plan, { tolerance: d('0.5') })).toEqual([]);
    expect(codes(checkPlan(plan, { tolerance: d('0.3') })).sort()).toEqual(['BREAKDOWN', 'GRAND_TOTAL', 'GROUP_SUBTOTAL']);
    expect(codes(checkPlan(plan)).sort()).toEqual(['BREAKDOWN', 'GRAND_TOTAL', 'GROUP_SUBTOTAL']);
  });
  it('a blank group column states nothing; a stated 0 is compared', () => {
    const { plan } = stPlaced();
    const g = group(plan, 'I');
    delete g.stated!.years[2021];
    delete g.stated!.sources['NSĐP'];
    expect(checkPlan(plan)).toEqual([]);
    g.stated!.years[2021] = d('0');
    const fs = checkPlan(plan);
    expect(fs.find((f) => f.code === 'GROUP_SUBTOTAL')).toMatchObject({ expected: '7199', actual: '0' });
  });
  it('without sheet positions findings carry no cell', () => {
    const plan = loadSample('soc-trang-2016-2020');
    const f = checkPlan(plan)[0];
    expect(f.cell).toBeUndefined();
    expect(f.row).toBeUndefined();
  });
  it('a multi-source item without a split leaves the by-year breakdown of its sources unchecked, but not their totals', () => {
    const { plan } = stPlaced();
    const i = item(plan, 'II.4');
    // Move half of II.4 (NSTW 20.000) to NSĐP without a split: per-year attribution is unknown.
    i.amounts.sources = { NSTW: d('10000'), 'NSĐP': d('10000') };
    const fs = checkPlan(plan);
    const bd = fs.filter((f) => f.code === 'BREAKDOWN');
    // Only the two breakdown total cells (NSĐP 60.355 vs 70.355, NSTW 145.000 vs 135.000) — no year cells.
    expect(bd.map((f) => [f.expected, f.actual]).sort()).toEqual([['135000', '145000'], ['70355', '60355']]);
  });
  it('split per source per year is checked against the year and source cells', () => {
    const { plan } = stPlaced();
    const i = item(plan, 'II.4');
    i.amounts.split = { NSTW: { 2021: d('10000'), 2022: d('9000') } };
    const fs = checkPlan(plan).filter((f) => f.code === 'ROW_SOURCES_SUM');
    expect(fs.map((f) => [f.expected, f.actual])).toEqual([['20000', '19000'], ['10000', '9000']]);
  });
  it('sub-item parents are compared with their sub-items; sub-items are numbered 1.1, 1.2', () => {
    const parent: Item = {
      kind: 'item', tt: '1', name: 'Dự án có hạng mục', lead: 'Sở TT&TT', sourceText: 'NSĐP',
      amounts: { years: {}, sources: {}, total: d('30') },
      children: [
        { kind: 'item', tt: '1.1', name: 'Hạng mục một', lead: 'Sở TT&TT', sourceText: 'NSĐP', amounts: { years: { 2021: d('10') }, sources: {} } },
        { kind: 'item', tt: '1.3', name: 'Hạng mục hai', lead: 'Sở TT&TT', sourceText: 'NSĐP', amounts: { years: { 2021: d('15') }, sources: {} } },
      ],
    };
    const plan: Plan = { meta: { title: 't', unit: 'triệu đồng' }, sources: [{ code: 'NSĐP', label: 'NSĐP' }], nodes: [parent] };
    const fs = checkPlan(plan);
    expect(fs.map((f) => [f.code, f.expected, f.actual])).toEqual([
      ['GROUP_SUBTOTAL', '25', '30'],
      ['NUMBERING', '1.2', '1.3'],
    ]);
  });
  it('numbering: groups I, II, IV and letters with or without Đ', () => {
    const mk = (tt: string, children: PlanNode[] = []): Group => ({ kind: 'group', level: 1, tt, name: `Nhóm ${tt}`, children });
    const plan: Plan = { meta: { title: 't', unit: 'triệu đồng' }, sources: [], nodes: [mk('I'), mk('II'), mk('IV')] };
    expect(checkPlan(plan).map((f) => [f.code, f.expected, f.actual])).toEqual([['NUMBERING', 'III', 'IV']]);
    const letters = (tts: string[]): Plan => ({
      meta: { title: 't', unit: 'triệu đồng' }, sources: [],
      nodes: [mk('I', tts.map((t) => ({ ...mk(t), level: 2 as const })))],
    });
    expect(checkPlan(letters(['A', 'B', 'C', 'D', 'E', 'G']))).toEqual([]);
    expect(checkPlan(letters(['A', 'B', 'C', 'D', 'Đ', 'E']))).toEqual([]);
    expect(checkPlan(letters(['A', 'B', 'C', 'D', 'E', 'F'])).map((f) => f.expected)).toEqual(['G']);
  });
  it('MISSING_FIELD: an unnamed item, and an item with no source where the table has sources', () => {
    const { plan, rows } = stPlaced();
    const i = item(plan, 'V.3');
    i.name = '';
    i.sourceText = '';
    i.amounts.sources = {};
    const fs = checkPlan(plan).filter((f) => f.code === 'MISSING_FIELD');
    expect(fs.map((f) => f.cell)).toEqual([a1(rows.get(i)!, ST_COLUMNS.name!), a1(rows.get(i)!, ST_COLUMNS.sourceText!)]);
  });
  it('an empty tree is a finding, not a crash', () => {
    const plan: Plan = { meta: { title: 't', unit: 'triệu đồng' }, sources: [], nodes: [] };
    const r = checkResult(plan);
    expect(r.findings.map((f) => f.code)).toEqual(['MISSING_FIELD']);
    expect(r.summary.items).toBe(0);
  });
  it('bad options and bad amounts give named errors', () => {
    const plan = loadSample('hau-giang-2019');
    expect(() => checkPlan(plan, { tolerance: d('-1') })).toThrow(CheckOptionsError);
    expect(() => checkPlan(plan, { tolerance: new Dec(NaN) })).toThrow(CheckOptionsError);
    expect(() => checkPlan(plan, { statedTotal: new Dec(Infinity) })).toThrow(CheckOptionsError);
    item(plan, '1').amounts.annual = new Dec(NaN);
    expect(() => checkPlan(plan)).toThrow(TotalsError);
  });
  it('huge amounts stay exact', () => {
    const plan = loadSample('hau-giang-2019');
    item(plan, '1').amounts.totalInvestment = d('999999999999999999.999');
    plan.grandTotal!.amounts.totalInvestment = d('1000000000000000001.799');
    plan.statedWords = [];
    expect(checkPlan(plan)).toEqual([]);
  });
});

describe('matchSourceText', () => {
  const st = loadSample('soc-trang-2021-2025').sources;
  const tv = loadSample('tra-vinh-2023').sources;
  const na = loadSample('nghe-an-2021-2025').sources;
  it.each([
    ['Vốn sự nghiệp địa phương', st, 'NSĐP'],
    ['Ngân sách Trung ương', st, 'NSTW'],
    ['Đầu tư công Trung hạn', st, 'ĐTPT'],
    ['Đầu tư công trung hạn', st, 'ĐTPT'],
    ['Vốn sự nghiệp TW', st, 'NSTW'],
    ['Vốn\nĐTPT', st, 'ĐTPT'],
    ['vốn đầu tư phát triển', st, 'ĐTPT'],
    ['NS ĐP', st, 'NSĐP'],
    ['Vốn đầu tư', tv, 'ĐT'],
    ['Vốn sự nghiệp', tv, 'SN'],
    ['Nguồn vốn địa phương', na, 'NSĐP'],
    ['+ Vốn ĐTPT (Trung hạn) + Vốn sự nghiệp địa phương', st, undefined],
    ['Từ nguồn NS tỉnh, NS TW', na, undefined],
    ['Vốn sự nghiệp', st, undefined],
    ['', st, undefined],
  ] as const)('"%s"', (text, sources, code) => {
    expect(matchSourceText(text, sources)).toBe(code);
  });
  it('lists every source a text names', () => {
    expect(sourcesInText('Nguồn vốn TW, địa phương và các nguồn khác', na)).toEqual(['NSĐP', 'NSTW', 'KHAC']);
  });
});

describe('property: a plan whose stated rows are its own totals has no error finding', () => {
  const amount = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => new Dec(n.toString()).div(1000));
  it('random groups and items', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.array(amount, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), { maxLength: 4 }), (groups) => {
      const nodes: Group[] = groups.map((items, gi) => {
        const children: Item[] = items.map((ys, ii) => ({
          kind: 'item', tt: String(ii + 1), name: `Dự án ${gi}-${ii}`, lead: 'Sở', sourceText: 'NSTW',
          amounts: { years: { 2021: ys[0], 2022: ys[1], 2023: ys[2] }, sources: { NSTW: ys[0].plus(ys[1]).plus(ys[2]) } },
        }));
        const sum = (k: number): Dec => children.reduce((a, c) => a.plus(c.amounts.years[k]), new Dec(0));
        return {
          kind: 'group', level: 1, tt: ['I', 'II', 'III', 'IV'][gi], name: `Nhóm ${gi}`, children,
          stated: { years: { 2021: sum(2021), 2022: sum(2022), 2023: sum(2023) }, sources: {}, total: sum(2021).plus(sum(2022)).plus(sum(2023)) },
        };
      });
      const grand = nodes.reduce((a, g) => a.plus(g.stated!.total!), new Dec(0));
      const plan: Plan = {
        meta: { title: 't', unit: 'triệu đồng' }, years: { from: 2021, to: 2023 },
        sources: [{ code: 'NSTW', label: 'Ngân sách trung ương' }], nodes,
        grandTotal: { amounts: { years: {}, sources: { NSTW: grand }, total: grand } },
        breakdown: [{ sourceCode: 'NSTW', label: 'NSTW', amounts: { years: {}, sources: {}, total: grand } }],
      };
      expect(errors(checkPlan(plan))).toEqual([]);
    }), { numRuns: 100 });
  });
});
