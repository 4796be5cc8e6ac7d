/**
 * Vietnamese texts of the model checks (checks.ts and the files it runs), in one place. Amounts arrive already
 * formatted (vi-VN); `d` is a signed difference ("+1.234,5" or "-12").
 */

/** A row label, possibly computed only when a message needs it (see `lazy` in context.ts). */
export type Label = { toString(): string };

/** Column names as the messages show them. */
export const COLUMN_NAMES = {
  year: (y: number) => `năm ${y}`,
  source: (code: string, label: string | undefined) => (label && label !== code ? `nguồn ${code} (${label})` : `nguồn ${code}`),
  total: 'Tổng',
  totalInvestment: 'Tổng mức đầu tư',
  annual: (planYear: number | undefined) => (planYear !== undefined ? `Kinh phí năm ${planYear}` : 'Kinh phí năm kế hoạch'),
} as const;

/** Row names as the messages show them. */
export const ROW_NAMES = {
  group: (tt: string, name: string) => `Nhóm ${tt} "${name}"`.replace('Nhóm  ', 'Nhóm '),
  item: (isSubItem: boolean, tt: string, name: string) => {
    const word = isSubItem ? 'Hạng mục' : 'Dự án';
    return tt ? `${word} ${tt} "${name}"` : `${word} "${name}"`;
  },
  /** A grand-total or "Trong đó" row. */
  line: (label: string) => `Dòng "${label}"`,
  grandTotalDefault: 'Tổng cộng',
  breakdownDefault: (code: string) => `Trong đó nguồn ${code}`,
} as const;

export const CHECK_MESSAGES = {
  badTolerance: (t: string) => `Dung sai không hợp lệ: ${t} (phải là số không âm).`,
  badStatedTotal: (t: string) => `Tổng đối chiếu không hợp lệ: ${t}.`,
  noItems: 'Danh mục không có dự án nào.',

  // rows
  rowYearsSum: (name: Label, total: string, years: string, d: string) =>
    `${name}: cột Tổng ghi ${total} nhưng cộng các năm được ${years} (chênh lệch ${d}).`,
  /** against: 'total' (the total column), 'years' (the sum of the years) or the plan year (annual tables). */
  rowSourcesSum: (name: Label, sources: string, against: 'total' | 'years' | number, ref: string, d: string) =>
    `${name}: cộng các nguồn vốn được ${sources} nhưng ${against === 'total' ? 'cột Tổng' : against === 'years' ? 'tổng các năm' : `kinh phí năm ${against}`} là ${ref} (chênh lệch ${d}).`,
  splitSourceSum: (name: Label, code: string, sum: string, declared: string, d: string) =>
    `${name}: phân kỳ theo năm của nguồn ${code} cộng lại ${sum} nhưng cột nguồn ${code} ghi ${declared} (chênh lệch ${d}).`,
  splitYearSum: (name: Label, year: string, sum: string, stated: string, d: string) =>
    `${name}: năm ${year} chia theo nguồn vốn cộng lại ${sum} nhưng năm ${year} ghi ${stated} (chênh lệch ${d}).`,
  negativeSplit: (name: Label, code: string, year: string, v: string) =>
    `${name}: số âm trong phân kỳ nguồn ${code} năm ${year} (${v}).`,
  negativeColumn: (name: Label, col: string, v: string) => `${name}: số âm ở cột ${col} (${v}).`,
  periodSpan: (from: number, to: number) => (from === to ? `năm ${from}` : `${from}-${to}`),
  yearOutsidePeriod: (name: Label, year: number, v: string, span: string) =>
    `${name}: có kinh phí năm ${year} (${v}) ngoài thời gian thực hiện ${span}.`,
  annualExceedsTotal: (name: Label, col: string, annual: string, totalInvestment: string, over: string) =>
    `${name}: ${col} là ${annual}, lớn hơn tổng mức đầu tư ${totalInvestment} (vượt ${over}).`,

  // groups
  groupSubtotal: (row: string, col: string, stated: string, isGroup: boolean, sum: string, d: string) =>
    `${row}: ${col} ghi ${stated} nhưng tổng ${isGroup ? 'các mục trong nhóm' : 'các hạng mục'} là ${sum} (chênh lệch ${d}).`,
  grandTotal: (row: string, col: string, stated: string, ofGroups: boolean, sum: string, d: string) =>
    `${row}: ${col} ghi ${stated} nhưng tổng ${ofGroups ? 'các nhóm' : 'các dự án'} là ${sum} (chênh lệch ${d}).`,
  breakdown: (row: string, col: string, stated: string, code: string, sum: string, d: string) =>
    `${row}: ${col} ghi ${stated} nhưng các dự án nguồn ${code} cộng lại ${sum} (chênh lệch ${d}).`,
  kindBreakdown: (row: string, col: string, stated: string, kind: string, sum: string, d: string) =>
    `${row}: ${col} ghi ${stated} nhưng các dự án "${kind}" cộng lại ${sum} (chênh lệch ${d}).`,
  kindsAddUp: (labels: string, col: string, stated: string, total: string, sum: string, d: string) =>
    `Các dòng "Trong đó" (${labels}): ${col} cộng lại ${stated} nhưng dòng "${total}" là ${sum} (chênh lệch ${d}).`,

  // stated totals and words
  userStatedTotal: 'tổng do người dùng nhập',
  statedGrandTotal: 'tổng cộng',
  statedYearTotal: (year: string) => `tổng năm ${year}`,
  statedSourceTotal: (code: string) => `tổng nguồn ${code}`,
  statedTotal: (where: string, v: string, unit: string, what: string, table: string, d: string) =>
    `Tổng nêu tại ${where || 'văn bản'} là ${v} ${unit}, khác ${what} của bảng ${table} ${unit} (chênh lệch ${d}).`,
  wordsUnsayable: (text: string, figure: string) =>
    `Không đối chiếu được số tiền bằng chữ "${text}": số ${figure} đồng của bảng quá lớn hoặc quá lẻ để viết thành chữ.`,
  wordsUnreadable: (text: string, figure: string, right: string) =>
    `Không đọc được số tiền bằng chữ "${text}"; số ${figure} đồng viết bằng chữ là "${right}".`,
  wordsMismatch: (text: string, read: string, figure: string, right: string) =>
    `Số tiền bằng chữ "${text}" đọc là ${read} đồng, khác số ${figure} đồng; viết đúng: "${right}".`,

  // fields
  missing: (name: Label, what: string) => `${name}: thiếu ${what}.`,
  missingName: 'tên dự án',
  missingLead: 'đơn vị chủ trì',
  missingSource: 'nguồn vốn',
  sourceMismatch: (name: Label, text: string, v: string, code: string) =>
    `${name}: nguồn vốn ghi "${text}" nhưng số tiền ${v} nằm ở cột nguồn ${code}.`,
  numbering: (actual: string, isGroup: boolean, name: string, expected: string) =>
    `Số thứ tự ${actual === '' ? '(trống)' : `"${actual}"`} của ${isGroup ? 'nhóm' : 'mục'} "${name}": theo thứ tự phải là "${expected}".`,
  duplicate: (row: string, firstTT: string, firstName: string) =>
    `${row}: trùng tên với dự án ${firstTT} "${firstName}".`.replace('dự án  ', 'dự án '),
} as const;

/** Root causes (causes.ts): "G9 có thể nhập sai: nếu G9 = 2.000 thì tổng dòng 9 và nhóm I đều khớp." */
export const CAUSE_MESSAGES = {
  rowLabel: (row: number) => `tổng dòng ${row}`,
  groupLabel: (tt: string, isGroup: boolean) => (tt ? `${isGroup ? 'nhóm' : 'hạng mục'} ${tt}` : isGroup ? 'nhóm' : 'hạng mục cha'),
  grandLabel: (label: string) => label,
  lineLabel: (label: string) => `dòng "${label}"`,
  rootCause: (cell: string, value: string, names: string[]) => {
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}` : names[0];
    return `${cell} có thể nhập sai: nếu ${cell} = ${value} thì ${list} ${names.length > 1 ? 'đều khớp' : 'khớp'}.`;
  },
  rootPair: (cells: [string, string], values: [string, string], names: string[]) => {
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}` : names[0];
    return `${cells[0]} và ${cells[1]} có thể nhập sai: nếu ${cells[0]} = ${values[0]} và ${cells[1]} = ${values[1]} thì ${list} đều khớp.`;
  },
  noSingleCause: (n: number) => `Không tìm được một ô duy nhất giải thích ${n} tổng sai (có thể nhiều ô cùng nhập sai).`,
} as const;

/** Summary sheets checked against the sheet they summarise (summarySheet.ts). */
export const SUMMARY_MESSAGES = {
  differs: (tt: string, col: string, stated: string, sheet: string, there: string, d: string) =>
    `Dòng ${tt} (tổng hợp): ${col} ghi ${stated} nhưng nhóm ${tt} ở trang "${sheet}" là ${there} (chênh lệch ${d}).`,
  absent: (sheet: string) =>
    `Trang này tổng hợp số từ trang "${sheet}", không có trong tệp (hoặc không có bảng danh mục): chưa đối chiếu được các dòng tổng hợp.`,
  noGroup: (tt: string, sheet: string) => `Dòng ${tt} (tổng hợp): không tìm thấy nhóm ${tt} ở trang "${sheet}" để đối chiếu.`,
} as const;
