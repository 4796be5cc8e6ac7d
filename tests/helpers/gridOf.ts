/** Grids for the input-sheet tests, built the way the readers fill them. */
import type { Grid, GridCell } from '../../src/core/base/grid';
import { templateSpec, type TemplateOptions } from '../../src/core/input/write';

export type Raw = string | number | null | undefined | GridCell;

function cellOf(v: Raw): GridCell | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object') return v;
  return { value: v };
}

export function gridOf(rows: Raw[][], sheet = 'Nhập liệu'): Grid {
  return { sheet, cells: rows.map((r) => r.map(cellOf)), merges: [] };
}

/** The template's own rows above the data (title, Thông tin, band, header) as a grid, then `data` rows. */
export function templateGrid(data: Raw[][], opts: TemplateOptions = {}): { grid: Grid; header: number; cols: string[] } {
  const spec = templateSpec({ ...opts, rows: 1 });
  const header = spec.roles!.header[0];
  const top: Raw[][] = spec.rows.slice(0, header + 1).map((r) => r.cells.map((c) => (c && c.t === 'text' ? c.v : null)));
  return { grid: gridOf([...top, ...data]), header, cols: spec.columns.map((c) => c.key ?? '') };
}

/** A data row from a record keyed like the template's columns ('tt', 'name', 'year:2021', 'source:NSTW'...). */
export function rowOf(cols: string[], fields: Record<string, Raw>): Raw[] {
  return cols.map((k) => fields[k] ?? null);
}

/** A SheetSpec's values as the reader would see them once written (text as text, numbers as numbers). */
export function gridOfSpec(spec: import('../../src/core/layout/sheetspec').SheetSpec): Grid {
  return {
    sheet: spec.name,
    merges: spec.merges,
    cells: spec.rows.map((r) => r.cells.map((c) => {
      if (!c) return null;
      if (c.t === 'text') return { value: c.v };
      if (c.t === 'num') return { value: Number(c.v) };
      return null;
    })),
  };
}
