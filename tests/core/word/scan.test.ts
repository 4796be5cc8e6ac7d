/** The plan text's stated totals and their scope (core/word/scan.ts), on seed sentences. */
import type { WordDocument } from '../../../src/core/word/document';
import { scanStatements } from '../../../src/core/word/scan';

const doc = (...texts: string[]): WordDocument => ({
  blocks: texts.map((text, i) => ({ kind: 'paragraph', index: i + 1, text, headingPath: ['VI. KINH PHÍ THỰC HIỆN'] })),
});
const read = (...texts: string[]) => scanStatements(doc(...texts)).map((s) => [s.paragraph.index, s.dong.toFixed(), s.scope, s.period ?? null, s.words ?? null]);

test("a task's own amount is no stated total; a total sentence is, with its words", () => {
  expect(read(
    '- Kinh phí dự kiến thực hiện: 9.559 triệu đồng (Vốn sự nghiệp địa phương).',
    'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:',
    '- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu đồng.',
    '- Kinh phí khác: 5 triệu đồng.',
    'Đoạn khác.',
    '- Nguồn vốn trung hạn: 235.760 triệu đồng.',
  )).toEqual([
    [2, '441115000000', { kind: 'total' }, null, 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng'],
    [3, '145000000000', { kind: 'source', text: 'Nguồn vốn sự nghiệp Trung ương' }, null, null],
    // a line naming no source, and a source line no longer under the total's "trong đó", are not read
  ]);
});

test("seed 004: a total in VNĐ, its words in the next paragraph in parentheses", () => {
  expect(read('- Dự kiến tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ', '(Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)'))
    .toEqual([[1, '1028960000000', { kind: 'total' }, null, 'Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng']]);
});

test('scope: one year, or a period (the total); several years are not compared', () => {
  expect(read(
    'Tổng kinh phí dự kiến thực hiện năm 2023: 72.524 triệu đồng.',
    'Tổng vốn giai đoạn 2021-2025 là 1.028.960.000.000 đồng.',
    'Tổng kinh phí năm 2022 và năm 2023: 5 tỷ đồng.',
  )).toEqual([
    [1, '72524000000', { kind: 'year', year: 2023 }, null, null],
    [2, '1028960000000', { kind: 'total' }, { from: 2021, to: 2025 }, null],
  ]);
});
