/** Cells of the streaming sheet reader: one parsed <c> → GridCell, shared-formula sliding, and the sheet's final shape. */
import type { CellRange, Grid, GridCell } from '../../core/base/grid';
import { EXCEL, PACKAGE } from '../../core/base/limits';
import { detach, type XfStyle } from './parts';
import { PackageLimit } from '../zipGuard';

/** A <c> as parsed: attributes, <f> and <v>/<t> text. */
export interface RawCell {
  col: number;
  t?: string;
  s?: number;
  formula?: string;
  si?: string;
  shareType?: string;
  ref?: string;
  value?: string;
  /** the formula slid from its shared master */
  slid?: string;
}

/** A sheet whose content is not what a workbook holds: beyond Excel's rows or columns, or malformed. */
export class CorruptSheet extends Error {
  constructor(readonly kind: 'rows' | 'cols' | 'xml' | 'overlap', readonly figure: number) { super(kind); }
}

/** A cell over Excel's characters-per-cell limit; the sheet reader fills in the address. */
export class CellTooLong extends Error {
  address = '';
  constructor(readonly length: number) { super('too long'); }
}

/** A merge (or the workbook's merges together, `total`) over PACKAGE.maxMergedCells cells. */
export class MergeLimit extends Error {
  constructor(readonly ref: string, readonly cells: number, readonly total: boolean) { super(ref); }
}

export function decodeCol(address: string): number {
  let c = 0;
  for (let i = 0; i < address.length; i++) {
    const k = address.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + k - 64;
    else if (k >= 97 && k <= 122) c = c * 26 + k - 96;
    else break;
  }
  return c;
}

export function encodeCol(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** exceljs's slideFormula: relative references moved by the offset from the master cell to this one. */
export function slideFormula(formula: string, from: string, to: string): string {
  const f = /^([A-Z]+)(\d+)$/.exec(from);
  const t = /^([A-Z]+)(\d+)$/.exec(to);
  if (!f || !t) return formula;
  const dc = decodeCol(t[1]) - decodeCol(f[1]);
  const dr = parseInt(t[2], 10) - parseInt(f[2], 10);
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return match;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return match;
    let col = decodeCol(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += dc;
    if (!m[3]) row += dr;
    return `${sheet ?? ''}${m[1] ?? ''}${encodeCol(col)}${m[3] ?? ''}${row}`;
  });
}

/** exceljs's xmlDecode, applied once more to "str" texts. */
function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': '\'', '&quot;': '"' } as Record<string, string>)[c] ?? c);
}

/**
 * A text for the grid, detached from the XML piece it was cut from (saxes hands out slices of its input: one kept
 * slice would keep the whole 64 kB piece alive) and shared with equal texts read before (a name or a source text
 * repeated on every row is held once).
 */
export function keep(s: string, pool: Map<string, string>, add = true): string {
  if (s.length < 13) return s; // V8 copies short substrings
  const seen = pool.get(s);
  if (seen !== undefined) return seen;
  const flat = detach(s);
  if (add && s.length <= 200 && pool.size < 200_000) pool.set(flat, flat);
  return flat;
}


function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A serial as dd/mm/yyyy (UTC, as exceljs decodes it); '' when not a number. */
export function serialDate(v: unknown, date1904: boolean): string {
  const d = new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A cell's value (and error) as read; texts go through keep unless `pool` is undefined (shared strings, already kept). */
interface Read { value: string | number | boolean | null; error?: string }

function put(v: unknown, pool: Map<string, string> | undefined, add = true): Read {
  if (v === undefined || v === null) return { value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { value: null, error: '#NUM!' };
  if (typeof v === 'string') {
    if (v.length > EXCEL.maxCellText) throw new CellTooLong(v.length);
    return { value: pool ? keep(v, pool, add) : v };
  }
  if (typeof v === 'boolean') return { value: v };
  return { value: null, error: (v as { error: string }).error };
}

/** The value of a cell without a formula. */
function plainValue(c: RawCell, own: XfStyle | undefined, ctx: CellContext): Read {
  const v = c.value as string;
  switch (c.t) {
    case 's': {
      const s = ctx.strings[parseInt(v, 10)];
      if (s === undefined) throw new CorruptSheet('xml', 0);
      return put(s, undefined);
    }
    case 'str': return put(xmlDecode(v), ctx.pool, pooling(ctx.cellPool, c.col));
    case 'inlineStr': return put(v, ctx.pool, pooling(ctx.cellPool, c.col));
    case 'b': return put(parseInt(v, 10) !== 0, ctx.pool);
    case 'e': return put({ error: v }, ctx.pool);
    default: {
      const n = parseFloat(v);
      return put(own?.date ? serialDate(n, ctx.date1904) : n, ctx.pool);
    }
  }
}

/** What toGridCell reads with: shared strings, the date system, the text pool (keep) and the cell pool (sharedCell). */
export interface CellContext {
  strings: string[];
  date1904: boolean;
  pool: Map<string, string>;
  cellPool: CellPool;
}

/** Plain cells (a value, maybe a number format) already made, per number format ('' for none), by value. */
export interface CellPool {
  byFormat: Map<string, Map<string | number | boolean, GridCell>>;
  size: number;
  /** Per column of the sheet being read: values looked up, and how many were found (see pooling). */
  tries: number[];
  hits: number[];
}

/** How many plain cells a workbook's pool holds at most, and under how many number formats. */
const CELL_POOL = 200_000;
const POOL_FORMATS = 64;

export function newCellPool(): CellPool {
  return { byFormat: new Map(), size: 0, tries: [], hits: [] };
}

/** Values a column looks up before its hit rate decides whether it adds new ones to the pools. */
const POOL_TRIAL = 1024;

/**
 * Whether a column's new values go into the pools: not once a quarter or fewer of its first POOL_TRIAL values were
 * found there (names, amounts with decimals: a pool entry per distinct value would only add to the sheet's memory).
 * Values already pooled are still shared.
 */
function pooling(pool: CellPool, col: number): boolean {
  const tries = pool.tries[col] ?? 0;
  return tries < POOL_TRIAL || (pool.hits[col] ?? 0) * 4 > tries;
}

/** A new sheet: its columns are not the last sheet's. */
export function resetPooling(pool: CellPool): void {
  pool.tries = [];
  pool.hits = [];
}

/**
 * A plain cell: one object per distinct value and format, shared by every position that holds them (a sheet
 * repeats its status words, units, sources, small numbers on every row; a 100,000-row sheet held over a million
 * such objects). Grid cells are values: a consumer replaces a cell, never changes one.
 */
function sharedCell(pool: CellPool, value: string | number | boolean | null, numFmt: string | undefined, col: number): GridCell {
  const fresh = (): GridCell => (numFmt === undefined ? { value } : { value, numFmt });
  if (value === null || Object.is(value, -0) || (typeof value === 'string' && value.length > 200)) return fresh();
  const fmt = numFmt ?? '';
  let byValue = pool.byFormat.get(fmt);
  if (!byValue) {
    if (pool.byFormat.size >= POOL_FORMATS) return fresh();
    pool.byFormat.set(fmt, (byValue = new Map()));
  }
  let cell = byValue.get(value);
  pool.tries[col] = (pool.tries[col] ?? 0) + 1;
  if (cell !== undefined) pool.hits[col] = (pool.hits[col] ?? 0) + 1;
  else {
    // Frozen: changing a shared cell in place would change every position holding it; it throws instead.
    cell = Object.freeze(fresh());
    if (pool.size < CELL_POOL && pooling(pool, col)) {
      byValue.set(value, cell);
      pool.size++;
    }
  }
  return cell;
}

/**
 * One parsed cell (with a value or a formula) → GridCell, or null when it shows nothing the core reads. The cell is
 * made in one object literal holding only the keys it has (a 100,000-row sheet holds over a million of them: an
 * object grown key by key spills its keys into a second, out-of-object store).
 */
export function toGridCell(c: RawCell, own: XfStyle | undefined, eff: XfStyle | undefined, ctx: CellContext): GridCell | null {
  let formula: string | undefined;
  let r: Read;
  if (c.formula || c.shareType) {
    let result: unknown;
    if (c.value) {
      result = c.t === 'str' ? xmlDecode(c.value) : c.t === 'b' ? parseInt(c.value, 10) !== 0 : c.t === 'e' ? { error: c.value } : parseFloat(c.value);
      if (own?.date) result = serialDate(result, ctx.date1904);
    }
    const f = c.formula || c.slid;
    // Formulas differ from row to row (SUM(F8:J8), SUM(F9:J9)...): copied, not pooled.
    if (f) formula = detach(f.startsWith('=') ? f.slice(1) : f);
    r = put(result, ctx.pool);
  } else r = plainValue(c, own, ctx);
  const numFmt = eff?.numFmt || undefined;
  const bold = !!eff?.bold;
  const italic = !!eff?.italic;
  const value = r.value;
  const error = r.error;
  if (value === null && error === undefined && formula === undefined && !bold && !italic) return null;
  if (error === undefined && !bold && !italic) {
    if (formula === undefined) return sharedCell(ctx.cellPool, value, numFmt, c.col);
    return numFmt === undefined ? { value, formula } : { value, formula, numFmt };
  }
  const out: GridCell = formula === undefined ? { value } : { value, formula };
  if (error !== undefined) out.error = error;
  if (numFmt !== undefined) out.numFmt = numFmt;
  if (bold) out.bold = true;
  if (italic) out.italic = true;
  return out;
}

const rangeRef = (m: CellRange): string => `${encodeCol(m.c0 + 1)}${m.r0 + 1}:${encodeCol(m.c1 + 1)}${m.r1 + 1}`;

/**
 * The grid as the exceljs reader left it: merged cells other than the top-left emptied (overlapping merges refused),
 * hidden rows that hold a value or a merged cell, empty rows as holes (nothing allocated for them), merges sorted.
 */
export function finishGrid(sheet: string, cells: (GridCell | null | undefined)[][], merges: CellRange[], hidden: Map<number, boolean>, merged: { cells: number }): Grid {
  const taken = new Set<number>();
  const slaveRows = new Set<number>();
  for (const m of merges) {
    const n = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
    if (n > PACKAGE.maxMergedCells) throw new MergeLimit(rangeRef(m), n, false);
    merged.cells += n;
    if (merged.cells > PACKAGE.maxMergedCells) throw new MergeLimit(rangeRef(m), merged.cells, true);
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) {
        const k = r * EXCEL.maxCols + c;
        if (taken.has(k)) throw new CorruptSheet('overlap', 0);
        taken.add(k);
        if (r === m.r0 && c === m.c0) continue;
        slaveRows.add(r);
        const line = cells[r];
        if (line && line[c] !== undefined) delete line[c];
      }
    }
  }
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    if (!line) continue;
    let n = line.length;
    while (n > 0 && !line[n - 1]) n--;
    if (n === 0) delete cells[r];
    else line.length = n;
  }
  let last = cells.length;
  while (last > 0 && !cells[last - 1]) last--;
  cells.length = last;
  let width = 0;
  let filled = 0;
  for (const line of cells) {
    if (!line) continue;
    filled++;
    if (line.length > width) width = line.length;
  }
  // Consumers walk the rows that hold data across the sheet's width: that extent is limited like the cells. Empty
  // rows cost nothing, so a note on Excel's last row is read; stray cells far to the right on many rows are not.
  if (filled * width > PACKAGE.maxCells) throw new PackageLimit('extent', sheet, filled * width);
  const hiddenRows = [...hidden].filter(([r, v]) => v || slaveRows.has(r)).map(([r]) => r);
  hiddenRows.sort((a, b) => a - b);
  const grid: Grid = { sheet, cells, merges: [...merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}
