/**
 * word/document.xml → the document's blocks in body order. A top-level table becomes a grid: one grid row per w:tr,
 * columns by w:gridBefore and w:gridSpan, w:vMerge restart/continue and gridSpan as merges, the paragraphs of a cell
 * joined by "\n" (a nested table's text is flattened into its cell), text NFC and kept as text (Word-typed numbers
 * stay text: the core reads "1.559", "4.967,667", "-"), a cell bold when all its text is bold. A paragraph outside
 * tables is its text with the headings above it: Heading styles and outline levels (styles.xml), or a short bold line
 * numbered with a Roman numeral ("VI. KINH PHÍ THỰC HIỆN"). Empty paragraphs are not counted.
 */
import type { SaxesTagPlain } from 'saxes';
import type { CellRange, GridCell } from '../core/base/grid';
import { PACKAGE } from '../core/base/limits';
import { SHEET_EXTENT } from '../core/base/zipPackage';
import type { WordBlock } from '../core/word/document';
import { DOCX_MESSAGES as M } from './messages';
import { feed, strictParser, TableLimit, type StyleLevels } from './xml';

const ROMAN_HEADING = /^[IVXLC]{1,6}\.\s+\S/u;
/** Elements whose content is no part of the text read (text boxes, deleted text, field codes). */
const SKIP = new Set(['w:txbxContent', 'w:del', 'w:instrText', 'w:delText', 'mc:Fallback']);

interface Para { parts: string[]; style?: string; outline?: number; runBold: boolean; allBold: boolean; any: boolean }
interface Cell { lines: string[]; bold: boolean; any: boolean; span: number; vMerge?: 'restart' | 'continue' }
interface Table { rows: (GridCell | null)[][]; merges: CellRange[]; open: Map<number, CellRange>; row: (GridCell | null)[]; col: number; cell?: Cell }

function attr(t: SaxesTagPlain, name: string): string | undefined {
  const v = t.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

function on(t: SaxesTagPlain): boolean {
  const v = attr(t, 'w:val');
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

class Body {
  readonly blocks: WordBlock[] = [];
  private headings: { level: number; text: string }[] = [];
  private paragraphs = 0;
  private tables = 0;
  private cells = 0;
  private merged = 0;
  private depth = 0;
  private skip = 0;
  private table?: Table;
  private para?: Para;
  private inRun = false;
  private inRunProps = false;
  private inText = false;

  constructor(private readonly styles: StyleLevels) {}

  open(t: SaxesTagPlain): void {
    if (this.skip > 0 || SKIP.has(t.name)) { if (!t.isSelfClosing) this.skip++; return; }
    const p = this.para;
    switch (t.name) {
      case 'w:tbl':
        if (++this.depth === 1) this.table = { rows: [], merges: [], open: new Map(), row: [], col: 0 };
        return;
      case 'w:tr':
        if (this.depth === 1 && this.table) { this.table.row = []; this.table.col = 0; }
        return;
      case 'w:gridBefore':
        if (this.depth === 1 && this.table) this.table.col += Math.max(0, parseInt(attr(t, 'w:val') ?? '0', 10) || 0);
        return;
      case 'w:tc':
        if (this.depth === 1 && this.table) this.table.cell = { lines: [], bold: true, any: false, span: 1 };
        return;
      case 'w:gridSpan':
        if (this.depth === 1 && this.table?.cell && !p) this.table.cell.span = Math.max(1, parseInt(attr(t, 'w:val') ?? '1', 10) || 1);
        return;
      case 'w:vMerge':
        if (this.depth === 1 && this.table?.cell && !p) this.table.cell.vMerge = attr(t, 'w:val') === 'restart' ? 'restart' : 'continue';
        return;
      case 'w:p':
        this.para = { parts: [], runBold: false, allBold: true, any: false };
        return;
      case 'w:pStyle':
        if (p) p.style = attr(t, 'w:val');
        return;
      case 'w:outlineLvl':
        if (p && !this.inRun) p.outline = parseInt(attr(t, 'w:val') ?? '', 10);
        return;
      case 'w:r':
        this.inRun = true;
        if (p) p.runBold = false;
        return;
      case 'w:rPr':
        this.inRunProps = this.inRun;
        return;
      case 'w:b':
        if (p && this.inRunProps) p.runBold = on(t);
        return;
      case 'w:t':
        this.inText = this.inRun;
        return;
      case 'w:tab':
        if (p && this.inRun) p.parts.push(' ');
        return;
      case 'w:br': case 'w:cr':
        if (p && this.inRun) p.parts.push(this.depth > 0 ? '\n' : ' ');
        return;
    }
  }

  text(x: string): void {
    const p = this.para;
    if (this.skip > 0 || !this.inText || !p) return;
    p.parts.push(x);
    if (x.trim() !== '') { p.any = true; if (!p.runBold) p.allBold = false; }
  }

  close(name: string): void {
    if (this.skip > 0) { if (SKIP.has(name)) this.skip--; return; }
    switch (name) {
      case 'w:t': this.inText = false; return;
      case 'w:rPr': this.inRunProps = false; return;
      case 'w:r': this.inRun = false; return;
      case 'w:p': this.endParagraph(); return;
      case 'w:tc': if (this.depth === 1) this.endCell(); return;
      case 'w:tr': if (this.depth === 1) this.endRow(); return;
      case 'w:tbl': if (this.depth-- === 1) this.endTable(); return;
    }
  }

  private endParagraph(): void {
    const p = this.para;
    this.para = undefined;
    if (!p) return;
    const text = p.parts.join('').normalize('NFC');
    const cell = this.table?.cell;
    if (this.depth > 0) {
      if (cell) {
        const line = text.trim();
        if (line !== '') cell.lines.push(line);
        if (p.any) { cell.any = true; if (!p.allBold) cell.bold = false; }
      }
      return;
    }
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat === '') return;
    this.paragraphs++;
    const level = this.levelOf(p, flat);
    const headingPath = this.headings.map((h) => h.text);
    this.blocks.push({ kind: 'paragraph', index: this.paragraphs, text: flat, headingPath });
    if (level !== undefined) {
      this.headings = this.headings.filter((h) => h.level < level);
      this.headings.push({ level, text: flat });
    }
  }

  private levelOf(p: Para, text: string): number | undefined {
    if (p.outline !== undefined && p.outline >= 0 && p.outline < 9) return p.outline;
    const byStyle = p.style !== undefined ? this.styles.get(p.style) : undefined;
    if (byStyle !== undefined) return byStyle;
    if (p.allBold && p.any && text.length <= 200 && ROMAN_HEADING.test(text)) return 0;
    return undefined;
  }

  private endCell(): void {
    const tb = this.table;
    const cell = tb?.cell;
    if (!tb || !cell) return;
    tb.cell = undefined;
    const c = tb.col;
    tb.col += cell.span;
    if (tb.col > SHEET_EXTENT.cols) throw new TableLimit(M.cols(this.tables + 1, tb.col));
    const r = tb.rows.length;
    const open = tb.open.get(c);
    if (cell.vMerge === 'continue' && open && open.r1 === r - 1) {
      open.r1 = r;
      this.countMerged(open.c1 - open.c0 + 1);
      return;
    }
    const text = cell.lines.join('\n');
    if (text !== '') {
      tb.row[c] = { value: text, ...(cell.any && cell.bold ? { bold: true } : {}) };
      if (++this.cells > PACKAGE.maxCells) throw new TableLimit(M.cells);
    }
    const range: CellRange = { r0: r, c0: c, r1: r, c1: c + cell.span - 1 };
    if (cell.vMerge === 'restart') tb.open.set(c, range);
    else tb.open.delete(c);
    if (cell.span > 1 || cell.vMerge === 'restart') {
      tb.merges.push(range);
      if (cell.span > 1) this.countMerged(cell.span);
    }
  }

  private countMerged(n: number): void {
    this.merged += n;
    if (this.merged > PACKAGE.maxMergedCells) throw new TableLimit(M.merged);
  }

  private endRow(): void {
    const tb = this.table;
    if (!tb) return;
    tb.rows.push(tb.row);
    if (tb.rows.length > PACKAGE.maxSheetRows) throw new TableLimit(M.rows(this.tables + 1));
    tb.row = [];
  }

  private endTable(): void {
    const tb = this.table;
    this.table = undefined;
    if (!tb) return;
    this.tables++;
    const merges = tb.merges.filter((m) => m.r1 > m.r0 || m.c1 > m.c0);
    const sheet = M.tableName(this.tables);
    this.blocks.push({ kind: 'table', index: this.tables, grid: { sheet, cells: tb.rows, merges }, headingPath: this.headings.map((h) => h.text) });
  }
}

/** The body's blocks; throws UnreadableDocxError (DOCTYPE, damaged XML) or TableLimit. */
export function parseBody(xml: string, styles: StyleLevels): WordBlock[] {
  const body = new Body(styles);
  const p = strictParser();
  p.on('opentag', (t) => body.open(t));
  p.on('text', (x) => body.text(x));
  p.on('closetag', (t) => body.close(t.name));
  feed(p, xml);
  return body.blocks;
}
