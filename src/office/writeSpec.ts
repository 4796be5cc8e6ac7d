/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read, office-addins/no-navigational-load -- TEMPORARY: syncs go through the watchdog wrapper, which the rules cannot see; being restructured */
/// <reference types="office-js" />
/**
 * The Office.js writer: SheetSpec → a NEW worksheet, in a number of round trips that does not grow with
 * the row count except to respect request-size limits:
 *   1 sync   read sheet names (pick a free name)
 *   k syncs  add the sheet + values/formulas/number formats as 2D arrays, in chunks of ≤ 5,000 rows and
 *            ≤ ~3.5 MB each (halved and retried when Excel still says the payload is too large)
 *   1 sync   formats per style block (RangeAreas where supported), merges, widths, heights, as small queued
 *            operations (more syncs only when they exceed the size budget, or when Excel still says a batch is
 *            too large: that batch is halved and retried, down to a single operation) — the sheet is then complete
 *   1 sync   freeze panes, list validation, print setup, activate: optional; a failure here keeps the sheet
 *            and becomes a warning
 * Text cells that Excel would reinterpret (a leading =, +, -, @, tab, CR, LF, an apostrophe, or text that
 * reads as a number, date or boolean) get the number format "@" in the same array, set before the values,
 * so that Excel keeps them as text. On any failure before the sheet is complete, only that sheet is removed,
 * and only once it is known to be the one this writer added (never a same-named sheet made meanwhile).
 */
import type { SheetSpec, CellSpec, CellStyle } from '../core/layout/sheetspec';
import type { CellRange } from '../core/base/grid';
import { colLetters } from '../core/base/a1';
import { freeSheetName } from '../core/layout/sheetNames';
import { HostError, isPayloadLimit, officeCode, toHostError, withWatchdog } from './errors';
import type { WriteProgress } from './host';

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

export interface WriteOptions {
  maxRowsPerChunk?: number;
  maxRequestBytes?: number;
  syncTimeoutMs?: number;
  /** ExcelApi version support, e.g. (v) => Office.context.requirements.isSetSupported('ExcelApi', v). */
  excelApi?: (version: string) => boolean;
  onProgress?: (p: WriteProgress) => void;
}

export interface WriteResult {
  name: string;
  syncs: number;
  /** Vietnamese notes on optional steps that did not happen (the sheet itself is complete). */
  warnings: string[];
}

export const DEFAULT_MAX_ROWS = 5000;
export const DEFAULT_MAX_BYTES = 3_500_000;
export const DEFAULT_SYNC_TIMEOUT_MS = 120_000;
const MAX_ADDRESS_CHARS = 8000;

// ---------------------------------------------------------------- pure planning (tested without Excel)

const REINTERPRETED = /^[=+\-@'\t\r\n]/;
const NUMBER_OR_DATE_LIKE = /^[\s$€%()+-]*[\d.,][\d\s.,:/%()+\-$€]*$|^\s*[\d.]+e[+-]?\d+\s*$|^\s*(true|false)\s*$/i;

/** True when Excel would not keep this text as typed (formula, number, date, boolean, quote prefix). */
export function needsTextFormat(text: string): boolean {
  return REINTERPRETED.test(text) || NUMBER_OR_DATE_LIKE.test(text);
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

// ---------------------------------------------------------------- Office.js execution

type FormatTarget = { format: Excel.RangeFormat };

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Which inside borders a group of areas has: inside-horizontal needs two rows, inside-vertical two columns. */
export type Inside = { h: boolean; v: boolean };
export function insideOf(r: CellRange): Inside {
  return { h: r.r1 > r.r0, v: r.c1 > r.c0 };
}

function applyStyle(target: FormatTarget, st: CellStyle, inside: Inside): void {
  const f = target.format;
  if (st.font) {
    if (st.font.name !== undefined) f.font.name = st.font.name;
    if (st.font.size !== undefined) f.font.size = st.font.size;
    if (st.font.bold !== undefined) f.font.bold = st.font.bold;
    if (st.font.italic !== undefined) f.font.italic = st.font.italic;
    if (st.font.underline !== undefined) f.font.underline = st.font.underline ? 'Single' : 'None';
    if (st.font.color !== undefined) f.font.color = `#${st.font.color}`;
  }
  if (st.h) f.horizontalAlignment = H_ALIGN[st.h];
  if (st.v) f.verticalAlignment = V_ALIGN[st.v];
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.fill) f.fill.color = `#${st.fill}`;
  if (st.border) {
    for (const b of BORDERS) {
      if ((b === 'InsideHorizontal' && !inside.h) || (b === 'InsideVertical' && !inside.v)) continue;
      const edge = f.borders.getItem(b);
      edge.style = 'Continuous';
      edge.weight = 'Thin';
    }
  }
}

/** Estimated request bytes of one queued format operation on an address. */
const opBytes = (address: string) => 160 + address.length;

/** One format, merge or size operation of phase 3: its estimated request bytes and what it queues on the sheet. */
interface SheetOp {
  bytes: number;
  run: (sheet: Excel.Worksheet) => void;
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

export async function writeSpecToNewSheet(context: Excel.RequestContext, spec: SheetSpec, opts: WriteOptions = {}): Promise<WriteResult> {
  const api = opts.excelApi ?? (() => false);
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_BYTES;
  const timeout = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await withWatchdog(context.sync(), timeout);
  };
  const suspendCalc = () => context.application.suspendApiCalculationUntilNextSync();

  // 1. a free name
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  try {
    await sync();
  } catch (e) {
    throw toHostError(e, 'Không đọc được danh sách trang tính');
  }
  const name = freeSheetName(sheets.items.map((s) => s.name), spec.name);

  // Whether the sheet called name is this writer's: 'none' until the batch that carries worksheets.add has
  // completed; 'unknown' when that batch timed out. Only 'ours' is ever removed on failure: a sheet of that
  // name may also appear between the first sync and the add (co-authoring), and it is then not ours.
  let owner: 'none' | 'ours' | 'unknown' = 'none';
  let ws: Excel.Worksheet | null = null;
  let addQueued = false;
  const ensureSheet = () => {
    if (!ws) {
      ws = context.workbook.worksheets.add(name);
      addQueued = true;
    }
    return ws;
  };
  /** A sync of the writes; settles the owner of the sheet when the batch carries the add. */
  const syncWrites = async () => {
    try {
      await sync();
    } catch (e) {
      if (addQueued) {
        addQueued = false;
        owner = addOutcome(e);
        if (owner !== 'ours') ws = null;
      }
      throw e;
    }
    if (addQueued) {
      addQueued = false;
      owner = 'ours';
    }
  };

  try {
    // 2. values, formulas, number formats
    const queue = planValueChunks(spec, opts.maxRowsPerChunk ?? DEFAULT_MAX_ROWS, maxBytes);
    const total = spec.rows.length;
    let written = 0;
    while (queue.length) {
      const ch = queue.shift()!;
      const sheet = ensureSheet();
      suspendCalc();
      if (ch.rows > 0) {
        const rg = sheet.getRangeByIndexes(ch.row0, 0, ch.rows, ch.cols);
        rg.numberFormat = ch.numberFormat;
        rg.formulas = ch.formulas;
      }
      try {
        await syncWrites();
      } catch (e) {
        if (!isPayloadLimit(e) || ch.rows <= 1) throw e;
        // the request was refused as a whole: when it carried the add, the next batch adds the sheet again
        queue.unshift(...halveChunk(ch));
        continue;
      }
      written += ch.rows;
      opts.onProgress?.({ rowsWritten: written, rowsTotal: total });
    }

    // 3. formats, merges, geometry: queued as small operations, sent in batches within the byte budget; a batch
    //    Excel refuses as too large (refused as a whole: nothing in it ran) is halved and retried
    const ops: SheetOp[] = [];
    const width = specWidth(spec);
    const height = Math.max(spec.rows.length, 1);
    const area = rangeAddress({ r0: 0, c0: 0, r1: height - 1, c1: width - 1 });
    ops.push({ bytes: opBytes(area), run: (sh) => { sh.getRange(area).format.font.name = spec.defaultFont.name; } });
    ops.push({ bytes: opBytes(area), run: (sh) => { sh.getRange(area).format.font.size = spec.defaultFont.size; } });

    const useAreas = api('1.9');
    for (const [styleName, rects] of styleRects(spec)) {
      const st = spec.styles[styleName];
      if (!st) continue;
      const hasFormat = st.font || st.h || st.v || st.wrap !== undefined || st.fill || st.border;
      if (!hasFormat) continue;
      if (useAreas) {
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
          for (const addr of joinAddresses(g.rects)) {
            ops.push({ bytes: opBytes(addr) * 4, run: (sh) => applyStyle(sh.getRanges(addr), st, g.inside) });
          }
        }
      } else {
        for (const r of rects) {
          const addr = rangeAddress(r);
          ops.push({ bytes: opBytes(addr) * 4, run: (sh) => applyStyle(sh.getRange(addr), st, insideOf(r)) });
        }
      }
    }
    for (const m of spec.merges) {
      const addr = rangeAddress(m);
      ops.push({ bytes: opBytes(addr), run: (sh) => sh.getRange(addr).merge(false) });
    }
    for (const [c0, c1, w] of runs(spec.columns.map((c) => c.width))) {
      const addr = `${colLetters(c0)}:${colLetters(c1)}`;
      ops.push({ bytes: opBytes(addr), run: (sh) => { sh.getRange(addr).format.columnWidth = widthToPoints(w); } });
    }
    for (const [r0, r1, h] of runs(spec.rows.map((r) => r.height))) {
      const addr = `${r0 + 1}:${r1 + 1}`;
      ops.push({ bytes: opBytes(addr), run: (sh) => { sh.getRange(addr).format.rowHeight = h; } });
    }
    const batches = packOps(ops, maxBytes);
    while (batches.length) {
      const batch = batches.shift()!;
      // ensureSheet again: when a refused batch carried the add (a spec without rows), the retry adds the sheet
      const sheet = ensureSheet();
      for (const op of batch) op.run(sheet);
      try {
        await syncWrites();
      } catch (e) {
        if (!isPayloadLimit(e) || batch.length <= 1) throw e;
        const k = Math.ceil(batch.length / 2);
        batches.unshift(batch.slice(0, k), batch.slice(k));
      }
    }
  } catch (e) {
    const err = toHostError(e, `Không tạo được trang "${name}"`);
    if (owner === 'none') {
      const why = err.code === 'ItemAlreadyExists'
        ? ` Trang "${name}" đã có trong tệp (có thể do người cùng sửa tệp vừa tạo) và được giữ nguyên.`
        : '';
      throw new HostError(err.code, `${err.message}${why} Tiện ích chưa ghi gì vào tệp.`, e);
    }
    if (owner === 'unknown') {
      throw new HostError(err.code, `${err.message} Trang "${name}" có thể đã được tạo dở dang: hãy kiểm tra, nếu đúng là trang dở dang thì xoá trang này; các trang khác không bị thay đổi.`, e);
    }
    const cleanup = await removeSheetIfExists(context, name, timeout);
    if (!cleanup.ok) {
      throw new HostError(err.code, `${err.message} Trang "${name}" có thể còn lại dở dang: hãy xoá trang này.`, e);
    }
    throw new HostError(err.code, `${err.message} Trang dở dang "${name}" đã được xoá; các trang khác không bị thay đổi.`, e);
  }

  // 4. the sheet is complete; what follows is convenience (freeze, lists, print setup, activation): a failure
  //    there keeps the sheet and becomes a warning
  const warnings: string[] = [];
  const sheet = context.workbook.worksheets.getItem(name);
  try {
    if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
      const { rows, cols } = spec.freeze;
      if (cols === 0) sheet.freezePanes.freezeRows(rows);
      else if (rows === 0) sheet.freezePanes.freezeColumns(cols);
      else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, cols));
    }
    if (spec.validations?.length && api('1.8')) {
      for (const v of spec.validations) {
        const source = v.list.join(',');
        // Excel's list source is comma-separated and at most 255 characters
        if (v.list.some((x) => x.includes(',')) || source.length > 255) {
          warnings.push(`Không tạo được danh sách chọn cho vùng ${rangeAddress(v.range)}: giá trị quá dài hoặc có dấu phẩy.`);
          continue;
        }
        const dv = sheet.getRange(rangeAddress(v.range)).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source } };
        if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: '' };
      }
    }
    if (spec.print && api('1.9')) {
      const p = spec.print;
      const pl = sheet.pageLayout;
      pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      pl.paperSize = 'A4';
      // "fit to 1 page wide" and as many pages tall as needed: the height is left automatic
      pl.zoom = p.fitToHeight > 0 ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { horizontalFitToPages: p.fitToWidth };
      pl.topMargin = p.margins.top * 72;
      pl.bottomMargin = p.margins.bottom * 72;
      pl.leftMargin = p.margins.left * 72;
      pl.rightMargin = p.margins.right * 72;
      pl.headerMargin = p.margins.header * 72;
      pl.footerMargin = p.margins.footer * 72;
      pl.centerHorizontally = true;
      pl.setPrintArea(rangeAddress(p.area));
      if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.from + 1}:$${p.titleRows.to + 1}`);
      if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
    } else if (spec.print) {
      warnings.push('Phiên bản Excel này chưa cho tiện ích đặt trang in (cần ExcelApi 1.9): hãy chọn khổ A4 ngang, vừa một trang chiều ngang khi in.');
    }
    sheet.activate();
    sheet.getRange('A1').select();
    await sync();
  } catch (e) {
    warnings.push(`Trang "${name}" đã được tạo đầy đủ, nhưng chưa đặt được cố định dòng tiêu đề, danh sách chọn hoặc trang in: ${toHostError(e).message}`);
    try {
      sheet.activate();
      await sync();
    } catch {
      warnings.push(`Hãy tự mở trang "${name}".`);
    }
  }
  return { name, syncs, warnings };
}

/**
 * Who owns the sheet after the batch carrying worksheets.add failed with e. The add is the first operation
 * of that batch and Excel applies a batch's operations in order up to the one that fails, so: the add
 * itself failed (ItemAlreadyExists: a sheet of that name appeared since the names were read) → nothing of
 * ours; a payload limit refused the batch as a whole → nothing ran; no answer (timeout) → unknown; any other
 * error came from a later operation → the sheet was added and is ours.
 */
function addOutcome(e: unknown): 'none' | 'ours' | 'unknown' {
  const code = officeCode(e);
  if (code === 'ItemAlreadyExists' || isPayloadLimit(e)) return 'none';
  if (code === 'SyncTimeout') return 'unknown';
  return 'ours';
}

/** Deletes the sheet called name if it exists (used only for the sheet this writer created). */
async function removeSheetIfExists(context: Excel.RequestContext, name: string, timeout: number): Promise<{ ok: boolean }> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('isNullObject');
    await withWatchdog(context.sync(), timeout);
    if (!ws.isNullObject) {
      ws.delete();
      await withWatchdog(context.sync(), timeout);
    }
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
