/** The package guard's pure part (used by the browser preview): the command line's limits, without Node. */
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { guardPackage, mergedCells, MAX_FILE_BYTES, SHEET_EXTENT, ZipLimit, type Inflater } from '../../../src/core/base/zipPackage';
import { PACKAGE } from '../../../src/core/base/limits';
import { MAX_INPUT_BYTES } from '../../../src/cli/commands/readInput';
import { writeSpecsToBuffer } from '../../../src/xlsx/writeSpec';
import { layoutPlan } from '../../../src/core/layout/layout';
import { planFromJsonData } from '../../../src/app/planJson';
import sample from '../../../samples/soc-trang-2021-2025.plan.json';
import { sheetXml, workbookWithSheet, zipBomb } from '../../helpers/xlsxPackage';

/** Node's inflater with the same cap contract as the browser's. */
const inflater: Inflater = async (data, cap) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw e;
  }
};

async function refusal(bytes: Uint8Array): Promise<ZipLimit> {
  try {
    await guardPackage(bytes, inflater);
  } catch (e) {
    if (e instanceof ZipLimit) return e;
    throw e;
  }
  throw new Error('accepted');
}

test('the same file size limit as the command line', () => {
  expect(MAX_FILE_BYTES).toBe(MAX_INPUT_BYTES);
});

test('a real appendix passes, reduced to the parts a reader needs, and exceljs reads the same values', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const original = await writeSpecsToBuffer([spec]);
  const pkg = await guardPackage(new Uint8Array(original), inflater);
  const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await a.xlsx.load(original as unknown as ExcelJS.Buffer);
  await b.xlsx.load(Buffer.from(pkg) as unknown as ExcelJS.Buffer);
  const values = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.getSheetValues().map((r) => JSON.stringify(r)));
  expect(values(b)).toEqual(values(a));
  expect(b.worksheets[0].model.merges.length).toBe(spec.merges.length);
});

test('a compression bomb stops at the part limit without inflating the rest', async () => {
  const bomb = zipBomb(PACKAGE.maxPartBytes + 1024 * 1024);
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  const e = await refusal(bomb);
  expect([e.kind, e.part]).toEqual(['part-size', 'xl/worksheets/sheet1.xml']);
});

test('merged cells, rows and how far cells reach are bounded; a damaged directory is corrupt', async () => {
  const merge = await refusal(workbookWithSheet(sheetXml('<row r="1"><c r="A1"/></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
  expect([merge.kind, merge.where]).toEqual(['merged', 'A1:XFD1048576']);
  // many merges, each small, together over the limit
  const many = Array.from({ length: 2100 }, (_, i) => `<mergeCell ref="A${i * 100 + 1}:A${i * 100 + 100}"/>`).join('');
  await expect(refusal(workbookWithSheet(sheetXml('', `<mergeCells>${many}</mergeCells>`)))).resolves.toMatchObject({ kind: 'merged' });
  const far = await refusal(workbookWithSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')));
  expect([far.kind, far.where]).toEqual(['extent', 'XFD1']);
  const deep = await refusal(workbookWithSheet(sheetXml(`<row r="${SHEET_EXTENT.rows + 1}"><c r="A${SHEET_EXTENT.rows + 1}"><v>1</v></c></row>`)));
  expect(deep.kind).toBe('extent');
  const rows = await refusal(workbookWithSheet(sheetXml('<row/>'.repeat(PACKAGE.maxSheetRows + 1))));
  expect(rows.kind).toBe('rows');
  const cut = workbookWithSheet(sheetXml('')).subarray(0, 300);
  await expect(refusal(cut)).resolves.toMatchObject({ kind: 'corrupt' });
  // within every limit: accepted
  await expect(guardPackage(workbookWithSheet(sheetXml('<row r="1"><c r="B2"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:C3"/></mergeCells>')), inflater)).resolves.toBeInstanceOf(Uint8Array);
  expect(mergedCells('A1:C3')).toBe(9);
  expect(mergedCells('$B$2:B2')).toBe(1);
});
