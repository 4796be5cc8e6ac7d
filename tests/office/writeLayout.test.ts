/**
 * The writer on real layouts (layoutPlan): the Sóc Trăng 2021-2025 sample cell by cell, and generated plans of
 * 100 / 1,000 / 10,000 items for the number of round trips.
 */
import { writeSpecToNewSheet } from '../../src/office/writeSpec';
import { needsTextFormat, widthToPoints } from '../../src/office/writePlan';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { fakeBook, fakeContext, FakeSheet, FakeContext } from '../helpers/fakeExcel';
import { bigPlan } from '../helpers/officeBigPlan';
import { readSheetGrid } from '../../src/office/readGrid';
import { templateSpec } from '../../src/core/input/write';
import { findInputHeader } from '../../src/core/input/sheet';
import { planFromInputGrid } from '../../src/core/input/read';
import { parseSourceCodes } from '../../src/core/plan/settings';
import sample from '../../samples/soc-trang-2021-2025.plan.json';

const write = (ctx: FakeContext, spec: SheetSpec) =>
  writeSpecToNewSheet(ctx as unknown as Excel.RequestContext, spec, { excelApi: (v) => ctx.isSetSupported(v) });

/** Every cell of the spec as the fake Excel holds it: value or formula, number format, font, alignment, borders. */
function expectSheetMatchesSpec(sheet: FakeSheet, spec: SheetSpec) {
  let checked = 0;
  spec.rows.forEach((row, r) => row.cells.forEach((c, col) => {
    if (!c) return;
    const got = sheet.cells.get(`${r},${col}`);
    const st = c.s ? spec.styles[c.s] : undefined;
    const where = `row ${r + 1} col ${col + 1}`;
    expect({ where, present: !!got }).toEqual({ where, present: true });
    if (c.t === 'text') expect({ where, v: got!.v, f: got!.f }).toEqual({ where, v: c.v, f: undefined });
    if (c.t === 'num') expect({ where, v: got!.v }).toEqual({ where, v: Number(c.v) });
    if (c.t === 'formula') expect({ where, f: got!.f }).toEqual({ where, f: c.f });
    const nf = c.t === 'text' && needsTextFormat(c.v) ? '@' : st?.numFmt ?? 'General';
    if (c.t !== 'empty') expect({ where, nf: got!.nf }).toEqual({ where, nf });
    if (st?.font?.bold !== undefined) expect({ where, bold: got!.font.bold }).toEqual({ where, bold: st.font.bold });
    if (st?.font?.italic !== undefined) expect({ where, italic: got!.font.italic }).toEqual({ where, italic: st.font.italic });
    if (st?.border) expect({ where, b: got!.borders.EdgeTop }).toEqual({ where, b: 'Continuous' });
    if (st?.wrap !== undefined) expect({ where, wrap: got!.wrap }).toEqual({ where, wrap: st.wrap });
    checked++;
  }));
  expect(sheet.merges).toEqual(spec.merges);
  spec.columns.forEach((c, i) => expect(sheet.colWidths.get(i)).toBe(widthToPoints(c.width)));
  return checked;
}

describe('the Sóc Trăng 2021-2025 appendix written through Office.js', () => {
  const plan = planFromJsonData(sample);
  const spec = layoutPlan(plan, { words: true });

  test('every value, formula, number format, font, border and merge as laid out; 4 round trips', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const spy = jest.spyOn(ctx, 'sync');
    const res = await write(ctx, spec);
    expect(res.name).toBe(spec.name);
    expect(spy).toHaveBeenCalledTimes(4);
    const sheet = book.sheets[1];
    expect(expectSheetMatchesSpec(sheet, spec)).toBeGreaterThan(200);
    // figures of the seed: "Mua sắm bổ sung" 1.559 in 2021; the grand total row sums the groups
    const texts = [...sheet.cells.entries()].filter(([, c]) => typeof c.v === 'string');
    const total = texts.find(([, c]) => c.v === 'Tổng cộng');
    expect(total).toBeDefined();
    const [tr] = total![0].split(',').map(Number);
    const totalRowFormulas = [...sheet.cells.entries()].filter(([k, c]) => k.startsWith(`${tr},`) && c.f);
    expect(totalRowFormulas.length).toBeGreaterThanOrEqual(plan.years ? 5 : 1);
    const buy = texts.find(([, c]) => String(c.v).startsWith('Mua sắm bổ sung'));
    expect(buy).toBeDefined();
    const [br] = buy![0].split(',').map(Number);
    const rowNums = [...sheet.cells.entries()].filter(([k, c]) => k.startsWith(`${br},`) && typeof c.v === 'number').map(([, c]) => c.v);
    expect(rowNums).toContain(1559);
    expect(sheet.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
  });
});

describe('the input sheet (templateSpec) written through Office.js', () => {
  test('values, list validations, frozen header; it reads back as an input sheet', async () => {
    const spec = templateSpec({ years: { from: 2021, to: 2025 }, sources: parseSourceCodes('NSTW,NSĐP') });
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const res = await write(ctx, spec);
    expect(res.warnings).toEqual([]);
    const sheet = book.sheets[1];
    expect(sheet.name).toBe('Nhập liệu');
    expectSheetMatchesSpec(sheet, spec);
    expect(sheet.validations.map((v) => (v.rule as { list: { source: string } }).list.source)).toEqual(
      spec.validations!.map((v) => v.list.join(',')));
    expect(sheet.freeze).toEqual(spec.freeze ? { rows: spec.freeze.rows, cols: spec.freeze.cols } : undefined);
    const { grid } = await readSheetGrid(fakeContext(book) as unknown as Excel.RequestContext, 'Nhập liệu');
    expect(findInputHeader(grid)).toBeDefined();
    expect(() => planFromInputGrid(grid)).toThrow(/chưa có dự án nào/);
  });

  test('a list Excel cannot hold (a value with a comma) is skipped with a warning, the sheet kept', async () => {
    const spec = templateSpec({ years: { from: 2021, to: 2025 } });
    spec.validations = [{ range: { r0: 20, c0: 2, r1: 30, c1: 2 }, list: ['Mới', 'Chuyển tiếp, mở rộng'] }];
    const book = fakeBook('Sheet1');
    const res = await write(fakeContext(book), spec);
    expect(res.warnings.join(' ')).toMatch(/C21:C31.*dấu phẩy/);
    expect(book.sheets[1].validations).toEqual([]);
  });
});

describe('round trips at scale (layoutPlan of generated plans)', () => {
  test.each([100, 1000, 10000])('%i items: context.sync calls ≤ 4 + ⌈rows / 5,000⌉ and each request under 4 MB', async (items) => {
    const spec = layoutPlan(bigPlan(items));
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const spy = jest.spyOn(ctx, 'sync');
    await write(ctx, spec);
    const bound = 4 + Math.ceil(spec.rows.length / 5000);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(bound);
    expect(spy.mock.calls.length).toBe(3 + Math.ceil(spec.rows.length / 5000));
    for (const b of ctx.batches) expect(b.bytes).toBeLessThan(4_000_000);
    expect(book.sheets[1].cells.size).toBeGreaterThan(items * 5);
  });
});
