/**
 * The plan model: one tree for both a plan the user builds and a table read from a sheet.
 *
 * - A plan built here carries item amounts only; group and grand totals are computed (totals.ts).
 * - A table read from a sheet (recognize.ts) also carries what the sheet *states* on group rows,
 *   the grand-total row and the "Trong đó" rows, plus the sheet position of every row and column,
 *   so that the checks (checks.ts) can compare stated with computed and point at a cell.
 *
 * All amounts are Decimal (decimal.ts) in the plan's unit (meta.unit). Never numbers.
 */
import type { Dec } from '../base/decimal';
import { TREE_MESSAGES as TREE } from './messages';

export type Unit = 'đồng' | 'nghìn đồng' | 'triệu đồng' | 'tỷ đồng';
export const UNITS: readonly Unit[] = ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'];

export interface FundingSource {
  /** Short code, unique in the plan: NSTW, NSĐP, ĐTPT, XHH, KHAC, or a user code. */
  code: string;
  /** Label shown in the header: "Ngân sách trung ương", "Vốn sự nghiệp địa phương"... */
  label: string;
  /** Label of its "Trong đó" row, e.g. "Tổng nguồn sự nghiệp địa phương" (default derived from label). */
  breakdownLabel?: string;
}

export interface PlanMeta {
  /** "02" in "PHỤ LỤC 02"; "I" in "Phụ lục I". Optional. */
  appendixNo?: string;
  /** Title, e.g. "Danh mục các dự án dự kiến triển khai giai đoạn 2021-2025" (written in capitals). */
  title: string;
  /** The whole "(Kèm theo ...)" sentence without parentheses, e.g.
   * "Kèm theo Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh Sóc Trăng". */
  attachedTo?: string;
  issuer?: string;
  docNumber?: string;
  docDate?: string;
  unit: Unit;
  /** Label over the year columns; default "Dự kiến phân kỳ". */
  yearsLabel?: string;
  /** Label over the source columns; default "Nguồn vốn". */
  sourcesLabel?: string;
}

export interface YearSpan {
  from: number;
  to: number;
}

/** Keys naming a column/field. Years are "year:2021", sources "source:NSĐP". */
export type FieldKey =
  | 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code'
  | 'sourceText' | 'total' | 'totalInvestment' | 'annual' | 'words'
  | `year:${number}` | `source:${string}`;

export const yearKey = (y: number): FieldKey => `year:${y}`;
export const sourceKey = (code: string): FieldKey => `source:${code}`;

/**
 * Amounts on one row. For an item, what the user entered (or the sheet states).
 * For a group / total / breakdown row read from a sheet, what the sheet states; empty when built here.
 */
export interface RowAmounts {
  /** By year, keyed by the year number. */
  years: Record<number, Dec>;
  /** By funding source code. */
  sources: Record<string, Dec>;
  /** Per source, per year ("Trong đó" exactness): split[code][year]. Optional. */
  split?: Record<string, Record<number, Dec>>;
  /** The row's stated total ("Tổng kinh phí"); for items built here, optional (computed from years). */
  total?: Dec;
  /** Annual plans: "Tổng mức đầu tư". */
  totalInvestment?: Dec;
  /** Annual plans: "Kinh phí năm 2023" (the plan year's amount). */
  annual?: Dec;
}

/** Where a row sits in a sheet (0-based, absolute row index of the sheet). */
export interface RowLoc {
  row: number;
  /** Fields whose cell holds a formula (sheet reads only). */
  formulas?: Partial<Record<FieldKey, string>>;
}

export interface ItemFields {
  tt: string;
  name: string;
  /** "Mới" / "Chuyển tiếp" (free text kept as typed). */
  status?: string;
  lead?: string;
  coordinating?: string;
  objective?: string;
  scale?: string;
  notes?: string;
  code?: string;
  /** Implementation period, e.g. 2021-2025. */
  period?: YearSpan;
  /** Free-text funding source ("Vốn sự nghiệp địa phương"). */
  sourceText?: string;
}

/**
 * Marks an item whose `amounts` are made afresh at each read (items read from a sheet: read/items.ts keeps them in a
 * compact store). Its totals are computed when asked for rather than kept (totals.ts). On the prototype, so a copy
 * (`{ ...item }`) is an ordinary item.
 */
export const AMOUNTS_ON_DEMAND: unique symbol = Symbol('amountsOnDemand');

export interface Item extends ItemFields {
  kind: 'item';
  amounts: RowAmounts;
  readonly [AMOUNTS_ON_DEMAND]?: true;
  /** Optional sub-items (1.1, 1.2). When present, the item's amounts are their sum. */
  children?: Item[];
  loc?: RowLoc;
}

export interface Group {
  kind: 'group';
  /** 1: I, II, III...; 2: A, B, C... or 1., 2. */
  level: 1 | 2;
  tt: string;
  name: string;
  children: PlanNode[];
  /** What the sheet states on the group row (sheet reads); empty amounts for plans built here. */
  stated?: RowAmounts;
  loc?: RowLoc;
}

export type PlanNode = Group | Item;

/** Deepest nesting a plan tree may have: groups I / A, items, sub-items need 4; more is a damaged tree. */
export const MAX_TREE_DEPTH = 32;

/**
 * Why `nodes` is not a tree the core can walk, or undefined when it is one: a node that is not a group or an item,
 * a node reached twice (a cycle, or one object under two parents), nesting deeper than MAX_TREE_DEPTH. Iterative,
 * so a damaged tree cannot exhaust the stack. Callers throw their own named error with this text.
 */
export function treeProblem(nodes: readonly unknown[]): string | undefined {
  const seen = new Set<unknown>();
  const stack: { n: unknown; depth: number }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ n: nodes[i], depth: 1 });
  while (stack.length > 0) {
    const { n, depth } = stack.pop() as { n: unknown; depth: number };
    const node = n as Partial<PlanNode> | null;
    if (!node || typeof node !== 'object' || (node.kind !== 'group' && node.kind !== 'item')) {
      return TREE.notANode;
    }
    if (seen.has(node)) {
      const label = [node.tt, node.name].filter((x) => typeof x === 'string' && x !== '').join(' ');
      return TREE.twice(label);
    }
    if (depth > MAX_TREE_DEPTH) return TREE.tooDeep(MAX_TREE_DEPTH);
    seen.add(node);
    const ch = node.children;
    if (ch === undefined) continue;
    if (!Array.isArray(ch)) return TREE.childrenNotArray;
    for (let i = ch.length - 1; i >= 0; i--) stack.push({ n: ch[i], depth: depth + 1 });
  }
  return undefined;
}

/** A "Trong đó" row: one source's amounts by year, as stated in a sheet. */
export interface BreakdownRow {
  sourceCode: string;
  label: string;
  amounts: RowAmounts;
  loc?: RowLoc;
}

/**
 * A "Trong đó" row by kind of capital ("- Vốn đầu tư / - Vốn sự nghiệp", "Vốn trong nước / Vốn nước ngoài"), on a
 * sheet with no source column of that name: a part of the total, named by `kind` (capitalKindOf).
 */
export interface KindRow {
  kind: string;
  label: string;
  amounts: RowAmounts;
  loc?: RowLoc;
}

/** A total stated outside the table: in the plan text or given by the user. In the plan's unit. */
export interface StatedTotal {
  value: Dec;
  /** Where it was stated ("--stated-total", "Mục VI của kế hoạch", a cell). */
  where: string;
  /** Which table figure it states: "total" (default: the grand total), "annual", "totalInvestment",
   * "source:NSĐP" (a source's total) or "year:2021". */
  field?: FieldKey;
  loc?: { row: number; col: number };
  /** Where it stands outside the table, for the finding's `where` ("Đoạn 12 (VI. KINH PHÍ THỰC HIỆN)"). */
  at?: string;
}

/** An amount written in words somewhere, with the figure it should agree with. */
export interface StatedWords {
  text: string;
  /** The figure it should read as, in the plan's unit (e.g. the grand total). */
  figure?: Dec;
  loc?: { row: number; col: number };
  /** Where it stands outside the table, for the finding's `where`. */
  at?: string;
}

export type LayoutPreset = 'medium-term' | 'annual' | 'flat' | 'completed';

export interface Plan {
  meta: PlanMeta;
  /** Phased years; one year for an annual plan. Absent for lists without year columns. */
  years?: YearSpan;
  /** The plan year for annual plans ("Kinh phí năm 2023"). */
  planYear?: number;
  /** Sheet reads: the source columns break down the plan year's amount (they stand under its heading), not a total. */
  sourcesOfAnnual?: boolean;
  sources: FundingSource[];
  nodes: PlanNode[];
  preset?: LayoutPreset;
  /** Sheet reads: the grand-total row as stated. */
  grandTotal?: { amounts: RowAmounts; loc?: RowLoc; label?: string };
  /** Sheet reads: the "Trong đó" rows. */
  breakdown?: BreakdownRow[];
  /** Sheet reads: the "Trong đó" rows by kind of capital. */
  kindBreakdown?: KindRow[];
  statedTotals?: StatedTotal[];
  statedWords?: StatedWords[];
  /** Sheet reads: sheet name and the column index of each field (0-based, absolute). */
  sheet?: { name: string; columns: Partial<Record<FieldKey, number>> };
}

export function yearsOf(span: YearSpan | undefined): number[] {
  if (!span) return [];
  const out: number[] = [];
  for (let y = span.from; y <= span.to; y++) out.push(y);
  return out;
}
