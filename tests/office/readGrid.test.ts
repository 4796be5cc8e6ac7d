import { readSheetGrid, parseAddressList } from '../../src/office/readGrid';
import { writeSpecToNewSheet } from '../../src/office/writeSpec';
import { fakeBook, fakeContext, seed, snapshot, FakeContext } from '../helpers/fakeExcel';
import { syntheticSpec } from '../helpers/syntheticSpec';

const read = (ctx: FakeContext, name?: string, opts = {}) =>
  readSheetGrid(ctx as unknown as Excel.RequestContext, name, { excelApi: (v) => ctx.isSetSupported(v), ...opts });

function seededBook() {
  const book = fakeBook('Phụ lục 02', 'Khác');
  const s = book.sheets[0];
  seed(s, [
    ['PHỤ LỤC 02', null, null, null],
    ['TT', 'Tên dự án', 'Năm 2021', 'Tổng'],
    ['I', 'Xây dựng hạ tầng kỹ thuật', '=SUM(C4:C5)', '=SUM(D4:D5)'],
    ['1', 'Mua sắm bổ sung', 1559, '=C4'],
    ['2', 'Nâng cấp mạng', '12.789', '#REF!'],
    [null, 'Tổng cộng', '=C3', 9559.5],
  ], 1, 1); // starts at B2
  for (const c of [1, 2, 3, 4]) s.cells.get(`3,${c}`)!.font.bold = true;
  s.cells.get('6,2')!.font.italic = true;
  s.cells.get('4,3')!.nf = '#,##0';
  s.merges.push({ r0: 1, c0: 1, r1: 1, c1: 4 });
  s.hiddenRows.add(5);
  return book;
}

describe('Office.js reader', () => {
  test('a seeded sheet → the core grid: absolute positions, values, formulas, errors, formats, bold, merges, hidden rows', async () => {
    const book = seededBook();
    const ctx = fakeContext(book);
    const { grid, syncs } = await read(ctx);
    expect(syncs).toBe(2);
    expect(grid.sheet).toBe('Phụ lục 02');
    expect(grid.cells[0]).toEqual([]);
    expect(grid.cells[1][1]).toEqual({ value: 'PHỤ LỤC 02' });
    expect(grid.cells[1][0]).toBeNull();
    expect(grid.cells[3][1]).toEqual({ value: 'I', bold: true });
    expect(grid.cells[3][3]).toEqual({ value: 0, formula: 'SUM(C4:C5)', bold: true });
    expect(grid.cells[4][3]).toEqual({ value: 1559, numFmt: '#,##0' });
    expect(grid.cells[5][3]).toEqual({ value: '12.789' });
    expect(grid.cells[5][4]).toEqual({ value: null, error: '#REF!' });
    expect(grid.cells[6][1]).toBeNull();
    expect(grid.cells[6][2]).toEqual({ value: 'Tổng cộng', italic: true });
    expect(grid.cells[6][4]).toEqual({ value: 9559.5 });
    expect(grid.merges).toEqual([{ r0: 1, c0: 1, r1: 1, c1: 4 }]);
    expect(grid.hiddenRows).toEqual([5]);
  });

  test('named sheet; without ExcelApi 1.9/1.13 bold comes from row formats and merges are not read', async () => {
    const book = seededBook();
    const ctx = fakeContext(book, { apiMinor: 7 });
    const { grid } = await read(ctx, 'phụ lục 02');
    expect(grid.merges).toEqual([]);
    expect(grid.cells[4][2]).toEqual({ value: 'Mua sắm bổ sung' });
    expect(grid.cells[3][2]).toEqual({ value: 'Xây dựng hạ tầng kỹ thuật', bold: true });
    expect(grid.hiddenRows).toBeUndefined();
  });

  test('big sheets are read in chunks: 1 + ⌈rows / chunk⌉ round trips, same grid', async () => {
    const book = seededBook();
    const whole = (await read(fakeContext(book))).grid;
    const ctx = fakeContext(book);
    const { grid, syncs } = await read(ctx, undefined, { maxRowsPerChunk: 2 });
    expect(syncs).toBe(1 + Math.ceil(6 / 2));
    expect(grid).toEqual(whole);
  });

  test('a response Excel refuses as too large is read again in halves', async () => {
    const book = seededBook();
    const whole = (await read(fakeContext(book))).grid;
    const ctx = fakeContext(book, { maxResponseCells: 10 });
    const { grid, syncs } = await read(ctx);
    expect(grid).toEqual(whole);
    expect(syncs).toBeGreaterThan(2);
    await expect(read(fakeContext(book, { maxResponseCells: 1 }))).rejects.toThrow(/trả về quá lớn/);
  });

  test('reading queues no write and leaves the sheet identical (values and formats)', async () => {
    const book = seededBook();
    const before = book.sheets.map(snapshot);
    const ctx = fakeContext(book);
    await read(ctx);
    expect(book.sheets.map(snapshot)).toEqual(before);
    expect(ctx.log).toEqual([]);
  });

  test('an empty sheet reads as an empty grid; a missing sheet gives a Vietnamese message', async () => {
    const book = seededBook();
    const { grid } = await read(fakeContext(book), 'Khác');
    expect(grid).toEqual({ sheet: 'Khác', cells: [], merges: [] });
    await expect(read(fakeContext(book), 'Không có')).rejects.toThrow(/Không tìm thấy trang tính/);
  });

  test('what the writer wrote reads back the same: text stays text, numbers, formulas, bold group rows, merges', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const spec = syntheticSpec(4);
    spec.rows[4].cells[1] = { t: 'text', v: '=HYPERLINK("x")', s: 'item' };
    await writeSpecToNewSheet(ctx as unknown as Excel.RequestContext, spec, { excelApi: (v) => ctx.isSetSupported(v) });
    const { grid } = await read(fakeContext(book), 'Phụ lục');
    expect(grid.cells[4][1]).toEqual({ value: '=HYPERLINK("x")', numFmt: '@' });
    expect(grid.cells[4][0]).toEqual({ value: '1', numFmt: '@' });
    expect(grid.cells[4][2]).toEqual({ value: 1001, numFmt: '#,##0' });
    expect(grid.cells[3][2]).toMatchObject({ formula: 'SUM(C5:C8)', bold: true });
    expect(grid.merges).toEqual(spec.merges);
  });

  test('merged-area addresses parse with or without sheet prefixes', () => {
    expect(parseAddressList("'Phụ lục'!A1:D1, 'Phụ lục'!B3")).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 3 }, { r0: 2, c0: 1, r1: 2, c1: 1 }]);
  });
});
