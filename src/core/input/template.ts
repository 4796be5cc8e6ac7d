/**
 * The input sheet ("Nhập liệu") officers fill in, and reading it back into a Plan.
 *
 * Sheet anatomy (0-based rows; `templateSpec` writes it, `planFromInputGrid` reads it back, tolerant of rows the
 * user inserts or deletes above the header, since every block is found by its words, not its position):
 *   row 0      title
 *   rows 1-7   "Thông tin phụ lục" block: label in column B, value in C (merged C:G) — Phụ lục số, Tiêu đề,
 *              Kèm theo, ĐVT, Mẫu phụ lục, Năm kế hoạch; the "Hướng dẫn" lines beside it, from column H.
 *   band row   over the header: "Dự kiến phân kỳ" over the years, each source's label over its code.
 *   header     TT | Tên dự án/nhiệm vụ | Mới/chuyển tiếp | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
 *              Mục tiêu | [Tổng mức đầu tư] | 2021 ... | NSTW ... | Nguồn vốn | Ghi chú
 *   data       one row per group or item.
 * Pure: no file formats here (the CLI reads and writes the workbook).
 */
import { Dec } from '../base/decimal';
import { a1 } from '../base/a1';
import type { Grid, GridCell } from '../base/grid';
import { plain } from '../base/decimal';
import { decimalsOf, estimateLines, numFmtFor } from '../layout/styles';
import type { FundingSource, Group, Item, LayoutPreset, Plan, PlanMeta, PlanNode, RowAmounts, Unit, YearSpan } from '../plan/model';
import { UNITS, yearsOf } from '../plan/model';
import { classifyTT, letterIndex } from '../text/numbering';
import { formatVi, parseAmount } from '../text/numbers';
import type { CellSpec, RowSpec, SheetSpec, ValidationSpec } from '../layout/sheetspec';
import { YEARS } from '../base/limits';
import {
  DEFAULTS, PRESET_LABELS, SOURCE_CODE_RE, SettingError, parsePresetText, parseSourceCodes, parseUnitText, parseYearSpan,
  standardSource, unitLabel,
} from '../plan/settings';
import { fold } from '../text/fold';

// ---------------------------------------------------------------------------------------------
// The input sheet as a SheetSpec

export const INPUT_SHEET_NAME = 'Nhập liệu';

/** Stable header titles of the input sheet (the reader also accepts close variants). */
export const INPUT_HEADERS = {
  tt: 'TT',
  name: 'Tên dự án/nhiệm vụ',
  status: 'Mới/chuyển tiếp',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  period: 'Thời gian thực hiện',
  objective: 'Mục tiêu',
  totalInvestment: 'Tổng mức đầu tư',
  total: 'Tổng kinh phí',
  sourceText: 'Nguồn vốn',
  notes: 'Ghi chú',
} as const;

export const INFO_LABELS = {
  appendixNo: 'Phụ lục số',
  title: 'Tiêu đề',
  attachedTo: 'Kèm theo',
  unit: 'ĐVT',
  preset: 'Mẫu phụ lục',
  planYear: 'Năm kế hoạch',
} as const;

export const STATUS_VALUES = ['Mới', 'Chuyển tiếp'];

export interface TemplateOptions {
  years?: YearSpan;
  sources?: FundingSource[];
  unit?: Unit;
  /** Sheet name; default "Nhập liệu". */
  name?: string;
  preset?: LayoutPreset;
  title?: string;
  appendixNo?: string;
  attachedTo?: string;
  /** Plan year of an annual plan (default: the single year of `years`). */
  planYear?: number;
  /** Pre-formatted empty data rows (after the plan's rows, if any); default 200, or 100 with a plan. */
  rows?: number;
  /** Fill the data rows with this plan (its years, sources, unit, title... unless given above). */
  plan?: Plan;
}

export function defaultTitle(years: YearSpan | undefined): string {
  if (!years) return 'Danh mục dự án, nhiệm vụ';
  return years.from === years.to
    ? `Danh mục dự án, nhiệm vụ năm ${years.from}`
    : `Danh mục dự án, nhiệm vụ giai đoạn ${years.from}-${years.to}`;
}

export const INSTRUCTIONS: readonly string[] = [
  'Mỗi dự án, nhiệm vụ ghi trên một dòng; cột TT đánh số 1, 2, 3... trong mỗi nhóm (dự án con: 1.1, 1.2...).',
  'Dòng nhóm: cột TT ghi I, II, III... (nhóm con: A, B, C...) và tên nhóm, không ghi số tiền; tổng nhóm tự tính.',
  'Số tiền ghi bằng số theo ĐVT ở trên (ví dụ 1.559 hoặc 4.967,667); ô để trống là 0.',
  'Mỗi năm một cột; các cột mã nguồn vốn (NSTW, NSĐP...) ghi số tiền của dự án theo từng nguồn.',
  'Thời gian thực hiện ghi dạng 2021-2025; cột "Nguồn vốn" ghi tên nguồn bằng chữ; có thể thêm dòng tùy ý.',
  'Không đổi tên các cột. Tạo phụ lục: danh-muc build <tệp này> -o phu-luc.xlsx',
];

const FONT = 'Times New Roman';

/** The input sheet. Pure; write it with the xlsx writer. */
export function templateSpec(opts: TemplateOptions = {}): SheetSpec {
  const plan = opts.plan;
  const years = opts.years ?? (plan ? plan.years : DEFAULTS.years);
  const sources = opts.sources ?? plan?.sources ?? parseSourceCodes(DEFAULTS.sourceCodes);
  const unit = opts.unit ?? plan?.meta.unit ?? 'triệu đồng';
  let yearList = yearsOf(years);
  const preset = opts.preset ?? plan?.preset ?? (yearList.length === 1 ? 'annual' : yearList.length > 0 ? 'medium-term' : 'flat');
  const planYear = opts.planYear ?? plan?.planYear ?? (preset === 'annual' && yearList.length === 1 ? yearList[0] : undefined);
  if (yearList.length === 0 && planYear !== undefined) yearList = [planYear];
  const dataRows = Math.max(1, Math.min(opts.rows ?? (plan ? 100 : 200), 100000));
  const amountFmt = plan ? numFmtFor(decimalsOf(plan)) : '#,##0';

  type Col = { key: string; title: string; width: number; kind: 'text' | 'tt' | 'amount' | 'period' };
  const cols: Col[] = [
    { key: 'tt', title: INPUT_HEADERS.tt, width: 6, kind: 'tt' },
    { key: 'name', title: INPUT_HEADERS.name, width: 42, kind: 'text' },
    { key: 'status', title: INPUT_HEADERS.status, width: 13, kind: 'text' },
    { key: 'lead', title: INPUT_HEADERS.lead, width: 18, kind: 'text' },
    { key: 'coordinating', title: INPUT_HEADERS.coordinating, width: 18, kind: 'text' },
    { key: 'period', title: INPUT_HEADERS.period, width: 12, kind: 'period' },
    { key: 'objective', title: INPUT_HEADERS.objective, width: 36, kind: 'text' },
  ];
  if (preset === 'annual') cols.push({ key: 'totalInvestment', title: INPUT_HEADERS.totalInvestment, width: 14, kind: 'amount' });
  // A list without years: one "Tổng kinh phí" amount per item.
  if (yearList.length === 0) cols.push({ key: 'total', title: INPUT_HEADERS.total, width: 14, kind: 'amount' });
  for (const y of yearList) cols.push({ key: `year:${y}`, title: String(y), width: 12, kind: 'amount' });
  for (const s of sources) cols.push({ key: `source:${s.code}`, title: s.code, width: 12, kind: 'amount' });
  cols.push({ key: 'sourceText', title: INPUT_HEADERS.sourceText, width: 24, kind: 'text' });
  cols.push({ key: 'notes', title: INPUT_HEADERS.notes, width: 18, kind: 'text' });
  const colOf = (key: string) => cols.findIndex((c) => c.key === key);
  const text = (v: string, s?: string): CellSpec => ({ t: 'text', v, s });

  const rows: RowSpec[] = [];
  const merges: SheetSpec['merges'] = [];
  const validations: ValidationSpec[] = [];

  // Title.
  rows.push({ height: 24, cells: [text('NHẬP LIỆU DANH MỤC DỰ ÁN, NHIỆM VỤ', 'title')] });
  merges.push({ r0: 0, c0: 0, r1: 0, c1: 6 });

  // "Thông tin phụ lục" block (B: label, C:G value) and "Hướng dẫn" beside it (from column H).
  const instrCol = 7;
  rows.push({ cells: [null, text('Thông tin phụ lục', 'section'), ...Array(instrCol - 2).fill(null), text('Hướng dẫn', 'section')] });
  const info: [string, string, string?][] = [
    [INFO_LABELS.appendixNo, opts.appendixNo ?? plan?.meta.appendixNo ?? ''],
    [INFO_LABELS.title, opts.title ?? (plan?.meta.title || defaultTitle(years))],
    [INFO_LABELS.attachedTo, opts.attachedTo ?? plan?.meta.attachedTo ?? 'Kèm theo Kế hoạch số     /KH-UBND ngày     của UBND tỉnh'],
    [INFO_LABELS.unit, unitLabel(unit)],
    [INFO_LABELS.preset, PRESET_LABELS[preset]],
    [INFO_LABELS.planYear, planYear !== undefined ? String(planYear) : ''],
  ];
  info.forEach(([label, value], i) => {
    const r = rows.length;
    const cells: (CellSpec | null)[] = [null, text(label, 'infoLabel'), value ? text(value, 'infoValue') : { t: 'empty', s: 'infoValue' }];
    for (let c = 3; c <= 6; c++) cells.push({ t: 'empty', s: 'infoValue' });
    if (INSTRUCTIONS[i] !== undefined) cells.push(text(`${i + 1}. ${INSTRUCTIONS[i]}`, 'instr'));
    rows.push({ cells });
    merges.push({ r0: r, c0: 2, r1: r, c1: 6 });
    if (label === INFO_LABELS.unit) validations.push({ range: { r0: r, c0: 2, r1: r, c1: 2 }, list: UNITS.map(unitLabel), prompt: 'Đơn vị tính của mọi số tiền' });
    if (label === INFO_LABELS.preset) validations.push({ range: { r0: r, c0: 2, r1: r, c1: 2 }, list: Object.values(PRESET_LABELS), prompt: 'Mẫu trình bày phụ lục' });
  });
  rows.push({ cells: [] });

  // Band over the header: the years label, and each source's label over its code.
  const band = rows.length;
  const bandCells: (CellSpec | null)[] = [];
  const y0 = colOf(`year:${yearList[0]}`);
  if (y0 >= 0) {
    bandCells[y0] = text(plan?.meta.yearsLabel ?? 'Dự kiến phân kỳ', 'band');
    if (yearList.length > 1) merges.push({ r0: band, c0: y0, r1: band, c1: y0 + yearList.length - 1 });
  }
  for (const s of sources) bandCells[colOf(`source:${s.code}`)] = text(s.label, 'band');
  rows.push({ height: 32, cells: bandCells });

  // Header.
  const header = rows.length;
  rows.push({ height: 32, cells: cols.map((c) => text(c.title, 'header')) });

  // Pre-formatted empty data rows.
  const styleOf: Record<Col['kind'], string> = { text: 'cell', tt: 'ttCell', amount: 'amount', period: 'periodCell' };
  const emptyRow: (CellSpec | null)[] = cols.map((c) => ({ t: 'empty', s: styleOf[c.kind] }));
  const first = header + 1;
  const groupRows: number[] = [];
  const itemRows: number[] = [];
  if (plan) {
    const colIndex = new Map(cols.map((c, i) => [c.key, i]));
    for (const r of planRows(plan, colIndex, planYear)) {
      // Wrapped text needs its height written: Excel and LibreOffice do not re-fit rows of a file on opening.
      let lines = 1;
      for (const [i, cell] of r.cells) {
        if (cell.t === 'text' && cols[i].kind === 'text') lines = Math.max(lines, estimateLines(cell.v, cols[i].width, 12, r.group));
      }
      (r.group ? groupRows : itemRows).push(rows.length);
      rows.push({
        height: lines > 1 ? Math.min(409, lines * 14.4 + 4) : undefined,
        cells: cols.map((c, i) => r.cells.get(i) ?? { t: 'empty', s: r.group ? groupStyle(c.kind) : styleOf[c.kind] }),
      });
      for (const [i, cell] of r.cells) if (cell.t !== 'empty') cell.s = r.group ? groupStyle(cols[i].kind) : styleOf[cols[i].kind];
    }
  }
  for (let i = 0; i < dataRows; i++) rows.push({ cells: emptyRow });
  const lastRow = rows.length - 1;
  validations.push({ range: { r0: first, c0: colOf('status'), r1: lastRow, c1: colOf('status') }, list: STATUS_VALUES, prompt: 'Dự án mới hay chuyển tiếp' });
  const labels = sourceListValues(sources);
  if (labels.length > 0) {
    validations.push({ range: { r0: first, c0: colOf('sourceText'), r1: lastRow, c1: colOf('sourceText') }, list: labels, prompt: 'Tên nguồn vốn' });
  }

  return {
    name: opts.name ?? INPUT_SHEET_NAME,
    defaultFont: { name: FONT, size: 12 },
    columns: cols.map((c) => ({ width: c.width, key: c.key })),
    rows,
    merges,
    styles: {
      title: { font: { name: FONT, size: 14, bold: true }, h: 'left', v: 'middle' },
      section: { font: { name: FONT, size: 12, bold: true, color: '1F4E79' } },
      infoLabel: { font: { name: FONT, size: 12, bold: true }, h: 'right', v: 'middle' },
      infoValue: { font: { name: FONT, size: 12 }, border: true, fill: 'FFF2CC', v: 'middle', numFmt: '@' },
      instr: { font: { name: FONT, size: 11, italic: true } },
      band: { font: { name: FONT, size: 10, italic: true }, h: 'center', v: 'bottom', wrap: true },
      header: { font: { name: FONT, size: 12, bold: true }, h: 'center', v: 'middle', wrap: true, border: true, fill: 'DDEBF7', numFmt: '@' },
      cell: { font: { name: FONT, size: 12 }, v: 'top', wrap: true, border: true, numFmt: '@' },
      ttCell: { font: { name: FONT, size: 12 }, h: 'center', v: 'top', border: true, numFmt: '@' },
      periodCell: { font: { name: FONT, size: 12 }, h: 'center', v: 'top', border: true, numFmt: '@' },
      amount: { font: { name: FONT, size: 12 }, h: 'right', v: 'top', border: true, numFmt: amountFmt },
      groupCell: { font: { name: FONT, size: 12, bold: true }, v: 'top', wrap: true, border: true, numFmt: '@' },
      groupTT: { font: { name: FONT, size: 12, bold: true }, h: 'center', v: 'top', border: true, numFmt: '@' },
      groupAmount: { font: { name: FONT, size: 12, bold: true }, h: 'right', v: 'top', border: true, numFmt: amountFmt },
    },
    freeze: { rows: header + 1, cols: 2 },
    print: {
      orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0,
      margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.4, header: 0.3, footer: 0.3 },
      titleRows: { from: header, to: header },
      area: { r0: 0, c0: 0, r1: lastRow, c1: cols.length - 1 },
      footer: 'Trang &P/&N',
    },
    validations,
    roles: { header: [header], group: groupRows, item: itemRows, total: [], breakdown: [] },
  };
}

function groupStyle(kind: 'text' | 'tt' | 'amount' | 'period'): string {
  return kind === 'tt' ? 'groupTT' : kind === 'amount' ? 'groupAmount' : 'groupCell';
}

/** The plan's groups and items as input rows: cells by column index (styles set by the caller). */
function planRows(plan: Plan, col: Map<string, number>, planYear: number | undefined): { group: boolean; cells: Map<number, CellSpec> }[] {
  const out: { group: boolean; cells: Map<number, CellSpec> }[] = [];
  const walk = (n: PlanNode): void => {
    const cells = new Map<number, CellSpec>();
    const text = (key: string, v: string | undefined) => {
      const c = col.get(key);
      if (c !== undefined && v !== undefined && v !== '') cells.set(c, { t: 'text', v });
    };
    const num = (key: string, d: Dec | undefined) => {
      const c = col.get(key);
      if (c !== undefined && d !== undefined && !d.isZero()) cells.set(c, { t: 'num', v: plain(d) });
    };
    text('tt', n.tt);
    text('name', n.name);
    if (n.kind === 'group') {
      out.push({ group: true, cells });
      n.children.forEach(walk);
      return;
    }
    text('status', n.status);
    text('lead', n.lead);
    text('coordinating', n.coordinating);
    text('objective', n.objective);
    text('sourceText', n.sourceText);
    text('notes', n.notes);
    if (n.period) text('period', n.period.from === n.period.to ? String(n.period.from) : `${n.period.from}-${n.period.to}`);
    if (!n.children?.length) {
      const a = n.amounts;
      for (const [y, d] of Object.entries(a.years)) num(`year:${y}`, d);
      for (const [code, d] of Object.entries(a.sources)) num(`source:${code}`, d);
      num('totalInvestment', a.totalInvestment);
      if (a.annual && planYear !== undefined && !a.years[planYear]) num(`year:${planYear}`, a.annual);
      if (a.total && col.has('total')) num('total', a.total);
    }
    out.push({ group: false, cells });
    n.children?.forEach(walk);
  };
  plan.nodes.forEach(walk);
  return out;
}

/** Values for the "Nguồn vốn" list: the labels, as long as Excel's 255-character list allows (no commas). */
function sourceListValues(sources: FundingSource[]): string[] {
  const out: string[] = [];
  let len = 0;
  for (const s of sources) {
    const v = s.label;
    if (v.includes(',') || v.includes('"') || out.includes(v)) continue;
    if (len + v.length + 1 > 250) break;
    out.push(v);
    len += v.length + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a filled input sheet back

export interface InputProblem {
  /** A1 address, when the problem has a cell. */
  cell?: string;
  /** One Vietnamese sentence, starting with "Ô H12: ..." when there is a cell. */
  message: string;
}

/** A filled input sheet that cannot become a plan. `message` names the first problems; `problems` has them all. */
export class InputSheetError extends Error {
  constructor(public readonly problems: InputProblem[], public readonly sheet?: string) {
    super(summarizeProblems(problems));
    this.name = 'InputSheetError';
  }
}

function summarizeProblems(ps: InputProblem[]): string {
  const shown = ps.slice(0, 3).map((p) => p.message).join('; ');
  return ps.length > 3 ? `${shown}; và ${ps.length - 3} lỗi khác` : shown;
}

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

type ColRole =
  | { role: 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code' | 'sourceText' }
  | { role: 'year'; year: number }
  | { role: 'source'; code: string }
  | { role: 'total' | 'totalInvestment' };

const TEXT_ROLES = ['status', 'lead', 'coordinating', 'objective', 'scale', 'notes', 'code', 'sourceText'] as const;

/** The role of a header title (folded), or undefined when unknown. */
function roleOfTitle(raw: string): ColRole | undefined {
  const f = fold(raw).replace(/[:*]+$/, '').trim();
  if (f === '') return undefined;
  if (f === 'tt' || f === 'stt' || f === 'so tt') return { role: 'tt' };
  if (/^ten\b/.test(f)) return { role: 'name' };
  const y = /^(?:nam\s*)?(\d{4})$/.exec(f);
  if (y) {
    const year = parseInt(y[1], 10);
    if (year >= YEARS.min && year <= YEARS.max) return { role: 'year', year };
  }
  if (f.includes('moi') && f.includes('chuyen tiep')) return { role: 'status' };
  if (f.includes('chu tri')) return { role: 'lead' };
  if (f.includes('phoi hop')) return { role: 'coordinating' };
  if (f.startsWith('thoi gian')) return { role: 'period' };
  if (f.startsWith('muc tieu')) return { role: 'objective' };
  if (f.startsWith('quy mo')) return { role: 'scale' };
  if (f.startsWith('ghi chu')) return { role: 'notes' };
  if (f === 'ma du an' || f === 'ma') return { role: 'code' };
  if (f === 'nguon von' || f === 'nguon von (chu)' || f === 'ten nguon von') return { role: 'sourceText' };
  if (f.startsWith('tong muc dau tu')) return { role: 'totalInvestment' };
  if (f === 'tong' || f === 'tong cong' || f.startsWith('tong kinh phi')) return { role: 'total' };
  return undefined;
}

/** Text of a cell as the user sees it (numbers as typed by Excel's shortest form). */
function cellText(c: GridCell | null | undefined): string {
  if (!c) return '';
  if (c.value === null || c.value === undefined) return c.formula !== undefined && !c.error ? `=${c.formula}` : '';
  return String(c.value).normalize('NFC').trim();
}

function isHeaderRow(row: (GridCell | null | undefined)[] | undefined): boolean {
  if (!row) return false;
  let tt = false;
  let name = false;
  for (const c of row) {
    if (!c || typeof c.value !== 'string' || c.value.length > 100) continue;
    const r = roleOfTitle(c.value);
    if (r?.role === 'tt') tt = true;
    if (r?.role === 'name') name = true;
  }
  return tt && name;
}

const HEADER_SEARCH_ROWS = 200;

/** Row index of the input sheet's header (TT + Tên...), or undefined. */
export function findInputHeader(grid: Grid): number | undefined {
  const n = Math.min(grid.cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < n; r++) if (isHeaderRow(grid.cells[r])) return r;
  return undefined;
}

/**
 * True when the grid looks like an input sheet made by `templateSpec`: the header row, with the template's own
 * name title ("Tên dự án/nhiệm vụ") or the "Thông tin" labels above it. An appendix (whose header also has TT and
 * "Tên dự án") is not an input sheet.
 */
export function isInputGrid(grid: Grid): boolean {
  const h = findInputHeader(grid);
  if (h === undefined) return false;
  const compact = (s: string) => fold(s).replace(/\s+/g, '');
  const nameTitle = compact(INPUT_HEADERS.name);
  if ((grid.cells[h] ?? []).some((c) => typeof c?.value === 'string' && compact(c.value) === nameTitle)) return true;
  const labels = new Set([INFO_LABELS.unit, INFO_LABELS.preset, INFO_LABELS.title].map(compact));
  for (let r = 0; r < h; r++) {
    for (const c of grid.cells[r] ?? []) if (typeof c?.value === 'string' && labels.has(compact(c.value))) return true;
  }
  return false;
}

interface Ctx {
  grid: Grid;
  problems: InputProblem[];
  max: number;
  notes?: InputProblem[];
}

function problem(ctx: Ctx, row: number, col: number | undefined, msg: string): void {
  if (ctx.problems.length >= ctx.max) return;
  if (col === undefined) ctx.problems.push({ message: `Dòng ${row + 1}: ${msg}` });
  else {
    const cell = a1(row, col);
    ctx.problems.push({ cell, message: `Ô ${cell}: ${msg}` });
  }
}

function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/** Read one amount cell; undefined when empty or zero-by-blank. Records problems. */
function readAmount(ctx: Ctx, r: number, c: number, unit: Unit): Dec | undefined {
  const cell = ctx.grid.cells[r]?.[c];
  if (!cell) return undefined;
  if (cell.error) {
    problem(ctx, r, c, `ô có lỗi ${cell.error}, không phải số tiền`);
    return undefined;
  }
  if (cell.value === null || cell.value === undefined) {
    if (cell.formula !== undefined) problem(ctx, r, c, `công thức "=${clip(cell.formula)}" chưa có giá trị tính sẵn; hãy mở tệp bằng Excel rồi lưu lại`);
    return undefined;
  }
  if (typeof cell.value === 'boolean') {
    problem(ctx, r, c, `"${String(cell.value)}" không phải số tiền`);
    return undefined;
  }
  const p = parseAmount(cell.value, { unit });
  if (p.kind === 'empty') return undefined;
  if (p.kind === 'invalid') {
    problem(ctx, r, c, `"${clip(String(cell.value))}" không phải số tiền`);
    return undefined;
  }
  if (p.ambiguous && p.ambiguity !== 'dot-thousands' && ctx.notes && ctx.notes.length < ctx.max) {
    const cellRef = a1(r, c);
    ctx.notes.push({ cell: cellRef, message: `Ô ${cellRef}: "${clip(String(cell.value))}" được đọc là ${formatVi(p.value)} (${p.ambiguous})` });
  }
  if (p.value.isNegative() && !p.value.isZero()) {
    problem(ctx, r, c, `số tiền âm (${clip(String(cell.value))}); số tiền phải lớn hơn hoặc bằng 0`);
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

interface Columns {
  byRole: Map<string, number>;
  years: { year: number; col: number }[];
  sources: { code: string; col: number }[];
}

function mapColumns(ctx: Ctx, header: number): Columns {
  const row = ctx.grid.cells[header] ?? [];
  const byRole = new Map<string, number>();
  const years: Columns['years'] = [];
  const sources: Columns['sources'] = [];
  const unknown: { col: number; text: string }[] = [];
  row.forEach((cell, c) => {
    const t = cellText(cell);
    if (t === '') return;
    const r = roleOfTitle(t);
    if (!r) {
      unknown.push({ col: c, text: t });
      return;
    }
    if (r.role === 'year') {
      const dup = years.find((y) => y.year === r.year);
      if (dup) problem(ctx, header, c, `cột năm ${r.year} bị lặp (đã có ở ô ${a1(header, dup.col)})`);
      else years.push({ year: r.year, col: c });
    } else if (r.role !== 'source' && !byRole.has(r.role)) {
      byRole.set(r.role, c);
    }
  });
  // Source columns: standard codes anywhere; other titles between the year columns and the "Nguồn vốn" text column.
  const lastYear = years.length ? Math.max(...years.map((y) => y.col)) : (byRole.get('objective') ?? byRole.get('name') ?? 0);
  const textSrc = byRole.get('sourceText');
  for (const u of unknown) {
    const std = standardSource(u.text);
    const between = u.col > lastYear && (textSrc === undefined || u.col < textSrc);
    const userCode = between && u.text === u.text.toUpperCase() && SOURCE_CODE_RE.test(u.text);
    if (!std && !userCode) continue;
    const code = std ? std.code : u.text;
    const dup = sources.find((s) => fold(s.code) === fold(code));
    if (dup) problem(ctx, header, u.col, `cột nguồn vốn "${code}" bị lặp (đã có ở ô ${a1(header, dup.col)})`);
    else sources.push({ code, col: u.col });
  }
  years.sort((a, b) => a.year - b.year);
  return { byRole, years, sources };
}

interface Info {
  appendixNo?: string;
  title?: string;
  attachedTo?: string;
  unit?: Unit;
  preset?: LayoutPreset;
  planYear?: number;
}

function readInfo(ctx: Ctx, header: number): Info {
  const info: Info = {};
  const labels = Object.entries(INFO_LABELS).map(([k, v]) => [k, fold(v)] as const);
  for (let r = 0; r < header; r++) {
    const row = ctx.grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 40) continue;
      const f = fold(t).replace(/[:：]+$/, '').trim();
      const key = labels.find(([, l]) => l === f)?.[0] ?? (f === 'don vi tinh' ? 'unit' : undefined);
      if (!key) continue;
      // The value sits right of its label (merged C:G in the template); the instructions start further right.
      let vc = c + 1;
      while (vc < row.length && vc <= c + 3 && cellText(row[vc]) === '') vc++;
      const v = vc < row.length && vc <= c + 3 ? cellText(row[vc]) : '';
      if (v === '') break;
      if (key === 'unit') {
        const u = parseUnitText(v);
        if (u) info.unit = u;
        else problem(ctx, r, vc, `"${clip(v)}" không phải đơn vị tính (đồng, nghìn đồng, triệu đồng, tỷ đồng)`);
      } else if (key === 'preset') {
        const p = parsePresetText(v);
        if (p) info.preset = p;
        else problem(ctx, r, vc, `"${clip(v)}" không phải mẫu phụ lục (${Object.values(PRESET_LABELS).join(', ')})`);
      } else if (key === 'planYear') {
        const y = /^\d{4}$/.test(v) ? parseInt(v, 10) : NaN;
        if (y >= YEARS.min && y <= YEARS.max) info.planYear = y;
        else problem(ctx, r, vc, `"${clip(v)}" không phải năm kế hoạch`);
      } else {
        info[key as 'appendixNo' | 'title' | 'attachedTo'] = v;
      }
      break;
    }
  }
  return info;
}

const STOP_ROW = /^(trong do)\b/;
const TOTAL_ROW = /^(tong cong|cong|tong so|tong)\b:?$/;

/**
 * A filled input sheet → Plan. Groups come from TT (I, II... level 1; A, B... level 2), items are numbered rows,
 * sub-items 1.1, 1.2; blank rows are skipped; amounts may be numbers or text ("1.559", "4.967,667", "1,8 tỷ").
 * Every problem is collected (up to maxProblems) and thrown together as an InputSheetError: never a half plan.
 */
export function planFromInputGrid(grid: Grid, opts: InputReadOptions = {}): Plan {
  const ctx: Ctx = { grid, problems: [], max: opts.maxProblems ?? 50, notes: opts.notes };
  const header = findInputHeader(grid);
  if (header === undefined) {
    throw new InputSheetError([{
      message: `Trang "${grid.sheet}" không phải trang nhập liệu: không thấy dòng tiêu đề có cột "${INPUT_HEADERS.tt}" và "${INPUT_HEADERS.name}"`,
    }], grid.sheet);
  }
  const cols = mapColumns(ctx, header);
  const info = readInfo(ctx, header);
  const unit = info.unit ?? opts.unit ?? 'triệu đồng';

  // Sources: labels from the band row above the header, else standard labels, else the code.
  const band = header > 0 ? grid.cells[header - 1] : undefined;
  const sources: FundingSource[] = cols.sources.map(({ code, col }) => {
    const above = cellText(band?.[col]);
    const label = above && fold(above) !== 'du kien phan ky' ? above : (standardSource(code)?.label ?? code);
    return { code, label };
  });
  const y0 = cols.years[0];
  const yearsLabel = y0 ? cellText(band?.[y0.col]) : '';

  const col = (role: string) => cols.byRole.get(role);
  const nodes: PlanNode[] = [];
  let l1: Group | undefined;
  let l2: Group | undefined;
  let lastRoman = 0;
  let lastLetter: { withDj: number; noDj: number } | undefined;
  const itemRow = new Map<Item, number>();
  // Items by TT in the current container, for attaching sub-items (1.1 under 1).
  let recent = new Map<string, Item>();
  let autoNo = 0;
  let groups = 0;
  let items = 0;

  const container = (): PlanNode[] => (l2 ?? l1)?.children ?? nodes;
  const amountCols: { col: number; put: (a: RowAmounts, d: Dec) => void }[] = [
    ...cols.years.map((y) => ({ col: y.col, put: (a: RowAmounts, d: Dec) => { a.years[y.year] = d; } })),
    ...cols.sources.map((s) => ({ col: s.col, put: (a: RowAmounts, d: Dec) => { a.sources[s.code] = d; } })),
  ];
  const tCol = col('total');
  if (tCol !== undefined) amountCols.push({ col: tCol, put: (a, d) => { a.total = d; } });
  const tiCol = col('totalInvestment');
  if (tiCol !== undefined) amountCols.push({ col: tiCol, put: (a, d) => { a.totalInvestment = d; } });

  for (let r = header + 1; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (!row || row.every((c) => !c || (cellText(c) === '' && !c.error))) continue;
    const ttCol = col('tt');
    const nameCol = col('name');
    const tt = ttCol !== undefined ? cellText(row[ttCol]) : '';
    const name = nameCol !== undefined ? cellText(row[nameCol]) : '';
    const fname = fold(name);
    if (tt === '' && STOP_ROW.test(fname)) break;
    if (tt === '' && TOTAL_ROW.test(fname)) continue;

    const amounts: RowAmounts = { years: {}, sources: {} };
    let hasAmount = false;
    let amountCol: number | undefined;
    for (const ac of amountCols) {
      const d = readAmount(ctx, r, ac.col, unit);
      if (d !== undefined && !d.isZero()) {
        ac.put(amounts, d);
        hasAmount = true;
        amountCol ??= ac.col;
      }
    }
    const info2 = classifyTT(tt);

    // Group or item?
    let level: 1 | 2 | undefined;
    if (info2.kind === 'roman' && !info2.lower) {
      // I, V, X, L, C, D, M are letters too: a letter when it continues the open A, B, C... series.
      level = l2 && lastLetter && isNextLetter(info2.core, lastLetter) ? 2 : 1;
    } else if (info2.kind === 'letter' && !info2.lower) {
      if (info2.wrongLetter) {
        problem(ctx, r, ttCol, `TT "${tt}" không phải chữ cái tiếng Việt (không dùng F, J, W, Z)`);
        continue;
      }
      level = 2;
    }

    if (level !== undefined) {
      if (name === '') problem(ctx, r, nameCol, `dòng nhóm "${tt}" chưa có tên nhóm`);
      if (hasAmount && amountCol !== undefined) {
        problem(ctx, r, amountCol, `dòng nhóm "${tt}" có số tiền; số tiền ghi ở từng dự án, tổng nhóm được tính tự động`);
      }
      const g: Group = { kind: 'group', level, tt: info2.core, name, children: [] };
      groups++;
      if (level === 1) {
        nodes.push(g);
        l1 = g;
        l2 = undefined;
        lastRoman = info2.ordinal ?? lastRoman + 1;
        lastLetter = undefined;
      } else {
        (l1?.children ?? nodes).push(g);
        l2 = g;
        const withDj = letterIndex(info2.core) ?? 0;
        const noDj = letterIndex(info2.core, { withDj: false }) ?? withDj - 1;
        lastLetter = { withDj, noDj };
      }
      recent = new Map();
      autoNo = 0;
      continue;
    }

    // An item.
    if (name === '') {
      problem(ctx, r, nameCol, tt ? `dự án "${tt}" chưa có tên` : `dòng chưa có tên dự án (cột "${INPUT_HEADERS.name}")`);
    }
    let itTT = tt;
    if (info2.kind === 'number') itTT = info2.core;
    else if (info2.kind === 'none' && !info2.bullet) itTT = String(++autoNo);
    const it: Item = { kind: 'item', tt: itTT, name, amounts };
    if (info2.kind === 'number' && info2.ordinal !== undefined) autoNo = info2.ordinal;
    for (const k of TEXT_ROLES) {
      const c = col(k);
      if (c === undefined) continue;
      const cell = row[c];
      if (cell?.error) {
        problem(ctx, r, c, `ô có lỗi ${cell.error}`);
        continue;
      }
      const v = cellText(cell);
      if (v !== '') it[k] = v;
    }
    const pc = col('period');
    const pt = pc !== undefined ? cellText(row[pc]) : '';
    if (pt !== '' && pc !== undefined) {
      const span = parsePeriodCell(pt);
      if (span) it.period = span;
      else problem(ctx, r, pc, `"${clip(pt)}" không phải thời gian thực hiện (ví dụ: 2021-2025)`);
    }
    items++;
    itemRow.set(it, r);
    if (info2.kind === 'dotted' && info2.parts) {
      const parentTT = info2.parts.slice(0, -1).join('.');
      const parent = recent.get(parentTT);
      if (!parent) {
        problem(ctx, r, ttCol, `dự án con "${tt}" không có dự án "${parentTT}" ở trên trong cùng nhóm`);
        continue;
      }
      it.tt = info2.core;
      (parent.children ??= []).push(it);
    } else {
      container().push(it);
    }
    recent.set(it.tt, it);
  }

  // An item with sub-items takes their sum: its own row must not carry amounts.
  for (const [it, r] of itemRow) {
    if (it.children && it.children.length > 0 && hasAny(it.amounts)) {
      problem(ctx, r, undefined, `dự án "${it.tt}" có dự án con nên để trống số tiền ở dòng này (số tiền ghi ở từng dự án con)`);
    }
  }
  if (items === 0 && groups === 0 && ctx.problems.length === 0) {
    problem(ctx, header, undefined, `trang nhập liệu chưa có dự án nào (ghi từ dòng ${header + 2})`);
  }
  if (ctx.problems.length > 0) throw new InputSheetError(ctx.problems, grid.sheet);

  const yearNums = cols.years.map((y) => y.year);
  const years = yearNums.length ? { from: yearNums[0], to: yearNums[yearNums.length - 1] } : undefined;
  const preset = opts.preset ?? info.preset ?? (years ? (years.from === years.to && tiCol !== undefined ? 'annual' : 'medium-term') : 'flat');
  const meta: PlanMeta = { title: info.title ?? defaultTitle(years), unit };
  if (info.appendixNo) meta.appendixNo = info.appendixNo;
  if (info.attachedTo) meta.attachedTo = info.attachedTo.replace(/^\((.*)\)$/s, '$1').trim();
  if (yearsLabel && yearsLabel !== 'Dự kiến phân kỳ') meta.yearsLabel = yearsLabel;
  const plan: Plan = { meta, sources, nodes, preset };
  if (years) plan.years = years;
  const planYear = info.planYear ?? (preset === 'annual' && years && years.from === years.to ? years.from : undefined);
  if (planYear !== undefined) plan.planYear = planYear;
  // An annual plan: the plan year's column is the "Kinh phí năm ..." amount of each item.
  if (preset === 'annual' && planYear !== undefined) {
    for (const it of itemRow.keys()) {
      const v = it.amounts.years[planYear];
      if (v !== undefined && it.amounts.annual === undefined) {
        it.amounts.annual = v;
        delete it.amounts.years[planYear];
      }
    }
  }
  return plan;
}

function isNextLetter(core: string, last: { withDj: number; noDj: number }): boolean {
  const w = letterIndex(core);
  const n = letterIndex(core, { withDj: false });
  return (w !== undefined && w === last.withDj + 1) || (n !== undefined && n === last.noDj + 1);
}

function hasAny(a: RowAmounts): boolean {
  return Object.keys(a.years).length > 0 || Object.keys(a.sources).length > 0 || a.total !== undefined || a.totalInvestment !== undefined;
}

