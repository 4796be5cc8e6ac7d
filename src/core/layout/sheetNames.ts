/**
 * Worksheet names Excel accepts, and a free one next to existing sheets ("Phụ lục", "Phụ lục (2)"...).
 * Pure: used by the CLI workbook writer (src/xlsx/workbook.ts) and the add-in, so that generating
 * never overwrites an existing sheet.
 *
 * Excel's rules: 1-31 characters; none of [ ] : * ? / \ ; not starting or ending with an apostrophe;
 * "History" is reserved; names compare case-insensitively.
 */
import { EXCEL } from '../base/limits';

const FORBIDDEN = /[[\]:*?/\\]/g;
// Control characters are not accepted in sheet names either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Case-insensitive identity of a sheet name, as Excel compares them. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi');
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

/** A name Excel accepts, as close as possible to `wanted` (forbidden characters become "-"). */
export function sanitizeSheetName(wanted: string, fallback = 'Phụ lục'): string {
  let s = wanted.normalize('NFC').replace(CONTROL, ' ').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '').trim();
  s = cut(s, EXCEL.maxSheetName).trim().replace(/'+$/, '');
  if (!s || sheetNameKey(s) === 'history') return fallback === 'Phụ lục' ? fallback : sanitizeSheetName(fallback);
  return s;
}

/** True when Excel accepts `name` as is. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && sanitizeSheetName(name) === name;
}

/**
 * A sheet name not in `existing` (case-insensitive): `wanted` itself when free, else "wanted (2)",
 * "wanted (3)"..., the base shortened so that the whole stays within EXCEL.maxSheetName (31) characters.
 */
export function freeSheetName(existing: readonly string[], wanted = 'Phụ lục'): string {
  const taken = new Set(existing.map(sheetNameKey));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = cut(base, EXCEL.maxSheetName - suffix.length).trimEnd() + suffix;
    if (!taken.has(sheetNameKey(name))) return name;
  }
}
