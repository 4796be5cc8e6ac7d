/**
 * The sheet reader: a Grid (any appendix sheet, made here or typed by someone else) → a Plan with
 * positions, plus the findings that need the sheet's geometry (TEXT_NUMBER, SUSPECT_DECIMAL,
 * FORMULA_ERROR, HARDCODED_TOTAL, DOUBLE_COUNT). Pure; never throws on any grid.
 *
 * Recognition, in order:
 *  1. Header band: the first row holding "TT"/"STT" with a name column ("Tên dự án", "Dự án, nhiệm vụ,
 *     chương trình", "Nội dung"...) in it or in the two rows below; the band extends over vertical merges
 *     and over sub-header rows (years, source codes); a column-number row "(1) (2)..." after it is skipped.
 *     Header text is compared folded: NFC/NFD, case, line breaks, spaces and diacritics do not matter.
 *  2. Column roles from the header words (own label first, then the merged label above it: "Dự kiến phân
 *     kỳ" over years, "Nguồn vốn" over sources); a "Nguồn vốn" column holding text is the source-text
 *     column; an unlabelled column holding "Vốn ..."/"Ngân sách ..." text is too. A total column is read by its
 *     words: "Tổng mức đầu tư"/"TMĐT" beside one year column ("Năm 2023", "2023") is an annual plan's total
 *     investment and that year its annual amount; "Tổng", "Tổng kinh phí"... is the sum of the years (see
 *     assignColumns).
 *  3. Row roles from the TT column and the labels: Roman numeral → level-1 group; a Vietnamese letter
 *     (A, B, C, D, Đ, E, G...) → level-2 group; "1." followed by items restarting at 1 (or a bold number
 *     followed by a restart) → level-2 group; number → item; 1.1 → sub-item; "Tổng cộng"/"TỔNG"/"Cộng" →
 *     grand total; "Trong đó:" then one row per source (mapped by its label) → breakdown; "Bằng chữ: ..."
 *     → stated words; rows repeating the header (page breaks) → skipped; anything else → note.
 *     "I. Xây dựng..." typed in one cell is split into numbering and name. The total row closes the table
 *     (unless it comes before the groups): below it only "Trong đó" rows and words lines are read.
 *  4. Values: each amount cell parsed once with parseAmount in the sheet's unit; number cells to 15
 *     significant digits (as Excel shows them, so float noise in cached results does not count).
 *  5. The unit: opts.unit, else a unit line above the table ("ĐVT: Triệu đồng"), else a unit in the
 *     header ("Tổng mức đầu tư (Triệu đồng)"), else triệu đồng.
 *
 * HARDCODED_TOTAL policy: a subtotal/total cell, a "Trong đó" cell, or an item's total cell that is a typed
 * number is flagged only when the sheet uses formulas for cells of the same kind elsewhere (three kinds:
 * group and grand-total rows; "Trong đó" rows; item totals) — the sign of a sheet meant to compute its totals (every sheet this add-in makes does). A sheet typed by hand or pasted
 * from Word, with no total formulas at all, is not flagged cell by cell.
 *
 * DOUBLE_COUNT: a group or grand-total formula whose references (SUM ranges, + lists) cover both a group row
 * and a row inside that group; or, without a formula, a stated total equal to its groups plus their items
 * (and not to the groups alone).
 */
import { Dec, plain, sum } from '../base/decimal';
import { makeFinding, type Finding } from '../checks/findings';
import { a1 } from '../base/a1';
import { formulaRefs, type FormulaRef } from './formulaRefs';
import type { CellRange, Grid, GridCell } from '../base/grid';
import type {
  BreakdownRow, FieldKey, FundingSource, Group, Item, Plan, PlanNode, RowAmounts, RowLoc, StatedTotal,
  StatedWords, Unit, YearSpan,
} from '../plan/model';
import { formatVi, isUnit, parseAmount, parseUnitLine, type ParsedAmount } from '../text/numbers';
import { classifyTT as classifyTT_, VI_LETTERS } from '../text/numbering';
import { clip, fold, foldWords } from '../text/fold';
import { canSayInWords } from '../text/words';
import { containsWords, looksLikeSourceText, sourceCodeOf } from '../plan/sources';

export interface RecognizeOptions {
  /** Overrides the unit read from the sheet. */
  unit?: Unit;
  /** 0-based row of the (first) header row, when the caller knows it. */
  headerRow?: number;
}

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
    }
  | { ok: false; finding: Finding };

// ---------------------------------------------------------------------------------------------
// Vocabulary

type SimpleField = 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code';

type ColRole =
  | { kind: 'field'; key: SimpleField }
  | { kind: 'sourceText' }
  | { kind: 'year'; year: number }
  | { kind: 'total' }
  | { kind: 'totalInvestment' }
  | { kind: 'annual'; year: number }
  | { kind: 'source'; code: string; label: string }
  /** "Nguồn vốn": a source amount column or the source-text column, decided by the body. */
  | { kind: 'sourceish'; label: string };

const TT_WORDS = new Set(['tt', 'stt', 'so tt', 'so thu tu', 'thu tu', 'tt.', 'no']);
const YEAR_RE = /^(?:nam )?((?:19|20)\d\d)$/;
/** Investment vocabulary of a total column: "Tổng mức đầu tư (dự kiến)", "Tổng mức đầu tư/chi phí dự kiến", "TMĐT". */
const TOTAL_INVESTMENT_RE = /^(?:tong muc dau tu|tmdt)\b/;
const ANNUAL_RE = /(?:kinh phi|von|du toan|ke hoach|nhu cau|giai ngan|bo tri|phan bo).*\bnam ((?:19|20)\d\d)\b/;

function isTTLabel(f: string): boolean {
  return TT_WORDS.has(f);
}

function isNameLabel(f: string, loose = false): boolean {
  if (f.length > 120) return false;
  if (/\bten\b/.test(f) && /(du an|nhiem vu|de an|cong trinh|chuong trinh|hang muc|danh muc|noi dung|hoat dong|ke hoach)/.test(f)) return true;
  if (/^(du an|nhiem vu|de an|chuong trinh|danh muc|cong trinh|hang muc)\b/.test(f) && !/(moi|chuyen tiep)\b/.test(f)) return true;
  if (f === 'ten') return true;
  if (loose && /^noi dung( cong viec| nhiem vu| hoat dong)?$/.test(f)) return true;
  return false;
}

/** Role of a column from its own header label; parents are the merged labels above it. */
function classifyLabel(own: string, parents: string[]): ColRole | undefined {
  // "(Triệu đồng)", "(tr.đ)" and other bracketed notes do not change a column's role.
  const bare = own.replace(/\([^)]*\)/g, ' ').trim();
  const f = foldWords(bare || own);
  const pf = parents.map(foldWords).join(' | ');
  if (f.length === 0) return undefined;
  if (isTTLabel(f)) return { kind: 'field', key: 'tt' };
  const y = YEAR_RE.exec(f);
  if (y) return { kind: 'year', year: parseInt(y[1], 10) };
  if (/(^| )chuyen tiep\b/.test(f) || /^(du an |nhiem vu )?moi\b/.test(f) || /\bmoi (hoac|hay) chuyen tiep\b/.test(f)) {
    return { kind: 'field', key: 'status' };
  }
  if (/\bnoi dung\b/.test(f) && !isNameLabel(f)) return { kind: 'field', key: 'scale' };
  if (isNameLabel(f)) return { kind: 'field', key: 'name' };
  if (TOTAL_INVESTMENT_RE.test(f)) return { kind: 'totalInvestment' };
  const an = ANNUAL_RE.exec(f);
  if (an) return { kind: 'annual', year: parseInt(an[1], 10) };
  if (/^(tong|tong so|tong cong|cong|thanh tien|so tien|gia tri)$/.test(f) || /^tong (kinh phi|von|chi phi|nhu cau|du toan|so von|cong)\b/.test(f)
    || /^kinh phi( du kien| thuc hien| du toan)?$/.test(f) || /^so tien\b/.test(f)
    // "Tổng giai đoạn 2021-2025", "Tổng nhu cầu": a total, unless it names one source ("Tổng NSTW")
    || (/^tong\b/.test(f) && !TOTAL_INVESTMENT_RE.test(f) && sourceCodeOf(f.slice(4)) === undefined && !/\bnam (19|20)\d\d$/.test(f))) {
    return { kind: 'total' };
  }
  if (/\bchu tri\b/.test(f) || /chu dau tu/.test(f) || /^(don vi|co quan) (thuc hien|trien khai|quan ly)\b/.test(f)) {
    return { kind: 'field', key: 'lead' };
  }
  if (/phoi hop/.test(f)) return { kind: 'field', key: 'coordinating' };
  if (/muc tieu/.test(f)) return { kind: 'field', key: 'objective' };
  if (/quy mo/.test(f)) return { kind: 'field', key: 'scale' };
  if (/thoi gian|tien do|thoi han/.test(f)) return { kind: 'field', key: 'period' };
  if (/ghi chu/.test(f)) return { kind: 'field', key: 'notes' };
  if (/^ma( so| du an| dự an)?$/.test(f) || /^ma du an/.test(f)) return { kind: 'field', key: 'code' };
  if (/\bhoac\b/.test(f) && /\bvon\b/.test(f)) return { kind: 'sourceish', label: own.trim() };
  if (/^(nguon von|nguon kinh phi|loai von|co cau nguon von|nguon von dau tu)\b/.test(f)) {
    // A label naming one source ("Nguồn vốn NSTW") is that source; the bare "Nguồn vốn" is decided by the body.
    const code = sourceCodeOf(f.replace(/^(nguon von|nguon kinh phi|loai von|nguon von dau tu)\b/, ''));
    return code ? { kind: 'source', code, label: own.trim() } : { kind: 'sourceish', label: own.trim() };
  }
  const code = f.length <= 60 ? sourceCodeOf(f) : undefined;
  if (code) return { kind: 'source', code, label: own.trim() };
  if (/(nguon von|phan ky|nguon kinh phi|von dau tu)/.test(pf) && f.length <= 40) {
    if (/(nguon von|nguon kinh phi|von dau tu)/.test(pf)) return { kind: 'source', code: own.trim().toUpperCase(), label: own.trim() };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Cells

function cellText(c: GridCell | null | undefined): string {
  if (!c) return '';
  if (typeof c.value === 'string') return c.value;
  if (typeof c.value === 'number') return String(c.value);
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return '';
}

function isBlank(c: GridCell | null | undefined): boolean {
  if (!c) return true;
  if (c.error) return false;
  if (c.value === null) return true;
  return typeof c.value === 'string' && c.value.trim() === '';
}

function rowOf(grid: Grid, r: number): (GridCell | null | undefined)[] {
  const row = grid.cells[r];
  return Array.isArray(row) ? row : [];
}

function rowIsEmpty(row: (GridCell | null | undefined)[]): boolean {
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

/** Header texts of a band: merged cells give their text to every cell they cover. */
function bandTexts(grid: Grid, rows: number[], width: number): string[][] {
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

function isRange(m: unknown): m is CellRange {
  if (!m || typeof m !== 'object') return false;
  const x = m as CellRange;
  return [x.r0, x.c0, x.r1, x.c1].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7) && x.r1 >= x.r0 && x.c1 >= x.c0;
}

const COLNUM_CELL = /^\(?\s*[0-9]{1,2}\s*\)?(?:\s*[-=+*x/]\s*\(?\s*[0-9]{1,2}\s*\)?)*$/;

/** "(1) (2) (3)..." or "1 2 3 4 ..." under a header. */
function isColumnNumberRow(row: (GridCell | null | undefined)[], ttCol: number): boolean {
  // Cheap test first: the TT column holds "1" or "(1)" (or is blank in a partial row).
  const tc = row[ttCol];
  if (tc && !isBlank(tc) && !COLNUM_CELL.test(cellText(tc).trim())) return false;
  let n = 0;
  let paren = 0;
  let last = -1;
  let increasing = true;
  for (const c of row) {
    if (isBlank(c)) continue;
    const t = cellText(c).trim();
    if (!COLNUM_CELL.test(t)) return false;
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

// ---------------------------------------------------------------------------------------------
// Row labels

type TTKind =
  | { kind: 'roman'; value: number; text: string }
  | { kind: 'letter'; letter: string; text: string }
  | { kind: 'number'; value: number; dotted: boolean; text: string }
  | { kind: 'sub'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'other'; text: string }
  | { kind: 'none' };

function ttText(c: GridCell | null | undefined): string {
  if (!c || c.error) return '';
  if (typeof c.value === 'number') {
    if (!Number.isFinite(c.value)) return '';
    return String(c.value);
  }
  return typeof c.value === 'string' ? c.value.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
}

/** The row's numbering, read by the shared numbering module and narrowed to the roles a row can play. */
function classifyTT(t: string): TTKind {
  if (t === '') return { kind: 'none' };
  const info = classifyTT_(t);
  switch (info.kind) {
    case 'none':
      return info.bullet ? { kind: 'bullet', text: t } : { kind: 'none' };
    case 'number':
      return info.core.length <= 5 ? { kind: 'number', value: info.ordinal ?? 0, dotted: info.suffix === '.', text: t } : { kind: 'other', text: t };
    case 'dotted':
      return { kind: 'sub', text: t };
    case 'roman':
      if (!info.lower) return { kind: 'roman', value: info.ordinal ?? 0, text: t };
      return info.core.length === 1 ? { kind: 'bullet', text: t } : { kind: 'other', text: t };
    case 'letter':
      if (info.lower) return { kind: 'bullet', text: t };
      return info.wrongLetter ? { kind: 'other', text: t } : { kind: 'letter', letter: info.core.toUpperCase(), text: t };
    default:
      return { kind: 'other', text: t };
  }
}

const NUMBERED_TEXT =
  /^(?:([IVXLCDM]{1,7}|[A-ZĐ])(?:[.)]\s*[-–:]?|\s*[-–:])|(\d{1,3}(?:\.\d{1,3})*)([.)]?)\s*[-–:]?)\s+(\p{L}.*)$/su;

/**
 * "I. Xây dựng hạ tầng", "II - Phát triển", "A) Nhóm" typed in one cell (the TT cell, or the name cell
 * with an empty TT): the numbering and the name. In the name cell a number needs "." or ")" ("1. Dự án").
 */
export function splitNumbered(text: string, inNameCell: boolean): { tt: string; name: string } | undefined {
  if (text.length < 4 || text.length > 2000) return undefined;
  const m = NUMBERED_TEXT.exec(text);
  if (!m) return undefined;
  const tt = m[1] !== undefined ? m[1] : m[2] + m[3];
  if (inNameCell && m[1] === undefined && m[3] === '') return undefined;
  const k = classifyTT(tt);
  if (k.kind === 'other' || k.kind === 'none' || k.kind === 'bullet') return undefined;
  return { tt, name: m[4].trim() };
}

function isTotalLabel(t: string): boolean {
  const f = foldWords(t);
  if (f.length === 0 || f.length > 60) return false;
  return /^(tong cong|tong so|tong|cong|tong cong toan bo|tong cong kinh phi|tong kinh phi|tong von|cong toan bo|tong cong ca|tong toan bo|tong cong \(?[ivx]+.*)$/.test(f)
    || /^tong cong\b/.test(f);
}

const WORDS_HINT = /b\S{1,4}ng\s+ch/i;

function wordsStart(t: string): number {
  if (!WORDS_HINT.test(t)) return -1;
  const f = fold(t);
  return f.indexOf('bang chu');
}

// ---------------------------------------------------------------------------------------------
// The recognizer

interface Column {
  col: number;
  role: ColRole;
  label: string;
}

interface AmountCol {
  col: number;
  key: FieldKey;
  /** where in RowAmounts */
  put: (a: RowAmounts, v: Dec) => void;
}

interface NumEntry {
  row: number;
  col: number;
  value: Dec;
  numFmt?: string;
  fromText: boolean;
}

type RowRole = 'group' | 'item' | 'total' | 'breakdown';

interface TotalCell {
  row: number;
  col: number;
  cell: GridCell;
  category: 'sub' | 'breakdown' | 'itemTotal';
}

const SCAN_ROWS = 300;

function unreadable(grid: Grid, what: string): Recognized {
  return {
    ok: false,
    finding: makeFinding(
      'UNREADABLE_TABLE',
      `Không nhận ra bảng danh mục trong trang tính "${grid.sheet}": ${what}. Cần một dòng tiêu đề có cột "TT" (hoặc "STT"), ` +
        'một cột tên ("Tên dự án", "Tên nhiệm vụ, dự án", "Nội dung"...) và các cột số tiền (năm, "Tổng kinh phí", nguồn vốn...).',
      { sheet: grid.sheet },
    ),
  };
}

function safeSheetName(grid: Grid): string {
  return typeof grid?.sheet === 'string' ? grid.sheet : '';
}

export function recognizeTable(grid: Grid, opts: RecognizeOptions = {}): Recognized {
  const g: Grid = {
    sheet: safeSheetName(grid),
    cells: Array.isArray(grid?.cells) ? grid.cells : [],
    merges: Array.isArray(grid?.merges) ? grid.merges.filter(isRange) : [],
    hiddenRows: Array.isArray(grid?.hiddenRows) ? grid.hiddenRows : undefined,
  };
  return new Reader(g, opts).run();
}

class Reader {
  private findings: Finding[] = [];
  private width = 0;
  private columns: Column[] = [];
  private amountCols: AmountCol[] = [];
  private unit: Unit = 'triệu đồng';
  private unitFrom: 'option' | 'sheet' | 'default' = 'default';
  /** Per amount column: how many non-zero numbers, and the non-whole ones (SUSPECT_DECIMAL candidates). */
  private nums = new Map<number, { nonZero: number; fractional: NumEntry[] }>();
  private totalCells: TotalCell[] = [];

  constructor(private readonly grid: Grid, private readonly opts: RecognizeOptions) {}

  private get sheet(): string {
    return this.grid.sheet;
  }

  run(): Recognized {
    const rowsN = this.grid.cells.length;
    for (let r = 0; r < rowsN; r++) {
      const row = this.grid.cells[r];
      if (Array.isArray(row) && row.length > this.width) this.width = row.length;
    }
    this.width = Math.min(this.width, 16384);
    if (rowsN === 0 || this.width === 0) return unreadable(this.grid, 'trang tính trống');

    const header = this.findHeader();
    if ('error' in header) return unreadable(this.grid, header.error);
    const { band, ttCol } = header;
    this.headerFirst = band[0];

    // Sub-header rows and column-number row.
    const headerRows = [...band];
    const texts = bandTexts(this.grid, band, this.width);
    this.assignColumns(band, texts);
    // The column where "TT" was found is the TT column, whatever a merged label over it says.
    this.columns = this.columns.filter((x) => x.col !== ttCol && !(x.role.kind === 'field' && x.role.key === 'tt'));
    this.columns.push({ col: ttCol, role: { kind: 'field', key: 'tt' }, label: cellText(rowOf(this.grid, band[0])[ttCol]) });
    this.columns.sort((p, q) => p.col - q.col);
    let bodyStart = band[band.length - 1] + 1;
    if (bodyStart < rowsN && isColumnNumberRow(rowOf(this.grid, bodyStart), ttCol)) {
      headerRows.push(bodyStart);
      bodyStart++;
    }
    const nameCol = this.colOf('name');
    if (nameCol === undefined) return unreadable(this.grid, 'không có cột tên dự án/nhiệm vụ');

    this.readUnit(band[0], texts);

    // Header words per column, to recognise the header repeated on later pages.
    const bandWords: Set<string>[] = [];
    for (let c = 0; c < this.width; c++) {
      const s = new Set<string>();
      for (const t of texts) if (t[c]) s.add(foldWords(t[c]));
      bandWords.push(s);
    }

    this.decideSourceish(bodyStart, ttCol);
    this.buildAmountCols();

    const plan = this.readBody(bodyStart, ttCol, nameCol, bandWords, band);
    return {
      ok: true,
      plan: plan.plan,
      cellFindings: this.findings,
      unit: this.unit,
      unitFrom: this.unitFrom,
      headerRows,
      repeatedHeaderRows: plan.repeated,
    };
  }

  // ----- header

  private findHeader(): { band: number[]; ttCol: number } | { error: string } {
    const rowsN = this.grid.cells.length;
    const start = this.opts.headerRow !== undefined && this.opts.headerRow >= 0 ? this.opts.headerRow : 0;
    const end = this.opts.headerRow !== undefined ? Math.min(rowsN, start + 1) : Math.min(rowsN, SCAN_ROWS);
    let sawTT: string | undefined;
    let sawName: string | undefined;
    for (let r = start; r < end; r++) {
      const row = rowOf(this.grid, r);
      let ttCol = -1;
      for (let c = 0; c < Math.min(row.length, this.width); c++) {
        const t = row[c];
        if (!t || typeof t.value !== 'string') continue;
        if (t.value.length > 40) continue;
        if (isTTLabel(foldWords(t.value))) {
          ttCol = c;
          break;
        }
      }
      if (ttCol < 0) {
        if (!sawName) {
          for (let c = 0; c < row.length; c++) {
            const t = row[c];
            if (t && typeof t.value === 'string' && t.value.length < 120 && isNameLabel(foldWords(t.value), true)) {
              sawName = a1(r, c);
              break;
            }
          }
        }
        continue;
      }
      sawTT ??= a1(r, ttCol);
      // A name label in this row or in the two rows below (two-row headers).
      const band = [r];
      let hasName = false;
      for (let k = 0; k < 3 && r + k < rowsN; k++) {
        const rr = rowOf(this.grid, r + k);
        for (let c = 0; c < rr.length; c++) {
          const t = rr[c];
          if (t && typeof t.value === 'string' && t.value.length < 120 && isNameLabel(foldWords(t.value), true)) hasName = true;
        }
        if (hasName) break;
      }
      if (!hasName) continue;
      this.extendBand(band, ttCol);
      return { band, ttCol };
    }
    if (sawTT) return { error: `có ô "TT" ở ${sawTT} nhưng không thấy cột tên dự án/nhiệm vụ bên cạnh` };
    if (sawName) return { error: `có cột tên ở ${sawName} nhưng không thấy cột "TT"/"STT"` };
    return { error: 'không thấy dòng tiêu đề nào có "TT"/"STT" và tên dự án' };
  }

  /** Adds rows below the first header row while they belong to the header. */
  private extendBand(band: number[], ttCol: number): void {
    const rowsN = this.grid.cells.length;
    for (let step = 0; step < 3; step++) {
      const r = band[band.length - 1] + 1;
      if (r >= rowsN) return;
      const row = rowOf(this.grid, r);
      if (isColumnNumberRow(row, ttCol)) return;
      // Covered by a vertical merge that starts in the band?
      let merged = false;
      for (const m of this.grid.merges) {
        if (m.r1 >= r && m.r0 <= band[band.length - 1] && m.r0 >= band[0] && m.r1 > m.r0) {
          merged = true;
          break;
        }
      }
      const ttCell = row[ttCol];
      const ttEmpty = isBlank(ttCell);
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
      if ((merged && ttEmpty) || (ttEmpty && headerish > 0 && other === 0)) {
        band.push(r);
        continue;
      }
      return;
    }
  }

  private assignColumns(band: number[], texts: string[][]): void {
    const used = new Set<string>();
    for (let c = 0; c < this.width; c++) {
      const labels: string[] = [];
      for (let i = 0; i < band.length; i++) {
        const t = texts[i][c];
        if (t && (labels.length === 0 || foldWords(labels[labels.length - 1]) !== foldWords(t))) labels.push(t);
      }
      if (labels.length === 0) continue;
      const own = labels[labels.length - 1];
      const parents = labels.slice(0, -1);
      let role = classifyLabel(own, parents);
      if (!role && parents.length > 0) {
        // An own label we do not know under a known parent; or only the parent is known.
        const pr = classifyLabel(parents[parents.length - 1], parents.slice(0, -1));
        if (pr && (pr.kind === 'sourceish' || pr.kind === 'source')) {
          const code = sourceCodeOf(own) ?? own.trim().toUpperCase().slice(0, 20);
          role = { kind: 'source', code, label: own.trim() };
        }
      }
      if (!role) continue;
      // A parent label over a row of children ("Nguồn vốn" over NSĐP/NSTW) is not itself a column.
      const key = roleKey(role);
      if (role.kind === 'field' && used.has(key)) {
        // Only the first column of a kind keeps a descriptive role (e.g. two "Nội dung" columns).
        continue;
      }
      if (role.kind === 'total' || role.kind === 'totalInvestment') {
        if (used.has(key)) continue;
      }
      if (role.kind === 'source') {
        let code = role.code;
        let n = 2;
        while (used.has('source:' + code)) code = `${role.code}_${n++}`;
        role = { ...role, code };
      }
      if (role.kind === 'year' && used.has(key)) continue;
      used.add(roleKey(role));
      this.columns.push({ col: c, role, label: own.trim() });
    }
    // "Nội dung" as the name when no other name column exists (Bình Dương style lists name it otherwise).
    if (this.colOf('name') === undefined) {
      const nd = this.columns.find((x) => x.role.kind === 'field' && x.role.key === 'scale' && foldWords(x.label).startsWith('noi dung'));
      if (nd) nd.role = { kind: 'field', key: 'name' };
    }
    // A total column is read by its header words, not by how many year columns stand beside it:
    //  - investment vocabulary ("Tổng mức đầu tư", "Tổng mức đầu tư/chi phí dự kiến", "TMĐT") beside a single
    //    year column ("Năm 2023", "2023") and no annual or other total column is an annual plan: the year column
    //    is the plan year's amount (checked with ANNUAL_EXCEEDS_TOTAL: at most the total investment), not a
    //    phased year that must add up to the total (ROW_YEARS_SUM);
    //  - investment vocabulary with no year or several years (and no annual or other total column) is the row
    //    total, and the years (if any) must add up to it;
    //  - total vocabulary ("Tổng", "Tổng kinh phí", "Tổng cộng"...) is always the row total, whatever the
    //    number of years: "Tổng kinh phí" + "2021" is a one-year phasing whose year must equal the total.
    const hasAnnual = this.columns.some((x) => x.role.kind === 'annual');
    const hasTotal = this.columns.some((x) => x.role.kind === 'total');
    if (!hasAnnual && !hasTotal && this.columns.some((x) => x.role.kind === 'totalInvestment')) {
      const yearCols = this.columns.filter((x) => x.role.kind === 'year');
      const only = yearCols.length === 1 ? yearCols[0] : undefined;
      if (only && only.role.kind === 'year') {
        only.role = { kind: 'annual', year: only.role.year };
      } else {
        for (const x of this.columns) if (x.role.kind === 'totalInvestment') x.role = { kind: 'total' };
      }
    }
    // Several "Kinh phí năm X" columns are phased years, not one annual amount.
    const annuals = this.columns.filter((x) => x.role.kind === 'annual');
    if (annuals.length > 1) {
      for (const x of annuals) if (x.role.kind === 'annual') x.role = { kind: 'year', year: x.role.year };
    }
  }

  private colOf(key: SimpleField): number | undefined {
    const c = this.columns.find((x) => x.role.kind === 'field' && x.role.key === key);
    return c?.col;
  }

  private readUnit(firstHeaderRow: number, texts: string[][]): void {
    if (this.opts.unit) {
      this.unit = this.opts.unit;
      this.unitFrom = 'option';
      return;
    }
    for (let r = Math.max(0, firstHeaderRow - 30); r < firstHeaderRow; r++) {
      const texts: string[] = [];
      for (const c of rowOf(this.grid, r)) {
        if (!c || typeof c.value !== 'string' || c.value.length > 300) continue;
        texts.push(c.value);
        const u = parseUnitLine(c.value);
        if (u) {
          this.unit = u;
          this.unitFrom = 'sheet';
          return;
        }
      }
      // "ĐVT" | "Triệu đồng" in two cells (a form's label and value).
      if (texts.length >= 2 && texts.length <= 4) {
        const u = parseUnitLine(texts.join(' '));
        if (u) {
          this.unit = u;
          this.unitFrom = 'sheet';
          return;
        }
      }
    }
    for (const row of texts) {
      for (const t of row) {
        const m = /\((?:đvt:?\s*)?(triệu đồng|tỷ đồng|nghìn đồng|ngàn đồng|đồng|trđ|tr\.đ)\)/i.exec(t.normalize('NFC'));
        if (m) {
          const w = m[1].toLowerCase();
          this.unit = w.startsWith('tỷ') ? 'tỷ đồng' : w.startsWith('nghìn') || w.startsWith('ngàn') ? 'nghìn đồng'
            : w === 'đồng' ? 'đồng' : 'triệu đồng';
          this.unitFrom = 'sheet';
          return;
        }
      }
    }
  }

  /** A "Nguồn vốn" column holding text is the source-text column; unlabelled text columns of sources too. */
  private decideSourceish(bodyStart: number, ttCol: number): void {
    const rowsN = Math.min(this.grid.cells.length, bodyStart + 2000);
    const stats = (col: number) => {
      let num = 0, text = 0, sourceWords = 0;
      for (let r = bodyStart; r < rowsN; r++) {
        const c = rowOf(this.grid, r)[col];
        if (isBlank(c) || c?.error) continue;
        if (typeof c?.value === 'number') {
          num++;
          continue;
        }
        const t = cellText(c);
        const p = this.parseCell(r, col, t, true);
        if (p.kind === 'number') num++;
        else if (p.kind === 'invalid') {
          text++;
          if (looksLikeSourceText(foldWords(t))) sourceWords++;
        }
      }
      return { num, text, sourceWords };
    };
    let hasSourceText = this.columns.some((x) => x.role.kind === 'sourceText');
    for (const x of this.columns) {
      if (x.role.kind === 'source') {
        // A source column whose cells are words ("Vốn đầu tư") is the source-text column after all.
        const s = stats(x.col);
        if (s.text >= 2 && s.text > s.num) x.role = { kind: 'sourceish', label: x.label };
      }
      if (x.role.kind !== 'sourceish') continue;
      const s = stats(x.col);
      if (s.num > s.text) {
        x.role = { kind: 'source', code: sourceCodeOf(x.label) ?? 'NV', label: x.label };
      } else if (!hasSourceText) {
        x.role = { kind: 'sourceText' };
        hasSourceText = true;
      }
    }
    this.columns = this.columns.filter((x) => x.role.kind !== 'sourceish');
    if (!hasSourceText) {
      // An unlabelled column to the right of the amounts whose cells name sources (seed 000's last column).
      const taken = new Set(this.columns.map((x) => x.col));
      for (let c = 0; c < this.width; c++) {
        if (taken.has(c) || c === ttCol) continue;
        const s = stats(c);
        if (s.sourceWords >= 2 && s.sourceWords * 2 >= s.text && s.num === 0) {
          this.columns.push({ col: c, role: { kind: 'sourceText' }, label: '' });
          break;
        }
      }
    }
  }

  private buildAmountCols(): void {
    for (const x of this.columns) {
      const r = x.role;
      switch (r.kind) {
        case 'year': {
          const y = r.year;
          this.amountCols.push({ col: x.col, key: `year:${y}`, put: (a, v) => { a.years[y] = v; } });
          break;
        }
        case 'source': {
          const code = r.code;
          this.amountCols.push({ col: x.col, key: `source:${code}`, put: (a, v) => { a.sources[code] = v; } });
          break;
        }
        case 'total':
          this.amountCols.push({ col: x.col, key: 'total', put: (a, v) => { a.total = v; } });
          break;
        case 'totalInvestment':
          this.amountCols.push({ col: x.col, key: 'totalInvestment', put: (a, v) => { a.totalInvestment = v; } });
          break;
        case 'annual':
          this.amountCols.push({ col: x.col, key: 'annual', put: (a, v) => { a.annual = v; } });
          break;
        default:
          break;
      }
    }
    this.amountCols.sort((p, q) => p.col - q.col);
  }

  // ----- values

  /** Text cells parsed while deciding column roles, kept so that each cell is parsed once. */
  private parsed = new Map<string, ParsedAmount>();

  private parseCell(r: number, c: number, v: unknown, keep = false): ParsedAmount {
    const key = `${r},${c}`;
    const hit = this.parsed.get(key);
    if (hit) {
      if (!keep) this.parsed.delete(key);
      return hit;
    }
    const p = parseAmount(v, { unit: this.unit });
    if (keep) this.parsed.set(key, p);
    return p;
  }

  /** Amounts words can be written for (text/words): below 10^21 đồng, at most 18 decimals of a đồng. */
  private wordsCanRead(v: Dec): boolean {
    return canSayInWords(v, this.unit);
  }

  /** Number cells repeat values (years, zeros): one immutable Dec per distinct value (excelDigits). */
  private numberDecs = new Map<number, Dec>();

  private readAmount(r: number, c: number, cell: GridCell | null | undefined): Dec | undefined {
    if (!cell) return undefined;
    if (cell.error) {
      this.findings.push(makeFinding('FORMULA_ERROR', `Ô hiển thị lỗi ${cell.error}${cell.formula ? ` (công thức =${clip(cell.formula, 80)})` : ''}: không có số để kiểm tra`, {
        sheet: this.sheet, row: r, col: c, actual: cell.error,
      }));
      return undefined;
    }
    const v = cell.value;
    if (v === null || v === undefined || typeof v === 'boolean') return undefined;
    if (typeof v === 'string' && typeof cell.formula !== 'string' && /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)$/.test(v.trim())) {
      this.findings.push(makeFinding('FORMULA_ERROR', `Ô chứa giá trị lỗi ${v.trim()}: không có số để kiểm tra`, {
        sheet: this.sheet, row: r, col: c, actual: v.trim(),
      }));
      return undefined;
    }
    // A number cell holds a binary double: read it as Excel shows it, to 15 significant digits, so that float
    // noise in cached formula results (3.3000000000000003) does not make a correct total differ.
    let p: ParsedAmount;
    if (typeof v === 'number' && Number.isFinite(v)) {
      let d = this.numberDecs.get(v);
      if (d === undefined) {
        d = excelDigits(v);
        if (this.numberDecs.size < NUMBER_CACHE) this.numberDecs.set(v, d);
      }
      // What parseAmount(d) returns for a finite Dec well below its 10^24 limit, without its checks' allocations.
      p = Math.abs(v) < 1e23 && isUnit(this.unit) ? { kind: 'number', value: d, fromText: false } : parseAmount(d, { unit: this.unit });
    } else {
      p = this.parseCell(r, c, v);
    }
    let partial = false;
    if (p.kind === 'invalid' && typeof v === 'string') {
      const m = /^\s*([-+]?\d[\d.,]*(?:\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|đ)(?![\p{L}]))?)/iu.exec(v.normalize('NFC'));
      if (m && m[1].trim().length < v.trim().length) {
        const q = parseAmount(m[1], { unit: this.unit });
        if (q.kind === 'number') {
          p = q;
          partial = true;
        }
      }
    }
    if (p.kind === 'empty') return undefined;
    if (p.kind === 'invalid') {
      this.findings.push(makeFinding('TEXT_NUMBER', `Ô số tiền chứa văn bản không đọc được thành số: "${clip(String(v), 80)}" (${p.reason})`, {
        sheet: this.sheet, row: r, col: c, actual: clip(String(v), 200),
      }));
      return undefined;
    }
    if (p.fromText) {
      const text = String(v);
      const note = partial
        ? `chỉ đọc được phần đầu là ${formatVi(p.value)} ${this.unit}; phần chữ phía sau bị bỏ qua`
        : `đọc là ${formatVi(p.value)} ${this.unit}${p.ambiguous && p.ambiguity !== 'dot-thousands' ? ` (${p.ambiguous})` : ''}`;
      this.findings.push(makeFinding('TEXT_NUMBER', `Ô số tiền chứa văn bản "${clip(text.trim(), 80)}", không phải số: ${note}`, {
        sheet: this.sheet, row: r, col: c, expected: plain(p.value), actual: clip(text, 200),
      }));
    }
    let stat = this.nums.get(c);
    if (!stat) this.nums.set(c, (stat = { nonZero: 0, fractional: [] }));
    if (!p.value.isZero()) {
      stat.nonZero++;
      if (!p.value.isInteger()) stat.fractional.push({ row: r, col: c, value: p.value, numFmt: cell.numFmt, fromText: p.fromText });
    }
    return p.value;
  }

  private readRowAmounts(r: number, role: RowRole): { amounts: RowAmounts; loc: RowLoc; any: boolean } {
    const row = rowOf(this.grid, r);
    const amounts: RowAmounts = { years: {}, sources: {} };
    const loc: RowLoc = { row: r };
    let any = false;
    for (const ac of this.amountCols) {
      const cell = row[ac.col];
      if (!cell) continue;
      if (typeof cell.formula === 'string') {
        loc.formulas ??= {};
        loc.formulas[ac.key] = cell.formula;
      }
      if (role !== 'item' || ac.key === 'total') {
        if (!isBlank(cell) && !cell.error) {
          this.totalCells.push({ row: r, col: ac.col, cell, category: role === 'item' ? 'itemTotal' : role === 'breakdown' ? 'breakdown' : 'sub' });
        }
      }
      const v = this.readAmount(r, ac.col, cell);
      if (v !== undefined) {
        ac.put(amounts, v);
        any = true;
      }
    }
    return { amounts, loc, any };
  }

  private fieldCols?: Map<string, number>;

  private fieldText(row: (GridCell | null | undefined)[], key: SimpleField | 'sourceText'): string | undefined {
    if (!this.fieldCols) {
      this.fieldCols = new Map();
      for (const k of this.columns) {
        if (k.role.kind === 'sourceText' && !this.fieldCols.has('sourceText')) this.fieldCols.set('sourceText', k.col);
        if (k.role.kind === 'field' && !this.fieldCols.has(k.role.key)) this.fieldCols.set(k.role.key, k.col);
      }
    }
    const col = this.fieldCols.get(key);
    if (col === undefined) return undefined;
    const c = row[col];
    if (!c || c.error) return undefined;
    const t = cellText(c).normalize('NFC').trim();
    return t === '' ? undefined : t;
  }

  // ----- body

  private readBody(bodyStart: number, ttCol: number, nameCol: number, bandWords: Set<string>[], band: number[]): { plan: Plan; repeated: number[] } {
    const rowsN = this.grid.cells.length;
    const firstAmountCol = this.amountCols.length > 0 ? this.amountCols[0].col : this.width;
    const nodes: PlanNode[] = [];
    let curL1: Group | undefined;
    let curL2: Group | undefined;
    let lastItem: Item | undefined;
    let grandTotal: Plan['grandTotal'];
    const breakdown: BreakdownRow[] = [];
    const statedWords: StatedWords[] = [];
    const statedTotals: StatedTotal[] = [];
    const repeated: number[] = [];
    let inBreakdown = false;
    let closed = false;
    const sourceCols = this.columns.filter((x) => x.role.kind === 'source');
    const sourceCodes = sourceCols.map((x) => (x.role.kind === 'source' ? x.role.code : ''));
    const roles = this.preclassify(bodyStart, rowsN, ttCol, nameCol);

    const bandLen = band.length;
    for (let r = bodyStart; r < rowsN; r++) {
      const row = rowOf(this.grid, r);
      if (rowIsEmpty(row)) continue;
      // Repeated header (page break) and its column-number row.
      if (this.isRepeatHeader(row, bandWords, ttCol)) {
        repeated.push(r);
        // Sub-header rows that follow the repeated first row.
        for (let k = 1; k < bandLen + 1 && r + 1 < rowsN; k++) {
          const nx = rowOf(this.grid, r + 1);
          if (this.isRepeatHeader(nx, bandWords, ttCol, true) || isColumnNumberRow(nx, ttCol)) {
            r++;
            repeated.push(r);
          } else break;
        }
        continue;
      }
      if (isColumnNumberRow(row, ttCol)) {
        repeated.push(r);
        continue;
      }
      const { tt, name } = this.bodyRowTT(r, row, ttCol, nameCol);
      // The label of a row: the first text left of the amounts.
      let label = '';
      for (let c = 0; c < Math.min(firstAmountCol, row.length); c++) {
        const t = row[c];
        if (t && typeof t.value === 'string' && t.value.trim() !== '' && !/^[-+*•–·]$/.test(t.value.trim())) {
          label = t.value.normalize('NFC').trim();
          break;
        }
      }
      // Words line anywhere in the row.
      const wordsCell = this.findWordsCell(row);
      if (wordsCell !== undefined) {
        const raw = cellText(row[wordsCell]).normalize('NFC');
        const w = this.readWordsLine(raw, r, wordsCell);
        statedWords.push(w.words);
        if (w.stated) statedTotals.push(w.stated);
        continue;
      }
      const kind = roles[r - bodyStart];
      const ttIsLabel = tt !== '' && (kind.kind === 'other');
      const unnumbered = kind.kind === 'none' || ttIsLabel;
      const labelF = unnumbered ? foldWords(label) : '';
      // "Trong đó:" opens the breakdown.
      if (unnumbered && /^trong do\b/.test(labelF)) {
        inBreakdown = true;
        const rest = label.replace(/^\s*trong\s+đó\s*[:：]?\s*/iu, '').trim();
        if (rest === '' || !this.hasAnyAmount(row)) continue;
        // "Trong đó: Tổng nguồn ..." on one row.
        const code = this.mapSource(rest, sourceCodes);
        if (code !== undefined) {
          const ra = this.readRowAmounts(r, 'breakdown');
          breakdown.push({ sourceCode: code, label: rest, amounts: ra.amounts, loc: ra.loc });
        }
        continue;
      }
      const isTotal = (kind.kind === 'none' || ttIsLabel) && isTotalLabel(ttIsLabel && !name ? tt : label || tt);
      if (isTotal && grandTotal) continue; // a second total row (e.g. one above the groups and one below): not an item
      if (isTotal) {
        const ra = this.readRowAmounts(r, 'total');
        grandTotal = { amounts: ra.amounts, loc: ra.loc, label: label || tt };
        inBreakdown = false;
        // A total row closes the table unless it comes first (some tables put "Tổng số" above the groups).
        if (nodes.length > 0) closed = true;
        continue;
      }
      if (inBreakdown && (kind.kind === 'none' || kind.kind === 'bullet' || ttIsLabel)) {
        const code = this.mapSource(label, sourceCodes);
        if (code !== undefined && this.hasAnyAmount(row)) {
          const ra = this.readRowAmounts(r, 'breakdown');
          breakdown.push({ sourceCode: code, label, amounts: ra.amounts, loc: ra.loc });
          continue;
        }
      }
      // After the closing total: only "Trong đó" rows and words lines belong to the table; numbered rows
      // there are notes or another table (footnotes "1 Tỷ lệ ...", a second list on the same sheet).
      if (closed) continue;
      switch (kind.kind) {
        case 'roman': {
          const ra = this.readRowAmounts(r, 'group');
          curL1 = { kind: 'group', level: 1, tt, name, children: [], stated: ra.amounts, loc: ra.loc };
          nodes.push(curL1);
          curL2 = undefined;
          lastItem = undefined;
          inBreakdown = false;
          break;
        }
        case 'letter':
        case 'number': {
          const isL2 = kind.kind === 'letter' || this.numberIsGroup(r, bodyStart, roles, row, curL1 !== undefined);
          if (isL2) {
            const ra = this.readRowAmounts(r, 'group');
            curL2 = { kind: 'group', level: 2, tt, name, children: [], stated: ra.amounts, loc: ra.loc };
            (curL1 ? curL1.children : nodes).push(curL2);
            lastItem = undefined;
            inBreakdown = false;
            break;
          }
          lastItem = this.addItem(r, row, tt, name, curL2 ?? curL1, nodes);
          inBreakdown = false;
          break;
        }
        case 'sub':
        case 'bullet': {
          if (lastItem) {
            const ra = this.readRowAmounts(r, 'item');
            const sub = this.makeItem(row, tt, name, ra);
            (lastItem.children ??= []).push(sub);
          } else {
            lastItem = this.addItem(r, row, tt, name, curL2 ?? curL1, nodes);
          }
          break;
        }
        case 'other':
        case 'none': {
          // An untitled row with a name and amounts is an item without TT; anything else is a note.
          if (name !== '' && this.hasAnyAmount(row) && !inBreakdown) {
            lastItem = this.addItem(r, row, tt, name, curL2 ?? curL1, nodes);
          }
          break;
        }
      }
    }

    const plan = this.assemble(nodes, grandTotal, breakdown, statedWords, statedTotals);
    this.geometryChecks(plan);
    return { plan, repeated };
  }

  /** TT and name of a row, splitting "I. Xây dựng..." typed in one cell. */
  private rowTT(row: (GridCell | null | undefined)[], ttCol: number, nameCol: number): { tt: string; name: string } {
    const tt = ttText(row[ttCol]);
    const name = cellText(row[nameCol]).normalize('NFC').trim();
    if (tt !== '' && name === '' && ttCol !== nameCol) {
      const sp = splitNumbered(tt, false);
      if (sp) return sp;
    }
    if (tt === '' && name !== '') {
      const sp = splitNumbered(name, true);
      if (sp) return sp;
    }
    return { tt, name };
  }

  /** TT and name of every body row, as preclassify read them (rowTT is pure: read once per row). */
  private bodyTT?: { start: number; ttCol: number; nameCol: number; tts: { tt: string; name: string }[] };

  private bodyRowTT(r: number, row: (GridCell | null | undefined)[], ttCol: number, nameCol: number): { tt: string; name: string } {
    const b = this.bodyTT;
    const hit = b && b.ttCol === ttCol && b.nameCol === nameCol ? b.tts[r - b.start] : undefined;
    return hit ?? this.rowTT(row, ttCol, nameCol);
  }

  private preclassify(bodyStart: number, rowsN: number, ttCol: number, nameCol: number): TTKind[] {
    const out: TTKind[] = [];
    const tts: { tt: string; name: string }[] = [];
    for (let r = bodyStart; r < rowsN; r++) {
      const t = this.rowTT(rowOf(this.grid, r), ttCol, nameCol);
      tts.push(t);
      out.push(classifyTT(t.tt));
    }
    this.bodyTT = { start: bodyStart, ttCol, nameCol, tts };
    // A single letter that continues a Roman sequence ("I" after nothing, "V" after "IV") is Roman;
    // one that continues a letter sequence ("I" after "H") is a letter.
    let lastRoman = 0;
    let lastLetter = -1;
    for (let i = 0; i < out.length; i++) {
      const k = out[i];
      if (k.kind === 'roman') {
        const bare = k.text.replace(/[.)]$/, '');
        const asLetter = bare.length === 1 ? VI_LETTERS.indexOf(bare) : -1;
        // A one-letter numeral (I, V, X, L, C, D, M) is a letter when it continues a letter sequence,
        // or when it is a large numeral (L, C, D, M) that does not continue the Roman sequence.
        const continuesRoman = k.value === lastRoman + 1;
        const continuesLetter = asLetter >= 0 && lastLetter >= 0 && asLetter === lastLetter + 1;
        if (continuesLetter || (asLetter >= 0 && !continuesRoman && k.value >= 50)) {
          out[i] = { kind: 'letter', letter: VI_LETTERS[asLetter], text: k.text };
          lastLetter = asLetter;
        } else {
          lastRoman = k.value;
          lastLetter = -1;
        }
      } else if (k.kind === 'letter') {
        lastLetter = VI_LETTERS.indexOf(k.letter);
      }
    }
    return out;
  }

  /** Is a numbered row a level-2 group ("1." above items restarting at 1, or a bold number above a restart)? */
  private numberIsGroup(r: number, bodyStart: number, roles: TTKind[], row: (GridCell | null | undefined)[], underL1: boolean): boolean {
    const k = roles[r - bodyStart];
    if (k.kind !== 'number') return false;
    if (!underL1 && !k.dotted) return false;
    // Next numbered row.
    for (let i = r - bodyStart + 1; i < roles.length && i < r - bodyStart + 50; i++) {
      const n = roles[i];
      if (n.kind === 'none' || n.kind === 'other' || n.kind === 'bullet') continue;
      if (n.kind !== 'number' || n.value !== 1) return false;
      if (k.dotted && !n.dotted) return true;
      if (k.dotted !== n.dotted) return false;
      // Same style: a restart at 1 right after, with this row bold and the next not.
      const nextRow = rowOf(this.grid, bodyStart + i);
      const bold = (rr: (GridCell | null | undefined)[]) => rr.some((c) => c?.bold === true);
      return underL1 && bold(row) && !bold(nextRow);
    }
    return false;
  }

  private hasAnyAmount(row: (GridCell | null | undefined)[]): boolean {
    for (const ac of this.amountCols) {
      const c = row[ac.col];
      if (c && !isBlank(c)) return true;
    }
    return false;
  }

  private mapSource(label: string, codes: string[]): string | undefined {
    if (codes.length === 0) return undefined;
    const f = foldWords(label);
    // The source's own header label or code in the row label.
    for (const x of this.columns) {
      if (x.role.kind !== 'source') continue;
      const lf = foldWords(x.label);
      if (lf.length >= 2 && containsWords(f, lf)) return x.role.code;
    }
    const canon = sourceCodeOf(label);
    if (canon === undefined) return undefined;
    if (codes.includes(canon)) return canon;
    // A column labelled otherwise but of the same canonical kind.
    for (const x of this.columns) if (x.role.kind === 'source' && sourceCodeOf(x.label) === canon) return x.role.code;
    // "Vốn sự nghiệp ..." rows name NSĐP/NSTW by their tail; VSN matched above.
    return undefined;
  }

  private isRepeatHeader(row: (GridCell | null | undefined)[], bandWords: Set<string>[], ttCol: number, loose = false): boolean {
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

  private findWordsCell(row: (GridCell | null | undefined)[]): number | undefined {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.value !== 'string') continue;
      if (cell.value.length < 10 || cell.value.length > 2000) continue;
      if (wordsStart(cell.value) >= 0) return c;
    }
    return undefined;
  }

  private readWordsLine(raw: string, r: number, c: number): { words: StatedWords; stated?: StatedTotal } {
    const text = raw.replace(/\s+/g, ' ').trim();
    // Text after "bằng chữ" and its colon; drop enclosing parentheses.
    const m = /bằng\s+chữ\s*[:：]?\s*(.*)$/iu.exec(text.normalize('NFC')) ?? /bang\s+chu\s*[:：]?\s*(.*)$/iu.exec(text);
    let words = (m ? m[1] : text).trim();
    words = words.replace(/\)\s*[,.;:]?\s*(trong đó.*)?$/iu, '').replace(/^\(/, '').trim();
    const sw: StatedWords = { text: words, loc: { row: r, col: c } };
    // "441.115.000.000 đồng (Bằng chữ: ...)": a figure stated before the words.
    const before = text.slice(0, Math.max(0, text.search(/\(?\s*bằng\s+chữ/iu)));
    const fm = /(\d[\d.,]*(?:\s*(?:tỷ|tỉ|triệu|nghìn|ngàn))?(?:\s*(?:đồng|đ|vnđ|vnd))?)\s*[.,:;]?\s*$/iu.exec(before.trim());
    if (fm) {
      const p = parseAmount(fm[1], { unit: this.unit });
      if (p.kind === 'number' && this.wordsCanRead(p.value)) {
        sw.figure = p.value;
        return { words: sw, stated: { value: p.value, where: `ô ${a1(r, c)}`, loc: { row: r, col: c } } };
      }
    }
    return { words: sw };
  }

  private makeItem(row: (GridCell | null | undefined)[], tt: string, name: string, ra: { amounts: RowAmounts; loc: RowLoc }): Item {
    const item: Item = { kind: 'item', tt, name, amounts: ra.amounts, loc: ra.loc };
    const status = this.fieldText(row, 'status');
    if (status) item.status = status;
    const lead = this.fieldText(row, 'lead');
    if (lead) item.lead = lead;
    const coordinating = this.fieldText(row, 'coordinating');
    if (coordinating) item.coordinating = coordinating;
    const objective = this.fieldText(row, 'objective');
    if (objective) item.objective = objective;
    const scale = this.fieldText(row, 'scale');
    if (scale) item.scale = scale;
    const notes = this.fieldText(row, 'notes');
    if (notes) item.notes = notes;
    const code = this.fieldText(row, 'code');
    if (code) item.code = code;
    const sourceText = this.fieldText(row, 'sourceText');
    if (sourceText) item.sourceText = sourceText;
    const period = parsePeriod(this.fieldText(row, 'period'));
    if (period) item.period = period;
    return item;
  }

  private addItem(r: number, row: (GridCell | null | undefined)[], tt: string, name: string, parent: Group | undefined, nodes: PlanNode[]): Item {
    const ra = this.readRowAmounts(r, 'item');
    const item = this.makeItem(row, tt, name, ra);
    (parent ? parent.children : nodes).push(item);
    return item;
  }

  private assemble(nodes: PlanNode[], grandTotal: Plan['grandTotal'], breakdown: BreakdownRow[], statedWords: StatedWords[], statedTotals: StatedTotal[]): Plan {
    const columns: Partial<Record<FieldKey, number>> = {};
    const sources: FundingSource[] = [];
    const years: number[] = [];
    let planYear: number | undefined;
    for (const x of this.columns) {
      const r = x.role;
      switch (r.kind) {
        case 'field': columns[r.key] = x.col; break;
        case 'sourceText': columns.sourceText = x.col; break;
        case 'year': columns[`year:${r.year}`] = x.col; years.push(r.year); break;
        case 'total': columns.total = x.col; break;
        case 'totalInvestment': columns.totalInvestment = x.col; break;
        case 'annual': columns.annual = x.col; planYear = r.year; break;
        case 'source': columns[`source:${r.code}`] = x.col; sources.push({ code: r.code, label: r.label }); break;
        default: break;
      }
    }
    const meta = this.readMeta();
    const plan: Plan = {
      meta: { ...meta, unit: this.unit },
      sources,
      nodes,
      sheet: { name: this.sheet, columns },
    };
    if (years.length > 0) {
      years.sort((a, b) => a - b);
      const span: YearSpan = { from: years[0], to: years[years.length - 1] };
      plan.years = span;
    }
    if (planYear !== undefined) {
      plan.planYear = planYear;
      plan.preset = 'annual';
    } else if (years.length > 0) plan.preset = 'medium-term';
    else plan.preset = 'flat';
    if (grandTotal) plan.grandTotal = grandTotal;
    if (breakdown.length > 0) plan.breakdown = breakdown;
    if (statedWords.length > 0) {
      const gt = grandTotal?.amounts;
      const g = gt ? gt.total ?? gt.totalInvestment ?? gt.annual : undefined;
      const figure = g !== undefined && this.wordsCanRead(g) ? g : undefined;
      for (const w of statedWords) if (w.figure === undefined && figure !== undefined) w.figure = figure;
      plan.statedWords = statedWords;
    }
    if (statedTotals.length > 0) plan.statedTotals = statedTotals;
    return plan;
  }

  private readMeta(): { title: string; appendixNo?: string; attachedTo?: string } {
    // Texts above the header.
    const first = this.firstHeaderRow();
    const titleParts: string[] = [];
    let appendixNo: string | undefined;
    let attachedTo: string | undefined;
    for (let r = Math.max(0, first - 30); r < first; r++) {
      for (const c of rowOf(this.grid, r)) {
        if (!c || typeof c.value !== 'string') continue;
        const t = c.value.normalize('NFC').replace(/\s+/g, ' ').trim();
        if (!t || t.length > 500) continue;
        const f = fold(t);
        if (/^phu luc\b/.test(f)) {
          appendixNo = t.replace(/^phụ\s+lục\s*/iu, '').trim() || undefined;
        } else if (/^\(?\s*(kem theo|ban hanh kem)/.test(f)) {
          attachedTo = t.replace(/^\(\s*/, '').replace(/\s*\)$/, '');
        } else if (parseUnitLine(t)) {
          // unit line
        } else if (t === t.toUpperCase() || /^danh muc\b/.test(f)) {
          titleParts.push(t);
        }
      }
    }
    const title = titleParts.join(' ').slice(0, 500) || this.sheet;
    const meta: { title: string; appendixNo?: string; attachedTo?: string } = { title };
    if (appendixNo) meta.appendixNo = appendixNo;
    if (attachedTo) meta.attachedTo = attachedTo;
    return meta;
  }

  private firstHeaderRow(): number {
    return this.headerFirst;
  }

  private headerFirst = 0;

  // ----- geometry checks

  private geometryChecks(plan: Plan): void {
    this.suspectDecimals();
    this.hardcodedTotals();
    this.doubleCounts(plan);
  }

  private suspectDecimals(): void {
    for (const [col, stat] of this.nums) {
      const nonInt = stat.fractional.length;
      if (stat.nonZero < 3 || nonInt === 0) continue;
      for (const e of stat.fractional) {
        if (e.fromText) continue;
        const abs = e.value.abs();
        if (abs.gte(1000) || !abs.times(1000).isInteger()) continue;
        if (e.numFmt && /[0#?]\.[0#?]/.test(e.numFmt)) continue;
        // The rest of the column is whole amounts (allow one other odd value in ten).
        const others = stat.nonZero - 1;
        if ((nonInt - 1) * 10 > others) continue;
        const thousand = e.value.times(1000);
        this.findings.push(makeFinding('SUSPECT_DECIMAL',
          `Giá trị ${formatVi(e.value)} có phần thập phân trong cột toàn số nguyên: có lẽ "${formatVi(thousand)}" đã bị đọc theo kiểu Anh-Mỹ (dấu chấm thập phân) thành ${formatVi(e.value)}`, {
            sheet: this.sheet, row: e.row, col, expected: plain(thousand), actual: plain(e.value),
          }));
      }
    }
  }

  private hardcodedTotals(): void {
    for (const category of ['sub', 'breakdown', 'itemTotal'] as const) {
      const cells = this.totalCells.filter((t) => t.category === category);
      const anyFormula = cells.some((t) => typeof t.cell.formula === 'string');
      if (!anyFormula) continue;
      for (const t of cells) {
        if (typeof t.cell.formula === 'string' || typeof t.cell.value !== 'number') continue;
        const what = category === 'sub' ? 'Ô tổng/tổng nhóm' : category === 'breakdown' ? 'Ô "Trong đó"' : 'Ô tổng của dự án';
        this.findings.push(makeFinding('HARDCODED_TOTAL',
          `${what} là số gõ tay (${formatVi(new Dec(t.cell.value))}) trong khi các ô tổng khác của bảng dùng công thức: số này không tự cập nhật khi số liệu thay đổi`, {
            sheet: this.sheet, row: t.row, col: t.col, actual: plain(new Dec(t.cell.value)),
          }));
      }
    }
  }

  private doubleCounts(plan: Plan): void {
    const sameSheet = (f: FormulaRef) => f.sheet === undefined || f.sheet === this.sheet;
    const rowsOf = (n: PlanNode, out: number[]) => {
      if (n.loc) out.push(n.loc.row);
      if (n.kind === 'group') for (const ch of n.children) rowsOf(ch, out);
      else if (n.children) for (const ch of n.children) rowsOf(ch, out);
      return out;
    };
    const check = (row: number, formulas: RowLoc['formulas'], groups: Group[], what: string, stated: RowAmounts | undefined, leaves: () => Item[]) => {
      for (const ac of this.amountCols) {
        const f = formulas?.[ac.key];
        if (f) {
          const refs = formulaRefs(f).filter(sameSheet);
          const inCol = refs.filter((x) => ac.col >= x.c0 && ac.col <= x.c1);
          const use = inCol.length > 0 ? inCol : refs;
          // Rows the formula adds, as a bitmap over the sheet's rows (references beyond the sheet hold nothing).
          const n = this.grid.cells.length;
          const mark = new Uint8Array(n + 1);
          for (const x of use) for (let rr = Math.max(0, x.r0); rr <= Math.min(n, x.r1); rr++) mark[rr] = 1;
          const covered = (rr: number) => rr >= 0 && rr <= n && mark[rr] === 1;
          for (const gr of groups) {
            if (!gr.loc || !covered(gr.loc.row)) continue;
            const inner = rowsOf(gr, []).filter((x) => x !== gr.loc?.row);
            const hit = inner.find(covered);
            if (hit !== undefined) {
              this.findings.push(makeFinding('DOUBLE_COUNT',
                `${what} cộng cả dòng nhóm ${gr.tt || gr.name} (dòng ${gr.loc.row + 1}) lẫn các dòng con của nhóm đó (dòng ${hit + 1}): số bị tính hai lần`, {
                  sheet: this.sheet, row, col: ac.col, actual: `=${clip(f, 200)}`,
                }));
              break;
            }
          }
          continue;
        }
        // Numerically: the stated total equals the groups plus their items.
        const st = stated ? pick(stated, ac.key) : undefined;
        if (!st || groups.length === 0) continue;
        const g = sum(groups.map((x) => (x.stated ? pick(x.stated, ac.key) : undefined)));
        const items = sum(leaves().map((x) => pick(x.amounts, ac.key)));
        if (!items.isZero() && !st.eq(g) && st.eq(g.plus(items))) {
          this.findings.push(makeFinding('DOUBLE_COUNT',
            `${what} (${formatVi(st)}) bằng tổng các dòng nhóm (${formatVi(g)}) cộng thêm các dự án trong nhóm (${formatVi(items)}): số bị tính hai lần`, {
              sheet: this.sheet, row, col: ac.col, expected: plain(g), actual: plain(st),
            }));
        }
      }
    };
    const groupsIn = (ns: PlanNode[]) => ns.filter((n): n is Group => n.kind === 'group');
    const itemsUnder = (ns: PlanNode[]): Item[] => {
      const out: Item[] = [];
      const walk = (n: PlanNode) => {
        if (n.kind === 'item') out.push(n);
        else n.children.forEach(walk);
      };
      ns.forEach((n) => (n.kind === 'group' ? walk(n) : undefined));
      return out;
    };
    const allGroups: Group[] = [];
    const collect = (ns: PlanNode[]) => {
      for (const n of ns) {
        if (n.kind === 'group') {
          allGroups.push(n);
          collect(n.children);
        }
      }
    };
    collect(plan.nodes);
    if (plan.grandTotal?.loc) {
      check(plan.grandTotal.loc.row, plan.grandTotal.loc.formulas, allGroups, 'Dòng tổng cộng', plan.grandTotal.amounts,
        () => itemsUnder(groupsIn(plan.nodes)));
    }
    for (const gr of allGroups) {
      const sub = groupsIn(gr.children);
      if (sub.length === 0 || !gr.loc) continue;
      check(gr.loc.row, gr.loc.formulas, sub, `Dòng nhóm ${gr.tt}`, gr.stated, () => itemsUnder(sub));
    }
  }
}

/** Distinct number values whose Dec is kept while reading one sheet. */
const NUMBER_CACHE = 65536;

/** A double as Excel shows it: 15 significant digits, as an exact Dec. */
export function excelDigits(v: number): Dec {
  if (v === 0) return new Dec(0);
  if (Number.isSafeInteger(v) && Math.abs(v) < 1e15) return new Dec(v);
  const d = new Dec(v.toPrecision(15));
  return d.isZero() ? new Dec(0) : d;
}

function pick(a: RowAmounts, key: FieldKey): Dec | undefined {
  if (key === 'total') return a.total;
  if (key === 'totalInvestment') return a.totalInvestment;
  if (key === 'annual') return a.annual;
  if (key.startsWith('year:')) return a.years[parseInt(key.slice(5), 10)];
  if (key.startsWith('source:')) return a.sources[key.slice(7)];
  return undefined;
}

function roleKey(r: ColRole): string {
  switch (r.kind) {
    case 'field': return r.key;
    case 'year': return `year:${r.year}`;
    case 'source': return `source:${r.code}`;
    case 'annual': return 'annual';
    default: return r.kind;
  }
}

/** "2021-2025", "2021 - 2023", "2021- 2023", "2023" → span. */
export function parsePeriod(t: string | undefined): YearSpan | undefined {
  if (!t) return undefined;
  const m = /((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)/.exec(t);
  if (m) {
    const from = parseInt(m[1], 10);
    const to = parseInt(m[2], 10);
    return from <= to ? { from, to } : undefined;
  }
  const s = /^\s*(?:năm\s*)?((?:19|20)\d\d)\s*$/iu.exec(t);
  if (s) {
    const y = parseInt(s[1], 10);
    return { from: y, to: y };
  }
  return undefined;
}

