/**
 * The input sheet ("Nhập liệu") officers fill in: its anatomy, shared by the writer (write.ts) and the reader
 * (read.ts), and the one rule that tells an input sheet from an appendix (`isInputGrid`).
 *
 * Sheet anatomy (0-based rows; write.ts writes it, read.ts reads it back, tolerant of rows the user inserts or
 * deletes above the header, since every block is found by its words, not its position):
 *   row 0      title
 *   rows 1-7   "Thông tin phụ lục" block: label in column B, value in C (merged C:G) — Phụ lục số, Tiêu đề,
 *              Kèm theo, ĐVT, Mẫu phụ lục, Năm kế hoạch; the "Hướng dẫn" lines beside it, from column H.
 *   band row   over the header: "Dự kiến phân kỳ" over the years, each source's label over its code.
 *   header     TT | Tên dự án/nhiệm vụ | Mới/chuyển tiếp | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
 *              Mục tiêu | [Tổng mức đầu tư] | 2021 ... | NSTW ... | Nguồn vốn | Ghi chú
 *   data       one row per group or item.
 * Pure: no file formats here (the adapters read and write the workbook).
 */
import type { Grid, GridCell } from '../base/grid';
import { YEARS } from '../base/limits';
import type { YearSpan } from '../plan/model';
import { fold } from '../text/fold';

export const INPUT_SHEET_NAME = 'Nhập liệu';

/** Stable header titles of the input sheet (the reader also accepts close variants). */
export const INPUT_HEADERS = {
  tt: 'TT',
  name: 'Tên dự án/nhiệm vụ',
  status: 'Mới/chuyển tiếp',
  lead: 'Đơn vị chủ trì',
  coordinating: 'Đơn vị phối hợp',
  period: 'Thời gian thực hiện',
  objective: 'Mục tiêu',
  totalInvestment: 'Tổng mức đầu tư',
  total: 'Tổng kinh phí',
  sourceText: 'Nguồn vốn',
  notes: 'Ghi chú',
} as const;

/** Labels of the "Thông tin phụ lục" block. */
export const INFO_LABELS = {
  appendixNo: 'Phụ lục số',
  title: 'Tiêu đề',
  attachedTo: 'Kèm theo',
  unit: 'ĐVT',
  preset: 'Mẫu phụ lục',
  planYear: 'Năm kế hoạch',
} as const;

export type InfoKey = keyof typeof INFO_LABELS;

export const STATUS_VALUES = ['Mới', 'Chuyển tiếp'];

export const INSTRUCTIONS: readonly string[] = [
  'Mỗi dự án, nhiệm vụ ghi trên một dòng; cột TT đánh số 1, 2, 3... trong mỗi nhóm (dự án con: 1.1, 1.2...).',
  'Dòng nhóm: cột TT ghi I, II, III... (nhóm con: A, B, C...) và tên nhóm, không ghi số tiền; tổng nhóm tự tính.',
  'Số tiền ghi bằng số theo ĐVT ở trên (ví dụ 1.559 hoặc 4.967,667); ô để trống là 0.',
  'Mỗi năm một cột; các cột mã nguồn vốn (NSTW, NSĐP...) ghi số tiền của dự án theo từng nguồn.',
  'Thời gian thực hiện ghi dạng 2021-2025; cột "Nguồn vốn" ghi tên nguồn bằng chữ; có thể thêm dòng tùy ý.',
  'Không đổi tên các cột. Tạo phụ lục: trên thẻ Trang đầu của Excel bấm “Tạo phụ lục” (nhóm Danh mục), chọn trang này rồi bấm “Tạo phụ lục”.',
];

/** The title the sheet proposes (and the reader falls back to) for a plan over `years`. */
export function defaultTitle(years: YearSpan | undefined): string {
  if (!years) return 'Danh mục dự án, nhiệm vụ';
  return years.from === years.to
    ? `Danh mục dự án, nhiệm vụ năm ${years.from}`
    : `Danh mục dự án, nhiệm vụ giai đoạn ${years.from}-${years.to}`;
}

/** Text of a cell as the user sees it (numbers as typed by Excel's shortest form). */
export function cellText(c: GridCell | null | undefined): string {
  if (!c) return '';
  if (c.value === null || c.value === undefined) return c.formula !== undefined && !c.error ? `=${c.formula}` : '';
  return String(c.value).normalize('NFC').trim();
}

// ---------------------------------------------------------------------------------------------
// Header titles and info labels

export type ColRole =
  | { role: 'tt' | 'name' | 'status' | 'lead' | 'coordinating' | 'period' | 'objective' | 'scale' | 'notes' | 'code' | 'sourceText' }
  | { role: 'year'; year: number }
  | { role: 'source'; code: string }
  | { role: 'total' | 'totalInvestment' };

/** The role of a header title (folded), or undefined when unknown. */
export function roleOfTitle(raw: string): ColRole | undefined {
  const f = fold(raw).replace(/[:*]+$/, '').trim();
  if (f === '') return undefined;
  if (f === 'tt' || f === 'stt' || f === 'so tt') return { role: 'tt' };
  if (/^ten\b/.test(f)) return { role: 'name' };
  const y = /^(?:nam\s*)?(\d{4})$/.exec(f);
  if (y) {
    const year = parseInt(y[1], 10);
    if (year >= YEARS.min && year <= YEARS.max) return { role: 'year', year };
  }
  if (f.includes('moi') && f.includes('chuyen tiep')) return { role: 'status' };
  if (f.includes('chu tri')) return { role: 'lead' };
  if (f.includes('phoi hop')) return { role: 'coordinating' };
  if (f.startsWith('thoi gian')) return { role: 'period' };
  if (f.startsWith('muc tieu')) return { role: 'objective' };
  if (f.startsWith('quy mo')) return { role: 'scale' };
  if (f.startsWith('ghi chu')) return { role: 'notes' };
  if (f === 'ma du an' || f === 'ma') return { role: 'code' };
  if (f === 'nguon von' || f === 'nguon von (chu)' || f === 'ten nguon von') return { role: 'sourceText' };
  if (f.startsWith('tong muc dau tu')) return { role: 'totalInvestment' };
  if (f === 'tong' || f === 'tong cong' || f.startsWith('tong kinh phi')) return { role: 'total' };
  return undefined;
}

const foldLabel = (t: string): string => fold(t).replace(/[:：]+$/, '').trim();

const LABEL_KEYS = new Map<string, InfoKey>(
  (Object.entries(INFO_LABELS) as [InfoKey, string][]).map(([k, v]) => [fold(v), k]),
);

/** The info label a cell's text names ("ĐVT", "Tiêu đề:", "Đơn vị tính"...), or undefined. */
export function infoLabelKey(text: string): InfoKey | undefined {
  const f = foldLabel(text);
  return LABEL_KEYS.get(f) ?? (f === 'don vi tinh' ? 'unit' : undefined);
}

// ---------------------------------------------------------------------------------------------
// Finding the header, and telling an input sheet from an appendix

function isHeaderRow(row: (GridCell | null | undefined)[] | undefined): boolean {
  if (!row) return false;
  let tt = false;
  let name = false;
  for (const c of row) {
    if (!c || typeof c.value !== 'string' || c.value.length > 100) continue;
    const r = roleOfTitle(c.value);
    if (r?.role === 'tt') tt = true;
    if (r?.role === 'name') name = true;
  }
  return tt && name;
}

const HEADER_SEARCH_ROWS = 200;

/** Row index of the input sheet's header (TT + Tên...), or undefined. */
export function findInputHeader(grid: Grid): number | undefined {
  const n = Math.min(grid.cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < n; r++) if (isHeaderRow(grid.cells[r])) return r;
  return undefined;
}

const compact = (s: string): string => fold(s).replace(/\s+/g, '');
const NAME_TITLE = compact(INPUT_HEADERS.name);
/** The template's own labels: an appendix made by layoutPlan has none as a cell of its own ("ĐVT: ..." is one cell). */
const MARK_LABELS = new Set([INFO_LABELS.title, INFO_LABELS.unit, INFO_LABELS.preset].map(fold));

/**
 * The one rule for "is this an input sheet" (the CLI's `build` and the pane's "Tạo phụ lục" both use it): the
 * TT / Tên header row (`findInputHeader`), and one of the template's marks: the template's own name title
 * ("Tên dự án/nhiệm vụ", so a template whose "Thông tin phụ lục" block was deleted still counts), or a "Tiêu đề",
 * "ĐVT" or "Mẫu phụ lục" label above the header (a trailing colon allowed). An appendix, whose header also has TT
 * and "Tên dự án", is not an input sheet.
 */
export function isInputGrid(grid: Grid): boolean {
  const h = findInputHeader(grid);
  if (h === undefined) return false;
  if ((grid.cells[h] ?? []).some((c) => typeof c?.value === 'string' && compact(c.value) === NAME_TITLE)) return true;
  for (let r = 0; r < h; r++) {
    for (const c of grid.cells[r] ?? []) if (typeof c?.value === 'string' && MARK_LABELS.has(foldLabel(c.value))) return true;
  }
  return false;
}
