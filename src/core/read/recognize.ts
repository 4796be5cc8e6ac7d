/**
 * The sheet reader: a Grid (any appendix sheet, made here or typed by someone else) → a Plan with
 * positions, plus the findings that need the sheet's geometry (TEXT_NUMBER, SUSPECT_DECIMAL,
 * FORMULA_ERROR, HARDCODED_TOTAL, DOUBLE_COUNT). Pure; never throws on any grid.
 *
 * Recognition, in order:
 *  1. Header band (header.ts): the first row holding "TT"/"STT" with a name column ("Tên dự án", "Dự án, nhiệm
 *     vụ, chương trình", "Nội dung"...) in it or in the two rows below; the band extends over vertical merges
 *     and over sub-header rows (years, source codes); a column-number row "(1) (2)..." after it is skipped.
 *     Header text is compared folded: NFC/NFD, case, line breaks, spaces and diacritics do not matter.
 *  2. Column roles from the header words (columns.ts, vocabulary.ts; funding-source words in plan/sources).
 *  3. Row roles from the TT column and the labels (body.ts, rows.ts); "I. Xây dựng..." typed in one cell is
 *     split into numbering and name; "Bằng chữ" lines (statedTotals.ts).
 *  4. Values (amounts.ts): each amount cell parsed once with parseAmount in the sheet's unit; number cells to 15
 *     significant digits (as Excel shows them, so float noise in cached results does not count).
 *  5. The unit and title above the table (meta.ts).
 *  6. The geometry findings (geometry.ts).
 */
import type { Grid } from '../base/grid';
import { makeFinding, type Finding } from '../checks/findings';
import type { Plan, Unit } from '../plan/model';
import { assemble } from './assemble';
import { readBody } from './body';
import { bandTexts, isColumnNumberRow, isRange, rowOf } from './cells';
import { assignColumns, buildAmountCols, colOf, decideSourceish, pinTTColumn } from './columns';
import { circularRefs } from './circular';
import { geometryChecks } from './geometry';
import { findHeader, headerWords } from './header';
import { readUnit } from './meta';
import { READ_MESSAGES as M } from './messages';
import { newState, type ReadState, type RecognizeOptions } from './state';

export type Recognized =
  | {
      ok: true;
      plan: Plan;
      cellFindings: Finding[];
      unit: Unit;
      /** Where the unit came from. */
      unitFrom: 'option' | 'sheet' | 'default';
      /** 0-based rows of the header band (and column-number row) at the top of the table. */
      headerRows: number[];
      /** Body rows skipped as repeated headers (page breaks). */
      repeatedHeaderRows: number[];
      /** Another table below this one's closing total on the same sheet ("Phụ lục 01" over "Phụ lục 02"). */
      next?: Recognized;
    }
  | { ok: false; finding: Finding };

function unreadable(grid: Grid, what: string): Recognized {
  return { ok: false, finding: makeFinding('UNREADABLE_TABLE', M.unreadable(grid.sheet, what), { sheet: grid.sheet }) };
}

export function recognizeTable(grid: Grid, opts: RecognizeOptions = {}): Recognized {
  const g: Grid = {
    sheet: typeof grid?.sheet === 'string' ? grid.sheet : '',
    cells: Array.isArray(grid?.cells) ? grid.cells : [],
    merges: Array.isArray(grid?.merges) ? grid.merges.filter(isRange) : [],
    hiddenRows: Array.isArray(grid?.hiddenRows) ? grid.hiddenRows : undefined,
  };
  return read(newState(g, opts));
}

/** Columns of the widest row, at most Excel's. */
function widthOf(grid: Grid): number {
  let width = 0;
  for (const row of grid.cells) if (Array.isArray(row) && row.length > width) width = row.length;
  return Math.min(width, 16384);
}

function read(s: ReadState): Recognized {
  const rowsN = s.grid.cells.length;
  s.width = widthOf(s.grid);
  if (rowsN === 0 || s.width === 0) return unreadable(s.grid, M.emptySheet);

  const header = findHeader(s);
  if ('error' in header) return unreadable(s.grid, header.error);
  const { band, ttCol } = header;
  s.headerFirst = band[0];
  const headerRows = [...band];
  const texts = bandTexts(s.grid, band, s.width);
  assignColumns(s, band, texts);
  pinTTColumn(s, ttCol, band[0]);
  let bodyStart = band[band.length - 1] + 1;
  if (bodyStart < rowsN && isColumnNumberRow(rowOf(s.grid, bodyStart), ttCol)) {
    headerRows.push(bodyStart);
    bodyStart++;
  }
  const nameCol = colOf(s, 'name');
  if (nameCol === undefined) return unreadable(s.grid, M.noNameColumn);

  readUnit(s, band[0], texts);
  decideSourceish(s, bodyStart, ttCol);
  buildAmountCols(s);

  const body = readBody(s, { bodyStart, ttCol, nameCol, bandWords: headerWords(texts, s.width), bandLen: band.length });
  if (s.opts.release) s.opts.onReleased?.(rowsN);
  const plan = assemble(s, body);
  geometryChecks(s, plan);
  circularRefs(s, bodyStart, body.nextTable);
  const next = body.nextTable !== undefined ? read(newState(s.grid, { ...s.opts, headerRow: body.nextTable })) : undefined;
  return {
    ok: true,
    plan,
    cellFindings: s.findings,
    unit: s.unit,
    unitFrom: s.unitFrom,
    headerRows,
    repeatedHeaderRows: body.repeated,
    ...(next?.ok ? { next } : {}),
  };
}
