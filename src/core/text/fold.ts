/**
 * Tolerant text matching for header words and row labels read from sheets: NFC/NFD, case, line breaks,
 * repeated spaces and diacritics variants all compare equal after `fold`.
 */

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00A0\u2007\u2009\u200A\u200B\u202F\u3000]+/g;

/** NFC, lowercase, whitespace (line breaks included) collapsed to one space, trimmed. */
export function normText(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(SPACES, ' ').trim();
}

/** normText without diacritics: "Tổng  kinh\nphí" → "tong kinh phi"; "Đ" → "d". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/** fold, then keep letters/digits and single spaces only ("Tổng cộng:" → "tong cong"). */
export function foldWords(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The text cut to n characters, with "…" when it was longer (for quoting cells in messages). */
export function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}
