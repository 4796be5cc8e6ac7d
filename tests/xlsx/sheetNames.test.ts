/** Free sheet names (Excel's rules) and the atomic, no-overwrite workbook writer. */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { EXCEL } from '../../src/core/base/limits';
import { freeSheetName, isValidSheetName, sanitizeSheetName } from '../../src/core/layout/sheetNames';
import { templateSpec } from '../../src/core/input/write';
import { OutputExistsError, withFreeNames, writeWorkbook } from '../../src/xlsx/workbook';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';

describe('freeSheetName', () => {
  test.each([
    [[], 'Phụ lục', 'Phụ lục'],
    [['Phụ lục'], 'Phụ lục', 'Phụ lục (2)'],
    [['phụ lục', 'PHỤ LỤC (2)'], 'Phụ lục', 'Phụ lục (3)'],
    [['Sheet1'], 'Phụ lục 02', 'Phụ lục 02'],
    [[], 'Phụ lục: 2021/2025 [a]*?\\', 'Phụ lục- 2021-2025 -a----'],
    [[], "'Báo cáo'", 'Báo cáo'],
    [[], '', 'Phụ lục'],
    [[], 'History', 'Phụ lục'],
  ])('%j + %p → %p', (existing, wanted, expected) => {
    expect(freeSheetName(existing, wanted)).toBe(expected);
  });

  test('long names stay within 31 characters, with the suffix kept', () => {
    const long = 'Danh mục các dự án dự kiến triển khai giai đoạn 2021-2025';
    const first = freeSheetName([], long);
    expect(first).toBe(long.slice(0, 31).trimEnd());
    const second = freeSheetName([first], long);
    expect(second.length).toBeLessThanOrEqual(EXCEL.maxSheetName);
    expect(second.endsWith(' (2)')).toBe(true);
    const taken: string[] = [];
    for (let i = 0; i < 12; i++) taken.push(freeSheetName(taken, long));
    expect(new Set(taken).size).toBe(12);
    expect(taken[11]).toMatch(/ \(12\)$/);
    expect(taken.every((t) => t.length <= EXCEL.maxSheetName)).toBe(true);
  });

  test('property: the result is valid, within 31 characters and not taken', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.string({ maxLength: 50 }), (existing, wanted) => {
      const validExisting = existing.map((e) => sanitizeSheetName(e));
      const name = freeSheetName(validExisting, wanted);
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(EXCEL.maxSheetName);
      expect(isValidSheetName(name)).toBe(true);
      expect(/[[\]:*?/\\]/.test(name)).toBe(false);
      expect(validExisting.map((e) => e.toLocaleLowerCase('vi'))).not.toContain(name.toLocaleLowerCase('vi'));
    }), { numRuns: 500 });
  });

  test('withFreeNames renames the second sheet of the same name', () => {
    const a = templateSpec({ rows: 1 });
    expect(withFreeNames([a, a]).map((s) => s.name)).toEqual(['Nhập liệu', 'Nhập liệu (2)']);
  });
});

describe('writeWorkbook', () => {
  let dir: string;
  beforeEach(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-wb-')); });
  afterEach(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

  test('writes a readable workbook and leaves no temporary file', async () => {
    const out = path.join(dir, 'a.xlsx');
    const names = await writeWorkbook([templateSpec({ rows: 3 }), templateSpec({ rows: 3 })], out);
    expect(names).toEqual(['Nhập liệu', 'Nhập liệu (2)']);
    expect(await fsp.readdir(dir)).toEqual(['a.xlsx']);
    const grids = await readWorkbookGrids(out);
    expect(grids.map((g) => g.sheet)).toEqual(['Nhập liệu', 'Nhập liệu (2)']);
  });

  test('never replaces an existing file unless asked', async () => {
    const out = path.join(dir, 'a.xlsx');
    await fsp.writeFile(out, 'công việc của người dùng');
    await expect(writeWorkbook([templateSpec({ rows: 1 })], out)).rejects.toBeInstanceOf(OutputExistsError);
    expect(await fsp.readFile(out, 'utf8')).toBe('công việc của người dùng');
    expect(await fsp.readdir(dir)).toEqual(['a.xlsx']);
    await writeWorkbook([templateSpec({ rows: 1 })], out, { overwrite: true });
    expect((await readWorkbookGrids(out))[0].sheet).toBe('Nhập liệu');
    expect(await fsp.readdir(dir)).toEqual(['a.xlsx']);
  });

  test('a failing writer leaves no output and no temporary file', async () => {
    const out = path.join(dir, 'bad.xlsx');
    const spec = templateSpec({ rows: 1 });
    spec.rows[0].cells[0] = { t: 'num', v: 'không phải số' };
    await expect(writeWorkbook([spec], out)).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});
