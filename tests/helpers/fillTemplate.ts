/**
 * Fills a template workbook the way an officer would: opens the file `danh-muc template` wrote, types a plan's
 * groups and items into the data rows (exceljs, as plain cell values), fills the Thông tin block, saves a copy.
 */
import ExcelJS from 'exceljs';
import type { Dec } from '../../src/core/base/decimal';
import type { Item, Plan, PlanNode } from '../../src/core/plan/model';
import { formatVi } from '../../src/core/text/numbers';
import { INPUT_SHEET_NAME } from '../../src/core/input/sheet';
import { unitLabel } from '../../src/core/plan/settings';

export interface FillOptions {
  /** Type the amounts of these items as Vietnamese text ("1.559", "4.967,667") instead of numbers. */
  asText?: (it: Item) => boolean;
  /** Change a name before typing it (formula-looking names...). */
  name?: (n: PlanNode) => string;
}

export interface Filled {
  /** 1-based sheet row of each node typed, by "groupTT/itemTT" path. */
  rows: Map<string, number>;
  /** 1-based column of each header key ("tt", "name", "year:2021", "source:NSĐP"...). */
  cols: Map<string, number>;
  header: number;
}

const TITLE_KEYS: Record<string, string> = {
  'TT': 'tt', 'Tên dự án/nhiệm vụ': 'name', 'Mới/chuyển tiếp': 'status', 'Đơn vị chủ trì': 'lead',
  'Đơn vị phối hợp': 'coordinating', 'Thời gian thực hiện': 'period', 'Mục tiêu': 'objective', 'Nguồn vốn': 'sourceText',
  'Ghi chú': 'notes', 'Tổng mức đầu tư': 'totalInvestment',
};

const num = (d: Dec): number => Number(d.toFixed());

export async function fillTemplate(templatePath: string, plan: Plan, outPath: string, opts: FillOptions = {}): Promise<Filled> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const ws = wb.getWorksheet(INPUT_SHEET_NAME);
  if (!ws) throw new Error('no input sheet');
  let header = 0;
  for (let r = 1; r <= 60 && !header; r++) if (ws.getRow(r).getCell(1).value === 'TT') header = r;
  if (!header) throw new Error('no header row');
  const cols = new Map<string, number>();
  ws.getRow(header).eachCell((cell, c) => {
    const t = String(cell.value);
    const key = TITLE_KEYS[t] ?? (/^\d{4}$/.test(t) ? `year:${t}` : `source:${t}`);
    cols.set(key, c);
  });
  // Thông tin block: label in B, value in C.
  const info: Record<string, string | undefined> = {
    'Phụ lục số': plan.meta.appendixNo, 'Tiêu đề': plan.meta.title, 'Kèm theo': plan.meta.attachedTo, 'ĐVT': unitLabel(plan.meta.unit),
  };
  for (let r = 1; r < header; r++) {
    const label = ws.getRow(r).getCell(2).value;
    if (typeof label === 'string' && info[label] !== undefined) ws.getRow(r).getCell(3).value = info[label]!;
  }

  const rows = new Map<string, number>();
  let r = header + 1;
  const put = (key: string, v: string | number | undefined) => {
    const c = cols.get(key);
    if (c !== undefined && v !== undefined && v !== '') ws.getRow(r).getCell(c).value = v;
  };
  const amount = (it: Item, key: string, d: Dec | undefined) => {
    if (!d || d.isZero()) return;
    put(key, opts.asText?.(it) ? formatVi(d) : num(d));
  };
  const walk = (n: PlanNode, pathPrefix: string) => {
    const p = `${pathPrefix}${n.tt}`;
    rows.set(p, r);
    put('tt', n.tt);
    put('name', opts.name ? opts.name(n) : n.name);
    if (n.kind === 'item') {
      put('status', n.status);
      put('lead', n.lead);
      put('coordinating', n.coordinating);
      put('objective', n.objective);
      put('sourceText', n.sourceText);
      put('notes', n.notes);
      if (n.period) put('period', `${n.period.from}-${n.period.to}`);
      if (!n.children?.length) {
        for (const [y, d] of Object.entries(n.amounts.years)) amount(n, `year:${y}`, d);
        for (const [code, d] of Object.entries(n.amounts.sources)) amount(n, `source:${code}`, d);
        amount(n, 'totalInvestment', n.amounts.totalInvestment);
        // An annual plan's "Kinh phí năm 2023" is typed in the plan year's column.
        if (plan.planYear !== undefined && n.amounts.annual && !n.amounts.years[plan.planYear]) {
          amount(n, `year:${plan.planYear}`, n.amounts.annual);
        }
      }
    }
    r++;
    const kids = n.kind === 'group' ? n.children : (n.children ?? []);
    for (const k of kids) walk(k, `${p}/`);
  };
  for (const n of plan.nodes) walk(n, '');
  await wb.xlsx.writeFile(outPath);
  return { rows, cols, header };
}
