/**
 * Writes the seed plan documents (tests/helpers/seedDocsText.ts) as .docx fixtures for the Word reader, made by
 * two producers so the reader is not tuned to one writer:
 *   NNN-<name>.docx-pkg.docx  the `docx` npm package (bold paragraphs for section headings, a landscape
 *                             appendix section, w:tblHeader on the header rows, vMerge/gridSpan merges);
 *   NNN-<name>.lo.docx        LibreOffice Writer converting HTML (<h1>/<h2> headings → Heading styles,
 *                             <table> with colspan/rowspan, <thead> → repeated header rows).
 * Run (ts-node is not installed; tsc compiles it and its helpers into .tmp/):
 *   npx tsc --outDir .tmp/docxfix --rootDir . --module commonjs --target ES2022 --esModuleInterop --skipLibCheck \
 *     --resolveJsonModule scripts/docxFixtures.ts && node .tmp/docxfix/scripts/docxFixtures.js
 * (from the repository root; writes tests/fixtures/docx/, needs soffice on PATH).
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlign, WidthType,
} from 'docx';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Block, DocTable, SeedDoc } from '../tests/helpers/seedDocs';
import { SEED_DOCS } from '../tests/helpers/seedDocsText';

const OUT = path.join(__dirname, ...(__dirname.includes(`${path.sep}.tmp${path.sep}`) ? ['..', '..', '..'] : ['..']), 'tests', 'fixtures', 'docx');
const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

// ------------------------------------------------------------------------------------------------
// Producer 1: the docx package

const ALIGN = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

function pkgParagraph(b: Extract<Block, { kind: 'p' | 'heading' }>): Paragraph {
  if (b.kind === 'heading') {
    // Section headings as officers type them: bold paragraphs; the part titles ("Phần I") as Heading 1.
    return b.level === 1
      ? new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.text, bold: true, font: FONT })] })
      : new Paragraph({ children: [new TextRun({ text: b.text, bold: true, font: FONT })] });
  }
  return new Paragraph({
    alignment: b.align ? ALIGN[b.align] : undefined,
    children: [new TextRun({ text: b.text, bold: b.bold, italics: b.italic, font: FONT })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function pkgTable(t: DocTable): Table {
  return new Table({
    width: { size: t.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: t.widths,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: t.rows.map((row) => new TableRow({
      tableHeader: row.header,
      children: row.cells.map(({ col, cell }) => new TableCell({
        columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
        rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: t.widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        children: cell.paras.map((text) => new Paragraph({
          alignment: row.header ? AlignmentType.CENTER : undefined,
          children: [new TextRun({ text, bold: cell.bold, font: FONT, size: 20 })],
        })),
      })),
    })),
  });
}

async function viaDocxPackage(doc: SeedDoc): Promise<Buffer> {
  const split = doc.blocks.findIndex((b) => b.kind === 'appendix');
  const toChildren = (bs: Block[]): (Paragraph | Table)[] => bs.flatMap((b) => {
    if (b.kind === 'table') return [pkgTable(b.table), new Paragraph({ children: [] })];
    if (b.kind === 'appendix') return [];
    return [pkgParagraph(b)];
  });
  const margin = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
  const d = new Document({
    creator: 'danh-muc fixtures', title: doc.stem,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      { properties: { page: { size: A4, margin } }, children: toChildren(doc.blocks.slice(0, split)) },
      { properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin } }, children: toChildren(doc.blocks.slice(split + 1)) },
    ],
  });
  return Packer.toBuffer(d);
}

// ------------------------------------------------------------------------------------------------
// Producer 2: LibreOffice Writer from HTML

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(t: DocTable): string {
  // pixels at 96 dpi: 1 px = 15 dxa (the widths fill a landscape A4 page less its margins)
  const cols = t.widths.map((w) => `<col width="${Math.round(w / 15)}">`).join('');
  const head = t.rows.filter((r) => r.header);
  const body = t.rows.filter((r) => !r.header);
  const tr = (row: DocTable['rows'][number]): string => `<tr>${row.cells.map(({ cell }) => {
    const tag = row.header ? 'th' : 'td';
    const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
    const paras = cell.paras.map((x) => `<p>${cell.bold && !row.header ? `<b>${esc(x)}</b>` : esc(x)}</p>`).join('');
    return `<${tag}${span}>${paras}</${tag}>`;
  }).join('')}</tr>`;
  return `<table border="1" cellspacing="0" cellpadding="3"><colgroup>${cols}</colgroup>`
    + `<thead>${head.map(tr).join('\n')}</thead>\n<tbody>${body.map(tr).join('\n')}</tbody></table>\n<p></p>`;
}

export function toHtml(doc: SeedDoc): string {
  const parts = doc.blocks.map((b) => {
    if (b.kind === 'table') return htmlTable(b.table);
    if (b.kind === 'appendix') return '<p style="page-break-before: always"></p>';
    if (b.kind === 'heading') return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    const inner = b.bold ? `<b>${esc(b.text)}</b>` : b.italic ? `<i>${esc(b.text)}</i>` : esc(b.text);
    return `<p${b.align ? ` align="${b.align === 'both' ? 'justify' : b.align}"` : ''}>${inner}</p>`;
  });
  return `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>${doc.stem}</title>
<style>@page { size: 29.7cm 21cm; margin: 2cm } body { font-family: '${FONT}'; font-size: 13pt } td, th { font-size: 10pt; vertical-align: middle }
h1 { font-size: 13pt; text-align: center } h2 { font-size: 13pt }</style></head>
<body>\n${parts.join('\n')}\n</body></html>\n`;
}

function viaLibreOffice(htmlFiles: string[], outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'danh-muc-lo-docx-'));
  try {
    const args = ['--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', `-env:UserInstallation=file://${profile}`,
      '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...htmlFiles];
    execFileSync('flock', [path.join(os.tmpdir(), 'danh-muc-soffice.lock'), 'soffice', ...args], { stdio: 'inherit', timeout: 300_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The manifest the Word reader's tests assert against: one entry per fixture file (both producers). */
export function manifest(): object[] {
  return SEED_DOCS.flatMap((d) => ['docx-pkg', 'lo'].map((producer) => ({
    file: `${d.stem}.${producer}.docx`, producer: producer === 'lo' ? 'LibreOffice Writer (HTML → docx)' : 'docx npm package',
    seed: d.seed, ...d.expect,
  })));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'danh-muc-docx-html-'));
  try {
    for (const doc of SEED_DOCS) {
      fs.writeFileSync(path.join(OUT, `${doc.stem}.docx-pkg.docx`), await viaDocxPackage(doc));
      fs.writeFileSync(path.join(tmp, `${doc.stem}.lo.html`), toHtml(doc), 'utf8');
    }
    fs.writeFileSync(path.join(OUT, 'expected.json'), `${JSON.stringify(manifest(), null, 2)}\n`, 'utf8');
    viaLibreOffice(SEED_DOCS.map((d) => path.join(tmp, `${d.stem}.lo.html`)), OUT);
    for (const d of SEED_DOCS) {
      for (const suffix of ['docx-pkg', 'lo']) {
        const f = path.join(OUT, `${d.stem}.${suffix}.docx`);
        if (!fs.existsSync(f)) throw new Error(`not written: ${f}`);
        console.log(`${path.relative(process.cwd(), f)}  ${fs.statSync(f).size} bytes`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
