/**
 * What the parts of the layout share: the options, the column set, and the sheet written row by row (heading.ts,
 * header.ts, body.ts, breakdown.ts and print.ts each add their rows to it; layout.ts runs them in order).
 */
import type { Dec } from '../base/decimal';
import type { CellRange } from '../base/grid';
import { ExactSum } from '../base/exactSum';
import { EXCEL } from '../base/limits';
import type { FieldKey, FundingSource, LayoutPreset, Plan } from '../plan/model';
import type { WordsOptions } from '../text/words';
import { LAYOUT_MESSAGES, LayoutError } from './messages';
import type { CellSpec, CellStyle, RowSink, RowSpec, SheetSpec } from './sheetspec';

export type DescriptiveKey =
  | 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code'
  | 'sourceText';
/** A column slot of the layout: descriptive fields, or the year / source column blocks, or amount fields. */
export type ColumnSlot = DescriptiveKey | 'years' | 'total' | 'sources' | 'totalInvestment' | 'annual';

export interface LayoutOptions {
  /** Column preset; default plan.preset, else 'medium-term' when the plan has years, else 'flat'. */
  preset?: LayoutPreset;
  /** Explicit columns and their order (overrides the preset's). */
  columns?: ColumnSlot[];
  /** Header texts per slot (e.g. { name: 'Tên nhiệm vụ' }). */
  headers?: Partial<Record<ColumnSlot, string>>;
  /** Column widths per slot, in Excel character units ('years' / 'sources' apply to each of their columns). */
  widths?: Partial<Record<ColumnSlot, number>>;
  sheetName?: string;
  /** The "(1) (2) ..." row under the header. Default true. */
  columnNumbers?: boolean;
  /** "Trong đó" rows: 'auto' (default: when years and sources are shown and determinable), 'always', 'never'. */
  breakdown?: 'auto' | 'always' | 'never';
  /** Label of the grand-total row. Default "Tổng cộng". */
  totalLabel?: string;
  /**
   * The "Bằng chữ" line under the table (grand total in figures and in words, words.ts): true, or the options of
   * amountToWords (linh/lẻ, nghìn/ngàn, chẵn...). Default false.
   */
  words?: boolean | Omit<WordsOptions, 'unit'>;
  fontName?: string;
  headingSize?: number;
  tableSize?: number;
}

/** One column of the table. */
export interface Col {
  slot: ColumnSlot;
  key: FieldKey;
  kind: 'text' | 'amount';
  header: string;
  width: number;
  year?: number;
  source?: FundingSource;
}

/** The columns of one layout and the indices of each kind. */
export interface ColumnSet {
  cols: Col[];
  lastCol: number;
  yearCols: number[];
  sourceCols: number[];
  amountCols: number[];
  colOf: Map<FieldKey, number>;
  totalCol: number | undefined;
}

/** The exact values of one row: column index → value. */
export type Amounts = Map<number, Dec>;

/** A row just added, and where. */
export interface NewRow {
  r: number;
  row: RowSpec;
}

export type Roles = NonNullable<SheetSpec['roles']>;

/**
 * Per column, the text whose lines were estimated last, its style and its lines: rows whose column widths never change
 * (a streamed body, stream.ts) repeat many texts down a column (status, lead, source...).
 */
export interface LinesSeen { text: (string | undefined)[]; style: (string | undefined)[]; lines: number[] }

/** A layout streaming its body rows into a RowSink (stream.ts): each top-level node's rows as soon as they are final. */
export interface RowStream {
  sink: RowSink;
  /** decimals of the amounts, and the table's font size: what widths and heights are measured with */
  dp: number;
  tSize: number;
  /** the first row handed over (-1 before any) and the next row to hand over */
  from: number;
  next: number;
  /** widest amount (vi-VN display length) per column among the rows handed over */
  maxLen: Map<number, number>;
  /** the texts whose lines were estimated last per column (print.ts, rowHeight): body columns' widths are fixed */
  seen: LinesSeen;
}

/** The sheet being laid out. */
export interface Sheet extends ColumnSet {
  plan: Plan;
  opts: LayoutOptions;
  styles: Record<string, CellStyle>;
  /** "Trong đó" rows are laid out; the source codes then sit in `codeCol`, just right of the table. */
  withBreakdown: boolean;
  codeCol: number;
  rows: RowSpec[];
  merges: CellRange[];
  roles: Roles;
  /**
   * Subtotal mode (plans whose SUMs would pass Excel's formula length): every row that sums rows below it is a
   * SUBTOTAL(9, range of its descendants), the grand total too, so nested sums are skipped and no formula grows.
   */
  subtotals: boolean;
  /** A SUM laid out in normal mode is longer than Excel takes. */
  overflow: boolean;
  /** The body's rows that carry a source code, summed as laid out: code → year column → exact sum (the "Trong đó" rows). */
  codedSums: Map<string, Map<number, ExactSum>>;
  /** Set when the body rows are handed to a RowSink as laid out (their entries in `rows` then become undefined). */
  stream?: RowStream;
}

export function newSheet(
  plan: Plan, opts: LayoutOptions, columns: ColumnSet, styles: Record<string, CellStyle>, withBreakdown: boolean,
  subtotals = false, stream?: RowStream,
): Sheet {
  return {
    ...columns,
    plan,
    opts,
    styles,
    withBreakdown,
    codeCol: withBreakdown ? columns.cols.length : -1,
    rows: [],
    merges: [],
    roles: { header: [], group: [], item: [], total: [], breakdown: [] },
    subtotals,
    overflow: false,
    codedSums: new Map(),
    ...(stream ? { stream } : {}),
  };
}

/** Body row values of source `code` (its year cells' values), added to the "Trong đó" sums. */
export function addCoded(s: Sheet, code: string, vals: Amounts): void {
  let sums = s.codedSums.get(code);
  if (!sums) s.codedSums.set(code, (sums = new Map()));
  for (const c of s.yearCols) {
    const d = vals.get(c);
    if (d === undefined) continue;
    let acc = sums.get(c);
    if (!acc) sums.set(c, (acc = new ExactSum()));
    acc.add(d);
  }
}

/** A new row at the bottom, every cell null (the table's columns and the code column). */
export function newRow(s: Sheet): NewRow {
  if (s.rows.length >= EXCEL.maxRows) throw new LayoutError(LAYOUT_MESSAGES.tooManyRows(EXCEL.maxRows), 'TOO_MANY_ROWS');
  const row: RowSpec = { cells: new Array<CellSpec | null>(s.cols.length + (s.withBreakdown ? 1 : 0)).fill(null) };
  s.rows.push(row);
  return { r: s.rows.length - 1, row };
}

/** Merge cells c0..c1 of row r (by default across the whole table). */
export function mergeRow(s: Sheet, r: number, c0 = 0, c1 = s.lastCol): void {
  if (c1 > c0) s.merges.push({ r0: r, c0, r1: r, c1 });
}

const EMPTY_CELLS = new Map<string, CellSpec>();

/**
 * The empty cell of style `s`, one frozen object per style shared by every such cell (100,000 items: ~300,000
 * bordered empty cells that would each be an object).
 */
export function emptyCell(s: string): CellSpec {
  let c = EMPTY_CELLS.get(s);
  if (c === undefined) {
    c = Object.freeze({ t: 'empty', s } as const);
    EMPTY_CELLS.set(s, c);
  }
  return c;
}
