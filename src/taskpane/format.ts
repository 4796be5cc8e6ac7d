/** Display helpers for the pane: vi-VN numbers from the plain decimal strings of findings and summaries. */
import { Dec } from '../core/base/decimal';
import { formatVi } from '../core/text/numbers';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "441115" → "441.115", "4967.667" → "4.967,667"; other text unchanged. */
export function showValue(v: string | undefined): string {
  if (v === undefined) return '';
  return DECIMAL.test(v) ? formatVi(new Dec(v)) : v;
}

/**
 * A message shown on its own (under a field, in a message bar) as a sentence: its first letter capitalised. The
 * application layer's messages start in lower case, as the command line prints them after "--years: ".
 */
export function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** sentence() of a problem, if there is one. */
export function sentenceOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : sentence(text);
}

/** A grid cell's number as Excel would show it under numFmt ("#,##0" → no decimals, "#,##0.000" → three). */
export function showNumber(n: number, numFmt?: string): string {
  const m = numFmt ? /0\.(0+)/.exec(numFmt) : null;
  const d = new Dec(n);
  if (m) return formatVi(d, { decimals: m[1].length });
  if (numFmt && /#,##0|0/.test(numFmt)) return formatVi(d, { decimals: 0 });
  return formatVi(d);
}
