/**
 * Fitting the table to screen and paper: column widths from the widest amount, row heights from the wrapped text,
 * the frozen panes, and the page setup (A4 landscape, one page wide, Decree 30 margins, header rows repeated on every
 * page, page numbers in the footer). Also where every amount and text is held to Excel's limits.
 */
import { Dec } from '../base/decimal';
import { a1 } from '../base/a1';
import type { CellRange } from '../base/grid';
import { EXCEL } from '../base/limits';
import type { FieldKey } from '../plan/model';
import type { Amounts, LinesSeen, Sheet } from './context';
import type { HeaderRows } from './header';
import { LAYOUT_MESSAGES, LayoutError } from './messages';
import type { PrintSpec, RowSpec, SheetSpec } from './sheetspec';
import { estimateLines, lineHeight, viLength } from './styles';

// Decree 30/2020/NĐ-CP, Phụ lục I, mục II "Định lề trang văn bản (khổ A4)": top 20-25 mm, bottom 20-25 mm,
// left 30-35 mm, right 15-20 mm. We take top/bottom 20 mm, left 30 mm, right 15 mm (inches below).
const MM = 1 / 25.4;
export const DECREE_30_MARGINS = {
  top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 8 * MM, footer: 8 * MM,
} as const;

type Columns = SheetSpec['columns'];

/**
 * Column widths: text columns as set; amount columns wide enough for their widest amount in vi-VN display (`dp`
 * decimals), the grand total included. Refuses an amount Excel would show rounded (over 15 significant digits).
 */
export function columnWidths(s: Sheet, grand: Amounts, dp: number): Columns {
  const maxLen = new Map(s.stream?.maxLen);
  for (const c of s.amountCols) { const d = grand.get(c); if (d) maxLen.set(c, Math.max(maxLen.get(c) ?? 0, viLength(d, dp))); }
  s.rows.forEach((row, r) => { if (row) seeRowAmounts(row, r, maxLen, dp); });
  const columns: Columns = s.cols.map((c, i) => {
    if (c.kind === 'text') return { width: c.width, key: c.key };
    const need = Math.ceil(((maxLen.get(i) ?? 4) + 1.5) * 1.25);
    const base = c.slot === 'years' || c.slot === 'sources' ? 9 : 10.5;
    return { width: Math.max(c.width || base, need), key: c.key };
  });
  if (s.withBreakdown) columns.push({ width: 9, key: 'sourceCode' as FieldKey });
  return columns;
}

/**
 * The amounts of row r seen into `maxLen` (column → widest vi-VN display length); refuses an amount Excel would show
 * rounded (over 15 significant digits).
 */
export function seeRowAmounts(row: RowSpec, r: number, maxLen: Map<number, number>, dp: number): void {
  const max = EXCEL.maxSignificantDigits;
  const cells = row.cells;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    const v = cell?.t === 'num' ? cell.v : cell?.t === 'formula' ? cell.result : undefined;
    if (v === undefined) continue;
    // a plain decimal string is measured from its digits (no Dec per cell); anything else through decimal.js
    const t = plainDigits(v);
    let len: number;
    if (t === undefined) {
      const d = new Dec(v);
      if (d.sd() > max) throw new LayoutError(LAYOUT_MESSAGES.tooPrecise(a1(r, c), d, max), 'TOO_PRECISE');
      len = viLength(d, dp);
    } else {
      if (t.sd > max) throw new LayoutError(LAYOUT_MESSAGES.tooPrecise(a1(r, c), new Dec(v), max), 'TOO_PRECISE');
      len = t.intLen + Math.floor((t.intLen - 1) / 3) + (dp > 0 ? dp + 1 : 0) + (t.neg ? 1 : 0);
    }
    if (len > (maxLen.get(c) ?? 0)) maxLen.set(c, len);
  }
}

/**
 * The height of row r: as tall as its tallest wrapped text (merged cells over their merged width, vertical merges
 * left to setRowHeights), at most 409 pt. Refuses a text over Excel's limit. `widthOf(c0, c1)`: columns' width, which
 * must be the same for every row given the same `seen`.
 */
export function rowHeight(
  s: Sheet, row: RowSpec, r: number, tSize: number, widthOf: (c0: number, c1: number) => number, mergeAt: Map<number, CellRange>,
  seen?: LinesSeen,
): number {
  let h = lineHeight(tSize) + 3;
  row.cells.forEach((cell, c) => {
    if (!cell || cell.t !== 'text') return;
    if (cell.v.length > EXCEL.maxCellText) {
      throw new LayoutError(LAYOUT_MESSAGES.textTooLong(a1(r, c), cell.v.length, EXCEL.maxCellText), 'TEXT_TOO_LONG');
    }
    const st = s.styles[cell.s ?? ''] ?? {};
    const size = st.font?.size ?? tSize;
    const m = mergeAt.size === 0 ? undefined : mergeAt.get(r * 16384 + c);
    if (m && m.r1 > m.r0) return; // vertical merges handled below
    let lines: number;
    if (!st.wrap && !m) lines = 1;
    else if (!m && seen && seen.text[c] === cell.v && seen.style[c] === cell.s) lines = seen.lines[c];
    else {
      lines = estimateLines(cell.v, m ? widthOf(m.c0, m.c1) : widthOf(c, c), size, !!st.font?.bold);
      if (!m && seen) { seen.text[c] = cell.v; seen.style[c] = cell.s; seen.lines[c] = lines; }
    }
    h = Math.max(h, lines * lineHeight(size) + 4);
  });
  return Math.min(409, Math.round(h * 4) / 4);
}

/**
 * Row heights: each row as tall as its tallest wrapped text (merged cells over their merged width), at most 409 pt;
 * the two header rows together as tall as the tallest header merged over both. Refuses a text over Excel's limit.
 */
export function setRowHeights(s: Sheet, columns: Columns, tSize: number, header: HeaderRows): void {
  const widthOf = (c0: number, c1: number) => { let w = 0; for (let c = c0; c <= c1; c++) w += columns[c]?.width ?? 9; return w; };
  // keyed r × 2^14 + c (Excel has 2^14 columns): no key string per text cell
  const mergeAt = new Map<number, CellRange>();
  for (const m of s.merges) mergeAt.set(m.r0 * 16384 + m.c0, m);
  s.rows.forEach((row, r) => { if (row) row.height = rowHeight(s, row, r, tSize, widthOf, mergeAt); });
  // Vertical header merges: the two header rows together must hold the tallest header text.
  const { h1, h2, twoRows } = header;
  if (!twoRows) return;
  let need = 0;
  for (const m of s.merges) {
    if (m.r0 === h1.r && m.r1 === h2.r) {
      const cell = h1.row.cells[m.c0];
      if (cell && cell.t === 'text') need = Math.max(need, estimateLines(cell.v, widthOf(m.c0, m.c1), tSize, true) * lineHeight(tSize) + 6);
    }
  }
  const have = (h1.row.height ?? 0) + (h2.row.height ?? 0);
  if (need > have) h2.row.height = Math.min(409, Math.ceil(need - (h1.row.height ?? 0)));
}

/** What columnWidths reads of a plain decimal string, as decimal.js reads it: sd(), integer digits, sign. */
interface Digits { sd: number; intLen: number; neg: boolean }
const DIGITS: Digits = { sd: 0, intLen: 0, neg: false };

/**
 * The significant digits (Dec.sd(): from the first to the last non-zero digit, 1 for zero), the digits of the integer
 * part without leading zeros (at least 1: abs().trunc().toFixed()) and the sign (isNegative()) of a plain decimal
 * string ("-1234.5", "0.001"); undefined for any other form. One shared result object (no garbage per cell).
 */
export function plainDigits(v: string): Digits | undefined {
  const len = v.length;
  let i = 0;
  const neg = len > 0 && v.charCodeAt(0) === 45;
  if (neg) i = 1;
  let first = -1; // index of the first non-zero digit
  let last = -1; // index of the last non-zero digit
  let dot = -1;
  let intDigits = 0; // integer digits from the first non-zero one
  for (; i < len; i++) {
    const ch = v.charCodeAt(i);
    if (ch === 46) {
      if (dot >= 0 || i === (neg ? 1 : 0) || i === len - 1) return undefined;
      dot = i;
    } else if (ch >= 48 && ch <= 57) {
      if (ch !== 48) { if (first < 0) first = i; last = i; }
      if (dot < 0 && first >= 0) intDigits++;
    } else return undefined;
  }
  if (len === (neg ? 1 : 0)) return undefined;
  let sd = 1;
  if (first >= 0) sd = last - first + 1 - (dot > first && dot < last ? 1 : 0);
  DIGITS.sd = sd;
  DIGITS.intLen = Math.max(1, intDigits);
  DIGITS.neg = neg;
  return DIGITS;
}

/** Panes frozen under the header and right of the name column. */
export function freezeOf(s: Sheet, headerEnd: number): NonNullable<SheetSpec['freeze']> {
  const nameCol = s.colOf.get('name');
  return { rows: headerEnd + 1, cols: nameCol !== undefined ? nameCol + 1 : 0 };
}

/** A4 landscape, one page wide, the header rows on every page; the print area leaves the code column out. */
export function printSetup(s: Sheet, header: HeaderRows): PrintSpec {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...DECREE_30_MARGINS },
    titleRows: { from: header.h1.r, to: header.headerEnd },
    area: { r0: 0, c0: 0, r1: s.rows.length - 1, c1: s.lastCol },
    footer: 'Trang &P/&N',
  };
}
