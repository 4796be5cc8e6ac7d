/** Vietnamese texts of the Word document checks (issue 13). */
export const WORD_MESSAGES = {
  /** A table cell, 1-based in the table: "Bảng 2, dòng 14, cột 7". */
  tableCell: (table: string, row: number, col: number) => `${table}, dòng ${row}, cột ${col}`,
  /** A paragraph with its nearest heading: "Đoạn 12 (VI. KINH PHÍ THỰC HIỆN)". */
  paragraph: (index: number, heading: string | undefined) => `Đoạn ${index}${heading ? ` (${clip(heading)})` : ''}`,
  /** How a stated total's message names its place: "đoạn 12 của văn bản (VI. KINH PHÍ THỰC HIỆN)". */
  statedWhere: (index: number, heading: string | undefined) => `đoạn ${index} của văn bản${heading ? ` (${clip(heading)})` : ''}`,
  noTable: (name: string) => `Văn bản "${name}" không có bảng nào: không có bảng danh mục để kiểm tra (cần một bảng có cột STT/TT, tên và số tiền).`,
  documentName: 'Văn bản',
} as const;

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
