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
 * Subtotal mode, for plans whose SUMs would pass Excel's 8,192 characters (thousands of groups): every row that sums
 * rows below it (group, item with sub-items, split item's own amounts) and the grand total are SUBTOTAL(9, <the range
 * of its descendants>); SUBTOTAL skips the SUBTOTAL cells in its range, so each leaf is added once at every level and
 * no formula grows with the plan. (The checker's DOUBLE_COUNT reads such a range as covering groups and their items.)
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
import type { LayoutPreset, Plan } from '../plan/model';
import type { PlanTotals } from '../plan/totals';
import { treeProblem } from '../plan/model';
import { itemsOf } from '../plan/tree';
import { decideBreakdown, codeValidation, layoutBreakdown, layoutTotal, layoutWords } from './breakdown';
import { bodyOverflows, checkedTotals, layoutBody } from './body';
import type { LayoutOptions, Sheet } from './context';
import { newSheet } from './context';
import { columnSet, layoutHeader } from './header';
import { layoutHeading } from './heading';
import { LayoutError } from './messages';
import { columnWidths, freezeOf, printSetup, setRowHeights } from './print';
import type { RowSink, SheetSpec } from './sheetspec';
import { rowStream } from './stream';
import { decimalsOf, numFmtFor, sheetStyles } from './styles';

export function presetOf(plan: Plan, opts: LayoutOptions = {}): LayoutPreset {
  return opts.preset ?? plan.preset ?? (plan.years ? 'medium-term' : 'flat');
}

/**
 * The appendix of `plan` as a SheetSpec; throws LayoutError for a plan that cannot be laid out. With a `sink`, the body
 * rows are handed to it as they are laid out (stream.ts) and the spec holds the others (SheetSpec.streamed).
 */
export function layoutPlan(plan: Plan, opts: LayoutOptions = {}, sink?: RowSink): SheetSpec {
  const problem = treeProblem(plan?.nodes ?? []);
  if (problem) throw new LayoutError(problem, 'BAD_TREE');
  const columns = columnSet(plan, presetOf(plan, opts), opts);
  const items = itemsOf(plan.nodes);
  const dp = decimalsOf(plan, items);
  const styles = sheetStyles(opts.fontName ?? 'Times New Roman', opts.headingSize ?? 14, opts.tableSize ?? 12, numFmtFor(dp));
  const T = checkedTotals(plan, items);
  const withBreakdown = decideBreakdown(plan, items, T, columns, opts);
  // Undefined when some SUM would be longer than Excel takes (thousands of groups): then the whole sheet is laid
  // out again in subtotal mode, where every formula is short.
  const tSize = opts.tableSize ?? 12;
  const first = newSheet(plan, opts, columns, styles, withBreakdown, false, sink && rowStream(sink, dp, tSize));
  const spec = layoutSheet(first, T, dp);
  if (spec) return spec;
  // bodyOverflows foresees every SUM of the body, so no row has been handed to a sink when a SUM overflows.
  if (first.stream && first.stream.from >= 0) throw new Error('layout: a SUM overflowed after rows were streamed');
  return layoutSheet(newSheet(plan, opts, columns, styles, withBreakdown, true, sink && rowStream(sink, dp, tSize)), T, dp) as SheetSpec;
}

/** The sheet laid out; undefined when a SUM overflowed (never in subtotal mode). */
function layoutSheet(s: Sheet, T: PlanTotals, dp: number): SheetSpec | undefined {
  const { plan, opts } = s;
  const tSize = opts.tableSize ?? 12;
  layoutHeading(s);
  const header = layoutHeader(s);
  if (!s.subtotals && bodyOverflows(s, T, s.rows.length)) s.subtotals = true;
  const { top, bodyStart, bodyEnd } = layoutBody(s, T);
  const grand = layoutTotal(s, top, bodyStart, bodyEnd);
  if (s.overflow) return undefined;
  if (s.withBreakdown) layoutBreakdown(s, bodyStart, bodyEnd);
  layoutWords(s, grand);

  const widths = columnWidths(s, grand, dp);
  setRowHeights(s, widths, tSize, header);
  return {
    name: opts.sheetName ?? (plan.meta.appendixNo ? `Phụ lục ${plan.meta.appendixNo}` : 'Phụ lục'),
    defaultFont: { name: opts.fontName ?? 'Times New Roman', size: tSize },
    columns: widths,
    rows: s.rows,
    merges: s.merges,
    styles: s.styles,
    freeze: freezeOf(s, header.headerEnd),
    print: printSetup(s, header),
    validations: codeValidation(s, bodyStart, bodyEnd),
    roles: s.roles,
    ...(s.stream && s.stream.from >= 0 ? { streamed: { from: s.stream.from, to: s.stream.next - 1 } } : {}),
  };
}
