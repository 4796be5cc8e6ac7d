/**
 * Excel's limits and the product's own bounds, in one table: every reader, writer and check takes its figure from
 * here (Microsoft: "Excel specifications and limits").
 */
export const EXCEL = {
  /** rows in a worksheet */
  maxRows: 1_048_576,
  /** columns in a worksheet (XFD) */
  maxCols: 16_384,
  /** characters in one cell */
  maxCellText: 32_767,
  /** characters in a formula */
  maxFormulaChars: 8_192,
  /** arguments of one function call (SUM) */
  maxSumArgs: 255,
  /** characters of a data-validation list written inline */
  maxListChars: 255,
  /** characters in a sheet name */
  maxSheetName: 31,
  /** significant digits Excel keeps in a number */
  maxSignificantDigits: 15,
} as const;

/** Year spans: one rule for the command line, the pane, plan JSON and the input sheet. */
export const YEARS = {
  min: 1900,
  max: 2200,
  /** the longest span a plan may cover (a medium-term plan is 5 years; long programmes 10-20) */
  maxSpan: 50,
} as const;

/** Largest magnitude accepted for an amount in a plan (10^21 of any unit: beyond any public budget). */
export const MAX_AMOUNT_DIGITS = 21;

/**
 * What the reader accepts from a workbook package before building anything (src/xlsx/zipGuard.ts, exceljsPatch.ts):
 * far above any real appendix (the largest seed is a few hundred rows; 100,000 items are ~100,000 rows and
 * ~2 million cells at most), far below what would exhaust memory.
 */
export const PACKAGE = {
  /** bytes one part (worksheet, shared strings…) may inflate to */
  maxPartBytes: 200 * 1024 * 1024,
  /** bytes all the parts read may inflate to together */
  maxTotalBytes: 300 * 1024 * 1024,
  /** rows written in one worksheet */
  maxSheetRows: 150_000,
  /** cells written in all worksheets (rows × columns in use) */
  maxCells: 3_000_000,
  /** cells inside merged ranges, all merges of the workbook together */
  maxMergedCells: 200_000,
} as const;

/** A plan's own bounds (plan JSON, the input sheet): checked before any row is built. */
export const PLAN = {
  /** funding sources (a real plan has 2-10; the Office and xlsx writers handle hundreds) */
  maxSources: 1_000,
  /** rows of the plan tree, groups and items together */
  maxNodes: 200_000,
} as const;
