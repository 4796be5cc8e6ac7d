/** The reader's one-line Vietnamese reasons for a package refused before it is read (src/xlsx/zipGuard.ts). */
import { Dec } from '../core/base/decimal';
import { PACKAGE } from '../core/base/limits';
import { formatVi } from '../core/text/numbers';
import type { PackageLimit } from './zipGuard';

const mb = (n: number) => `${formatVi(new Dec(Math.round(n / 1048576)))} MB`;
const count = (n: number) => formatVi(new Dec(n));

/** [message, reason] of the UnreadableWorkbookError for a refused package. */
export function packageError(e: PackageLimit): [string, 'too-large' | 'encrypted' | 'corrupt'] {
  switch (e.kind) {
    case 'part-size':
      return [`phần "${e.part}" của tệp giải nén ra hơn ${mb(PACKAGE.maxPartBytes)} (giới hạn mỗi phần của gói .xlsx); tệp không phải một bảng phụ lục bình thường`,
        'too-large'];
    case 'total-size':
      return [`các phần của tệp giải nén ra hơn ${mb(PACKAGE.maxTotalBytes)} (giới hạn tổng dung lượng giải nén); tệp không phải một bảng phụ lục bình thường`,
        'too-large'];
    case 'rows':
      // the streaming reader stops at the first row over the limit: the figure is then the limit + 1
      return [`một trang tính có ${e.figure > PACKAGE.maxSheetRows + 1 ? count(e.figure) : `hơn ${count(PACKAGE.maxSheetRows)}`} dòng, quá giới hạn ${count(PACKAGE.maxSheetRows)} dòng một trang mà công cụ kiểm tra; hãy tách bảng`,
        'too-large'];
    case 'extent':
      return [`trang "${e.part}" trải trên ${count(e.figure)} ô (số dòng có dữ liệu × số cột tính từ cột A đến ô xa nhất), quá giới hạn ${count(PACKAGE.maxCells)} ô; hãy xóa các ô có dữ liệu nằm xa bảng rồi lưu lại`,
        'too-large'];
    case 'cells':
      return [`tệp có hơn ${count(PACKAGE.maxCells)} ô có dữ liệu (giới hạn số ô = dòng × cột đang dùng); hãy bỏ các trang, cột không cần rồi lưu lại`,
        'too-large'];
    case 'encrypted-entry':
      return ['tệp nén có phần được mã hóa, không phải bảng tính .xlsx bình thường', 'encrypted'];
    default:
      return ['tệp .xlsx bị cắt cụt hoặc hỏng (mục lục của gói nén không đọc được)', 'corrupt'];
  }
}
