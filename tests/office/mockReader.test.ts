/**
 * The Office.js reader against Microsoft's office-addin-mock used as the request context itself: the mock
 * throws when a property is read without load() + sync(), so this proves the reader loads what it reads, and a
 * spy on sync counts the round trips.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { readSheetGrid } from '../../src/office/readGrid';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { cellAt } from '../../src/core/base/grid';

jest.mock('office-addin-manifest', () => jest.requireActual('../helpers/fakeExcel').MANIFEST_MOCK);

// A small appendix as Excel would hand it over: group I with two items, a grand total; C4 is a wrong subtotal.
const values = [
  ['TT', 'Tên dự án', 'Tổng kinh phí', 'Ghi chú'],
  ['I', 'Xây dựng hạ tầng kỹ thuật', 9000, ''],
  [1, 'Mua sắm bổ sung', 1559, 'NSĐP'],
  [2, 'Nâng cấp', 12789, 'NSĐP'],
  ['', 'Tổng cộng', 9000, ''],
];
const formulas = values.map((r, i) => r.map((v, j) => (i === 4 && j === 2 ? '=C2' : i === 1 && j === 2 ? '=C3+C4' : v)));
const bold = [true, true, false, false, true];

function mockContext() {
  const rows: Record<string, unknown> = {};
  bold.forEach((b, i) => { rows[`row${i}`] = { format: { font: { bold: b, italic: false } } }; });
  const mock = new OfficeMockObject({
    application: { calculationMode: 'Automatic' },
    workbook: {
      worksheets: {
        sheet: {
          name: 'Phụ lục',
          used: { rowIndex: 0, columnIndex: 0, rowCount: 5, columnCount: 4, address: "'Phụ lục'!A1:D5" },
          chunk: {
            values,
            formulas,
            numberFormat: values.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0' : 'General'))),
            valueTypes: values.map((r) => r.map((v) => (typeof v === 'number' ? 'Double' : v === '' ? 'Empty' : 'String'))),
            ...rows,
            getRow: function (i: number) { return (this as unknown as Record<string, unknown>)[`row${i}`]; },
          },
          getUsedRangeOrNullObject: function () { return (this as unknown as { used: unknown }).used; },
          getRangeByIndexes: function () { return (this as unknown as { chunk: unknown }).chunk; },
        },
        getActiveWorksheet: function () { return (this as unknown as { sheet: unknown }).sheet; },
      },
    },
  });
  // In Office.js isNullObject is known after the sync without a load; the mock would want it loaded like any
  // property, so it is set beside the mock's loadable properties.
  (mock as unknown as { workbook: { worksheets: { sheet: { used: { isNullObject: boolean } } } } }).workbook.worksheets.sheet.used.isNullObject = false;
  return mock;
}

describe('Office.js reader on office-addin-mock', () => {
  test('reads values, formulas, formats and bold rows in 2 round trips, and the check points at the wrong cell', async () => {
    const ctx = mockContext();
    const sync = jest.spyOn(ctx, 'sync');
    const { grid, syncs } = await readSheetGrid(ctx as unknown as Excel.RequestContext);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(syncs).toBe(2);
    expect(grid.sheet).toBe('Phụ lục');
    expect(cellAt(grid, 1, 0)).toMatchObject({ value: 'I', bold: true });
    expect(cellAt(grid, 1, 2)).toMatchObject({ value: 9000, formula: 'C3+C4', numFmt: '#,##0', bold: true });
    expect(cellAt(grid, 2, 2)).toEqual({ value: 1559, numFmt: '#,##0' });
    expect(cellAt(grid, 4, 2)).toMatchObject({ value: 9000, formula: 'C2' });

    const result = checkGrid(grid);
    const sub = result.findings.filter((f) => f.code === 'GROUP_SUBTOTAL');
    expect(sub).toHaveLength(1);
    expect(sub[0]).toMatchObject({ cell: 'C2', expected: '14348', actual: '9000' });
  });

  test('reading never assigns to the sheet: values, formulas, formats and fonts are as before', async () => {
    const ctx = mockContext();
    await readSheetGrid(ctx as unknown as Excel.RequestContext);
    type R = { load: (p: string) => void; values: unknown; formulas: unknown; numberFormat: unknown; getRow: (i: number) => { format: { font: { load: (p: string) => void; bold: boolean } } } };
    const chunk = (ctx as unknown as { workbook: { worksheets: { sheet: { chunk: R } } } }).workbook.worksheets.sheet.chunk;
    chunk.load('values,formulas,numberFormat');
    const fonts = bold.map((_, i) => { const f = chunk.getRow(i).format.font; f.load('bold'); return f; });
    await ctx.sync();
    expect(chunk.values).toEqual(values);
    expect(chunk.formulas).toEqual(formulas);
    expect(chunk.numberFormat).toEqual(values.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0' : 'General'))));
    expect(fonts.map((f) => f.bold)).toEqual(bold);
  });
});
