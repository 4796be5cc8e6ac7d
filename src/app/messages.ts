/** Vietnamese messages of the application layer (the flows both front ends run), in one place. */
export const APP_MESSAGES = {
  amountEmpty: 'Chưa nhập số.',
  amountUnreadable: (t: string, why?: string) => `"${t}" không phải là số tiền${why ? ` (${why})` : ''}`,
  amountNegative: 'Số không được âm.',
  toleranceWithUnit: (t: string) => `sai số tính theo ĐVT của trang: ghi số không kèm đơn vị ("${t}")`,
  wordsUnreadable: (t: string, why: string) => `không đọc được số tiền "${t}": ${why}`,
  wordsTooLarge: (t: string, why: string) => `không đọc được số tiền "${t}" thành chữ: ${why}`,
  linhBad: (t: string) => `--linh nhận "linh" hoặc "lẻ", không nhận "${t}"`,
  noSuchSheet: (name: string, all: string[]) => `không có trang tính "${name}"; các trang tính: ${all.map((s) => `"${s}"`).join(', ')}`,
  noInputSheet: 'Chưa có trang nhập liệu (dòng tiêu đề "TT", "Tên dự án/nhiệm vụ" dưới khối "Thông tin phụ lục").',
  inputSheetProblem: (sheet: string, why: string) => `Trang “${sheet}”: ${why}`,
  notAnItemRow: (row: number) => `Dòng ${row} không phải dòng dự án: hãy chọn một ô trên dòng của dự án cần chia.`,
  itemHasChildren: (row: number) => `Dự án ở dòng ${row} có dự án con: hãy chia cho từng dự án con.`,
  noYearColumns: 'Trang không có cột năm để chia.',
  noTTColumn: 'Không thấy cột TT trên trang.',
  yearsNeedBoth: 'Cần cả năm bắt đầu và năm kết thúc.',
  yearsOutsideSpan: (years: number[], from: number, to: number) =>
    `Kế hoạch có số liệu năm ${years.join(', ')}, nằm ngoài giai đoạn ${from}-${to}: hãy mở rộng giai đoạn.`,
  unknownSources: (codes: string[], have: string[]) => `Kế hoạch không có nguồn vốn ${codes.join(', ')}; các nguồn có: ${have.join(', ')}.`,
  droppedSources: (codes: string[]) => `Nguồn vốn ${codes.join(', ')} có số liệu: không thể bỏ khỏi phụ lục.`,
  layoutFailed: (why: string) => `không lập được phụ lục: ${why}`,
  unitTooFine: (amount: string, from: string, to: string, dp: number) =>
    `Không đổi được sang ${to}: số ${amount} ${from} cần hơn ${dp} chữ số thập phân. Hãy chọn đơn vị nhỏ hơn.`,
  annualNeedsYear: (labelAnnual: string, labelMedium: string) =>
    `Mẫu “${labelAnnual}” cần năm kế hoạch và kinh phí năm của từng dự án; kế hoạch này chưa có. ` +
    `Hãy chọn mẫu “${labelMedium}” hoặc nhập kinh phí năm trước.`,
  statedWhereUser: 'tổng nêu trong văn bản',
  toleranceNegative: 'sai số cho phép không được âm',
  wordTableSheet: (n: number) => `Bảng ${n} (Word)`,
  wordTableName: (n: number) => `Bảng ${n}`,
  wordUnitLine: (unit: string) => `ĐVT: ${unit}`,
  wordStatedYear: (year: number) => `năm ${year}`,
} as const;
