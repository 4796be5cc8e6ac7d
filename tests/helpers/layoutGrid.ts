/** A fixture layout (seedSheets.ts) as the Grid readGrid would give, without writing an .xlsx: for fast mutation runs. */
import type { Grid, GridCell } from '../../src/core/base/grid';
import { colIndex, type CellIn, type SheetLayout } from './seedSheets';

function cellOf(v: CellIn, bold: boolean, numFmt: string): GridCell | null {
  if (v === null || v === undefined) return null;
  const style = bold ? { bold: true } : {};
  if (typeof v === 'object' && 'f' in v) return { value: v.v ?? null, formula: v.f, numFmt, ...style };
  if (typeof v === 'object') return { value: null, error: v.error, ...style };
  return typeof v === 'number' ? { value: v, numFmt, ...style } : { value: v, ...style };
}

function range(m: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b] = m.split(':').map((s) => /^([A-Z]+)(\d+)$/.exec(s)!);
  return { r0: parseInt(a[2], 10) - 1, c0: colIndex(a[1]), r1: parseInt(b[2], 10) - 1, c1: colIndex(b[1]) };
}

export function layoutGrid(l: SheetLayout): Grid {
  const bold = new Set(l.boldRows);
  const cells = l.rows.map((row, i) => Array.from(row, (v) => cellOf(v, bold.has(i + 1), l.numFmt ?? '#,##0')));
  const grid: Grid = { sheet: l.name, cells, merges: l.merges.map(range) };
  if (l.hiddenRows) grid.hiddenRows = l.hiddenRows.map((r) => r - 1);
  return grid;
}
