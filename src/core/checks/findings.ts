/** Findings: the contract shared by the checks, the command line and the task pane (SPEC "Checks"). */
import { a1 } from '../base/a1';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = {
  ROW_YEARS_SUM: 'error',
  ROW_SOURCES_SUM: 'error',
  GROUP_SUBTOTAL: 'error',
  GRAND_TOTAL: 'error',
  DOUBLE_COUNT: 'error',
  BREAKDOWN: 'error',
  STATED_TOTAL: 'error',
  WORDS_MISMATCH: 'error',
  TEXT_NUMBER: 'warning',
  SUSPECT_DECIMAL: 'warning',
  NEGATIVE_AMOUNT: 'error',
  FORMULA_ERROR: 'error',
  HARDCODED_TOTAL: 'warning',
  YEAR_OUTSIDE_PERIOD: 'warning',
  ANNUAL_EXCEEDS_TOTAL: 'error',
  NUMBERING: 'warning',
  MISSING_FIELD: 'warning',
  DUPLICATE_ITEM: 'warning',
  SOURCE_MISMATCH: 'warning',
  UNREADABLE_TABLE: 'error',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Vietnamese, NFC, with amounts in vi-VN format. */
  message: string;
  sheet?: string;
  /** A1 address, e.g. "F12" (absent when the finding has no single cell). */
  cell?: string;
  /** 0-based absolute row/column of the cell, when known. */
  row?: number;
  col?: number;
  /** Exact plain decimal strings ("441115", "4967.667") or text, where there are values. */
  expected?: string;
  actual?: string;
  /**
   * The cell of this finding's root cause (causes.ts), when it is a consequence of another cell's wrong amount:
   * "G9" (A1; the cause is on the finding's sheet).
   */
  causedBy?: string;
  /**
   * Where the finding is, in words, when the table is not a sheet: a Word table's cell ("Bảng 2, dòng 14, cột 7",
   * 1-based in the table) or a paragraph of the text with its heading ("Đoạn 12 (VI. KINH PHÍ THỰC HIỆN)").
   */
  where?: string;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  items: number;
  groups: number;
  /** Grand total (plain decimal string, in the plan unit), when computable. */
  grandTotal?: string;
  unit?: string;
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
}


export function makeFinding(
  code: FindingCode,
  message: string,
  extra: Omit<Finding, 'code' | 'severity' | 'message'> = {},
): Finding {
  const f: Finding = { code, severity: FINDING_CODES[code], message: message.normalize('NFC'), ...extra };
  if (f.row !== undefined && f.col !== undefined && f.cell === undefined) f.cell = a1(f.row, f.col);
  return f;
}

export function summarize(findings: Finding[], extra: Partial<CheckSummary> = {}): CheckSummary {
  let errors = 0, warnings = 0, infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, items: 0, groups: 0, ...extra };
}
