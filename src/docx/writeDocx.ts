/**
 * SheetSpec → a Word document (.docx bytes) with the `docx` package: the very layout the xlsx and Office.js writers
 * get, rendered for Word. Runs in Node and in the browser (no Node imports; Packer.toArrayBuffer in both); file I/O
 * belongs to the caller.
 *
 * Each spec is one section: A4 in the spec's orientation (landscape for the appendix) with its margins, the rows
 * above the table (the heading block, "ĐVT: …") as paragraphs in their styles, the bordered rows as one table (see
 * docxTable.ts: header rows repeated on every page, merges as gridSpan/vMerge, amounts in vi-VN form), the rows
 * below it (the "Bằng chữ" line) as paragraphs, and the spec's footer ("Trang &P/&N") with Word's page fields.
 * Only the print area's columns are written (the on-screen "Mã nguồn" column is left out, as on paper). The table's
 * fonts are scaled down as Excel's fit-to-width scales the printed sheet, never under 7 pt; text outside the table
 * keeps its size.
 */
import {
  AlignmentType, Document, Footer, LineRuleType, PageNumber, PageOrientation, Packer, Paragraph, TextRun,
  type FileChild, type IParagraphStyleOptions, type ISectionOptions,
} from 'docx';
import type { CellStyle, SheetSpec } from '../core/layout/sheetspec';
import { type TableFrame, cellDisplay, cleanText } from './cells';
import { SpecTable, styledParagraph, tableParagraphStyles } from './docxTable';
import { figureFitScale, widenForHeaderWords } from './fit';
import { DOCX_WRITE_MESSAGES as M, DocxWriteError } from './writeMessages';

export { DocxWriteError };

export interface WriteDocxOptions {
  /** the document's title (core properties); default: the first spec's title row, else its name */
  title?: string;
  /** author in the core properties; default "Danh mục" */
  creator?: string;
}

/** A4 in twips (portrait); the package swaps them for a landscape section. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
const TWIPS_PER_INCH = 1440;
/** One Excel width unit (a max digit width of the default font, 7 px at 96 dpi) in twips. */
const TWIPS_PER_CHAR = 105;
/** Twips a cell loses to its left and right margins (see docxTable.ts). */
const CELL_PADDING = 90;

const inches = (x: number) => Math.round(x * TWIPS_PER_INCH);

function styleLookup(spec: SheetSpec): (name: string | undefined) => CellStyle | undefined {
  return (name) => {
    if (!name) return undefined;
    const st = spec.styles[name];
    if (!st) throw new DocxWriteError(M.unknownStyle(name));
    return st;
  };
}

/** The columns written: the print area's, else every column. */
function columnRange(spec: SheetSpec): { from: number; to: number } {
  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.cells.length), 1);
  const a = spec.print?.area;
  return a ? { from: a.c0, to: Math.min(a.c1, width - 1) } : { from: 0, to: width - 1 };
}

/** The first and last row with a bordered cell within the columns (the table); undefined when there is none. */
function tableRows(spec: SheetSpec, cols: { from: number; to: number }, styleOf: (n?: string) => CellStyle | undefined) {
  const bordered = (r: number) => {
    const cells = spec.rows[r].cells;
    for (let c = cols.from; c <= cols.to; c++) if (cells[c] && styleOf(cells[c]?.s)?.border) return true;
    return false;
  };
  let from = -1, to = -1;
  for (let r = 0; r < spec.rows.length; r++) {
    if (!bordered(r)) continue;
    if (from < 0) from = r;
    to = r;
  }
  return from < 0 ? undefined : { from, to };
}

/**
 * Grid widths in twips proportional to the sheet's, filling `usable`; and the table's font scale: Excel's
 * fit-to-width scale with a quarter more (Word wraps text where Excel would clip, and the amount columns have room
 * to spare), never above 1 and never so large that a figure would not fit its cell on one line.
 */
function frameGeometry(
  spec: SheetSpec, frame: Omit<TableFrame, 'fontScale' | 'widths'>, usable: number, styleOf: (n?: string) => CellStyle | undefined,
): { widths: number[]; fontScale: number } {
  const chars: number[] = [];
  for (let c = frame.cols.from; c <= frame.cols.to; c++) chars.push(spec.columns[c]?.width ?? 9);
  const sum = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((w) => Math.floor((usable * w) / sum));
  const excelScale = usable / (sum * TWIPS_PER_CHAR);
  const fontScale = figureFitScale(spec, { ...frame, widths }, styleOf, CELL_PADDING + 30, Math.min(1, excelScale * 1.25));
  return { widths, fontScale };
}

/** A row outside the table as one paragraph: its non-empty cells' texts in the first one's style. */
function rowParagraph(spec: SheetSpec, r: number, cols: { from: number; to: number }, styleOf: (n?: string) => CellStyle | undefined): Paragraph {
  const cells = spec.rows[r].cells;
  const parts: string[] = [];
  let style: CellStyle | undefined;
  for (let c = cols.from; c <= cols.to; c++) {
    const st = styleOf(cells[c]?.s);
    const text = cellDisplay(cells[c], st, r, c);
    if (text === '') continue;
    style ??= st;
    parts.push(text);
  }
  return styledParagraph(parts.join('   '), style, spec.defaultFont.size, 1, style?.h, 60);
}

/** "Trang &P/&N" (Excel's footer codes) → a centred footer with Word's page fields. */
function footerOf(text: string, size: number): Footer {
  const children: (TextRun)[] = [];
  const sz = Math.max(8, size - 1) * 2;
  for (const part of cleanText(text).split(/(&P|&N)/)) {
    if (part === '&P') children.push(new TextRun({ children: [PageNumber.CURRENT], size: sz }));
    else if (part === '&N') children.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: sz }));
    else if (part !== '') children.push(new TextRun({ text: part.replace(/&&/g, '&'), size: sz }));
  }
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** One spec as one section of the document, with the paragraph styles its table refers to (ids prefixed `prefix`). */
function specSection(spec: SheetSpec, prefix: string): { section: ISectionOptions; styles: IParagraphStyleOptions[] } {
  const styleOf = styleLookup(spec);
  const p = spec.print;
  const landscape = p?.orientation === 'landscape';
  const mg = p?.margins ?? { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.31, footer: 0.31 };
  const pageWidth = landscape ? A4_TWIPS.height : A4_TWIPS.width;
  const usable = pageWidth - inches(mg.left) - inches(mg.right);
  const cols = columnRange(spec);
  const rows = tableRows(spec, cols, styleOf);
  const children: FileChild[] = [];
  let styles: IParagraphStyleOptions[] = [];
  const paragraphs = (from: number, to: number) => {
    for (let r = from; r <= to; r++) children.push(rowParagraph(spec, r, cols, styleOf));
  };
  if (rows) {
    paragraphs(0, rows.from - 1);
    const t = p?.titleRows;
    const header = t && t.from <= rows.to && t.to >= rows.from
      ? { from: Math.max(t.from, rows.from), to: Math.min(t.to, rows.to) } : undefined;
    const base = { rows, cols, ...(header ? { header } : {}) };
    const frame: TableFrame = { ...base, ...frameGeometry(spec, base, usable, styleOf) };
    widenForHeaderWords(spec, frame, styleOf, CELL_PADDING + 20);
    styles = tableParagraphStyles(spec, frame, prefix, styleOf);
    children.push(new SpecTable(spec, frame, prefix, styleOf));
    paragraphs(rows.to + 1, spec.rows.length - 1);
  } else {
    paragraphs(0, spec.rows.length - 1);
  }
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { ...A4_TWIPS, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: {
          top: inches(mg.top), bottom: inches(mg.bottom), left: inches(mg.left), right: inches(mg.right),
          header: inches(mg.header), footer: inches(mg.footer),
        },
      },
    },
    ...(p?.footer ? { footers: { default: footerOf(p.footer, spec.defaultFont.size) } } : {}),
    children: children.length > 0 ? children : [new Paragraph({})],
  };
  return { section, styles };
}

function titleOf(spec: SheetSpec): string {
  for (const row of spec.rows.slice(0, 4)) {
    const c = row.cells.find((x) => x?.t === 'text' && x.s === 'title');
    if (c && c.t === 'text') return cleanText(c.v);
  }
  return cleanText(spec.name);
}

/** The Word document of `specs` (one section each), as the bytes of a .docx file. */
export async function writeDocx(specs: readonly SheetSpec[], opts: WriteDocxOptions = {}): Promise<Uint8Array> {
  if (specs.length === 0) throw new DocxWriteError(M.noSheets);
  const font = specs[0].defaultFont;
  const parts = specs.map((s, i) => specSection(s, `DM${i + 1}-`));
  const doc = new Document({
    creator: opts.creator ?? 'Danh mục',
    title: opts.title ?? titleOf(specs[0]),
    styles: {
      default: {
        document: {
          run: { font: font.name, size: font.size * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: parts.flatMap((p) => p.styles),
    },
    sections: parts.map((p) => p.section),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
