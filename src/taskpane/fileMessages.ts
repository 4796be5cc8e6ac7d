/**
 * The preview's Vietnamese lines for a file refused before it is read (src/core/base/zipPackage.ts): one line, the
 * limit named. Apart from messages.ts so that it loads with the xlsx code only (xlsxBrowser.ts, a separate chunk).
 */
import { Dec } from '../core/base/decimal';
import { PACKAGE } from '../core/base/limits';
import { formatVi } from '../core/text/numbers';
import { MAX_FILE_BYTES, SHEET_EXTENT, type ZipLimit } from '../core/base/zipPackage';
import { packageError } from '../xlsx/readMessages';
import type { PackageLimit } from '../xlsx/zipGuard';

const mb = (n: number) => `${formatVi(new Dec(Math.round(n / 1048576)))} MB`;
const count = (n: number) => formatVi(new Dec(n));

export const FILE = {
  notXlsx: 'Tệp không phải bảng tính .xlsx (không đúng định dạng Office Open XML).',
  noSheets: 'Tệp .xlsx không có trang tính nào.',
  damaged: 'tệp .xlsx bị hỏng hoặc không đầy đủ; hãy mở bằng Excel rồi lưu lại',
  tooLarge: `tệp quá lớn (${mb(MAX_FILE_BYTES)} là giới hạn kích thước tệp mở được, như ở dòng lệnh)`,
};

export function fileLimitMessage(e: ZipLimit): string {
  switch (e.kind) {
    case 'file-size':
      return FILE.tooLarge;
    case 'merged':
      return `trang tính có vùng gộp ô ${e.where} khiến tổng số ô gộp vượt ${count(PACKAGE.maxMergedCells)} ô, quá nhiều cho một bảng phụ lục; hãy bỏ gộp ô rồi lưu lại`;
    case 'extent':
      return `trang tính có ô ở ${e.where}, ngoài vùng ${count(SHEET_EXTENT.rows)} dòng × ${count(SHEET_EXTENT.cols)} cột mà bản xem thử đọc; hãy xoá các ô thừa ở xa bảng rồi lưu lại`;
    default:
      // the kinds the command line's guard has too: its own words
      return packageError(e as unknown as PackageLimit)[0];
  }
}
