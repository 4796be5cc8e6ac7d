/**
 * What a text typed into a cell becomes, as Excel with the vi-VN locale stores it: a Vietnamese figure ("1.234",
 * "4.967,667", "-12,5", "(1.234)") becomes a number, read by the core's amount parser (exact decimal, then the
 * double Excel keeps); anything else stays text, word for word. A leading "=" stays text too: in the preview, text
 * a user types never becomes a formula. Figures Excel vi-VN would not take as numbers stay text: English-style
 * ("1,234.5", "1.5"), with a unit ("5 tỷ"), with spaces, or with more than 15 significant digits (Excel would
 * silently round them).
 */
import type { GridCell } from '../core/base/grid';
import { parseAmount } from '../core/text/numbers';
import { EXCEL } from '../core/base/limits';

const NOT_VI = new Set(['english', 'comma-thousands', 'dot-decimal']);

export function parseTyped(text: string): GridCell['value'] {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=') || /\s/.test(t)) return text;
  const p = parseAmount(t);
  if (p.kind !== 'number' || p.unitInText || (p.ambiguity && NOT_VI.has(p.ambiguity))) return text;
  const digits = p.value.abs().toFixed().replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length > EXCEL.maxSignificantDigits) return text;
  return Number(p.value.toString());
}
