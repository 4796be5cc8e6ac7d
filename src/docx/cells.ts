/** The text of a SheetSpec's cells as Word shows them, and the frame a table is cut from. */
import { a1 } from '../core/base/a1';
import { Dec } from '../core/base/decimal';
import type { CellSpec, CellStyle } from '../core/layout/sheetspec';
import { formatVi } from '../core/text/numbers';
import { DOCX_WRITE_MESSAGES as M, DocxWriteError } from './writeMessages';

/** What the table needs to know beyond the spec: the rows and columns it covers and its geometry. */
export interface TableFrame {
  rows: { from: number; to: number };
  cols: { from: number; to: number };
  /** rows repeated on every page (inclusive), if any */
  header?: { from: number; to: number };
  /** each grid column's width in twips */
  widths: number[];
  /** factor applied to the table's font sizes (≤ 1) so the table fits the page as Excel's fit-to-width would */
  fontScale: number;
}

/** Characters XML 1.0 cannot carry (C0 controls other than tab/line feed/carriage return, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s.replace(XML_ILLEGAL, '').replace(/\r\n?/g, '\n');
}

/** Decimals a number format shows ("#,##0.000" → 3); undefined when the format says nothing. */
export function decimalsOfFormat(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const m = /\.(0+)/.exec(numFmt);
  return m ? m[1].length : /0/.test(numFmt) ? 0 : undefined;
}

/** The text a cell shows: text as is, numbers and formula results in vi-VN form with the style's decimals. */
export function cellDisplay(cell: CellSpec | null | undefined, style: CellStyle | undefined, r: number, c: number): string {
  if (!cell || cell.t === 'empty') return '';
  if (cell.t === 'text') return cell.v;
  const v = cell.t === 'num' ? cell.v : cell.result;
  if (v === undefined) throw new DocxWriteError(M.noResult(a1(r, c)));
  let d: Dec;
  try {
    d = new Dec(v);
  } catch {
    throw new DocxWriteError(M.badNumber(a1(r, c), v));
  }
  if (!d.isFinite()) throw new DocxWriteError(M.badNumber(a1(r, c), v));
  return formatVi(d, { decimals: decimalsOfFormat(style?.numFmt) });
}
