/**
 * The streaming reader (src/xlsx/stream) gives the very grids the exceljs reader gave (readWorkbookGridsExceljs):
 * every seed sheet the tests build, every sample plan built by the command line, and a workbook holding each thing a
 * sheet can hold (shared and array formulas, cached results of every type, error values, rich text, hyperlinks,
 * dates under date formats and the 1904 system, column styles, merges, hidden rows, hidden sheets, XML escapes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookGrids as streamed } from '../../src/xlsx/stream/read';
import { readWorkbookGridsExceljs } from '../../src/xlsx/readGrid';
import { binhDuong, hauGiang2019, ngheAn, socTrang1620, socTrang2125, toXlsx, traVinh2022, traVinh2023 } from '../helpers/seedSheets';
import { cliIn } from '../helpers/cliInProcess';
import { SAMPLES_DIR } from '../helpers/planBuilders';

jest.setTimeout(60_000);

async function same(buf: Buffer): Promise<void> {
  const want = await readWorkbookGridsExceljs(buf);
  const got = await streamed(buf);
  expect(got).toStrictEqual(want);
}

const SEEDS = {
  'Sóc Trăng 2021-2025': () => socTrang2125(),
  'Sóc Trăng 2021-2025 with formulas and words': () => socTrang2125({ formulas: true, wordsLine: true }),
  'Sóc Trăng 2016-2020': () => socTrang1620(),
  'Sóc Trăng 2016-2020 pasted': () => socTrang1620({ pasted: true }),
  'Trà Vinh 2023': () => traVinh2023(),
  'Trà Vinh 2022': () => traVinh2022(),
  'Hậu Giang 2019': () => hauGiang2019(),
  'Bình Dương': () => binhDuong(),
  'Nghệ An': () => ngheAn(),
  'Nghệ An pasted': () => ngheAn({ pasted: true }),
};

it.each(Object.entries(SEEDS))('seed sheet %s reads the same', async (_n, layout) => {
  await same(await toXlsx(layout()));
});

it('all seed sheets in one workbook read the same, in order', async () => {
  await same(await toXlsx(...Object.values(SEEDS).map((f, i) => ({ ...f(), name: `S${i}` }))));
});

it.each(['soc-trang-2021-2025', 'soc-trang-2016-2020', 'tra-vinh-2023', 'hau-giang-2019', 'nghe-an-2021-2025'])(
  'the %s sample built by the command line reads the same', async (name) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stream-read-'));
    try {
      const out = path.join(dir, 'out.xlsx');
      const r = await cliIn(dir, 'build', path.join(SAMPLES_DIR, `${name}.plan.json`), '-o', out, '--words');
      expect(r.code).toBe(0); // the samples' own published inconsistencies are reported as notes, not failures
      await same(readFileSync(out));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

/** A workbook with each kind of content, written by exceljs. */
async function everything(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Mọi thứ');
  ws.getColumn(3).numFmt = '#,##0';
  ws.getColumn(4).font = { bold: true };
  ws.getCell('A1').value = 'TT';
  ws.getCell('B1').value = { richText: [{ text: 'Tên ', font: { bold: true } }, { text: 'dự án' }] };
  ws.getCell('C1').value = 1234.5;
  ws.getCell('D1').value = 'in đậm theo cột';
  ws.getCell('E1').value = new Date(Date.UTC(2021, 0, 31));
  ws.getCell('F1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('G1').value = true;
  ws.getCell('H1').value = { text: 'liên kết', hyperlink: 'https://example.org' };
  ws.getCell('I1').value = 'a & b < c > "d" \'e\' &amp;lt;';
  ws.getCell('J1').value = '  khoảng trắng\nxuống dòng  ';
  for (let r = 2; r <= 6; r++) ws.getCell(`A${r}`).value = r;
  ws.getCell('B2').value = { formula: 'A2*2', result: 4 };
  for (let r = 3; r <= 6; r++) ws.getCell(`B${r}`).value = { sharedFormula: 'B2', result: r * 2 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('C2').value = { formula: 'SUM($A$2:A2)+Sheet2!B1', result: 0 };
  ws.getCell('C3').value = { formula: 'A3&"x"', result: 'chữ' };
  ws.getCell('C4').value = { formula: 'A4>1', result: true };
  ws.getCell('C5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('C6').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
  ws.getCell('D2').value = { formula: 'DATE(2022,2,3)', result: new Date(Date.UTC(2022, 1, 3)) };
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  ws.getCell('E2').value = 45000;
  ws.getCell('E2').numFmt = '[$-vi-VN]d "tháng" m';
  ws.getCell('E3').value = 45000;
  ws.getCell('E3').numFmt = '"Năm" 0';
  ws.getCell('F2').value = '0123';
  ws.getCell('F2').numFmt = '@';
  ws.getCell('F3').value = 5;
  ws.getCell('F3').font = { italic: true };
  // exceljs's typings leave out fillFormula's fourth argument (the share type)
  (ws.fillFormula as unknown as (r: string, f: string, v: number[], t: string) => void)('G2:G4', 'A2+1', [3, 4, 5], 'array');
  ws.getCell('H2').value = { text: 'liên kết công thức', hyperlink: 'https://example.org/x' };
  ws.mergeCells('A8:C9');
  ws.getCell('A8').value = 'gộp';
  ws.mergeCells('D8:D12');
  ws.getRow(10).hidden = true; // holds only a merged cell of D8:D12
  ws.getRow(5).hidden = true;
  ws.getRow(14).hidden = true; // empty
  ws.getCell('B15').value = 'cuối';
  const hidden = wb.addWorksheet('Sheet2', { state: 'hidden' });
  hidden.getCell('B1').value = 7;
  wb.addWorksheet('Trống');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

it.each([false, true])('a workbook with every kind of content reads the same (date1904 %s)', async (d1904) => {
  const buf = await everything(d1904);
  await same(buf);
  const [g] = await streamed(buf);
  expect(g.cells[2][1]).toEqual({ value: 6, formula: 'A3*2' });
  expect(g.cells[1][6]).toMatchObject({ value: 3, formula: 'A2+1' });
  expect(g.hiddenRows).toEqual([4, 9]);
});

it('inline strings, _x000D_ escapes, styled empty cells, cells without addresses read the same', async () => {
  const zip = await JSZip.loadAsync(await everything(false));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name)!.async('string');
  const row = '<row r="20"><c r="A20" t="inlineStr"><is><t>nội tuyến</t></is></c><c t="inlineStr"><is><r><t>giàu</t></r><r><rPr><b/></rPr><t>_x000D_chữ</t></r></is></c>' +
    '<c r="D20" s="1"/><c r="E20"/><c r="F20" t="str"><v>a &amp;amp; b</v></c><c r="G20" t="n"><v>1e3</v></c></row>';
  zip.file(name, xml.replace('</sheetData>', `${row}</sheetData>`));
  const ss = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (ss) zip.file('xl/sharedStrings.xml', ss.replace('<t>TT</t>', '<t>T_x0054_</t>'));
  await same(await zip.generateAsync({ type: 'nodebuffer' }));
});
