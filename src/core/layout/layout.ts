/**
 * Plan → SheetSpec: the standard "Danh mục dự án" appendix, laid out once as data.
 *
 * Anatomy (seed 000, Sóc Trăng 2021-2025; heading per Decree 30/2020/NĐ-CP):
 *   PHỤ LỤC 02                                   (bold, centred)
 *   DANH MỤC CÁC DỰ ÁN ...                       (bold, capitals)
 *   (Kèm theo Kế hoạch số ... của ...)           (italic)
 *                                 ĐVT: Triệu đồng (italic, right)
 *   two-row header: descriptive columns span both rows; "Dự kiến phân kỳ" over the years, "Nguồn vốn" over sources
 *   optional column-number row (1) (2) ...
 *   group rows (bold, subtotal formulas), items, sub-items, "Tổng cộng", "Trong đó:" one row per source by year,
 *   optional "Bằng chữ: ..." line.
 *
 * Live formulas (a user who edits an amount sees every total follow):
 *   - item total = SUM of its year cells (of its source cells when the layout has no years);
 *     year cells of an item hold values; the source cell of a single-source item whose amount equals its year total
 *     refers to that total (=K9), other source cells hold values;
 *   - item with sub-items, group row = SUM of its CHILDREN's rows per column (never grandchildren);
 *   - grand total = SUM of the top-level rows (groups, or items of a flat list), never groups and items of groups;
 *   - "Trong đó" row of source S, year Y = SUMIF(<source-code column>, S, <year Y column>) over the table body.
 *
 * The "Trong đó" representation: every leaf item row carries the code of its single funding source in a "Mã nguồn"
 * column placed just right of the table, outside the print area (visible and editable on screen, with a list
 * validation, never printed); each "Trong đó" row carries its own code in that column and its year cells are
 * SUMIF over the codes. This is exact (an item belongs to one source, so its year amounts are that source's) and an
 * officer who edits a year amount, or moves an item to another source by changing its code, sees the breakdown
 * follow. An item financed by several sources with a per-year split (RowAmounts.split) gets one italic row per source
 * under it ("- Ngân sách trung ương"), each with its own code; the item's year cells then SUM those rows, and its
 * source cells point at their totals. An item with several sources and no split makes the breakdown undetermined:
 * with breakdown 'auto' the "Trong đó" rows are left out, with 'always' a LayoutError is thrown.
 *
 * Item values are read the way the core's totals (totals.ts, computeTotals) read them: years, sources (also derived
 * from the split or from a source text naming one source), split. Every formula cell carries `result`, the exact
 * decimal its formula gives over those values; the tests check that every group, item, total and breakdown cell equals
 * computeTotals, and LibreOffice's recalculation equals `result`.
 */
import { Dec, ZERO, plain, sum } from '../base/decimal';
import { a1, colLetters } from '../base/a1';
import type { CellRange } from '../base/grid';
import type { FieldKey, FundingSource, Item, LayoutPreset, Plan, PlanNode } from '../plan/model';
import { treeProblem, yearsOf } from '../plan/model';
import { formatVi } from '../text/numbers';
import type { CellSpec, CellStyle, RowSpec, SheetSpec } from './sheetspec';
import { computeTotals, type RowTotals } from '../plan/totals';
import { amountToWords, type WordsOptions } from '../text/words';

export type DescriptiveKey =
  | 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code'
  | 'sourceText';
/** A column slot of the layout: descriptive fields, or the year / source column blocks, or amount fields. */
export type ColumnSlot = DescriptiveKey | 'years' | 'total' | 'sources' | 'totalInvestment' | 'annual';

export const PRESET_COLUMNS: Readonly<Record<LayoutPreset, readonly ColumnSlot[]>> = {
  'medium-term': ['tt', 'name', 'status', 'lead', 'objective', 'years', 'total', 'sources', 'sourceText'],
  annual: ['tt', 'name', 'lead', 'status', 'objective', 'period', 'totalInvestment', 'sourceText', 'annual', 'notes'],
  flat: ['tt', 'name', 'lead', 'status', 'objective', 'period', 'total', 'sourceText'],
  completed: ['tt', 'name', 'objective', 'total', 'sourceText'],
};

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

export type LayoutErrorCode =
  | 'NO_COLUMNS' | 'UNKNOWN_SOURCE' | 'YEAR_OUTSIDE_PLAN' | 'BREAKDOWN_UNDETERMINED' | 'FORMULA_TOO_LONG'
  | 'TOO_MANY_ROWS' | 'TOO_PRECISE' | 'TEXT_TOO_LONG' | 'BAD_TREE';

/** A plan that cannot be laid out; `message` is one Vietnamese sentence. */
export class LayoutError extends Error {
  constructor(message: string, public readonly code: LayoutErrorCode) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** Excel limits. */
const MAX_ROWS = 1_048_576;
/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;
/** Excel keeps and shows 15 significant digits: an amount or total needing more would be shown rounded. */
const MAX_SIGNIFICANT_DIGITS = 15;
const MAX_FORMULA_CHARS = 8192;
const MAX_SUM_ARGS = 250;

// Decree 30/2020/NĐ-CP, Phụ lục I, mục II "Định lề trang văn bản (khổ A4)": top 20-25 mm, bottom 20-25 mm,
// left 30-35 mm, right 15-20 mm. We take top/bottom 20 mm, left 30 mm, right 15 mm (inches below).
const MM = 1 / 25.4;
export const DECREE_30_MARGINS = {
  top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 8 * MM, footer: 8 * MM,
} as const;

interface Col {
  slot: ColumnSlot;
  key: FieldKey;
  kind: 'text' | 'amount';
  header: string;
  width: number;
  year?: number;
  source?: FundingSource;
}

type Amounts = Map<number, Dec>; // column index → value

const DEFAULT_HEADERS: Record<LayoutPreset, Partial<Record<ColumnSlot, string>>> = {
  'medium-term': {
    name: 'Tên dự án', status: 'Dự án mới/ chuyển tiếp', objective: 'Mục tiêu', total: 'Tổng kinh phí dự kiến',
    sourceText: 'Ghi chú',
  },
  annual: {
    name: 'Tên dự án, đề án', status: 'Dự án, đề án mới hoặc chuyển tiếp', objective: 'Mục tiêu đầu tư',
    sourceText: 'Vốn đầu tư hoặc vốn sự nghiệp', total: 'Tổng kinh phí',
  },
  flat: {
    name: 'Tên nhiệm vụ, dự án', lead: 'Đơn vị chủ trì triển khai', status: 'Dự án/nhiệm vụ chuyển tiếp/mới',
    objective: 'Mục tiêu đầu tư', total: 'Tổng mức đầu tư/chi phí dự kiến', sourceText: 'Nguồn vốn',
  },
  completed: { name: 'Tên dự án', objective: 'Mục tiêu', total: 'Tổng kinh phí thực hiện', sourceText: 'Nguồn vốn' },
};

const COMMON_HEADERS: Partial<Record<ColumnSlot, string>> = {
  tt: 'TT', name: 'Tên dự án', status: 'Mới/ chuyển tiếp', lead: 'Đơn vị chủ trì', coordinating: 'Đơn vị phối hợp',
  period: 'Thời gian triển khai', objective: 'Mục tiêu', scale: 'Quy mô, nội dung đầu tư', notes: 'Ghi chú',
  code: 'Mã dự án', sourceText: 'Nguồn vốn', total: 'Tổng kinh phí', totalInvestment: 'Tổng mức đầu tư',
};

const DEFAULT_WIDTHS: Record<DescriptiveKey, number> = {
  tt: 5, name: 26, status: 10, lead: 11, coordinating: 11, period: 10, objective: 32, scale: 24, notes: 16,
  code: 10, sourceText: 14,
};

export function presetOf(plan: Plan, opts: LayoutOptions = {}): LayoutPreset {
  return opts.preset ?? plan.preset ?? (plan.years ? 'medium-term' : 'flat');
}

/** Every item with amounts, depth first (sub-items included). */
function forEachItem(nodes: PlanNode[], f: (it: Item) => void): void {
  for (const n of nodes) {
    if (n.kind === 'group') forEachItem(n.children, f);
    else {
      f(n);
      if (n.children) forEachItem(n.children, f);
    }
  }
}

function nonZeroSources(r: RowTotals): string[] {
  return Object.keys(r.sources).filter((c) => !r.sources[c].isZero());
}

function hasKeys(o: object): boolean {
  for (const _k in o) return true;
  return false;
}

/** Decimal places the number format needs (max over every amount of the plan, at most 6). */
export function decimalsOf(plan: Plan): number {
  let dp = 0;
  const see = (d: Dec | undefined) => { if (d) dp = Math.max(dp, d.decimalPlaces()); };
  forEachItem(plan.nodes, (it) => {
    const a = it.amounts;
    Object.values(a.years).forEach(see);
    Object.values(a.sources).forEach(see);
    see(a.total); see(a.totalInvestment); see(a.annual);
    if (a.split) Object.values(a.split).forEach((m) => Object.values(m).forEach(see));
  });
  return Math.min(dp, 6);
}

export function numFmtFor(dp: number): string {
  return dp > 0 ? `#,##0.${'0'.repeat(dp)}` : '#,##0';
}

/** vi-VN display of an exact amount (for width estimates). */
function viLength(d: Dec, dp: number): number {
  const int = d.abs().trunc().toFixed();
  return int.length + Math.floor((int.length - 1) / 3) + (dp > 0 ? dp + 1 : 0) + (d.isNegative() ? 1 : 0);
}

function buildColumns(plan: Plan, preset: LayoutPreset, opts: LayoutOptions): Col[] {
  const slots = [...new Set(opts.columns ?? PRESET_COLUMNS[preset])];
  const headers = { ...COMMON_HEADERS, ...DEFAULT_HEADERS[preset], ...opts.headers };
  const widths = opts.widths ?? {};
  const cols: Col[] = [];
  for (const slot of slots) {
    if (slot === 'years') {
      for (const y of yearsOf(plan.years)) {
        cols.push({ slot, key: `year:${y}`, kind: 'amount', header: String(y), width: widths.years ?? 0, year: y });
      }
    } else if (slot === 'sources') {
      for (const s of plan.sources) {
        cols.push({ slot, key: `source:${s.code}`, kind: 'amount', header: s.label || s.code, width: widths.sources ?? 0, source: s });
      }
    } else if (slot === 'total' || slot === 'totalInvestment' || slot === 'annual') {
      const header = slot === 'annual'
        ? headers.annual ?? (plan.planYear !== undefined ? `Kinh phí thực hiện năm ${plan.planYear}` : 'Kinh phí năm kế hoạch')
        : headers[slot] ?? slot;
      cols.push({ slot, key: slot, kind: 'amount', header, width: widths[slot] ?? 0 });
    } else {
      cols.push({ slot, key: slot, kind: 'text', header: headers[slot] ?? slot, width: widths[slot] ?? DEFAULT_WIDTHS[slot] });
    }
  }
  if (cols.length === 0) throw new LayoutError('Không có cột nào để trình bày bảng danh mục.', 'NO_COLUMNS');
  return cols;
}

// ---------- formula helpers ----------

/** "SUM(F9:F12,F15)" over the given rows of one column; consecutive rows become ranges; long lists nest. */
export function sumFormula(col: number, rows: number[]): string {
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
  while (level.length > MAX_SUM_ARGS) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += MAX_SUM_ARGS) next.push(`SUM(${level.slice(i, i + MAX_SUM_ARGS).join(',')})`);
    level = next;
  }
  const f = `SUM(${level.join(',')})`;
  if (f.length > MAX_FORMULA_CHARS) {
    throw new LayoutError(`Công thức cộng cột ${L} quá dài cho Excel (${f.length} ký tự): quá nhiều dòng con rời nhau.`, 'FORMULA_TOO_LONG');
  }
  return f;
}

// ---------- row height estimate ----------

/** Approximate printed lines of `text` in a cell `width` characters wide at `size` pt (greedy word wrap). */
export function estimateLines(text: string, width: number, size: number, bold = false): number {
  // Excel's width unit is the max digit width of the default font (Calibri 11: 7 px). Vietnamese text in Times New
  // Roman averages ~0.31 em per character, spaces included (bold ~0.34 em), measured on LibreOffice's rendering of
  // the Sóc Trăng objectives; 1 pt = 4/3 px.
  const avgPx = size * (4 / 3) * (bold ? 0.34 : 0.31);
  const cap = Math.max(1, Math.floor((width * 7 - 8) / avgPx));
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let n = 1;
    const place = (w: number) => {
      n += Math.ceil(w / cap) - 1;
      line = w % cap || cap;
    };
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (line === 0) place(w);
      else if (line + 1 + w <= cap) line += 1 + w;
      else { n++; place(w); }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

const lineHeight = (size: number) => size * 1.2;

// ---------- the layout ----------

export function layoutPlan(plan: Plan, opts: LayoutOptions = {}): SheetSpec {
  const problem = treeProblem(plan?.nodes ?? []);
  if (problem) throw new LayoutError(problem, 'BAD_TREE');
  const preset = presetOf(plan, opts);
  const cols = buildColumns(plan, preset, opts);
  const fontName = opts.fontName ?? 'Times New Roman';
  const hSize = opts.headingSize ?? 14;
  const tSize = opts.tableSize ?? 12;
  const dp = decimalsOf(plan);
  const numFmt = numFmtFor(dp);
  const nCols = cols.length;
  const lastCol = nCols - 1;
  const yearCols = cols.map((c, i) => (c.year !== undefined ? i : -1)).filter((i) => i >= 0);
  const sourceCols = cols.map((c, i) => (c.source ? i : -1)).filter((i) => i >= 0);
  const colOf = new Map<FieldKey, number>(cols.map((c, i) => [c.key, i]));
  const totalCol = colOf.get('total');
  const knownSources = new Set(plan.sources.map((s) => s.code));
  const planYears = new Set(yearsOf(plan.years));

  // Validate what would otherwise be silently dropped.
  forEachItem(plan.nodes, (it) => {
    for (const c of Object.keys(it.amounts.sources)) {
      if (!knownSources.has(c)) {
        throw new LayoutError(`Mục "${it.tt} ${it.name}" có nguồn vốn "${c}" không có trong danh sách nguồn vốn của kế hoạch.`, 'UNKNOWN_SOURCE');
      }
    }
    for (const y of Object.keys(it.amounts.years)) {
      if (!planYears.has(parseInt(y, 10)) && !it.amounts.years[parseInt(y, 10)].isZero()) {
        throw new LayoutError(`Mục "${it.tt} ${it.name}" có kinh phí năm ${y}, ngoài các năm của kế hoạch.`, 'YEAR_OUTSIDE_PLAN');
      }
    }
  });

  // Item values as the core reads them (totals.ts): years, sources (also from the split or the source text), split.
  const T = computeTotals(plan);
  for (const c of Object.keys(T.grand.sources)) {
    if (!knownSources.has(c)) {
      throw new LayoutError(`Nguồn vốn "${c}" không có trong danh sách nguồn vốn của kế hoạch.`, 'UNKNOWN_SOURCE');
    }
  }

  // Breakdown decision.
  const breakdownMode = opts.breakdown ?? 'auto';
  let breakdownOk = yearCols.length > 0 && sourceCols.length > 0 && totalCol !== undefined && T.inexactSources.size === 0;
  if (breakdownOk) {
    forEachItem(plan.nodes, (it) => {
      if (it.children && it.children.length > 0) return;
      const R = T.rowOf(it);
      const srcs = nonZeroSources(R);
      if (srcs.length > 1 && !srcs.every((c) => R.split[c])) breakdownOk = false;
    });
  }
  // SUMIF compares without case: two codes equal but for case cannot be told apart.
  const folded = plan.sources.map((x) => x.code.trim().toLocaleLowerCase('vi'));
  if (new Set(folded).size !== folded.length) breakdownOk = false;
  if (breakdownMode === 'always' && !breakdownOk) {
    throw new LayoutError('Không lập được dòng "Trong đó" theo nguồn vốn: cần có cột năm, cột nguồn vốn, và mỗi dự án nhiều nguồn phải chia kinh phí từng nguồn theo năm.', 'BREAKDOWN_UNDETERMINED');
  }
  const withBreakdown = breakdownMode !== 'never' && breakdownOk;
  const codeCol = withBreakdown ? nCols : -1;

  // ---- styles ----
  const f = (size: number, extra: Partial<CellStyle['font']> = {}) => ({ name: fontName, size, ...extra });
  const styles: Record<string, CellStyle> = {
    appendixNo: { font: f(hSize, { bold: true }), h: 'center', v: 'middle' },
    title: { font: f(hSize, { bold: true }), h: 'center', v: 'middle', wrap: true },
    attached: { font: f(hSize, { italic: true }), h: 'center', v: 'middle', wrap: true },
    unit: { font: f(tSize, { italic: true }), h: 'right', v: 'middle' },
    th: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    colNo: { font: f(tSize - 1, { italic: true }), h: 'center', v: 'middle', border: true },
    groupTt: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    groupText: { font: f(tSize, { bold: true }), h: 'left', v: 'middle', wrap: true, border: true },
    // level-2 groups (A, B, C... under I, II): bold italic, so the two levels read apart
    group2Tt: { font: f(tSize, { bold: true, italic: true }), h: 'center', v: 'middle', wrap: true, border: true },
    group2Text: { font: f(tSize, { bold: true, italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    groupNum: { font: f(tSize, { bold: true }), h: 'right', v: 'middle', border: true, numFmt },
    itemTt: { font: f(tSize), h: 'center', v: 'middle', wrap: true, border: true },
    itemText: { font: f(tSize), h: 'left', v: 'middle', wrap: true, border: true },
    itemCenter: { font: f(tSize), h: 'center', v: 'middle', wrap: true, border: true },
    itemNum: { font: f(tSize), h: 'right', v: 'middle', border: true, numFmt },
    splitText: { font: f(tSize, { italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    splitNum: { font: f(tSize, { italic: true }), h: 'right', v: 'middle', border: true, numFmt },
    totalText: { font: f(tSize, { bold: true }), h: 'center', v: 'middle', wrap: true, border: true },
    totalNum: { font: f(tSize, { bold: true }), h: 'right', v: 'middle', border: true, numFmt },
    bdHead: { font: f(tSize, { bold: true, italic: true }), h: 'left', v: 'middle', border: true },
    bdText: { font: f(tSize, { italic: true }), h: 'left', v: 'middle', wrap: true, border: true },
    bdNum: { font: f(tSize, { italic: true }), h: 'right', v: 'middle', border: true, numFmt },
    words: { font: f(hSize, { italic: true }), h: 'left', v: 'middle', wrap: true },
    codeHead: { font: f(tSize - 2, { italic: true, color: '808080' }), h: 'center', v: 'middle', wrap: true },
    code: { font: f(tSize - 2, { color: '808080' }), h: 'center', v: 'middle' },
  };
  const textStyleOf = (slot: ColumnSlot, role: 'group' | 'item' | 'split'): string => {
    if (role === 'group') return slot === 'tt' ? 'groupTt' : 'groupText';
    if (role === 'split') return 'splitText';
    return slot === 'tt' ? 'itemTt' : slot === 'status' || slot === 'period' ? 'itemCenter' : 'itemText';
  };

  const rows: RowSpec[] = [];
  const merges: CellRange[] = [];
  const roles = { header: [] as number[], group: [] as number[], item: [] as number[], total: [] as number[], breakdown: [] as number[] };
  const width = nCols + (withBreakdown ? 1 : 0);
  const newRow = (): { r: number; row: RowSpec } => {
    if (rows.length >= MAX_ROWS) throw new LayoutError('Bảng vượt quá số dòng tối đa của Excel (1.048.576).', 'TOO_MANY_ROWS');
    const row: RowSpec = { cells: new Array<CellSpec | null>(width).fill(null) };
    rows.push(row);
    return { r: rows.length - 1, row };
  };
  const mergeRow = (r: number, c0 = 0, c1 = lastCol) => { if (c1 > c0) merges.push({ r0: r, c0, r1: r, c1 }); };

  // ---- heading ----
  const appx = newRow();
  appx.row.cells[0] = { t: 'text', v: plan.meta.appendixNo ? `PHỤ LỤC ${plan.meta.appendixNo}` : 'PHỤ LỤC', s: 'appendixNo' };
  mergeRow(appx.r);
  const title = newRow();
  title.row.cells[0] = { t: 'text', v: plan.meta.title.toLocaleUpperCase('vi'), s: 'title' };
  mergeRow(title.r);
  if (plan.meta.attachedTo) {
    const at = newRow();
    const t = plan.meta.attachedTo.trim();
    at.row.cells[0] = { t: 'text', v: t.startsWith('(') && t.endsWith(')') ? t : `(${t})`, s: 'attached' };
    mergeRow(at.r);
  }
  const unitRow = newRow();
  const unitText = plan.meta.unit.charAt(0).toLocaleUpperCase('vi') + plan.meta.unit.slice(1);
  unitRow.row.cells[0] = { t: 'text', v: `ĐVT: ${unitText}`, s: 'unit' };
  mergeRow(unitRow.r);

  // ---- header ----
  const twoRows = yearCols.length > 0 || sourceCols.length > 0;
  const h1 = newRow();
  const h2 = twoRows ? newRow() : h1;
  roles.header.push(h1.r);
  if (twoRows) roles.header.push(h2.r);
  const border: CellSpec = { t: 'empty', s: 'th' };
  for (let c = 0; c < width; c++) {
    h1.row.cells[c] = { ...border };
    if (twoRows) h2.row.cells[c] = { ...border };
  }
  const bandHeader = (indices: number[], label: string) => {
    if (indices.length === 0) return;
    const c0 = indices[0];
    const c1 = indices[indices.length - 1];
    h1.row.cells[c0] = { t: 'text', v: label, s: 'th' };
    if (c1 > c0) merges.push({ r0: h1.r, c0, r1: h1.r, c1 });
    for (const c of indices) h2.row.cells[c] = { t: 'text', v: cols[c].header, s: 'th' };
  };
  cols.forEach((c, i) => {
    if (c.year !== undefined || c.source) return;
    h1.row.cells[i] = { t: 'text', v: c.header, s: 'th' };
    if (twoRows) merges.push({ r0: h1.r, c0: i, r1: h2.r, c1: i });
  });
  bandHeader(yearCols, plan.meta.yearsLabel ?? 'Dự kiến phân kỳ');
  bandHeader(sourceCols, plan.meta.sourcesLabel ?? 'Nguồn vốn');
  if (withBreakdown) {
    h1.row.cells[codeCol] = { t: 'text', v: 'Mã nguồn (không in)', s: 'codeHead' };
    if (twoRows) { h2.row.cells[codeCol] = { t: 'empty', s: 'codeHead' }; merges.push({ r0: h1.r, c0: codeCol, r1: h2.r, c1: codeCol }); }
  }
  let headerEnd = h2.r;
  if (opts.columnNumbers ?? true) {
    const no = newRow();
    cols.forEach((_c, i) => { no.row.cells[i] = { t: 'text', v: `(${i + 1})`, s: 'colNo' }; });
    roles.header.push(no.r);
    headerEnd = no.r;
  }
  const bodyStart = rows.length;

  // ---- body ----
  const itemTexts = (row: RowSpec, it: Item, role: 'item' | 'split') => {
    cols.forEach((c, i) => {
      if (c.kind !== 'text') return;
      let v: string | undefined;
      switch (c.slot) {
        case 'period': v = it.period ? (it.period.from === it.period.to ? String(it.period.from) : `${it.period.from}-${it.period.to}`) : undefined; break;
        default: v = (it as unknown as Record<string, string | undefined>)[c.slot];
      }
      row.cells[i] = v !== undefined && v !== '' ? { t: 'text', v, s: textStyleOf(c.slot, role) } : { t: 'empty', s: textStyleOf(c.slot, role) };
    });
  };
  const numCell = (d: Dec | undefined, s: string): CellSpec => (d === undefined ? { t: 'empty', s } : { t: 'num', v: plain(d), s });
  const sumCell = (col: number, childRows: number[], childVals: Amounts[], s: string, out: Amounts): CellSpec => {
    const v = sum(childVals.map((m) => m.get(col)));
    out.set(col, v);
    return { t: 'formula', f: sumFormula(col, childRows), result: plain(v), s };
  };
  /**
   * Total of an item (or split) row: SUM of its year cells when it has years, SUM of its source cells when it has
   * sources only, a live SUM of the (empty) year cells when it has nothing yet; otherwise (its amounts sit in columns
   * this layout does not show, or only a stated total) the core's total as a number.
   */
  const totalCell = (r: number, vals: Amounts, s: string, core: Dec, hasYears: boolean, hasSources: boolean, stated: boolean): CellSpec | undefined => {
    if (totalCol === undefined) return undefined;
    let parts: number[] | undefined;
    if (yearCols.length > 0 && hasYears) parts = yearCols;
    else if (sourceCols.length > 0 && hasSources && !hasYears) parts = sourceCols;
    else if (yearCols.length > 0 && !hasYears && !hasSources && !stated) parts = yearCols;
    if (!parts) {
      if (core.isZero() && !stated && !hasYears && !hasSources) return { t: 'empty', s };
      vals.set(totalCol, core);
      return numCell(core, s);
    }
    const v = sum(parts.map((c) => vals.get(c)));
    vals.set(totalCol, v);
    const first = parts[0];
    const last = parts[parts.length - 1];
    const contiguous = last - first === parts.length - 1;
    const f = contiguous ? `SUM(${a1(r, first)}:${a1(r, last)})` : `SUM(${parts.map((c) => a1(r, c)).join(',')})`;
    return { t: 'formula', f, result: plain(v), s };
  };

  const emitLeafItem = (it: Item): { r: number; vals: Amounts } => {
    const { r, row } = newRow();
    roles.item.push(r);
    itemTexts(row, it, 'item');
    const R = T.rowOf(it);
    const vals: Amounts = new Map();
    const srcs = nonZeroSources(R);
    const split = withBreakdown && srcs.length > 1;
    if (!split) {
      for (const c of yearCols) {
        const d = R.years[cols[c].year as number];
        row.cells[c] = numCell(d, 'itemNum');
        if (d !== undefined) vals.set(c, d);
      }
      for (const c of sourceCols) {
        const d = R.sources[(cols[c].source as FundingSource).code];
        row.cells[c] = numCell(d, 'itemNum');
        if (d !== undefined) vals.set(c, d);
      }
    }
    const ti = colOf.get('totalInvestment');
    if (ti !== undefined) { row.cells[ti] = numCell(it.amounts.totalInvestment, 'itemNum'); if (it.amounts.totalInvestment) vals.set(ti, R.totalInvestment); }
    const an = colOf.get('annual');
    if (an !== undefined) { row.cells[an] = numCell(it.amounts.annual, 'itemNum'); if (it.amounts.annual) vals.set(an, R.annual); }
    if (withBreakdown) row.cells[codeCol] = srcs.length === 1 ? { t: 'text', v: srcs[0], s: 'code' } : { t: 'empty', s: 'code' };
    if (!split) {
      const tc = totalCell(r, vals, 'itemNum', R.total, hasKeys(R.years), hasKeys(R.sources), it.amounts.total !== undefined);
      if (tc && totalCol !== undefined) {
        row.cells[totalCol] = tc;
        // One source whose amount is the item's year total: the source cell follows the total, so an officer who
        // edits a year amount sees the source column, the group's and the grand total's source cells follow too.
        // A source amount that disagrees with the years stays as typed (the check reports ROW_SOURCES_SUM).
        const only = srcs.length === 1 ? sourceCols.find((c) => (cols[c].source as FundingSource).code === srcs[0]) : undefined;
        const sv = only === undefined ? undefined : vals.get(only);
        if (only !== undefined && sv !== undefined && tc.t === 'formula' && yearCols.length > 0 && hasKeys(R.years)
          && sv.eq(vals.get(totalCol) as Dec)) {
          row.cells[only] = { t: 'formula', f: a1(r, totalCol), result: plain(sv), s: 'itemNum' };
        }
      }
      return { r, vals };
    }
    // Several sources with a per-year split: one italic row per source under the item.
    const splitRows: number[] = [];
    const splitVals: Amounts[] = [];
    const splitTotalRow = new Map<string, number>();
    for (const code of srcs) {
      const src = plan.sources.find((s) => s.code === code) as FundingSource;
      const sr = newRow();
      splitRows.push(sr.r);
      const sv: Amounts = new Map();
      cols.forEach((c, i) => { if (c.kind === 'text') sr.row.cells[i] = { t: 'empty', s: 'splitText' }; });
      const nameCol = colOf.get('name');
      if (nameCol !== undefined) sr.row.cells[nameCol] = { t: 'text', v: `- ${src.label}`, s: 'splitText' };
      for (const c of yearCols) {
        const d = R.split[code]?.[cols[c].year as number];
        sr.row.cells[c] = numCell(d, 'splitNum');
        if (d !== undefined) sv.set(c, d);
      }
      sr.row.cells[totalCol as number] = totalCell(sr.r, sv, 'splitNum', ZERO, true, false, false) as CellSpec;
      for (const c of sourceCols) {
        if ((cols[c].source as FundingSource).code === code) {
          const v = sv.get(totalCol as number) ?? ZERO;
          sr.row.cells[c] = { t: 'formula', f: a1(sr.r, totalCol as number), result: plain(v), s: 'splitNum' };
          sv.set(c, v);
        } else sr.row.cells[c] = { t: 'empty', s: 'splitNum' };
      }
      for (const k of ['totalInvestment', 'annual'] as const) { const ci = colOf.get(k); if (ci !== undefined) sr.row.cells[ci] = { t: 'empty', s: 'splitNum' }; }
      sr.row.cells[codeCol] = { t: 'text', v: code, s: 'code' };
      splitVals.push(sv);
      splitTotalRow.set(code, sr.r);
    }
    for (const c of yearCols) row.cells[c] = sumCell(c, splitRows, splitVals, 'itemNum', vals);
    for (const c of sourceCols) {
      const code = (cols[c].source as FundingSource).code;
      const sr = splitTotalRow.get(code);
      if (sr === undefined) { row.cells[c] = { t: 'empty', s: 'itemNum' }; continue; }
      const v = splitVals[splitRows.indexOf(sr)].get(c) ?? ZERO;
      vals.set(c, v);
      row.cells[c] = { t: 'formula', f: a1(sr, c), result: plain(v), s: 'itemNum' };
    }
    row.cells[totalCol as number] = totalCell(r, vals, 'itemNum', ZERO, true, true, false) as CellSpec;
    return { r, vals };
  };

  const amountCols = cols.map((c, i) => (c.kind === 'amount' ? i : -1)).filter((i) => i >= 0);

  /** A row whose every amount is the SUM of its children's rows (group, or item with sub-items). */
  const emitParent = (
    fillTexts: (row: RowSpec) => void, children: PlanNode[], role: 'group' | 'item', numStyle: string,
  ): { r: number; vals: Amounts } => {
    const { r, row } = newRow();
    roles[role].push(r);
    fillTexts(row);
    if (withBreakdown) row.cells[codeCol] = { t: 'empty', s: 'code' };
    const childRows: number[] = [];
    const childVals: Amounts[] = [];
    for (const ch of children) {
      const res = emitNode(ch);
      childRows.push(res.r);
      childVals.push(res.vals);
    }
    const vals: Amounts = new Map();
    for (const c of amountCols) row.cells[c] = sumCell(c, childRows, childVals, numStyle, vals);
    return { r, vals };
  };

  const emitNode = (n: PlanNode): { r: number; vals: Amounts } => {
    if (n.kind === 'group') {
      return emitParent((row) => {
        cols.forEach((c, i) => {
          if (c.kind !== 'text') return;
          const v = c.slot === 'tt' ? n.tt : c.slot === 'name' ? n.name : undefined;
          const st = n.level === 2 ? (c.slot === 'tt' ? 'group2Tt' : 'group2Text') : textStyleOf(c.slot, 'group');
          row.cells[i] = v ? { t: 'text', v, s: st } : { t: 'empty', s: st };
        });
      }, n.children, 'group', 'groupNum');
    }
    if (n.children && n.children.length > 0) {
      return emitParent((row) => itemTexts(row, n, 'item'), n.children, 'item', 'itemNum');
    }
    return emitLeafItem(n);
  };

  const top: { r: number; vals: Amounts }[] = plan.nodes.map((n) => emitNode(n));
  const bodyEnd = rows.length - 1; // may be < bodyStart when the plan has no rows

  // ---- grand total ----
  const tot = newRow();
  roles.total.push(tot.r);
  const grand: Amounts = new Map();
  cols.forEach((c, i) => {
    if (c.kind === 'text') tot.row.cells[i] = c.slot === 'name' ? { t: 'text', v: opts.totalLabel ?? 'Tổng cộng', s: 'totalText' } : { t: 'empty', s: 'totalText' };
  });
  if (colOf.get('name') === undefined) tot.row.cells[0] = { t: 'text', v: opts.totalLabel ?? 'Tổng cộng', s: 'totalText' };
  for (const c of amountCols) tot.row.cells[c] = sumCell(c, top.map((t) => t.r), top.map((t) => t.vals), 'totalNum', grand);
  if (withBreakdown) tot.row.cells[codeCol] = { t: 'empty', s: 'code' };

  // ---- "Trong đó" ----
  if (withBreakdown) {
    const head = newRow();
    roles.breakdown.push(head.r);
    cols.forEach((c, i) => { head.row.cells[i] = { t: 'empty', s: c.kind === 'text' ? 'bdText' : 'bdNum' }; });
    head.row.cells[colOf.get('name') ?? 0] = { t: 'text', v: 'Trong đó:', s: 'bdHead' };
    // exact values: per source, per year, over leaf rows carrying the code
    const leafCodes = new Map<number, string>();
    const leafVals = new Map<number, Map<number, Dec>>();
    rows.forEach((row, r) => {
      if (r < bodyStart || r > bodyEnd) return;
      const cc = row.cells[codeCol];
      if (cc && cc.t === 'text') leafCodes.set(r, cc.v);
    });
    // values of those leaf rows' year cells
    rows.forEach((row, r) => {
      if (!leafCodes.has(r)) return;
      const m = new Map<number, Dec>();
      for (const c of yearCols) {
        const cell = row.cells[c];
        if (cell && cell.t === 'num') m.set(c, new Dec(cell.v));
      }
      leafVals.set(r, m);
    });
    const codeRange = (c: number) => `$${colLetters(c)}$${bodyStart + 1}:$${colLetters(c)}$${Math.max(bodyEnd, bodyStart) + 1}`;
    for (const s of plan.sources) {
      const br = newRow();
      roles.breakdown.push(br.r);
      cols.forEach((c, i) => { br.row.cells[i] = { t: 'empty', s: c.kind === 'text' ? 'bdText' : 'bdNum' }; });
      br.row.cells[colOf.get('name') ?? 0] = { t: 'text', v: s.breakdownLabel ?? defaultBreakdownLabel(s), s: 'bdText' };
      br.row.cells[codeCol] = { t: 'text', v: s.code, s: 'code' };
      const vals: Amounts = new Map();
      for (const c of yearCols) {
        let v = ZERO;
        leafCodes.forEach((code, r) => { if (code === s.code) v = v.plus(leafVals.get(r)?.get(c) ?? ZERO); });
        vals.set(c, v);
        br.row.cells[c] = {
          t: 'formula',
          f: `SUMIF(${codeRange(codeCol)},${sumifCriterion(s.code, `$${colLetters(codeCol)}${br.r + 1}`)},${colLetters(c)}$${bodyStart + 1}:${colLetters(c)}$${Math.max(bodyEnd, bodyStart) + 1})`,
          result: plain(v),
          s: 'bdNum',
        };
      }
      br.row.cells[totalCol as number] = totalCell(br.r, vals, 'bdNum', ZERO, true, false, false) as CellSpec;
    }
  }

  // ---- "Bằng chữ" ----
  if (opts.words && totalCol !== undefined) {
    newRow(); // blank spacer
    const w = newRow();
    w.row.cells[0] = { t: 'text', v: wordsLine(grand.get(totalCol) ?? ZERO, plan.meta.unit, opts.words === true ? {} : opts.words), s: 'words' };
    mergeRow(w.r);
  }
  const lastRow = rows.length - 1;

  // ---- widths ----
  const maxLen = new Map<number, number>();
  const seeLen = (c: number, d: Dec | undefined) => { if (d) maxLen.set(c, Math.max(maxLen.get(c) ?? 0, viLength(d, dp))); };
  for (const c of amountCols) seeLen(c, grand.get(c));
  const seeAmount = (r: number, c: number, d: Dec) => {
    if (d.sd() > MAX_SIGNIFICANT_DIGITS) {
      throw new LayoutError(`Ô ${a1(r, c)}: số ${formatVi(d)} cần hơn ${MAX_SIGNIFICANT_DIGITS} chữ số có nghĩa; Excel chỉ giữ ${MAX_SIGNIFICANT_DIGITS} chữ số nên sẽ hiện sai. Hãy dùng đơn vị tính lớn hơn hoặc bớt chữ số thập phân.`, 'TOO_PRECISE');
    }
    seeLen(c, d);
  };
  rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    if (cell && cell.t === 'num') seeAmount(r, c, new Dec(cell.v));
    if (cell && cell.t === 'formula' && cell.result !== undefined) seeAmount(r, c, new Dec(cell.result));
  }));
  const widths = cols.map((c, i) => {
    if (c.kind === 'text') return c.width;
    const need = Math.ceil(((maxLen.get(i) ?? 4) + 1.5) * 1.25);
    const base = c.slot === 'years' || c.slot === 'sources' ? 9 : 10.5;
    return Math.max(c.width || base, need);
  });
  const columns = widths.map((w, i) => ({ width: w, key: cols[i].key }));
  if (withBreakdown) columns.push({ width: 9, key: 'sourceCode' as FieldKey });

  // ---- heights ----
  const widthOf = (c0: number, c1: number) => { let w = 0; for (let c = c0; c <= c1; c++) w += columns[c]?.width ?? 9; return w; };
  const mergeAt = new Map<string, CellRange>();
  for (const m of merges) mergeAt.set(`${m.r0},${m.c0}`, m);
  rows.forEach((row, r) => {
    let h = lineHeight(tSize) + 3;
    row.cells.forEach((cell, c) => {
      if (!cell || cell.t !== 'text') return;
      if (cell.v.length > MAX_CELL_TEXT) {
        throw new LayoutError(`Ô ${a1(r, c)}: văn bản dài ${formatVi(new Dec(cell.v.length))} ký tự, quá giới hạn ${formatVi(new Dec(MAX_CELL_TEXT))} ký tự của một ô Excel.`, 'TEXT_TOO_LONG');
      }
      const st = styles[cell.s ?? ''] ?? {};
      const size = st.font?.size ?? tSize;
      const m = mergeAt.get(`${r},${c}`);
      if (m && m.r1 > m.r0) return; // vertical merges handled below
      const w = m ? widthOf(m.c0, m.c1) : columns[c]?.width ?? 9;
      const lines = st.wrap || m ? estimateLines(cell.v, w, size, !!st.font?.bold) : 1;
      h = Math.max(h, lines * lineHeight(size) + 4);
    });
    row.height = Math.min(409, Math.round(h * 4) / 4);
  });
  // Vertical header merges: the two header rows together must hold the tallest header text.
  if (twoRows) {
    let need = 0;
    for (const m of merges) {
      if (m.r0 === h1.r && m.r1 === h2.r) {
        const cell = h1.row.cells[m.c0];
        if (cell && cell.t === 'text') need = Math.max(need, estimateLines(cell.v, widthOf(m.c0, m.c1), tSize, true) * lineHeight(tSize) + 6);
      }
    }
    const have = (h1.row.height ?? 0) + (h2.row.height ?? 0);
    if (need > have) h2.row.height = Math.min(409, Math.ceil(need - (h1.row.height ?? 0)));
  }

  const name = opts.sheetName ?? (plan.meta.appendixNo ? `Phụ lục ${plan.meta.appendixNo}` : 'Phụ lục');
  return {
    name,
    defaultFont: { name: fontName, size: tSize },
    columns,
    rows,
    merges,
    styles,
    freeze: { rows: headerEnd + 1, cols: colOf.has('name') ? (colOf.get('name') as number) + 1 : 0 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { ...DECREE_30_MARGINS },
      titleRows: { from: h1.r, to: headerEnd },
      area: { r0: 0, c0: 0, r1: lastRow, c1: lastCol },
      footer: 'Trang &P/&N',
    },
    validations: withBreakdown && bodyEnd >= bodyStart
      ? [{ range: { r0: bodyStart, c0: codeCol, r1: bodyEnd, c1: codeCol }, list: plan.sources.map((s) => s.code), prompt: 'Mã nguồn vốn của dự án (dùng cho các dòng "Trong đó")' }]
      : [],
    roles,
  };
}

/**
 * The SUMIF criterion matching exactly `code`: the code cell itself for plain codes; for a code SUMIF would read as
 * a pattern or a comparison (*, ?, ~, a leading <, >, =, or edge spaces) a literal "=code" with the wildcards escaped.
 */
export function sumifCriterion(code: string, cellRef: string): string {
  if (!/[*?~]|^[<>=]|^\s|\s$/.test(code)) return cellRef;
  return `"=${code.replace(/[~*?]/g, '~$&').replace(/"/g, '""')}"`;
}

/** "Tổng kinh phí: 441.115 triệu đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)." */
export function wordsLine(total: Dec, unit: Plan['meta']['unit'], opts: Omit<WordsOptions, 'unit'> = {}): string {
  return `Tổng kinh phí: ${formatVi(total)} ${unit} (Bằng chữ: ${amountToWords(total, { ...opts, unit })}).`;
}

/** "Tổng nguồn ngân sách trung ương" from the label "Ngân sách trung ương". */
export function defaultBreakdownLabel(s: FundingSource): string {
  const l = s.label || s.code;
  const lower = /^[A-ZĐ]{2,}/.test(l) ? l : l.charAt(0).toLocaleLowerCase('vi') + l.slice(1);
  return `Tổng nguồn ${lower}`;
}
