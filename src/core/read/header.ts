/**
 * The header band: the first row holding "TT"/"STT" with a name column in it or in the two rows below, extended
 * over vertical merges and sub-header rows (years, source codes); and the same header repeated after page breaks.
 */
import { a1 } from '../base/a1';
import type { Grid } from '../base/grid';
import { foldWords } from '../text/fold';
import { cellText, isBlank, isColumnNumberRow, rowOf, type Row } from './cells';
import { READ_MESSAGES as M } from './messages';
import type { ReadState } from './state';
import { classifyLabel, isNameLabel, isTTLabel } from './vocabulary';

/** Rows searched for the header when the caller does not say where it is. */
const SCAN_ROWS = 300;

/** The first column of a row whose short text is a name label ("Tên dự án"), or -1. */
function nameLabelCol(row: Row): number {
  for (let c = 0; c < row.length; c++) {
    const t = row[c];
    if (t && typeof t.value === 'string' && t.value.length < 120 && isNameLabel(foldWords(t.value), true)) return c;
  }
  return -1;
}

/** The column of a row holding "TT"/"STT", or -1. */
function ttLabelCol(row: Row, width: number): number {
  for (let c = 0; c < Math.min(row.length, width); c++) {
    const t = row[c];
    if (!t || typeof t.value !== 'string') continue;
    if (t.value.length > 40) continue;
    if (isTTLabel(foldWords(t.value))) return c;
  }
  return -1;
}

/** Does a table's header start at row r: "TT"/"STT" with a name label in that row or the two below? */
export function tableHeaderAt(grid: Grid, r: number, width: number): boolean {
  if (ttLabelCol(rowOf(grid, r), width) < 0) return false;
  for (let k = 0; k < 3 && r + k < grid.cells.length; k++) if (nameLabelCol(rowOf(grid, r + k)) >= 0) return true;
  return false;
}

/** The first row in [from, to) where a table's header starts (tableHeaderAt), or `to`. */
export function firstTableHeader(grid: Grid, from: number, to: number, width: number): number {
  for (let r = from; r < to; r++) if (tableHeaderAt(grid, r, width)) return r;
  return to;
}

/** The header band (its rows) and the TT column; or why there is none. */
export function findHeader(s: ReadState): { band: number[]; ttCol: number } | { error: string } {
  const { grid, opts } = s;
  const rowsN = grid.cells.length;
  const start = opts.headerRow !== undefined && opts.headerRow >= 0 ? opts.headerRow : 0;
  const end = opts.headerRow !== undefined ? Math.min(rowsN, start + 1) : Math.min(rowsN, SCAN_ROWS);
  let sawTT: string | undefined;
  let sawName: string | undefined;
  for (let r = start; r < end; r++) {
    const row = rowOf(grid, r);
    const ttCol = ttLabelCol(row, s.width);
    if (ttCol < 0) {
      if (!sawName) {
        const c = nameLabelCol(row);
        if (c >= 0) sawName = a1(r, c);
      }
      continue;
    }
    sawTT ??= a1(r, ttCol);
    // A name label in this row or in the two rows below (two-row headers).
    let hasName = false;
    for (let k = 0; k < 3 && r + k < rowsN && !hasName; k++) hasName = nameLabelCol(rowOf(grid, r + k)) >= 0;
    if (!hasName) continue;
    const band = [r];
    extendBand(grid, band, ttCol);
    return { band, ttCol };
  }
  if (sawTT) return { error: M.ttWithoutName(sawTT) };
  if (sawName) return { error: M.nameWithoutTT(sawName) };
  return { error: M.noHeader };
}

/** Covered by a vertical merge that starts in the band? */
function mergedIntoBand(grid: Grid, band: number[], r: number): boolean {
  for (const m of grid.merges) {
    if (m.r1 >= r && m.r0 <= band[band.length - 1] && m.r0 >= band[0] && m.r1 > m.r0) return true;
  }
  return false;
}

/** Only header words in the row's non-blank cells (a year typed as a number counts when it is the year). */
function onlyHeaderWords(row: Row): boolean {
  let headerish = 0;
  let other = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const t = cellText(cell).trim();
    const f = foldWords(t);
    const role = classifyLabel(t, []);
    const numeric = typeof cell?.value === 'number';
    if (role && (role.kind !== 'year' || !numeric || (cell?.value as number) === parseInt(f, 10))) headerish++;
    else other++;
  }
  return headerish > 0 && other === 0;
}

/** Adds rows below the first header row while they belong to the header. */
function extendBand(grid: Grid, band: number[], ttCol: number): void {
  const rowsN = grid.cells.length;
  for (let step = 0; step < 3; step++) {
    const r = band[band.length - 1] + 1;
    if (r >= rowsN) return;
    const row = rowOf(grid, r);
    if (isColumnNumberRow(row, ttCol)) return;
    const ttEmpty = isBlank(row[ttCol]);
    if (ttEmpty && (mergedIntoBand(grid, band, r) || onlyHeaderWords(row))) {
      band.push(r);
      continue;
    }
    return;
  }
}

/** Header words per column, to recognise the header repeated on later pages. */
export function headerWords(texts: string[][], width: number): Set<string>[] {
  const out: Set<string>[] = [];
  for (let c = 0; c < width; c++) {
    const s = new Set<string>();
    for (const t of texts) if (t[c]) s.add(foldWords(t[c]));
    out.push(s);
  }
  return out;
}

/** A row repeating the header (page break); loose: a sub-header row under a repeated first row. */
export function isRepeatHeader(row: Row, bandWords: Set<string>[], ttCol: number, loose = false): boolean {
  if (!loose) {
    // Cheap test first: a repeated header has "TT"/"STT" in the TT column.
    const tc = row[ttCol];
    if (!tc || typeof tc.value !== 'string' || tc.value.length > 20 || !isTTLabel(foldWords(tc.value))) return false;
  }
  let same = 0;
  let n = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    n++;
    const t = cellText(cell);
    if (t.length > 300) continue;
    if (c < bandWords.length && bandWords[c].has(foldWords(t))) same++;
  }
  if (n === 0) return false;
  if (loose) return same >= 1 && same * 2 >= n && isBlank(row[ttCol]);
  const ttHead = !isBlank(row[ttCol]) && isTTLabel(foldWords(cellText(row[ttCol])));
  return ttHead && same >= 2 && same * 2 >= n;
}
