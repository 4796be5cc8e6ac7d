/**
 * What the passes after the body (circularRefs, the DOUBLE_COUNT formula check) need of the amount columns' cells,
 * taken row by row as the body is read: the formulas, and per cell whether it holds something and whether it is a
 * SUBTOTAL. With RecognizeOptions.release the grid's body rows are let go as they are taken, so that a large
 * sheet's cells and the plan read from them are never in memory together.
 */
import type { GridCell } from '../base/grid';
import { doubled } from '../base/typed';
import type { AmountCells, AmountFormulas, ReadState } from './state';

/** The cell shows something a total would add (not blank, not empty text). */
const HOLDS = 1;
/** The cell's formula is a SUBTOTAL (which SUBTOTAL(9/109) skips). */
const SUBTOTAL = 2;

export function newAmountCells(from: number, rowsN: number): AmountCells {
  return { from, upTo: from, formulas: { text: [], row: new Int32Array(64), k: new Int32Array(64) }, ordinal: new Int32Array(Math.max(0, rowsN - from)), flags: new Uint8Array(0), rows: 0 };
}

function flagsOf(c: GridCell | null | undefined): number {
  if (!c || (c.value === null && !c.formula && !c.error) || (typeof c.value === 'string' && c.value.trim() === '')) return 0;
  const f = c.formula;
  return HOLDS | (typeof f === 'string' && f.length >= 9 && /SUBTOTAL\s*\(/i.test(f) ? SUBTOTAL : 0);
}

/** Takes the body rows before `to` not taken yet; lets them go from the grid when the caller allows it. */
export function takeRows(s: ReadState, to: number): void {
  const a = s.amountCells;
  if (!a) return;
  const cells = s.grid.cells;
  const n = s.amountCols.length;
  const end = Math.min(to, cells.length);
  if (end <= a.upTo) return;
  const fs = a.formulas;
  for (let r = a.upTo; r < end; r++) {
    const row = cells[r];
    if (!Array.isArray(row)) continue;
    let at = -1;
    for (let k = 0; k < n; k++) {
      const c = s.amountCols[k].col;
      const cell = row[c];
      if (!cell) continue;
      const f = cell.formula;
      if (typeof f === 'string' && f.length > 0 && firstListing(s, k)) {
        const i = fs.text.length;
        if (i === fs.row.length) grow(fs);
        fs.text.push(f);
        fs.row[i] = r;
        fs.k[i] = k;
      }
      const fl = flagsOf(cell);
      if (fl === 0) continue;
      if (at < 0) at = place(a, r, n);
      a.flags[at + k] = fl;
    }
    if (s.opts.release) cells[r] = undefined as unknown as GridCell[];
  }
  a.upTo = end;
}

function grow(fs: AmountFormulas): void {
  fs.row = doubled(fs.row);
  fs.k = doubled(fs.k);
}

/** A column listed twice is one cell: its formula is kept once, under its first listing. */
function firstListing(s: ReadState, k: number): boolean {
  const c = s.amountCols[k].col;
  for (let j = 0; j < k; j++) if (s.amountCols[j].col === c) return false;
  return true;
}

/** Room for one more row of flags: its offset in `flags`. */
function place(a: AmountCells, r: number, n: number): number {
  const at = a.rows * n;
  if (at + n > a.flags.length) a.flags = doubled(a.flags, Math.max(at + n, 64));
  a.rows++;
  a.ordinal[r - a.from] = a.rows;
  return at;
}

/**
 * Whether the cell of amount column `k` in row `r` adds something to a total; `subtotal`: the total is a
 * SUBTOTAL(9/109), which skips cells that are SUBTOTALs themselves. Rows above the body are read from the grid.
 */
export function cellAdds(s: ReadState, r: number, k: number, subtotal: boolean): boolean {
  const a = s.amountCells;
  let fl: number;
  if (!a || r < a.from) fl = flagsOf(s.grid.cells[r]?.[s.amountCols[k].col]);
  else {
    const o = r - a.from < a.ordinal.length ? a.ordinal[r - a.from] : 0;
    fl = o === 0 ? 0 : a.flags[(o - 1) * s.amountCols.length + k];
  }
  return (fl & HOLDS) !== 0 && !(subtotal && (fl & SUBTOTAL) !== 0);
}
