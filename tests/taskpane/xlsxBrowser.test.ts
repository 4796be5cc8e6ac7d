/**
 * The preview's .xlsx reader with the browser's own inflater (DecompressionStream, also in Node): a hostile file is
 * refused with one Vietnamese line before exceljs sees it; a real appendix opens.
 */
import { inflateCapped, readXlsx } from '../../src/taskpane/xlsxBrowser';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { PACKAGE } from '../../src/core/base/limits';
import sample from '../../samples/soc-trang-2021-2025.plan.json';
import { sheetXml, workbookWithSheet, zipBomb } from '../helpers/xlsxPackage';
import * as zlib from 'zlib';

const bytes = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;

test('the capped inflater stops past its cap and returns the whole output within it', async () => {
  const data = Buffer.alloc(100_000, 7);
  const comp = zlib.deflateRawSync(data);
  await expect(inflateCapped(comp, 50_000)).resolves.toBeUndefined();
  expect(Buffer.from((await inflateCapped(comp, 100_000))!).equals(data)).toBe(true);
});

test('a zip bomb, a huge merge and a cell far away: one Vietnamese line each', async () => {
  await expect(readXlsx(bytes(zipBomb(PACKAGE.maxPartBytes + 1024 * 1024)))).rejects.toThrow(
    /^phần "xl\/worksheets\/sheet1\.xml" của tệp giải nén ra hơn 200 MB/);
  await expect(readXlsx(bytes(workbookWithSheet(sheetXml('', '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'))))).rejects.toThrow(
    /^trang tính có vùng gộp ô A1:XFD1048576 khiến tổng số ô gộp vượt 200\.000 ô/);
  await expect(readXlsx(bytes(workbookWithSheet(sheetXml('<row r="9"><c r="A9"/><c r="ZZ9"/></row>'))))).rejects.toThrow(
    /^trang tính có ô ở ZZ9, ngoài vùng 120\.000 dòng × 256 cột/);
});

test('a real appendix opens with its values, bold rows and merges', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const [sheet] = await readXlsx(bytes(await writeSpecsToBuffer([spec])));
  expect(sheet.name).toBe(spec.name);
  expect(sheet.grid.merges.length).toBe(spec.merges.length);
  const row = spec.roles!.item[0];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  expect(sheet.grid.cells[row][col]?.value).toBe(Number((spec.rows[row].cells[col] as { v: string }).v));
});
