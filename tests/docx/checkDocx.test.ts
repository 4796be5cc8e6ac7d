/**
 * A Word plan read and checked (issue 13): the seeds' appendix tables as Word tables with their text, the text's
 * stated totals compared with the right table, findings located as "Bảng N, dòng R, cột C" or "Đoạn N (…)".
 */
import { checkWordDocument } from '../../src/core/word/check';
import { readDocxFile } from '../../src/docx/node';
import { docxOf, type DocPart } from '../helpers/docxBuild';
import { ngheAn, socTrang1620, socTrang2125 } from '../helpers/seedSheets';

const SOC_TRANG_TEXT: DocPart[] = [
  { bold: 'KẾ HOẠCH Ứng dụng công nghệ thông tin tỉnh Sóc Trăng giai đoạn 2021-2025' },
  { bold: 'V. NHIỆM VỤ VÀ GIẢI PHÁP' },
  '- Kinh phí dự kiến thực hiện: 9.559 triệu đồng (Vốn sự nghiệp địa phương).',
  { bold: 'VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN' },
  'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:',
  '- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu đồng.',
  '- Nguồn vốn sự nghiệp địa phương: 60.355 triệu đồng.',
  '- Nguồn vốn trung hạn: 235.760 triệu đồng.',
  '(Chi tiết theo Phụ lục 02: Danh mục các dự án dự kiến triển khai giai đoạn 2021-2025 đính kèm).',
];

async function check(parts: DocPart[]) {
  const doc = await readDocxFile(await docxOf(parts));
  return checkWordDocument(doc);
}

const errors = (r: Awaited<ReturnType<typeof check>>) => r.results.flatMap((x) => x.findings).filter((f) => f.severity === 'error');

test("seed 000's document (its text and its 2021-2025 appendix) gives no error; with the 2016-2020 appendix too, only that table's own error", async () => {
  const r = await check([...SOC_TRANG_TEXT, { layout: socTrang2125() }]);
  expect(r.results.map((x) => [x.sheet, x.recognized, x.summary.grandTotal])).toEqual([['Bảng 1', true, '441115']]);
  expect(errors(r)).toEqual([]);
  // every figure of a Word table is text: no TEXT_NUMBER for any of them
  expect(r.results[0].findings.filter((f) => f.code === 'TEXT_NUMBER')).toEqual([]);
  expect(r.results[0].summary.warnings).toBe(r.results[0].findings.filter((f) => f.severity === 'warning').length);
  // both appendices: the sentence goes to the 2021-2025 table (its total), and the 2016-2020 table keeps the
  // seed's own group III error (885 written, 1.200 summed)
  const two = await check([...SOC_TRANG_TEXT, { layout: socTrang1620() }, { layout: socTrang2125() }]);
  expect(errors(two).map((f) => [f.code, f.sheet])).toEqual([['GROUP_SUBTOTAL', 'Bảng 1']]);
  // the sentence was compared: a wrong figure in the text is reported at its paragraph, against the right table
  const wrong = SOC_TRANG_TEXT.map((p) => (typeof p === 'string' ? p.replace('441.115.000.000', '441.116.000.000') : p));
  const bad = errors(await check([...wrong, { layout: socTrang1620() }, { layout: socTrang2125() }]));
  expect(bad.filter((f) => f.code !== 'GROUP_SUBTOTAL').map((f) => [f.code, f.sheet, f.cell, f.where])).toEqual([
    ['STATED_TOTAL', 'Bảng 2', undefined, 'Đoạn 5 (VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN)'],
    ['WORDS_MISMATCH', 'Bảng 2', undefined, 'Đoạn 5 (VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN)'],
  ]);
  // the per-source lines under "trong đó" are compared with their source's total (145.000 NSTW, not 145.001)
  const src = SOC_TRANG_TEXT.map((p) => (typeof p === 'string' ? p.replace('145.000 triệu', '145.001 triệu') : p));
  const bySource = errors(await check([...src, { layout: socTrang2125() }]));
  expect(bySource.map((f) => [f.code, f.where, f.expected, f.actual])).toEqual([
    ['STATED_TOTAL', 'Đoạn 6 (VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN)', '145000', '145001'],
  ]);
  expect(bySource[0].message).toMatch(/NSTW/);
  // the unit line above a Word table is its unit: a table in tỷ đồng is compared in tỷ đồng
  const inTy = { ...ngheAn(), rows: ngheAn().rows.map((row) => row.map((v) => (v === 'Đơn vị tính: Triệu đồng.' ? 'Đơn vị tính: tỷ đồng' : v))) };
  const ty = await check(['Tổng kinh phí thực hiện: 570.960.000.000.000 đồng.', { layout: inTy }]);
  expect(ty.results[0].summary.unit).toBe('tỷ đồng');
  expect(errors(ty)).toEqual([]);
  // a year's figure goes to that year's column
  const year = await check(['Tổng kinh phí thực hiện năm 2022: 1.000 triệu đồng.', { layout: socTrang2125() }]);
  expect(errors(year).map((f) => [f.code, f.expected, f.actual])).toEqual([['STATED_TOTAL', expect.any(String), '1000']]);
  expect(errors(year)[0].message).toMatch(/2022/);
});

test("seed 004's text states 1.028.960.000.000 đồng against its table's 570.960 triệu: STATED_TOTAL, no option", async () => {
  const r = await check([
    { bold: 'VII. KINH PHÍ THỰC HIỆN' },
    '- Dự kiến tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ',
    '(Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)',
    '- Ngân sách tỉnh đảm bảo kinh phí đối với các nội dung công việc do các sở, ban, ngành cấp tỉnh thực hiện.',
    { layout: ngheAn() },
  ]);
  const errs = errors(r);
  expect(errs.map((f) => [f.code, f.where, f.actual, f.expected])).toEqual([
    ['STATED_TOTAL', 'Đoạn 2 (VII. KINH PHÍ THỰC HIỆN)', '1028960', '570960'],
  ]);
  expect(errs[0].cell).toBeUndefined();
});

test("seed 000's 2016-2020 table (group III: 885 written, 1.200 summed): GROUP_SUBTOTAL at its table cell", async () => {
  const l = socTrang1620();
  const r = await check([{ bold: 'PHỤ LỤC 01' }, { layout: l }]);
  const f = errors(r).find((x) => x.code === 'GROUP_SUBTOTAL');
  const header = l.rowOf.header;
  // the table starts at the layout's header row: table row = sheet row − header + 1, column D = 4
  const row = l.rowOf.III - header + 1;
  expect(f).toMatchObject({ sheet: 'Bảng 1', where: `Bảng 1, dòng ${row}, cột 4`, cell: `D${row}` });
});

test('a document without a recognisable table is one UNREADABLE_TABLE; a signature table beside an appendix is left out', async () => {
  const task = { name: 't', rows: [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], ['Nơi nhận:', 'Trần Văn A']], merges: [], boldRows: [1], rowOf: { header: 1 }, colOf: {} };
  const only = await check(['Phụ lục II: nhiệm vụ', { layout: task }]);
  expect(only.results.flatMap((x) => x.findings).map((f) => f.code)).toEqual(['UNREADABLE_TABLE']);
  const both = await check([{ layout: task }, { layout: ngheAn() }]);
  expect(both.results.map((x) => x.sheet)).toEqual(['Bảng 2']);
  expect(errors(both)).toEqual([]);
  const none = await check(['Chỉ có chữ.']);
  expect(none.results[0].findings.map((f) => f.code)).toEqual(['UNREADABLE_TABLE']);
});
