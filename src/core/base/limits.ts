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
