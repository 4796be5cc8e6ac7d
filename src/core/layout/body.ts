/**
 * The table body: group rows, items and sub-items, with live formulas (see layout.ts): an item's total is the SUM
 * of its year cells (of its source cells when there are no years); a group, or an item with sub-items, is the SUM of
 * its children's rows per column; an item split between sources gets one italic row per source under it.
 * Every formula cell carries `result`, the exact decimal its formula gives.
 */
import type { Dec } from '../base/decimal';
import { ZERO, plain, sum } from '../base/decimal';
import { ExactSum } from '../base/exactSum';
import { a1, colLetters } from '../base/a1';
import { EXCEL } from '../base/limits';
import type { FundingSource, Item, Plan, PlanNode } from '../plan/model';
import { yearsOf } from '../plan/model';
import { computeTotals, type PlanTotals, type RowTotals } from '../plan/totals';
import type { Amounts, Sheet } from './context';
import { addCoded, emptyCell, newRow } from './context';
import { LAYOUT_MESSAGES, LayoutError } from './messages';
import type { CellSpec, RowSpec } from './sheetspec';
import { textStyleOf } from './styles';
import { flushRows } from './stream';

/** Arguments per SUM: Excel takes 255; 250 leaves a margin. */
const SUM_ARGS = EXCEL.maxSumArgs - 5;

/** A row laid out, and the exact values of its amount cells. */
export interface Emitted {
  r: number;
  vals: Amounts;
}

/** "SUM(F9:F12,F15)" over the given rows of one column; consecutive rows become ranges; long lists nest. */
export function sumFormula(col: number, rows: number[]): string {
  const f = sumText(col, rows);
  if (f.length > EXCEL.maxFormulaChars) {
    throw new LayoutError(LAYOUT_MESSAGES.formulaTooLong(colLetters(col), f.length), 'FORMULA_TOO_LONG');
  }
  return f;
}

/** sumFormula's text, whatever its length. */
function sumText(col: number, rows: number[]): string {
  if (rows.length === 0) return '0';
  const sorted = [...rows].sort((a, b) => a - b);
  const L = colLetters(col);
  const args: string[] = [];
  let start = sorted[0];
  let prev = start;
  const flush = () => args.push(start === prev ? `${L}${start + 1}` : `${L}${start + 1}:${L}${prev + 1}`);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === prev + 1) prev = sorted[i];
    else { flush(); start = prev = sorted[i]; }
  }
  flush();
  let level = args;
  while (level.length > SUM_ARGS) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += SUM_ARGS) next.push(`SUM(${level.slice(i, i + SUM_ARGS).join(',')})`);
    level = next;
  }
  return `SUM(${level.join(',')})`;
}

/**
 * "SUBTOTAL(9,F10:F250)": the sum of the rows from..to of one column, skipping the cells that are SUBTOTAL formulas
 * themselves (Excel and LibreOffice both do) — in subtotal mode every row that sums rows below it is one, so each
 * leaf amount is added once however deep it sits. Short for any number of rows.
 */
export function subtotalFormula(col: number, from: number, to: number): string {
  if (to < from) return '0';
  const L = colLetters(col);
  return from === to ? `SUBTOTAL(9,${L}${from + 1})` : `SUBTOTAL(9,${L}${from + 1}:${L}${to + 1})`;
}

/**
 * The core's totals of the plan (totals.ts: items read as years, sources, also from the split or the source text,
 * split), after refusing what the layout would otherwise drop silently: a source not in the plan's list, an amount
 * in a year outside the plan.
 */
export function checkedTotals(plan: Plan, items: readonly Item[]): PlanTotals {
  const knownSources = new Set(plan.sources.map((s) => s.code));
  const planYears = new Set(yearsOf(plan.years));
  // a record's year keys are canonical integer strings: the plan's years as such are accepted without parseInt
  const planYearKeys = new Set([...planYears].map(String));
  for (const it of items) {
    // for…in: the own keys Object.keys gives, in the same order, without an array per item (source codes are not
    // integer-like, so V8 enumerates them from its cache; year keys are, and stay with Object.keys)
    for (const c in it.amounts.sources) {
      if (!knownSources.has(c)) throw new LayoutError(LAYOUT_MESSAGES.itemSourceUnknown(it.tt, it.name, c), 'UNKNOWN_SOURCE');
    }
    for (const y of Object.keys(it.amounts.years)) {
      if (!planYearKeys.has(y) && !planYears.has(parseInt(y, 10)) && !it.amounts.years[parseInt(y, 10)].isZero()) {
        throw new LayoutError(LAYOUT_MESSAGES.itemYearOutsidePlan(it.tt, it.name, y), 'YEAR_OUTSIDE_PLAN');
      }
    }
  }
  const T = computeTotals(plan);
  for (const c of Object.keys(T.grand.sources)) {
    if (!knownSources.has(c)) throw new LayoutError(LAYOUT_MESSAGES.sourceUnknown(c), 'UNKNOWN_SOURCE');
  }
  return T;
}

export function nonZeroSources(r: RowTotals): string[] {
  const out: string[] = [];
  for (const c in r.sources) if (!r.sources[c].isZero()) out.push(c);
  return out;
}

function hasKeys(o: object): boolean {
  for (const _k in o) return true;
  return false;
}

const numCell = (d: Dec | undefined, s: string): CellSpec => (d === undefined ? emptyCell(s) : { t: 'num', v: plain(d), s });

/**
 * Column `col` summed over the children's rows: SUM of those rows, or in subtotal mode SUBTOTAL over `span` (the
 * rows under the summing row that hold its descendants). Its value goes into `out`. A SUM too long for Excel marks
 * the sheet `overflow` (layoutPlan then lays the sheet out again in subtotal mode).
 */
export function sumCell(
  sh: Sheet, col: number, childRows: number[], childVals: Amounts[], s: string, out: Amounts, span: [number, number],
): CellSpec {
  const v = sum(childVals.map((m) => m.get(col)));
  out.set(col, v);
  let f: string;
  if (sh.subtotals) f = subtotalFormula(col, span[0], span[1]);
  else {
    f = sumText(col, childRows);
    if (f.length > EXCEL.maxFormulaChars) sh.overflow = true;
  }
  return { t: 'formula', f, result: plain(v), s };
}

/**
 * Total of an item (or split) row: SUM of its year cells when it has years, SUM of its source cells when it has
 * sources only, a live SUM of the (empty) year cells when it has nothing yet; otherwise (its amounts sit in columns
 * this layout does not show, or only a stated total) the core's total as a number.
 */
export function totalCell(
  sh: Sheet, r: number, vals: Amounts, s: string, core: Dec, hasYears: boolean, hasSources: boolean, stated: boolean,
): CellSpec | undefined {
  const { totalCol, yearCols, sourceCols } = sh;
  if (totalCol === undefined) return undefined;
  let parts: number[] | undefined;
  if (yearCols.length > 0 && hasYears) parts = yearCols;
  else if (sourceCols.length > 0 && hasSources && !hasYears) parts = sourceCols;
  else if (yearCols.length > 0 && !hasYears && !hasSources && !stated) parts = yearCols;
  if (!parts) {
    if (core.isZero() && !stated && !hasYears && !hasSources) return emptyCell(s);
    vals.set(totalCol, core);
    return numCell(core, s);
  }
  const acc = new ExactSum();
  for (const c of parts) { const d = vals.get(c); if (d) acc.add(d); }
  const v = acc.value();
  vals.set(totalCol, v);
  const first = parts[0];
  const last = parts[parts.length - 1];
  const contiguous = last - first === parts.length - 1;
  const f = contiguous ? `SUM(${a1(r, first)}:${a1(r, last)})` : `SUM(${parts.map((c) => a1(r, c)).join(',')})`;
  return { t: 'formula', f, result: plain(v), s };
}

function itemTexts(s: Sheet, row: RowSpec, it: Item): void {
  s.cols.forEach((c, i) => {
    if (c.kind !== 'text') return;
    let v: string | undefined;
    switch (c.slot) {
      case 'period': v = it.period ? (it.period.from === it.period.to ? String(it.period.from) : `${it.period.from}-${it.period.to}`) : undefined; break;
      default: v = (it as unknown as Record<string, string | undefined>)[c.slot];
    }
    const st = textStyleOf(c.slot, 'item');
    row.cells[i] = v !== undefined && v !== '' ? { t: 'text', v, s: st } : emptyCell(st);
  });
}

/** The amounts of a leaf item financed by one source (or without the breakdown): values, and the total's formula. */
function fillLeafAmounts(s: Sheet, r: number, row: RowSpec, it: Item, R: RowTotals, srcs: string[], vals: Amounts): void {
  const { cols, yearCols, sourceCols, totalCol } = s;
  let yearFound = false;
  for (const c of yearCols) {
    const d = R.years[cols[c].year as number];
    row.cells[c] = numCell(d, 'itemNum');
    if (d !== undefined) { vals.set(c, d); yearFound = true; }
  }
  for (const c of sourceCols) {
    const d = R.sources[(cols[c].source as FundingSource).code];
    row.cells[c] = numCell(d, 'itemNum');
    if (d !== undefined) vals.set(c, d);
  }
  fillPlanAmounts(s, row, it, R, vals);
  if (s.withBreakdown) {
    row.cells[s.codeCol] = srcs.length === 1 ? { t: 'text', v: srcs[0], s: 'code' } : emptyCell('code');
    if (srcs.length === 1) addCoded(s, srcs[0], vals);
  }
  // a year shown is a key of R.years; only without one are the keys enumerated (V8 makes integer-like keys' strings)
  const hasYears = yearFound || hasKeys(R.years);
  const tc = totalCell(s, r, vals, 'itemNum', R.total, hasYears, hasKeys(R.sources), it.amounts.total !== undefined);
  if (!tc || totalCol === undefined) return;
  row.cells[totalCol] = tc;
  // One source whose amount is the item's year total: the source cell follows the total, so an officer who
  // edits a year amount sees the source column, the group's and the grand total's source cells follow too.
  // A source amount that disagrees with the years stays as typed (the check reports ROW_SOURCES_SUM).
  const only = srcs.length === 1 ? sourceCols.find((c) => (cols[c].source as FundingSource).code === srcs[0]) : undefined;
  const sv = only === undefined ? undefined : vals.get(only);
  if (only !== undefined && sv !== undefined && tc.t === 'formula' && yearCols.length > 0 && hasYears
    && sv.eq(vals.get(totalCol) as Dec)) {
    row.cells[only] = { t: 'formula', f: a1(r, totalCol), result: plain(sv), s: 'itemNum' };
  }
}

/** "Tổng mức đầu tư" and "Kinh phí năm kế hoạch": values as stated. */
function fillPlanAmounts(s: Sheet, row: RowSpec, it: Item, R: RowTotals, vals: Amounts): void {
  const ti = s.colOf.get('totalInvestment');
  if (ti !== undefined) { row.cells[ti] = numCell(it.amounts.totalInvestment, 'itemNum'); if (it.amounts.totalInvestment) vals.set(ti, R.totalInvestment); }
  const an = s.colOf.get('annual');
  if (an !== undefined) { row.cells[an] = numCell(it.amounts.annual, 'itemNum'); if (it.amounts.annual) vals.set(an, R.annual); }
}

/** One italic row of source `code` under a split item: its year values, their total, the source cell = that total. */
function splitRow(s: Sheet, R: RowTotals, code: string): Emitted {
  const { cols, yearCols, sourceCols, colOf } = s;
  const totalCol = s.totalCol as number;
  const src = s.plan.sources.find((x) => x.code === code) as FundingSource;
  const sr = newRow(s);
  const sv: Amounts = new Map();
  cols.forEach((c, i) => { if (c.kind === 'text') sr.row.cells[i] = emptyCell('splitText'); });
  const nameCol = colOf.get('name');
  if (nameCol !== undefined) sr.row.cells[nameCol] = { t: 'text', v: `- ${src.label}`, s: 'splitText' };
  for (const c of yearCols) {
    const d = R.split[code]?.[cols[c].year as number];
    sr.row.cells[c] = numCell(d, 'splitNum');
    if (d !== undefined) sv.set(c, d);
  }
  sr.row.cells[totalCol] = totalCell(s, sr.r, sv, 'splitNum', ZERO, true, false, false) as CellSpec;
  for (const c of sourceCols) {
    if ((cols[c].source as FundingSource).code === code) {
      const v = sv.get(totalCol) ?? ZERO;
      sr.row.cells[c] = { t: 'formula', f: a1(sr.r, totalCol), result: plain(v), s: 'splitNum' };
      sv.set(c, v);
    } else sr.row.cells[c] = emptyCell('splitNum');
  }
  for (const k of ['totalInvestment', 'annual'] as const) { const ci = colOf.get(k); if (ci !== undefined) sr.row.cells[ci] = emptyCell('splitNum'); }
  sr.row.cells[s.codeCol] = { t: 'text', v: code, s: 'code' };
  addCoded(s, code, sv);
  return { r: sr.r, vals: sv };
}

/** An item financed by several sources with a per-year split: its year cells SUM the split rows laid out under it. */
function fillSplitAmounts(s: Sheet, r: number, row: RowSpec, it: Item, R: RowTotals, srcs: string[], vals: Amounts): void {
  const { cols, yearCols, sourceCols } = s;
  fillPlanAmounts(s, row, it, R, vals);
  row.cells[s.codeCol] = emptyCell('code');
  const splitRows: number[] = [];
  const splitVals: Amounts[] = [];
  const splitTotalRow = new Map<string, number>();
  for (const code of srcs) {
    const sr = splitRow(s, R, code);
    splitRows.push(sr.r);
    splitVals.push(sr.vals);
    splitTotalRow.set(code, sr.r);
  }
  const span: [number, number] = [r + 1, s.rows.length - 1];
  for (const c of yearCols) row.cells[c] = sumCell(s, c, splitRows, splitVals, 'itemNum', vals, span);
  for (const c of sourceCols) {
    const code = (cols[c].source as FundingSource).code;
    const sr = splitTotalRow.get(code);
    if (sr === undefined) { row.cells[c] = emptyCell('itemNum'); continue; }
    const v = splitVals[splitRows.indexOf(sr)].get(c) ?? ZERO;
    vals.set(c, v);
    row.cells[c] = { t: 'formula', f: s.subtotals ? subtotalFormula(c, sr, sr) : a1(sr, c), result: plain(v), s: 'itemNum' };
  }
  const tc = totalCell(s, r, vals, 'itemNum', ZERO, true, true, false) as CellSpec;
  // In subtotal mode the item's total must not be added next to its split rows' totals: it too skips.
  if (s.subtotals && tc.t === 'formula') tc.f = subtotalFormula(s.totalCol as number, span[0], span[1]);
  row.cells[s.totalCol as number] = tc;
}

function leafItem(s: Sheet, T: PlanTotals, it: Item): Emitted {
  const { r, row } = newRow(s);
  s.roles.item.push(r);
  itemTexts(s, row, it);
  const R = T.rowOf(it);
  const vals: Amounts = new Map();
  const srcs = nonZeroSources(R);
  if (s.withBreakdown && srcs.length > 1) fillSplitAmounts(s, r, row, it, R, srcs, vals);
  else fillLeafAmounts(s, r, row, it, R, srcs, vals);
  return { r, vals };
}

/** A row whose every amount is the SUM of its children's rows (group, or item with sub-items). */
function parentRow(
  s: Sheet, T: PlanTotals, fillTexts: (row: RowSpec) => void, children: PlanNode[], role: 'group' | 'item', numStyle: string,
): Emitted {
  const { r, row } = newRow(s);
  s.roles[role].push(r);
  fillTexts(row);
  if (s.withBreakdown) row.cells[s.codeCol] = emptyCell('code');
  const childRows: number[] = [];
  const childVals: Amounts[] = [];
  for (const ch of children) {
    const res = nodeRows(s, T, ch);
    childRows.push(res.r);
    childVals.push(res.vals);
  }
  const vals: Amounts = new Map();
  const span: [number, number] = [r + 1, s.rows.length - 1];
  for (const c of s.amountCols) row.cells[c] = sumCell(s, c, childRows, childVals, numStyle, vals, span);
  return { r, vals };
}

/** The rows of one node and its descendants, in document order; returns the node's own row. */
function nodeRows(s: Sheet, T: PlanTotals, n: PlanNode): Emitted {
  if (n.kind === 'group') {
    return parentRow(s, T, (row) => {
      s.cols.forEach((c, i) => {
        if (c.kind !== 'text') return;
        const v = c.slot === 'tt' ? n.tt : c.slot === 'name' ? n.name : undefined;
        const st = n.level === 2 ? (c.slot === 'tt' ? 'group2Tt' : 'group2Text') : textStyleOf(c.slot, 'group');
        row.cells[i] = v ? { t: 'text', v, s: st } : emptyCell(st);
      });
    }, n.children, 'group', 'groupNum');
  }
  if (n.children && n.children.length > 0) return parentRow(s, T, (row) => itemTexts(s, row, n), n.children, 'item', 'itemNum');
  return leafItem(s, T, n);
}

/** The rows node `n` and its descendants take; `tooLong` is set when the children of some row would SUM past Excel's length. */
function rowsTaken(s: Sheet, T: PlanTotals, n: PlanNode, r: number, tooLong: { v: boolean }): number {
  const children = n.children ?? [];
  if (n.kind === 'item' && children.length === 0) {
    const srcs = s.withBreakdown ? nonZeroSources(T.rowOf(n)) : [];
    return 1 + (srcs.length > 1 ? srcs.length : 0);
  }
  return 1 + childRowsTaken(s, T, children, r + 1, tooLong);
}

/** The rows the nodes take laid out from row r; marks `tooLong` as rowsTaken does (for the list of nodes too). */
function childRowsTaken(s: Sheet, T: PlanTotals, nodes: readonly PlanNode[], r: number, tooLong: { v: boolean }): number {
  const at: number[] = [];
  let next = r;
  for (const ch of nodes) {
    at.push(next);
    next += rowsTaken(s, T, ch, next, tooLong);
  }
  // A SUM of fewer arguments than this fits whatever its columns and rows ("XFD1048576:XFD1048576," is 22 characters).
  if (!tooLong.v && nodes.length * 22 + 16 > EXCEL.maxFormulaChars) {
    tooLong.v = s.amountCols.some((c) => sumText(c, at).length > EXCEL.maxFormulaChars);
  }
  return next - r;
}

/** Whether some list of sibling nodes (the top-level nodes, or one node's children) is long enough that its SUM may not fit. */
function hasLongList(nodes: readonly PlanNode[]): boolean {
  // A SUM of fewer arguments than this fits whatever its columns and rows (as in childRowsTaken).
  const long = (n: number) => n * 22 + 16 > EXCEL.maxFormulaChars;
  if (long(nodes.length)) return true;
  const stack: PlanNode[] = [...nodes];
  while (stack.length) {
    const kids = (stack.pop() as PlanNode).children;
    if (!kids || kids.length === 0) continue;
    if (long(kids.length)) return true;
    for (const k of kids) if (k.children && k.children.length > 0) stack.push(k);
  }
  return false;
}

/**
 * Whether laying out the body from row `bodyStart` in normal mode would overflow (some SUM, the grand total's
 * included, longer than Excel takes): found from the rows each node takes, before any cell is made, so a plan of
 * thousands of groups is laid out once, in subtotal mode, not twice. A plan with no list of siblings long enough
 * for its SUM to overflow (most) is not walked row by row.
 */
export function bodyOverflows(s: Sheet, T: PlanTotals, bodyStart: number): boolean {
  if (!hasLongList(s.plan.nodes)) return false;
  const tooLong = { v: false };
  childRowsTaken(s, T, s.plan.nodes, bodyStart, tooLong);
  return tooLong.v;
}

/** The table body: the top-level rows (groups, or the items of a flat list), and the body's first and last rows. */
export function layoutBody(s: Sheet, T: PlanTotals): { top: Emitted[]; bodyStart: number; bodyEnd: number } {
  const bodyStart = s.rows.length;
  if (s.stream) s.stream.next = bodyStart;
  // With a RowSink, each top-level node's rows are handed over (stream.ts) as soon as it is laid out.
  const top = s.plan.nodes.map((n) => { const e = nodeRows(s, T, n); flushRows(s); return e; });
  return { top, bodyStart, bodyEnd: s.rows.length - 1 }; // bodyEnd < bodyStart when the plan has no rows
}
