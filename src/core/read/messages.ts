/** Vietnamese messages of the sheet reader (unreadable tables and the findings that need the sheet's geometry). */
import type { Dec } from '../base/decimal';
import { clip } from '../text/fold';
import { formatVi } from '../text/numbers';

export const READ_MESSAGES = {
  unreadable: (sheet: string, what: string) =>
    `Không nhận ra bảng danh mục trong trang tính "${sheet}": ${what}. Cần một dòng tiêu đề có cột "TT" (hoặc "STT"), ` +
    'một cột tên ("Tên dự án", "Tên nhiệm vụ, dự án", "Nội dung"...) và các cột số tiền (năm, "Tổng kinh phí", nguồn vốn...).',
  emptySheet: 'trang tính trống',
  noNameColumn: 'không có cột tên dự án/nhiệm vụ',
  ttWithoutName: (at: string) => `có ô "TT" ở ${at} nhưng không thấy cột tên dự án/nhiệm vụ bên cạnh`,
  nameWithoutTT: (at: string) => `có cột tên ở ${at} nhưng không thấy cột "TT"/"STT"`,
  noHeader: 'không thấy dòng tiêu đề nào có "TT"/"STT" và tên dự án',

  formulaError: (error: string, formula: string | undefined) =>
    `Ô hiển thị lỗi ${error}${formula ? ` (công thức =${clip(formula, 80)})` : ''}: không có số để kiểm tra`,
  circular: (formula: string, cell: string) =>
    `Ô ${cell} có công thức tham chiếu vòng (=${clip(formula, 80)}): công thức dùng lại chính kết quả của nó, Excel không tính được số này`,
  errorValue: (v: string) => `Ô chứa giá trị lỗi ${v}: không có số để kiểm tra`,
  notANumber: (v: string, reason: string) => `Ô số tiền chứa văn bản không đọc được thành số: "${clip(v, 80)}" (${reason})`,
  textNumber: (text: string, note: string) => `Ô số tiền chứa văn bản "${clip(text.trim(), 80)}", không phải số: ${note}`,
  dateNumber: (shown: string, value: Dec, unit: string) =>
    `Ô số tiền được định dạng ngày tháng (hiển thị "${clip(shown.trim(), 40)}"): số trong ô là ${formatVi(value)} ${unit}; hãy định dạng lại ô thành số`,
  readPartly: (value: Dec, unit: string) => `chỉ đọc được phần đầu là ${formatVi(value)} ${unit}; phần chữ phía sau bị bỏ qua`,
  readAs: (value: Dec, unit: string, ambiguous: string | undefined) => `đọc là ${formatVi(value)} ${unit}${ambiguous ? ` (${ambiguous})` : ''}`,

  suspectDecimal: (value: Dec, thousand: Dec) =>
    `Giá trị ${formatVi(value)} có phần thập phân trong cột toàn số nguyên: có lẽ "${formatVi(thousand)}" đã bị đọc theo kiểu Anh-Mỹ (dấu chấm thập phân) thành ${formatVi(value)}`,
  totalCellKind: { sub: 'Ô tổng/tổng nhóm', breakdown: 'Ô "Trong đó"', itemTotal: 'Ô tổng của dự án' },
  hardcodedTotal: (what: string, value: Dec) =>
    `${what} là số gõ tay (${formatVi(value)}) trong khi các ô tổng khác của bảng dùng công thức: số này không tự cập nhật khi số liệu thay đổi`,
  grandTotalRow: 'Dòng tổng cộng',
  groupRow: (tt: string) => `Dòng nhóm ${tt}`,
  doubleCountRows: (what: string, group: string, groupRow: number, innerRow: number) =>
    `${what} cộng cả dòng nhóm ${group} (dòng ${groupRow}) lẫn các dòng con của nhóm đó (dòng ${innerRow}): số bị tính hai lần`,
  doubleCountSum: (what: string, stated: Dec, groups: Dec, items: Dec) =>
    `${what} (${formatVi(stated)}) bằng tổng các dòng nhóm (${formatVi(groups)}) cộng thêm các dự án trong nhóm (${formatVi(items)}): số bị tính hai lần`,
  closingRow: (label: string, group: string) => `Dòng "${clip(label, 40)}" của nhóm ${group}`,
  subtotalRow: (row: string, col: string, v: Dec, other: string | undefined, o: Dec | undefined, sum: Dec) =>
    `${row}: ${col.replace(/\s+/g, ' ').trim()} ghi ${formatVi(v)} nhưng ${other !== undefined && o !== undefined ? `${other.charAt(0).toLowerCase()}${other.slice(1)} ghi ${formatVi(o)} và ` : ''}các dòng con cộng lại ${formatVi(sum)}`,
  cellWhere: (ref: string) => `ô ${ref}`,
} as const;
