/**
 * The reader against Excel as it is, not as a kind fake would be (issue 14.2, 14.5, 14.8, 12.6): Office 2019
 * (ExcelApi 1.7: no merged areas, no cell properties) recognises every seed's table as well as a current Excel,
 * manual calculation is recalculated before reading, a stray far cell does not make a giant grid.
 */
import { readSheetGrid, READ_WINDOW } from '../../src/office/readGrid';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { READER } from '../../src/office/messages';
import { EXCEL_2019, fakeBook, fakeContext, parseRangeAddress, seed, type FakeSheet } from '../helpers/fakeExcel';
import { binhDuong, hauGiang2019, ngheAn, socTrang1620, socTrang2125, traVinh2022, traVinh2023, type SheetLayout } from '../helpers/seedSheets';
import { codes } from '../helpers/checkXlsx';

/** A seed layout as Excel holds it once opened (values, cached formula results, formats, bold rows, merges). */
function loadLayout(s: FakeSheet, l: SheetLayout): void {
  l.rows.forEach((row, i) => row.forEach((v, j) => {
    if (v === null || v === undefined) return;
    const numeric = typeof v === 'number' || (typeof v === 'object' && 'f' in v);
    const cell = { v: null as string | number | boolean | null, nf: numeric ? l.numFmt ?? '#,##0' : 'General', font: { bold: l.boldRows.includes(i + 1) }, borders: {} } as FakeSheet['cells'] extends Map<string, infer C> ? C : never;
    if (typeof v === 'object' && 'f' in v) { cell.f = v.f; cell.v = v.v ?? 0; } else if (typeof v === 'object') cell.error = v.error; else cell.v = v;
    s.cells.set(`${i},${j}`, cell);
  }));
  s.merges = l.merges.map(parseRangeAddress);
  for (const r of l.hiddenRows ?? []) s.hiddenRows.add(r - 1);
}

const LAYOUTS: [string, () => SheetLayout][] = [
  ['Sóc Trăng 2021-2025', () => socTrang2125({ wordsLine: true })],
  ['Sóc Trăng 2021-2025, formulas', () => socTrang2125({ formulas: true })],
  ['Sóc Trăng 2016-2020', () => socTrang1620()],
  ['Sóc Trăng 2016-2020, pasted', () => socTrang1620({ pasted: true })],
  ['Trà Vinh 2023', traVinh2023],
  ['Trà Vinh 2022', traVinh2022],
  ['Hậu Giang 2019', () => hauGiang2019()],
  ['Bình Dương', binhDuong],
  ['Nghệ An', () => ngheAn()],
  ['Nghệ An, pasted', () => ngheAn({ pasted: true })],
];

describe('Office 2019 (ExcelApi 1.7): no merge information', () => {
  test.each(LAYOUTS)('%s: the same findings as with merges read', async (_name, make) => {
    const l = make();
    const book = fakeBook(l.name);
    loadLayout(book.sheets[0], l);
    const full = await readSheetGrid(fakeContext(book) as unknown as Excel.RequestContext, undefined, { excelApi: () => true });
    const old = await readSheetGrid(fakeContext(book, EXCEL_2019) as unknown as Excel.RequestContext, undefined, { excelApi: (v) => Number(v.split('.')[1]) <= 7 });
    expect(full.grid.merges.length).toBe(l.merges.length);
    expect(old.grid.merges).toEqual([]);
    const a = checkGrid(full.grid), b = checkGrid(old.grid);
    expect(b.recognized).toBe(a.recognized);
    expect(a.recognized).toBe(true);
    expect(codes(b.findings)).toEqual(codes(a.findings));
  });
});

describe('manual calculation (issue 14.5)', () => {
  test('stale cached totals are recalculated before reading, with a note on how to turn automatic calculation on', async () => {
    const book = fakeBook('Phụ lục');
    seed(book.sheets[0], [['TT', 'Tên', 'Tổng'], ['1', 'a', 5], ['', 'Tổng cộng', '=SUM(C2:C2)']]);
    const total = book.sheets[0].cells.get('2,2')!;
    total.v = 5;
    total.stale = 4; // the sum before C2 was changed, not recalculated
    book.calculationMode = 'Manual';
    const ctx = fakeContext(book);
    const r = await readSheetGrid(ctx as unknown as Excel.RequestContext, undefined, { excelApi: () => true });
    expect(r.grid.cells[2][2]).toMatchObject({ value: 5, formula: 'SUM(C2:C2)' });
    expect(ctx.calculations).toEqual(['Full']);
    expect(r.notes).toEqual([READER.recalculated]);
    expect(r.syncs).toBe(3);
  });

  test('automatic calculation: no recalculation, no extra round trip', async () => {
    const book = fakeBook('Phụ lục');
    seed(book.sheets[0], [['TT', 'Tên'], ['1', 'a']]);
    const ctx = fakeContext(book);
    const r = await readSheetGrid(ctx as unknown as Excel.RequestContext, undefined, { excelApi: () => true });
    expect(ctx.calculations).toEqual([]);
    expect(r).toMatchObject({ syncs: 2, notes: [] });
  });
});

describe('a stray value far away (issue 12.6)', () => {
  test('XFD1000 does not make a grid of 16 million cells: a bounded window, and a note naming the far cell', async () => {
    const book = fakeBook('Phụ lục');
    seed(book.sheets[0], [['TT', 'Tên', 'Tổng'], ['1', 'a', 5]]);
    seed(book.sheets[0], [['x']], 999, 16383);
    const ctx = fakeContext(book);
    const r = await readSheetGrid(ctx as unknown as Excel.RequestContext, undefined, { excelApi: () => true });
    expect(Math.max(...r.grid.cells.map((row) => row.length))).toBeLessThanOrEqual(READ_WINDOW.cols);
    expect(r.grid.cells[1][2]).toEqual({ value: 5 });
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain('XFD1000');
    expect(r.notes[0]).toContain('A1:IV1000');
    // a wide window is read in chunks of ≤ 100,000 cells
    expect(r.syncs).toBe(1 + Math.ceil(1000 / Math.floor(100_000 / READ_WINDOW.cols)));
  });
});
