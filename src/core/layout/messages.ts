/** The layout's errors and their Vietnamese messages (one sentence each), in one place. */
import { Dec } from '../base/decimal';
import { formatVi } from '../text/numbers';

export type LayoutErrorCode =
  | 'NO_COLUMNS' | 'UNKNOWN_SOURCE' | 'YEAR_OUTSIDE_PLAN' | 'BREAKDOWN_UNDETERMINED' | 'FORMULA_TOO_LONG'
  | 'TOO_MANY_ROWS' | 'TOO_PRECISE' | 'TEXT_TOO_LONG' | 'BAD_TREE';

/** A plan that cannot be laid out; `message` is one Vietnamese sentence. */
export class LayoutError extends Error {
  constructor(message: string, public readonly code: LayoutErrorCode) {
    super(message);
    this.name = 'LayoutError';
  }
}

export const LAYOUT_MESSAGES = {
  noColumns: 'Không có cột nào để trình bày bảng danh mục.',
  itemSourceUnknown: (tt: string, name: string, code: string) =>
    `Mục "${tt} ${name}" có nguồn vốn "${code}" không có trong danh sách nguồn vốn của kế hoạch.`,
  itemYearOutsidePlan: (tt: string, name: string, year: string) =>
    `Mục "${tt} ${name}" có kinh phí năm ${year}, ngoài các năm của kế hoạch.`,
  sourceUnknown: (code: string) => `Nguồn vốn "${code}" không có trong danh sách nguồn vốn của kế hoạch.`,
  breakdownUndetermined:
    'Không lập được dòng "Trong đó" theo nguồn vốn: cần có cột năm, cột nguồn vốn, và mỗi dự án nhiều nguồn phải chia kinh phí từng nguồn theo năm.',
  formulaTooLong: (col: string, chars: number) =>
    `Công thức cộng cột ${col} quá dài cho Excel (${chars} ký tự): quá nhiều dòng con rời nhau.`,
  tooManyRows: (max: number) => `Bảng vượt quá số dòng tối đa của Excel (${formatVi(new Dec(max))}).`,
  tooPrecise: (cell: string, amount: Dec, max: number) =>
    `Ô ${cell}: số ${formatVi(amount)} cần hơn ${max} chữ số có nghĩa; Excel chỉ giữ ${max} chữ số nên sẽ hiện sai. Hãy dùng đơn vị tính lớn hơn hoặc bớt chữ số thập phân.`,
  textTooLong: (cell: string, chars: number, max: number) =>
    `Ô ${cell}: văn bản dài ${formatVi(new Dec(chars))} ký tự, quá giới hạn ${formatVi(new Dec(max))} ký tự của một ô Excel.`,
} as const;
