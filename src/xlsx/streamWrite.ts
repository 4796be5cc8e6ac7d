/**
 * SheetSpec → .xlsx, streamed: each worksheet's XML is produced row by row and deflated (node:zlib) as it goes, so
 * memory holds the spec, the shared strings and one chunk of compressed output, never the workbook model or the
 * whole file. The file adapter of src/core/layout/sheetspec.ts for new workbooks (`build`, `template`); the
 * in-memory exceljs writer (writeSpec.ts) stays for adding sheets to a workbook already loaded.
 *
 * Same content as the exceljs writer: text as shared strings (never interpreted), numbers from exact decimal
 * strings, formulas with their cached results and recalculation on load, named styles, merges, widths, heights,
 * frozen panes, print setup (A4, orientation, fit, margins, titles, area, centred, footer), list validations.
 */
import { colLetters } from '../core/base/a1';
import type { RowSpec, SheetSpec } from '../core/layout/sheetspec';
import { RowXml } from './rowXml';
import type { StreamedBody, StreamedBook } from './streamRows';
import { XlsxWriteError, checkMerges, checkSheetName, listFormula, listRefused, rangeA1 } from './specCheck';
import { SharedStrings, StyleTable, appProps, contentTypes, coreProps, esc, rootRels, workbookRels, workbookXml } from './xlsxParts';
import { BufferSink, type Deflated, FileSink, ZipWriter, type ZipSink } from './zipStream';
import type { FileHandle } from 'fs/promises';

/** Defaults exceljs writes when a sheet has no print setup. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

function sheetViews(spec: SheetSpec): string {
  const f = spec.freeze;
  if (!f || (f.rows <= 0 && f.cols <= 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  return '<sheetViews><sheetView workbookViewId="0"><pane'
    + `${f.cols > 0 ? ` xSplit="${f.cols}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`
    + ` topLeftCell="${colLetters(f.cols)}${f.rows + 1}" activePane="${pane}" state="frozen"/>`
    + `<selection pane="${pane}" activeCell="A1" sqref="A1"/></sheetView></sheetViews>`;
}

function validations(spec: SheetSpec, warnings: string[]): string {
  let out = '';
  let n = 0;
  for (const v of spec.validations ?? []) {
    const formula = listFormula(v.list);
    if (formula === undefined) {
      warnings.push(listRefused(rangeA1(v.range)));
      continue;
    }
    n++;
    out += '<dataValidation type="list" allowBlank="1"'
      + `${v.prompt ? ` showInputMessage="1" prompt="${esc(v.prompt)}"` : ''}`
      + ' showErrorMessage="1" errorStyle="stop" error="Chọn một giá trị trong danh sách."'
      + ` sqref="${rangeA1(v.range)}"><formula1>${esc(formula)}</formula1></dataValidation>`;
  }
  return n ? `<dataValidations count="${n}">${out}</dataValidations>` : '';
}

function pageParts(spec: SheetSpec): string {
  const p = spec.print;
  const m = p ? p.margins : DEFAULT_MARGINS;
  let s = p ? '<printOptions horizontalCentered="1"/>' : '';
  s += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!p) return s;
  s += `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
  if (p.footer) {
    const font = spec.defaultFont;
    s += `<headerFooter><oddFooter>${esc(`&C&"${font.name},Regular"&${Math.max(8, font.size - 1)}${p.footer}`)}</oddFooter></headerFooter>`;
  }
  return s;
}

/**
 * One worksheet's XML, in pieces (a row at a time). Throws XlsxWriteError on what Excel cannot hold. With `release`,
 * each row of spec.rows is dropped (set to undefined) once serialised, so its cells can be collected while the rest
 * is written; the spec's rows are then gone. The rows of spec.streamed come from `body` (already serialised and
 * deflated as the layout handed them over, streamRows.ts), yielded as one piece in their place.
 */
function* sheetXml(
  spec: SheetSpec, styles: StyleTable, sst: SharedStrings, warnings: string[], release: boolean, body?: StreamedBody,
): Generator<string | Deflated> {
  const covered = checkMerges(spec.merges);
  const st = spec.streamed;
  if (st && (!body || spec.merges.some((m) => m.r1 >= st.from && m.r0 <= st.to))) {
    throw new Error('xlsx: a streamed sheet needs its body, and no merge among the streamed rows');
  }
  const rx = new RowXml(spec.styles, styles, sst, covered);
  let width = Math.max(spec.columns.length, body?.width ?? 0);
  for (const r of spec.rows) if (r) width = Math.max(width, r.cells.length);

  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  if (spec.print) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (spec.rows.length > 0 && width > 0) yield `<dimension ref="A1:${colLetters(width - 1)}${spec.rows.length}"/>`;
  yield sheetViews(spec);
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (spec.columns.length) {
    yield `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`;
  }
  yield '<sheetData>';
  for (let r = 0; r < spec.rows.length; r++) {
    if (st && body && r === st.from) {
      yield body.deflated();
      r = st.to;
      continue;
    }
    const xml = rx.row(r, spec.rows[r]);
    if (release) (spec.rows as (RowSpec | undefined)[])[r] = undefined;
    if (xml) yield xml;
  }
  yield '</sheetData>';
  if (spec.merges.length) yield `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`;
  yield validations(spec, warnings);
  yield pageParts(spec);
  yield '</worksheet>';
}

/** How a package is written. */
export interface StreamWriteOptions {
  /** receives what could not be written as asked (a list validation Excel cannot take) */
  warnings?: string[];
  /**
   * Release each row of the specs once written (spec.rows[r] becomes undefined): for a caller that never reads the
   * specs again, so a large sheet's cells are collected as the file is written (100,000 items: ~140 MB of cells).
   */
  releaseRows?: boolean;
  /** The book the first spec's body rows were streamed into as laid out (streamRows.ts; SheetSpec.streamed). */
  book?: StreamedBook;
}

/** Writes the sheets, in order, as a whole package into `sink`; what could not be written as asked goes to `warnings`. */
export async function writeSpecsToSink(
  specs: SheetSpec[], sink: ZipSink, warnings: string[] = [], releaseRows = false, book?: StreamedBook,
): Promise<void> {
  const seen = new Set<string>();
  for (const s of specs) {
    checkSheetName(s.name);
    const key = s.name.toLocaleUpperCase('vi');
    if (seen.has(key)) throw new XlsxWriteError(`Sổ tính đã có trang "${s.name}".`);
    seen.add(key);
  }
  const zip = new ZipWriter(sink, 6, () => new XlsxWriteError('Tệp Excel vượt quá 4 GB.'));
  // A book a layout streamed into already holds the first sheet's texts and styles, in the file's order.
  const styles = book?.styles ?? new StyleTable();
  const sst = book?.sst ?? new SharedStrings();
  await book?.body?.finish();
  for (let i = 0; i < specs.length; i++) {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = sheetXml(specs[i], styles, sst, warnings, releaseRows, i === 0 ? book?.body : undefined);
    if (specs[i].streamed) await zip.addSpliced(name, [...xml]);
    else await zip.add(name, xml as Generator<string>);
  }
  await zip.add('[Content_Types].xml', [contentTypes(specs.length)]);
  await zip.add('_rels/.rels', [rootRels()]);
  await zip.add('docProps/core.xml', [coreProps('Danh mục', new Date())]);
  await zip.add('docProps/app.xml', [appProps()]);
  await zip.add('xl/workbook.xml', [workbookXml(specs)]);
  await zip.add('xl/_rels/workbook.xml.rels', [workbookRels(specs.length)]);
  await zip.add('xl/styles.xml', [styles.xml()]);
  await zip.add('xl/sharedStrings.xml', sst.xml());
  await zip.finish();
}

/** The package's bytes, in memory. */
export async function streamSpecsToBuffer(specs: SheetSpec[], warnings: string[] = []): Promise<Buffer> {
  const sink = new BufferSink();
  await writeSpecsToSink(specs, sink, warnings);
  return sink.bytes();
}

/** The package written into an open, empty file from its start. */
export async function streamSpecsToFile(specs: SheetSpec[], fh: FileHandle, opts: StreamWriteOptions = {}): Promise<void> {
  await writeSpecsToSink(specs, new FileSink(fh), opts.warnings, opts.releaseRows, opts.book);
}
