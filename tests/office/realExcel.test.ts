/**
 * The writer and the host against Excel as it is (issue 14.2–14.8, 12.6), each through the honest fake:
 * text Excel would coerce stays text, the web's GeneralException on an oversized batch is halved, merges come
 * before formats, an add that fails by itself deletes nothing, clean-up goes by sheet id, protected sheets and
 * workbooks get nothing, an edit made meanwhile is not overwritten, a multi-area selection gives its active
 * cell, the cell-edit failure on Office 2019 says "đang sửa ô", a hanging Excel.run ends with a message.
 */
import { OfficeHost } from '../../src/office/officeHost';
import { writeSpecToNewSheet } from '../../src/office/writeSpec';
import { readSheetGrid } from '../../src/office/readGrid';
import { WEB_MAX_BYTES } from '../../src/office/writePlan';
import { CAPABILITY, OFFICE_ERRORS, WRITE_CELLS, WRITER } from '../../src/office/messages';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { EXCEL_2019, EXCEL_WEB, enter, fakeBook, fakeContext, newSheet, officeGlobals, seed, snapshot, FakeContext, type FakeCell, type FakeOptions } from '../helpers/fakeExcel';
import { syntheticSpec } from '../helpers/syntheticSpec';

jest.mock('office-addin-manifest', () => jest.requireActual('../helpers/fakeExcel').MANIFEST_MOCK);

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
afterEach(() => { delete g.Excel; delete g.Office; });

function host(ctx: FakeContext, syncTimeoutMs?: number): OfficeHost {
  const { excel, office } = officeGlobals(ctx);
  g.Excel = excel;
  g.Office = office;
  return new OfficeHost((v) => ctx.isSetSupported(v), syncTimeoutMs, () => ctx.options.platform === 'web');
}

const write = (ctx: FakeContext, spec: SheetSpec, opts = {}) =>
  writeSpecToNewSheet(ctx as unknown as Excel.RequestContext, spec, { excelApi: (v) => ctx.isSetSupported(v), ...opts });

/** Text that Excel (en-US) coerces when the cell's number format is General. */
const COERCED = [
  '#N/A', '#REF!', '#DIV/0!', '#NAME?', '#VALUE!', 'Jan-21', '1-Jan', 'June 2021', 'January 1, 2021', '1 Jan 2021', 'Sep 2021',
  '10:30 AM', '10:30', '9 PM', '1/2', '3/4/2021', '2021-01-02', '1-2', '50%', '007', '1,000', '1e5', 'TRUE', 'false', '-5', '+84', '=1+1',
];

describe('text protection (issue 12.6): everything Excel would coerce stays text', () => {
  test('the fake coerces each of these in a General cell, as Excel does', () => {
    for (const s of COERCED) {
      const c: FakeCell = { v: null, nf: 'General', font: {}, borders: {} };
      enter(c, s);
      expect([s, c.v === s && !c.error && c.f === undefined]).toEqual([s, false]);
    }
  });

  test('written into an appendix they read back as the same text, with the text format', async () => {
    const spec = syntheticSpec(2);
    spec.rows.push(...COERCED.map((v) => ({ cells: [{ t: 'text' as const, v: 'x' }, { t: 'text' as const, v }] })));
    const book = fakeBook('Khác');
    const ctx = fakeContext(book);
    const { name } = await write(ctx, spec);
    const { grid } = await readSheetGrid(fakeContext(book) as unknown as Excel.RequestContext, name, { excelApi: () => true });
    const start = spec.rows.length - COERCED.length;
    expect(COERCED.map((_, i) => grid.cells[start + i][1])).toEqual(COERCED.map((v) => ({ value: v, numFmt: '@' })));
  });

  test('written into the input sheet by writeCells, too', async () => {
    const book = fakeBook('Nhập liệu');
    const ctx = fakeContext(book);
    await host(ctx).writeCells('Nhập liệu', COERCED.map((v, i) => ({ row: i, col: 0, cell: { t: 'text', v } })));
    expect(COERCED.map((_, i) => book.sheets[0].cells.get(`${i},0`)?.v)).toEqual(COERCED);
  });
});

describe('Office 2019 (issue 14.2)', () => {
  test('the pane is told which features this Excel lacks; a current Excel lacks none', async () => {
    const old = await host(fakeContext(fakeBook('A'), EXCEL_2019)).notices();
    expect(old).toEqual([CAPABILITY.intro, CAPABILITY.lists, CAPABILITY.print, CAPABILITY.cellFonts, CAPABILITY.cellEdit, CAPABILITY.merges]);
    expect(await host(fakeContext(fakeBook('A'))).notices()).toEqual([]);
  });

  test('a cell being edited: Office 2019 fails with InvalidOperation, and the message says "đang sửa ô"', async () => {
    const book = fakeBook('A');
    seed(book.sheets[0], [['TT']]);
    const err = await host(fakeContext(book, { ...EXCEL_2019, cellEditMode: true })).readSheet().catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(OFFICE_ERRORS.InvalidOperationInCellEditMode);
    expect((err as Error).message).not.toContain('vùng ô đã chọn');
    // a current Excel waits for the edit to end (delayForCellEdit)
    expect((await host(fakeContext(book, { cellEditMode: true })).readSheet()).cells[0][0]).toEqual({ value: 'TT' });
  });

  test('a whole appendix is written without the calls Office 2019 lacks, with warnings for lists and print', async () => {
    const spec = syntheticSpec(30);
    spec.validations = [{ range: { r0: 3, c0: 1, r1: 5, c1: 1 }, list: ['NSĐP', 'NSTW'] }];
    const book = fakeBook('Khác');
    const res = await write(fakeContext(book, EXCEL_2019), spec);
    expect(res.warnings).toEqual([WRITER.listsUnsupported, WRITER.printUnsupported]);
    expect(book.sheets[1].merges).toEqual(spec.merges);
  });
});

describe('print setup (issue 14.3)', () => {
  test('fit to one page wide that did not take is read back, and the officer is told how to set it', async () => {
    const res = await write(fakeContext(fakeBook('Khác'), { zoomIgnored: true }), syntheticSpec(5));
    expect(res.warnings).toEqual([WRITER.fitNotApplied]);
    expect((await write(fakeContext(fakeBook('Khác')), syntheticSpec(5))).warnings).toEqual([]);
  });
});

describe('Excel on the web (issue 14.4, 14.6)', () => {
  test('an oversized batch refused as a translated GeneralException is halved and retried', async () => {
    const book = fakeBook('Khác');
    const ctx = fakeContext(book, { ...EXCEL_WEB, maxRequestBytes: 150_000 });
    const res = await write(ctx, syntheticSpec(3000));
    expect(book.sheets[1].name).toBe(res.name);
    expect(book.sheets[1].cells.get('3,1')?.v).toBe('Nhóm 1');
    expect(ctx.batches.every((b) => b.bytes <= 150_000 || b.ops > 0)).toBe(true);
  });

  test('the host uses a smaller request budget on the web than on the desktop', async () => {
    const big = syntheticSpec(2000);
    // long project names: about 4 MB of values in all
    for (const r of big.rows) if (r.cells[1]?.t === 'text') r.cells[1] = { ...r.cells[1], v: `${r.cells[1].v} ${'đường giao thông nông thôn '.repeat(70)}` };
    const web = fakeContext(fakeBook('Khác'), EXCEL_WEB);
    await host(web).writeNewSheet(big);
    const desk = fakeContext(fakeBook('Khác'));
    await host(desk).writeNewSheet(big);
    expect(Math.max(...web.batches.map((b) => b.bytes))).toBeLessThanOrEqual(WEB_MAX_BYTES * 1.2);
    expect(Math.max(...desk.batches.map((b) => b.bytes))).toBeGreaterThan(WEB_MAX_BYTES * 1.2);
  });

  test('merged cells keep their fill and borders: merges come before formats', async () => {
    const spec = syntheticSpec(3);
    spec.styles.title = { ...spec.styles.title, fill: 'FFFF00', border: true };
    spec.rows[0].cells = [spec.rows[0].cells[0], ...[1, 2, 3].map(() => ({ t: 'empty' as const, s: 'title' }))];
    const book = fakeBook('Khác');
    await write(fakeContext(book, EXCEL_WEB), spec);
    const s = book.sheets[1];
    for (let c = 0; c <= 3; c++) expect([c, s.cells.get(`0,${c}`)?.fill, s.cells.get(`0,${c}`)?.borders.EdgeTop]).toEqual([c, '#FFFF00', 'Continuous']);
  });
});

describe('a new sheet that could not be made or completed (issue 14.7, 12.6)', () => {
  test('worksheets.add failing by itself (focus moved away): nothing was created, so nothing is said to be deleted', async () => {
    const book = fakeBook('Phụ lục');
    const before = book.sheets.map(snapshot);
    const err = await write(fakeContext(book, { addFailsWith: 'GeneralException' }), syntheticSpec(5)).catch((e: Error) => e);
    expect((err as Error).message).toContain(WRITER.nothingWritten.trim());
    expect((err as Error).message).not.toContain('đã được xoá');
    expect(book.sheets.map(snapshot)).toEqual(before);
  });

  test('a protected workbook: a Vietnamese message on how to unprotect, and no add is even tried', async () => {
    const book = fakeBook('Phụ lục');
    book.protectedStructure = true;
    const ctx = fakeContext(book);
    const err = await write(ctx, syntheticSpec(5)).catch((e: Error) => e);
    expect((err as Error).message).toContain(WRITER.workbookProtected);
    expect(ctx.log.filter((l) => l.startsWith('add'))).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });

  test('clean-up goes by sheet id: our renamed sheet is removed, a co-author\'s sheet now bearing its name is kept', async () => {
    const book = fakeBook('Khác');
    const theirs = newSheet('Phụ lục');
    seed(theirs, [['của người khác']]);
    const opts: FakeOptions = { failAtSync: 3, failCode: 'InvalidArgument', renameBefore: { at: 3, from: 'Phụ lục', to: 'Đổi tên' }, sheetAppears: { at: 3, sheet: theirs } };
    const err = await write(fakeContext(book, opts), syntheticSpec(6000)).catch((e: Error) => e);
    expect((err as Error).message).toContain('đã được xoá');
    expect(book.sheets.map((s) => s.name)).toEqual(['Khác', 'Phụ lục']);
    expect(book.sheets[1]).toBe(theirs);
  });
});

describe('writing into the input sheet (issue 14.8, 12.6)', () => {
  test('a protected sheet: a Vietnamese message, nothing written', async () => {
    const book = fakeBook('Nhập liệu');
    seed(book.sheets[0], [['TT', 'Tên'], ['1', 'a']]);
    book.sheets[0].protected = true;
    const before = snapshot(book.sheets[0]);
    const err = await host(fakeContext(book)).writeCells('Nhập liệu', [{ row: 1, col: 0, cell: { t: 'num', v: '2' } }]).catch((e: Error) => e);
    // checked before anything is queued: Excel's own AccessDenied would come after the batch's earlier writes ran
    expect((err as Error).message).toContain(WRITE_CELLS.sheetProtected('Nhập liệu'));
    expect(snapshot(book.sheets[0])).toBe(before);
  });

  test('an edit made between the read and the write is never overwritten; without one the write goes through', async () => {
    const book = fakeBook('Nhập liệu');
    seed(book.sheets[0], [['TT', 'Tên', '2021'], ['1', 'a', 5], ['2', 'b', 6]]);
    const h = host(fakeContext(book));
    const grid = await h.readSheet('Nhập liệu');
    book.sheets[0].cells.get('2,1')!.v = 'b sửa'; // the officer types meanwhile
    const err = await h.writeCells('Nhập liệu', [{ row: 2, col: 2, cell: { t: 'num', v: '7' } }], grid).catch((e: Error) => e);
    expect((err as Error).message).toContain('vừa thay đổi');
    expect(book.sheets[0].cells.get('2,2')?.v).toBe(6);
    const fresh = await h.readSheet('Nhập liệu');
    await h.writeCells('Nhập liệu', [{ row: 2, col: 2, cell: { t: 'num', v: '7' } }], fresh);
    expect(book.sheets[0].cells.get('2,2')?.v).toBe(7);
  });

  test('a selection of several areas (spread over years): the active cell', async () => {
    const book = fakeBook('Nhập liệu');
    book.selection = { sheet: 'Nhập liệu', address: 'C5:C7,E5:E7', active: 'E6' };
    expect(await host(fakeContext(book)).selection()).toEqual({ sheet: 'Nhập liệu', row: 5, col: 4 });
  });
});

describe('the watchdog covers the whole Excel.run (issue 14.8)', () => {
  test('an Excel.run whose own final sync never returns ends with the timeout message', async () => {
    const err = await host(fakeContext(fakeBook('A'), { finalSyncHangs: true }), 50).sheetNames().catch((e: Error) => e);
    expect((err as Error).message).toContain(OFFICE_ERRORS.SyncTimeout);
  });
});
