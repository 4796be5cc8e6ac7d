/**
 * .xlsx files in the browser preview (no Excel): open a file into preview sheets and save the preview's sheets as
 * an .xlsx. exceljs's browser build is loaded on first use only (a dynamic import: a separate chunk, so the pane's
 * initial JS stays small). The Node reader (src/xlsx/readGrid.ts) needs fs and zlib; this adapter reads the same
 * things the checks use: values (formula results), formulas, number formats, bold/italic, merges, hidden rows.
 * Before exceljs sees a file, the command line's package limits are applied (src/core/base/zipPackage.ts: file size,
 * inflated sizes through a capped DecompressionStream, rows, cells, merged cells, how far cells reach): a hostile
 * file gives one Vietnamese line, never a frozen tab.
 */
import type ExcelJSTypes from 'exceljs';
import type { Grid, GridCell } from '../core/base/grid';
import type { CellStyle, FontSpec, SheetSpec } from '../core/layout/sheetspec';
import type { PreviewSheet } from '../office/previewHost';
import { guardPackage, ZipLimit } from '../core/base/zipPackage';
import { FILE, fileLimitMessage } from './fileMessages';

type ExcelJS = typeof ExcelJSTypes;

async function exceljs(): Promise<ExcelJS> {
  const m = (await import(/* webpackChunkName: "xlsx" */ 'exceljs/dist/exceljs.min.js')) as ExcelJS & { default?: ExcelJS };
  return m.default && 'Workbook' in m.default ? m.default : m;
}

const ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One exceljs value → the Grid's value/error (rich text flattened, dates as dd/mm/yyyy text). */
function plain(v: unknown): Pick<GridCell, 'value' | 'error'> {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return { value: v };
  if (v instanceof Date) return { value: `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}` };
  const o = v as { richText?: { text: string }[]; text?: unknown; error?: string; result?: unknown; formula?: string; sharedFormula?: string };
  if (o.error && ERRORS.has(o.error)) return { value: null, error: o.error };
  if (o.richText) return { value: o.richText.map((t) => t.text).join('') };
  if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
  if (o.text !== undefined) return plain(o.text);
  return { value: String(v) };
}

function sheetToGrid(ws: ExcelJSTypes.Worksheet): Grid {
  const cells: Grid['cells'] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r - 1);
    const out: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const cellValue = cell.value as { formula?: string; sharedFormula?: string } | null;
      const formula = cell.formula || (cellValue && typeof cellValue === 'object' ? cellValue.formula : undefined);
      const g: GridCell = { ...plain(cell.value) };
      if (formula) g.formula = formula;
      if (cell.numFmt) g.numFmt = cell.numFmt;
      if (cell.font?.bold) g.bold = true;
      if (cell.font?.italic) g.italic = true;
      out[c - 1] = g;
    });
    cells[r - 1] = out;
  });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const model = ws.model as { merges?: string[] };
  const merges = (model.merges ?? []).map(rangeOf);
  return { sheet: ws.name, cells, merges, ...(hiddenRows.length ? { hiddenRows } : {}) };
}

const H = new Set(['left', 'center', 'right', 'justify']);
const V = new Set(['top', 'middle', 'bottom']);
const rgb = (c: { argb?: string } | undefined) => (c?.argb && /^[0-9A-F]{8}$/i.test(c.argb) ? c.argb.slice(2).toUpperCase() : undefined);

/** One cell's look as a SheetSpec style (a border on three sides or more counts as the thin box the layout draws). */
function lookOf(cell: ExcelJSTypes.Cell): CellStyle | undefined {
  const st: CellStyle = {};
  const f = cell.font;
  if (f) {
    const font: FontSpec = {};
    if (f.name) font.name = f.name;
    if (f.size) font.size = f.size;
    if (f.bold) font.bold = true;
    if (f.italic) font.italic = true;
    if (f.underline) font.underline = true;
    const color = rgb(f.color);
    if (color && color !== '000000') font.color = color;
    if (Object.keys(font).length) st.font = font;
  }
  const a = cell.alignment;
  if (a?.horizontal && H.has(a.horizontal)) st.h = a.horizontal as CellStyle['h'];
  if (a?.vertical && V.has(a.vertical)) st.v = a.vertical as CellStyle['v'];
  if (a?.wrapText) st.wrap = true;
  const b = cell.border;
  if (b && [b.top, b.right, b.bottom, b.left].filter((x) => x?.style).length >= 3) st.border = true;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const color = rgb(fill.fgColor);
    if (color && color !== 'FFFFFF') st.fill = color;
  }
  return Object.keys(st).length ? st : undefined;
}

/** The sheet's look (column widths, row heights, each cell's font, alignment, borders, fill) as a SheetSpec. */
function sheetLook(ws: ExcelJSTypes.Worksheet, grid: Grid): SheetSpec {
  const styles: Record<string, CellStyle> = {};
  const keys = new Map<string, string>();
  const rows: SheetSpec['rows'] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: SheetSpec['rows'][number]['cells'] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const st = lookOf(cell);
      if (!st) return;
      const json = JSON.stringify(st);
      let key = keys.get(json);
      if (!key) {
        key = `s${keys.size}`;
        keys.set(json, key);
        styles[key] = st;
      }
      cells[c - 1] = { t: 'empty', s: key };
    });
    rows[r - 1] = { cells, ...(row.height ? { height: row.height } : {}) };
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= { cells: [] };
  const width = Math.max(0, ...grid.cells.map((r) => r.length), ...rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, c) => ({ width: ws.getColumn(c + 1).width ?? 8.43 }));
  return { name: ws.name, defaultFont: { name: 'Calibri', size: 11 }, columns, rows, merges: grid.merges.map((m) => ({ ...m })), styles };
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function rangeOf(ref: string) {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const p = (x: string) => { const m = /^([A-Z]+)(\d+)$/.exec(x)!; return { r: Number(m[2]) - 1, c: colIndex(m[1]) }; };
  const s = p(a), e = p(b);
  return { r0: s.r, c0: s.c, r1: e.r, c1: e.c };
}

/** Inflates raw deflate data in the browser, stopping (undefined) once the output passes `cap` bytes. */
export async function inflateCapped(data: Uint8Array, cap: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > cap) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

/** Reads an .xlsx file's bytes into preview sheets. Throws with a Vietnamese message when it is no workbook. */
export async function readXlsx(bytes: ArrayBuffer): Promise<PreviewSheet[]> {
  const head = new Uint8Array(bytes.slice(0, 4));
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) throw new Error(FILE.notXlsx);
  let pkg: Uint8Array;
  try {
    pkg = await guardPackage(new Uint8Array(bytes), inflateCapped);
  } catch (e) {
    if (e instanceof ZipLimit) throw new Error(fileLimitMessage(e));
    throw e;
  }
  const { Workbook } = await exceljs();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(pkg.buffer as ArrayBuffer);
  } catch {
    // exceljs's own message (English, about its internals) names nothing the officer can act on
    throw new Error(FILE.damaged);
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => {
    const grid = sheetToGrid(ws);
    return { name: ws.name, grid, spec: sheetLook(ws, grid) };
  });
  if (sheets.length === 0) throw new Error(FILE.noSheets);
  return sheets;
}

const THIN = { style: 'thin' } as const;

/** The preview's sheets as .xlsx bytes: values, formulas with their results, formats, merges, column widths. */
export async function writeXlsx(sheets: readonly PreviewSheet[]): Promise<ArrayBuffer> {
  const { Workbook } = await exceljs();
  const wb = new Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.spec?.columns.forEach((col, i) => { ws.getColumn(i + 1).width = col.width; });
    s.spec?.rows.forEach((row, i) => { if (row.height) ws.getRow(i + 1).height = row.height; });
    s.grid.cells.forEach((row, r) => row.forEach((g, c) => {
      if (!g) return;
      const cell = ws.getCell(r + 1, c + 1);
      const result = g.error ? { error: g.error } : g.value;
      cell.value = (g.formula ? { formula: g.formula, result } : result) as ExcelJSTypes.CellValue;
      if (g.numFmt) cell.numFmt = g.numFmt;
      const key = s.spec?.rows[r]?.cells[c]?.s;
      const st = key ? s.spec?.styles[key] : undefined;
      const font = st?.font ?? s.spec?.defaultFont;
      if (g.bold || g.italic || font) {
        cell.font = { name: font?.name ?? 'Times New Roman', size: font?.size, bold: g.bold || st?.font?.bold, italic: g.italic || st?.font?.italic };
      }
      if (st?.h || st?.v || st?.wrap) cell.alignment = { horizontal: st.h, vertical: st.v, wrapText: !!st.wrap };
      if (st?.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }));
    for (const m of s.grid.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return buf.slice().buffer;
}
