/**
 * A plain grid of what a sheet holds: the one input of the sheet reader (recognize.ts), filled
 * by the exceljs adapter (src/xlsx/readGrid.ts) and by the Office.js adapter (src/office/).
 * Rows and columns are 0-based and absolute (row 0 is sheet row 1, col 0 is column A).
 */
export interface GridCell {
  /** The value as stored: a number, text, a boolean, or null for empty. Error cells have value null. */
  value: string | number | boolean | null;
  /** Formula without the leading "=", when the cell holds one. */
  formula?: string;
  /** Excel number format code, e.g. "#,##0", "General", "@". */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** Error value shown by the cell: "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!". */
  error?: string;
}

export interface CellRange {
  /** inclusive, 0-based */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * A Grid's cells are values: a reader may share one cell object between positions holding the same value and
 * format (src/xlsx/stream/cells.ts does, to keep a large sheet small). Replace a cell; never change one in place.
 */
export interface Grid {
  sheet: string;
  /**
   * cells[row][col]; missing rows/cells are empty. A row without cells may be a hole (undefined, as the .xlsx
   * readers leave it: a value on Excel's last row costs one row, not a million empty arrays): read rows with `?.`.
   */
  cells: (GridCell | null | undefined)[][];
  merges: CellRange[];
  hiddenRows?: number[];
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.cells[row]?.[col] ?? undefined;
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.cells) if (r && r.length > w) w = r.length;
  return w;
}
