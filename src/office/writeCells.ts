/// <reference types="office-js" />
/**
 * Single-cell writes into an existing sheet (the input sheet: Chia đều, Đánh lại số TT), guarded: the rows they
 * touch are read again in the batch that checks the sheet's protection, compared with the grid the writes were
 * computed from, and only then written — so that an edit made in between (by the officer or a co-author) is
 * never overwritten, and a protected sheet gets nothing. Text stays text ("@" where Excel would coerce it).
 */
import type { Grid, GridCell } from '../core/base/grid';
import type { CellWrite } from './host';
import { cellToExcel, runs } from './writePlan';

/** The touched rows' values as loaded for the comparison: runs of rows from column 0. */
export interface RowReads {
  parts: { r0: number; range: Excel.Range }[];
}

function width(cells: readonly CellWrite[], basis: Grid): number {
  let w = 0;
  for (const c of cells) w = Math.max(w, c.col + 1, basis.cells[c.row]?.length ?? 0);
  return Math.max(w, 1);
}

/** Queues the loads of the rows the writes touch (contiguous runs, columns 0 .. the basis' width). */
export function queueRowReads(ws: Excel.Worksheet, cells: readonly CellWrite[], basis: Grid): RowReads {
  const touched: (1 | undefined)[] = [];
  for (const c of cells) touched[c.row] = 1;
  const w = width(cells, basis);
  const parts = runs(touched).map(([r0, r1]) => {
    const range = ws.getRangeByIndexes(r0, 0, r1 - r0 + 1, w);
    range.load('values');
    return { r0, range };
  });
  return { parts };
}

function sameValue(cell: GridCell | null | undefined, v: unknown): boolean {
  if (cell?.error) return v === cell.error;
  return (cell?.value ?? '') === v;
}

/** Whether the synced rows still hold what the basis grid says. */
export function rowsUnchanged(reads: RowReads, basis: Grid): boolean {
  return reads.parts.every(({ r0, range }) => range.values.every((row, i) => row.every((v, j) => sameValue(basis.cells[r0 + i]?.[j], v))));
}

/** Queues the writes: vertical runs of cells in one column become one 2D write each. */
export function queueCellWrites(ws: Excel.Worksheet, cells: readonly CellWrite[]): void {
  const byCol = new Map<number, CellWrite[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    const rows: (CellWrite | undefined)[] = [];
    for (const c of list) rows[c.row] = c;
    for (const [r0, r1] of runs(rows.map((c) => (c ? 1 : undefined)))) {
      const part = rows.slice(r0, r1 + 1) as CellWrite[];
      const xs = part.map((c) => cellToExcel(c.cell, {}));
      const rg = ws.getRangeByIndexes(r0, col, part.length, 1);
      // "@" where text must stay text; null leaves the cell's own number format alone
      rg.numberFormat = xs.map((x) => [x.numFmt === '@' ? '@' : null]);
      rg.formulas = xs.map((x) => [x.value]);
    }
  }
}
