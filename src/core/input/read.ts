/**
 * A filled input sheet → Plan, in steps: find the header (sheet.ts), map its columns and read the info block and
 * the band above it (readTop.ts), read the data rows into groups and items (here), then assemble the plan.
 * Every problem is collected (problems.ts) and thrown together as an InputSheetError: never a half plan.
 */
import type { Dec } from '../base/decimal';
import type { Grid, GridCell } from '../base/grid';
import type { FundingSource, Group, Item, LayoutPreset, Plan, PlanMeta, PlanNode, RowAmounts, Unit, YearSpan } from '../plan/model';
import { SettingError, parseYearSpan } from '../plan/settings';
import { fold } from '../text/fold';
import { type TTInfo, classifyTT, letterIndex } from '../text/numbering';
import { formatVi, parseAmount } from '../text/numbers';
import { INPUT_MESSAGES as M } from './messages';
import { type InputProblem, InputSheetError, type ReadContext, note, problem } from './problems';
import { type Columns, type Info, mapColumns, readBand, readInfo } from './readTop';
import { INPUT_HEADERS, cellText, defaultTitle, findInputHeader } from './sheet';

export interface InputReadOptions {
  /** Overrides the preset the sheet names. */
  preset?: LayoutPreset;
  /** Unit when the sheet states none (default "triệu đồng"). */
  unit?: Unit;
  /** Stop after this many problems (default 50). */
  maxProblems?: number;
  /**
   * Filled with notes that do not stop the read: text amounts that could be read another way ("1,234", "5.8",
   * "1,234.5"). "1.559" (Vietnamese thousands) is the expected form and gets no note.
   */
  notes?: InputProblem[];
}

/**
 * A filled input sheet → Plan. Groups come from TT (I, II... level 1; A, B... level 2), items are numbered rows,
 * sub-items 1.1, 1.2; blank rows are skipped; amounts may be numbers or text ("1.559", "4.967,667", "1,8 tỷ").
 * Every problem is collected (up to maxProblems) and thrown together as an InputSheetError: never a half plan.
 */
export function planFromInputGrid(grid: Grid, opts: InputReadOptions = {}): Plan {
  const ctx: ReadContext = { grid, problems: [], max: opts.maxProblems ?? 50, notes: opts.notes };
  const header = findInputHeader(grid);
  if (header === undefined) {
    throw new InputSheetError([{ message: M.notInputSheet(grid.sheet, INPUT_HEADERS.tt, INPUT_HEADERS.name) }], grid.sheet);
  }
  const cols = mapColumns(ctx, header);
  const info = readInfo(ctx, header);
  const unit = info.unit ?? opts.unit ?? 'triệu đồng';
  const band = readBand(ctx, header, cols);
  const tree = readRows(ctx, header, cols, unit);
  // An item with sub-items takes their sum: its own row must not carry amounts.
  for (const [it, r] of tree.itemRow) {
    if (it.children && it.children.length > 0 && hasAny(it.amounts)) problem(ctx, r, undefined, M.parentHasAmount(it.tt));
  }
  if (tree.itemRow.size === 0 && tree.groups === 0 && ctx.problems.length === 0) {
    problem(ctx, header, undefined, M.noItems(header + 2));
  }
  if (ctx.problems.length > 0) throw new InputSheetError(ctx.problems, grid.sheet);
  return assemblePlan(tree, { info, unit, cols, ...band, preset: opts.preset });
}

// ---------------------------------------------------------------------------------------------
// Data rows → groups and items

const STOP_ROW = /^(trong do)\b/;
const TOTAL_ROW = /^(tong cong|cong|tong so|tong)\b:?$/;

const TEXT_ROLES = ['status', 'lead', 'coordinating', 'objective', 'scale', 'notes', 'code', 'sourceText'] as const;

/** The tree the data rows build, and the state of the walk down them. */
interface Tree {
  nodes: PlanNode[];
  /** Open groups: level 1, and level 2 under it. */
  l1?: Group;
  l2?: Group;
  /** Index of the open level-2 group's letter, counted with and without Đ (to tell letter I from Roman I). */
  lastLetter?: { withDj: number; noDj: number };
  /** Items by TT in the current container, for attaching sub-items (1.1 under 1). */
  recent: Map<string, Item>;
  /** Number given to the next item without TT. */
  autoNo: number;
  groups: number;
  /** The 0-based row of each item read. */
  itemRow: Map<Item, number>;
}

/** One non-blank data row. */
interface DataRow {
  r: number;
  cells: (GridCell | null | undefined)[];
  tt: string;
  name: string;
  t: TTInfo;
  amounts: RowAmounts;
  /** Column of the row's first non-zero amount. */
  amountCol?: number;
}

type AmountCol = { col: number; put: (a: RowAmounts, d: Dec) => void };

function amountColumns(cols: Columns): AmountCol[] {
  const out: AmountCol[] = [
    ...cols.years.map((y) => ({ col: y.col, put: (a: RowAmounts, d: Dec) => { a.years[y.year] = d; } })),
    ...cols.sources.map((s) => ({ col: s.col, put: (a: RowAmounts, d: Dec) => { a.sources[s.code] = d; } })),
  ];
  const tCol = cols.byRole.get('total');
  if (tCol !== undefined) out.push({ col: tCol, put: (a, d) => { a.total = d; } });
  const tiCol = cols.byRole.get('totalInvestment');
  if (tiCol !== undefined) out.push({ col: tiCol, put: (a, d) => { a.totalInvestment = d; } });
  return out;
}

function readRows(ctx: ReadContext, header: number, cols: Columns, unit: Unit): Tree {
  const tree: Tree = { nodes: [], recent: new Map(), autoNo: 0, groups: 0, itemRow: new Map() };
  const amountCols = amountColumns(cols);
  const ttCol = cols.byRole.get('tt');
  const nameCol = cols.byRole.get('name');
  for (let r = header + 1; r < ctx.grid.cells.length; r++) {
    const cells = ctx.grid.cells[r];
    if (!cells || cells.every((c) => !c || (cellText(c) === '' && !c.error))) continue;
    const tt = ttCol !== undefined ? cellText(cells[ttCol]) : '';
    const name = nameCol !== undefined ? cellText(cells[nameCol]) : '';
    const fname = fold(name);
    if (tt === '' && STOP_ROW.test(fname)) break;
    if (tt === '' && TOTAL_ROW.test(fname)) continue;

    const amounts: RowAmounts = { years: Object.create(null), sources: Object.create(null) };
    let amountCol: number | undefined;
    for (const ac of amountCols) {
      const d = readAmount(ctx, r, ac.col, unit);
      if (d !== undefined && !d.isZero()) {
        ac.put(amounts, d);
        amountCol ??= ac.col;
      }
    }
    const t = classifyTT(tt);
    if (t.kind === 'letter' && !t.lower && t.wrongLetter) {
      problem(ctx, r, ttCol, M.wrongLetter(tt));
      continue;
    }
    const row: DataRow = { r, cells, tt, name, t, amounts, amountCol };
    const level = groupLevel(tree, t);
    if (level !== undefined) addGroup(ctx, tree, row, level, nameCol);
    else addItem(ctx, tree, row, cols);
  }
  return tree;
}

/** 1 for I, II...; 2 for A, B...; undefined for an item's TT. */
function groupLevel(tree: Tree, t: TTInfo): 1 | 2 | undefined {
  // I, V, X, L, C, D, M are letters too: a letter when it continues the open A, B, C... series.
  if (t.kind === 'roman' && !t.lower) return tree.l2 && tree.lastLetter && isNextLetter(t.core, tree.lastLetter) ? 2 : 1;
  if (t.kind === 'letter' && !t.lower) return 2;
  return undefined;
}

function isNextLetter(core: string, last: { withDj: number; noDj: number }): boolean {
  const w = letterIndex(core);
  const n = letterIndex(core, { withDj: false });
  return (w !== undefined && w === last.withDj + 1) || (n !== undefined && n === last.noDj + 1);
}

function addGroup(ctx: ReadContext, tree: Tree, row: DataRow, level: 1 | 2, nameCol: number | undefined): void {
  const { r, tt, name, t } = row;
  if (name === '') problem(ctx, r, nameCol, M.groupNoName(tt));
  if (row.amountCol !== undefined) problem(ctx, r, row.amountCol, M.groupHasAmount(tt));
  const g: Group = { kind: 'group', level, tt: t.core, name, children: [] };
  tree.groups++;
  if (level === 1) {
    tree.nodes.push(g);
    tree.l1 = g;
    tree.l2 = undefined;
    tree.lastLetter = undefined;
  } else {
    (tree.l1?.children ?? tree.nodes).push(g);
    tree.l2 = g;
    const withDj = letterIndex(t.core) ?? 0;
    const noDj = letterIndex(t.core, { withDj: false }) ?? withDj - 1;
    tree.lastLetter = { withDj, noDj };
  }
  tree.recent = new Map();
  tree.autoNo = 0;
}

function addItem(ctx: ReadContext, tree: Tree, row: DataRow, cols: Columns): void {
  const { r, tt, name, t } = row;
  const col = (role: string) => cols.byRole.get(role);
  if (name === '') problem(ctx, r, col('name'), tt ? M.itemNoName(tt) : M.rowNoName(INPUT_HEADERS.name));
  let itTT = tt;
  if (t.kind === 'number') itTT = t.core;
  else if (t.kind === 'none' && !t.bullet) itTT = String(++tree.autoNo);
  const it: Item = { kind: 'item', tt: itTT, name, amounts: row.amounts };
  if (t.kind === 'number' && t.ordinal !== undefined) tree.autoNo = t.ordinal;
  for (const k of TEXT_ROLES) {
    const c = col(k);
    if (c === undefined) continue;
    const cell = row.cells[c];
    if (cell?.error) {
      problem(ctx, r, c, M.cellError(cell.error));
      continue;
    }
    const v = cellText(cell);
    if (v !== '') it[k] = v;
  }
  const pc = col('period');
  const pt = pc !== undefined ? cellText(row.cells[pc]) : '';
  if (pt !== '' && pc !== undefined) {
    const span = parsePeriodCell(pt);
    if (span) it.period = span;
    else problem(ctx, r, pc, M.notPeriod(pt));
  }
  tree.itemRow.set(it, r);
  if (t.kind === 'dotted' && t.parts) {
    const parentTT = t.parts.slice(0, -1).join('.');
    const parent = tree.recent.get(parentTT);
    if (!parent) {
      problem(ctx, r, col('tt'), M.noParent(tt, parentTT));
      return;
    }
    it.tt = t.core;
    (parent.children ??= []).push(it);
  } else {
    ((tree.l2 ?? tree.l1)?.children ?? tree.nodes).push(it);
  }
  tree.recent.set(it.tt, it);
}

/** Read one amount cell; undefined when empty or zero-by-blank. Records problems. */
function readAmount(ctx: ReadContext, r: number, c: number, unit: Unit): Dec | undefined {
  const cell = ctx.grid.cells[r]?.[c];
  if (!cell) return undefined;
  if (cell.error) {
    problem(ctx, r, c, M.amountCellError(cell.error));
    return undefined;
  }
  if (cell.value === null || cell.value === undefined) {
    if (cell.formula !== undefined) problem(ctx, r, c, M.formulaNoValue(cell.formula));
    return undefined;
  }
  if (typeof cell.value === 'boolean') {
    problem(ctx, r, c, M.notAmount(String(cell.value)));
    return undefined;
  }
  const p = parseAmount(cell.value, { unit });
  if (p.kind === 'empty') return undefined;
  if (p.kind === 'invalid') {
    problem(ctx, r, c, M.notAmount(String(cell.value)));
    return undefined;
  }
  if (p.ambiguous && p.ambiguity !== 'dot-thousands') note(ctx, r, c, M.readAs(String(cell.value), formatVi(p.value), p.ambiguous));
  if (p.value.isNegative() && !p.value.isZero()) {
    problem(ctx, r, c, M.negativeAmount(String(cell.value)));
    return undefined;
  }
  return p.value;
}

function parsePeriodCell(t: string): YearSpan | undefined {
  const s = t.replace(/^(giai đoạn|năm)\s*/iu, '').trim();
  try {
    return parseYearSpan(s);
  } catch (e) {
    if (e instanceof SettingError) return undefined;
    throw e;
  }
}

function hasAny(a: RowAmounts): boolean {
  return Object.keys(a.years).length > 0 || Object.keys(a.sources).length > 0 || a.total !== undefined || a.totalInvestment !== undefined;
}

// ---------------------------------------------------------------------------------------------
// The plan

interface Top {
  info: Info;
  unit: Unit;
  cols: Columns;
  sources: FundingSource[];
  yearsLabel: string;
  /** Overrides the preset the sheet names. */
  preset?: LayoutPreset;
}

function assemblePlan(tree: Tree, top: Top): Plan {
  const { info, cols } = top;
  const yearNums = cols.years.map((y) => y.year);
  const years = yearNums.length ? { from: yearNums[0], to: yearNums[yearNums.length - 1] } : undefined;
  const hasTotalInvestment = cols.byRole.has('totalInvestment');
  const preset = top.preset ?? info.preset ?? (years ? (years.from === years.to && hasTotalInvestment ? 'annual' : 'medium-term') : 'flat');
  const meta: PlanMeta = { title: info.title ?? defaultTitle(years), unit: top.unit };
  if (info.appendixNo) meta.appendixNo = info.appendixNo;
  if (info.attachedTo) meta.attachedTo = info.attachedTo.replace(/^\((.*)\)$/s, '$1').trim();
  if (top.yearsLabel && top.yearsLabel !== 'Dự kiến phân kỳ') meta.yearsLabel = top.yearsLabel;
  const plan: Plan = { meta, sources: top.sources, nodes: tree.nodes, preset };
  if (years) plan.years = years;
  const planYear = info.planYear ?? (preset === 'annual' && years && years.from === years.to ? years.from : undefined);
  if (planYear !== undefined) plan.planYear = planYear;
  // An annual plan: the plan year's column is the "Kinh phí năm ..." amount of each item.
  if (preset === 'annual' && planYear !== undefined) {
    for (const it of tree.itemRow.keys()) {
      const v = it.amounts.years[planYear];
      if (v !== undefined && it.amounts.annual === undefined) {
        it.amounts.annual = v;
        delete it.amounts.years[planYear];
      }
    }
  }
  return plan;
}
