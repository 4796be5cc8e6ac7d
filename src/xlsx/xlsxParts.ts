/**
 * The fixed and small parts of a SpreadsheetML package written by the streaming writer (streamWrite.ts): content
 * types, relationships, document properties, the workbook (sheets, print areas and titles, recalculation on load),
 * styles (one cell format per distinct CellStyle) and shared strings. The same XML exceljs writes, minus what
 * nothing reads (theme, exceljs's own extension attributes).
 */
import { colLetters } from '../core/base/a1';
import type { CellStyle, SheetSpec } from '../core/layout/sheetspec';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for an element's content or an attribute value (the text is already free of characters XML refuses). */
export const esc = (s: string): string => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]) : s);

export function contentTypes(sheets: number): string {
  const ov = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  let s = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + ov('/xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml');
  for (let i = 1; i <= sheets; i++) s += ov(`/xl/worksheets/sheet${i}.xml`, 'officedocument.spreadsheetml.worksheet+xml');
  return s + ov('/xl/styles.xml', 'officedocument.spreadsheetml.styles+xml')
    + ov('/xl/sharedStrings.xml', 'officedocument.spreadsheetml.sharedStrings+xml')
    + ov('/docProps/core.xml', 'package.core-properties+xml')
    + ov('/docProps/app.xml', 'officedocument.extended-properties+xml')
    + '</Types>';
}

export const rootRels = (): string => `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`
  + '</Relationships>';

export function workbookRels(sheets: number): string {
  let s = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`;
  for (let i = 1; i <= sheets; i++) s += `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return s + `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

export function coreProps(creator: string, when: Date): string {
  const t = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `
    + 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:creator>${esc(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${t}</dcterms:created>`
    + `<dcterms:modified xsi:type="dcterms:W3CDTF">${t}</dcterms:modified></cp:coreProperties>`;
}

export const appProps = (): string => `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`
  + '<Application>Microsoft Excel</Application></Properties>';

/** A sheet name inside a formula or defined name: always quoted, quotes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function workbookXml(specs: SheetSpec[]): string {
  let sheets = '';
  let names = '';
  specs.forEach((s, i) => {
    sheets += `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    const p = s.print;
    if (!p) return;
    const a = p.area;
    names += `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(quotedSheet(s.name))}!$${colLetters(a.c0)}$${a.r0 + 1}:$${colLetters(a.c1)}$${a.r1 + 1}</definedName>`;
    if (p.titleRows) names += `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(quotedSheet(s.name))}!$${p.titleRows.from + 1}:$${p.titleRows.to + 1}</definedName>`;
  });
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews>`
    + `<sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`;
}

/** Number formats Excel knows by id (a format not here gets an id from 164 on). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The styles part built from the named CellStyles of every sheet; `xf(sheet, name)` is a style's cell format index. */
export class StyleTable {
  private readonly fonts: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();
  private nextFmt = 164;
  private readonly fmtIds = new Map<string, number>();

  private static idOf(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  /** The cell format index of a CellStyle (equal styles share one). */
  xf(st: CellStyle): number {
    let fontId = 0;
    if (st.font) {
      const f = st.font;
      const rgb = f.color ? `<color rgb="FF${esc(f.color)}"/>` : '';
      fontId = StyleTable.idOf(this.fonts, `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}${rgb}`
        + `${f.size ? `<sz val="${f.size}"/>` : ''}${f.name ? `<name val="${esc(f.name)}"/>` : ''}</font>`);
    }
    const fillId = st.fill
      ? StyleTable.idOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${esc(st.fill)}"/></patternFill></fill>`) : 0;
    const thin = '<color rgb="FF000000"/>';
    const borderId = st.border ? StyleTable.idOf(this.borders, `<border><left style="thin">${thin}</left><right style="thin">${thin}</right>`
      + `<top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`) : 0;
    let numFmtId = 0;
    if (st.numFmt) {
      numFmtId = BUILTIN_FORMATS[st.numFmt] ?? this.fmtIds.get(st.numFmt) ?? 0;
      if (!numFmtId && st.numFmt !== 'General') {
        numFmtId = this.nextFmt++;
        this.fmtIds.set(st.numFmt, numFmtId);
        this.numFmts.push(`<numFmt numFmtId="${numFmtId}" formatCode="${esc(st.numFmt)}"/>`);
      }
    }
    const align = st.h || st.v || st.wrap
      ? `<alignment${st.h ? ` horizontal="${st.h}"` : ''}${st.v ? ` vertical="${st.v === 'middle' ? 'center' : st.v}"` : ''}${st.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`
      + `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}`
      + `${borderId ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`;
    let i = this.xfIndex.get(xml);
    if (i === undefined) {
      i = this.xfs.length;
      this.xfs.push(xml);
      this.xfIndex.set(xml, i);
    }
    return i;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return `${XML_HEAD}<styleSheet xmlns="${MAIN}">${this.numFmts.length ? list('numFmts', this.numFmts) : ''}`
      + `${list('fonts', this.fonts)}${list('fills', this.fills)}${list('borders', this.borders)}`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`
      + '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';
  }
}

/** Shared strings: each distinct text stored once, referred to by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(s, i);
    }
    return i;
  }

  *xml(): Generator<string> {
    yield `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.index.size}">`;
    for (const s of this.index.keys()) {
      const keep = /^\s|\s$|\n|\t/.test(s) ? ' xml:space="preserve"' : '';
      yield `<si><t${keep}>${esc(s)}</t></si>`;
    }
    yield '</sst>';
  }
}
