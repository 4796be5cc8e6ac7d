/**
 * Amount cells → Dec in the sheet's unit, once per cell, with the findings a cell can raise by itself
 * (FORMULA_ERROR, TEXT_NUMBER) and the counts SUSPECT_DECIMAL needs. This is the reader's hot path: no
 * allocations per number cell beyond the Dec of a value not seen before.
 */
import { Dec, decOfDouble, plain } from '../base/decimal';
import type { GridCell } from '../base/grid';
import { emptyRecord } from '../base/record';
import { makeFinding } from '../checks/findings';
import type { FieldKey, RowAmounts, RowLoc } from '../plan/model';
import { clip } from '../text/fold';
import { isUnit, parseAmount, type ParsedAmount } from '../text/numbers';
import { canSayInWords } from '../text/words';
import { ItemAmounts } from './itemAmounts';
import { isBlank, rowOf, type Row } from './cells';
import { READ_MESSAGES as M } from './messages';
import type { ReadState, RowRole } from './state';

/** Distinct number values whose Dec is kept while reading one sheet. */
const NUMBER_CACHE = 65536;
const NUMBER_TRIAL = 4096;

/** A number format that shows decimals ("#,##0.00"). */
const DECIMAL_FORMAT = /[0#?]\.[0#?]/;
const ERROR_VALUE = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)$/;
const LEADING_FIGURE = /^\s*([-+]?\d[\d.,]*(?:\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|đ)(?![\p{L}]))?)/iu;

/** A cell's text parsed in the sheet's unit; keep: remember it for the body (read while deciding column roles). */
export function parseCell(s: ReadState, r: number, c: number, v: unknown, keep = false): ParsedAmount {
  const key = `${r},${c}`;
  const hit = s.parsed.get(key);
  if (hit) {
    if (!keep) s.parsed.delete(key);
    return hit;
  }
  const p = parseAmount(v, { unit: s.unit });
  if (keep) s.parsed.set(key, p);
  return p;
}

/** Amounts words can be written for (text/words): below 10^21 đồng, at most 18 decimals of a đồng. */
export function wordsCanRead(s: ReadState, v: Dec): boolean {
  return canSayInWords(v, s.unit);
}

/** An error shown by a cell (#REF!...), or typed as its value: a FORMULA_ERROR; true when there was one. */
function formulaError(s: ReadState, r: number, c: number, cell: GridCell): boolean {
  if (cell.error) {
    s.findings.push(makeFinding('FORMULA_ERROR', M.formulaError(cell.error, cell.formula), {
      sheet: s.sheet, row: r, col: c, actual: cell.error,
    }));
    return true;
  }
  const v = cell.value;
  if (typeof v === 'string' && typeof cell.formula !== 'string' && ERROR_VALUE.test(v.trim())) {
    s.findings.push(makeFinding('FORMULA_ERROR', M.errorValue(v.trim()), { sheet: s.sheet, row: r, col: c, actual: v.trim() }));
    return true;
  }
  return false;
}

/**
 * A number cell holds a binary double: read it as Excel shows it, to 15 significant digits, so that float noise
 * in cached formula results (3.3000000000000003) does not make a correct total differ.
 */
function readNumber(s: ReadState, v: number): ParsedAmount {
  const cache = s.numberDecs;
  let d = cache?.get(v);
  if (d === undefined) {
    d = decOfDouble(v);
    if (cache !== undefined && cache.size < NUMBER_CACHE) {
      cache.set(v, d);
      // after a trial, a sheet whose numbers hardly repeat (unique amounts) stops caching them
      if (cache.size === NUMBER_TRIAL && s.numberHits < NUMBER_TRIAL / 8) s.numberDecs = undefined;
    }
  } else s.numberHits++;
  // What parseAmount(d) returns for a finite Dec well below its 10^24 limit, without its checks' allocations.
  return Math.abs(v) < 1e23 && isUnit(s.unit) ? { kind: 'number', value: d, fromText: false } : parseAmount(d, { unit: s.unit });
}

/** "12.500 (tạm tính)": the figure at the start of a text, or undefined. */
function leadingFigure(s: ReadState, v: string): ParsedAmount | undefined {
  const m = LEADING_FIGURE.exec(v.normalize('NFC'));
  if (!m || m[1].trim().length >= v.trim().length) return undefined;
  const q = parseAmount(m[1], { unit: s.unit });
  return q.kind === 'number' ? q : undefined;
}

/** TEXT_NUMBER for an amount typed as text: unreadable, or read (in part) with how it was read. */
function textNumber(s: ReadState, r: number, c: number, v: unknown, p: ParsedAmount, partial: boolean): void {
  if (p.kind === 'invalid') {
    s.findings.push(makeFinding('TEXT_NUMBER', M.notANumber(String(v), p.reason), {
      sheet: s.sheet, row: r, col: c, actual: clip(String(v), 200),
    }));
    return;
  }
  if (p.kind !== 'number' || !p.fromText) return;
  const text = String(v);
  const note = partial
    ? M.readPartly(p.value, s.unit)
    : M.readAs(p.value, s.unit, p.ambiguous && p.ambiguity !== 'dot-thousands' ? p.ambiguous : undefined);
  s.findings.push(makeFinding('TEXT_NUMBER', M.textNumber(text, note), {
    sheet: s.sheet, row: r, col: c, expected: plain(p.value), actual: clip(text, 200),
  }));
}

const DATE_TEXT = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
/** A date number format ("dd/mm/yyyy", "m/d/yy", "yyyy-mm-dd"): d, m and y outside quotes and brackets. */
const dateFormats = new Map<string, boolean>();
const isDateFormat = (f: string | undefined): boolean => {
  if (!f) return false;
  let yes = dateFormats.get(f);
  if (yes === undefined) {
    const bare = f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
    yes = /d/.test(bare) && /m/.test(bare) && /y/.test(bare);
    if (dateFormats.size < 1000) dateFormats.set(f, yes);
  }
  return yes;
};

/**
 * A date in an amount column: the number the cell holds (Excel's day count, as the .xlsx reader decoded it into
 * "dd/mm/yyyy": a date-formatted 1559 shows "07/04/1904"), reported as TEXT_NUMBER with that number.
 */
function dateAmount(s: ReadState, r: number, c: number, cell: GridCell): Dec | undefined {
  const v = cell.value;
  let serial: number | undefined;
  if (typeof v === 'string') {
    const m = DATE_TEXT.exec(v);
    if (!m) return undefined;
    const [d, mo, y] = [parseInt(m[1], 10), parseInt(m[2], 10), parseInt(m[3], 10)];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return undefined;
    serial = Math.round(t / 86400000) + 25569;
  } else if (typeof v === 'number' && Number.isFinite(v) && isDateFormat(cell.numFmt)) serial = v;
  if (serial === undefined) return undefined;
  const value = new Dec(serial);
  s.findings.push(makeFinding('TEXT_NUMBER', M.dateNumber(String(v), value, s.unit), {
    sheet: s.sheet, row: r, col: c, expected: plain(value), actual: clip(String(v), 200),
  }));
  return value;
}

/** The amount of one cell, or undefined (blank, error, unreadable text: findings recorded). */
export function readAmount(s: ReadState, r: number, c: number, cell: GridCell | null | undefined): Dec | undefined {
  if (!cell) return undefined;
  if (formulaError(s, r, c, cell)) return undefined;
  const v = cell.value;
  if (v === null || v === undefined || typeof v === 'boolean') return undefined;
  if ((typeof v === 'string' && v.length <= 12 && v.includes('/')) || (typeof v === 'number' && cell.numFmt !== undefined && cell.numFmt.length > 4)) {
    const d = dateAmount(s, r, c, cell);
    if (d !== undefined) return d;
  }
  let p = typeof v === 'number' && Number.isFinite(v) ? readNumber(s, v) : parseCell(s, r, c, v);
  let partial = false;
  if (p.kind === 'invalid' && typeof v === 'string') {
    const q = leadingFigure(s, v);
    if (q) {
      p = q;
      partial = true;
    }
  }
  if (p.kind === 'empty') return undefined;
  textNumber(s, r, c, v, p, partial);
  if (p.kind === 'invalid') return undefined;
  let stat = s.nums.get(c);
  if (!stat) s.nums.set(c, (stat = { nonZero: 0, nonInt: 0, fractional: [] }));
  const d = p.value;
  if (!d.isZero()) {
    stat.nonZero++;
    if (!d.isInteger()) {
      stat.nonInt++;
      // Only a typed number below 1000 with at most three decimals, not shown with decimals, can be SUSPECT_DECIMAL.
      if (!p.fromText && d.e < 3 && d.decimalPlaces() <= 3 && !(cell.numFmt && DECIMAL_FORMAT.test(cell.numFmt))) {
        stat.fractional.push({ row: r, value: d });
      }
    }
  }
  return d;
}

/** The amounts of a row, where its formulas are, and whether any amount was read. */
export function readRowAmounts(s: ReadState, r: number, role: RowRole): { amounts: RowAmounts; loc: RowLoc; any: boolean } {
  // `total` has its slot from the start (undefined until set): fields added to a literal later go to a separate
  // store, ~40 bytes a row each.
  const amounts: RowAmounts = { years: emptyRecord<Dec>(), sources: emptyRecord<Dec>(), total: undefined };
  const { loc, any } = readRow(s, r, role, (k, v) => s.amountCols[k].put(amounts, v));
  return { amounts, loc, any };
}

/** An item row's amounts, kept in the sheet's compact store (itemAmounts.ts): its index there, and its formulas. */
export function readItemAmounts(s: ReadState, r: number): { at: number; loc: RowLoc } {
  const store = (s.itemAmounts ??= new ItemAmounts(s.amountCols, s.grid.cells.length - r));
  const at = store.newRow();
  const { loc } = readRow(s, r, 'item', (k, v) => store.set(at, k, v));
  return { at, loc };
}

/** Reads a row's amount cells, giving each amount read to `take` with its column's index in amountCols. */
function readRow(s: ReadState, r: number, role: RowRole, take: (k: number, v: Dec) => void): { loc: RowLoc; any: boolean } {
  const row = rowOf(s.grid, r);
  // `formulas` has its slot from the start (undefined until set), as `total` above.
  const loc: RowLoc = { row: r, formulas: undefined };
  let any = false;
  const cols = s.amountCols;
  for (let k = 0; k < cols.length; k++) {
    const ac = cols[k];
    const cell = row[ac.col];
    if (!cell) continue;
    if (typeof cell.formula === 'string') {
      loc.formulas ??= {};
      loc.formulas[ac.key] = cell.formula;
    }
    if (role !== 'item' || ac.key === 'total') {
      if (!isBlank(cell) && !cell.error) {
        const kind = s.totalCells[role === 'item' ? 'itemTotal' : role === 'breakdown' ? 'breakdown' : 'sub'];
        if (typeof cell.formula === 'string') kind.anyFormula = true;
        else if (typeof cell.value === 'number') kind.typed.push({ row: r, col: ac.col, value: cell.value });
      }
    }
    // "-" is a printed zero: on an item it is a blank (0); on a group, total or breakdown line it states 0.
    const v = readAmount(s, r, ac.col, cell) ?? (role !== 'item' && isDashZero(cell) ? new Dec(0) : undefined);
    if (v !== undefined) {
      take(k, v);
      any = true;
    }
  }
  return { loc, any };
}

function isDashZero(cell: GridCell): boolean {
  return typeof cell.value === 'string' && !cell.formula && /^\s*[-–—]\s*$/.test(cell.value);
}

export function hasAnyAmount(s: ReadState, row: Row): boolean {
  for (const ac of s.amountCols) {
    const c = row[ac.col];
    if (c && !isBlank(c)) return true;
  }
  return false;
}

/** The reader of one column key's amount in a row's amounts (the key read once, for use over many rows). */
export function picker(key: FieldKey): (a: RowAmounts) => Dec | undefined {
  if (key === 'total') return (a) => a.total;
  if (key === 'totalInvestment') return (a) => a.totalInvestment;
  if (key === 'annual') return (a) => a.annual;
  if (key.startsWith('year:')) {
    const y = parseInt(key.slice(5), 10);
    return (a) => a.years[y];
  }
  if (key.startsWith('source:')) {
    const code = key.slice(7);
    return (a) => a.sources[code];
  }
  return () => undefined;
}
