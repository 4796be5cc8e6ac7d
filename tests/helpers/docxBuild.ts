/**
 * Small .docx plans for the reader's tests, made with the `docx` package: paragraphs (a Roman-numbered section line
 * in bold, like the seeds' "VI. KINH PHÍ …") and seed layouts as Word tables — the layout's rows from its header row
 * on, its merges as gridSpan/vMerge, its title rows as paragraphs above the table, figures as the text Word shows.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { colIndex, type CellIn, type SheetLayout } from './seedSheets';

export type DocPart = string | { bold: string } | { layout: SheetLayout };

function shown(v: CellIn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
  if (typeof v === 'string') return v;
  if ('f' in v) return v.v === undefined ? '' : shown(v.v);
  return v.error;
}

function range(m: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b = a] = m.split(':');
  const p = /^([A-Z]+)(\d+)$/.exec(a)!;
  const q = /^([A-Z]+)(\d+)$/.exec(b)!;
  return { r0: parseInt(p[2], 10) - 1, c0: colIndex(p[1]), r1: parseInt(q[2], 10) - 1, c1: colIndex(q[1]) };
}

function cellParagraphs(text: string, bold: boolean): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })], alignment: AlignmentType.LEFT }));
}

/** Years in the header band are written plainly ("2021", not "2.021"). */
function yearOrShown(v: CellIn, headerRow: number): string {
  return typeof v === 'number' && headerRow < 3 && Number.isInteger(v) && v >= 1900 && v <= 2200 ? String(v) : shown(v);
}

/** The layout's table from its header row (title rows above it become bold paragraphs). */
function layoutParts(l: SheetLayout): (Paragraph | Table)[] {
  const start = (l.rowOf.header ?? 1) - 1;
  const width = Math.max(...l.rows.slice(start).map((r) => r.length));
  const merges = l.merges.map(range).filter((m) => m.r0 >= start);
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r}:${c}`);
  }
  const out: (Paragraph | Table)[] = [];
  for (let r = 0; r < start; r++) {
    const text = l.rows[r].map(shown).filter((x) => x !== '').join(' ');
    if (text !== '') out.push(...cellParagraphs(text, true));
  }
  const rows: TableRow[] = [];
  for (let r = start; r < l.rows.length; r++) {
    const bold = l.boldRows.includes(r + 1);
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const m = merges.find((x) => x.r0 === r && x.c0 === c);
      cells.push(new TableCell({
        children: cellParagraphs(yearOrShown(l.rows[r][c], r - start), bold),
        ...(m && m.c1 > m.c0 ? { columnSpan: m.c1 - m.c0 + 1 } : {}),
        ...(m && m.r1 > m.r0 ? { rowSpan: m.r1 - m.r0 + 1 } : {}),
      }));
    }
    rows.push(new TableRow({ children: cells }));
  }
  out.push(new Table({ rows }));
  return out;
}

/** A .docx of the given parts, in order. */
export async function docxOf(parts: DocPart[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const p of parts) {
    if (typeof p === 'string') children.push(new Paragraph({ children: [new TextRun(p)] }));
    else if ('bold' in p) children.push(new Paragraph({ children: [new TextRun({ text: p.bold, bold: true })] }));
    else children.push(...layoutParts(p.layout));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
