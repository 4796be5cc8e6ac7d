/**
 * What both workbook readers share without loading exceljs: the one-line Vietnamese error of an unreadable file,
 * the sniffing of bytes that are not an .xlsx, and dates as officers write them.
 */
/** A file that cannot be read as an .xlsx workbook. `message` is one Vietnamese line. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string, public readonly reason: UnreadableReason) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

export type UnreadableReason =
  | 'not-found' | 'empty' | 'encrypted' | 'legacy-xls' | 'not-zip' | 'not-xlsx' | 'corrupt' | 'no-sheets' | 'cell-too-long'
  | 'beyond-sheet' | 'merge-too-large' | 'too-large';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Says why bytes are not an .xlsx, before handing them to exceljs; undefined when they may be one. */
export function sniffWorkbook(buf: Buffer): UnreadableWorkbookError | undefined {
  if (buf.length === 0) return new UnreadableWorkbookError('tệp rỗng (0 byte), không phải bảng tính Excel', 'empty');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE compound file: either an encrypted OOXML package or a legacy .xls.
    const enc = Buffer.from('EncryptionInfo', 'utf16le');
    if (buf.includes(enc)) {
      return new UnreadableWorkbookError(
        'tệp được bảo vệ bằng mật khẩu (đã mã hóa); hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dạng .xlsx', 'encrypted');
    }
    return new UnreadableWorkbookError(
      'tệp có định dạng Excel cũ (.xls) hoặc tài liệu Office cũ; hãy lưu lại dạng .xlsx', 'legacy-xls');
  }
  if (buf.length < 4 || !buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    return new UnreadableWorkbookError('tệp không phải bảng tính .xlsx (không đúng định dạng Office Open XML)', 'not-zip');
  }
  // Zip entry names are stored as plain bytes: a package without a workbook part is another document.
  if (!buf.includes(Buffer.from('xl/workbook'))) {
    if (buf.includes(Buffer.from('word/document'))) {
      return new UnreadableWorkbookError('tệp là văn bản Word (.docx) được đổi tên, không phải bảng tính .xlsx', 'not-xlsx');
    }
    if (buf.includes(Buffer.from('ppt/presentation'))) {
      return new UnreadableWorkbookError('tệp là bản trình chiếu PowerPoint được đổi tên, không phải bảng tính .xlsx', 'not-xlsx');
    }
    if (!buf.includes(Buffer.from('PK\x01\x02'))) {
      return new UnreadableWorkbookError('tệp .xlsx bị cắt cụt hoặc hỏng (thiếu mục lục của gói nén)', 'corrupt');
    }
    return new UnreadableWorkbookError('tệp nén không chứa bảng tính Excel (thiếu xl/workbook.xml)', 'not-xlsx');
  }
  return undefined;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as Vietnamese officers write it: dd/mm/yyyy (UTC, as exceljs decodes serials). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

