/** Free worksheet names: "Phụ lục", "Phụ lục (2)", ... — Excel compares names case-insensitively. */

const MAX_LEN = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A valid Excel sheet name from any text: forbidden characters replaced, trimmed to 31 characters. */
export function cleanSheetName(name: string): string {
  const s = name.normalize('NFC').replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim();
  return (s || 'Phụ lục').slice(0, MAX_LEN);
}

/** The first of base, "base (2)", "base (3)"... that is not among existing (case-insensitive). */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.normalize('NFC').toLocaleLowerCase('vi')));
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLocaleLowerCase('vi'))) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, MAX_LEN - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase('vi'))) return candidate;
  }
}
