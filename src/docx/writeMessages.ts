/** Vietnamese messages of the Word writer. */

/** A SheetSpec the Word writer cannot render (a programming error upstream, told in Vietnamese all the same). */
export class DocxWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxWriteError';
  }
}

export const DOCX_WRITE_MESSAGES = {
  noResult: (at: string) => `Ô ${at} có công thức nhưng không có giá trị đã tính; không ghi được sang Word.`,
  unknownStyle: (name: string) => `Kiểu định dạng "${name}" không được khai báo.`,
  badNumber: (at: string, v: string) => `Ô ${at} có số không hợp lệ: "${v}".`,
  noSheets: 'Không có trang nào để ghi sang Word.',
} as const;
