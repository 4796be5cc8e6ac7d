/**
 * A Word plan's appendix tables brought into a workbook (the pane's "Mở tệp Word…"): the appendix tables found with
 * their projects and total, the one with money preferred; the total stated in the text; the chosen table as a new
 * sheet whose figures are numbers and whose text stays text, checking as the seed does.
 */
import { pulledSheets } from '../../src/app/check';
import { preferredTable, statedFor, wordTables, wordTableSheet } from '../../src/app/wordImport';
import { checkWordDocument } from '../../src/core/word/check';
import { checkSheet } from '../../src/app/check';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readDocxFile } from '../../src/docx/node';
import { specToGrid } from '../../src/office/specGrid';
import { docxOf } from '../helpers/docxBuild';
import { layoutGrid } from '../helpers/layoutGrid';
import { socTrang2125, type SheetLayout } from '../helpers/seedSheets';

const signatures: SheetLayout = {
  name: 'x', rows: [['Nơi nhận:', 'KT. CHỦ TỊCH'], ['- Như trên;', '=SUM(A1:A2)']], merges: [], boldRows: [], rowOf: {}, colOf: {},
};

async function plan(stated: string) {
  return readDocxFile(await docxOf([
    { bold: 'VI. KINH PHÍ THỰC HIỆN' },
    `Tổng kinh phí thực hiện: ${stated} (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:`,
    { layout: signatures },
    { layout: socTrang2125() },
  ]), 'ke-hoach.docx');
}

describe('a Word plan brought into a workbook', () => {
  it('lists the appendix tables with their projects and total; prefers the one with money', async () => {
    const doc = await plan('441.115.000.000 đồng');
    const tables = wordTables(doc);
    expect(tables.map((t) => [t.label, t.items, t.total, t.unit, t.money])).toEqual([['Bảng 2', 22, '441115', 'triệu đồng', true]]);
    expect(preferredTable(tables)).toBe(2);
  });

  it('carries the total the text states for the table (the core\'s scanner and routing), with the unit it names, and where', async () => {
    expect(statedFor(await plan('441.115.000.000 đồng'), 2)).toEqual({
      total: { text: '441.115.000.000 đồng', where: 'đoạn 2 của văn bản (VI. KINH PHÍ THỰC HIỆN)' }, others: [],
    });
    expect(statedFor(await plan('1.028.960.000.000 VNĐ'), 2).total?.text).toBe('1.028.960.000.000 đồng');
  });

  it('a per-year sentence before the total is listed with its year, never carried as the table\'s total', async () => {
    const doc = readDocxFile(await docxOf([
      { bold: 'VI. KINH PHÍ THỰC HIỆN' },
      'Tổng kinh phí năm 2022: 131.571 triệu đồng.',
      'Tổng kinh phí thực hiện giai đoạn 2021-2025: 441.115.000.000 đồng, trong đó:',
      '- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu đồng.',
      { layout: socTrang2125() },
    ]), 'ke-hoach.docx');
    const st = statedFor(await doc, 1);
    expect(st.total).toEqual({ text: '441.115.000.000 đồng', where: 'đoạn 3 của văn bản (VI. KINH PHÍ THỰC HIỆN)' });
    expect(st.others.map((o) => [o.what, o.text])).toEqual([
      ['năm 2022', '131.571.000.000 đồng'], ['Nguồn vốn sự nghiệp Trung ương', '145.000.000.000 đồng'],
    ]);
  });

  it('a two-appendix plan: the text\'s total goes with table 2 only, as `danh-muc check plan.docx` routes it', async () => {
    for (const file of ['000-soc-trang.docx-pkg.docx', '000-soc-trang.lo.docx']) {
      const doc = await readDocxFile(`tests/fixtures/docx/${file}`);
      expect(wordTables(doc).map((t) => [t.index, t.total])).toEqual([[1, '60654'], [2, '441115']]);
      expect(statedFor(doc, 2).total?.text).toBe('441.115.000.000 đồng');
      expect(statedFor(doc, 1).total).toBeUndefined();
      // the same sentence and the same place as the document check's statement on table 2
      const plan2 = checkWordDocument(doc).results[1].plan;
      expect(plan2?.statedTotals?.[0]).toMatchObject({ where: statedFor(doc, 2).total?.where, field: 'total' });
    }
  });

  it('the chosen table as a sheet: figures as exact numbers, text as text (never a formula), checking clean', async () => {
    const doc = await plan('441.115.000.000 đồng');
    const spec = wordTableSheet(doc, 2);
    expect(spec.name).toBe('Bảng 2 (Word)');
    const cells = spec.rows.flatMap((r) => r.cells);
    expect(cells.some((c) => c?.t === 'formula')).toBe(false);
    expect(cells.filter((c) => c?.t === 'num').map((c) => (c as { v: string }).v)).toContain('441115');
    const grid = specToGrid(spec);
    const r = checkGrid(grid, {});
    expect(r.summary).toMatchObject({ errors: 0, items: 22, grandTotal: '441115', unit: 'triệu đồng' });
    expect(r.findings.filter((f) => f.code === 'TEXT_NUMBER')).toEqual([]);
    // the same figures as the seed's own sheet
    expect(checkGrid(layoutGrid(socTrang2125()), {}).summary.grandTotal).toBe('441115');
    // a text cell beginning with "=" in Word stays text
    const sig = wordTableSheet(doc, 1);
    expect(sig.rows[1].cells[1]).toMatchObject({ t: 'text', v: '=SUM(A1:A2)' });
  });

  it('seed 004: the pane\'s check of the imported table gives the STATED_TOTAL message the document check gives', async () => {
    const doc = await readDocxFile('tests/fixtures/docx/004-nghe-an.lo.docx');
    const total = statedFor(doc, 1).total;
    expect(total?.text).toBe('1.028.960.000.000 đồng');
    const pane = checkSheet(specToGrid(wordTableSheet(doc, 1)), { statedTotal: total?.text, statedTotalWhere: total?.where });
    const cli = checkWordDocument(doc).results[0];
    const msg = (fs: typeof cli.findings) => fs.filter((f) => f.code === 'STATED_TOTAL').map((f) => f.message);
    expect(msg(pane.findings)).toHaveLength(1);
    expect(msg(pane.findings)).toEqual(msg(cli.findings));
  });

  it('names the sheets a summary sheet pulls from', () => {
    const grid = { sheet: 'Tổng hợp', merges: [], cells: [[{ value: 5, formula: "'Phụ lục 02'!F7" }, { value: 1, formula: 'SUM(A1:A2)' }, { value: 2, formula: 'PL03!K9' }]] };
    expect(pulledSheets(grid)).toEqual(['Phụ lục 02', 'PL03']);
  });
});
