/**
 * The look of the appendix: fonts, borders and number formats as named styles, the number format the plan's amounts
 * need, and the estimates of printed widths and lines the column widths and row heights are made from.
 */
import type { Dec } from '../base/decimal';
import type { Item, Plan } from '../plan/model';
import { itemsOf } from '../plan/tree';
import type { ColumnSlot } from './context';
import type { CellStyle } from './sheetspec';

/** Decimal places the number format needs (max over every amount of the plan, at most 6); `items`: itemsOf(plan.nodes) when known. */
export function decimalsOf(plan: Plan, items: readonly Item[] = itemsOf(plan.nodes)): number {
  let dp = 0;
  const see = (d: Dec | undefined) => { if (d) dp = Math.max(dp, d.decimalPlaces()); };
  // Object.values: the largest count of decimals needs no keys (Object.keys makes a string of each year key)
  const seeAll = (rec: Record<string | number, Dec>) => { for (const d of Object.values(rec)) see(d); };
  for (const it of items) {
    const a = it.amounts;
    seeAll(a.years);
    seeAll(a.sources);
    see(a.total); see(a.totalInvestment); see(a.annual);
    if (a.split) for (const c of Object.keys(a.split)) seeAll(a.split[c]);
  }
  return Math.min(dp, 6);
}

export function numFmtFor(dp: number): string {
  return dp > 0 ? `#,##0.${'0'.repeat(dp)}` : '#,##0';
}

/** Characters of the vi-VN display of an exact amount with `dp` decimals (for width estimates). */
export function viLength(d: Dec, dp: number): number {
  const int = d.abs().trunc().toFixed();
  return int.length + Math.floor((int.length - 1) / 3) + (dp > 0 ? dp + 1 : 0) + (d.isNegative() ? 1 : 0);
}

/** Is the UTF-16 code unit `ch` one that /\s/ matches? */
function isSpace(ch: number): boolean {
  if (ch <= 32) return ch === 32 || (ch >= 9 && ch <= 13);
  if (ch < 0xa0) return false;
  return ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029
    || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

/**
 * Approximate printed lines of `text` in a cell `width` characters wide at `size` pt (greedy word wrap): each
 * paragraph (split at "\n") takes its lines, words being the runs between white space (/\s+/). One pass over the
 * characters, no strings made.
 */
export function estimateLines(text: string, width: number, size: number, bold = false): number {
  // Excel's width unit is the max digit width of the default font (Calibri 11: 7 px). Vietnamese text in Times New
  // Roman averages ~0.31 em per character, spaces included (bold ~0.34 em), measured on LibreOffice's rendering of
  // the Sóc Trăng objectives; 1 pt = 4/3 px.
  const avgPx = size * (4 / 3) * (bold ? 0.34 : 0.31);
  const cap = Math.max(1, Math.floor((width * 7 - 8) / avgPx));
  let lines = 0;
  let line = 0;
  let n = 1;
  let w = 0;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    const ch = i < len ? text.charCodeAt(i) : 10;
    if (ch !== 10 && !isSpace(ch)) { w++; continue; }
    if (w > 0) {
      if (line === 0 || line + 1 + w > cap) {
        if (line !== 0) n++;
        n += Math.ceil(w / cap) - 1;
        line = w % cap || cap;
      } else line += 1 + w;
      w = 0;
    }
    if (ch === 10) { lines += n; line = 0; n = 1; }
  }
  return Math.max(1, lines);
}

/** Height in points of one line of text at `size` pt. */
export const lineHeight = (size: number): number => size * 1.2;

/** The named styles the cells refer to: headings at `hSize` pt, the table at `tSize` pt, amounts in `numFmt`. */
export function sheetStyles(fontName: string, hSize: number, tSize: number, numFmt: string): Record<string, CellStyle> {
  const f = (size: number, extra: Partial<CellStyle['font']> = {}) => ({ name: fontName, size, ...extra });
  return {
    appendixNo: { font: f(hSize, { bold: true }), h: 'center', v: 'middle' },
    title: { font: f(hSize, { bold: true }), h: 'center', v: 'middle', wrap: true },
    attached: { font: f(hSize, { italic: true }), h: 'center', v: 'middle', wrap: true },
    unit: { font: f(tSize, { italic: true }), h: 'right', v: 'middle' },
    th: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    colNo: { font: f(tSize - 1, { italic: true }), h: 'center', v: 'middle', border: true },
    groupTt: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    groupText: { font: f(tSize, { bold: true }), h: 'left', v: 'middle', wrap: true, border: true },
    // level-2 groups (A, B, C... under I, II): bold italic, so the two levels read apart
    group2Tt: { font: f(tSize, { bold: true, italic: true }), h: 'center', v: 'middle', wrap: true, border: true },
    group2Text: { font: f(tSize, { bold: true, italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    groupNum: { font: f(tSize, { bold: true }), h: 'right', v: 'middle', border: true, numFmt },
    itemTt: { font: f(tSize), h: 'center', v: 'middle', wrap: true, border: true },
    itemText: { font: f(tSize), h: 'left', v: 'middle', wrap: true, border: true },
    itemCenter: { font: f(tSize), h: 'center', v: 'middle', wrap: true, border: true },
    itemNum: { font: f(tSize), h: 'right', v: 'middle', border: true, numFmt },
    splitText: { font: f(tSize, { italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    splitNum: { font: f(tSize, { italic: true }), h: 'right', v: 'middle', border: true, numFmt },
    totalText: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    totalNum: { font: f(tSize, { bold: true }), h: 'right', v: 'middle', border: true, numFmt },
    bdHead: { font: f(tSize, { bold: true, italic: true }), h: 'left', v: 'middle', border: true },
    bdText: { font: f(tSize, { italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    bdNum: { font: f(tSize, { italic: true }), h: 'right', v: 'middle', border: true, numFmt },
    words: { font: f(hSize, { italic: true }), h: 'left', v: 'middle', wrap: true },
    codeHead: { font: f(tSize - 2, { italic: true, color: '808080' }), h: 'center', v: 'middle', wrap: true },
    code: { font: f(tSize - 2, { color: '808080' }), h: 'center', v: 'middle' },
  };
}

/** Style of a text cell of a group, item or split row. */
export function textStyleOf(slot: ColumnSlot, role: 'group' | 'item' | 'split'): string {
  if (role === 'group') return slot === 'tt' ? 'groupTt' : 'groupText';
  if (role === 'split') return 'splitText';
  return slot === 'tt' ? 'itemTt' : slot === 'status' || slot === 'period' ? 'itemCenter' : 'itemText';
}
