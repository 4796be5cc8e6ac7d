/**
 * One worksheet part → Grid, streamed through SheetScanner (sheetScan.ts): rows are turned into GridCells as they
 * are parsed, so memory holds the grid and the XML in flight, never the whole part. Semantics are exceljs 4.4's
 * (the reader before this one), so that the core sees the same grid: shared formulas slid from their master, cached
 * results (dates as dd/mm/yyyy under a date format), error values, rich text flattened, the cell's own style or else
 * its column's, merged cells other than the top-left emptied, hidden rows that hold something, hyperlinked cells as
 * their text.
 */
import type { CellRange, Grid, GridCell } from '../../core/base/grid';
import { EXCEL, PACKAGE } from '../../core/base/limits';
import { PackageLimit } from '../zipGuard';
import type { XfStyle } from './parts';
import type { ZipParts } from './zipParts';
import { SheetScanner, type Attrs } from './sheetScan';
import { CellTooLong, CorruptSheet, decodeCol, encodeCol, finishGrid, slideFormula, toGridCell, type CellPool, type RawCell } from './cells';

export interface SheetContext {
  strings: string[];
  styles: XfStyle[] | undefined;
  date1904: boolean;
  /** cells read so far in the workbook (PACKAGE.maxCells) */
  cells: number;
  /** cells inside merges so far in the workbook (PACKAGE.maxMergedCells) */
  merged: { cells: number };
  /** texts read so far, each held once (see keep) */
  pool: Map<string, string>;
  /** plain cells read so far, each distinct one made once (see sharedCell) */
  cellPool: CellPool;
}

/** The hyperlinked cell addresses of a sheet (only links with a relationship target, as exceljs keeps them). */
export type Links = Set<string>;

interface State {
  row: number;
  line: (GridCell | null | undefined)[] | undefined;
  rowHasValues: boolean;
  rowHidden: boolean;
  lastCol: number;
  cell: RawCell | undefined;
  node: 'f' | 'v' | 't' | undefined;
  run: string[] | undefined;
  runs: string[] | undefined;
}

export async function readSheet(zip: ZipParts, part: string, name: string, ctx: SheetContext, linkTargets: Map<string, string>): Promise<Grid> {
  const cells: (GridCell | null | undefined)[][] = [];
  const hidden = new Map<number, boolean>(); // hidden row → holds a value
  const merges: CellRange[] = [];
  const colStyle: (XfStyle | undefined)[] = [];
  const cols: { min: number; max: number; style: number }[] = [];
  const masters = new Map<string, { address: string; formula: string | undefined }>();
  const links: { ref: string; rid: string }[] = [];
  let rows = 0;
  const st: State = { row: 0, line: undefined, rowHasValues: false, rowHidden: false, lastCol: 0, cell: undefined, node: undefined, run: undefined, runs: undefined };
  const styleOf = (s: number | undefined): XfStyle | undefined => (s ? (ctx.styles ? ctx.styles[s] : EMPTY) : undefined);

  const open = (name: string, a: Attrs) => {
    switch (name) {
      case 'c': {
        if (++ctx.cells > PACKAGE.maxCells) throw new PackageLimit('cells', part, ctx.cells);
        const r = a.col('r');
        const col = r >= 0 ? r : st.lastCol + 1;
        st.lastCol = col;
        st.cell = { col, t: a.get('t'), s: a.int('s') };
        st.runs = undefined;
        return;
      }
      case 'row': {
        if (++rows > PACKAGE.maxSheetRows) throw new PackageLimit('rows', part, rows);
        st.row = a.int('r') ?? NaN;
        const hidden = a.get('hidden');
        st.rowHidden = hidden === '1' || hidden === 'true';
        st.rowHasValues = false;
        st.lastCol = 0;
        st.line = [];
        return;
      }
      case 'f':
        if (!st.cell) return;
        st.node = 'f';
        st.cell.si = a.get('si'); st.cell.shareType = a.get('t'); st.cell.ref = a.get('ref');
        return;
      case 'v': case 't':
        if (!st.cell) return;
        if (st.run) st.node = 't';
        else st.node = name;
        return;
      case 'r':
        if (st.cell) { st.run = []; st.runs = st.runs ?? []; }
        return;
      case 'col': cols.push({ min: parseInt(a.get('min') as string, 10), max: parseInt(a.get('max') as string, 10), style: parseInt(a.get('style') as string, 10) }); return;
      case 'sheetData': fillColumns(cols, colStyle, styleOf); return;
      case 'mergeCell': merges.push(mergeRange(a.get('ref'))); return;
      case 'hyperlink': {
        const rid = a.get('r:id');
        if (rid) links.push({ ref: a.get('ref') as string, rid });
        return;
      }
      default:
    }
  };
  const text = (x: string) => {
    const c = st.cell;
    if (!c || !st.node) return;
    if (st.run) st.run.push(x);
    else if (st.node === 'f') c.formula = c.formula === undefined ? x : c.formula + x;
    else c.value = c.value === undefined ? x : c.value + x;
  };
  const close = (n: string) => {
    switch (n) {
      case 'c': endCell(); return;
      case 'row': endRow(); return;
      case 'f': case 'v': case 'is': st.node = undefined; return;
      case 't': if (!st.run) st.node = undefined; return;
      case 'r':
        if (st.run && st.runs) st.runs.push(unescapeRun(st.run.join('')));
        st.run = undefined; st.node = undefined;
        return;
      default:
    }
  };
  const endCell = () => {
    const c = st.cell;
    st.cell = undefined;
    st.node = undefined;
    if (!c || !st.line) return;
    if (st.runs) c.value = c.value === undefined ? st.runs.join('') : c.value;
    const isFormula = !!c.formula || !!c.shareType;
    if (!isFormula && c.value === undefined) return; // an empty (styled or not) cell: nothing
    st.rowHasValues = true;
    if (c.shareType === 'shared') {
      const address = `${encodeCol(c.col)}${st.row}`; // made only where used: a string per cell otherwise
      if (c.ref) masters.set(c.si ?? '', { address, formula: c.formula });
      else {
        const m = masters.get(c.si ?? '');
        if (m?.formula) c.slid = slideFormula(m.formula, m.address, address);
      }
    }
    if (c.col > EXCEL.maxCols) throw new CorruptSheet('cols', c.col);
    const own = styleOf(c.s);
    try {
      const gc = toGridCell(c, own, own ?? colStyle[c.col], ctx);
      if (gc) st.line[c.col - 1] = gc;
    } catch (e) {
      if (e instanceof CellTooLong) e.address = `${encodeCol(c.col)}${st.row}`;
      throw e;
    }
  };
  const endRow = () => {
    if (st.row > EXCEL.maxRows && st.rowHasValues) throw new CorruptSheet('rows', st.row);
    if (st.rowHidden) hidden.set(st.row - 1, st.rowHasValues);
    const line = st.line;
    st.line = undefined;
    if (line) cells[st.row - 1] = line;
  };

  await parseSheet(zip, part, open, text, close);
  dropLinkedFormulas(cells, links, linkTargets);
  return finishGrid(name, cells, merges, hidden, ctx.merged);
}

async function parseSheet(zip: ZipParts, part: string, open: (name: string, a: Attrs) => void, text: (x: string) => void, close: (n: string) => void): Promise<void> {
  const p = new SheetScanner({ open, text, close });
  try {
    await zip.read(part, (chunk) => { p.write(chunk); });
    p.close();
  } catch (e) {
    if (e instanceof PackageLimit || e instanceof CorruptSheet || e instanceof CellTooLong) throw e;
    throw new CorruptSheet('xml', 0);
  }
}

/** exceljs shows a hyperlinked formula cell as its text: the formula is not read. */
function dropLinkedFormulas(cells: (GridCell | null | undefined)[][], links: { ref: string; rid: string }[], targets: Map<string, string>): void {
  for (const l of links) {
    if (!targets.get(l.rid)) continue;
    const r = /^([A-Z]+)(\d+)$/.exec(l.ref ?? '');
    const gc = r ? cells[parseInt(r[2], 10) - 1]?.[decodeCol(r[1]) - 1] : undefined;
    if (gc?.formula !== undefined) delete gc.formula;
  }
}

const EMPTY: XfStyle = { bold: false, italic: false, date: false };

function unescapeRun(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Column styles as exceljs's Column.fromModel lays them out (sorted by min; an earlier column keeps its cells). */
function fillColumns(cols: { min: number; max: number; style: number }[], out: (XfStyle | undefined)[], styleOf: (s: number | undefined) => XfStyle | undefined): void {
  cols.sort((x, y) => x.min - y.min);
  let count = 1;
  for (const c of cols) {
    if (count < c.min) count = c.min;
    const style = styleOf(Number.isNaN(c.style) ? undefined : c.style);
    for (; count <= Math.min(c.max, EXCEL.maxCols); count++) out[count] = style;
  }
}

/** "B2:A1" → the range, corners in order; a single cell is a range of one. */
function mergeRange(ref: string | undefined): CellRange {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec((ref ?? '').trim());
  if (!m) throw new CorruptSheet('xml', 0);
  const ca = decodeCol(m[1].toUpperCase()) - 1;
  const ra = parseInt(m[2], 10) - 1;
  const cb = m[3] ? decodeCol(m[3].toUpperCase()) - 1 : ca;
  const rb = m[4] ? parseInt(m[4], 10) - 1 : ra;
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}
