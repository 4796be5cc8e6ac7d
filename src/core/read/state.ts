/** What the reader learns about one sheet while reading it: the columns, the unit, the findings so far. */
import type { Dec } from '../base/decimal';
import type { Finding } from '../checks/findings';
import type { Grid } from '../base/grid';
import type { FieldKey, RowAmounts, Unit } from '../plan/model';
import type { ParsedAmount } from '../text/numbers';
import type { ColRole } from './vocabulary';
import type { ItemAmounts } from './itemAmounts';

export interface RecognizeOptions {
  /** Overrides the unit read from the sheet. */
  unit?: Unit;
  /** 0-based row of the (first) header row, when the caller knows it. */
  headerRow?: number;
  /**
   * The caller has no further use for the grid's rows: each body row is let go (left a hole in grid.cells) once
   * it is read, so that a large sheet's cells and the plan read from them are never in memory together.
   */
  release?: boolean;
  /**
   * With `release`: told, once the body's rows are let go and before the passes that follow, how many rows the
   * sheet had (a caller may reclaim their memory there).
   */
  onReleased?: (rows: number) => void;
}

export interface Column {
  col: number;
  role: ColRole;
  label: string;
}

export interface AmountCol {
  col: number;
  key: FieldKey;
  /** where in RowAmounts */
  put: (a: RowAmounts, v: Dec) => void;
}

/** A non-whole number in an amount column that may be SUSPECT_DECIMAL (typed, below 1000, at most 3 decimals). */
interface NumEntry {
  row: number;
  value: Dec;
}

export type RowRole = 'group' | 'item' | 'total' | 'breakdown';

export type TotalCategory = 'sub' | 'breakdown' | 'itemTotal';

/**
 * The total-like cells of one kind (HARDCODED_TOTAL): whether any is a formula, and those that are typed numbers
 * (the only ones that can be flagged; a sheet of formulas keeps none of its cells here).
 */
interface TotalCells {
  anyFormula: boolean;
  typed: { row: number; col: number; value: number }[];
}

/**
 * Formula cells as parallel lists: the formula (without "="), its row, its amount column (index in amountCols);
 * `row` and `k` are typed arrays grown by doubling, valid up to text.length.
 */
export interface AmountFormulas {
  text: string[];
  row: Int32Array;
  k: Int32Array;
}

/** What later passes need of the amount columns' body cells (amountCells.ts). */
export interface AmountCells {
  /** First body row. */
  from: number;
  /** Rows [from, upTo) are taken. */
  upTo: number;
  /** Formulas of the amount columns, in row then amount-column order (one cell once). */
  formulas: AmountFormulas;
  /** Per body row: 0 when none of its amount cells has a flag, else 1 + its row's place in `flags`. */
  ordinal: Int32Array;
  /** The flags of the rows that have some, amount columns in order. */
  flags: Uint8Array;
  rows: number;
}

export interface ReadState {
  readonly grid: Grid;
  readonly opts: RecognizeOptions;
  readonly sheet: string;
  /** Columns read (at most Excel's 16384). */
  width: number;
  columns: Column[];
  /** Amount columns, left to right. */
  amountCols: AmountCol[];
  unit: Unit;
  unitFrom: 'option' | 'sheet' | 'default';
  /** First header row. */
  headerFirst: number;
  findings: Finding[];
  /** Per amount column: how many non-zero numbers, how many non-whole ones, and those that may be SUSPECT_DECIMAL. */
  nums: Map<number, { nonZero: number; nonInt: number; fractional: NumEntry[] }>;
  totalCells: Record<TotalCategory, TotalCells>;
  /** Text cells parsed while deciding column roles, kept so that each cell is parsed once. */
  parsed: Map<string, ParsedAmount>;
  /**
   * Number cells repeat values (years, zeros): one immutable Dec per distinct value (decOfDouble). Undefined once a
   * trial shows the sheet's numbers do not repeat (unique amounts: the cache would cost more than it saves).
   */
  numberDecs: Map<number, Dec> | undefined;
  /** How many number cells the cache answered. */
  numberHits: number;
  /** Column of each descriptive field (and sourceText), filled on first use. */
  fieldCols?: Map<string, number>;
  /** What later passes need of the amount columns' body cells, taken as the body is read (amountCells.ts). */
  amountCells?: AmountCells;
  /** Where the column statistics of the body starting at `from` stop (columns.ts). */
  statsEnd?: { from: number; to: number };
  /** The item rows' amounts, kept compactly (itemAmounts.ts); made on the first item. */
  itemAmounts?: ItemAmounts;
}

export function newState(grid: Grid, opts: RecognizeOptions): ReadState {
  return {
    grid,
    opts,
    sheet: grid.sheet,
    width: 0,
    columns: [],
    amountCols: [],
    unit: 'triệu đồng',
    unitFrom: 'default',
    headerFirst: 0,
    findings: [],
    nums: new Map(),
    totalCells: { sub: { anyFormula: false, typed: [] }, breakdown: { anyFormula: false, typed: [] }, itemTotal: { anyFormula: false, typed: [] } },
    parsed: new Map(),
    numberDecs: new Map(),
    numberHits: 0,
  };
}
