/**
 * The bordered block of a SheetSpec (header, body, totals, "Trong đó") as one Word table: the spec's merges as
 * gridSpan and vMerge (restart/continue), the header rows marked tblHeader so Word and
 * LibreOffice repeat them on every page, rows that never split across pages, widths in proportion to the sheet's
 * columns, amounts right-aligned in vi-VN form from their exact decimals (a formula shows the result it carries).
 */
import { AlignmentType, FileChild, LineRuleType, Paragraph, TextRun, type IParagraphStyleOptions, type IXmlableObject } from 'docx';
import type { CellRange } from '../core/base/grid';
import type { CellStyle, SheetSpec } from '../core/layout/sheetspec';
import { headerRowHeights } from './fit';
import { type TableFrame, cellDisplay, cleanText } from './cells';

const ALIGN = {
  left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED,
} as const;

/** Font size in half-points of a style's size scaled by `scale`, rounded to half a point, never under 7 pt. */
export function halfPoints(size: number, scale: number): number {
  return Math.max(14, Math.round(size * scale * 2));
}

/** The run properties of a style at `scale` (also given to the paragraph mark, so an empty line is no taller). */
function runProps(style: CellStyle | undefined, defaultSize: number, scale: number) {
  const f = style?.font ?? {};
  return {
    bold: f.bold || undefined,
    italics: f.italic || undefined,
    underline: f.underline ? {} : undefined,
    color: f.color,
    size: halfPoints(f.size ?? defaultSize, scale),
    ...(f.name ? { font: f.name } : {}),
  };
}

/** A paragraph of `text` in `style`, aligned as `h`. */
export function styledParagraph(
  text: string, style: CellStyle | undefined, defaultSize: number, scale: number, h: CellStyle['h'], after = 0,
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[h ?? 'left'],
    spacing: { before: 0, after },
    run: runProps(style, defaultSize, scale),
    children: runsOf(text, style, defaultSize, scale),
  });
}

/** Runs of `text` in `style` (one per line, with breaks between). */
export function runsOf(text: string, style: CellStyle | undefined, defaultSize: number, scale: number): TextRun[] {
  const props = runProps(style, defaultSize, scale);
  const lines = cleanText(text).split('\n');
  return lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...props }));
}

const THIN = { _attr: { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' } };
const NONE = { _attr: { 'w:val': 'nil' } };
const edges = (b: object) => [{ 'w:top': b }, { 'w:left': b }, { 'w:bottom': b }, { 'w:right': b }];
const V_VAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

/** The merge covering (r, c) restricted to the frame, keyed by each cell it covers. */
function mergeIndex(merges: readonly CellRange[], f: TableFrame): Map<string, CellRange> {
  const at = new Map<string, CellRange>();
  for (const m of merges) {
    const r0 = Math.max(m.r0, f.rows.from), r1 = Math.min(m.r1, f.rows.to);
    const c0 = Math.max(m.c0, f.cols.from), c1 = Math.min(m.c1, f.cols.to);
    if (r0 > r1 || c0 > c1 || (r0 === r1 && c0 === c1)) continue;
    const clipped = { r0, c0, r1, c1 };
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) at.set(`${r},${c}`, clipped);
  }
  return at;
}

/** Word paragraph styles for the table's named styles (id `${prefix}${name}`), fonts at the frame's scale. */
export function tableParagraphStyles(
  spec: SheetSpec, f: TableFrame, prefix: string, styleOf: (n?: string) => CellStyle | undefined,
): IParagraphStyleOptions[] {
  const used = new Set<string>();
  for (let r = f.rows.from; r <= f.rows.to; r++) {
    for (let c = f.cols.from; c <= f.cols.to; c++) {
      const s = spec.rows[r]?.cells[c]?.s;
      if (s) used.add(s);
    }
  }
  return [...used].map((name) => {
    const st = styleOf(name);
    return {
      id: `${prefix}${name}`,
      name: `Danh mục ${prefix}${name}`,
      basedOn: 'Normal',
      quickFormat: false,
      paragraph: { alignment: ALIGN[st?.h ?? 'left'], spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      run: runProps(st, spec.defaultFont.size, f.fontScale),
    };
  });
}

/** One cell's paragraph: its style, its lines as runs with breaks. */
function cellParagraph(text: string, styleId: string | undefined, align: CellStyle['h'] | undefined, keepNext: boolean): object {
  const pPr: object[] = [];
  if (styleId) pPr.push({ 'w:pStyle': { _attr: { 'w:val': styleId } } });
  if (keepNext) pPr.push({ 'w:keepNext': {} });
  if (align) pPr.push({ 'w:jc': { _attr: { 'w:val': align === 'justify' ? 'both' : align } } });
  const p: object[] = pPr.length ? [{ 'w:pPr': pPr }] : [];
  if (text !== '') {
    const run: object[] = [];
    cleanText(text).split('\n').forEach((line, i) => {
      if (i > 0) run.push({ 'w:br': {} });
      run.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, line] });
    });
    p.push({ 'w:r': run });
  }
  return { 'w:p': p };
}

/** One row's cells as WordprocessingML objects. */
function rowCells(
  spec: SheetSpec, f: TableFrame, r: number, merged: Map<string, CellRange>, prefix: string,
  styleOf: (n?: string) => CellStyle | undefined, keepNext: boolean,
): object[] {
  const cells: object[] = [];
  for (let c = f.cols.from; c <= f.cols.to; c++) {
    const m = merged.get(`${r},${c}`);
    if (m && c !== m.c0) continue; // covered by the cell to its left
    const span = m ? m.c1 - m.c0 + 1 : 1;
    let width = 0;
    for (let k = c; k < c + span; k++) width += f.widths[k - f.cols.from];
    const top = m ? spec.rows[m.r0]?.cells[m.c0] : spec.rows[r]?.cells[c];
    const style = styleOf(top?.s);
    const tcPr: object[] = [{ 'w:tcW': { _attr: { 'w:w': width, 'w:type': 'dxa' } } }];
    if (span > 1) tcPr.push({ 'w:gridSpan': { _attr: { 'w:val': span } } });
    const continued = m !== undefined && m.r1 > m.r0 && r > m.r0;
    if (m && m.r1 > m.r0) tcPr.push({ 'w:vMerge': continued ? {} : { _attr: { 'w:val': 'restart' } } });
    if (!style?.border) tcPr.push({ 'w:tcBorders': edges(NONE) });
    if (style?.fill) tcPr.push({ 'w:shd': { _attr: { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': style.fill } } });
    tcPr.push({ 'w:vAlign': { _attr: { 'w:val': V_VAL[style?.v ?? 'middle'] } } });
    const text = continued ? '' : cellDisplay(top, style, m ? m.r0 : r, c);
    const isFigure = top?.t === 'num' || top?.t === 'formula';
    // a cell without a named style still shows figures right-aligned
    const align = top?.s ? undefined : isFigure ? 'right' : undefined;
    cells.push({ 'w:tc': [{ 'w:tcPr': tcPr }, cellParagraph(text, top?.s ? `${prefix}${top.s}` : undefined, align, keepNext)] });
  }
  return cells;
}

/**
 * Rows kept on the page of the row below them: a group row with its first item (never a group heading alone at the
 * foot of a page), and the "Tổng cộng" row with its "Trong đó" rows.
 */
function keptWithNext(spec: SheetSpec, f: TableFrame): Set<number> {
  const keep = new Set<number>();
  const roles = spec.roles;
  if (!roles) return keep;
  for (const r of [...roles.group, ...roles.total, ...roles.breakdown]) if (r >= f.rows.from && r < f.rows.to) keep.add(r);
  return keep;
}

/**
 * The table as a block of the document. docx's own Table builds an object tree per cell that costs ~1 ms a cell to
 * write (a 10,000-item plan took over three minutes and 4 GB), so the table is a FileChild of our own that hands
 * docx's serializer plain WordprocessingML objects: each cell refers to a paragraph style instead of repeating its
 * fonts, and the borders are the table's.
 */
export class SpecTable extends FileChild {
  constructor(
    private readonly spec: SheetSpec, private readonly frame: TableFrame, private readonly prefix: string,
    private readonly styleOf: (n?: string) => CellStyle | undefined,
  ) {
    super('w:tbl');
  }

  override prepForXml(): IXmlableObject {
    const { spec, frame: f, prefix, styleOf } = this;
    const merged = mergeIndex(spec.merges, f);
    const total = f.widths.reduce((a, b) => a + b, 0);
    const tblPr = [
      { 'w:tblW': { _attr: { 'w:w': total, 'w:type': 'dxa' } } },
      { 'w:tblBorders': [...edges(THIN), { 'w:insideH': THIN }, { 'w:insideV': THIN }] },
      { 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } },
      { 'w:tblCellMar': [
        { 'w:top': { _attr: { 'w:w': 15, 'w:type': 'dxa' } } }, { 'w:left': { _attr: { 'w:w': 45, 'w:type': 'dxa' } } },
        { 'w:bottom': { _attr: { 'w:w': 15, 'w:type': 'dxa' } } }, { 'w:right': { _attr: { 'w:w': 45, 'w:type': 'dxa' } } },
      ] },
      { 'w:tblLook': { _attr: { 'w:val': '0000', 'w:firstRow': 0, 'w:lastRow': 0, 'w:firstColumn': 0, 'w:lastColumn': 0, 'w:noHBand': 1, 'w:noVBand': 1 } } },
    ];
    const grid = { 'w:tblGrid': f.widths.map((w) => ({ 'w:gridCol': { _attr: { 'w:w': w } } })) };
    const rows: object[] = [];
    const heights = headerRowHeights(spec, f, styleOf, 110);
    const keep = keptWithNext(spec, f);
    for (let r = f.rows.from; r <= f.rows.to; r++) {
      const isHeader = f.header !== undefined && r >= f.header.from && r <= f.header.to;
      const h = heights.get(r);
      const trPr = {
        'w:trPr': [
          { 'w:cantSplit': {} },
          ...(h ? [{ 'w:trHeight': { _attr: { 'w:val': h, 'w:hRule': 'atLeast' } } }] : []),
          ...(isHeader ? [{ 'w:tblHeader': {} }] : []),
        ],
      };
      rows.push({ 'w:tr': [trPr, ...rowCells(spec, f, r, merged, prefix, styleOf, keep.has(r))] });
    }
    return { 'w:tbl': [{ 'w:tblPr': tblPr }, grid, ...rows] };
  }
}
