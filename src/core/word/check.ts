/**
 * Checking a Word plan: each table recognised like a sheet (a table without a TT/name/amount header — a task list,
 * a signature block — is left out silently; UNREADABLE_TABLE only when no table is recognisable), then the text's
 * stated totals (scan.ts) compared with the table they belong to: the table whose figure for the scope (total, a
 * year, a source) is the stated one; else the table of the sentence's period, or of the document's; else the only
 * table with money. A sentence whose table cannot be told is not compared (never a guessed error).
 */
import { a1 } from '../base/a1';
import type { Dec } from '../base/decimal';
import type { Grid } from '../base/grid';
import { checkRecognized, type SheetCheckOptions, type SheetCheckResult } from '../checks/sheetCheck';
import { makeFinding, summarize } from '../checks/findings';
import { yearKey, type FieldKey, type Plan, type Unit } from '../plan/model';
import { matchSourceText } from '../plan/sources';
import { computeTotals, headline } from '../plan/totals';
import { recognizeTable, type Recognized } from '../read/recognize';
import { convertUnit, parseUnitLine } from '../text/numbers';
import { wordsToAmount } from '../text/words';
import type { WordDocument, WordParagraph, WordTable } from './document';
import { WORD_MESSAGES as M } from './messages';
import { periodIn, scanStatements, type TextStatement } from './scan';

interface Candidate { table: WordTable; rec: Extract<Recognized, { ok: true }>; period?: { from: number; to: number } }

export interface DocumentCheckResult {
  /** One result per recognised table (sheet "Bảng N"), or the unreadable ones when none is recognised. */
  results: SheetCheckResult[];
}

/** The table's figure for a scope, in its unit; undefined when the table has no such figure. */
function figureOf(plan: Plan, field: FieldKey): Dec | undefined {
  const gt = plan.grandTotal?.amounts;
  const t = computeTotals(plan).grand;
  if (field.startsWith('year:')) {
    const y = parseInt(field.slice(5), 10);
    return gt?.years?.[y] ?? t.years[y];
  }
  if (field.startsWith('source:')) {
    const c = field.slice(7);
    return gt?.sources?.[c] ?? t.sources[c];
  }
  if (field === 'total' || field === 'totalInvestment' || field === 'annual') return gt?.[field] ?? t[field];
  return undefined;
}

/** The field a statement states in this table, or undefined when the table has none for it. */
function fieldIn(plan: Plan, st: TextStatement): FieldKey | undefined {
  const cols = plan.sheet?.columns ?? {};
  if (st.scope.kind === 'total') return headline(plan, computeTotals(plan)).field;
  if (st.scope.kind === 'year') {
    const key = yearKey(st.scope.year);
    if (cols[key] !== undefined) return key;
    return plan.planYear === st.scope.year && cols.annual !== undefined ? 'annual' : undefined;
  }
  const code = matchSourceText(st.scope.text, plan.sources);
  return code !== undefined && cols[`source:${code}`] !== undefined ? `source:${code}` : undefined;
}

/** The period of a table: its year columns, else a period named in its title (the paragraphs just above it, its top rows). */
function periodOf(plan: Plan, above: string): { from: number; to: number } | undefined {
  if (plan.years && plan.years.to > plan.years.from) return { from: plan.years.from, to: plan.years.to };
  return periodIn(above);
}

function same(p: { from: number; to: number } | undefined, q: { from: number; to: number } | undefined): boolean {
  return p !== undefined && q !== undefined && p.from === q.from && p.to === q.to;
}

/** The table a statement belongs to, with its field (see the file comment). */
function tableFor(st: TextStatement, cands: Candidate[], docPeriod: { from: number; to: number } | undefined, unit: (c: Candidate) => Unit): { c: Candidate; field: FieldKey } | undefined {
  const withField = cands.flatMap((c) => { const field = fieldIn(c.rec.plan, st); return field ? [{ c, field }] : []; });
  const equal = withField.find(({ c, field }) => figureOf(c.rec.plan, field)?.eq(convertUnit(st.dong, 'đồng', unit(c))));
  if (equal) return equal;
  for (const period of [st.period, docPeriod]) {
    const of = withField.filter(({ c }) => same(c.period, period));
    if (of.length === 1) return of[0];
  }
  return withField.length === 1 ? withField[0] : undefined;
}

function nearestHeading(p: WordParagraph): string | undefined {
  return p.headingPath[p.headingPath.length - 1];
}

/** Adds the statement (and its words) to the plan of its table, in the table's unit. */
function attach(plan: Plan, r: RoutedStatement): void {
  const st = r.statement;
  const at = M.paragraph(st.paragraph.index, nearestHeading(st.paragraph));
  plan.statedTotals = [...(plan.statedTotals ?? []), { value: r.value, where: r.where, field: r.field, at }];
  if (st.words !== undefined && wordsToAmount(st.words) !== undefined) {
    plan.statedWords = [...(plan.statedWords ?? []), { text: st.words, figure: r.value, at }];
  }
}

/**
 * The table's findings located in words ("Bảng 2, dòng 14, cột 7"). TEXT_NUMBER is dropped: in a Word table every
 * figure is text, so "a numeric cell holds text" says nothing (SUSPECT_DECIMAL, a figure read two ways, stays).
 */
function located(r: SheetCheckResult): SheetCheckResult {
  const findings = r.findings.filter((f) => f.code !== 'TEXT_NUMBER').map((f) => (f.where === undefined && f.row !== undefined && f.col !== undefined
    ? { ...f, cell: f.cell ?? a1(f.row, f.col), where: M.tableCell(r.sheet, f.row + 1, f.col + 1) }
    : f));
  const { errors: _e, warnings: _w, infos: _i, ...rest } = r.summary;
  return { ...r, findings, summary: summarize(findings, rest) };
}

/**
 * A table recognised; when neither the options nor the table give its unit, a unit line in the paragraphs just above
 * it ("ĐVT: Triệu đồng", "Đơn vị tính: tỷ đồng") gives it, as a sheet's unit line above its table would.
 */
function recognizeIn(t: WordTable, above: string[], opts: SheetCheckOptions): Recognized {
  const rec = recognizeTable(t.grid, { unit: opts.unit, headerRow: opts.headerRow });
  if (!rec.ok || rec.unitFrom !== 'default') return rec;
  const unit = above.map((x) => (x.length <= 120 ? parseUnitLine(x) : undefined)).filter((u) => u !== undefined).pop();
  return unit ? recognizeTable(t.grid, { unit, headerRow: opts.headerRow }) : rec;
}

interface Tables { cands: Candidate[]; unreadable: SheetCheckResult[] }

/** The document's tables: the recognised ones (with the period each covers) and the results of the others. */
function tablesOf(doc: WordDocument, opts: SheetCheckOptions): Tables {
  const cands: Candidate[] = [];
  const unreadable: SheetCheckResult[] = [];
  let above: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') { above.push(b.text); continue; }
    const rec = recognizeIn(b, above.slice(-4), opts);
    const top = b.grid.cells.slice(0, 4).flatMap((row) => (row ?? []).map((c) => (typeof c?.value === 'string' ? c.value : '')));
    if (rec.ok) cands.push({ table: b, rec, period: periodOf(rec.plan, [...above.slice(-4), ...top].join(' ')) });
    else unreadable.push(checkRecognized(b.grid, rec, opts));
    above = [];
  }
  return { cands, unreadable };
}

/** A text statement routed to its table: the field it states there, its value in the table's unit. */
export interface RoutedStatement {
  statement: TextStatement;
  /** WordTable.index of the table it belongs to */
  table: number;
  field: FieldKey;
  value: Dec;
  unit: Unit;
  /** how a finding's message names the sentence: "đoạn 2 của văn bản (VI. KINH PHÍ THỰC HIỆN)" */
  where: string;
}

function route(doc: WordDocument, cands: Candidate[]): Array<RoutedStatement & { c: Candidate }> {
  const firstText = doc.blocks.find((b): b is WordParagraph => b.kind === 'paragraph' && periodIn(b.text) !== undefined);
  const docPeriod = firstText ? periodIn(firstText.text) : undefined;
  return scanStatements(doc).flatMap((st) => {
    const hit = tableFor(st, cands, docPeriod, (c) => c.rec.unit);
    if (!hit) return [];
    const unit = hit.c.rec.unit;
    return [{
      c: hit.c, statement: st, table: hit.c.table.index, field: hit.field, value: convertUnit(st.dong, 'đồng', unit), unit,
      where: M.statedWhere(st.paragraph.index, nearestHeading(st.paragraph)),
    }];
  });
}

/**
 * The text's stated totals, each with the table it belongs to (the same routing as checkWordDocument); a sentence
 * whose table cannot be told is left out.
 */
export function routeStatements(doc: WordDocument, opts: SheetCheckOptions = {}): RoutedStatement[] {
  return route(doc, tablesOf(doc, opts).cands).map(({ c: _c, ...r }) => r);
}

/** Every recognisable table of the document checked, its text's stated totals compared with them. */
export function checkWordDocument(doc: WordDocument, opts: SheetCheckOptions = {}): DocumentCheckResult {
  const { cands, unreadable } = tablesOf(doc, opts);
  if (cands.length === 0) {
    if (unreadable.length > 0) return { results: unreadable };
    const name = doc.name ?? M.documentName;
    const f = makeFinding('UNREADABLE_TABLE', M.noTable(name), { sheet: name });
    return { results: [{ recognized: false, sheet: name, findings: [f], summary: summarize([f]) }] };
  }
  for (const r of route(doc, cands)) attach(r.c.rec.plan, r);
  const grid = (c: Candidate): Grid => c.table.grid;
  return { results: cands.map((c) => located(checkRecognized(grid(c), c.rec, opts))) };
}
