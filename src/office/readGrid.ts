/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read, office-addins/no-navigational-load -- TEMPORARY: syncs go through the watchdog wrapper, which the rules cannot see; being restructured */
/// <reference types="office-js" />
/**
 * The Office.js reader: a worksheet's used range → the core's Grid (values, formulas, number formats,
 * error values, bold/italic, merges, hidden rows), read-only, in 1 + ⌈rows / chunk⌉ round trips
 * (chunks of ≤ 5,000 rows, halved when Excel says the response is too large).
 */
import type { Grid, GridCell, CellRange } from '../core/base/grid';
import { parseA1 } from '../core/base/a1';
import { isPayloadLimit, toHostError, withWatchdog } from './errors';
import { DEFAULT_SYNC_TIMEOUT_MS } from './writeSpec';

export interface ReadOptions {
  maxRowsPerChunk?: number;
  syncTimeoutMs?: number;
  excelApi?: (version: string) => boolean;
}

export interface ReadResult {
  grid: Grid;
  syncs: number;
}

export const DEFAULT_READ_ROWS = 5000;

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
  const timeout = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await withWatchdog(context.sync(), timeout);
  };
  try {
    const ws = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount,address');
    await sync();
    const grid: Grid = { sheet: ws.name, cells: [], merges: [] };
    if (used.isNullObject) return { grid, syncs };

    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const hidden: number[] = [];
    const queue: { r0: number; n: number }[] = [];
    const step = opts.maxRowsPerChunk ?? DEFAULT_READ_ROWS;
    for (let r = 0; r < rowCount; r += step) queue.push({ r0: r, n: Math.min(step, rowCount - r) });
    let first = true;
    while (queue.length) {
      const ch = queue.shift()!;
      const rg = ws.getRangeByIndexes(rowIndex + ch.r0, columnIndex, ch.n, columnCount);
      rg.load('values,formulas,numberFormat,valueTypes');
      const props = api('1.9') ? rg.getCellProperties({ format: { font: { bold: true, italic: true } } }) : null;
      const rowProps = api('1.9') ? rg.getRowProperties({ rowHidden: true }) : null;
      const rowFonts = props ? [] : Array.from({ length: ch.n }, (_, i) => {
        const f = rg.getRow(i).format.font;
        f.load('bold,italic');
        return f;
      });
      let merged: Excel.RangeAreas | null = null;
      if (first && api('1.13')) {
        merged = used.getMergedAreasOrNullObject();
        merged.load('isNullObject,address');
      }
      try {
        await sync();
      } catch (e) {
        if (!isPayloadLimit(e) || ch.n <= 1) throw e;
        const k = Math.ceil(ch.n / 2);
        queue.unshift({ r0: ch.r0, n: k }, { r0: ch.r0 + k, n: ch.n - k });
        continue;
      }
      if (merged && !merged.isNullObject) grid.merges = parseAddressList(merged.address);
      first = false;
      for (let i = 0; i < ch.n; i++) {
        const row: (GridCell | null)[] = new Array(columnIndex).fill(null);
        const rowFont = rowFonts[i];
        for (let j = 0; j < columnCount; j++) {
          const cell = toCell(rg.values[i][j], rg.formulas[i][j], rg.numberFormat[i][j], rg.valueTypes[i][j]);
          if (cell) {
            const font = props ? props.value[i]?.[j]?.format?.font : rowFont ? { bold: rowFont.bold, italic: rowFont.italic } : undefined;
            if (font?.bold) cell.bold = true;
            if (font?.italic) cell.italic = true;
          }
          row.push(cell);
        }
        grid.cells[rowIndex + ch.r0 + i] = row;
      }
      if (rowProps) {
        rowProps.value.forEach((p, i) => { if (p.rowHidden) hidden.push(rowIndex + ch.r0 + i); });
      }
    }
    for (let r = 0; r < grid.cells.length; r++) if (!grid.cells[r]) grid.cells[r] = [];
    if (hidden.length) grid.hiddenRows = hidden;
    return { grid, syncs };
  } catch (e) {
    throw toHostError(e, 'Không đọc được trang tính');
  }
}
