/**
 * The exceljs adapter of the sheet reader: an .xlsx file (path or bytes) → plain Grids (src/core/base/grid.ts).
 *
 * - values: numbers, text (rich text flattened, hyperlinks as their text), booleans; dates as "dd/mm/yyyy" text;
 * - formulas without "=", shared formulas resolved to the cell's own formula; the cached result is the value;
 * - error values ("#REF!"...) in GridCell.error (value null), for typed errors and formula results alike;
 * - numFmt, bold, italic; merges; hidden rows.
 *
 * Input that is not a readable workbook throws UnreadableWorkbookError with a one-line Vietnamese reason.
 * Reading never writes to the file.
 */
import { promises as fsp } from 'fs';
import type ExcelJS from 'exceljs';
import { Workbook, ValueType } from './exceljsLite';
import type { CellRange, Grid, GridCell } from '../core/base/grid';
import { Dec } from '../core/base/decimal';
import { EXCEL } from '../core/base/limits';
import { formatVi } from '../core/text/numbers';
import { installExceljsPatch, MAX_MERGE_CELLS, MergeTooLarge } from './exceljsPatch';
import { guardedPackage, PackageLimit } from './zipGuard';
import { packageError } from './readMessages';
import { dateText, sniffWorkbook, UnreadableWorkbookError } from './readErrors';

export { dateText, sniffWorkbook, UnreadableWorkbookError, type UnreadableReason } from './readErrors';
export { readWorkbookGrids } from './stream/read';

const ERROR_CODES = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** Loads a workbook with exceljs, turning every failure into an UnreadableWorkbookError. */
export async function loadWorkbook(pathOrBuffer: string | Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  if (typeof pathOrBuffer === 'string') {
    try {
      buf = await fsp.readFile(pathOrBuffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp'
        : code === 'EACCES' ? 'không có quyền đọc tệp' : 'không đọc được tệp';
      throw new UnreadableWorkbookError(`${why}: ${pathOrBuffer}`, 'not-found');
    }
  } else {
    buf = Buffer.isBuffer(pathOrBuffer) ? pathOrBuffer : Buffer.from(pathOrBuffer);
  }
  const sniffed = sniffWorkbook(buf);
  if (sniffed) throw sniffed;
  let pkg: Buffer;
  try {
    pkg = guardedPackage(buf);
  } catch (e) {
    if (e instanceof PackageLimit) throw new UnreadableWorkbookError(...packageError(e));
    throw e;
  }
  installExceljsPatch();
  const wb = new Workbook();
  try {
    // exceljs' typings want its own Buffer flavour; a Node Buffer is what it reads.
    await wb.xlsx.load(pkg as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (e instanceof MergeTooLarge) {
      throw new UnreadableWorkbookError(e.total
        ? `tệp có tổng cộng hơn ${formatVi(new Dec(MAX_MERGE_CELLS))} ô nằm trong vùng gộp ô (giới hạn tổng số ô gộp), quá nhiều cho một bảng phụ lục; hãy bỏ gộp ô rồi lưu lại`
        : `tệp có vùng gộp ô ${e.ref} (${formatVi(new Dec(e.cells))} ô), quá lớn cho một bảng phụ lục; hãy bỏ gộp ô rồi lưu lại`,
      'merge-too-large');
    }
    // exceljs's own message (English, about its internals) names nothing the officer can act on.
    throw new UnreadableWorkbookError('tệp .xlsx bị hỏng hoặc không đầy đủ; hãy mở bằng Excel rồi lưu lại', 'corrupt');
  }
  if (wb.worksheets.length === 0) {
    throw new UnreadableWorkbookError('tệp không chứa trang tính nào', 'no-sheets');
  }
  return wb;
}

/**
 * Every worksheet of a workbook as a Grid, in workbook order, through exceljs's in-memory model: the reader before
 * the streaming one (src/xlsx/stream), kept as the reference the streaming reader is compared with (tests, bench).
 */
export async function readWorkbookGridsExceljs(pathOrBuffer: string | Buffer | Uint8Array): Promise<Grid[]> {
  const wb = await loadWorkbook(pathOrBuffer);
  return wb.worksheets.map((ws) => {
    try {
      return readGrid(ws);
    } catch (e) {
      if (e instanceof UnreadableWorkbookError) throw e;
      // exceljs loaded the package but a sheet's content is not what a workbook holds.
      throw new UnreadableWorkbookError(`trang "${ws.name}" bị hỏng, không đọc được; hãy mở bằng Excel rồi lưu lại`, 'corrupt');
    }
  });
}

/** Thrown inside plainValue; readCell adds the cell address. */
class TooLong extends Error {
  constructor(public readonly length: number) {
    super('too long');
  }
}

function clip(s: string): string {
  if (s.length > EXCEL.maxCellText) throw new TooLong(s.length);
  return s;
}

type Scalar = string | number | boolean | null;

/**
 * Sets out.value (and out.error when there is one) from an exceljs value (not a formula): plainValue without
 * allocating a result per cell.
 */
function putPlain(out: GridCell, v: unknown): void {
  if (v === null || v === undefined) {
    out.value = null;
  } else if (typeof v === 'number') {
    if (Number.isFinite(v)) out.value = v;
    else {
      out.value = null;
      out.error = '#NUM!';
    }
  } else if (typeof v === 'string') {
    out.value = clip(v);
  } else if (typeof v === 'boolean') {
    out.value = v;
  } else {
    const p = plainValue(v);
    out.value = p.value;
    if (p.error) out.error = p.error;
  }
}

/** Turns an exceljs value (not a formula) into value/error. */
function plainValue(v: unknown): { value: Scalar; error?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { value: null, error: '#NUM!' };
  if (typeof v === 'string') return { value: clip(v) };
  if (typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: dateText(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if (Array.isArray(o.richText)) {
      return { value: clip((o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('')) };
    }
    if ('text' in o) {
      // hyperlink: { text, hyperlink }; text may itself be rich text
      return plainValue(o.text);
    }
  }
  return { value: clip(String(v)) };
}

/** One exceljs cell → GridCell (or null for a blank, unstyled-for-our-purposes cell). */
export function readCell(cell: ExcelJS.Cell): GridCell | null {
  try {
    return readCellValue(cell);
  } catch (e) {
    if (!(e instanceof TooLong)) throw e;
    throw new UnreadableWorkbookError(
      `ô ${cell.address} của trang "${cell.worksheet?.name ?? ''}" chứa ${formatVi(new Dec(e.length))} ký tự, quá giới hạn ` +
        `${formatVi(new Dec(EXCEL.maxCellText))} ký tự một ô của Excel; không kiểm tra tệp này`, 'cell-too-long');
  }
}

function readCellValue(cell: ExcelJS.Cell): GridCell | null {
  const raw = cell.value as unknown;
  const out: GridCell = { value: null };
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date) &&
      ('formula' in (raw as object) || 'sharedFormula' in (raw as object) || 'result' in (raw as object))) {
    // { result } alone: a shared formula whose master cell is missing (exceljs keeps only the cached result).
    const fv = raw as { formula?: string; sharedFormula?: string; result?: unknown };
    let f: string | undefined;
    try {
      f = cell.formula ?? fv.formula;
    } catch {
      f = fv.formula; // exceljs could not translate a shared formula; keep what it stores
    }
    if (typeof f === 'string' && f.length > 0) out.formula = f.startsWith('=') ? f.slice(1) : f;
    // exceljs leaves a cached result of 0 out of cell.value; cell.result still holds it.
    putPlain(out, fv.result !== undefined ? fv.result : cell.result);
  } else {
    putPlain(out, raw);
    // A text cell that reads as an error literal ("#REF!" typed) is shown as an error by Excel only when typed
    // as an error; a text "#REF!" stays text. Keep as is.
  }
  if (out.error && !ERROR_CODES.has(out.error)) out.error = String(out.error);
  const numFmt = cell.numFmt;
  if (numFmt) out.numFmt = numFmt;
  const font = cell.font;
  if (font?.bold) out.bold = true;
  if (font?.italic) out.italic = true;
  if (out.value === null && out.error === undefined && out.formula === undefined && !out.bold && !out.italic) {
    return null;
  }
  return out;
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeDims } & Partial<MergeDims>> })._merges;
  const out: CellRange[] = [];
  if (internal) {
    for (const m of Object.values(internal)) {
      const d = (m.model ?? m) as Partial<MergeDims>;
      if (d.top && d.left && d.bottom && d.right) out.push({ r0: d.top - 1, c0: d.left - 1, r1: d.bottom - 1, c1: d.right - 1 });
    }
  }
  out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return out;
}

/** One worksheet → Grid. Merged cells other than the top-left are empty, as Excel shows them. */
export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: (GridCell | null | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (rowNumber > EXCEL.maxRows) {
      throw new UnreadableWorkbookError(
        `trang "${ws.name}" có ô ở dòng ${formatVi(new Dec(rowNumber))}, ngoài giới hạn ${formatVi(new Dec(EXCEL.maxRows))} dòng của Excel; tệp không do Excel tạo`,
        'beyond-sheet');
    }
    if (row.hidden) hiddenRows.push(r);
    const line: (GridCell | null | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      if (colNumber > EXCEL.maxCols) {
        throw new UnreadableWorkbookError(
          `trang "${ws.name}" có ô ở cột thứ ${formatVi(new Dec(colNumber))}, ngoài giới hạn ${formatVi(new Dec(EXCEL.maxCols))} cột của Excel; tệp không do Excel tạo`,
          'beyond-sheet');
      }
      const gc = readCell(cell);
      if (gc) line[colNumber - 1] = gc;
    });
    if (line.length > 0) cells[r] = line;
  });
  // Rows hidden but empty are not visited by eachRow(includeEmpty: false) when they hold no cells; that is fine.
  const grid: Grid = { sheet: ws.name, cells, merges: readMerges(ws) };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  // Rows without cells stay holes (Grid.cells), as the streaming reader leaves them.
  return grid;
}
