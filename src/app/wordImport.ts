/**
 * A Word plan's appendix tables brought into a workbook (the pane's "Mở tệp Word…"): which tables of a WordDocument
 * are appendices (recognised by the sheet reader, with their projects and total), the totals the text states for
 * each (the core's scanner and routing: "Tổng kinh phí thực hiện: 441.115.000.000 đồng" belongs to table 2), and a
 * chosen table as a SheetSpec for a NEW sheet: its cells as text, Word-typed figures of the body ("1.559",
 * "4.967,667") as exact numbers, the unit line above the table carried as "ĐVT: …". Text never becomes a formula (the writers write text cells as text).
 */
import { plain } from '../core/base/decimal';
import type { CellRange, Grid } from '../core/base/grid';
import type { CellSpec, CellStyle, SheetSpec } from '../core/layout/sheetspec';
import { checkGrid } from '../core/checks/sheetCheck';
import { recognizeTable } from '../core/read/recognize';
import { foldWords } from '../core/text/fold';
import { formatVi, parseAmount, parseUnitLine } from '../core/text/numbers';
import { routeStatements, type RoutedStatement } from '../core/word/check';
import type { WordDocument, WordTable } from '../core/word/document';
import { APP_MESSAGES as M } from './messages';

export interface WordTableChoice {
  /** WordTable.index: "Bảng 2" */
  index: number;
  label: string;
  /** the nearest heading above the table, if any */
  heading?: string;
  /** rows of the table */
  rows: number;
  /** projects recognised */
  items: number;
  /** grand total (plain decimal string in `unit`), when the table has one */
  total?: string;
  unit?: string;
  /** a table with figures: a non-zero total */
  money: boolean;
}

/** A figure stated in the text ("441.115.000.000 đồng"), and where ("đoạn 2 của văn bản (VI. KINH PHÍ THỰC HIỆN)"). */
export interface StatedInText {
  text: string;
  where: string;
}

/** What the text states for one table: its total, and its figures for a year or a source ("năm 2023", "Ngân sách trung ương"). */
export interface TableStatements {
  total?: StatedInText;
  others: Array<StatedInText & { what: string }>;
}

/** The unit line among the paragraphs just above each table ("ĐVT: triệu đồng"), by table index. */
function unitsAbove(doc: WordDocument): Map<number, string> {
  const out = new Map<number, string>();
  let unit: string | undefined;
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      unit = parseUnitLine(b.text) ?? unit;
    } else {
      if (unit) out.set(b.index, unit);
      unit = undefined;
    }
  }
  return out;
}

/** A table's grid with its unit line above it (when the text gives one), as the new sheet will hold it. */
function gridWithUnit(t: WordTable, unit: string | undefined): Grid {
  if (!unit) return t.grid;
  return {
    ...t.grid,
    cells: [[{ value: M.wordUnitLine(unit) }], ...t.grid.cells],
    merges: t.grid.merges.map((m) => ({ ...m, r0: m.r0 + 1, r1: m.r1 + 1 })),
  };
}

/** The appendix tables of the document (those the sheet reader recognises), in order. */
export function wordTables(doc: WordDocument): WordTableChoice[] {
  const units = unitsAbove(doc);
  const out: WordTableChoice[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const grid = gridWithUnit(b, units.get(b.index));
    if (!recognizeTable(grid).ok) continue;
    const sum = checkGrid(grid, {}).summary;
    const heading = b.headingPath.length ? b.headingPath[b.headingPath.length - 1] : undefined;
    out.push({
      index: b.index, label: M.wordTableName(b.index), ...(heading ? { heading } : {}), rows: b.grid.cells.length, items: sum.items,
      ...(sum.grandTotal !== undefined ? { total: sum.grandTotal } : {}), ...(sum.unit ? { unit: sum.unit } : {}),
      money: sum.grandTotal !== undefined && Number(sum.grandTotal) !== 0,
    });
  }
  return out;
}

/** The table to offer first: the first with money, else the first. */
export function preferredTable(tables: readonly WordTableChoice[]): number | undefined {
  return (tables.find((t) => t.money) ?? tables[0])?.index;
}

/**
 * The text's stated totals that belong to the table (the core's scanner and routing, as `danh-muc check plan.docx`
 * uses them): its total, carried as the stated total the sheet is checked against, and the year and source figures
 * the text states for it, listed.
 */
export function statedFor(doc: WordDocument, index: number): TableStatements {
  const mine = routeStatements(doc).filter((r) => r.table === index);
  const said = (r: RoutedStatement): StatedInText => ({ text: `${formatVi(r.statement.dong)} đồng`, where: r.where });
  const total = mine.find((r) => r.statement.scope.kind === 'total');
  const others = mine.flatMap((r) => {
    const sc = r.statement.scope;
    if (sc.kind === 'total') return [];
    return [{ ...said(r), what: sc.kind === 'year' ? M.wordStatedYear(sc.year) : sc.text }];
  });
  return { ...(total ? { total: said(total) } : {}), others };
}

const FIGURE = /^-?\d[\d.,]*$/;
const TT_LABELS = new Set(['tt', 'stt', 'so tt']);

/** Readings that are the Vietnamese one (dot for thousands, comma for decimals), as Word in vi-VN shows figures. */
const VI_READINGS = new Set<string | undefined>([undefined, 'dot-thousands', 'comma-3']);

/** A body cell's text as an exact number when it is a figure written the Vietnamese way, else undefined ("1.1" stays). */
function figure(text: string): string | undefined {
  const t = text.trim();
  if (!FIGURE.test(t)) return undefined;
  const p = parseAmount(t);
  return p.kind === 'number' && VI_READINGS.has(p.ambiguity) && !p.unitInText ? plain(p.value) : undefined;
}

const STYLES: Record<string, CellStyle> = {
  text: { wrap: true, v: 'middle', border: true },
  bold: { wrap: true, v: 'middle', border: true, font: { bold: true } },
  head: { wrap: true, v: 'middle', h: 'center', border: true, font: { bold: true } },
  plain: {},
};

/** The number style for a figure with `dp` decimals (shown as Word showed it: "4.967,667"), bold or not. */
function numStyle(styles: Record<string, CellStyle>, v: string, bold: boolean | undefined): string {
  const dp = Math.min(6, v.split('.')[1]?.length ?? 0);
  const key = `num${dp}${bold ? 'b' : ''}`;
  styles[key] ??= { h: 'right', v: 'middle', border: true, numFmt: dp ? `#,##0.${'0'.repeat(dp)}` : '#,##0', ...(bold ? { font: { bold: true } } : {}) };
  return key;
}

/** The chosen table of the document as a new sheet (named "Bảng N (Word)"; the host picks a free name). */
export function wordTableSheet(doc: WordDocument, index: number): SheetSpec {
  const t = doc.blocks.find((b): b is WordTable => b.kind === 'table' && b.index === index);
  if (!t) throw new Error(`no table ${index}`);
  const grid = gridWithUnit(t, unitsAbove(doc).get(index));
  const rec = recognizeTable(grid);
  const headerRows = rec.ok ? rec.headerRows : [];
  const bodyFrom = headerRows.length ? Math.max(...headerRows) + 1 : 0;
  const width = Math.max(1, ...grid.cells.map((r) => r?.length ?? 0));
  const ttCols = new Set<number>();
  for (const r of headerRows) {
    grid.cells[r]?.forEach((c, col) => { if (c && TT_LABELS.has(foldWords(String(c.value ?? '')))) ttCols.add(col); });
  }
  const widths = new Array<number>(width).fill(8);
  const styles: Record<string, CellStyle> = { ...STYLES };
  const rows = grid.cells.map((row, r) => ({
    cells: Array.from({ length: width }, (_, c): CellSpec | null => {
      const cell = row?.[c];
      const text = cell?.value === null || cell?.value === undefined ? '' : String(cell.value);
      const framed = r >= (headerRows[0] ?? 0);
      if (text === '') return framed ? { t: 'empty', s: 'text' } : null;
      widths[c] = Math.min(50, Math.max(widths[c], ...text.split('\n').map((l) => l.length + 2)));
      const num = r >= bodyFrom && !ttCols.has(c) && typeof cell?.value === 'string' ? figure(cell.value)
        : typeof cell?.value === 'number' ? String(cell.value) : undefined;
      if (num !== undefined) return { t: 'num', v: num, s: numStyle(styles, num, cell?.bold) };
      return { t: 'text', v: text, s: !framed ? 'plain' : headerRows.includes(r) ? 'head' : cell?.bold ? 'bold' : 'text' };
    }),
  }));
  const merges: CellRange[] = grid.merges.map((m) => ({ ...m }));
  return {
    name: M.wordTableSheet(index),
    defaultFont: { name: 'Times New Roman', size: 12 },
    columns: widths.map((w) => ({ width: w })),
    rows, merges, styles,
  };
}
