import { writeSpecToNewSheet } from '../../src/office/writeSpec';
import { needsTextFormat, planValueChunks, styleRects, joinAddresses, widthToPoints } from '../../src/office/writePlan';
import { layoutPlan } from '../../src/core/layout/layout';
import { bigPlan } from '../helpers/officeBigPlan';
import { freeSheetName } from '../../src/core/layout/sheetNames';
import { HostError } from '../../src/office/errors';
import { fakeBook, fakeContext, newSheet, seed, snapshot, FakeContext, FakeBook } from '../helpers/fakeExcel';
import { syntheticSpec } from '../helpers/syntheticSpec';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { readSheetGrid } from '../../src/office/readGrid';
import { INJECTIONS } from '../helpers/injections';

const write = (ctx: FakeContext, spec: SheetSpec, opts = {}) =>
  writeSpecToNewSheet(ctx as unknown as Excel.RequestContext, spec, { excelApi: (v) => ctx.isSetSupported(v), ...opts });

const cell = (book: FakeBook, sheet: string, addr: string) => {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  const col = m[1].split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.cells.get(`${+m[2] - 1},${col}`);
};

describe('Office.js writer: what Excel receives', () => {
  test('values, formulas, number formats, merges, formats, geometry and print setup of a small appendix', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const spec = syntheticSpec(3);
    const res = await write(ctx, spec);
    expect(res.name).toBe('Phụ lục');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Phụ lục']);
    expect(cell(book, 'Phụ lục', 'A1')).toMatchObject({ v: 'PHỤ LỤC 02', font: { bold: true, name: 'Times New Roman', size: 12 }, h: 'Center' });
    expect(cell(book, 'Phụ lục', 'B3')).toMatchObject({ v: 'Tên dự án', h: 'Center', va: 'Center', wrap: true });
    // group row: SUM formula, bold, #,##0
    expect(cell(book, 'Phụ lục', 'C4')).toMatchObject({ f: 'SUM(C5:C7)', nf: '#,##0', font: { bold: true } });
    // items: TT "1" stays text (number format @), amounts are numbers, D is a formula
    expect(cell(book, 'Phụ lục', 'A5')).toMatchObject({ v: '1', nf: '@' });
    expect(cell(book, 'Phụ lục', 'C5')).toMatchObject({ v: 1001, nf: '#,##0' });
    expect(cell(book, 'Phụ lục', 'C5')!.font.bold).toBeUndefined();
    expect(cell(book, 'Phụ lục', 'D6')).toMatchObject({ f: 'C6' });
    expect(cell(book, 'Phụ lục', 'B8')).toMatchObject({ v: 'Tổng cộng', font: { bold: true } });
    expect(cell(book, 'Phụ lục', 'C8')).toMatchObject({ f: 'C4' });
    // borders on every block; inside borders only where a block has two rows / two columns
    expect(cell(book, 'Phụ lục', 'A3')!.borders).toEqual({ EdgeTop: 'Continuous', EdgeBottom: 'Continuous', EdgeLeft: 'Continuous', EdgeRight: 'Continuous', InsideVertical: 'Continuous' });
    expect(cell(book, 'Phụ lục', 'D7')!.borders).toMatchObject({ EdgeTop: 'Continuous', InsideHorizontal: 'Continuous', InsideVertical: 'Continuous' });
    expect(cell(book, 'Phụ lục', 'A8')!.borders.InsideHorizontal).toBeUndefined();
    const s = book.sheets[1];
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 3 }, { r0: 1, c0: 0, r1: 1, c1: 3 }]);
    expect([...s.colWidths.entries()]).toEqual([[0, 35.25], [1, 213.75], [2, 66.75], [3, 66.75]]);
    expect(s.rowHeights.get(2)).toBe(30);
    expect(s.freeze).toEqual({ rows: 3, cols: 0 });
    expect(s.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 }, printArea: 'A1:D8', titleRows: '$3:$3', footer: 'Trang &P/&N', leftMargin: 28.8 });
    // the new sheet is activated with A1 selected; calculation suspended during writes
    expect(book.active).toBe(1);
    expect(book.selection).toEqual({ sheet: 'Phụ lục', address: 'A1' });
    expect(ctx.calcSuspended).toBeGreaterThan(0);
    expect(res.syncs).toBe(4);
    expect(res.warnings).toEqual([]);
  });

  test('formats go through RangeAreas (getRanges) when ExcelApi 1.9 is there, per block otherwise, with the same result', async () => {
    const a = fakeBook('Sheet1'), b = fakeBook('Sheet1');
    const ca = fakeContext(a), cb = fakeContext(b, { apiMinor: 7 });
    await write(ca, syntheticSpec(120));
    await write(cb, syntheticSpec(120));
    expect(ca.log.filter((l) => l.startsWith('getRanges')).length).toBeGreaterThan(0);
    expect(cb.log.filter((l) => l.startsWith('getRanges')).length).toBe(0);
    // without 1.9: no print setup, but cells identical
    expect(JSON.stringify([...a.sheets[1].cells])).toBe(JSON.stringify([...b.sheets[1].cells]));
    expect(b.sheets[1].page).toEqual({});
    const res = await write(fakeContext(fakeBook('Sheet1'), { apiMinor: 7 }), syntheticSpec(3));
    expect(res.warnings.join(' ')).toMatch(/ExcelApi 1.9.*A4 ngang/);
    // group rows are disjoint: one getRanges call carries all of them
    const groupCall = ca.log.find((l) => l.startsWith('getRanges') && l.includes('A4:B4'));
    expect(groupCall?.split(',').length).toBeGreaterThanOrEqual(3);
  });

  test.each([
    [100, 4], [1000, 4], [10000, 6],
  ])('%i items: context.sync called %i times (≤ 4 + ⌈rows/5000⌉), each request under 4 MB', async (items, expected) => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const spy = jest.spyOn(ctx, 'sync');
    const spec = syntheticSpec(items);
    const res = await write(ctx, spec);
    expect(spy).toHaveBeenCalledTimes(expected);
    expect(res.syncs).toBe(expected);
    expect(expected).toBeLessThanOrEqual(4 + Math.ceil(spec.rows.length / 5000));
    for (const b of ctx.batches) expect(b.bytes).toBeLessThan(4_000_000);
    const s = book.sheets[1];
    const last = spec.rows.length - 1;
    expect(s.cells.get(`${last},1`)?.v).toBe('Tổng cộng');
  });

  test('a request Excel refuses as too large is halved and retried; the result is the same', async () => {
    const spec = syntheticSpec(400);
    const plain = fakeBook('Sheet1');
    await write(fakeContext(plain), spec);
    const limited = fakeBook('Sheet1');
    const ctx = fakeContext(limited, { maxRequestBytes: 12_000 });
    const res = await write(ctx, spec, { maxRequestBytes: 1_000_000 });
    expect(res.syncs).toBeGreaterThan(4);
    expect(snapshot(limited.sheets[1])).toBe(snapshot(plain.sheets[1]));
  });

  test.each([17, 7])('a format batch Excel refuses as too large is halved and retried (ExcelApi 1.%i): every format, merge, width and height arrives', async (minor) => {
    const spec = layoutPlan(bigPlan(200));
    const plain = fakeBook('Sheet1');
    const base = await write(fakeContext(plain, { apiMinor: minor }), spec);
    // sync 1 reads the names, sync 2 carries the values; from sync 3 (formats, in one batch of 19-41 kB in the
    // fake's measure) Excel refuses anything above 2 kB, far below the writer's own budget
    const limit = 2_000;
    const limited = fakeBook('Sheet1');
    const ctx = fakeContext(limited, { apiMinor: minor, maxRequestBytes: limit, maxRequestBytesFromSync: 3 });
    const res = await write(ctx, spec);
    expect(ctx.batches[1].bytes).toBeGreaterThan(limit);
    expect(ctx.batches.slice(2).filter((b) => b.bytes > limit).length).toBeGreaterThan(0);
    expect(res.syncs).toBeGreaterThan(base.syncs);
    expect(res.warnings).toEqual(base.warnings);
    const s = limited.sheets[1];
    expect(s.merges).toEqual(spec.merges);
    spec.columns.forEach((c, i) => expect(s.colWidths.get(i)).toBe(widthToPoints(c.width)));
    spec.rows.forEach((r, i) => expect(s.rowHeights.get(i)).toBe(r.height));
    expect(snapshot(s)).toBe(snapshot(plain.sheets[1]));
  });
});

describe('never overwrite, never leave half an appendix', () => {
  test('a workbook that already has "Phụ lục" gets "Phụ lục (2)"; the existing sheet is untouched', async () => {
    const long = fakeBook('PHỤ LỤC', 'Phụ lục (2)');
    expect((await write(fakeContext(long), syntheticSpec(2))).name).toBe('Phụ lục (3)');
    const book = fakeBook('Phụ lục');
    seed(book.sheets[0], [['Bảng cũ', 123], ['=SUM(B1)', null]]);
    const before = snapshot(book.sheets[0]);
    const ctx = fakeContext(book);
    const res = await write(ctx, syntheticSpec(5));
    expect(res.name).toBe('Phụ lục (2)');
    expect(book.sheets.map((s) => s.name)).toEqual(['Phụ lục', 'Phụ lục (2)']);
    expect(snapshot(book.sheets[0])).toBe(before);
  });

  test('free names are case-insensitive', () => {
    // core/sheetNames.ts (shared with the CLI) as the writer uses it
    expect(freeSheetName(['phụ lục', 'PHỤ LỤC (2)'], 'Phụ lục')).toBe('Phụ lục (3)');
    expect(freeSheetName(['Sheet1'], 'Phụ lục')).toBe('Phụ lục');
  });

  test.each([2, 3, 4])('a failure injected at sync %i (before the sheet is complete) removes only the new sheet and says so in Vietnamese', async (at) => {
    const book = fakeBook('Nhập liệu', 'Phụ lục');
    seed(book.sheets[0], [['TT', 'Tên dự án'], ['1', 'Trường học']]);
    seed(book.sheets[1], [['cũ']]);
    const before = book.sheets.map(snapshot);
    const ctx = fakeContext(book, { failAtSync: at });
    const err = await write(ctx, syntheticSpec(6000)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toContain('Phụ lục (2)');
    expect(err.message).toContain('đã được xoá');
    expect(book.sheets.map(snapshot)).toEqual(before);
    expect(ctx.log.filter((l) => l.startsWith('add') || l.startsWith('delete'))).toEqual(['add Phụ lục (2)', 'delete Phụ lục (2)']);
  });

  test('a single format operation Excel still refuses as too large: the generation fails in Vietnamese, only the new sheet is removed', async () => {
    const book = fakeBook('Nhập liệu', 'Phụ lục');
    seed(book.sheets[0], [['TT', 'Tên dự án'], ['1', 'Trường học']]);
    seed(book.sheets[1], [['cũ']]);
    const before = book.sheets.map(snapshot);
    // from sync 3 (formats) Excel refuses anything above 100 bytes: the default font passes, no style block does
    const limit = 100;
    const ctx = fakeContext(book, { maxRequestBytes: limit, maxRequestBytesFromSync: 3 });
    const err = await write(ctx, syntheticSpec(400)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(err.message).toContain('Không tạo được trang "Phụ lục (2)": Khối dữ liệu gửi sang Excel quá lớn, kể cả sau khi đã chia nhỏ.');
    expect(err.message).toContain('Trang dở dang "Phụ lục (2)" đã được xoá; các trang khác không bị thay đổi.');
    expect(err.message).toBe(err.message.normalize('NFC'));
    expect(book.sheets.map(snapshot)).toEqual(before);
    expect(ctx.log.filter((l) => l.startsWith('add') || l.startsWith('delete'))).toEqual(['add Phụ lục (2)', 'delete Phụ lục (2)']);
    // halved down to one operation before giving up: several refusals, the last one a single style block
    const refused = ctx.batches.slice(2).filter((b) => b.bytes > limit);
    expect(refused.length).toBeGreaterThan(1);
    expect(refused[refused.length - 1].bytes).toBeLessThan(1_000);
  });

  test('a same-named sheet that a co-author adds before the add is kept: nothing deleted, nothing written, a true message', async () => {
    const book = fakeBook('Sheet1');
    const theirs = newSheet('Phụ lục');
    seed(theirs, [['Bảng của người khác', 42]]);
    const theirsBefore = snapshot(theirs);
    const ctx = fakeContext(book, { sheetAppears: { at: 2, sheet: theirs } });
    const err = await write(ctx, syntheticSpec(10)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('ItemAlreadyExists');
    expect(err.message).toContain('Trang "Phụ lục" đã có trong tệp');
    expect(err.message).toContain('được giữ nguyên');
    expect(err.message).toContain('Tiện ích chưa ghi gì vào tệp.');
    expect(err.message).not.toContain('đã được xoá');
    expect(err.message).toBe(err.message.normalize('NFC'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Phụ lục']);
    expect(snapshot(book.sheets[1])).toBe(theirsBefore);
    expect(ctx.log.filter((l) => l.startsWith('add') || l.startsWith('delete'))).toEqual([]);
  });

  test('a co-author\'s sheet that appears while a too-large first batch is halved is neither written into nor deleted', async () => {
    const book = fakeBook('Sheet1');
    const theirs = newSheet('Phụ lục');
    seed(theirs, [['Bảng của người khác']]);
    const theirsBefore = snapshot(theirs);
    const ctx = fakeContext(book, { maxRequestBytes: 12_000, sheetAppears: { at: 3, sheet: theirs } });
    const err = await write(ctx, syntheticSpec(400), { maxRequestBytes: 1_000_000 }).catch((e) => e);
    expect(err.code).toBe('ItemAlreadyExists');
    expect(err.message).toContain('được giữ nguyên');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Phụ lục']);
    expect(snapshot(book.sheets[1])).toBe(theirsBefore);
    expect(ctx.log.filter((l) => l.startsWith('delete'))).toEqual([]);
  });

  test('a failure later in the batch that carries the add: the sheet is ours and is removed', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book, { failAtSync: 2, failCode: 'InvalidArgument' });
    const err = await write(ctx, syntheticSpec(10)).catch((e) => e);
    expect(err.code).toBe('InvalidArgument');
    expect(err.message).toContain('Trang dở dang "Phụ lục" đã được xoá');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(ctx.log.filter((l) => l.startsWith('add') || l.startsWith('delete'))).toEqual(['add Phụ lục', 'delete Phụ lục']);
  });

  test('when the batch that carries the add never answers, no sheet is deleted and the message says the sheet may remain', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const real = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = () => (++n === 2 ? new Promise<void>(() => undefined) : real());
    const err = await write(ctx, syntheticSpec(10), { syncTimeoutMs: 200 }).catch((e) => e);
    expect(err.code).toBe('SyncTimeout');
    expect(err.message).toMatch(/không phản hồi.*Trang "Phụ lục" có thể đã được tạo dở dang/);
    expect(err.message).not.toContain('đã được xoá');
    expect(ctx.log.filter((l) => l.startsWith('delete'))).toEqual([]);
  });

  test('a failure in the optional last step (print setup, freeze) keeps the complete sheet and warns', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book, { failAtSync: 4, failCode: 'InvalidArgument' });
    const res = await write(ctx, syntheticSpec(10));
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Phụ lục']);
    expect(book.sheets[1].cells.get('3,1')?.v).toBe('Nhóm 1');
    expect(res.warnings[0]).toMatch(/đã được tạo đầy đủ.*tham số không hợp lệ/);
    expect(book.active).toBe(1);
  });

  test('the error code maps to a Vietnamese message', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book, { failAtSync: 3, failCode: 'InvalidOperationInCellEditMode' });
    const err = await write(ctx, syntheticSpec(10)).catch((e) => e);
    expect(err.code).toBe('InvalidOperationInCellEditMode');
    expect(err.message).toMatch(/chế độ sửa ô/);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a sync that never returns is stopped by the watchdog, and the new sheet is removed', async () => {
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const real = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = () => (++n === 3 ? new Promise<void>(() => undefined) : real());
    const err = await write(ctx, syntheticSpec(10), { syncTimeoutMs: 200 }).catch((e) => e);
    expect(err.code).toBe('SyncTimeout');
    expect(err.message).toMatch(/không phản hồi/);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('formula injection: user text is written as text', () => {
  const texts = ['=1+1', '=HYPERLINK("http://x","y")', '+SUM(A1:A2)', '-5', '-', '@foo', '\tTab', '\rCR', '\nLF', "'quoted", '12.789', '1,8', '04/6/2021', 'TRUE', '1e5', '2021-2025'];
  test.each(texts)('%j stays text', async (text) => {
    const book = fakeBook('Sheet1');
    const spec = syntheticSpec(1);
    spec.rows[4].cells[1] = { t: 'text', v: text, s: 'item' };
    await write(fakeContext(book), spec);
    const c = book.sheets[1].cells.get('4,1')!;
    expect(c.f).toBeUndefined();
    expect(c.v).toBe(text);
    expect(c.nf).toBe('@');
  });

  test('every payload, written in one appendix, reads back through the Office reader as the same text, no formula', async () => {
    const all = [...new Set([...texts, ...INJECTIONS])];
    const book = fakeBook('Sheet1');
    const spec = syntheticSpec(all.length);
    all.forEach((t, i) => { spec.rows[4 + i].cells[1] = { t: 'text', v: t, s: 'item' }; });
    const ctx = fakeContext(book);
    const { name } = await write(ctx, spec);
    const { grid } = await readSheetGrid(ctx as unknown as Excel.RequestContext, name, { excelApi: (v) => ctx.isSetSupported(v) });
    all.forEach((t, i) => {
      const c = grid.cells[4 + i]?.[1];
      expect([t, c?.value, c?.formula]).toEqual([t, t, undefined]);
    });
  });

  test('ordinary text keeps its style number format (no needless @)', () => {
    expect(needsTextFormat('Trường THPT Lê Lợi')).toBe(false);
    expect(needsTextFormat('Xây dựng 12 phòng học')).toBe(false);
    expect(needsTextFormat('I')).toBe(false);
    expect(needsTextFormat('1')).toBe(true);
    expect(needsTextFormat('=A1')).toBe(true);
  });
});

describe('write planning', () => {
  test('chunks respect both the row cap and the byte budget, covering every row once', () => {
    const spec = syntheticSpec(12000);
    const chunks = planValueChunks(spec, 5000, 3_500_000);
    expect(chunks.map((c) => c.rows).reduce((a, b) => a + b)).toBe(spec.rows.length);
    expect(chunks.every((c) => c.rows <= 5000)).toBe(true);
    const small = planValueChunks(spec, 5000, 100_000);
    expect(small.length).toBeGreaterThan(chunks.length);
    expect(small.every((c) => c.bytes <= 100_000)).toBe(true);
  });

  test('style blocks: items of a group form one rectangle per column run; addresses stay under 8,192 chars', () => {
    const spec = syntheticSpec(100, 50);
    const rects = styleRects(spec);
    expect(rects.get('item')).toEqual([{ r0: 4, c0: 0, r1: 53, c1: 1 }, { r0: 55, c0: 0, r1: 104, c1: 1 }]);
    expect(rects.get('group')).toEqual([{ r0: 3, c0: 0, r1: 3, c1: 1 }, { r0: 54, c0: 0, r1: 54, c1: 1 }, { r0: 105, c0: 0, r1: 105, c1: 1 }]);
    const many = Array.from({ length: 3000 }, (_, i) => ({ r0: i * 2, c0: 0, r1: i * 2, c1: 5 }));
    const parts = joinAddresses(many);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 8000)).toBe(true);
    expect(parts.join(',').split(',').length).toBe(3000);
  });
});
