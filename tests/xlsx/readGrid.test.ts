import ExcelJS from 'exceljs';
import { readWorkbookGrids, UnreadableWorkbookError } from '../../src/xlsx/readGrid';
import { cellAt } from '../../src/core/base/grid';

async function sample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.getCell('A1').value = 'TT';
  ws.getCell('B1').value = { richText: [{ text: 'Tên ', font: { bold: true } }, { text: 'dự án' }] };
  ws.getCell('C1').value = 2021;
  ws.getCell('C1').font = { bold: true, italic: true };
  ws.mergeCells('D1:E2');
  ws.getCell('D1').value = 'Nguồn vốn';
  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = '12.789';
  ws.getCell('C3').value = 1559;
  ws.getCell('C3').numFmt = '#,##0';
  ws.getCell('C4').value = 2000;
  ws.getCell('C5').value = { formula: 'SUM(C3:C4)', result: 3559 };
  ws.getCell('D5').value = { formula: 'C5*2', result: 7118 };
  ws.getCell('E5').value = { sharedFormula: 'D5', result: 0 } as ExcelJS.CellValue;
  ws.getCell('A6').value = { error: '#REF!' };
  ws.getCell('B6').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('C6').value = new Date(Date.UTC(2021, 5, 4));
  ws.getCell('D6').value = { text: 'link', hyperlink: 'http://x' };
  ws.getRow(4).hidden = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readWorkbookGrids', () => {
  it('reads values, formulas, errors, formats, merges and hidden rows', async () => {
    const [g] = await readWorkbookGrids(await sample());
    expect(g.sheet).toBe('Phụ lục');
    expect(cellAt(g, 0, 1)?.value).toBe('Tên dự án');
    expect(cellAt(g, 0, 2)).toMatchObject({ value: 2021, bold: true, italic: true });
    expect(cellAt(g, 0, 3)?.value).toBe('Nguồn vốn');
    expect(cellAt(g, 0, 4)).toBeUndefined();
    expect(g.merges).toEqual([{ r0: 0, c0: 3, r1: 1, c1: 4 }]);
    expect(cellAt(g, 2, 1)?.value).toBe('12.789');
    expect(cellAt(g, 2, 2)).toMatchObject({ value: 1559, numFmt: '#,##0' });
    expect(cellAt(g, 4, 2)).toMatchObject({ value: 3559, formula: 'SUM(C3:C4)' });
    expect(cellAt(g, 4, 3)).toMatchObject({ value: 7118, formula: 'C5*2' });
    expect(cellAt(g, 4, 4)?.formula).toBe('D5*2');
    expect(cellAt(g, 5, 0)).toMatchObject({ value: null, error: '#REF!' });
    expect(cellAt(g, 5, 1)).toMatchObject({ value: null, error: '#DIV/0!', formula: '1/0' });
    expect(cellAt(g, 5, 2)?.value).toBe('04/06/2021');
    expect(cellAt(g, 5, 3)?.value).toBe('link');
    expect(g.hiddenRows).toEqual([3]);
  });

  it('keeps a formula whose cached result is 0 as 0, not blank', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.getCell('A1').value = { formula: 'B1-B1', result: 0 };
    ws.getCell('A2').value = { formula: 'B1+2', result: 2 };
    const [g] = await readWorkbookGrids(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(cellAt(g, 0, 0)).toMatchObject({ value: 0, formula: 'B1-B1' });
    expect(cellAt(g, 1, 0)).toMatchObject({ value: 2, formula: 'B1+2' });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['random bytes', Buffer.from('hello, this is not a workbook at all'), 'not-zip'],
    ['legacy/encrypted OLE', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'legacy-xls'],
    ['encrypted OLE', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptionInfo', 'utf16le')]), 'encrypted'],
  ])('refuses %s with a one-line Vietnamese reason', async (_n, buf, reason) => {
    const err = await readWorkbookGrids(buf).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe(reason);
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses a truncated xlsx', async () => {
    const buf = await sample();
    const err = await readWorkbookGrids(buf.subarray(0, Math.floor(buf.length / 2))).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe('corrupt');
  });
});

describe('10 MB of text in one cell', () => {
  it('is refused politely: a named error naming the cell, one line', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('A1').value = 'TT';
    ws.getCell('B2').value = 'Dự án '.repeat(Math.ceil(10_485_760 / 6)).slice(0, 10_485_760);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await readWorkbookGrids(buf).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).reason).toBe('cell-too-long');
    expect((err as Error).message).toBe('ô B2 của trang "Phụ lục" chứa 10.485.760 ký tự, quá giới hạn 32.767 ký tự một ô của Excel; không kiểm tra tệp này');
  });

  it('32.767 characters (Excel’s limit) are read whole', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 'ă'.repeat(32767);
    const [g] = await readWorkbookGrids(Buffer.from(await wb.xlsx.writeBuffer()));
    expect((cellAt(g, 0, 0)?.value as string).length).toBe(32767);
  });
});
