/**
 * fast-check arbitraries for hostile sheets, generated in memory as Grids: random headers (real header
 * words, variants, junk), merged cells (valid, overlapping, out of range), text in amount cells, error
 * values, formulas, empty and hidden rows, wrong unit lines, Roman numerals out of order, very long text,
 * emoji and combining diacritics.
 */
import fc from 'fast-check';
import type { CellRange, Grid, GridCell } from '../../src/core/base/grid';

const HEADER_WORDS = [
  'TT', 'STT', 'S TT', 'Số TT', 'tt', 'T\u0054', 'Tên dự án', 'Ten du an', 'TÊN DỰ ÁN', 'Te\u0302n du\u031b\u0323 a\u0301n', 'Tên nhiệm vụ, dự án',
  'Dự án, nhiệm vụ, chương trình', 'Nội dung', 'Tên\n dự   án', 'Đơn vị chủ trì', 'Chủ trì', 'Phối hợp', 'Mục tiêu', 'Quy mô',
  'Thời gian thực hiện', 'Mới/chuyển tiếp', 'Ghi chú', 'Dự kiến phân kỳ', '2019', '2021', '2022', '2023', '2024', '2025', 'Năm 2023',
  'Kinh phí thực hiện năm 2023', 'Tổng', 'Tổng kinh phí', 'Tổng mức đầu tư', 'Tổng kinh phí dự kiến', 'Tổng mức đầu tư/chi phí dự kiến',
  'Nguồn vốn', 'NSTW', 'NSĐP', 'NS\u0110P', 'NSÐP', 'ĐTPT', 'Ngân sách Trung ương', 'Vốn sự nghiệp', 'Xã hội hóa', 'Khác', '(1)', '(2)',
  '', ' ', '😀', 'Tổng cộng', 'Trong đó:', '#REF!', '=SUM(A1:A2)',
];

const LABELS = [
  'Tổng cộng', 'TỔNG', 'Tổng cộng:', 'Cộng', 'Trong đó:', 'Trong đó: Tổng nguồn sự nghiệp địa phương', 'Tổng nguồn sự nghiệp Trung ương',
  'Tổng vốn Trung hạn', 'Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng', 'Tổng tiền bằng chữ: Năm tỷ tám trăm triệu đồng.',
  '(Bằng chữ: không đồng)', 'Bằng chữ: 😀😀', 'ĐVT: Triệu đồng', 'Đơn vị tính: Triệu đồng.', 'ĐVT: quả táo', 'Đơn vị: tỷ', 'PHỤ LỤC 02',
  '(Kèm theo Kế hoạch số 83/KH-UBND)', 'Dự án mới', 'Vốn sự nghiệp địa phương', 'Ngân sách Trung ương', '2021-2025', '2021 - 2023',
];

const TTS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'IX', 'XL', 'IIII', 'A', 'B', 'Đ', 'D', 'E', 'G', 'I.', '1', '2', '3', '1.', '2.', '1.1', '1.2',
  '1.1.1', 'a', 'b)', '-', '+', '•', '', ' ', 'x', 'TT', 'STT', '10', '999999', '0', '-1'];

const AMOUNT_TEXTS = ['12.789', '4.967,667', '1,8 tỷ', '5.8 tỷ', '4 tỷ', '500 triệu', '-', '', ' 1 559 ', '1.559', '1,559', '(1.234)', '1e5',
  '12,5%', 'abc', '81,906 (trong đó ...)', '1.2.3', '٣', '１２３', '12.789 triệu đồng', '−5', '9'.repeat(40), '0,000001'];

const ERRORS = ['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#WEIRD'];

const emojiText = fc.constantFrom('😀', '👨‍👩‍👧', '🇻🇳', 'a\u0301\u0302\u0303', 'e\u0323\u0302', '\u200b', '\uFEFF', '\u0000', '\uD800');

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HEADER_WORDS, ...LABELS, ...AMOUNT_TEXTS, ...TTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.array(emojiText, { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Tổng ', 'Bằng chữ: ', 'Trong đó: ', 'ĐVT: ', ''), fc.string({ maxLength: 10 })).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 40000 }).map((n) => 'Dự án '.repeat(Math.ceil(n / 6)).slice(0, n)) },
);

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1.559, 12.5, 0.1, 1e21, 1e-7, 2021, 2025, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
);

const cell: fc.Arbitrary<GridCell | null | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 8,
    arbitrary: fc.record(
      {
        value: fc.oneof(text, number, fc.boolean(), fc.constant(null)) as fc.Arbitrary<GridCell['value']>,
        formula: fc.oneof(fc.constant(undefined), fc.constantFrom('SUM(F7:F9)', 'F7+F10+F15', "'Phụ lục'!A1", 'SUM(A:A)', 'LOG10(2)', '"A1"&B2', 'SUM(', 'ZZZ99999999')),
        numFmt: fc.constantFrom(undefined, 'General', '#,##0', '#,##0.000', '@', '0.0%'),
        bold: fc.boolean(),
        italic: fc.boolean(),
        error: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ERRORS) }),
      },
      { requiredKeys: ['value'] },
    ),
  },
);

const row = (maxWidth: number) => fc.array(cell, { maxLength: maxWidth });

const merge: fc.Arbitrary<CellRange> = fc.record({
  r0: fc.integer({ min: -2, max: 40 }),
  c0: fc.integer({ min: -2, max: 20 }),
  r1: fc.integer({ min: -2, max: 45 }),
  c1: fc.integer({ min: -2, max: 25 }),
});

/** A sheet that looks like an appendix: a title, a header from real words, a body of plausible rows. */
const appendixLike: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.oneof(fc.constantFrom('Phụ lục 02', 'Sheet1', ''), fc.string({ maxLength: 40 })),
    pre: fc.array(fc.array(fc.oneof(fc.constantFrom(...LABELS).map((v) => ({ value: v }) as GridCell), fc.constant(null)), { maxLength: 4 }), { maxLength: 4 }),
    header: fc.array(fc.constantFrom(...HEADER_WORDS), { minLength: 1, maxLength: 16 }),
    header2: fc.option(fc.array(fc.constantFrom(...HEADER_WORDS), { maxLength: 16 }), { nil: undefined }),
    colNumbers: fc.boolean(),
    body: fc.array(
      fc.tuple(fc.constantFrom(...TTS), text, fc.array(fc.oneof(number, fc.constantFrom(...AMOUNT_TEXTS), fc.constant(null)), { maxLength: 14 }), fc.boolean(), fc.option(fc.constantFrom(...ERRORS), { nil: undefined })),
      { maxLength: 30 },
    ),
    repeatHeaderEvery: fc.integer({ min: 0, max: 8 }),
    merges: fc.array(merge, { maxLength: 6 }),
    hidden: fc.array(fc.integer({ min: -1, max: 50 }), { maxLength: 5 }),
  })
  .map((g) => {
    const cells: (GridCell | null | undefined)[][] = [];
    for (const p of g.pre) cells.push(p);
    const h0 = cells.length;
    cells.push(g.header.map((v) => ({ value: v, bold: true })));
    if (g.header2) cells.push(g.header2.map((v) => (v ? { value: /^\d{4}$/.test(v) ? parseInt(v, 10) : v } : null)));
    if (g.colNumbers) cells.push(g.header.map((_, i) => ({ value: `(${i + 1})` })));
    g.body.forEach(([tt, name, amounts, bold, err], i) => {
      if (g.repeatHeaderEvery > 0 && i > 0 && i % g.repeatHeaderEvery === 0) cells.push(g.header.map((v) => ({ value: v })));
      const r: (GridCell | null)[] = [{ value: tt, bold }, { value: name, bold }];
      for (const a of amounts) r.push(a === null ? null : { value: a, bold });
      if (err) r.push({ value: null, error: err });
      cells.push(r);
    });
    const merges: CellRange[] = [...g.merges];
    if (g.header2) merges.push({ r0: h0, c0: 0, r1: h0 + 1, c1: 0 }, { r0: h0, c0: 2, r1: h0, c1: 6 });
    return { sheet: g.sheet, cells, merges, hiddenRows: g.hidden } satisfies Grid;
  });

/** Anything: random rows of random cells, including holes and odd shapes. */
const chaos: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ maxLength: 10 }),
  cells: fc.array(fc.oneof(row(12), fc.constant([] as (GridCell | null)[])), { maxLength: 25 }),
  merges: fc.array(merge, { maxLength: 4 }),
  hiddenRows: fc.option(fc.array(fc.integer({ min: -5, max: 30 }), { maxLength: 4 }), { nil: undefined }),
});

export const hostileGrid: fc.Arbitrary<Grid> = fc.oneof({ weight: 3, arbitrary: appendixLike }, { weight: 1, arbitrary: chaos });
