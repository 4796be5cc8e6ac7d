/**
 * Annual-plan layouts officers really type (issue 10, layouts 1-3), with seed 001 Trà Vinh's figures (items 1-3 of
 * its 2023 list: total investment 44.000 / 44.500 / 4.967,667; 2023 amounts 20.000 / 22.151 / 4.390).
 */
import type { Grid, GridCell } from '../../../src/core/base/grid';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { recognizeTable, type Recognized } from '../../../src/core/read/recognize';

type C = string | number | null | GridCell;
function grid(rows: C[][], merges: Grid['merges'] = []): Grid {
  return { sheet: 'S', cells: rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'object' ? v : { value: v }))), merges };
}
function ok(r: Recognized): Extract<Recognized, { ok: true }> {
  if (!r.ok) throw new Error(`not recognised: ${r.finding.message}`);
  return r;
}
const errorsOf = (g: Grid): string[] => checkGrid(g).findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);

describe('layout 1: "Kế hoạch vốn năm 2023" over "Tổng số" and "Trong đó: Vốn đầu tư, Vốn sự nghiệp"', () => {
  const head: C[][] = [
    ['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Kế hoạch vốn năm 2023', null, null],
    [null, null, null, 'Tổng số', 'Trong đó', null],
    [null, null, null, null, 'Vốn đầu tư', 'Vốn sự nghiệp'],
  ];
  const merges: Grid['merges'] = [
    { r0: 0, c0: 0, r1: 2, c1: 0 }, { r0: 0, c0: 1, r1: 2, c1: 1 }, { r0: 0, c0: 2, r1: 2, c1: 2 },
    { r0: 0, c0: 3, r1: 0, c1: 5 }, { r0: 1, c0: 3, r1: 2, c1: 3 }, { r0: 1, c0: 4, r1: 1, c1: 5 },
  ];
  const rows = (third: number): C[][] => [
    ...head,
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 44000, 20000, 20000, null],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 44500, 22151, 22151, null],
    [3, 'Hệ thống CSDL quản lý xử lý vi phạm hành chính', 4967.667, third, null, third],
    [null, 'Tổng cộng', 93467.667, 42151 + third, 42151, third],
  ];

  it('"Tổng số" under the year heading is the 2023 amount; the columns under "Trong đó" are sources', () => {
    const r = ok(recognizeTable(grid(rows(4390), merges)));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 3, 'source:ĐTPT': 4, 'source:VSN': 5 });
    expect(r.plan.planYear).toBe(2023);
    expect(r.plan.preset).toBe('annual');
  });

  it('clean: no error; a 2023 amount above the total investment: ANNUAL_EXCEEDS_TOTAL at its cell', () => {
    expect(errorsOf(grid(rows(4390), merges))).toEqual([]);
    expect(errorsOf(grid(rows(5390), merges))).toEqual(['ANNUAL_EXCEEDS_TOTAL@D6']);
  });

  it('the sources under the year heading add up to its "Tổng số": a wrong source is ROW_SOURCES_SUM at its cell', () => {
    const g = grid(rows(4390), merges);
    g.cells[4]![4] = { value: 22100 };
    const f = checkGrid(g).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(['ROW_SOURCES_SUM@E5', 'GRAND_TOTAL@E7']);
    expect(f[0].message).toContain('kinh phí năm 2023 là 22.151');
    expect(f[1].causedBy).toBe('E5');
  });
});

describe('layout 2: "Kinh phí đã bố trí năm 2022" beside "Kế hoạch vốn năm 2023"', () => {
  const rows = (second: number): C[][] => [
    ['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Kinh phí đã bố trí năm 2022', 'Kế hoạch vốn năm 2023'],
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 44000, 24000, 20000],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 44500, 22349, second],
    [3, 'Hệ thống CSDL quản lý xử lý vi phạm hành chính', 4967.667, 0, 4390],
    [null, 'Tổng cộng', 93467.667, 46349, 24390 + second],
  ];

  // The earlier allocation (column D) is read as such and not checked: it is no amount of the plan.
  it('the earlier allocation is not a phased year: the plan year is 2023', () => {
    const r = ok(recognizeTable(grid(rows(22151))));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 4 });
    expect(r.plan.planYear).toBe(2023);
    expect(r.plan.preset).toBe('annual');
    expect(r.plan.years).toBeUndefined();
  });

  it('clean: no error; a 2023 amount above the total investment: ANNUAL_EXCEEDS_TOTAL at its cell', () => {
    expect(errorsOf(grid(rows(22151)))).toEqual([]);
    expect(errorsOf(grid(rows(45000)))).toEqual(['ANNUAL_EXCEEDS_TOTAL@E3']);
  });
});

describe('layout 2 with three header rows: both years over "Tổng số / Trong đó"', () => {
  const g = (second: number): Grid => grid([
    ['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Kinh phí đã bố trí năm 2022', null, null, 'Kế hoạch vốn năm 2023', null, null],
    [null, null, null, 'Tổng số', 'Trong đó', null, 'Tổng số', 'Trong đó', null],
    [null, null, null, null, 'Vốn đầu tư', 'Vốn sự nghiệp', null, 'Vốn đầu tư', 'Vốn sự nghiệp'],
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 44000, 24000, 24000, null, 20000, 20000, null],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 44500, 22349, 22349, null, second, second, null],
    [3, 'Hệ thống CSDL quản lý xử lý vi phạm hành chính', 4967.667, 0, null, 0, 4390, null, 4390],
    [null, 'Tổng cộng', 93467.667, 46349, 46349, 0, 24390 + second, 20000 + second, 4390],
  ], [
    { r0: 0, c0: 0, r1: 2, c1: 0 }, { r0: 0, c0: 1, r1: 2, c1: 1 }, { r0: 0, c0: 2, r1: 2, c1: 2 },
    { r0: 0, c0: 3, r1: 0, c1: 5 }, { r0: 1, c0: 3, r1: 2, c1: 3 }, { r0: 1, c0: 4, r1: 1, c1: 5 },
    { r0: 0, c0: 6, r1: 0, c1: 8 }, { r0: 1, c0: 6, r1: 2, c1: 6 }, { r0: 1, c0: 7, r1: 1, c1: 8 },
  ]);

  it('the 2022 columns are the earlier allocation; the 2023 "Tổng số" is the plan year, its "Trong đó" the sources', () => {
    const r = ok(recognizeTable(g(22151)));
    expect(r.plan.sheet?.columns).toEqual({ tt: 0, name: 1, totalInvestment: 2, annual: 6, 'source:ĐTPT': 7, 'source:VSN': 8 });
    expect(r.plan.planYear).toBe(2023);
  });

  it('clean: no error; a 2023 amount above the total investment: ANNUAL_EXCEEDS_TOTAL at its cell', () => {
    expect(errorsOf(g(22151))).toEqual([]);
    expect(errorsOf(g(45000))).toEqual(['ANNUAL_EXCEEDS_TOTAL@G5']);
  });
});

describe('layout 3: "Tổng cộng" at the top, then "Trong đó: - Vốn đầu tư / - Vốn sự nghiệp"', () => {
  const rows = (total2023: number): C[][] => [
    ['TT', 'Tên dự án', 'Tổng mức đầu tư', 'Vốn đầu tư hoặc vốn sự nghiệp', 'Kinh phí thực hiện năm 2023'],
    [null, 'Tổng cộng', 93467.667, null, total2023],
    [null, 'Trong đó:', null, null, null],
    ['-', 'Vốn đầu tư', 88500, null, 42151],
    ['-', 'Vốn sự nghiệp', 4967.667, null, 4390],
    [1, 'Xây dựng trung tâm điều hành an ninh mạng (SOC)', 44000, 'Vốn đầu tư', 20000],
    [2, 'Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin', 44500, 'Vốn đầu tư', 22151],
    [3, 'Hệ thống CSDL quản lý xử lý vi phạm hành chính', 4967.667, 'Vốn sự nghiệp', 4390],
  ];

  it('the breakdown rows by kind of capital are not items', () => {
    const r = ok(recognizeTable(grid(rows(46541))));
    expect(r.plan.nodes.map((n) => n.tt)).toEqual(['1', '2', '3']);
    expect(r.plan.grandTotal?.amounts.annual?.toFixed()).toBe('46541');
  });

  it('clean: no error; a wrong 2023 total: GRAND_TOTAL at its cell', () => {
    expect(errorsOf(grid(rows(46541)))).toEqual([]);
    expect(errorsOf(grid(rows(46641)))).toEqual(['GRAND_TOTAL@E2']);
  });
});
