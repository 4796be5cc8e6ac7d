/**
 * What both xlsx writers (the streaming one, streamWrite.ts, and exceljs's in-memory model, writeSpec.ts) check and
 * transform the same way before a SheetSpec becomes a file: text XML can carry, numbers a double holds exactly,
 * sheet names Excel takes, merges that do not overlap, list validations Excel can hold. Loads no exceljs.
 */
import { Dec } from '../core/base/decimal';
import { a1 } from '../core/base/a1';
import { EXCEL } from '../core/base/limits';
import type { CellRange } from '../core/base/grid';

/** A SheetSpec that cannot be written as a valid workbook; `message` is one Vietnamese sentence. */
export class XlsxWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxWriteError';
  }
}

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character one of sanitizeText's replacements could change: \r, the other controls but \t and \n, surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex
const MAY_CHANGE = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The text as it will be stored: "\r\n" and "\r" → "\n", characters XML cannot carry dropped. */
export function sanitizeText(s: string): string {
  // most texts hold none of the characters either replacement changes: one test instead of two replacements
  if (!MAY_CHANGE.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** Text of a cell, sanitised and within Excel's length for one cell. */
export function cellText(v: string, r: number, c: number): string {
  const s = sanitizeText(v);
  if (s.length > EXCEL.maxCellText) {
    throw new XlsxWriteError(`Ô ${a1(r, c)}: văn bản dài ${s.length} ký tự, vượt giới hạn ${EXCEL.maxCellText} ký tự của một ô Excel.`);
  }
  return s;
}

export const rangeA1 = (r: CellRange): string => (r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`);

const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** Significant digits of a plain decimal string as decimal.js counts them (no leading or trailing zeros). */
function significantDigits(v: string): number {
  const digits = v.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/**
 * A number Excel can hold exactly as the decimal string says: at most 15 significant digits (what Excel keeps and
 * shows; the reader reads doubles at 15 digits too) and an IEEE double round trip. Fast path: a plain decimal
 * string that is exactly the double's shortest form; anything else is decided by decimal.js.
 */
export function exactNumber(v: string, where: string): number {
  const n = Number(v);
  // A string of at most 15 characters holds at most 15 significant digits: no count needed.
  if (PLAIN_DECIMAL.test(v) && String(n) === v && (v.length <= 15 || significantDigits(v) <= 15)) return n;
  if (!Number.isFinite(n) || new Dec(v).sd() > 15 || !new Dec(v).equals(new Dec(n.toString()))) {
    throw new XlsxWriteError(`Ô ${where}: số "${v}" vượt quá độ chính xác của Excel (15 chữ số).`);
  }
  return n;
}

/**
 * The text a number cell stores: `String(exactNumber(v, where))`. Fast path, without a double: a plain decimal
 * ("-12.5", "0.001", "120") of at most 15 digits, no leading or trailing zeros, no "-0", and an integer part of at
 * most 15 digits or a value of at least 10^-6 — such a string is exactly what JavaScript prints for its double (15
 * significant digits round-trip, and the plain notation holds from 10^-6 to 10^21), so it is its own text.
 * tests/xlsx/specCheck.test.ts proves it equal.
 */
export function numberText(v: string, where: string): string {
  const len = v.length;
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let c = v.charCodeAt(i);
  let digits = 0;
  if (c === 48) {
    i++;
    if (i === len) return start === 0 ? v : String(exactNumber(v, where));
    if (v.charCodeAt(i) !== 46) return String(exactNumber(v, where));
    let zeros = 0;
    while (i + 1 < len && v.charCodeAt(i + 1) === 48) { i++; zeros++; }
    if (zeros > 5) return String(exactNumber(v, where));
  } else {
    if (!(c >= 49 && c <= 57)) return String(exactNumber(v, where));
    for (; i < len; i++) {
      c = v.charCodeAt(i);
      if (c === 46) break;
      if (c < 48 || c > 57) return String(exactNumber(v, where));
      digits++;
    }
    if (i === len) return digits <= 15 ? v : String(exactNumber(v, where));
  }
  // at the '.': one or more digits, the last not 0
  i++;
  if (i === len) return String(exactNumber(v, where));
  for (; i < len; i++) {
    c = v.charCodeAt(i);
    if (c < 48 || c > 57) return String(exactNumber(v, where));
    digits++;
  }
  return digits <= 15 && c !== 48 ? v : String(exactNumber(v, where));
}

export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new XlsxWriteError(`Tên trang tính "${name}" không hợp lệ trong Excel (tối đa 31 ký tự, không có [ ] : * ? / \\).`);
  }
}

/**
 * Checks that no two merges overlap (XlsxWriteError naming the first shared cell) and returns, per row, the column
 * spans [c0, c1, …] of merged cells other than a merge's top-left one (cells that carry a style but no value).
 */
export function checkMerges(merges: CellRange[]): Map<number, number[]> {
  const byRow = new Map<number, number[]>();
  for (const m of merges) {
    if (m.r1 < m.r0 || m.c1 < m.c0) throw new XlsxWriteError(`Vùng gộp ô ${rangeA1(m)} không hợp lệ.`);
    for (let r = m.r0; r <= m.r1; r++) {
      let spans = byRow.get(r);
      if (!spans) byRow.set(r, (spans = []));
      spans.push(m.c0, m.c1, r === m.r0 ? 1 : 0);
    }
  }
  const covered = new Map<number, number[]>();
  for (const [r, spans] of byRow) {
    const order = Array.from({ length: spans.length / 3 }, (_, i) => i).sort((a, b) => spans[3 * a] - spans[3 * b]);
    const out: number[] = [];
    let end = -1;
    for (const i of order) {
      const c0 = spans[3 * i];
      const c1 = spans[3 * i + 1];
      if (c0 <= end) throw new XlsxWriteError(`Các vùng gộp ô chồng lên nhau tại ${a1(r, c0)}.`);
      end = c1;
      const from = spans[3 * i + 2] ? c0 + 1 : c0;
      if (from <= c1) out.push(from, c1);
    }
    if (out.length) covered.set(r, out);
  }
  return covered;
}

/** The list as Excel's inline formula; undefined when Excel cannot take it (over 255 characters, a comma or quote). */
export function listFormula(list: string[]): string | undefined {
  if (list.some((v) => /[",]/.test(v))) return undefined;
  const f = `"${list.join(',')}"`;
  // the list between its two quotes is at most EXCEL.maxListChars (255) characters
  return f.length > EXCEL.maxListChars + 2 ? undefined : f;
}

/** The warning for a list Excel cannot take; the same words as the Office writer's (the sheet is written without it). */
export const listRefused = (address: string): string => `Không tạo được danh sách chọn cho vùng ${address}: giá trị quá dài hoặc có dấu phẩy.`;
