/**
 * Writing the input sheet (anatomy in sheet.ts) as a SheetSpec: empty for officers to fill in, or pre-filled with a
 * plan. Pure; the adapters write the SheetSpec to a workbook.
 */
import type { Dec } from '../base/decimal';
import { plain } from '../base/decimal';
import { decimalsOf, estimateLines, numFmtFor } from '../layout/styles';
import type { CellSpec, RowSpec, SheetSpec, CellStyle, ValidationSpec } from '../layout/sheetspec';
import type { FundingSource, LayoutPreset, Plan, PlanNode, Unit, YearSpan } from '../plan/model';
import { UNITS, yearsOf } from '../plan/model';
import { DEFAULTS, PRESET_LABELS, parseSourceCodes, unitLabel } from '../plan/settings';
import { INFO_LABELS, INPUT_HEADERS, INPUT_SHEET_NAME, INSTRUCTIONS, STATUS_VALUES, defaultTitle } from './sheet';

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

const FONT = 'Times New Roman';

type ColKind = 'text' | 'tt' | 'amount' | 'period';
type Col = { key: string; title: string; width: number; kind: ColKind };

const STYLE_OF: Record<ColKind, string> = { text: 'cell', tt: 'ttCell', amount: 'amount', period: 'periodCell' };
const GROUP_STYLE_OF: Record<ColKind, string> = { text: 'groupCell', tt: 'groupTT', amount: 'groupAmount', period: 'groupCell' };

const text = (v: string, s?: string): CellSpec => ({ t: 'text', v, s });

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

  const cols = templateColumns(preset, yearList, sources);
  const colOf = (key: string) => cols.findIndex((c) => c.key === key);
  const rows: RowSpec[] = [];
  const merges: SheetSpec['merges'] = [];
  const validations: ValidationSpec[] = [];

  // Title.
  rows.push({ height: 24, cells: [text('NHẬP LIỆU DANH MỤC DỰ ÁN, NHIỆM VỤ', 'title')] });
  merges.push({ r0: 0, c0: 0, r1: 0, c1: 6 });

  // "Thông tin phụ lục" block (B: label, C:G value) and "Hướng dẫn" beside it (from column H).
  const instrCol = 7;
  rows.push({ cells: [null, text('Thông tin phụ lục', 'section'), ...Array(instrCol - 2).fill(null), text('Hướng dẫn', 'section')] });
  const info: [string, string][] = [
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

  // The plan's rows, then pre-formatted empty data rows.
  const first = header + 1;
  const filled = plan ? planDataRows(plan, cols, planYear) : { rows: [], group: [], item: [] };
  rows.push(...filled.rows);
  const emptyRow: (CellSpec | null)[] = cols.map((c) => ({ t: 'empty', s: STYLE_OF[c.kind] }));
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
    styles: templateStyles(amountFmt),
    freeze: { rows: header + 1, cols: 2 },
    print: {
      orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0,
      margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.4, header: 0.3, footer: 0.3 },
      titleRows: { from: header, to: header },
      area: { r0: 0, c0: 0, r1: lastRow, c1: cols.length - 1 },
      footer: 'Trang &P/&N',
    },
    validations,
    roles: { header: [header], group: filled.group.map((i) => first + i), item: filled.item.map((i) => first + i), total: [], breakdown: [] },
  };
}

/** The columns of the sheet: the fixed ones, then per preset, years and sources, then the text columns. */
function templateColumns(preset: LayoutPreset, yearList: number[], sources: FundingSource[]): Col[] {
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
  return cols;
}

/** The plan's groups and items as styled rows, and which of them (0-based from the first) are groups and items. */
function planDataRows(plan: Plan, cols: Col[], planYear: number | undefined): { rows: RowSpec[]; group: number[]; item: number[] } {
  const colIndex = new Map(cols.map((c, i) => [c.key, i]));
  const out: { rows: RowSpec[]; group: number[]; item: number[] } = { rows: [], group: [], item: [] };
  for (const r of planRows(plan, colIndex, planYear)) {
    const styles = r.group ? GROUP_STYLE_OF : STYLE_OF;
    // Wrapped text needs its height written: Excel and LibreOffice do not re-fit rows of a file on opening.
    let lines = 1;
    for (const [i, cell] of r.cells) {
      if (cell.t === 'text' && cols[i].kind === 'text') lines = Math.max(lines, estimateLines(cell.v, cols[i].width, 12, r.group));
    }
    (r.group ? out.group : out.item).push(out.rows.length);
    out.rows.push({
      height: lines > 1 ? Math.min(409, lines * 14.4 + 4) : undefined,
      cells: cols.map((c, i) => r.cells.get(i) ?? { t: 'empty', s: styles[c.kind] }),
    });
    for (const [i, cell] of r.cells) if (cell.t !== 'empty') cell.s = styles[cols[i].kind];
  }
  return out;
}

/** The plan's groups and items as input rows: cells by column index (styles set by the caller). */
function planRows(plan: Plan, col: Map<string, number>, planYear: number | undefined): { group: boolean; cells: Map<number, CellSpec> }[] {
  const out: { group: boolean; cells: Map<number, CellSpec> }[] = [];
  const walk = (n: PlanNode): void => {
    const cells = new Map<number, CellSpec>();
    const put = (key: string, v: string | undefined) => {
      const c = col.get(key);
      if (c !== undefined && v !== undefined && v !== '') cells.set(c, { t: 'text', v });
    };
    const num = (key: string, d: Dec | undefined) => {
      const c = col.get(key);
      if (c !== undefined && d !== undefined && !d.isZero()) cells.set(c, { t: 'num', v: plain(d) });
    };
    put('tt', n.tt);
    put('name', n.name);
    if (n.kind === 'group') {
      out.push({ group: true, cells });
      n.children.forEach(walk);
      return;
    }
    put('status', n.status);
    put('lead', n.lead);
    put('coordinating', n.coordinating);
    put('objective', n.objective);
    put('sourceText', n.sourceText);
    put('notes', n.notes);
    if (n.period) put('period', n.period.from === n.period.to ? String(n.period.from) : `${n.period.from}-${n.period.to}`);
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

function templateStyles(amountFmt: string): Record<string, CellStyle> {
  return {
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
  };
}
