/**
 * Checking a workbook: the grids of its sheets → findings per sheet, with the options a user gives (unit, a stated
 * total, a rounding tolerance) read from text the same way for the command line and the pane.
 */
import type { Grid } from '../core/base/grid';
import type { Finding } from '../core/checks/findings';
import { checkGrid, checkRecognized, type SheetCheckOptions, type SheetCheckResult } from '../core/checks/sheetCheck';
import { summarize } from '../core/checks/findings';
import { pulledSheet, summaryFindings } from '../core/checks/summarySheet';
import type { Plan, Unit } from '../core/plan/model';
import { recognizeTable } from '../core/read/recognize';
import { foldWords } from '../core/text/fold';
import { AppError } from './errors';
import { APP_MESSAGES as M } from './messages';
import { amountSetting, unitSetting } from './settings';

/** What the user may give, as typed. */
export interface CheckRequest {
  /** overrides the sheet's "ĐVT" */
  unit?: string;
  /** a total stated in the plan text ("441.115", "1.028.960.000.000 đồng") */
  statedTotal?: string;
  /** where that total was stated, for the message */
  statedTotalWhere?: string;
  /** rounding tolerance in the sheet's unit */
  tolerance?: string;
}

/** The request read into the core's options; AppError naming the field on bad text. */
export function checkOptions(req: CheckRequest): SheetCheckOptions {
  const opts: SheetCheckOptions = {};
  if (req.unit !== undefined && req.unit.trim() !== '') opts.unit = unitSetting(req.unit) as Unit;
  if (req.statedTotal !== undefined && req.statedTotal.trim() !== '') {
    const stated = amountSetting(req.statedTotal, 'statedTotal');
    opts.statedTotal = stated.value;
    opts.statedTotalUnit = stated.unit;
    opts.statedTotalWhere = req.statedTotalWhere ?? M.statedWhereUser;
  }
  if (req.tolerance !== undefined && req.tolerance.trim() !== '') {
    const tol = amountSetting(req.tolerance, 'tolerance');
    // in the sheet's unit: a unit typed with it would be dropped (1 triệu đồng on a tỷ đồng sheet read as 1 tỷ)
    if (tol.unit) throw new AppError(M.toleranceWithUnit(req.tolerance.trim()), 'tolerance');
    opts.tolerance = tol.value;
  }
  return opts;
}

/** The sheet a user named: exact name first, then a unique loose match (case, diacritics, spaces). */
export function findSheet<T extends { sheet: string }>(grids: readonly T[], name: string): T {
  const exact = grids.find((g) => g.sheet === name);
  if (exact) return exact;
  const f = foldWords(name);
  const loose = grids.filter((g) => foldWords(g.sheet) === f);
  if (loose.length === 1) return loose[0];
  throw new AppError(M.noSuchSheet(name, grids.map((g) => g.sheet)), 'sheet');
}

export interface WorkbookCheck {
  /** the sheets shown: the named one, or every sheet holding a table (all sheets when none does) */
  results: SheetCheckResult[];
  errors: number;
}

/**
 * Checks one grid (the pane's "Kiểm tra" on the active sheet). `others`: the workbook's other sheets, against which
 * a summary sheet is checked (without them, a summary sheet gets an info finding saying it was not compared).
 */
export function checkSheet(grid: Grid, req: CheckRequest = {}, others: readonly Grid[] = []): SheetCheckResult {
  const opts = checkOptions(req);
  return withSummaries(checkGrid(grid, opts), plansOf([grid, ...others], opts, []), opts);
}

/**
 * The other sheets a grid's formulas pull from ("='Phụ lục 02'!K7" → "Phụ lục 02"), in first-seen order: the sheets
 * to read besides the active one so that a summary sheet is checked against what it summarises (checkSheet's others).
 */
export function pulledSheets(grid: Grid): string[] {
  const out = new Set<string>();
  for (const row of grid.cells) {
    for (const c of row ?? []) {
      const from = c?.formula ? pulledSheet(c.formula) : undefined;
      if (from !== undefined && from !== grid.sheet) out.add(from);
    }
  }
  return [...out];
}

/** The plan of a sheet by its exact name: from a result already checked, else recognised once on demand. */
function plansOf(grids: readonly Grid[], opts: SheetCheckOptions, checked: readonly SheetCheckResult[]): (sheet: string) => Plan | undefined {
  const memo = new Map<string, Plan | undefined>();
  return (sheet) => {
    if (memo.has(sheet)) return memo.get(sheet);
    let plan = checked.find((r) => r.sheet === sheet)?.plan;
    const grid = plan ? undefined : grids.find((g) => g.sheet === sheet);
    if (grid) {
      const rec = recognizeTable(grid, { unit: opts.unit });
      plan = rec.ok ? rec.plan : undefined;
    }
    memo.set(sheet, plan);
    return plan;
  };
}

/** A summary sheet's findings against the sheets it summarises (core summarySheet.ts), added to its result. */
function withSummaries(r: SheetCheckResult, planOf: (sheet: string) => Plan | undefined, opts: SheetCheckOptions): SheetCheckResult {
  if (!r.recognized || !r.plan) return r;
  const extra = summaryFindings(r.plan, (s) => (s === r.sheet ? undefined : planOf(s)), opts.tolerance);
  if (extra.length === 0) return r;
  const findings = [...r.findings, ...extra];
  const { errors: _e, warnings: _w, infos: _i, ...rest } = r.summary;
  return { ...r, findings, summary: summarize(findings, rest) };
}

/**
 * `release`: the caller has no further use for the grids; the cells of each sheet checked are emptied as its table
 * is read, and `released` is told how many rows were let go once its body is read (the command line reclaims their
 * memory there: RecognizeOptions.onReleased).
 */
export interface Release {
  release?: boolean;
  released?: (rows: number) => void;
}

/**
 * Checks a workbook's grids: the named sheet, or every sheet that holds a recognisable table. The options are read
 * first (checkOptions), so that a bad option is reported before any file is opened.
 */
export function checkWorkbook(grids: readonly Grid[], opts: SheetCheckOptions, sheet?: string, how: Release = {}): WorkbookCheck {
  const chosen = sheet !== undefined ? [findSheet(grids, sheet)] : grids;
  const checked = chosen.map((g) => {
    // The plan holds what the checks need (its summary sheets' plans are taken from these results): a caller done
    // with the grids lets each sheet's rows go as its table is read, and the rest before its checks run, so that
    // the cells, the plan and the checks' work are never in memory together.
    const rec = recognizeTable(g, { unit: opts.unit, headerRow: opts.headerRow, release: how.release, onReleased: how.released });
    if (how.release) g.cells = [];
    return checkRecognized(g, rec, opts);
  });
  const planOf = plansOf(grids, opts, checked);
  const all = checked.map((r) => withSummaries(r, planOf, opts));
  let results = all;
  if (sheet === undefined) {
    const ok = all.filter((r) => r.recognized);
    results = ok.length > 0 ? ok : all;
  }
  return { results, errors: countErrors(results.flatMap((r) => r.findings)) };
}

export function countErrors(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (f.severity === 'error') n++;
  return n;
}
