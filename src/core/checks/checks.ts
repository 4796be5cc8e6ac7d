/**
 * Model checks: every SPEC finding code that does not need sheet geometry.
 *
 * Rules (see also docs/plan-json.md):
 * - Only what a row states is compared. A group, grand-total or "Trong đó" row that leaves a column blank
 *   (the key is absent) states nothing there and is not an error; a stated 0 is compared like any number.
 *   On an item, a blank year or source is 0.
 * - A group row is compared with its children as shown: a child group's stated value where it states the column,
 *   else the child's computed value; an item's own value. So one wrong subtotal is reported once, at its row,
 *   and the grand total is compared with the group rows above it (SPEC: "the sum of the top-level groups").
 * - "Trong đó" rows are compared with the items (totals.ts breakdown); the years of a source that some item
 *   funds together with other sources without a split are undetermined and not compared.
 * - Every sum comparison allows `tolerance` (a Dec in the plan unit, default 0).
 * - Findings carry the exact cell (sheet, row, col, A1) when the plan came from a sheet (plan.sheet.columns and
 *   node.loc.row), else no cell.
 */
import { Dec, ZERO, eqWithin, isDec, plain } from '../base/decimal';
import { ExactSum, sameDec } from '../base/exactSum';
import { makeFinding, summarize, type CheckResult, type Finding, type FindingCode } from './findings';
import { sourceKey, yearKey, type FieldKey, type Group, type Item, type Plan, type PlanNode, type RowAmounts, type RowLoc } from '../plan/model';
import { formatVi, convertUnit } from '../text/numbers';
import { classifyTT, sequenceIssues, sequenceKind, type TTKind } from '../text/numbering';
import { sourcesInText } from '../plan/sources';
import { computeTotals, headline, type PlanTotals, type RowTotals } from '../plan/totals';
import { amountToWords, canSayInWords, extractWords, wordsToAmount } from '../text/words';

export { matchSourceText, sourcesInText } from '../plan/sources';

export interface CheckOptions {
  /** Rounding tolerance for every sum comparison, in the plan unit. Default 0. */
  tolerance?: Dec;
  /** A total given by the user (in the plan unit), checked like the plan's stated totals. */
  statedTotal?: Dec;
}

export class CheckOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckOptionsError';
  }
}

type Amt = 'total' | 'totalInvestment' | 'annual';
type Col = { kind: 'year'; year: number } | { kind: 'source'; code: string } | { kind: Amt };

const MAX_NAME = 60;

/** A row label computed only when a message needs it (most rows have no finding). */
type Label = { toString(): string };
function lazy(make: () => string): Label {
  let v: string | undefined;
  return { toString: () => (v ??= make()) };
}

function shortName(name: string | undefined): string {
  const n = (name ?? '').replace(/\s+/g, ' ').trim();
  return n.length > MAX_NAME ? `${n.slice(0, MAX_NAME - 1)}…` : n;
}

function vi(d: Dec): string {
  return formatVi(d);
}

function colKey(c: Col): FieldKey {
  if (c.kind === 'year') return yearKey(c.year);
  if (c.kind === 'source') return sourceKey(c.code);
  return c.kind;
}

/** Columns a row states, in display order: years, total, total investment, annual, sources. */
function statedCols(a: RowAmounts | undefined, yearKeys?: string[]): Col[] {
  if (!a) return [];
  const out: Col[] = [];
  if (a.years) {
    for (const y of (yearKeys ?? Object.keys(a.years)).map((k) => parseInt(k, 10)).sort((x, z) => x - z)) {
      if (isDec(a.years[y])) out.push({ kind: 'year', year: y });
    }
  }
  for (const f of ['total', 'totalInvestment', 'annual'] as const) if (isDec(a[f])) out.push({ kind: f });
  if (a.sources) for (const c of Object.keys(a.sources)) if (isDec(a.sources[c])) out.push({ kind: 'source', code: c });
  return out;
}

/**
 * Can a row hold a negative stated amount? A cheap filter (no allocation) in front of negatives(): true for every
 * value negatives() would report (isNegative() is `s < 0`), and for some it would not (-0, non-Dec values).
 */
function mayHoldNegative(a: RowAmounts, yearKeys: string[]): boolean {
  const neg = (v: unknown): boolean => v !== null && v !== undefined && ((v as { s?: number }).s ?? 0) < 0;
  for (const y of yearKeys) if (neg(a.years[y as unknown as number])) return true;
  if (neg(a.total) || neg(a.totalInvestment) || neg(a.annual)) return true;
  if (a.sources) for (const c in a.sources) if (neg(a.sources[c])) return true;
  return false;
}

/**
 * A name as compared for duplicates: NFC, lower case, runs of spaces as one space, no trailing punctuation.
 * Same result as `normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,:]+$/, '').trim()`, skipping
 * the replacements that would change nothing (most names have single spaces and end with a letter).
 */
function nameKey(name: string | undefined): string {
  let k = (name ?? '').normalize('NFC').toLowerCase();
  if (ODD_SPACE.test(k)) k = k.replace(/\s+/g, ' ');
  if (k.length > 0 && TAIL_PUNCT.test(k[k.length - 1])) k = k.replace(/[\s.;,:]+$/, '');
  return k.trim();
}
/** A whitespace character other than a single space: /\s+/g → ' ' would change the text. */
const ODD_SPACE = /[^\S ]| {2}/;
const TAIL_PUNCT = /[\s.;,:]/;

function statedValue(a: RowAmounts, c: Col): Dec | undefined {
  if (c.kind === 'year') return a.years?.[c.year];
  if (c.kind === 'source') return a.sources?.[c.code];
  return a[c.kind];
}

function computedValue(r: RowTotals, c: Col): Dec {
  if (c.kind === 'year') return r.years[c.year] ?? ZERO;
  if (c.kind === 'source') return r.sources[c.code] ?? ZERO;
  return r[c.kind];
}

class Checker {
  readonly findings: Finding[] = [];
  readonly tol: Dec;
  readonly totals: PlanTotals;
  private readonly sourceLabel = new Map<string, string>();

  constructor(readonly plan: Plan, opts: CheckOptions) {
    const t = opts.tolerance;
    if (t !== undefined && (!isDec(t) || !t.isFinite() || t.isNegative())) {
      throw new CheckOptionsError(`Dung sai không hợp lệ: ${String(t)} (phải là số không âm).`);
    }
    this.tol = t ?? ZERO;
    this.totals = computeTotals(plan);
    for (const s of plan.sources ?? []) this.sourceLabel.set(s.code, s.label);
  }

  // ----- wording and location

  colName(c: Col): string {
    switch (c.kind) {
      case 'year': return `năm ${c.year}`;
      case 'source': {
        const label = this.sourceLabel.get(c.code);
        return label && label !== c.code ? `nguồn ${c.code} (${label})` : `nguồn ${c.code}`;
      }
      case 'total': return 'Tổng';
      case 'totalInvestment': return 'Tổng mức đầu tư';
      case 'annual': return this.plan.planYear !== undefined ? `Kinh phí năm ${this.plan.planYear}` : 'Kinh phí năm kế hoạch';
    }
  }

  nodeName(n: PlanNode, parent?: Item): string {
    if (n.kind === 'group') return `Nhóm ${n.tt} "${shortName(n.name)}"`.replace('Nhóm  ', 'Nhóm ');
    const word = parent ? 'Hạng mục' : 'Dự án';
    const tt = (n.tt ?? '').trim();
    return tt ? `${word} ${tt} "${shortName(n.name)}"` : `${word} "${shortName(n.name)}"`;
  }

  where(loc: RowLoc | undefined, field: FieldKey | undefined): Partial<Finding> {
    const sheet = this.plan.sheet;
    if (!sheet || !loc || typeof loc.row !== 'number') return {};
    const col = field !== undefined ? sheet.columns?.[field] : undefined;
    const out: Partial<Finding> = { sheet: sheet.name, row: loc.row };
    if (typeof col === 'number') out.col = col;
    return out;
  }

  /** A stated figure's own cell (statedTotals / statedWords loc). */
  cellAt(loc: { row: number; col: number } | undefined): Partial<Finding> {
    if (!loc || typeof loc.row !== 'number' || typeof loc.col !== 'number') return {};
    return this.plan.sheet ? { sheet: this.plan.sheet.name, row: loc.row, col: loc.col } : { row: loc.row, col: loc.col };
  }

  add(code: FindingCode, message: string, extra: Partial<Finding> = {}): void {
    this.findings.push(makeFinding(code, message, extra));
  }

  /** A sum comparison: stated vs computed; reports `code` when they differ by more than the tolerance. */
  compare(code: FindingCode, stated: Dec, computed: Dec, message: (diff: string) => string,
    extra: Partial<Finding> | (() => Partial<Finding>)): void {
    // Equal finite amounts are within any (non-negative) tolerance: decided without allocating.
    if (sameDec(stated, computed) || eqWithin(stated, computed, this.tol)) return;
    const diff = stated.minus(computed);
    const d = `${diff.isNegative() ? '' : '+'}${vi(diff)}`;
    this.add(code, message(d), { ...(typeof extra === 'function' ? extra() : extra), expected: plain(computed), actual: plain(stated) });
  }

  // ----- values shown on a row

  /** What a node shows in a column: a group's stated value where stated, else computed; an item's own value. */
  shown(n: PlanNode, c: Col): Dec {
    if (n.kind === 'group') {
      const v = n.stated ? statedValue(n.stated, c) : undefined;
      return v ?? computedValue(this.totals.rowOf(n), c);
    }
    if (n.children && n.children.length > 0) {
      const v = statedValue(n.amounts ?? { years: {}, sources: {} }, c);
      return v ?? computedValue(this.totals.rowOf(n), c);
    }
    if (c.kind === 'total') return n.amounts?.total ?? this.totals.rowOf(n).total;
    return computedValue(this.totals.rowOf(n), c);
  }

  // ----- the checks

  run(opts: CheckOptions): Finding[] {
    const nodes = this.plan.nodes;
    if (nodes.length === 0) {
      this.add('MISSING_FIELD', 'Danh mục không có dự án nào.', {});
    }
    this.walk(nodes, undefined, undefined);
    this.numbering(nodes, undefined);
    this.grandTotal();
    this.breakdown();
    this.statedTotals(opts);
    this.words();
    this.duplicates();
    return this.findings;
  }

  private expects = { lead: false, source: false };

  walk(nodes: PlanNode[], parentItem: Item | undefined, _parentGroup: Group | undefined): void {
    if (parentItem === undefined && _parentGroup === undefined) {
      const cols = this.plan.sheet?.columns;
      let anyLead = false;
      let anySource = false;
      const scan = (ns: PlanNode[]): void => {
        for (const n of ns) {
          if (n.kind === 'group') scan(n.children ?? []);
          else {
            if (n.lead && n.lead.trim()) anyLead = true;
            if ((n.sourceText && n.sourceText.trim()) || Object.keys(n.amounts?.sources ?? {}).length) anySource = true;
            if (n.children) scan(n.children);
          }
        }
      };
      if (cols) {
        anyLead = cols.lead !== undefined;
        anySource = cols.sourceText !== undefined || Object.keys(cols).some((k) => k.startsWith('source:'));
      } else scan(nodes);
      this.expects = { lead: anyLead, source: anySource };
    }
    for (const n of nodes) {
      if (n.kind === 'group') {
        this.groupRow(n);
        this.negatives(n.stated, n.loc, this.nodeName(n));
        this.walk(n.children ?? [], undefined, n);
      } else {
        this.item(n, parentItem);
        if (n.children && n.children.length > 0) this.walk(n.children, n, undefined);
      }
    }
  }

  groupRow(n: Group | Item, parent?: Item): void {
    const stated = n.kind === 'group' ? n.stated : n.amounts;
    const children: PlanNode[] = n.children ?? [];
    for (const c of statedCols(stated)) {
      const s = statedValue(stated!, c)!;
      const acc = new ExactSum();
      for (const ch of children) acc.add(this.shown(ch, c));
      if (acc.sameAs(s)) continue;
      const sum = acc.value();
      const what = n.kind === 'group' ? 'các mục trong nhóm' : 'các hạng mục';
      this.compare('GROUP_SUBTOTAL', s, sum,
        (d) => `${this.nodeName(n, parent)}: ${this.colName(c)} ghi ${vi(s)} nhưng tổng ${what} là ${vi(sum)} (chênh lệch ${d}).`,
        () => this.where(n.loc, colKey(c)));
    }
  }

  item(it: Item, parent: Item | undefined): void {
    const name = lazy(() => this.nodeName(it, parent));
    const a = it.amounts ?? { years: {}, sources: {} };
    const isParent = Array.isArray(it.children) && it.children.length > 0;
    // Year records have integer keys, slow to enumerate in V8: list them once per item.
    const yearKeys = a.years ? Object.keys(a.years) : [];
    this.negatives(a, it.loc, name, yearKeys);
    if (isParent) {
      this.groupRow(it, parent);
    } else {
      this.rowSums(it, a, name, yearKeys);
      this.period(it, a, name);
      this.annual(it, a, name);
      this.sourceMismatch(it, a, name);
    }
    this.missing(it, isParent, name);
  }

  /** `years`: the keys of a.years. */
  rowSums(it: Item, a: RowAmounts, name: Label, years: string[]): void {
    // The sum of the years is the item's computed total (totals.ts: ZERO plus each year, in key order).
    const yearSum = years.length ? this.totals.rowOf(it).total : undefined;
    if (a.total && yearSum !== undefined) {
      const t = a.total;
      const ys = yearSum;
      this.compare('ROW_YEARS_SUM', t, ys,
        (d) => `${name}: cột Tổng ghi ${vi(t)} nhưng cộng các năm được ${vi(ys)} (chênh lệch ${d}).`,
        () => this.where(it.loc, 'total'));
    }
    const codes = Object.keys(a.sources ?? {});
    const ref = a.total ?? yearSum;
    if (codes.length && ref !== undefined) {
      const acc = new ExactSum();
      for (const c of codes) acc.add(a.sources[c]);
      if (acc.sameAs(ref)) return this.splitSums(it, a, name, years);
      const srcSum = acc.value();
      const refWord = a.total ? 'cột Tổng' : 'tổng các năm';
      this.compare('ROW_SOURCES_SUM', srcSum, ref,
        (d) => `${name}: cộng các nguồn vốn được ${vi(srcSum)} nhưng ${refWord} là ${vi(ref)} (chênh lệch ${d}).`,
        () => {
          const cols = this.plan.sheet?.columns;
          const at: FieldKey = cols?.total !== undefined ? 'total' : sourceKey(codes.find((c) => cols?.[sourceKey(c)] !== undefined) ?? codes[0]);
          return this.where(it.loc, at);
        });
    }
    this.splitSums(it, a, name, years);
  }

  private splitSums(it: Item, a: RowAmounts, name: Label, years: string[]): void {
    if (a.split) {
      for (const c of Object.keys(a.split)) {
        const s = a.split[c];
        const sSum = Object.keys(s).reduce((acc, y) => acc.plus(s[y as unknown as number]), ZERO);
        const declared = a.sources?.[c];
        if (declared) {
          this.compare('ROW_SOURCES_SUM', sSum, declared,
            (d) => `${name}: phân kỳ theo năm của nguồn ${c} cộng lại ${vi(sSum)} nhưng cột nguồn ${c} ghi ${vi(declared)} (chênh lệch ${d}).`,
            this.where(it.loc, sourceKey(c)));
        }
      }
      for (const y of years) {
        const yv = a.years[y as unknown as number];
        let acc = ZERO;
        for (const c of Object.keys(a.split)) acc = acc.plus(a.split[c][y as unknown as number] ?? ZERO);
        this.compare('ROW_SOURCES_SUM', acc, yv,
          (d) => `${name}: năm ${y} chia theo nguồn vốn cộng lại ${vi(acc)} nhưng năm ${y} ghi ${vi(yv)} (chênh lệch ${d}).`,
          this.where(it.loc, yearKey(parseInt(y, 10))));
      }
    }
  }

  /** `yearKeys`: the keys of a.years, when the caller has them. */
  negatives(a: RowAmounts | undefined, loc: RowLoc | undefined, name: Label, yearKeys?: string[]): void {
    if (!a) return;
    const yk = yearKeys ?? (a.years ? Object.keys(a.years) : []);
    if (mayHoldNegative(a, yk)) this.negativeCols(a, loc, name, yk);
    if (a.split) {
      for (const code of Object.keys(a.split)) for (const y of Object.keys(a.split[code])) {
        const v = a.split[code][y as unknown as number];
        if (v.isNegative() && !v.isZero()) {
          this.add('NEGATIVE_AMOUNT', `${name}: số âm trong phân kỳ nguồn ${code} năm ${y} (${vi(v)}).`,
            { ...this.where(loc, sourceKey(code)), actual: plain(v) });
        }
      }
    }
  }

  private negativeCols(a: RowAmounts, loc: RowLoc | undefined, name: Label, yearKeys: string[]): void {
    for (const c of statedCols(a, yearKeys)) {
      const v = statedValue(a, c)!;
      if (v.isNegative() && !v.isZero()) {
        this.add('NEGATIVE_AMOUNT', `${name}: số âm ở cột ${this.colName(c)} (${vi(v)}).`,
          { ...this.where(loc, colKey(c)), actual: plain(v) });
      }
    }
  }

  period(it: Item, a: RowAmounts, name: Label): void {
    const p = it.period;
    if (!p) return;
    let outside = false;
    for (const y in a.years ?? {}) {
      const yi = parseInt(y, 10);
      if (yi < p.from || yi > p.to) outside = true;
    }
    if (!outside && !a.split) return;
    const years = new Set<number>();
    for (const y of Object.keys(a.years ?? {})) if (!a.years[y as unknown as number].isZero()) years.add(parseInt(y, 10));
    if (a.split) for (const c of Object.keys(a.split)) for (const y of Object.keys(a.split[c])) {
      if (!a.split[c][y as unknown as number].isZero()) years.add(parseInt(y, 10));
    }
    for (const y of [...years].sort((x, z) => x - z)) {
      if (y < p.from || y > p.to) {
        let v = a.years?.[y];
        if (v === undefined) {
          v = ZERO;
          for (const c of Object.keys(a.split ?? {})) v = v.plus(a.split![c][y] ?? ZERO);
        }
        const span = p.from === p.to ? `năm ${p.from}` : `${p.from}-${p.to}`;
        this.add('YEAR_OUTSIDE_PERIOD',
          `${name}: có kinh phí năm ${y} (${vi(v)}) ngoài thời gian thực hiện ${span}.`,
          { ...this.where(it.loc, yearKey(y)), expected: span, actual: String(y) });
      }
    }
  }

  annual(it: Item, a: RowAmounts, name: Label): void {
    if (!a.annual || !a.totalInvestment) return;
    const an = a.annual;
    const ti = a.totalInvestment;
    if (an.minus(ti).gt(this.tol)) {
      this.add('ANNUAL_EXCEEDS_TOTAL',
        `${name}: ${this.colName({ kind: 'annual' })} là ${vi(an)}, lớn hơn tổng mức đầu tư ${vi(ti)} (vượt ${vi(an.minus(ti))}).`,
        { ...this.where(it.loc, 'annual'), expected: plain(ti), actual: plain(an) });
    }
  }

  sourceMismatch(it: Item, a: RowAmounts, name: Label): void {
    const text = it.sourceText;
    if (!text || !text.trim()) return;
    const named = sourcesInText(text, this.plan.sources ?? []);
    if (named.length === 0) return;
    const inCols = new Set<string>([...Object.keys(a.sources ?? {}), ...Object.keys(a.split ?? {})]);
    for (const code of inCols) {
      const v = a.sources?.[code] ?? Object.values(a.split?.[code] ?? {}).reduce((acc: Dec, x) => acc.plus(x as Dec), ZERO);
      if (v.isZero() || named.includes(code)) continue;
      this.add('SOURCE_MISMATCH',
        `${name}: nguồn vốn ghi "${text.trim()}" nhưng số tiền ${vi(v)} nằm ở cột nguồn ${code}.`,
        { ...this.where(it.loc, sourceKey(code)), expected: named.join(', '), actual: code });
    }
  }

  missing(it: Item, isParent: boolean, name: Label): void {
    const miss = (field: FieldKey, what: string): void => {
      this.add('MISSING_FIELD', `${name}: thiếu ${what}.`, this.where(it.loc, field));
    };
    if (!it.name || !it.name.trim()) miss('name', 'tên dự án');
    if (this.expects.lead && (!it.lead || !it.lead.trim())) miss('lead', 'đơn vị chủ trì');
    if (this.expects.source && !isParent) {
      const a = it.amounts ?? { years: {}, sources: {} };
      const hasAmount = Object.values(a.sources ?? {}).some((v) => !v.isZero()) || Object.keys(a.split ?? {}).length > 0;
      if (!hasAmount && !(it.sourceText && it.sourceText.trim())) {
        const cols = this.plan.sheet?.columns;
        const at: FieldKey = cols?.sourceText !== undefined || !cols
          ? 'sourceText'
          : (Object.keys(cols).find((k) => k.startsWith('source:')) as FieldKey);
        miss(at, 'nguồn vốn');
      }
    }
  }

  numbering(nodes: PlanNode[], parentItem: Item | undefined): void {
    const groups = nodes.filter((n): n is Group => n.kind === 'group');
    const items = nodes.filter((n): n is Item => n.kind === 'item');
    if (groups.length) {
      const tts = groups.map((g) => g.tt ?? '');
      this.sequence(groups, tts, sequenceKind(tts));
    }
    if (items.length) {
      const tts = items.map((i) => i.tt ?? '');
      if (parentItem) {
        const prefix = classifyTT(parentItem.tt ?? '').core;
        if (prefix) this.sequence(items, tts, 'dotted', prefix);
      } else this.sequence(items, tts, 'number');
    }
    for (const g of groups) this.numbering(g.children ?? [], undefined);
    for (const i of items) if (i.children && i.children.length) this.numbering(i.children, i);
  }

  sequence(nodes: PlanNode[], tts: string[], kind: TTKind, prefix?: string): void {
    if (kind === 'none' || kind === 'other') return;
    const issues = sequenceIssues(tts, kind, prefix ? { prefix } : undefined);
    for (const is of issues) {
      const n = nodes[is.index];
      const shown = is.actual === '' ? '(trống)' : `"${is.actual}"`;
      this.add('NUMBERING', `Số thứ tự ${shown} của ${n.kind === 'group' ? 'nhóm' : 'mục'} "${shortName(n.name)}": theo thứ tự phải là "${is.expected}".`,
        { ...this.where(n.loc, 'tt'), expected: is.expected, actual: is.actual });
    }
  }

  grandTotal(): void {
    const gt = this.plan.grandTotal;
    if (!gt || !gt.amounts) return;
    const label = gt.label?.trim() || 'Tổng cộng';
    this.negatives(gt.amounts, gt.loc, `Dòng "${label}"`);
    for (const c of statedCols(gt.amounts)) {
      const s = statedValue(gt.amounts, c)!;
      let sum = ZERO;
      for (const n of this.plan.nodes) sum = sum.plus(this.shown(n, c));
      const what = this.plan.nodes.some((n) => n.kind === 'group') ? 'các nhóm' : 'các dự án';
      this.compare('GRAND_TOTAL', s, sum,
        (d) => `Dòng "${label}": ${this.colName(c)} ghi ${vi(s)} nhưng tổng ${what} là ${vi(sum)} (chênh lệch ${d}).`,
        this.where(gt.loc, colKey(c)));
    }
  }

  breakdown(): void {
    for (const b of this.plan.breakdown ?? []) {
      const code = b.sourceCode;
      const label = b.label?.trim() || `Trong đó nguồn ${code}`;
      this.negatives(b.amounts, b.loc, `Dòng "${label}"`);
      const perYear = this.totals.breakdown[code] ?? {};
      const exactYears = !this.totals.inexactSources.has(code);
      for (const c of statedCols(b.amounts)) {
        const s = statedValue(b.amounts, c)!;
        let expected: Dec | undefined;
        if (c.kind === 'year') expected = exactYears ? perYear[c.year] ?? ZERO : undefined;
        else if (c.kind === 'total') expected = this.totals.bySource[code] ?? ZERO;
        else if (c.kind === 'source') expected = c.code === code ? this.totals.bySource[code] ?? ZERO : undefined;
        if (expected === undefined) continue;
        const e = expected;
        this.compare('BREAKDOWN', s, e,
          (d) => `Dòng "${label}": ${this.colName(c)} ghi ${vi(s)} nhưng các dự án nguồn ${code} cộng lại ${vi(e)} (chênh lệch ${d}).`,
          this.where(b.loc, colKey(c)));
      }
    }
  }

  /** The figure the table shows for a field: the grand-total row where it states it, else the computed total. */
  tableFigure(field: FieldKey): Dec {
    const gt = this.plan.grandTotal?.amounts;
    const g = this.totals.grand;
    if (field.startsWith('year:')) {
      const y = parseInt(field.slice(5), 10);
      return gt?.years?.[y] ?? g.years[y] ?? ZERO;
    }
    if (field.startsWith('source:')) {
      const c = field.slice(7);
      return gt?.sources?.[c] ?? g.sources[c] ?? ZERO;
    }
    if (field === 'total' || field === 'totalInvestment' || field === 'annual') return gt?.[field] ?? g[field];
    return gt?.total ?? g.total;
  }

  statedTotals(opts: CheckOptions): void {
    const list = [...(this.plan.statedTotals ?? [])];
    if (opts.statedTotal !== undefined) {
      if (!isDec(opts.statedTotal) || !opts.statedTotal.isFinite()) {
        throw new CheckOptionsError(`Tổng đối chiếu không hợp lệ: ${String(opts.statedTotal)}.`);
      }
      list.push({ value: opts.statedTotal, where: 'tổng do người dùng nhập' });
    }
    const unit = this.plan.meta?.unit ?? 'triệu đồng';
    const head = headline(this.plan, this.totals).field;
    for (const st of list) {
      if (!isDec(st.value) || !st.value.isFinite()) continue;
      const field: FieldKey = st.field ?? head;
      const table = this.tableFigure(field);
      const v = st.value;
      const what = field === 'total' || field === 'totalInvestment' || field === 'annual'
        ? (field === 'total' ? 'tổng cộng' : this.colName({ kind: field }).toLowerCase())
        : field.startsWith('year:') ? `tổng năm ${field.slice(5)}` : `tổng nguồn ${field.slice(7)}`;
      const extra = this.cellAt(st.loc);
      this.compare('STATED_TOTAL', v, table,
        (d) => `Tổng nêu tại ${st.where || 'văn bản'} là ${vi(v)} ${unit}, khác ${what} của bảng ${vi(table)} ${unit} (chênh lệch ${d}).`,
        extra);
    }
  }

  words(): void {
    const unit = this.plan.meta?.unit ?? 'triệu đồng';
    for (const w of this.plan.statedWords ?? []) {
      if (typeof w.text !== 'string') continue;
      const figure = w.figure ?? headline(this.plan, this.totals).value;
      const figureDong = convertUnit(figure, unit, 'đồng');
      const read = wordsToAmount(extractWords(w.text) ?? w.text);
      const extra = this.cellAt(w.loc);
      if (!canSayInWords(figureDong)) {
        // 10^21 đồng or more, or finer than 10^-18 đồng: no Vietnamese sentence reads this figure.
        this.add('WORDS_MISMATCH',
          `Không đối chiếu được số tiền bằng chữ "${shortName(w.text)}": số ${vi(figureDong)} đồng của bảng quá lớn hoặc quá lẻ để viết thành chữ.`,
          { ...extra, expected: plain(figureDong), actual: w.text });
        continue;
      }
      const right = amountToWords(figureDong);
      if (read === undefined) {
        this.add('WORDS_MISMATCH',
          `Không đọc được số tiền bằng chữ "${shortName(w.text)}"; số ${vi(figureDong)} đồng viết bằng chữ là "${right}".`,
          { ...extra, expected: plain(figureDong), actual: w.text });
        continue;
      }
      const tolDong = convertUnit(this.tol, unit, 'đồng');
      if (!eqWithin(read, figureDong, tolDong)) {
        this.add('WORDS_MISMATCH',
          `Số tiền bằng chữ "${shortName(w.text)}" đọc là ${vi(read)} đồng, khác số ${vi(figureDong)} đồng; viết đúng: "${right}".`,
          { ...extra, expected: plain(figureDong), actual: plain(read) });
      }
    }
  }

  duplicates(): void {
    const seen = new Map<string, Item>();
    const visit = (nodes: PlanNode[], scope: string): void => {
      for (const n of nodes) {
        if (n.kind === 'group') {
          visit(n.children ?? [], scope);
          continue;
        }
        const key = nameKey(n.name);
        if (key) {
          const k = `${scope}\u0000${key}`;
          const first = seen.get(k);
          if (first) {
            this.add('DUPLICATE_ITEM',
              `${this.nodeName(n)}: trùng tên với dự án ${first.tt ?? ''} "${shortName(first.name)}".`.replace('dự án  ', 'dự án '),
              { ...this.where(n.loc, 'name'), actual: n.name });
          } else seen.set(k, n);
        }
        if (n.children && n.children.length) visit(n.children, `${scope}/${n.tt ?? ''}:${key}`);
      }
    };
    visit(this.plan.nodes, '');
  }
}

/** Every model check on a plan; findings in table order. Throws CheckOptionsError / TotalsError on invalid input. */
export function checkPlan(plan: Plan, opts: CheckOptions = {}): Finding[] {
  return new Checker(plan, opts ?? {}).run(opts ?? {});
}

/** checkPlan with its summary (items, groups, grand total in the plan unit). */
export function checkResult(plan: Plan, opts: CheckOptions = {}): CheckResult {
  const ch = new Checker(plan, opts ?? {});
  const findings = ch.run(opts ?? {});
  const head = headline(plan, ch.totals);
  return {
    findings,
    summary: summarize(findings, {
      items: ch.totals.itemCount,
      groups: ch.totals.groupCount,
      grandTotal: plain(plan.grandTotal?.amounts?.[head.field] ?? head.value),
      unit: plan.meta?.unit,
    }),
  };
}
