/// <reference types="office-js" />
/**
 * The Office.js reader: a worksheet's used range (of values: formats alone do not widen it) → the core's Grid
 * (values, formulas, number formats, error values, bold/italic, merges, hidden rows), read-only, in
 * 1 + ⌈rows / chunk⌉ round trips (chunks of ≤ 5,000 rows and ≤ 100,000 cells, halved when Excel says the
 * response — or, on the web, anything: GeneralException — is too large). Only a bounded window is read
 * (READ_WINDOW): a stray value far away (XFD1000) does not make a grid of millions of cells; what lies
 * outside is named in a note. With manual calculation the workbook is recalculated first (one more round
 * trip), so that totals are not stale. Merged areas are read from RangeAreas.areas (their `address` names
 * only top-left cells in Excel, office-js #1590).
 */
import type { Grid, GridCell, CellRange } from '../core/base/grid';
import { parseA1 } from '../core/base/a1';
import { colLetters } from '../core/base/a1';
import { isPayloadLimit, toHostError } from './errors';
import { DOING, READER } from './messages';
import { DEFAULT_SYNC_TIMEOUT_MS, watchSyncs } from './sync';

export interface ReadOptions {
  maxRowsPerChunk?: number;
  syncTimeoutMs?: number;
  /** called at each sync's start and end (the host's whole-run watchdog) */
  onSync?: () => void;
  excelApi?: (version: string) => boolean;
}

export interface ReadResult {
  grid: Grid;
  syncs: number;
  /** Vietnamese notes for the officer (a recalculation made, cells outside the read window) */
  notes: string[];
}

export const DEFAULT_READ_ROWS = 5000;
/** Cells per read chunk at most (a wide used range gets fewer rows per chunk). */
export const MAX_READ_CELLS = 100_000;
/** The part of a used range that is read at most: rows × columns from its top-left cell. */
export const READ_WINDOW = { rows: 120_000, cols: 256 } as const;

/** "Sheet1!A1:C3, 'My sheet'!D4" → ranges (sheet prefixes dropped). */
export function parseAddressList(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of address.split(',')) {
    const a = part.trim().replace(/^.*!/, '');
    if (!a) continue;
    const [p, q] = a.split(':');
    const s = parseA1(p);
    const e = q ? parseA1(q) : s;
    if (s && e) out.push({ r0: s.row, c0: s.col, r1: e.row, c1: e.col });
  }
  return out;
}

function toCell(value: unknown, formula: unknown, numFmt: unknown, type: unknown): GridCell | null {
  // Text that begins with "=" (kept as text) reads back with formulas === values; a real formula differs from its result.
  const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  if (type === 'Error') {
    return { value: null, error: String(value), ...(hasFormula ? { formula: (formula as string).slice(1) } : {}) };
  }
  if ((value === '' || value === null || value === undefined) && !hasFormula) {
    return numFmt && numFmt !== 'General' ? { value: null, numFmt: String(numFmt) } : null;
  }
  const cell: GridCell = {
    value: typeof value === 'number' || typeof value === 'boolean' ? value : value === '' || value == null ? null : String(value),
  };
  if (hasFormula) cell.formula = (formula as string).slice(1);
  if (numFmt && numFmt !== 'General') cell.numFmt = String(numFmt);
  return cell;
}

/** Reads the named sheet, or the active one. Never queues a write. */
export async function readSheetGrid(context: Excel.RequestContext, sheetName?: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const api = opts.excelApi ?? (() => false);
  const { sync, count } = watchSyncs(opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS, opts.onSync);
  try {
    const ws = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const app = context.application;
    app.load('calculationMode');
    await sync(context.sync());
    const notes: string[] = [];
    if (app.calculationMode === 'Manual') {
      // cached values may be stale: recalculate before reading (what F9 would do), and say so
      app.calculate('Full');
      await sync(context.sync());
      notes.push(READER.recalculated);
    }
    const grid: Grid = { sheet: ws.name, cells: [], merges: [] };
    if (used.isNullObject) return { grid, syncs: count(), notes };
    const { rowIndex, columnIndex } = used;
    const rowCount = Math.min(used.rowCount, READ_WINDOW.rows);
    const columnCount = Math.min(used.columnCount, READ_WINDOW.cols);
    if (rowCount < used.rowCount || columnCount < used.columnCount) {
      const cell = (r: number, c: number) => `${colLetters(c)}${r + 1}`;
      notes.push(READER.outsideWindow(cell(rowIndex, columnIndex), cell(rowIndex + rowCount - 1, columnIndex + columnCount - 1),
        cell(rowIndex + used.rowCount - 1, columnIndex + used.columnCount - 1)));
    }
    const area: UsedArea = { ws, used: ws.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount), rowIndex, columnIndex, columnCount };
    const hidden: number[] = [];
    const queue: { r0: number; n: number }[] = [];
    const step = Math.max(1, Math.min(opts.maxRowsPerChunk ?? DEFAULT_READ_ROWS, Math.floor(MAX_READ_CELLS / columnCount)));
    for (let r = 0; r < rowCount; r += step) queue.push({ r0: r, n: Math.min(step, rowCount - r) });
    let first = true;
    while (queue.length) {
      const ch = queue.shift()!;
      const chunk = queueChunk(area, ch, api, first && api('1.13'));
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per chunk of ≤ 5,000 rows (Excel's response-size limit), not per row
        await sync(context.sync());
      } catch (e) {
        if (!isPayloadLimit(e, true) || ch.n <= 1) throw e;
        const k = Math.ceil(ch.n / 2);
        queue.unshift({ r0: ch.r0, n: k }, { r0: ch.r0 + k, n: ch.n - k });
        continue;
      }
      if (chunk.merged && !chunk.merged.isNullObject) grid.merges = mergesOf(chunk.merged.areas.items);
      first = false;
      takeChunk(chunk, area, ch, grid, hidden);
    }
    for (let r = 0; r < grid.cells.length; r++) if (!grid.cells[r]) grid.cells[r] = [];
    if (hidden.length) grid.hiddenRows = hidden;
    return { grid, syncs: count(), notes };
  } catch (e) {
    throw toHostError(e, DOING.readSheet);
  }
}

/** The used range being read: its sheet, and where it starts. */
interface UsedArea {
  ws: Excel.Worksheet;
  used: Excel.Range;
  rowIndex: number;
  columnIndex: number;
  columnCount: number;
}

/** What one chunk's sync brings back. */
interface Chunk {
  rg: Excel.Range;
  /** bold/italic per cell (ExcelApi 1.9), or per row below that */
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  rowFonts: Excel.RangeFont[];
  rowProps: OfficeExtension.ClientResult<Excel.RowProperties[]> | null;
  merged: Excel.RangeAreas | null;
}

/** Queues the loads of rows r0 .. r0 + n - 1 of the used range (and of its merged areas with the first chunk). */
function queueChunk(area: UsedArea, ch: { r0: number; n: number }, api: (v: string) => boolean, withMerges: boolean): Chunk {
  const rg = area.ws.getRangeByIndexes(area.rowIndex + ch.r0, area.columnIndex, ch.n, area.columnCount);
  rg.load('values,formulas,numberFormat,valueTypes');
  const props = api('1.9') ? rg.getCellProperties({ format: { font: { bold: true, italic: true } } }) : null;
  const rowProps = api('1.9') ? rg.getRowProperties({ rowHidden: true }) : null;
  const rowFonts = props ? [] : Array.from({ length: ch.n }, (_, i) => {
    // eslint-disable-next-line office-addins/load-object-before-read -- navigates to the row's font proxy (not a read); its bold/italic are loaded on the next line
    const f = rg.getRow(i).format.font;
    f.load('bold,italic');
    return f;
  });
  let merged: Excel.RangeAreas | null = null;
  if (withMerges) {
    merged = area.used.getMergedAreasOrNullObject();
    merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
  }
  return { rg, props, rowFonts, rowProps, merged };
}

/** Merged areas as Excel's RangeAreas.areas lists them → the grid's ranges. */
function mergesOf(items: readonly { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[]): CellRange[] {
  return items.map((a) => ({ r0: a.rowIndex, c0: a.columnIndex, r1: a.rowIndex + a.rowCount - 1, c1: a.columnIndex + a.columnCount - 1 }));
}

/** The synced chunk → grid rows (and hidden rows). */
function takeChunk(chunk: Chunk, area: UsedArea, ch: { r0: number; n: number }, grid: Grid, hidden: number[]): void {
  const { values, formulas, numberFormat, valueTypes } = chunk.rg;
  const { props, rowFonts, rowProps } = chunk;
  const base = area.rowIndex + ch.r0;
  for (let i = 0; i < ch.n; i++) {
    const row: (GridCell | null)[] = new Array(area.columnIndex).fill(null);
    const rowFont = rowFonts[i];
    for (let j = 0; j < area.columnCount; j++) {
      const cell = toCell(values[i][j], formulas[i][j], numberFormat[i][j], valueTypes[i][j]);
      if (cell) {
        const font = props ? props.value[i]?.[j]?.format?.font : rowFont ? { bold: rowFont.bold, italic: rowFont.italic } : undefined;
        if (font?.bold) cell.bold = true;
        if (font?.italic) cell.italic = true;
      }
      row.push(cell);
    }
    grid.cells[base + i] = row;
  }
  if (rowProps) rowProps.value.forEach((p, i) => { if (p.rowHidden) hidden.push(base + i); });
}
