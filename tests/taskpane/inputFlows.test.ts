/**
 * The pane's flows over the real core, on the preview host (no Office needed): create the input sheet, fill it,
 * renumber TT, spread a total over the years, build the appendix from it, check the appendix.
 */
import { PreviewHost } from '../../src/office/previewHost';
import { coreEngine } from '../../src/taskpane/coreEngine';
import { AppError } from '../../src/app/errors';
import { applyBuildRequest } from '../../src/app/build';
import { samplePreviewHost, applyInjection } from '../../src/taskpane/sampleWorkbook';
import { findInputHeader } from '../../src/core/input/sheet';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import type { CellWrite } from '../../src/app/input';
import { Dec } from '../../src/core/base/decimal';

const engine = coreEngine;

async function inputWorkbook() {
  const spec = engine.inputTemplate({ years: '2021-2023', sources: 'NSĐP, NSTW' });
  const host = PreviewHost.fromSpecs([]);
  const name = await host.writeNewSheet(spec);
  const col = (key: string) => spec.columns.findIndex((c) => c.key === key);
  const header = findInputHeader(await host.readSheet(name))!;
  return { host, name, spec, col, header };
}

function fill(col: (k: string) => number, r0: number): CellWrite[] {
  const t = (row: number, key: string, v: string): CellWrite => ({ row, col: col(key), cell: { t: 'text', v } });
  const n = (row: number, key: string, v: string): CellWrite => ({ row, col: col(key), cell: { t: 'num', v } });
  return [
    t(r0, 'tt', 'I'), t(r0, 'name', 'Hạ tầng số'),
    t(r0 + 1, 'tt', '3'), t(r0 + 1, 'name', '=Trung tâm dữ liệu'), t(r0 + 1, 'lead', 'Sở TT&TT'),
    n(r0 + 1, 'year:2021', '100'), n(r0 + 1, 'year:2022', '200'), n(r0 + 1, 'year:2023', '300'), n(r0 + 1, 'source:NSĐP', '600'),
    t(r0 + 1, 'sourceText', 'NSĐP'),
    t(r0 + 2, 'tt', '7'), t(r0 + 2, 'name', 'Mạng diện rộng'), t(r0 + 2, 'lead', 'Sở TT&TT'),
    n(r0 + 2, 'source:NSTW', '1000'), t(r0 + 2, 'sourceText', 'NSTW'),
  ];
}

describe('Nhập liệu → Tạo phụ lục → Kiểm tra, through the WorkbookHost interface', () => {
  test('an empty input sheet is recognised as one, and says it has no project yet', async () => {
    const { host, name } = await inputWorkbook();
    expect(name).toBe('Nhập liệu');
    expect(() => engine.planFromInput(host.state().sheets[0].grid)).toThrow(/chưa có dự án nào/);
  });

  test('renumber TT writes only the cells that change; text stays text', async () => {
    const { host, name, col, header } = await inputWorkbook();
    await host.writeCells(name, fill(col, header + 1));
    const writes = engine.renumberWrites(await host.readSheet(name));
    expect(writes).toEqual([
      { row: header + 2, col: col('tt'), cell: { t: 'text', v: '1' } },
      { row: header + 3, col: col('tt'), cell: { t: 'text', v: '2' } },
    ]);
    await host.writeCells(name, writes);
    expect(engine.renumberWrites(await host.readSheet(name))).toEqual([]);
    const plan = engine.planFromInput(await host.readSheet(name))!;
    expect(plan.nodes[0].kind === 'group' && plan.nodes[0].children.map((n) => [n.tt, n.name])).toEqual([['1', '=Trung tâm dữ liệu'], ['2', 'Mạng diện rộng']]);
  });

  test('spread a total over the years of the selected item: parts add up exactly', async () => {
    const { host, name, col, header } = await inputWorkbook();
    await host.writeCells(name, fill(col, header + 1));
    const row = header + 3;
    const writes = engine.spreadWrites(await host.readSheet(name), row, '1000');
    expect(writes.map((w) => [w.col, w.cell])).toEqual([
      [col('year:2021'), { t: 'num', v: '334' }], [col('year:2022'), { t: 'num', v: '333' }], [col('year:2023'), { t: 'num', v: '333' }],
    ]);
    expect(() => engine.spreadWrites(host.state().sheets[0].grid, header + 1, '10')).toThrow(AppError);
    expect(() => engine.spreadWrites(host.state().sheets[0].grid, header + 1, '10')).toThrow(/không phải dòng dự án/);
  });

  test('the appendix built from the input sheet checks clean, and a new sheet never replaces one', async () => {
    const { host, name, col, header } = await inputWorkbook();
    await host.writeCells(name, fill(col, header + 1));
    await host.writeCells(name, engine.spreadWrites(await host.readSheet(name), header + 3, '1000'));
    const plan = engine.planFromInput(await host.readSheet(name))!;
    const spec: SheetSpec = engine.layout(plan, { title: 'Danh mục thử', sources: 'NSĐP, NSTW' });
    const first = await host.writeNewSheet(spec);
    const second = await host.writeNewSheet(spec);
    expect([first, second]).toEqual(['Phụ lục', 'Phụ lục (2)']);
    const res = engine.check(await host.readSheet(second), {});
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.summary).toMatchObject({ items: 2, groups: 1, grandTotal: '1600' });
    // a stated total that disagrees is reported
    const stated = engine.check(await host.readSheet(second), { statedTotal: '1700' });
    expect(stated.findings.map((f) => f.code)).toContain('STATED_TOTAL');
  });
});

describe('the form applied to a plan', () => {
  test('overrides title, unit, years; refuses a year span that would drop amounts, and unknown or used sources', async () => {
    const plan = await engine.samplePlan();
    const p = applyBuildRequest(plan, { title: 'X', unit: 'tỷ đồng', years: '2020-2026' });
    expect([p.meta.title, p.meta.unit, p.years]).toEqual(['X', 'tỷ đồng', { from: 2020, to: 2026 }]);
    expect(plan.meta.title).not.toBe('X');
    expect(() => applyBuildRequest(plan, { years: '2022-2025' })).toThrow(/năm 2021/);
    expect(() => applyBuildRequest(plan, { sources: 'NSĐP, XYZ' })).toThrow(/không có nguồn vốn XYZ/);
    expect(() => applyBuildRequest(plan, { sources: 'NSTW, ĐTPT' })).toThrow(/NSĐP có số liệu/);
    expect(applyBuildRequest(plan, { sources: 'ĐTPT, NSĐP, NSTW' }).sources.map((s) => s.code)).toEqual(['ĐTPT', 'NSĐP', 'NSTW']);
  });

  test('readAmount: vi-VN text to a plain decimal, or a Vietnamese reason', () => {
    expect(engine.readAmount('441.115')).toEqual({ value: '441115' });
    expect(engine.readAmount('4.967,667')).toEqual({ value: '4967.667' });
    expect(engine.readAmount('abc')).toHaveProperty('error');
    expect(engine.readAmount('-5')).toEqual({ error: 'Số không được âm.' });
  });

  test('words of the sample total', () => {
    expect(engine.words('441115', 'triệu đồng')).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  });
});

describe('the preview sample workbook', () => {
  test('Phụ lục 02 of Sóc Trăng checks clean: 22 items, 6 groups, 441.115 triệu đồng', async () => {
    const host = await samplePreviewHost(engine);
    expect(await host.sheetNames()).toEqual(['Phụ lục 02']);
    const res = engine.check(await host.readSheet(), {});
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.summary).toMatchObject({ items: 22, groups: 6, grandTotal: '441115', unit: 'triệu đồng' });
  });

  test('the injection hook types a number into a cell; the check points at the row', async () => {
    const host = await samplePreviewHost(engine);
    const grid = await host.readSheet();
    const r = grid.cells.findIndex((row) => row?.some((c) => c?.value === 1559));
    const c = grid.cells[r].findIndex((x) => x?.value === 1559);
    applyInjection(host, `${String.fromCharCode(65 + c)}${r + 1}=2559`);
    const res = engine.check(await host.readSheet(), {});
    const errs = res.findings.filter((f) => f.severity === 'error');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.some((f) => f.row === r)).toBe(true);
    // Issue 10: the typed cell is named first as the root cause (its right value), the row total caused by it.
    expect(errs[0]).toMatchObject({ row: r, col: c, expected: new Dec(1559).toFixed(), actual: '2559' });
    expect(errs.find((f) => f.row === r && f.col !== c)).toMatchObject({ expected: new Dec(10559).toFixed(), causedBy: `${String.fromCharCode(65 + c)}${r + 1}` });
    applyInjection(host, 'not an address');
    expect((await host.readSheet()).cells[r][c]?.value).toBe(2559);
  });
});
