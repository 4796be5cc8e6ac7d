/**
 * "Bằng chữ: ..." lines: the amount stated in words, and a figure stated before them ("441.115.000.000 đồng
 * (Bằng chữ: ...)"), which is a stated total of the table.
 */
import { a1 } from '../base/a1';
import { yearKey, type FieldKey, type Plan, type StatedTotal, type StatedWords } from '../plan/model';
import { fold } from '../text/fold';
import { parseAmount } from '../text/numbers';
import { wordsCanRead } from './amounts';
import type { Row } from './cells';
import { READ_MESSAGES as M } from './messages';
import type { ReadState } from './state';

const WORDS_HINT = /b\S{1,4}ng\s+ch/i;

function wordsStart(t: string): number {
  if (!WORDS_HINT.test(t)) return -1;
  const f = fold(t);
  return f.indexOf('bang chu');
}

/** The column of the row's "Bằng chữ" cell, if any. */
export function findWordsCell(row: Row): number | undefined {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || typeof cell.value !== 'string') continue;
    if (cell.value.length < 10 || cell.value.length > 2000) continue;
    if (wordsStart(cell.value) >= 0) return c;
  }
  return undefined;
}

/**
 * The scope of a stated total: a sentence naming one year ("Tổng kinh phí dự kiến thực hiện năm 2023: ...") is that
 * year's amount (its year column, else the annual plan's column); a period ("giai đoạn 2021-2025") or nothing is
 * the table's total (undefined).
 */
function scopeOf(s: ReadState, before: string): FieldKey | undefined {
  const t = before.normalize('NFC');
  if (/\d{4}\s*[-–—]\s*\d{4}/u.test(t) || /giai\s+đoạn/iu.test(t)) return undefined;
  const years = [...t.matchAll(/năm\s+(\d{4})\b/giu)].map((m) => m[1]);
  if (years.length === 0 || years.some((y) => y !== years[0])) return undefined;
  const key = yearKey(parseInt(years[0], 10));
  if (s.amountCols.some((ac) => ac.key === key)) return key;
  if (s.amountCols.some((ac) => ac.key === 'annual')) return 'annual';
  return undefined;
}

/** The words of a "Bằng chữ" cell, and the figure stated before them (a stated total). */
export function readWordsLine(s: ReadState, raw: string, r: number, c: number): { words: StatedWords; stated?: StatedTotal } {
  const text = raw.replace(/\s+/g, ' ').trim();
  // Text after "bằng chữ" and its colon; drop enclosing parentheses.
  const m = /bằng\s+chữ\s*[:：]?\s*(.*)$/iu.exec(text.normalize('NFC')) ?? /bang\s+chu\s*[:：]?\s*(.*)$/iu.exec(text);
  let words = (m ? m[1] : text).trim();
  words = words.replace(/\)\s*[,.;:]?\s*(trong đó.*)?$/iu, '').replace(/^\(/, '').trim();
  const sw: StatedWords = { text: words, loc: { row: r, col: c } };
  const before = text.slice(0, Math.max(0, text.search(/\(?\s*bằng\s+chữ/iu)));
  const fm = /(\d[\d.,]*(?:\s*(?:tỷ|tỉ|triệu|nghìn|ngàn))?(?:\s*(?:đồng|đ|vnđ|vnd))?)\s*[.,:;]?\s*$/iu.exec(before.trim());
  if (fm) {
    const p = parseAmount(fm[1], { unit: s.unit });
    if (p.kind === 'number' && wordsCanRead(s, p.value)) {
      sw.figure = p.value;
      const field = scopeOf(s, before);
      return { words: sw, stated: { value: p.value, where: M.cellWhere(a1(r, c)), loc: { row: r, col: c }, ...(field ? { field } : {}) } };
    }
  }
  return { words: sw };
}

/** Words lines with no figure of their own are read against the grand total (when words can say it). */
export function wordsAgainstTotal(s: ReadState, statedWords: StatedWords[], grandTotal: Plan['grandTotal']): void {
  const gt = grandTotal?.amounts;
  const g = gt ? gt.total ?? gt.totalInvestment ?? gt.annual : undefined;
  const figure = g !== undefined && wordsCanRead(s, g) ? g : undefined;
  for (const w of statedWords) if (w.figure === undefined && figure !== undefined) w.figure = figure;
}
