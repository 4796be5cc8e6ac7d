/**
 * The Word writer, read back: the .docx is unzipped (jszip) and its document.xml, styles.xml and footer checked for
 * what an officer's Word shows — A4 landscape, the heading block before the table, the header rows repeated
 * (tblHeader), merged header cells (gridSpan, vMerge), Times New Roman, the sample's totals in vi-VN form, the words
 * line — and for what must never happen (a formula without its value, text read as markup, a corrupt XML part).
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { buildAppendix } from '../../src/app/build';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import { DocxWriteError, writeDocx } from '../../src/docx/writeDocx';
import { loadSample } from '../helpers/planBuilders';

interface Parts { doc: string; styles: string; footer: string; files: string[] }

async function parts(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (p: string) => zip.file(p)?.async('string') ?? Promise.resolve('');
  const footerName = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f)) ?? '';
  return { doc: await text('word/document.xml'), styles: await text('word/styles.xml'), footer: await text(footerName), files: Object.keys(zip.files) };
}

/** The table rows of document.xml, each as its XML. */
const rowsOf = (doc: string) => doc.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
/** The visible text of an XML fragment. */
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const textOf = (xml: string) => (xml.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
  .map((t) => t.replace(/<[^>]+>/g, '').replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e])).join('');
const cellsOf = (row: string) => row.match(/<w:tc>.*?<\/w:tc>/g) ?? [];

function wellFormed(xml: string): void {
  const p = new SaxesParser();
  p.on('error', (e) => { throw e; });
  p.write(xml).close();
}

let sample: Parts;
let sampleSpec: SheetSpec;

beforeAll(async () => {
  sampleSpec = buildAppendix(loadSample('soc-trang-2021-2025'), { words: true }).spec;
  sample = await parts(await writeDocx([sampleSpec]));
});

test('one A4 landscape section with the spec margins (Decree 30: left 30 mm, right 15 mm, top/bottom 20 mm)', () => {
  expect(sample.doc.match(/<w:sectPr>/g)).toHaveLength(1);
  expect(sample.doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  expect(sample.doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  for (const x of [sample.doc, sample.styles, sample.footer]) wellFormed(x);
});

test('the heading block and "ĐVT" are paragraphs before the table; the words line follows it', () => {
  const table = sample.doc.indexOf('<w:tbl>');
  const before = textOf(sample.doc.slice(0, table));
  expect(before).toBe('PHỤ LỤC 02DANH MỤC CÁC DỰ ÁN DỰ KIẾN TRIỂN KHAI GIAI ĐOẠN 2021-2025'
    + '(Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng)ĐVT: Triệu đồng');
  const unitPara = sample.doc.slice(0, table).match(/<w:p>(?:(?!<w:p>).)*ĐVT: Triệu đồng/)?.[0] ?? '';
  expect(unitPara).toContain('<w:jc w:val="right"/>');
  const after = textOf(sample.doc.slice(sample.doc.indexOf('</w:tbl>')));
  expect(after).toBe('Tổng kinh phí: 441.115 triệu đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng).');
});

test('the three header rows (two-row header and column numbers) repeat on every page; no other row does', () => {
  const rows = rowsOf(sample.doc);
  const flagged = rows.map((r, i) => (r.includes('<w:tblHeader/>') ? i : -1)).filter((i) => i >= 0);
  expect(flagged).toEqual([0, 1, 2]);
  expect(textOf(rows[2])).toBe('(1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)(12)(13)(14)(15)');
  // every row is kept whole on its page
  expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
});

test('merged header cells: gridSpan over the years and the sources, vMerge down both rows', () => {
  const [h1, h2] = rowsOf(sample.doc);
  const c1 = cellsOf(h1!);
  const years = c1.find((c) => textOf(c) === 'Dự kiến phân kỳ đầu tư thực hiện')!;
  expect(years).toContain('<w:gridSpan w:val="5"/>');
  expect(c1.find((c) => textOf(c) === 'Nguồn vốn đầu tư')).toContain('<w:gridSpan w:val="3"/>');
  const tt = c1.find((c) => textOf(c) === 'TT')!;
  expect(tt).toContain('<w:vMerge w:val="restart"/>');
  expect(c1).toHaveLength(1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1); // TT, name, status, lead, objective, years, total, sources, note
  const c2 = cellsOf(h2!);
  expect(c2).toHaveLength(15 - 5 - 3 + 5 + 3 - 0); // every grid column has its own cell in row 2
  expect(c2[0]).toContain('<w:vMerge/>');
  expect(textOf(c2[0]!)).toBe('');
  expect(c2.slice(5, 10).map(textOf)).toEqual(['2021', '2022', '2023', '2024', '2025']);
});

test('only the print area is written: 15 grid columns, never the on-screen "Mã nguồn" column', () => {
  expect(sample.doc.match(/<w:gridCol /g)).toHaveLength(15);
  expect(sample.doc).not.toContain('Mã nguồn');
  expect(sample.doc).not.toMatch(/>NSĐP<\/w:t>.*>NSĐP<\/w:t>.*>NSĐP<\/w:t>/); // the codes column is gone (header only)
  // widths follow the sheet's: "Mục tiêu" (32) is wider than "Tên dự án" (26), which is wider than TT
  const widths = [...sample.doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  expect(widths[4]).toBeGreaterThan(widths[1]);
  expect(widths[1]).toBeGreaterThan(widths[0]);
  expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 1701 - 850);
});

test('Times New Roman throughout, in the document defaults and every style that names a font', () => {
  expect(sample.styles).toMatch(/<w:docDefaults>.*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
  const named = [...(sample.styles + sample.doc).matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(named)).toEqual(new Set(['Times New Roman']));
});

test('the sample\'s totals in vi-VN form, right-aligned, bold on the total and group rows', () => {
  const rows = rowsOf(sample.doc);
  const total = rows.find((r) => textOf(r).startsWith('Tổng cộng'))!;
  expect(cellsOf(total).map(textOf)).toEqual([
    '', 'Tổng cộng', '', '', '', '55.331', '131.571', '126.571', '98.571', '29.071', '441.115', '60.355', '145.000', '235.760', '',
  ]);
  expect(total).toContain('<w:pStyle w:val="DM1-totalNum"/>');
  const style = (id: string) => sample.styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`))?.[0] ?? '';
  expect(style('DM1-totalNum')).toContain('<w:b/>');
  expect(style('DM1-totalNum')).toContain('<w:jc w:val="right"/>');
  expect(style('DM1-groupText')).toContain('<w:b/>');
  expect(style('DM1-itemNum')).not.toContain('<w:b/>');
  const group3 = rows.find((r) => textOf(r).startsWith('IIIPhát triển dữ liệu'))!;
  expect(cellsOf(group3).map(textOf).slice(5, 14)).toEqual(['1.167', '44.500', '50.000', '40.000', '0', '135.667', '1.167', '0', '134.500']);
  expect(group3).toContain('<w:keepNext/>'); // a group row stays with its first item
  const breakdown = rows.filter((r) => textOf(r).startsWith('Tổng nguồn') || textOf(r).startsWith('Tổng vốn'));
  expect(breakdown.map((r) => cellsOf(r).map(textOf)[10])).toEqual(['60.355', '145.000', '235.760']);
});

test('decimals with a comma, as many as the number format shows (the sample in tỷ đồng)', async () => {
  const spec = buildAppendix(loadSample('soc-trang-2021-2025'), { unit: 'tỷ đồng', words: true }).spec;
  const { doc } = await parts(await writeDocx([spec]));
  const total = rowsOf(doc).find((r) => textOf(r).startsWith('Tổng cộng'))!;
  expect(cellsOf(total).map(textOf)[10]).toBe('441,115');
  expect(cellsOf(total).map(textOf)[5]).toBe('55,331');
  expect(textOf(doc)).toContain('ĐVT: Tỷ đồng');
});

test('the footer numbers the pages "Trang n/N" with Word\'s fields', () => {
  expect(textOf(sample.footer)).toContain('Trang');
  expect(sample.footer).toMatch(/PAGE/);
  expect(sample.footer).toMatch(/NUMPAGES/);
});

function tinySpec(cells: SheetSpec['rows'][number]['cells']): SheetSpec {
  return {
    name: 'T', defaultFont: { name: 'Times New Roman', size: 12 }, columns: cells.map(() => ({ width: 10 })),
    rows: [{ cells }], merges: [], styles: { b: { border: true, h: 'right' } },
  };
}

test('text stays text: "=1+1", markup and XML-illegal characters are written safely', async () => {
  const bytes = await writeDocx([tinySpec([
    { t: 'text', v: '=1+1', s: 'b' }, { t: 'text', v: '<w:b/> & "x"', s: 'b' }, { t: 'text', v: 'a\u0001b\uFFFEc\ud800', s: 'b' },
  ])]);
  const { doc } = await parts(bytes);
  wellFormed(doc);
  expect(cellsOf(rowsOf(doc)[0]!).map(textOf)).toEqual(['=1+1', '<w:b/> & "x"', 'abc']);
});

test('a formula without its computed value, or an undeclared style, is refused in Vietnamese', async () => {
  await expect(writeDocx([tinySpec([{ t: 'formula', f: 'SUM(A1:A2)', s: 'b' }])])).rejects.toThrow(DocxWriteError);
  await expect(writeDocx([tinySpec([{ t: 'formula', f: 'SUM(A1:A2)', s: 'b' }])])).rejects.toThrow(/Ô A1 có công thức/);
  await expect(writeDocx([tinySpec([{ t: 'num', v: '1', s: 'nope' }])])).rejects.toThrow(/Kiểu định dạng "nope"/);
  await expect(writeDocx([])).rejects.toThrow(DocxWriteError);
});

test('several specs: one section each, each with its own styles', async () => {
  const other = buildAppendix(loadSample('soc-trang-2021-2025'), { unit: 'tỷ đồng' }).spec;
  const p = await parts(await writeDocx([sampleSpec, other]));
  expect(p.doc.match(/<w:sectPr>/g)).toHaveLength(2);
  expect(p.doc).toContain('<w:pStyle w:val="DM2-totalNum"/>');
});
