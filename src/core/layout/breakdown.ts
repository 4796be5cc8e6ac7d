/**
 * Under the body: the grand-total row ("Tổng cộng" = SUM of the top-level rows), the "Trong đó:" rows (one per
 * source, each year a SUMIF over the source codes of the body's rows, see layout.ts), and the "Bằng chữ" line.
 */
import { Dec, ZERO, plain } from '../base/decimal';
import { colLetters } from '../base/a1';
import type { FundingSource, Item, Plan } from '../plan/model';
import type { PlanTotals } from '../plan/totals';
import { formatVi } from '../text/numbers';
import { amountToWords, type WordsOptions } from '../text/words';
import type { Amounts, ColumnSet, LayoutOptions, Sheet } from './context';
import { emptyCell, mergeRow, newRow } from './context';
import type { Emitted } from './body';
import { nonZeroSources, sumCell, totalCell } from './body';
import { LAYOUT_MESSAGES, LayoutError } from './messages';
import type { CellSpec, ValidationSpec } from './sheetspec';

/**
 * Whether the "Trong đó" rows are laid out: with breakdown 'auto' when they are determinable (years and sources
 * shown, every source exact, every item of several sources split by year, source codes distinct without case);
 * 'always' throws when they are not.
 */
export function decideBreakdown(plan: Plan, items: readonly Item[], T: PlanTotals, cs: ColumnSet, opts: LayoutOptions): boolean {
  const mode = opts.breakdown ?? 'auto';
  let ok = cs.yearCols.length > 0 && cs.sourceCols.length > 0 && cs.totalCol !== undefined && T.inexactSources.size === 0;
  if (ok) {
    for (const it of items) {
      if (it.children && it.children.length > 0) continue;
      const R = T.rowOf(it);
      const srcs = nonZeroSources(R);
      if (srcs.length > 1 && !srcs.every((c) => R.split[c])) ok = false;
    }
  }
  // SUMIF compares without case: two codes equal but for case cannot be told apart.
  const folded = plan.sources.map((x) => x.code.trim().toLocaleLowerCase('vi'));
  if (new Set(folded).size !== folded.length) ok = false;
  if (mode === 'always' && !ok) throw new LayoutError(LAYOUT_MESSAGES.breakdownUndetermined, 'BREAKDOWN_UNDETERMINED');
  return mode !== 'never' && ok;
}

/** The grand-total row: each amount the SUM of the top-level rows. Returns the grand total's values. */
export function layoutTotal(s: Sheet, top: Emitted[], bodyStart: number, bodyEnd: number): Amounts {
  const tot = newRow(s);
  s.roles.total.push(tot.r);
  const grand: Amounts = new Map();
  const label = s.opts.totalLabel ?? 'Tổng cộng';
  s.cols.forEach((c, i) => {
    if (c.kind === 'text') tot.row.cells[i] = c.slot === 'name' ? { t: 'text', v: label, s: 'totalText' } : emptyCell('totalText');
  });
  if (s.colOf.get('name') === undefined) tot.row.cells[0] = { t: 'text', v: label, s: 'totalText' };
  for (const c of s.amountCols) tot.row.cells[c] = sumCell(s, c, top.map((t) => t.r), top.map((t) => t.vals), 'totalNum', grand, [bodyStart, bodyEnd]);
  if (s.withBreakdown) tot.row.cells[s.codeCol] = emptyCell('code');
  return grand;
}

/** "Trong đó:" and one row per source: each year the SUMIF of the body's year cells over the source codes. */
export function layoutBreakdown(s: Sheet, bodyStart: number, bodyEnd: number): void {
  const { cols, yearCols, codeCol, colOf } = s;
  const emptyRow = () => {
    const nr = newRow(s);
    s.roles.breakdown.push(nr.r);
    cols.forEach((c, i) => { nr.row.cells[i] = emptyCell(c.kind === 'text' ? 'bdText' : 'bdNum'); });
    return nr;
  };
  const head = emptyRow();
  head.row.cells[colOf.get('name') ?? 0] = { t: 'text', v: 'Trong đó:', s: 'bdHead' };
  const last = Math.max(bodyEnd, bodyStart) + 1;
  const codeRange = `$${colLetters(codeCol)}$${bodyStart + 1}:$${colLetters(codeCol)}$${last}`;
  for (const src of s.plan.sources) {
    const br = emptyRow();
    br.row.cells[colOf.get('name') ?? 0] = { t: 'text', v: src.breakdownLabel ?? defaultBreakdownLabel(src), s: 'bdText' };
    br.row.cells[codeCol] = { t: 'text', v: src.code, s: 'code' };
    const vals: Amounts = new Map();
    const criterion = sumifCriterion(src.code, `$${colLetters(codeCol)}${br.r + 1}`);
    for (const c of yearCols) {
      // The body's year values of this code, summed as the rows were laid out (ExactSum: scaled integers,
      // decimal.js past 2^53), equal to a Dec.plus loop from zero.
      const v = s.codedSums.get(src.code)?.get(c)?.value() ?? ZERO;
      vals.set(c, v);
      const f = `SUMIF(${codeRange},${criterion},${colLetters(c)}$${bodyStart + 1}:${colLetters(c)}$${last})`;
      br.row.cells[c] = { t: 'formula', f, result: plain(v), s: 'bdNum' };
    }
    br.row.cells[s.totalCol as number] = totalCell(s, br.r, vals, 'bdNum', ZERO, true, false, false) as CellSpec;
  }
}

/** The list validation of the code column over the body (empty without the breakdown or without body rows). */
export function codeValidation(s: Sheet, bodyStart: number, bodyEnd: number): ValidationSpec[] {
  if (!s.withBreakdown || bodyEnd < bodyStart) return [];
  const range = { r0: bodyStart, c0: s.codeCol, r1: bodyEnd, c1: s.codeCol };
  return [{ range, list: s.plan.sources.map((x) => x.code), prompt: 'Mã nguồn vốn của dự án (dùng cho các dòng "Trong đó")' }];
}

/** A blank row, then the "Bằng chữ" line merged across the table (when asked and the layout has a total column). */
export function layoutWords(s: Sheet, grand: Amounts): void {
  const { words } = s.opts;
  if (!words || s.totalCol === undefined) return;
  newRow(s); // blank spacer
  const w = newRow(s);
  const text = wordsLine(grand.get(s.totalCol) ?? ZERO, s.plan.meta.unit, words === true ? {} : words);
  w.row.cells[0] = { t: 'text', v: text, s: 'words' };
  mergeRow(s, w.r);
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
export function defaultBreakdownLabel(src: FundingSource): string {
  const l = src.label || src.code;
  const lower = /^[A-ZĐ]{2,}/.test(l) ? l : l.charAt(0).toLocaleLowerCase('vi') + l.slice(1);
  return `Tổng nguồn ${lower}`;
}
