/**
 * The input-sheet flows of the pane over the core: the template (input/write.ts), reading it into a plan
 * (input/read.ts; which sheet is one: input/sheet.ts's isInputGrid, the CLI's rule too), spreading a
 * total over an item's years (spread.ts) and renumbering TT (numbering.ts). Rows and columns of the sheet come from
 * the table reader (recognize.ts), so nothing here knows the sheet's layout.
 */
import type { Grid } from '../core/base/grid';
import type { Item, Plan, PlanNode } from '../core/plan/model';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite } from '../office/host';
import type { InputOptions } from './engine';
import { UserError } from './engine';
import { Dec, plain } from '../core/base/decimal';
import { templateSpec } from '../core/input/write';
import { planFromInputGrid } from '../core/input/read';
import { InputSheetError } from '../core/input/problems';
import { INPUT_SHEET_NAME, isInputGrid } from '../core/input/sheet';
import { parseSourceCodes } from '../core/plan/settings';
import { recognizeTable } from '../core/read/recognize';
import { spread } from '../core/plan/spread';
import { renumber } from '../core/text/numbering';

export function inputTemplateSpec(opts: InputOptions): SheetSpec {
  return templateSpec({
    years: { from: opts.yearFrom, to: opts.yearTo },
    sources: parseSourceCodes(opts.sources.join(',')),
    name: INPUT_SHEET_NAME,
  });
}

/** The plan of an input sheet; undefined when the grid is not one (isInputGrid); UserError when it is one with problems. */
export function planFromInputSheet(grid: Grid): Plan | undefined {
  if (!isInputGrid(grid)) return undefined;
  try {
    return planFromInputGrid(grid);
  } catch (e) {
    if (e instanceof InputSheetError) throw new UserError(`Trang “${grid.sheet}”: ${e.message}`);
    throw e;
  }
}

function readTable(grid: Grid): Plan {
  const rec = recognizeTable(grid);
  if (!rec.ok) throw new UserError(rec.finding.message);
  return rec.plan;
}

function items(nodes: PlanNode[], out: Item[] = []): Item[] {
  for (const n of nodes) {
    if (n.kind === 'group') items(n.children, out);
    else {
      out.push(n);
      if (n.children) items(n.children, out);
    }
  }
  return out;
}

/** Year cells of the item on `row`, splitting `total` (plain decimal string) equally over the plan's years. */
export function spreadWrites(grid: Grid, row: number, total: string): CellWrite[] {
  const plan = readTable(grid);
  const item = items(plan.nodes).find((it) => it.loc?.row === row);
  if (!item) throw new UserError(`Dòng ${row + 1} không phải dòng dự án: hãy chọn một ô trên dòng của dự án cần chia.`);
  if (item.children?.length) throw new UserError(`Dự án ở dòng ${row + 1} có dự án con: hãy chia cho từng dự án con.`);
  const cols = plan.sheet?.columns ?? {};
  const years = Object.entries(cols)
    .filter(([k]) => k.startsWith('year:'))
    .map(([k, c]) => ({ year: parseInt(k.slice(5), 10), col: c as number }))
    .sort((a, b) => a.year - b.year);
  if (!years.length) throw new UserError('Trang không có cột năm để chia.');
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
  if (ttCol === undefined) throw new UserError('Không thấy cột TT trên trang.');
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
