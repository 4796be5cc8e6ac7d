/**
 * SheetSpec → Grid: what a sheet written from the spec holds, as the reader would see it (formula cells carry
 * their expected result). The browser preview keeps its sheets this way, so that Kiểm tra runs on exactly what
 * Tạo phụ lục wrote.
 */
import type { SheetSpec, CellSpec } from '../core/layout/sheetspec';
import type { Grid, GridCell } from '../core/base/grid';

export function specCellToGrid(cell: CellSpec | null | undefined, spec: Pick<SheetSpec, 'styles'>): GridCell | null {
  if (!cell) return null;
  const st = cell.s ? spec.styles[cell.s] : undefined;
  const out: GridCell = { value: null };
  switch (cell.t) {
    case 'text': out.value = cell.v; break;
    case 'num': out.value = Number(cell.v); break;
    case 'formula':
      out.formula = cell.f;
      out.value = cell.result !== undefined ? Number(cell.result) : null;
      break;
    case 'empty':
      if (!st?.font?.bold) return null;
      break;
  }
  if (st?.numFmt && st.numFmt !== 'General') out.numFmt = st.numFmt;
  if (st?.font?.bold) out.bold = true;
  if (st?.font?.italic) out.italic = true;
  return out;
}

export function specToGrid(spec: SheetSpec, sheetName = spec.name): Grid {
  return {
    sheet: sheetName,
    cells: spec.rows.map((r) => r.cells.map((c) => specCellToGrid(c, spec))),
    merges: spec.merges.map((m) => ({ ...m })),
  };
}
