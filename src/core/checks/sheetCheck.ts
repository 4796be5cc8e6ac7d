/**
 * Checking a sheet: recognition (recognize.ts) + its geometry findings + the model checks (checks.ts),
 * findings sorted by row then column and deduplicated. Pure; never throws on any grid.
 */
import { countPlan } from '../plan/tree';
import { Dec, plain, type Dec as DecT } from '../base/decimal';
import { checkPlan } from './checks';
import { explainFindings } from './causes';
import { summarize, type CheckResult, type Finding } from './findings';
import { CHECK_MESSAGES } from './messages';
import { a1 } from '../base/a1';
import type { Grid } from '../base/grid';
import type { Plan, Unit } from '../plan/model';
import { convertUnit } from '../text/numbers';
import { recognizeTable, type Recognized } from '../read/recognize';

export interface SheetCheckOptions {
  /** Overrides the unit read from the sheet. */
  unit?: Unit;
  /** Rounding tolerance, in the sheet's unit (default 0). */
  tolerance?: DecT;
  /** A total stated elsewhere (plan text, the user), compared with the table's grand total. */
  statedTotal?: DecT;
  /** Unit of statedTotal when it differs from the sheet's (e.g. "1.028.960.000.000 đồng"). */
  statedTotalUnit?: Unit;
  /** Where the stated total comes from, for the message (default: given by the user). */
  statedTotalWhere?: string;
  headerRow?: number;
}

export interface SheetCheckResult extends CheckResult {
  /** True when a table was recognised (false: the only finding is UNREADABLE_TABLE). */
  recognized: boolean;
  sheet: string;
  /** The plan as read, when recognised. */
  plan?: Plan;
  headerRows?: number[];
  /** Where the unit came from: the --unit option, the sheet ("ĐVT: ..."), or the default (triệu đồng). */
  unitFrom?: 'option' | 'sheet' | 'default';
}


/** Row then column; findings without a cell last; stable otherwise. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((p, q) => {
      const pr = p.f.row ?? Number.MAX_SAFE_INTEGER;
      const qr = q.f.row ?? Number.MAX_SAFE_INTEGER;
      if (pr !== qr) return pr - qr;
      const pc = p.f.col ?? Number.MAX_SAFE_INTEGER;
      const qc = q.f.col ?? Number.MAX_SAFE_INTEGER;
      if (pc !== qc) return pc - qc;
      return p.i - q.i;
    })
    .map((x) => x.f);
}

/** Same code at the same cell (or, without a cell, the same message) is one finding. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.code}|${f.sheet ?? ''}|${f.cell ?? ''}|${f.cell ? '' : f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function modelChecks(plan: Plan, tolerance: DecT | undefined): Finding[] {
  return checkPlan(plan, tolerance !== undefined ? { tolerance } : {});
}

/** The column of the grand-total figure a stated total is compared with. */
function statedColumn(plan: Plan): number | undefined {
  const cols = plan.sheet?.columns ?? {};
  const field = plan.statedTotals?.find((t) => t.field)?.field;
  if (field && cols[field] !== undefined) return cols[field];
  const gt = plan.grandTotal?.amounts;
  if (gt?.total !== undefined && cols.total !== undefined) return cols.total;
  if (gt?.totalInvestment !== undefined && cols.totalInvestment !== undefined) return cols.totalInvestment;
  if (gt?.annual !== undefined && cols.annual !== undefined) return cols.annual;
  return cols.total ?? cols.totalInvestment ?? cols.annual;
}

export function checkGrid(grid: Grid, opts: SheetCheckOptions = {}): SheetCheckResult {
  return checkRecognized(grid, recognizeTable(grid, { unit: opts.unit, headerRow: opts.headerRow }), opts);
}

/** checkGrid over a table already recognised (a Word document's tables are recognised once, then checked). */
export function checkRecognized(grid: Grid, rec: Recognized, opts: SheetCheckOptions = {}): SheetCheckResult {
  const sheet = typeof grid?.sheet === 'string' ? grid.sheet : '';
  if (!rec.ok) {
    return { recognized: false, sheet, findings: [rec.finding], summary: summarize([rec.finding]) };
  }
  const plan = rec.plan;
  if (opts.statedTotal !== undefined && Dec.isDecimal(opts.statedTotal) && opts.statedTotal.isFinite()) {
    const value = opts.statedTotalUnit && opts.statedTotalUnit !== rec.unit
      ? convertUnit(opts.statedTotal, opts.statedTotalUnit, rec.unit)
      : opts.statedTotal;
    plan.statedTotals = [
      ...(plan.statedTotals ?? []),
      { value, where: opts.statedTotalWhere ?? CHECK_MESSAGES.userStatedTotal },
    ];
  }
  const tolerance = opts.tolerance !== undefined && Dec.isDecimal(opts.tolerance) && opts.tolerance.isFinite() && !opts.tolerance.isNegative()
    ? opts.tolerance : undefined;
  const modelFindings = modelChecks(plan, tolerance);
  const gtLoc = plan.grandTotal?.loc;
  const all = [...rec.cellFindings, ...modelFindings].map((f) => {
    const g: Finding = { ...f, sheet: f.sheet ?? sheet };
    // A total stated outside the sheet (and outside a document's text) is compared with the grand total: point at that cell.
    if (g.code === 'STATED_TOTAL' && g.row === undefined && g.where === undefined && gtLoc) {
      const col = statedColumn(plan);
      if (col !== undefined) {
        g.row = gtLoc.row;
        g.col = col;
      }
    }
    if (g.cell === undefined && g.row !== undefined && g.col !== undefined) g.cell = a1(g.row, g.col);
    return g;
  });
  const findings = explainFindings(plan, dedupeFindings(sortFindings(all)), tolerance);
  const counts = countPlan(plan.nodes);
  const gt = plan.grandTotal?.amounts;
  const grand = gt?.total ?? gt?.totalInvestment ?? gt?.annual;
  const summary = summarize(findings, {
    items: counts.items,
    groups: counts.groups,
    unit: rec.unit,
    ...(grand ? { grandTotal: plain(grand) } : {}),
  });
  const result: SheetCheckResult = { recognized: true, sheet, findings, summary, plan, headerRows: rec.headerRows, unitFrom: rec.unitFrom };
  return rec.next ? withNextTable(grid, result, rec.next, opts) : result;
}

/** A second table on the sheet (recognize.ts `next`), checked on its own: its findings follow the first's. */
function withNextTable(grid: Grid, first: SheetCheckResult, next: Recognized, opts: SheetCheckOptions): SheetCheckResult {
  const rest = checkRecognized(grid, next, { unit: opts.unit, tolerance: opts.tolerance });
  const all = [...first.findings, ...rest.findings];
  const { errors: _e, warnings: _w, infos: _i, ...counts } = first.summary;
  const summary = summarize(all, { ...counts, items: counts.items + rest.summary.items, groups: counts.groups + rest.summary.groups });
  return { ...first, findings: all, summary };
}
