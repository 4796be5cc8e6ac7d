/** The .docx reader's one-line Vietnamese reasons for a file it cannot read. */
import { Dec } from '../core/base/decimal';
import { PACKAGE } from '../core/base/limits';
import { MAX_FILE_BYTES, type ZipLimit } from '../core/base/zipPackage';
import { formatVi } from '../core/text/numbers';

const mb = (n: number) => `${formatVi(new Dec(Math.round(n / 1048576)))} MB`;
const count = (n: number) => formatVi(new Dec(n));

export type UnreadableDocxReason = 'not-found' | 'empty' | 'not-zip' | 'not-docx' | 'corrupt' | 'too-large' | 'encrypted' | 'doctype';

/** A file that cannot be read as a Word document. `message` is one Vietnamese line. */
export class UnreadableDocxError extends Error {
  constructor(message: string, readonly reason: UnreadableDocxReason) {
    super(message);
    this.name = 'UnreadableDocxError';
  }
}

export const DOCX_MESSAGES = {
  empty: 'tệp rỗng (0 byte), không phải văn bản Word',
  notZip: 'tệp không phải văn bản Word .docx (không đúng định dạng Office Open XML)',
  notDocx: 'tệp nén không chứa văn bản Word (thiếu word/document.xml)',
  corrupt: 'tệp .docx bị cắt cụt hoặc hỏng (gói nén hoặc nội dung XML không đọc được)',
  encrypted: 'tệp nén có phần được mã hóa, không phải văn bản .docx bình thường',
  doctype: 'tệp .docx có khai báo DOCTYPE (thực thể ngoài) — Word không tạo ra khai báo này; không đọc tệp để tránh rủi ro bảo mật',
  fileSize: `tệp quá lớn (giới hạn kích thước tệp vào là ${mb(MAX_FILE_BYTES)})`,
  partSize: (part: string) => `phần "${part}" của tệp giải nén ra hơn ${mb(PACKAGE.maxPartBytes)} (giới hạn mỗi phần của gói .docx, như với .xlsx); tệp không phải một kế hoạch bình thường`,
  totalSize: `các phần của tệp giải nén ra hơn ${mb(PACKAGE.maxTotalBytes)} (giới hạn tổng dung lượng giải nén); tệp không phải một kế hoạch bình thường`,
  rows: (table: number) => `bảng ${table} của văn bản có hơn ${count(PACKAGE.maxSheetRows)} dòng, quá giới hạn ${count(PACKAGE.maxSheetRows)} dòng một bảng mà công cụ kiểm tra (như một trang tính .xlsx); hãy tách bảng`,
  cells: `văn bản có hơn ${count(PACKAGE.maxCells)} ô bảng (giới hạn số ô, như với .xlsx); hãy tách văn bản`,
  merged: `các ô gộp của văn bản vượt quá ${count(PACKAGE.maxMergedCells)} ô (giới hạn ô gộp, như với .xlsx)`,
  cols: (table: number, cols: number) => `bảng ${table} của văn bản có ${count(cols)} cột, quá giới hạn ${count(256)} cột`,
  tableName: (n: number) => `Bảng ${n}`,
} as const;

/** The reader's error for a refused package. */
export function zipLimitError(e: ZipLimit): UnreadableDocxError {
  switch (e.kind) {
    case 'file-size': return new UnreadableDocxError(DOCX_MESSAGES.fileSize, 'too-large');
    case 'part-size': return new UnreadableDocxError(DOCX_MESSAGES.partSize(e.part), 'too-large');
    case 'total-size': return new UnreadableDocxError(DOCX_MESSAGES.totalSize, 'too-large');
    case 'encrypted-entry': return new UnreadableDocxError(DOCX_MESSAGES.encrypted, 'encrypted');
    default: return new UnreadableDocxError(DOCX_MESSAGES.corrupt, 'corrupt');
  }
}
