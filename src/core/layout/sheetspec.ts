/**
 * SheetSpec: a whole worksheet as data. The layout (layout.ts) produces it once; the exceljs writer
 * (src/xlsx/writeSpec.ts) and the Office.js writer (src/office/writeSpec.ts) both consume it, so what the
 * tests see is what Excel gets. Rows/cols 0-based. Amounts are exact decimal strings; the writers turn them
 * into numbers at the edge.
 */
import type { CellRange } from '../base/grid';

export type CellSpec =
  /** Text: always written as text, never interpreted (a leading "=" stays text). */
  | { t: 'text'; v: string; s?: string }
  /** A number given as an exact decimal string ("1559", "4967.667"). */
  | { t: 'num'; v: string; s?: string }
  /** A formula in A1 notation without "=", with its exact expected result (for cached values and tests). */
  | { t: 'formula'; f: string; result?: string; s?: string }
  /** An empty cell that still carries a style (borders). */
  | { t: 'empty'; s?: string };

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string; // "RRGGBB"
}

export interface CellStyle {
  font?: FontSpec;
  h?: 'left' | 'center' | 'right' | 'justify';
  v?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** thin border on all four sides */
  border?: boolean;
  fill?: string; // "RRGGBB"
  numFmt?: string; // "#,##0", "#,##0.000", "@"
}

export interface RowSpec {
  height?: number; // points
  cells: (CellSpec | null)[];
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  fitToWidth: number; // pages wide (1)
  fitToHeight: number; // 0 = as many as needed
  /** inches */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** rows repeated at the top of every page, inclusive 0-based */
  titleRows?: { from: number; to: number };
  area: CellRange;
  /** footer text with Excel codes, e.g. "Trang &P/&N" */
  footer?: string;
}

/** A data validation list (input sheets): cells in range must be one of the values. */
export interface ValidationSpec {
  range: CellRange;
  list: string[];
  prompt?: string;
}

export interface SheetSpec {
  name: string;
  defaultFont: { name: string; size: number };
  /** Column widths in Excel character units. */
  columns: { width: number; key?: string }[];
  rows: RowSpec[];
  merges: CellRange[];
  /** Named styles referenced by CellSpec.s. */
  styles: Record<string, CellStyle>;
  freeze?: { rows: number; cols: number };
  print?: PrintSpec;
  validations?: ValidationSpec[];
  /** Rows by role, for writers that format disjoint rows at once and for tests. */
  roles?: { header: number[]; group: number[]; item: number[]; total: number[]; breakdown: number[] };
  /**
   * Rows from..to (inclusive) were handed to a RowSink as they were laid out (layoutPlan with a sink) and are not in
   * `rows` (their entries are undefined): only the writer that owns the sink can write this spec.
   */
  streamed?: { from: number; to: number };
}

/**
 * Where a layout hands over its body rows as they are laid out, in order, each final (cells, height), so that the
 * rows of a large plan never exist all at once (the command line's .xlsx writer). The same rows, the same cells as
 * the SheetSpec a layout without a sink holds.
 */
export interface RowSink {
  /** Before the first body row: the sheet's styles, the rows laid out before the body (heading, header; their
   *  heights are set later) and the merges so far. Their texts and styles come first in the file. */
  begin(head: { styles: Record<string, CellStyle>; rows: readonly RowSpec[]; merges: readonly CellRange[] }): void;
  /** Rows from, from + 1, … handed over in order; the layout keeps none of them. */
  rows(from: number, rows: readonly RowSpec[]): void;
}
