/**
 * OfficeHost through the Excel and Office globals (office-addin-mock's OfficeMockObject around the in-memory
 * Excel), and PreviewHost: the same WorkbookHost contract.
 */
import { OfficeHost } from '../../src/office/officeHost';
import { PreviewHost } from '../../src/office/previewHost';
import { SETTINGS_KEY, type WorkbookHost } from '../../src/office/host';
import { specToGrid } from '../../src/office/specGrid';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { fakeBook, fakeContext, officeGlobals, seed, snapshot, FakeContext } from '../helpers/fakeExcel';
import { syntheticSpec } from '../helpers/syntheticSpec';
import sample from '../../samples/soc-trang-2021-2025.plan.json';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock('office-addin-manifest', () => jest.requireActual('../helpers/fakeExcel').MANIFEST_MOCK);

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
let runOptions: unknown[] = [];

function install(ctx: FakeContext, settings: Record<string, unknown> = {}, syncTimeoutMs?: number) {
  const { excel, office, store } = officeGlobals(ctx, settings);
  const run = (excel as unknown as { run: (a: unknown, b?: unknown) => Promise<unknown> }).run;
  (excel as unknown as { run: unknown }).run = (a: unknown, b?: unknown) => {
    runOptions.push(typeof a === 'function' ? undefined : a);
    return run(a, b);
  };
  g.Excel = excel;
  g.Office = office;
  return { store, office, host: new OfficeHost(undefined, syncTimeoutMs) };
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
  runOptions = [];
});

describe('OfficeHost', () => {
  test('reads the active sheet, selects a cell (activating its sheet), lists sheets; Excel.run delays for cell edit', async () => {
    const book = fakeBook('A', 'B');
    seed(book.sheets[0], [['TT', 'Tên'], ['1', 'x']]);
    const ctx = fakeContext(book);
    const { host } = install(ctx);
    expect(await host.sheetNames()).toEqual(['A', 'B']);
    expect(await host.activeSheetName()).toBe('A');
    expect((await host.readSheet()).cells[1][1]).toEqual({ value: 'x' });
    await host.selectCell('B', 4, 2);
    expect(book.active).toBe(1);
    expect(book.selection).toEqual({ sheet: 'B', address: 'C5' });
    expect(await host.selection()).toEqual({ sheet: 'B', row: 4, col: 2 });
    expect(runOptions.every((o) => JSON.stringify(o) === JSON.stringify({ delayForCellEdit: true }))).toBe(true);
  });

  test('without ExcelApi 1.11, Excel.run is called without options', async () => {
    const ctx = fakeContext(fakeBook('A'), { apiMinor: 10 });
    const { host } = install(ctx);
    await host.sheetNames();
    expect(runOptions).toEqual([undefined]);
  });

  test('settings of the plan are kept in the document settings and read back', async () => {
    const ctx = fakeContext(fakeBook('A'));
    const { host, store } = install(ctx);
    expect(await host.loadSettings()).toBeUndefined();
    await host.saveSettings({ title: 'Danh mục', yearFrom: 2021, yearTo: 2025, sources: ['NSĐP'], inputSheet: 'Nhập liệu' });
    expect(typeof store[SETTINGS_KEY]).toBe('string');
    // a reopened document: a new host on the same stored settings
    const again = install(fakeContext(fakeBook('A')), store).host;
    expect(await again.loadSettings()).toEqual({ title: 'Danh mục', yearFrom: 2021, yearTo: 2025, sources: ['NSĐP'], inputSheet: 'Nhập liệu' });
    const broken = install(fakeContext(fakeBook('A')), { [SETTINGS_KEY]: '{not json' }).host;
    expect(await broken.loadSettings()).toBeUndefined();
  });

  test('findings the user ignored ("Bỏ qua") are kept in the document and come back when it is reopened', async () => {
    const { host, store } = install(fakeContext(fakeBook('A')));
    const ignored = ['GROUP_SUBTOTAL|Phụ lục 02|F8', 'TEXT_NUMBER|Phụ lục 02|G12'];
    await host.saveSettings({ tolerance: '0', ignored });
    const again = install(fakeContext(fakeBook('A')), store).host;
    expect((await again.loadSettings())?.ignored).toEqual(ignored);
  });

  test('writeCells: two round trips (protection, then the writes), text stays text, existing number formats untouched', async () => {
    const book = fakeBook('Nhập liệu');
    seed(book.sheets[0], [['TT', 'Tên', '2021'], ['x', 'a', 5], ['y', 'b', 6]]);
    book.sheets[0].cells.get('1,2')!.nf = '#,##0';
    const ctx = fakeContext(book);
    const { host } = install(ctx);
    const before = ctx.syncCount;
    await host.writeCells('Nhập liệu', [
      { row: 1, col: 0, cell: { t: 'text', v: '1' } },
      { row: 2, col: 0, cell: { t: 'text', v: '=2' } },
      { row: 1, col: 2, cell: { t: 'num', v: '1911.8' } },
    ]);
    expect(ctx.syncCount - before).toBe(2);
    const s = book.sheets[0];
    expect(s.cells.get('1,0')).toMatchObject({ v: '1', nf: '@' });
    expect(s.cells.get('2,0')).toMatchObject({ v: '=2', nf: '@' });
    expect(s.cells.get('2,0')!.f).toBeUndefined();
    expect(s.cells.get('1,2')).toMatchObject({ v: 1911.8, nf: '#,##0' });
  });

  test('a sync that never returns ends with the Vietnamese timeout message in every method, settings included', async () => {
    const book = fakeBook('A');
    const ctx = fakeContext(book);
    const { host, office } = install(ctx, {}, 50);
    ctx.sync = () => new Promise<void>(() => undefined);
    const calls: [string, () => Promise<unknown>][] = [
      ['sheetNames', () => host.sheetNames()],
      ['activeSheetName', () => host.activeSheetName()],
      ['selectCell', () => host.selectCell('A', 0, 0)],
      ['selection', () => host.selection()],
      ['writeCells', () => host.writeCells('A', [{ row: 0, col: 0, cell: { t: 'text', v: '1' } }])],
      ['readSheet', () => host.readSheet('A')],
      ['writeNewSheet', () => host.writeNewSheet(syntheticSpec(2))],
    ];
    for (const [method, call] of calls) {
      const err = await call().then(() => undefined, (e: unknown) => e);
      expect([method, err]).toEqual([method, expect.objectContaining({ code: 'SyncTimeout', message: expect.stringMatching(/^Excel không phản hồi trong thời gian cho phép/) })]);
    }
    // document settings: a saveAsync whose callback never comes
    const settings = (office as unknown as { context: { document: { settings: { saveAsync: unknown } } } }).context.document.settings;
    settings.saveAsync = () => undefined;
    await expect(host.saveSettings({ title: 'x' })).rejects.toMatchObject({ code: 'SyncTimeout' });
  });

  test('generating into a workbook that has "Phụ lục" makes "Phụ lục (2)" and activates it', async () => {
    const book = fakeBook('Phụ lục');
    seed(book.sheets[0], [['giữ nguyên']]);
    const before = snapshot(book.sheets[0]);
    const { host } = install(fakeContext(book));
    const progress: number[] = [];
    expect(await host.writeNewSheet(syntheticSpec(20), (p) => progress.push(p.rowsWritten))).toBe('Phụ lục (2)');
    expect(book.active).toBe(1);
    expect(snapshot(book.sheets[0])).toBe(before);
    expect(progress.at(-1)).toBe(syntheticSpec(20).rows.length);
  });

  test('a failing generation reports in Vietnamese and leaves the workbook as it was', async () => {
    const book = fakeBook('Phụ lục');
    const ctx = fakeContext(book, { failAtSync: 3, failCode: 'GeneralException' });
    const { host } = install(ctx);
    await expect(host.writeNewSheet(syntheticSpec(20))).rejects.toThrow(/Excel báo lỗi chung.*đã được xoá/);
    expect(book.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });
});

describe('a check never changes the checked sheet', () => {
  test('reading + checking the Sóc Trăng appendix in Excel leaves values and formats identical', async () => {
    const spec = layoutPlan(planFromJsonData(sample), { words: true });
    const book = fakeBook('Sheet1');
    const ctx = fakeContext(book);
    const { host } = install(ctx);
    const name = await host.writeNewSheet(spec);
    const before = book.sheets.map(snapshot);
    const logBefore = ctx.log.length;
    const grid = await host.readSheet(name);
    const res = checkGrid(grid);
    expect(res.summary.items).toBeGreaterThan(0);
    expect(book.sheets.map(snapshot)).toEqual(before);
    expect(ctx.log.slice(logBefore)).toEqual([]);
  });
});

describe('PreviewHost: the same contract in the browser', () => {
  const spec = syntheticSpec(5);
  const make = () => PreviewHost.fromSpecs([spec]);

  test('free names, activation, selection, no overwrite', async () => {
    const host: WorkbookHost = make();
    expect(await host.writeNewSheet(spec)).toBe('Phụ lục (2)');
    expect(await host.writeNewSheet(spec)).toBe('Phụ lục (3)');
    expect(await host.sheetNames()).toEqual(['Phụ lục', 'Phụ lục (2)', 'Phụ lục (3)']);
    expect(await host.activeSheetName()).toBe('Phụ lục (3)');
    await host.selectCell('Phụ lục', 3, 2);
    expect(await host.selection()).toEqual({ sheet: 'Phụ lục', row: 3, col: 2 });
    expect(await host.activeSheetName()).toBe('Phụ lục');
    expect(await host.readSheet('Phụ lục')).toEqual(specToGrid(spec));
  });

  test('readSheet returns a copy: changing it does not change the workbook', async () => {
    const host = make();
    const grid = await host.readSheet();
    grid.cells[0][0] = { value: 'x' };
    expect((await host.readSheet()).cells[0][0]).toEqual({ value: 'PHỤ LỤC 02', bold: true });
  });

  test('writeCells keeps text as text and replaces formulas by typed numbers', async () => {
    const host = make();
    await host.writeCells('Phụ lục', [{ row: 3, col: 2, cell: { t: 'num', v: '12' } }, { row: 4, col: 1, cell: { t: 'text', v: '=x' } }]);
    const grid = await host.readSheet();
    expect(grid.cells[3][2]).toEqual({ value: 12, numFmt: '#,##0', bold: true });
    expect(grid.cells[4][1]).toEqual({ value: '=x' });
  });

  test('settings round trip', async () => {
    const host = make();
    expect(await host.loadSettings()).toBeUndefined();
    await host.saveSettings({ preset: 'annual' });
    expect(await host.loadSettings()).toEqual({ preset: 'annual' });
  });
});
