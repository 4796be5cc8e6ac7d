/**
 * The .docx reader on Word XML as Word and LibreOffice write it: gridSpan and vMerge as merges, several paragraphs
 * in a cell, a nested table flattened into its cell, Word-typed numbers kept as text, NFC, bold cells, headings from
 * styles (outline levels) and from bold Roman-numbered lines; the browser path (a given inflater) gives the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readDocx } from '../../src/docx/readDocx';
import { looksLikeDocx, nodeInflater, readDocxFile } from '../../src/docx/node';
import { part, zip } from '../helpers/xlsxPackage';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (t: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;
const STYLES = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>`
  + `<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Tiêu đề nhỏ"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`;

const BODY = `<w:document ${W}><w:body>`
  + `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>Phụ lục 02</w:t></w:r></w:p>`
  + `<w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr><w:r><w:t>Kinh phí</w:t></w:r></w:p>`
  + p('VI. KINH PHÍ THỰC HIỆN', true)
  + p('Tổng kinh phí: 1.559 triệu đồng')
  + p('   ')
  + '<w:tbl>'
  + `<w:tr>${tc(p('TT', true), '<w:vMerge w:val="restart"/>')}${tc(p('Kế hoạch', true), '<w:gridSpan w:val="2"/>')}</w:tr>`
  + `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('2021'))}${tc(p('2022'))}</w:tr>`
  + `<w:tr>${tc(p('1'))}${tc(p('1.559') + p('4.967,667'))}${tc(`<w:tbl><w:tr>${tc(p('lồng'))}</w:tr></w:tbl>` + p('-'))}</w:tr>`
  + `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('Cafe\u0301'))}</w:tr>`
  + '</w:tbl>'
  + p('Sau bảng')
  + '</w:body></w:document>';

const FILE = zip([part('[Content_Types].xml', '<Types/>'), part('word/styles.xml', STYLES), part('word/document.xml', BODY)]);

test('tables as grids with merges; paragraphs with their heading path', async () => {
  const doc = await readDocxFile(FILE, 'plan.docx');
  expect(doc.name).toBe('plan.docx');
  const paras = doc.blocks.filter((b) => b.kind === 'paragraph');
  expect(paras.map((b) => [b.index, b.text, b.headingPath])).toEqual([
    [1, 'Phụ lục 02', []],
    [2, 'Kinh phí', ['Phụ lục 02']],
    [3, 'VI. KINH PHÍ THỰC HIỆN', ['Phụ lục 02', 'Kinh phí']],
    // a bold Roman-numbered line is a top-level section: it closes the headings of the same level
    [4, 'Tổng kinh phí: 1.559 triệu đồng', ['VI. KINH PHÍ THỰC HIỆN']],
    [5, 'Sau bảng', ['VI. KINH PHÍ THỰC HIỆN']],
  ]);
  const t = doc.blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error('no table');
  expect(t.index).toBe(1);
  expect(t.grid.sheet).toBe('Bảng 1');
  expect(t.headingPath).toEqual(['VI. KINH PHÍ THỰC HIỆN']);
  const v = t.grid.cells.map((r) => Array.from(r, (c) => c?.value ?? null));
  expect(v).toEqual([
    ['TT', 'Kế hoạch'],
    [null, '2021', '2022'],
    ['1', '1.559\n4.967,667', 'lồng\n-'],
    [null, 'Café'],
  ]);
  expect(t.grid.cells[0][0]?.bold).toBe(true);
  expect(t.grid.cells[2][0]?.bold).toBeUndefined();
  expect(t.grid.merges).toEqual(expect.arrayContaining([{ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 0, c1: 2 }]));
  expect(t.grid.merges).toHaveLength(2);
});

test('the browser path (readDocx with another inflater) reads the same document', async () => {
  const fflate = (data: Uint8Array, cap: number) => Promise.resolve(((out) => (out.length > cap ? undefined : new Uint8Array(out)))(zlib.inflateRawSync(data)));
  const viaNode = await readDocx(FILE, nodeInflater);
  expect(await readDocx(FILE, fflate)).toEqual(viaNode);
});

test('the reader the browser loads imports no Node module', () => {
  for (const f of ['readDocx.ts', 'bodyXml.ts', 'xml.ts', 'messages.ts']) {
    const src = fs.readFileSync(path.join(__dirname, '../../src/docx', f), 'utf8');
    const specs = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(specs.filter((s) => !s.startsWith('.') && s !== 'saxes')).toEqual([]);
  }
});

test('a Word package is told by its directory, not by its name or a stray string', () => {
  expect(looksLikeDocx(FILE)).toBe(true);
  expect(looksLikeDocx(zip([part('xl/workbook.xml', '<workbook/>'), part('xl/sharedStrings.xml', 'word/document.xml')]))).toBe(false);
  expect(looksLikeDocx(Buffer.from('PK\x03\x04 word/document.xml'))).toBe(false);
});

test('a table of 10^5 rows is within the .xlsx limits: read whole, one grid row per w:tr', async () => {
  const rows = `<w:tr>${tc(p('1'))}${tc(p('Dự án'))}${tc(p('1.559'))}</w:tr>`.repeat(100_000);
  const doc = await readDocxFile(zip([part('word/document.xml', `<w:document ${W}><w:body><w:tbl>${rows}</w:tbl></w:body></w:document>`)]));
  const t = doc.blocks[0];
  expect(t.kind === 'table' && t.grid.cells.length).toBe(100_000);
  expect(t.kind === 'table' && t.grid.cells[99_999].map((c) => c?.value)).toEqual(['1', 'Dự án', '1.559']);
});
