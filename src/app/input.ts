/**
 * The input sheet ("Nhập liệu"): making it, finding it among a workbook's sheets, reading it into a plan, and the
 * two edits the pane offers on it (spread a total over an item's years; renumber TT). Rows and columns come from
 * the table reader, so nothing here knows the sheet's layout.
 */
import { Dec, plain } from '../core/base/decimal';
import type { Grid } from '../core/base/grid';
import type { CellSpec, SheetSpec } from '../core/layout/sheetspec';
import { INPUT_SHEET_NAME, isInputGrid } from '../core/input/sheet';
import { InputSheetError, type InputProblem } from '../core/input/problems';
import { planFromInputGrid } from '../core/input/read';
import { templateSpec } from '../core/input/write';
import type { Plan, PlanNode } from '../core/plan/model';
import { spread } from '../core/plan/spread';
import { itemsOf } from '../core/plan/tree';
import { recognizeTable } from '../core/read/recognize';
import { renumber } from '../core/text/numbering';
import { AppError } from './errors';
import { APP_MESSAGES as M } from './messages';
import { sourcesSetting, yearSpanSetting } from './settings';
import { DEFAULTS } from '../core/plan/settings';

export { INPUT_SHEET_NAME };

/** One cell to write into an existing sheet the add-in manages (the input sheet): TT renumbering, spreading. */
export interface CellWrite {
  row: number;
  col: number;
  cell: CellSpec;
}

export interface InputTemplateRequest {
  /** "2021-2025" (default DEFAULTS.yearsText) */
  years?: string;
  /** "NSTW, NSĐP, ĐTPT" (default DEFAULTS.sourceCodes) */
  sources?: string;
}

/** An empty input sheet for a year span and a source list typed by the user. */
export function inputTemplate(req: InputTemplateRequest = {}): SheetSpec {
  return templateSpec({
    years: yearSpanSetting(req.years ?? DEFAULTS.yearsText),
    sources: sourcesSetting(req.sources ?? DEFAULTS.sourceCodes),
    name: INPUT_SHEET_NAME,
  });
}

/** The order in which sheets are tried as the input sheet: the active one, the remembered one, "Nhập liệu", the rest. */
export function inputSheetCandidates(names: readonly string[], prefs: { active?: string; remembered?: string } = {}): string[] {
  const first = [prefs.active, prefs.remembered, INPUT_SHEET_NAME].filter((n): n is string => !!n && names.includes(n));
  const out: string[] = [];
  for (const n of [...first, ...names]) if (!out.includes(n)) out.push(n);
  return out;
}

export interface FoundInput {
  sheet: string;
  grid: Grid;
}

/**
 * The first sheet, in candidate order, that is an input sheet (core's one rule, isInputGrid). `read` gives a sheet's
 * grid (the pane reads lazily through its host; the command line has them all).
 */
export async function findInputSheet(
  names: readonly string[], read: (name: string) => Grid | Promise<Grid>, prefs: { active?: string; remembered?: string } = {},
): Promise<FoundInput | undefined> {
  for (const sheet of inputSheetCandidates(names, prefs)) {
    const grid = await read(sheet);
    if (isInputGrid(grid)) return { sheet, grid };
  }
  return undefined;
}

/** The plan of an input sheet; AppError naming the sheet when it has problems. */
export function planFromInputSheet(grid: Grid, notes?: InputProblem[]): Plan {
  try {
    return planFromInputGrid(grid, notes ? { notes } : {});
  } catch (e) {
    if (e instanceof InputSheetError) throw new AppError(M.inputSheetProblem(grid.sheet, e.message), 'input');
    throw e;
  }
}

function readTable(grid: Grid): Plan {
  const rec = recognizeTable(grid);
  if (!rec.ok) throw new AppError(rec.finding.message, 'input');
  return rec.plan;
}

/** Year cells of the item on `row`, splitting `total` (plain decimal string) equally over its years. */
export function spreadWrites(grid: Grid, row: number, total: string): CellWrite[] {
  const plan = readTable(grid);
  const item = itemsOf(plan.nodes).find((it) => it.loc?.row === row);
  if (!item) throw new AppError(M.notAnItemRow(row + 1));
  if (item.children?.length) throw new AppError(M.itemHasChildren(row + 1));
  const cols = plan.sheet?.columns ?? {};
  const years = Object.entries(cols)
    .filter(([k]) => k.startsWith('year:'))
    .map(([k, c]) => ({ year: parseInt(k.slice(5), 10), col: c as number }))
    .sort((a, b) => a.year - b.year);
  if (!years.length) throw new AppError(M.noYearColumns);
  const period = item.period;
  const target = period ? years.filter((y) => y.year >= period.from && y.year <= period.to) : years;
  const used = target.length ? target : years;
  const parts = spread(new Dec(total), used.length);
  const writes: CellWrite[] = used.map((y, i) => ({ row, col: y.col, cell: { t: 'num', v: plain(parts[i]) } }));
  // years outside the item's period are emptied, so that the row adds up to the total
  for (const y of years) if (!used.includes(y)) writes.push({ row, col: y.col, cell: { t: 'empty' } });
  return writes;
}

/** TT cells whose number changes when the table is renumbered (I, II...; A, B...; 1, 2... per group). */
export function renumberWrites(grid: Grid): CellWrite[] {
  const plan = readTable(grid);
  const ttCol = plan.sheet?.columns.tt;
  if (ttCol === undefined) throw new AppError(M.noTTColumn);
  const fresh = renumber(plan);
  const writes: CellWrite[] = [];
  const walk = (a: PlanNode[], b: PlanNode[]) => {
    a.forEach((n, i) => {
      const m = b[i];
      if (!m) return;
      if (n.loc && n.tt !== m.tt) writes.push({ row: n.loc.row, col: ttCol, cell: { t: 'text', v: m.tt } });
      if (n.kind === 'group' && m.kind === 'group') walk(n.children, m.children);
      if (n.kind === 'item' && m.kind === 'item' && n.children && m.children) walk(n.children, m.children);
    });
  };
  walk(plan.nodes, fresh.nodes);
  return writes;
}
