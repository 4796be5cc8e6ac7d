/** Reading a Grid's cells and rows tolerantly: any cell may be missing, null, an error or of any type. */
import type { CellRange, Grid, GridCell } from '../base/grid';

export type Row = (GridCell | null | undefined)[];

export function cellText(c: GridCell | null | undefined): string {
  if (!c) return '';
  if (typeof c.value === 'string') return c.value;
  if (typeof c.value === 'number') return String(c.value);
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return '';
}

export function isBlank(c: GridCell | null | undefined): boolean {
  if (!c) return true;
  if (c.error) return false;
  if (c.value === null) return true;
  return typeof c.value === 'string' && c.value.trim() === '';
}

export function rowOf(grid: Grid, r: number): Row {
  const row = grid.cells[r];
  return Array.isArray(row) ? row : [];
}

export function rowIsEmpty(row: Row): boolean {
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

export function isRange(m: unknown): m is CellRange {
  if (!m || typeof m !== 'object') return false;
  const x = m as CellRange;
  return [x.r0, x.c0, x.r1, x.c1].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7) && x.r1 >= x.r0 && x.c1 >= x.c0;
}

/** Header texts of a band: merged cells give their text to every cell they cover. */
export function bandTexts(grid: Grid, rows: number[], width: number): string[][] {
  const out = rows.map((r) => {
    const row = rowOf(grid, r);
    const t: string[] = [];
    for (let c = 0; c < width; c++) t.push(cellText(row[c]).trim());
    return t;
  });
  for (const m of grid.merges) {
    if (!isRange(m)) continue;
    const src = cellText(rowOf(grid, m.r0)[m.c0]).trim();
    if (!src) continue;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r < m.r0 || r > m.r1) continue;
      for (let c = Math.max(0, m.c0); c <= Math.min(width - 1, m.c1); c++) if (!out[i][c]) out[i][c] = src;
    }
  }
  return out;
}

/** One cell of a column-number row: "3", "(3)", "A", "(6)=(4)+(5)", "9=4+...+8", "(10) = (5) + … + (9)". */
const COLNUM_TERM = String.raw`\(?\s*(?:[0-9]{1,2}|[A-ZĐ]|\.{2,3}|…)\s*\)?`;
const COLNUM_CELL = new RegExp(String.raw`^${COLNUM_TERM}(?:\s*[-=+*x/÷:]\s*${COLNUM_TERM})*$`);

/** "(1) (2) (3)..." or "1 2 3 4 ..." under a header. */
export function isColumnNumberRow(row: Row, ttCol: number): boolean {
  // Cheap test first: the TT column holds "1" or "(1)" (or is blank in a partial row).
  const tc = row[ttCol];
  if (tc && !isBlank(tc) && !COLNUM_CELL.test(cellText(tc).trim())) return false;
  let n = 0;
  let paren = 0;
  let last = -1;
  let increasing = true;
  let letters = 0;
  for (const c of row) {
    if (isBlank(c)) continue;
    const t = cellText(c).trim();
    if (!COLNUM_CELL.test(t)) return false;
    // Letters only lead the row, in order: "A B C 1 2 3" (a lone "B" among numbers is a name, not a column mark).
    const letter = /^\(?\s*([A-ZĐ])\s*\)?$/.exec(t);
    if (letter) {
      if (n !== letters || letter[1] !== 'ABCDEFGHIJ'[letters]) return false;
      letters++;
    }
    n++;
    if (t.startsWith('(')) paren++;
    const v = parseInt(t.replace(/[^0-9].*$/, '').replace(/^\(/, '') || t.replace(/^\(\s*/, ''), 10);
    if (!Number.isNaN(v)) {
      if (v <= last) increasing = false;
      last = v;
    }
  }
  if (n < 3) return false;
  if (paren === n) return true;
  const first = cellText(row[ttCol]).trim().replace(/[()]/g, '');
  return increasing && (first === '1' || first === 'A');
}
