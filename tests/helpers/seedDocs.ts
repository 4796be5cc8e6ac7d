/**
 * The five seeds as plan documents (issue 13, point 5): the lines of each plan's text that matter to a
 * checker (heading block, section headings "I.", "II.", …, the sentences stating totals and amounts in
 * words) and its appendix tables, taken from the fixture sheets of seedSheets.ts and turned into Word
 * tables (title lines above the header become paragraphs, merges become spans, numbers become the text
 * Word holds: "1.559", "441.115"). Text quoted from ../shared/seeds; long bodies abbreviated.
 *
 * scripts/docxFixtures.ts renders these blocks twice (docx package, LibreOffice from HTML) into
 * tests/fixtures/docx/.
 */
import { colIndex } from './seedSheets';
import type { CellIn, SheetLayout } from './seedSheets';

export type Block =
  | { kind: 'p'; text: string; bold?: boolean; italic?: boolean; align?: 'center' | 'right' | 'both' }
  /** A section heading: level 1 for "A." / "Phần I" / "NỘI DUNG KẾ HOẠCH", level 2 for "I.", "II.", … */
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'table'; table: DocTable }
  /** Starts the appendix section (landscape where the producer can). */
  | { kind: 'appendix' };

export interface DocCell {
  /** One entry per paragraph of the cell. */
  paras: string[];
  colSpan: number;
  rowSpan: number;
  bold: boolean;
}

export interface DocTable {
  /** Each row lists the cells that start there (cells covered by a merge from above or the left are left out). */
  rows: { cells: { col: number; cell: DocCell }[]; header: boolean }[];
  columns: number;
  /** Column widths in twentieths of a point (dxa), summing to the usable width. */
  widths: number[];
}

/** A place in a table as findings name it: "Bảng 2, dòng 14, cột 7" → { table: 2, row: 14, column: 7 } (1-based, grid columns). */
export interface TablePlace { table: number; row: number; column: number }

/** What a reader and checker of the document must find (written to tests/fixtures/docx/expected.json). */
export interface SeedExpect {
  tables: number;
  /** Totals the appendix tables add to, in the table's unit (triệu đồng), as exact decimal strings. */
  appendixTotals: { table: number; what: string; value: string; unit: 'triệu đồng' }[];
  /** Sentences of the text that state a total or an amount in words, verbatim, with the heading they sit under. */
  statedTotals: { heading: string | null; text: string; value: string; unit: 'đồng' | 'triệu đồng'; words?: string }[];
  expectedErrorCodes: ({ code: string } & TablePlace)[];
  note: string;
}

export interface SeedDoc {
  /** File stem: "000-soc-trang-2125" → 000-soc-trang-2125.docx-pkg.docx and .lo.docx */
  stem: string;
  seed: string;
  blocks: Block[];
  expect: SeedExpect;
}

/** The 1-based row in the Word table of a fixture sheet's named row (the table starts at the sheet's header row). */
export function tableRow(l: SheetLayout, name: string): number {
  const r = l.rowOf[name];
  if (r === undefined) throw new Error(`fixture: no row ${name}`);
  return r - l.rowOf.header + 1;
}

/** 1559 → "1.559"; 4967.667 stays as written elsewhere (the layouts give decimals as text already). */
export function viText(n: number): string {
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (n < 0 ? '-' : '') + s;
}

function cellText(v: CellIn, amount: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return amount ? viText(v) : String(v);
  if (typeof v === 'string') return v;
  if ('f' in v) return v.v === undefined ? '' : cellText(v.v, amount);
  return v.error;
}

function rangeOf(m: string): { r1: number; c1: number; r2: number; c2: number } {
  const x = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
  if (!x) throw new Error(`bad merge ${m}`);
  return { r1: +x[2] - 1, c1: colIndex(x[1]), r2: +x[4] - 1, c2: colIndex(x[3]) };
}

/**
 * Splits a fixture sheet into the paragraphs above its table (title lines, "ĐVT"), the table (from the header
 * row to the last row, or the row before `wordsRow`) and the paragraphs below it.
 */
export function layoutBlocks(l: SheetLayout, opts: { amountCols: string[]; widths: number[]; headerRows?: number; endBefore?: number }): Block[] {
  const out: Block[] = [];
  const first = l.rowOf.header - 1;
  const end = (opts.endBefore ?? l.rows.length + 1) - 1;
  for (let r = 0; r < first; r++) {
    const row = l.rows[r] ?? [];
    const c = row.findIndex((v) => v !== null && v !== undefined && v !== '');
    if (c < 0) continue;
    const text = cellText(row[c], false);
    for (const line of text.split('\n')) {
      out.push({ kind: 'p', text: line, bold: l.boldRows.includes(r + 1), italic: line.startsWith('('), align: c > 0 ? 'right' : 'center' });
    }
  }
  out.push({ kind: 'table', table: toTable(l, first, end, opts) });
  for (let r = end; r < l.rows.length; r++) {
    const row = l.rows[r] ?? [];
    const v = row.find((x) => x !== null && x !== undefined && x !== '');
    if (v !== undefined) out.push({ kind: 'p', text: cellText(v, false), bold: l.boldRows.includes(r + 1) });
  }
  return out;
}

function toTable(l: SheetLayout, first: number, end: number, opts: { amountCols: string[]; widths: number[]; headerRows?: number }): DocTable {
  const columns = opts.widths.length;
  const amount = new Set(opts.amountCols.map(colIndex));
  const merges = l.merges.map(rangeOf).filter((m) => m.r1 >= first && m.r2 < end);
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r}:${c}`);
  }
  const headerRows = opts.headerRows ?? 1;
  const rows: DocTable['rows'] = [];
  for (let r = first; r < end; r++) {
    const src = l.rows[r] ?? [];
    const header = r < first + headerRows;
    const cells: DocTable['rows'][number]['cells'] = [];
    for (let c = 0; c < columns; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const m = merges.find((x) => x.r1 === r && x.c1 === c);
      const text = cellText(src[c], amount.has(c) && !header);
      cells.push({
        col: c,
        cell: {
          paras: text.split('\n'), colSpan: m ? m.c2 - m.c1 + 1 : 1, rowSpan: m ? m.r2 - m.r1 + 1 : 1,
          bold: header || l.boldRows.includes(r + 1),
        },
      });
    }
    rows.push({ cells, header });
  }
  return { rows, columns, widths: opts.widths };
}

/** Column widths for a landscape A4 page (about 14,000 dxa usable), weighted. */
export function widthsOf(weights: number[], usable = 14000): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => Math.floor((x * usable) / sum));
  w[w.length - 1] += usable - w.reduce((a, b) => a + b, 0);
  return w;
}
