/**
 * Fitting the table to the page in Word, where text wraps inside its cell instead of being scaled with the sheet:
 * the font scale at which every figure stays on one line, column widths no narrower than their longest header word,
 * and header rows tall enough for the header text merged down both rows (LibreOffice draws a repeated header row
 * no taller than its own cells need, clipping text merged from above). Widths are estimates in Times New Roman em.
 */
import type { CellStyle, SheetSpec } from '../core/layout/sheetspec';
import { cellDisplay, cleanText, type TableFrame } from './cells';

type StyleOf = (n?: string) => CellStyle | undefined;

/** Width of a vi-VN figure in em of Times New Roman: digits ½ em, "." and "," ¼ em, "-" ⅓ em. */
function figureEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ch >= '0' && ch <= '9' ? 0.5 : ch === '-' ? 0.34 : 0.25;
  return em;
}

/** Width of a word in em of Times New Roman (capitals ~0.72 em, others ~0.5 em; bold a little wider). */
function wordEm(word: string, bold: boolean): number {
  let em = 0;
  for (const ch of word) em += ch !== ch.toLowerCase() ? 0.72 : ch >= '0' && ch <= '9' ? 0.5 : 0.47;
  return em * (bold ? 1.06 : 1);
}

const sizeOf = (spec: SheetSpec, st: CellStyle | undefined) => st?.font?.size ?? spec.defaultFont.size;

/**
 * The largest font scale (≤ `cap`) at which every figure of the frame fits its cell on one line: Word would
 * otherwise break "441.115" across two lines.
 */
export function figureFitScale(spec: SheetSpec, f: Omit<TableFrame, 'fontScale'>, styleOf: StyleOf, padding: number, cap: number): number {
  let scale = cap;
  for (let r = f.rows.from; r <= f.rows.to; r++) {
    const cells = spec.rows[r]?.cells ?? [];
    for (let c = f.cols.from; c <= f.cols.to; c++) {
      const cell = cells[c];
      if (!cell || (cell.t !== 'num' && cell.t !== 'formula')) continue;
      const st = styleOf(cell.s);
      const em = figureEm(cellDisplay(cell, st, r, c)) * 1.04; // bold digits are a hair wider
      if (em > 0) scale = Math.min(scale, (f.widths[c - f.cols.from] - padding) / (em * sizeOf(spec, st) * 20));
    }
  }
  return scale;
}

/** The header cells of the frame that start a cell (not covered by a merge from the left or above). */
function headerTexts(spec: SheetSpec, f: TableFrame): { r: number; c: number; text: string; s?: string }[] {
  const out: { r: number; c: number; text: string; s?: string }[] = [];
  if (!f.header) return out;
  for (let r = f.header.from; r <= f.header.to; r++) {
    spec.rows[r]?.cells.forEach((cell, c) => {
      if (c >= f.cols.from && c <= f.cols.to && cell?.t === 'text' && cell.v.trim() !== '') out.push({ r, c, text: cleanText(cell.v), s: cell.s });
    });
  }
  return out;
}

/**
 * Widens (in place) every column narrower than the longest word of its own header cells, taking the twips from the
 * widest columns, so "TT" or "NSĐP" is never broken inside a word.
 */
export function widenForHeaderWords(spec: SheetSpec, f: TableFrame, styleOf: StyleOf, padding: number): void {
  const spans = new Map<string, number>();
  for (const m of spec.merges) spans.set(`${m.r0},${m.c0}`, m.c1 - m.c0 + 1);
  for (const h of headerTexts(spec, f)) {
    if ((spans.get(`${h.r},${h.c}`) ?? 1) > 1) continue;
    const st = styleOf(h.s);
    const size = sizeOf(spec, st) * f.fontScale;
    const longest = Math.max(...h.text.split(/\s+/).map((w) => wordEm(w, !!st?.font?.bold)));
    const i = h.c - f.cols.from;
    const need = Math.ceil(longest * size * 20 + padding);
    if (need <= f.widths[i]) continue;
    const extra = need - f.widths[i];
    const donor = f.widths.indexOf(Math.max(...f.widths));
    if (donor === i || f.widths[donor] - extra < f.widths[i]) continue;
    f.widths[donor] -= extra;
    f.widths[i] = need;
  }
}

/** Lines `text` takes in `width` twips at `size` pt (greedy word wrap on the em estimates). */
function linesOf(text: string, width: number, size: number, bold: boolean): number {
  const cap = width / (size * 20);
  const space = 0.25;
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let n = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = wordEm(word, bold);
      if (line > 0 && line + space + w <= cap) line += space + w;
      else if (line === 0) { n += Math.max(0, Math.ceil(w / cap) - 1); line = w % cap; } else { n++; line = w; }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/**
 * Minimum heights (twips) of the header rows: each as tall as its own cells' text, and the first row taller where a
 * cell merged down the header needs more than the rows together give.
 */
export function headerRowHeights(spec: SheetSpec, f: TableFrame, styleOf: StyleOf, padding: number): Map<number, number> {
  const heights = new Map<number, number>();
  if (!f.header) return heights;
  const merges = new Map<string, { rows: number; c1: number }>();
  for (const m of spec.merges) merges.set(`${m.r0},${m.c0}`, { rows: m.r1 - m.r0 + 1, c1: Math.min(m.c1, f.cols.to) });
  const widthOf = (c0: number, c1: number) => f.widths.slice(c0 - f.cols.from, c1 - f.cols.from + 1).reduce((a, b) => a + b, 0);
  const tall: { r: number; need: number; rows: number }[] = [];
  for (const h of headerTexts(spec, f)) {
    const st = styleOf(h.s);
    const size = sizeOf(spec, st) * f.fontScale;
    const m = merges.get(`${h.r},${h.c}`);
    const need = Math.ceil(linesOf(h.text, widthOf(h.c, m?.c1 ?? h.c) - padding, size, !!st?.font?.bold) * size * 1.2 * 20 + 80);
    if (m && m.rows > 1) tall.push({ r: h.r, need, rows: m.rows });
    else heights.set(h.r, Math.max(heights.get(h.r) ?? 0, need));
  }
  for (const t of tall) {
    let below = 0;
    for (let r = t.r + 1; r < t.r + t.rows; r++) below += heights.get(r) ?? 0;
    heights.set(t.r, Math.max(heights.get(t.r) ?? 0, t.need - below));
  }
  return heights;
}
