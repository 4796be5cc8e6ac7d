/**
 * The plan text of each seed document (quoted from ../shared/seeds, bodies abbreviated to the lines that
 * matter: heading block, section headings, the sentences stating totals and words) around its appendix
 * tables. See seedDocs.ts for the block model and the table conversion.
 */
import { binhDuong, hauGiang2019, ngheAn, socTrang1620, socTrang2125, traVinh2022, traVinh2023 } from './seedSheets';
import { layoutBlocks, tableRow, widthsOf } from './seedDocs';
import type { Block, SeedDoc, SeedExpect } from './seedDocs';
import type { SheetLayout } from './seedSheets';

const T = 'triệu đồng' as const;
const p = (text: string, more: Partial<Extract<Block, { kind: 'p' }>> = {}): Block => ({ kind: 'p', text, ...more });
const h1 = (text: string): Block => ({ kind: 'heading', level: 1, text });
const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
const APPENDIX: Block = { kind: 'appendix' };

function heading(org: string, place: string, no: string, date: string): Block[] {
  return [
    p(`ỦY BAN NHÂN DÂN ${org}`, { bold: true }),
    p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'right' }),
    p('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'right' }),
    p(`Số: ${no}`),
    p(`${place}, ${date}`, { italic: true, align: 'right' }),
  ];
}

const ST_HEAD = heading('TỈNH SÓC TRĂNG', 'Sóc Trăng', '83/KH-UBND', 'ngày 04 tháng 6 năm 2021');
const ST_TITLE = [
  p('KẾ HOẠCH', { bold: true, align: 'center' }),
  p('Ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước và bảo đảm an toàn thông tin mạng tỉnh Sóc Trăng giai đoạn 2021-2025', { bold: true, align: 'center' }),
  p('Ủy ban nhân dân tỉnh Sóc Trăng ban hành Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước và bảo đảm an toàn thông tin mạng tỉnh Sóc Trăng giai đoạn 2021 - 2025, cụ thể như sau:', { align: 'both' }),
];
const ST2125 = socTrang2125();
const ST1620 = socTrang1620({ pasted: true });

const ST_VI: Block[] = [
  h2('VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN'),
  p('Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:', { align: 'both' }),
  p('- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu đồng.'),
  p('- Nguồn vốn sự nghiệp địa phương: 60.355 triệu đồng.'),
  p('- Nguồn vốn trung hạn: 235.760 triệu đồng.'),
  p('(Chi tiết theo Phụ lục 02: Danh mục các dự án dự kiến triển khai giai đoạn 2021-2025 đính kèm).'),
  h2('VII. TỔ CHỨC THỰC HIỆN'),
  p('1. Ban Chỉ đạo Chính quyền điện tử tỉnh'),
];
const ST_I: Block[] = [
  h2('I. KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN GIAI ĐOẠN 2016-2020'),
  p('Tình hình kinh phí thực hiện các nhiệm vụ, dự án ứng dụng CNTT của các cơ quan nhà nước giai đoạn 2016-2020 (Chi tiết theo Phụ lục 01 đính kèm).'),
];
const ST2125_TABLE = layoutBlocks(ST2125, {
  headerRows: 2,
  amountCols: ['F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'],
  widths: widthsOf([3, 14, 6, 6, 14, 6, 6, 6, 6, 6, 7, 6, 6, 6, 8]),
});
const ST1620_TABLE = layoutBlocks(ST1620, { amountCols: ['D'], widths: widthsOf([3, 20, 16, 8, 10]) });
const ST2125_TOTALS = (table: number): SeedExpect['appendixTotals'] => [
  { table, what: 'Tổng cộng, Tổng kinh phí dự kiến', value: '441115', unit: T },
  ...['2021', '2022', '2023', '2024', '2025'].map((y, i) => ({ table, what: `Tổng cộng, ${y}`, value: ['55331', '131571', '126571', '98571', '29071'][i], unit: T })),
  { table, what: 'Tổng cộng, NSĐP', value: '60355', unit: T },
  { table, what: 'Tổng cộng, NSTW', value: '145000', unit: T },
  { table, what: 'Tổng cộng, ĐTPT', value: '235760', unit: T },
];
const ST_STATED: SeedExpect['statedTotals'] = [
  { heading: 'VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN', text: 'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:', value: '441115000000', unit: 'đồng', words: 'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng' },
  { heading: 'VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN', text: '- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu đồng.', value: '145000', unit: T },
  { heading: 'VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN', text: '- Nguồn vốn sự nghiệp địa phương: 60.355 triệu đồng.', value: '60355', unit: T },
  { heading: 'VI. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN', text: '- Nguồn vốn trung hạn: 235.760 triệu đồng.', value: '235760', unit: T },
];
const ST1620_SUBTOTAL = (table: number) => ({ code: 'GROUP_SUBTOTAL', table, row: tableRow(ST1620, 'III'), column: 4 });

/** The whole plan as the seed has it: both appendices; the text's total is Phụ lục 02's (table 2). */
const socTrangDoc: SeedDoc = {
  stem: '000-soc-trang', seed: '000_e8c0cb4c37922c2a.txt',
  blocks: [...ST_HEAD, ...ST_TITLE, ...ST_I, h2('V. NHIỆM VỤ VÀ GIẢI PHÁP'), ...ST_VI, APPENDIX, ...ST1620_TABLE, ...ST2125_TABLE],
  expect: {
    tables: 2,
    appendixTotals: [{ table: 1, what: 'Tổng cộng, Tổng kinh phí thực hiện (as stated in the table)', value: '60654', unit: T }, ...ST2125_TOTALS(2)],
    statedTotals: ST_STATED,
    expectedErrorCodes: [ST1620_SUBTOTAL(1)],
    note: 'Both appendices, as the seed has them. Section VI\'s total and words are Phụ lục 02\'s (table 2) and agree with it; they must not be compared with Phụ lục 01. Phụ lục 01\'s group III states 885 while its items add to 1.200.',
  },
};

/** The 2021-2025 plan alone (Phụ lục 02): the issue's "seed 000's document → no error". */
const socTrang2125Doc: SeedDoc = {
  stem: '000-soc-trang-2125', seed: '000_e8c0cb4c37922c2a.txt',
  blocks: [...ST_HEAD, ...ST_TITLE, h2('V. NHIỆM VỤ VÀ GIẢI PHÁP'), p('9. Tăng cường hợp tác về khoa học, công nghệ'), ...ST_VI, APPENDIX, ...ST2125_TABLE],
  expect: {
    tables: 1,
    appendixTotals: ST2125_TOTALS(1),
    statedTotals: ST_STATED,
    expectedErrorCodes: [],
    note: 'The text (section VI) states the total in figures and words and per source; all agree with Phụ lục 02. Item I.2 NSĐP is "12.789" and item V.1 has "-" in NSTW/ĐTPT, as printed.',
  },
};

const socTrang1620Doc: SeedDoc = {
  stem: '000-soc-trang-1620', seed: '000_e8c0cb4c37922c2a.txt',
  blocks: [
    ...ST_HEAD, ...ST_TITLE, ...ST_I, APPENDIX, ...ST1620_TABLE,
  ],
  expect: {
    tables: 1,
    appendixTotals: [{ table: 1, what: 'Tổng cộng, Tổng kinh phí thực hiện (as stated in the table)', value: '60654', unit: T }],
    statedTotals: [],
    expectedErrorCodes: [ST1620_SUBTOTAL(1)],
    note: 'Group III states 885 while its two items add to 1.200 (400 + 800): the published plan\'s own error. The grand total 60.654 is the sum of the stated group rows.',
  },
};

const TV_HEAD = heading('TỈNH TRÀ VINH', 'Trà Vinh', '37/KH-UBND', 'ngày 18 tháng 4 năm 2023');
const traVinhDoc: SeedDoc = {
  stem: '001-tra-vinh', seed: '001_517f5190cf292c77.txt',
  blocks: [
    ...TV_HEAD,
    p('KẾ HOẠCH', { bold: true, align: 'center' }),
    p('CHUYỂN ĐỔI SỐ TỈNH TRÀ VINH NĂM 2023', { bold: true, align: 'center' }),
    h1('Phần I'),
    h1('ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2022'),
    h2('II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NĂM 2022'),
    p('(Chi tiết như Phụ lục I đính kèm)'),
    h1('Phần II'),
    h1('NỘI DUNG KẾ HOẠCH'),
    h2('III. NHIỆM VỤ VÀ GIẢI PHÁP (Chi tiết như Phụ lục II đính kèm)'),
    h2('IV. KINH PHÍ THỰC HIỆN'),
    p('1. Tổng kinh phí dự kiến thực hiện năm 2023: 72.524 triệu đồng; trong đó, nguồn đầu tư: 42.151 triệu đồng, nguồn sự nghiệp: 30.373 triệu đồng.', { align: 'both' }),
    p('2. Kinh phí triển khai các nhiệm vụ, dự án sẽ được xác định cụ thể khi các nhiệm vụ, dự án được phê duyệt và phải phù hợp với tình hình thực tế, khả năng cân đối ngân sách của cơ quan, đơn vị.', { align: 'both' }),
    h2('V. DANH MỤC NHIỆM VỤ, DỰ ÁN NĂM 2023'),
    p('(Chi tiết như Phụ lục III đính kèm)'),
    h2('VI. TỔ CHỨC THỰC HIỆN'),
    APPENDIX,
    ...layoutBlocks(traVinh2022(), { amountCols: ['G', 'I'], widths: widthsOf([3, 14, 8, 14, 10, 6, 7, 9, 8]) }),
    ...layoutBlocks(traVinh2023(), { amountCols: ['H', 'J'], widths: widthsOf([3, 13, 8, 7, 12, 10, 6, 7, 7, 7, 12]) }),
  ],
  expect: {
    tables: 2,
    appendixTotals: [
      { table: 1, what: 'Kinh phí thực hiện năm 2022 (Phụ lục I, no total row)', value: '39217.236', unit: T },
      { table: 2, what: 'Kinh phí thực hiện năm 2023 (Phụ lục III, no total row)', value: '72524', unit: T },
      { table: 2, what: 'năm 2023, Vốn đầu tư', value: '42151', unit: T },
      { table: 2, what: 'năm 2023, Vốn sự nghiệp', value: '30373', unit: T },
    ],
    statedTotals: [
      { heading: 'IV. KINH PHÍ THỰC HIỆN', text: '1. Tổng kinh phí dự kiến thực hiện năm 2023: 72.524 triệu đồng; trong đó, nguồn đầu tư: 42.151 triệu đồng, nguồn sự nghiệp: 30.373 triệu đồng.', value: '72524', unit: T },
    ],
    expectedErrorCodes: [],
    note: 'The stated 72.524 triệu đồng is the 2023 column of Phụ lục III (table 2), not Phụ lục I. Decimal text amounts "4.967,667", "2.274,33", "1.267,05", "81,906 (trong đó …)".',
  },
};

/** Section A.I.9 of seed 002: the 2018 investment table in the plan's body ("500 triệu", "3,980 tỷ", "Tổng … 8 tỷ"). */
const HG2018: SheetLayout = {
  name: '2018', merges: [], boldRows: [1, 5], rowOf: { header: 1, '1': 2, '2': 3, '3': 4, total: 5 }, colOf: { tt: 'A', name: 'B', totalInvestment: 'H' },
  rows: [
    ['TT', 'Tên nhiệm vụ, dự án', 'Đơn vị chủ trì triển khai', 'Lĩnh vực ứng dụng', 'Mục tiêu đầu tư', 'Quy mô nội dung đầu tư',
      'Phạm vi đầu tư. Đối với các Bộ, ngành nếu triển khai tới địa phương nêu rõ tới cấp nào (tỉnh/huyện/xã)', 'Tổng mức đầu tư', 'Kinh phí đã giải ngân',
      'Nguồn vốn (ghi rõ nguồn vốn là Ngân sách Trung ương; ngân sách địa phương; vốn ODA,...)'],
    ['1', 'Xây dựng Cổng dịch vụ công trực tuyến', 'Sở TT&TT', 'CNTT', 'Quản lý thủ tục hành chính, giúp người dân nộp hồ sơ trực tuyến mức 3 và 4', 'Toàn tỉnh', 'Cấp tỉnh, cấp huyện và xã', '5 tỷ', '3,980 tỷ', 'Địa phương'],
    ['2', 'Xây dựng Khung kiến trúc Chính quyền điện tử', 'Sở TT&TT', 'CNTT', 'Xây dựng Khung kiến trúc tổng thể cho việc phát triển chính quyền điện tử tỉnh', 'Toàn tỉnh', 'Toàn tỉnh', '500 triệu', '500 triệu', 'Địa phương'],
    ['3', 'Phần mềm Quản lý văn bản', 'VP. UBND tỉnh', 'CNTT', 'Trao đổi văn bản đi và đến của các cơ quan nhà nước', 'Toàn tỉnh', 'Toàn tỉnh', '2,5 tỷ', '2,5 tỷ', 'Địa phương'],
    [null, 'Tổng', null, null, null, null, null, '8 tỷ', null, null],
  ],
};

const hauGiangDoc: SeedDoc = {
  stem: '002-hau-giang', seed: '002_636c15f7ccd76486.txt',
  blocks: [
    p('KẾ HOẠCH', { bold: true, align: 'center' }),
    p('Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh Hậu Giang năm 2019', { bold: true, align: 'center' }),
    h1('A. ĐÁNH GIÁ KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2018'),
    h2('I. NỘI DUNG'),
    p('9. Đánh giá đầu tư cho xây dựng Chính quyền điện tử'),
    ...layoutBlocks(HG2018, { amountCols: [], widths: widthsOf([3, 12, 6, 5, 14, 6, 12, 6, 6, 10], 9600) }),
    h1('B. KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN TRONG CƠ QUAN NHÀ NƯỚC NĂM 2019'),
    h2('III. GIẢI PHÁP'),
    h2('IV. DANH MỤC DỰ ÁN'),
    p('(Đính kèm Danh mục dự án)'),
    h2('V. TỔ CHỨC THỰC HIỆN'),
    p('KT. CHỦ TỊCH', { bold: true, align: 'right' }),
    p('PHÓ CHỦ TỊCH', { bold: true, align: 'right' }),
    p('Đông Văn Thanh', { bold: true, align: 'right' }),
    APPENDIX,
    p('DANH MỤC DỰ ÁN CÔNG NGHỆ THÔNG TIN NĂM 2019', { bold: true, align: 'center' }),
    ...layoutBlocks(hauGiang2019(), {
      amountCols: [], endBefore: hauGiang2019().rowOf.words, widths: widthsOf([3, 12, 7, 5, 6, 12, 6, 8, 5, 9, 6, 6, 6]),
    }),
  ],
  expect: {
    tables: 2,
    appendixTotals: [
      { table: 1, what: 'Tổng, Tổng mức đầu tư (2018 evaluation in section A, "8 tỷ")', value: '8000', unit: T },
      { table: 1, what: 'Kinh phí đã giải ngân (no total row)', value: '6980', unit: T },
      { table: 2, what: 'Tổng cộng, Tổng mức đầu tư dự kiến ("5.8 tỷ")', value: '5800', unit: T },
    ],
    statedTotals: [{ heading: null, text: 'Tổng tiền bằng chữ: Năm tỷ tám trăm triệu đồng.', value: '5800000000', unit: 'đồng', words: 'Năm tỷ tám trăm triệu đồng.' }],
    expectedErrorCodes: [],
    note: 'Two tables: the 2018 evaluation in the body (section A.I.9, amounts "5 tỷ", "500 triệu", "3,980 tỷ", Tổng 8 tỷ) and the 2019 list (the appendix). Amounts in "tỷ" text ("4 tỷ", "1,8 tỷ", "5.8 tỷ"); the words paragraph follows the 2019 table and agrees with 5.8 tỷ.',
  },
};

const binhDuongDoc: SeedDoc = {
  stem: '003-binh-duong', seed: '003_3678b962b9ff3cbc.txt',
  blocks: [
    ...heading('TỈNH BÌNH DƯƠNG', 'Bình Dương', '2167/QĐ-UBND', 'ngày 13 tháng 9 năm 2021'),
    p('QUYẾT ĐỊNH', { bold: true, align: 'center' }),
    p('BAN HÀNH KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN TRONG HOẠT ĐỘNG CỦA CƠ QUAN NHÀ NƯỚC, PHÁT TRIỂN CHÍNH QUYỀN SỐ VÀ BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG TỈNH BÌNH DƯƠNG GIAI ĐOẠN 2021-2025', { bold: true, align: 'center' }),
    h1('NỘI DUNG KẾ HOẠCH'),
    h2('IV. NHIỆM VỤ'),
    h2('VI. LỘ TRÌNH THỰC HIỆN'),
    h2('VII. KINH PHÍ THỰC HIỆN'),
    p('Trong giai 2021 - 2025, kinh phí để thực hiện các nhiệm vụ, dự án, đề án ứng dụng CNTT, phát triển Chính quyền số được sử dụng từ nguồn vốn đầu tư phát triển, nguồn chi thường xuyên từ ngân sách nhà nước và các nguồn vốn hợp pháp khác.', { align: 'both' }),
    h2('VIII. TỔ CHỨC THỰC HIỆN'),
    APPENDIX,
    ...layoutBlocks(binhDuong(), { amountCols: [], widths: widthsOf([3, 18, 8, 30, 6]) }),
  ],
  expect: {
    tables: 1,
    appendixTotals: [],
    statedTotals: [],
    expectedErrorCodes: [],
    note: 'Three-level numbering I, II / A..G / 1, 2, 3 (41 items, 8 groups); no money columns, no stated total.',
  },
};

const NA = ngheAn({ pasted: true });
const ngheAnDoc: SeedDoc = {
  stem: '004-nghe-an', seed: '004_db03925d78858a60.txt',
  blocks: [
    ...heading('TỈNH NGHỆ AN', 'Nghệ An', '744 /KH-UBND', 'ngày 15 tháng 12 năm 2020'),
    p('KẾ HOẠCH', { bold: true, align: 'center' }),
    p('Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, phát triển chính quyền số và bảo đảm an toàn thông tin mạng tỉnh Nghệ An giai đoạn 2021-2025', { bold: true, align: 'center' }),
    h1('Phần thứ hai'),
    h1('NỘI DUNG KẾ HOẠCH'),
    h2('VI. LỘ TRÌNH THỰC HIỆN'),
    p('Lộ trình thực hiện các nội dung Kế hoạch tại Phụ lục II: Danh mục các nhiệm vụ, dự án dự kiến triển khai thực hiện trong giai đoạn 2021 - 2025 gửi kèm theo.', { italic: true }),
    h2('VII. KINH PHÍ THỰC HIỆN'),
    p('- Dự kiến tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ'),
    p('(Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)'),
    p('- Ngân sách tỉnh đảm bảo kinh phí đối với các nội dung công việc do các sở, ban, ngành cấp tỉnh thực hiện.'),
    h2('VIII. DANH MỤC NHIỆM VỤ, DỰ ÁN'),
    p('Chi tiết tại Phụ lục: Danh mục các nhiệm vụ, dự án dự kiến triển khai thực hiện trong giai đoạn 2021 - 2025 (gửi kèm theo kế hoạch).', { italic: true }),
    h2('IX. TỔ CHỨC THỰC HIỆN'),
    APPENDIX,
    ...layoutBlocks(NA, { amountCols: [], widths: widthsOf([3, 14, 8, 8, 16, 6, 7, 9]) }),
  ],
  expect: {
    tables: 1,
    appendixTotals: [{ table: 1, what: 'TỔNG, Tổng mức đầu tư/chi phí dự kiến', value: '570960', unit: T }],
    statedTotals: [{ heading: 'VII. KINH PHÍ THỰC HIỆN', text: '- Dự kiến tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ', value: '1028960000000', unit: 'đồng', words: '(Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)' }],
    expectedErrorCodes: [{ code: 'STATED_TOTAL', table: 1, row: tableRow(NA, 'total'), column: 7 }],
    note: 'Section VII states 1.028.960.000.000 VNĐ (its words, on the next paragraph, read the same) while the table adds to 570.960 triệu đồng. The header row is typed again before each page\'s rows (before items 7, 12, 18, 23 and 27), as the seed shows.',
  },
};

export const SEED_DOCS: SeedDoc[] = [socTrangDoc, socTrang2125Doc, socTrang1620Doc, traVinhDoc, hauGiangDoc, binhDuongDoc, ngheAnDoc];
