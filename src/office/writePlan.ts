/**
 * The Office.js writer's plan, pure (no Excel globals, tested without Excel): a SheetSpec → what the writer
 * sends, in order:
 *   - values, formulas and number formats as 2D arrays, in chunks within a row count and a byte budget
 *     (planValueChunks; halveChunk for a payload-limit retry);
 *   - formats per style block (one address list per style and inside-border shape where RangeAreas are
 *     supported), merges, column widths and row heights as small operations with their estimated bytes
 *     (planSheetOps), packed into batches within the byte budget (packOps);
 *   - the optional finish: list validations (planValidations) and print setup (printSetup).
 * Text cells that Excel would reinterpret (a leading =, +, -, @, tab, CR, LF, an apostrophe, or text that
 * reads as a number, percentage, fraction, date, time, boolean or error value — "#N/A", "Jan-21", "1-Jan",
 * "June 2021", "10:30 AM", "1/2", "50%", "007", "TRUE") get the number format "@" in the same array, so that
 * Excel keeps them as text.
 */
import type { SheetSpec, CellSpec, CellStyle, PrintSpec } from '../core/layout/sheetspec';
import type { CellRange } from '../core/base/grid';
import { colLetters } from '../core/base/a1';
import { EXCEL } from '../core/base/limits';

export type XlValue = string | number | boolean;

export interface ValueChunk {
  /** first row (0-based) and number of rows */
  row0: number;
  rows: number;
  cols: number;
  formulas: XlValue[][];
  numberFormat: string[][];
  /** estimated request bytes */
  bytes: number;
}

export const DEFAULT_MAX_ROWS = 5000;
export const DEFAULT_MAX_BYTES = 3_500_000;
/** Excel on the web refuses requests over 5 MB (as GeneralException there): a budget well inside it. */
export const WEB_MAX_BYTES = 1_500_000;
const MAX_ADDRESS_CHARS = 8000;

const REINTERPRETED = /^[=+\-@'\t\r\n]/;
const NUMBER_OR_DATE_LIKE = /^[\s$€%()+-]*[\d.,][\d\s.,:/%()+\-$€]*$|^\s*[\d.]+e[+-]?\d+\s*$|^\s*(true|false)\s*$/i;
const ERROR_WORD = /^\s*#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)\s*$/i;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** Dates and times with month names or AM/PM, in the forms Excel accepts: "Jan-21", "1-Jan", "June 2021", "1 Jan 2021", "10:30 AM", "10 PM". */
const NAMED_DATE_OR_TIME = new RegExp(
  `^\\s*(\\d{1,4}[-/\\s,.]*)?${MONTH}([-/\\s,.]*\\d{1,4})*\\s*$|^\\s*[\\d:.\\s]*\\d\\s*[ap]\\.?m?\\.?\\s*$`, 'i');

/** True when Excel would not keep this text as typed (formula, number, date, time, boolean, error value, quote prefix). */
export function needsTextFormat(text: string): boolean {
  return REINTERPRETED.test(text) || NUMBER_OR_DATE_LIKE.test(text) || ERROR_WORD.test(text) || NAMED_DATE_OR_TIME.test(text);
}

/** One cell as Excel gets it: the entry for range.formulas and its number format. */
export function cellToExcel(cell: CellSpec | null | undefined, styles: Record<string, CellStyle>): { value: XlValue; numFmt: string } {
  const fmt = (cell?.s && styles[cell.s]?.numFmt) || 'General';
  if (!cell) return { value: '', numFmt: 'General' };
  switch (cell.t) {
    case 'text':
      return { value: cell.v, numFmt: needsTextFormat(cell.v) ? '@' : fmt === '@' ? '@' : fmt };
    case 'num':
      return { value: Number(cell.v), numFmt: fmt === '@' ? 'General' : fmt };
    case 'formula':
      return { value: `=${cell.f}`, numFmt: fmt === '@' ? 'General' : fmt };
    case 'empty':
      return { value: '', numFmt: fmt };
  }
}

export function specWidth(spec: SheetSpec): number {
  let w = spec.columns.length;
  for (const r of spec.rows) if (r.cells.length > w) w = r.cells.length;
  for (const m of spec.merges) if (m.c1 + 1 > w) w = m.c1 + 1;
  return Math.max(w, 1);
}

const encoder = new TextEncoder();
function byteLen(v: XlValue): number {
  return typeof v === 'string' ? encoder.encode(v).length + 3 : 12;
}

/** Values/formulas/number formats as 2D arrays, in chunks of ≤ maxRows rows and ≤ maxBytes estimated bytes. */
export function planValueChunks(spec: SheetSpec, maxRows = DEFAULT_MAX_ROWS, maxBytes = DEFAULT_MAX_BYTES): ValueChunk[] {
  const cols = specWidth(spec);
  const chunks: ValueChunk[] = [];
  let cur: ValueChunk | null = null;
  for (let r = 0; r < spec.rows.length; r++) {
    const fx: XlValue[] = new Array(cols);
    const nf: string[] = new Array(cols);
    let bytes = 4;
    for (let c = 0; c < cols; c++) {
      const x = cellToExcel(spec.rows[r].cells[c], spec.styles);
      fx[c] = x.value;
      nf[c] = x.numFmt;
      bytes += byteLen(x.value) + x.numFmt.length + 3;
    }
    if (!cur || cur.rows >= maxRows || (cur.rows > 0 && cur.bytes + bytes > maxBytes)) {
      cur = { row0: r, rows: 0, cols, formulas: [], numberFormat: [], bytes: 200 };
      chunks.push(cur);
    }
    cur.formulas.push(fx);
    cur.numberFormat.push(nf);
    cur.rows++;
    cur.bytes += bytes;
  }
  return chunks;
}

/** Splits a chunk into two halves (for a payload-limit retry). */
export function halveChunk(ch: ValueChunk): [ValueChunk, ValueChunk] {
  const k = Math.ceil(ch.rows / 2);
  const part = (from: number, to: number): ValueChunk => ({
    row0: ch.row0 + from, rows: to - from, cols: ch.cols,
    formulas: ch.formulas.slice(from, to), numberFormat: ch.numberFormat.slice(from, to),
    bytes: Math.ceil((ch.bytes * (to - from)) / ch.rows),
  });
  return [part(0, k), part(k, ch.rows)];
}

/**
 * For each style name, the rectangles of cells that carry it: runs of equal style along a row, merged down
 * while the same run repeats on the next row. Formats are then applied per rectangle, never per cell.
 */
export function styleRects(spec: SheetSpec): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  let open = new Map<string, CellRange>();
  for (let r = 0; r < spec.rows.length; r++) {
    const next = new Map<string, CellRange>();
    const cells = spec.rows[r].cells;
    let c = 0;
    while (c < cells.length) {
      const s = cells[c]?.s;
      if (!s) { c++; continue; }
      let c1 = c;
      while (c1 + 1 < cells.length && cells[c1 + 1]?.s === s) c1++;
      const key = `${c}:${c1}:${s}`;
      const prev = open.get(key);
      if (prev && prev.r1 === r - 1) {
        prev.r1 = r;
        next.set(key, prev);
      } else {
        const rect = { r0: r, c0: c, r1: r, c1 };
        next.set(key, rect);
        const list = out.get(s) ?? [];
        list.push(rect);
        out.set(s, list);
      }
      c = c1 + 1;
    }
    open = next;
  }
  return out;
}

export function rangeAddress(r: CellRange): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  const b = `${colLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Comma-joined addresses, each string under maxChars (Excel's RangeAreas limit is 8,192). */
export function joinAddresses(rects: readonly CellRange[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rangeAddress(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Excel column width (character units) → points, as Excel converts for the default font. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of consecutive indexes with an equal value: [from, to, value]. */
export function runs<T>(values: readonly (T | undefined)[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}

/** Which inside borders a group of areas has: inside-horizontal needs two rows, inside-vertical two columns. */
export type Inside = { h: boolean; v: boolean };
export function insideOf(r: CellRange): Inside {
  return { h: r.r1 > r.r0, v: r.c1 > r.c0 };
}

/**
 * One format, merge or size operation of the format phase, with its estimated request bytes. `areas`: the
 * address is a comma-joined list for worksheet.getRanges (ExcelApi 1.9), otherwise one range for getRange.
 */
export type SheetOp = { bytes: number; address: string } & (
  | { kind: 'fontName'; name: string }
  | { kind: 'fontSize'; size: number }
  | { kind: 'style'; style: CellStyle; inside: Inside; areas: boolean }
  | { kind: 'merge' }
  | { kind: 'columnWidth'; points: number }
  | { kind: 'rowHeight'; points: number });

/** Estimated request bytes of one queued format operation on an address. */
const opBytes = (address: string) => 160 + address.length;

function hasFormat(st: CellStyle): boolean {
  return Boolean(st.font || st.h || st.v || st.wrap !== undefined || st.fill || st.border);
}

/** The style operations: one per style rectangle, or per address list of equal inside borders with RangeAreas. */
function styleOps(spec: SheetSpec, useAreas: boolean): SheetOp[] {
  const ops: SheetOp[] = [];
  for (const [styleName, rects] of styleRects(spec)) {
    const style = spec.styles[styleName];
    if (!style || !hasFormat(style)) continue;
    if (!useAreas) {
      for (const r of rects) {
        const address = rangeAddress(r);
        ops.push({ kind: 'style', address, bytes: opBytes(address) * 4, style, inside: insideOf(r), areas: false });
      }
      continue;
    }
    // areas grouped by the inside borders they have, so that no border is set where there is no such edge
    const groups = new Map<string, { inside: Inside; rects: CellRange[] }>();
    for (const r of rects) {
      const inside = insideOf(r);
      const k = `${inside.h}${inside.v}`;
      const g = groups.get(k) ?? { inside, rects: [] };
      g.rects.push(r);
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      for (const address of joinAddresses(g.rects)) {
        ops.push({ kind: 'style', address, bytes: opBytes(address) * 4, style, inside: g.inside, areas: true });
      }
    }
  }
  return ops;
}

/**
 * The format phase in order: default font, merges, styles, column widths, row heights. Merges come before the
 * styles: on the web, merging drops the fill and borders already set on the cells (office-js #6405).
 */
export function planSheetOps(spec: SheetSpec, useAreas: boolean): SheetOp[] {
  const height = Math.max(spec.rows.length, 1);
  const area = rangeAddress({ r0: 0, c0: 0, r1: height - 1, c1: specWidth(spec) - 1 });
  const ops: SheetOp[] = [
    { kind: 'fontName', address: area, bytes: opBytes(area), name: spec.defaultFont.name },
    { kind: 'fontSize', address: area, bytes: opBytes(area), size: spec.defaultFont.size },
  ];
  for (const m of spec.merges) {
    const address = rangeAddress(m);
    ops.push({ kind: 'merge', address, bytes: opBytes(address) });
  }
  ops.push(...styleOps(spec, useAreas));
  for (const [c0, c1, w] of runs(spec.columns.map((c) => c.width))) {
    const address = `${colLetters(c0)}:${colLetters(c1)}`;
    ops.push({ kind: 'columnWidth', address, bytes: opBytes(address), points: widthToPoints(w) });
  }
  for (const [r0, r1, h] of runs(spec.rows.map((r) => r.height))) {
    const address = `${r0 + 1}:${r1 + 1}`;
    ops.push({ kind: 'rowHeight', address, bytes: opBytes(address), points: h });
  }
  return ops;
}

/** Consecutive operations in batches of ≤ maxBytes estimated bytes (an operation larger than that goes alone). */
export function packOps<T extends { bytes: number }>(ops: readonly T[], maxBytes: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (cur.length && bytes + op.bytes > maxBytes) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(op);
    bytes += op.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

export interface ListValidation {
  address: string;
  /** comma-separated, as Excel's list source takes it */
  source: string;
  prompt?: string;
  /** Excel cannot take the list inline: a value has a comma, or the source is over 255 characters */
  refused: boolean;
}

/** The spec's list validations, in order. */
export function planValidations(spec: SheetSpec): ListValidation[] {
  return (spec.validations ?? []).map((v) => {
    const source = v.list.join(',');
    return {
      address: rangeAddress(v.range),
      source,
      ...(v.prompt ? { prompt: v.prompt } : {}),
      refused: v.list.some((x) => x.includes(',')) || source.length > EXCEL.maxListChars,
    };
  });
}

export interface PrintSetup {
  orientation: 'Landscape' | 'Portrait';
  zoom: { horizontalFitToPages: number; verticalFitToPages?: number };
  /** margins in points */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  printArea: string;
  titleRows?: string;
  footer?: string;
}

/** The print setup as Excel's page layout takes it (A4, centred horizontally). */
export function printSetup(p: PrintSpec): PrintSetup {
  const m = p.margins;
  return {
    orientation: p.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    // "fit to 1 page wide" and as many pages tall as needed: the height is left automatic
    zoom: p.fitToHeight > 0 ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { horizontalFitToPages: p.fitToWidth },
    margins: { top: m.top * 72, bottom: m.bottom * 72, left: m.left * 72, right: m.right * 72, header: m.header * 72, footer: m.footer * 72 },
    printArea: rangeAddress(p.area),
    ...(p.titleRows ? { titleRows: `$${p.titleRows.from + 1}:$${p.titleRows.to + 1}` } : {}),
    ...(p.footer ? { footer: p.footer } : {}),
  };
}
