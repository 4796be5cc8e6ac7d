/**
 * The plan text's stated totals: "Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: …), trong đó:", "Dự kiến
 * tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ" with its words in the next paragraph, "Tổng vốn năm 2023 là 72.524
 * triệu đồng", and the per-source lines under a total's "trong đó" ("- Nguồn vốn sự nghiệp Trung ương: 145.000 triệu
 * đồng."). Each with its scope: the period or nothing (the table's total), one year, or a source. A task's own
 * "Kinh phí dự kiến: 9.559 triệu đồng" states no total and is not read. Figures and words are read by the same
 * parsers as a sheet's closing sentence (text/numbers parseAmount, text/words extractWords).
 */
import type { Dec } from '../base/decimal';
import { fold } from '../text/fold';
import { parseAmount } from '../text/numbers';
import { extractWords, wordsToAmount } from '../text/words';
import type { WordDocument, WordParagraph } from './document';

export type StatementScope =
  | { kind: 'total' }
  | { kind: 'year'; year: number }
  | { kind: 'source'; text: string };

export interface TextStatement {
  /** The amount as stated, in đồng. */
  dong: Dec;
  scope: StatementScope;
  /** The period the sentence names ("giai đoạn 2021-2025"), when it names one. */
  period?: { from: number; to: number };
  /** The amount in words stated with it (same paragraph, or a paragraph in parentheses just after). */
  words?: string;
  paragraph: WordParagraph;
}

const TOTAL = /\btong\s+(kinh\s+phi|von|muc\s+dau\s+tu|nhu\s+cau\s+von|chi\s+phi|du\s+toan)\b/;
const AMOUNT = /(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|vnđ|vnd|đ)(?![\p{L}])/iu;
const PERIOD = /(\d{4})\s*[-–—]\s*(\d{4})/u;
const SOURCE_LINE = /^[-+•–]\s*/u;

/** A period "2021-2025" named in the text, when it is one. */
export function periodIn(text: string): { from: number; to: number } | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const from = parseInt(m[1], 10);
  const to = parseInt(m[2], 10);
  return from >= 1900 && to > from && to - from <= 50 ? { from, to } : undefined;
}

/** The first amount with its unit in the text, in đồng, and the text before it. */
function amountIn(text: string): { dong: Dec; before: string; after: string } | undefined {
  const m = AMOUNT.exec(text);
  if (!m) return undefined;
  const p = parseAmount(m[0], { unit: 'đồng' });
  if (p.kind !== 'number' || p.value.isNegative()) return undefined;
  return { dong: p.value, before: text.slice(0, m.index), after: text.slice(m.index + m[0].length) };
}

/** The scope of a total sentence; undefined when it names several years (a part of the period: not compared). */
function yearScope(before: string): StatementScope | undefined {
  if (PERIOD.test(before) || /giai\s+đoạn/iu.test(before)) return { kind: 'total' };
  const years = [...before.matchAll(/năm\s+(\d{4})\b/giu)].map((m) => m[1]);
  if (years.length === 0) return { kind: 'total' };
  if (years.some((y) => y !== years[0])) return undefined;
  return { kind: 'year', year: parseInt(years[0], 10) };
}

/** Words of the paragraph itself, or of the next one when it is only an amount in words in parentheses. */
function wordsNear(text: string, next: WordParagraph | undefined): string | undefined {
  const own = extractWords(text);
  if (own !== undefined) return own;
  const t = next?.text.trim();
  if (!t || !/^\(.*\)\.?$/u.test(t)) return undefined;
  const inner = t.replace(/^\(/, '').replace(/\)\.?$/, '').trim();
  return wordsToAmount(inner) !== undefined ? inner : undefined;
}

/** Every stated total of the document's text, in order. */
export function scanStatements(doc: WordDocument): TextStatement[] {
  const paras = doc.blocks.filter((b): b is WordParagraph => b.kind === 'paragraph');
  const out: TextStatement[] = [];
  let underTotal = false;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const text = p.text;
    if (text.length > 2000) { underTotal = false; continue; }
    const f = fold(text);
    const a = amountIn(text);
    if (a && TOTAL.test(fold(a.before))) {
      const scope = yearScope(a.before);
      underTotal = scope !== undefined && /trong\s+do\s*:?\s*$/u.test(f);
      if (!scope) continue;
      const period = periodIn(a.before);
      const words = wordsNear(text, paras[i + 1]);
      out.push({ dong: a.dong, scope, ...(period ? { period } : {}), ...(words ? { words } : {}), paragraph: p });
      continue;
    }
    if (underTotal && SOURCE_LINE.test(text)) {
      if (a && /\b(von|nguon|ngan\s+sach)\b/u.test(fold(a.before))) {
        out.push({ dong: a.dong, scope: { kind: 'source', text: a.before.replace(SOURCE_LINE, '').replace(/[:：]\s*$/u, '').trim() }, paragraph: p });
      }
      continue;
    }
    underTotal = false;
  }
  return out;
}
