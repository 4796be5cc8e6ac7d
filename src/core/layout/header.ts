/**
 * The table's columns and header: the column set of each preset with its header texts and widths, the two-row header
 * ("Dự kiến phân kỳ" over the years, "Nguồn vốn" over the sources, descriptive columns merged over both rows) and the
 * optional column-number row "(1) (2) ...".
 */
import type { LayoutPreset, Plan } from '../plan/model';
import { yearsOf } from '../plan/model';
import type { Col, ColumnSet, ColumnSlot, DescriptiveKey, LayoutOptions, NewRow, Sheet } from './context';
import { newRow } from './context';
import { LAYOUT_MESSAGES, LayoutError } from './messages';
import type { CellSpec } from './sheetspec';

export const PRESET_COLUMNS: Readonly<Record<LayoutPreset, readonly ColumnSlot[]>> = {
  'medium-term': ['tt', 'name', 'status', 'lead', 'objective', 'years', 'total', 'sources', 'sourceText'],
  annual: ['tt', 'name', 'lead', 'status', 'objective', 'period', 'totalInvestment', 'sourceText', 'annual', 'notes'],
  flat: ['tt', 'name', 'lead', 'status', 'objective', 'period', 'total', 'sourceText'],
  completed: ['tt', 'name', 'objective', 'total', 'sourceText'],
};

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
  if (cols.length === 0) throw new LayoutError(LAYOUT_MESSAGES.noColumns, 'NO_COLUMNS');
  return cols;
}

const indicesWhere = (cols: Col[], test: (c: Col) => boolean): number[] =>
  cols.map((c, i) => (test(c) ? i : -1)).filter((i) => i >= 0);

/** The columns of the preset (or of opts.columns), and the indices of each kind. */
export function columnSet(plan: Plan, preset: LayoutPreset, opts: LayoutOptions): ColumnSet {
  const cols = buildColumns(plan, preset, opts);
  const colOf = new Map(cols.map((c, i) => [c.key, i]));
  return {
    cols,
    lastCol: cols.length - 1,
    yearCols: indicesWhere(cols, (c) => c.year !== undefined),
    sourceCols: indicesWhere(cols, (c) => !!c.source),
    amountCols: indicesWhere(cols, (c) => c.kind === 'amount'),
    colOf,
    totalCol: colOf.get('total'),
  };
}

/** The header rows laid out: the first and second header rows (the same row when there is one), the last one. */
export interface HeaderRows {
  h1: NewRow;
  h2: NewRow;
  twoRows: boolean;
  headerEnd: number;
}

/** The header: two rows when years or sources are shown (one otherwise), then the column numbers. */
export function layoutHeader(s: Sheet): HeaderRows {
  const { cols, yearCols, sourceCols, codeCol, merges, roles } = s;
  const twoRows = yearCols.length > 0 || sourceCols.length > 0;
  const h1 = newRow(s);
  const h2 = twoRows ? newRow(s) : h1;
  roles.header.push(h1.r);
  if (twoRows) roles.header.push(h2.r);
  const border: CellSpec = { t: 'empty', s: 'th' };
  for (let c = 0; c < h1.row.cells.length; c++) {
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
  bandHeader(yearCols, s.plan.meta.yearsLabel ?? 'Dự kiến phân kỳ');
  bandHeader(sourceCols, s.plan.meta.sourcesLabel ?? 'Nguồn vốn');
  if (s.withBreakdown) {
    h1.row.cells[codeCol] = { t: 'text', v: 'Mã nguồn (không in)', s: 'codeHead' };
    if (twoRows) { h2.row.cells[codeCol] = { t: 'empty', s: 'codeHead' }; merges.push({ r0: h1.r, c0: codeCol, r1: h2.r, c1: codeCol }); }
  }
  let headerEnd = h2.r;
  if (s.opts.columnNumbers ?? true) {
    const no = newRow(s);
    cols.forEach((_c, i) => { no.row.cells[i] = { t: 'text', v: `(${i + 1})`, s: 'colNo' }; });
    roles.header.push(no.r);
    headerEnd = no.r;
  }
  return { h1, h2, twoRows, headerEnd };
}
