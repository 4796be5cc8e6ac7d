/** Vietnamese texts of the input-sheet reader's problems (InputSheetError, InputProblem), in one place. */

import { clip as clipTo } from '../text/fold';

/** A value quoted in a message: at most 40 characters. */
const clip = (s: string): string => clipTo(s, 40);

export const INPUT_MESSAGES = {
  atRow: (row: number, msg: string) => `Dòng ${row}: ${msg}`,
  atCell: (cell: string, msg: string) => `Ô ${cell}: ${msg}`,
  more: (shown: string, n: number) => `${shown}; và ${n} lỗi khác`,
  notInputSheet: (sheet: string, tt: string, name: string) =>
    `Trang "${sheet}" không phải trang nhập liệu: không thấy dòng tiêu đề có cột "${tt}" và "${name}"`,
  // The header and the "Thông tin phụ lục" block.
  yearRepeated: (year: number, at: string) => `cột năm ${year} bị lặp (đã có ở ô ${at})`,
  sourceRepeated: (code: string, at: string) => `cột nguồn vốn "${code}" bị lặp (đã có ở ô ${at})`,
  notUnit: (v: string) => `"${clip(v)}" không phải đơn vị tính (đồng, nghìn đồng, triệu đồng, tỷ đồng)`,
  notPreset: (v: string, labels: string[]) => `"${clip(v)}" không phải mẫu phụ lục (${labels.join(', ')})`,
  notPlanYear: (v: string) => `"${clip(v)}" không phải năm kế hoạch`,
  // Cells of a data row.
  cellError: (error: string) => `ô có lỗi ${error}`,
  amountCellError: (error: string) => `ô có lỗi ${error}, không phải số tiền`,
  formulaNoValue: (formula: string) => `công thức "=${clip(formula)}" chưa có giá trị tính sẵn; hãy mở tệp bằng Excel rồi lưu lại`,
  notAmount: (v: string) => `"${clip(v)}" không phải số tiền`,
  readAs: (v: string, value: string, why: string) => `"${clip(v)}" được đọc là ${value} (${why})`,
  negativeAmount: (v: string) => `số tiền âm (${clip(v)}); số tiền phải lớn hơn hoặc bằng 0`,
  notPeriod: (v: string) => `"${clip(v)}" không phải thời gian thực hiện (ví dụ: 2021-2025)`,
  // Groups and items.
  wrongLetter: (tt: string) => `TT "${tt}" không phải chữ cái tiếng Việt (không dùng F, J, W, Z)`,
  groupNoName: (tt: string) => `dòng nhóm "${tt}" chưa có tên nhóm`,
  groupHasAmount: (tt: string) => `dòng nhóm "${tt}" có số tiền; số tiền ghi ở từng dự án, tổng nhóm được tính tự động`,
  itemNoName: (tt: string) => `dự án "${tt}" chưa có tên`,
  rowNoName: (nameTitle: string) => `dòng chưa có tên dự án (cột "${nameTitle}")`,
  noParent: (tt: string, parentTT: string) => `dự án con "${tt}" không có dự án "${parentTT}" ở trên trong cùng nhóm`,
  parentHasAmount: (tt: string) => `dự án "${tt}" có dự án con nên để trống số tiền ở dòng này (số tiền ghi ở từng dự án con)`,
  noItems: (firstRow: number) => `trang nhập liệu chưa có dự án nào (ghi từ dòng ${firstRow})`,
} as const;
