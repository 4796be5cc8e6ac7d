/** Limits of the streaming reader checked before the work they bound, each one Vietnamese line naming the limit. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookGrids } from '../../src/xlsx/stream/read';
import { UnreadableWorkbookError } from '../../src/xlsx/readErrors';

/** A one-sheet workbook whose sheet XML is edited by `edit`. */
async function edited(edit: (xml: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Phụ lục').getCell('A1').value = 'TT';
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function refusal(buf: Buffer): Promise<UnreadableWorkbookError> {
  const err = await readWorkbookGrids(buf).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  expect((err as Error).message).not.toMatch(/\n/);
  return err as UnreadableWorkbookError;
}

it('one stray cell far to the right is read as a sparse row: only its own row is 16,384 cells wide', async () => {
  const grids = await readWorkbookGrids(await edited((x) => x.replace('</sheetData>', '<row r="1000"><c r="XFD1000"><v>1</v></c></row></sheetData>')));
  expect(grids[0].cells).toHaveLength(1000);
  expect(grids[0].cells[999]).toHaveLength(16_384);
  expect(grids[0].cells[999][16_383]).toMatchObject({ value: 1 });
  expect(grids[0].cells[0]).toHaveLength(1);
  expect(grids[0].cells[500]).toBeUndefined(); // an empty row is a hole, not an array
});

it('a value on Excel\'s last row: the grid holds the two rows that have cells, not a million empty ones', async () => {
  const grids = await readWorkbookGrids(await edited((x) => x.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>')));
  const cells = grids[0].cells;
  expect(cells).toHaveLength(1_048_576);
  expect(Object.keys(cells)).toEqual(['0', '1048575']);
  expect(cells[1_048_575]).toEqual([{ value: 'ghi chú' }]);
  expect(cells[1000]).toBeUndefined();
});

it('stray cells far to the right on many rows: refused by the rows × columns extent', async () => {
  const rows = Array.from({ length: 200 }, (_v, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join('');
  const err = await refusal(await edited((x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
  expect(err.reason).toBe('too-large');
  expect(err.message).toBe('trang "Phụ lục" trải trên 3.293.184 ô (số dòng có dữ liệu × số cột tính từ cột A đến ô xa nhất), quá giới hạn 3.000.000 ô; hãy xóa các ô có dữ liệu nằm xa bảng rồi lưu lại');
});

it('merges together over the total merged-cell limit are refused, each merge being under it', async () => {
  const merges = '<mergeCells count="2"><mergeCell ref="A2:J15001"/><mergeCell ref="K2:T15001"/></mergeCells>';
  const err = await refusal(await edited((x) => x.replace('</sheetData>', `</sheetData>${merges}`)));
  expect(err.reason).toBe('merge-too-large');
  expect(err.message).toContain('giới hạn tổng số ô gộp');
});

it('overlapping merges are a damaged file', async () => {
  const merges = '<mergeCells count="2"><mergeCell ref="A2:C3"/><mergeCell ref="B3:D4"/></mergeCells>';
  const err = await refusal(await edited((x) => x.replace('</sheetData>', `</sheetData>${merges}`)));
  expect(err.reason).toBe('corrupt');
});

it('a sheet over the rows limit is refused at the first row over it, naming the limit', async () => {
  const rows = Array.from({ length: 150_001 }, (_v, i) => `<row r="${i + 2}"/>`).join('');
  const err = await refusal(await edited((x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
  expect(err.message).toBe('một trang tính có hơn 150.000 dòng, quá giới hạn 150.000 dòng một trang mà công cụ kiểm tra; hãy tách bảng');
});

it('malformed sheet XML is a damaged file, in Vietnamese', async () => {
  const err = await refusal(await edited((x) => x.replace('</sheetData>', '<row r="2"><c r="A2"><v>1</c></row></sheetData>')));
  expect(err.message).toBe('tệp .xlsx bị hỏng hoặc không đầy đủ; hãy mở bằng Excel rồi lưu lại');
});
