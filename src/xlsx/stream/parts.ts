/**
 * The small parts of a package read with saxes, as exceljs 4.4 reads them (so that the grids stay those the
 * exceljs reader gave): workbook.xml (sheets in order, date1904), relationships, shared strings, styles.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipParts } from './zipParts';
import { PackageLimit } from '../zipGuard';

type Open = (tag: SaxesTagPlain) => void;

/** Parses one part with the given handlers; malformed XML is a damaged part. */
export async function parsePart(zip: ZipParts, name: string, open: Open, text?: (t: string) => void, close?: (name: string) => void): Promise<void> {
  const p = new SaxesParser();
  p.on('opentag', open);
  if (text) p.on('text', text);
  if (close) p.on('closetag', (t) => close(t.name));
  try {
    await zip.read(name, (chunk) => { p.write(chunk); });
    p.close();
  } catch (e) {
    if (e instanceof PackageLimit) throw e;
    throw new PackageLimit('corrupt', name);
  }
}

export interface SheetRef { name: string; part: string }

/** Relationship id → target, of a .rels part (empty when the part is missing). */
export async function readRels(zip: ZipParts, name: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!zip.has(name)) return out;
  await parsePart(zip, name, (t) => {
    if (t.name === 'Relationship') out.set(t.attributes.Id, t.attributes.Target);
  });
  return out;
}

/** The worksheets in workbook order (chart sheets and sheets without a part left out, as exceljs does). */
export async function readWorkbook(zip: ZipParts): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const rels = await readRels(zip, 'xl/_rels/workbook.xml.rels');
  const raw: { name: string; id: string; rid: string }[] = [];
  let date1904 = false;
  await parsePart(zip, 'xl/workbook.xml', (t) => {
    if (t.name === 'sheet') raw.push({ name: t.attributes.name, id: t.attributes.sheetId, rid: t.attributes['r:id'] });
    else if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1';
  });
  const sheets: SheetRef[] = [];
  for (const s of raw) {
    const target = rels.get(s.rid);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part) || !zip.has(part)) continue;
    sheets.push({ name: s.name, part });
  }
  return { sheets, date1904 };
}

/** exceljs's TextXform: "_x000D_"-style escapes decoded. */
function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const LATIN1 = /^[\0-\xff]*$/;

/**
 * A copy of a text that holds nothing else, one byte a character when it can be: a slice of saxes's input keeps the
 * piece it was cut from alive, and is two bytes a character when that piece holds any Vietnamese letter (an ASCII
 * formula then costs twice its length). Exact for any text (latin1 and UTF-16 copy code units as they are).
 */
export function detach(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings
  return LATIN1.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : Buffer.from(s, 'utf16le').toString('utf16le');
}

/** The shared strings, rich text flattened (phonetic runs left out). */
export async function readSharedStrings(zip: ZipParts): Promise<string[]> {
  const out: string[] = [];
  if (!zip.has('xl/sharedStrings.xml')) return out;
  let si: string | undefined;
  let runs: string[] | undefined;
  let t: string[] | undefined;
  let depthRph = 0;
  await parsePart(zip, 'xl/sharedStrings.xml', (tag) => {
    switch (tag.name) {
      case 'si': si = undefined; runs = undefined; break;
      case 'rPh': depthRph++; break;
      case 'r': if (!depthRph) runs = runs ?? []; break;
      case 't': if (!depthRph) t = []; break;
      default: break;
    }
  }, (text) => { if (t) t.push(text); }, (name) => {
    if (name === 't' && t) {
      // a copy, so that the string does not keep the XML piece it was cut from alive
      const s = detach(unescapeX(t.join('')));
      t = undefined;
      if (runs) runs.push(s);
      else si = s;
    } else if (name === 'rPh') depthRph--;
    else if (name === 'si') out.push(runs ? runs.join('') : si ?? '');
  });
  return out;
}

/** What the reader takes from a cell style (an xf of cellXfs). */
export interface XfStyle { numFmt?: string; bold: boolean; italic: boolean; date: boolean }

const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs's isDateFmt: date/time letters outside quotes and brackets. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** cellXfs as XfStyle (index = the cell's s attribute); undefined when the package has no styles part. */
export async function readStyles(zip: ZipParts): Promise<XfStyle[] | undefined> {
  if (!zip.has('xl/styles.xml')) return undefined;
  const fmts = new Map<number, string>();
  const fonts: { bold: boolean; italic: boolean }[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let where = '';
  let font: { bold: boolean; italic: boolean } | undefined;
  await parsePart(zip, 'xl/styles.xml', (t) => {
    const a = t.attributes;
    switch (t.name) {
      case 'numFmt': fmts.set(parseInt(a.numFmtId, 10), a.formatCode); break;
      case 'fonts': case 'cellXfs': case 'cellStyleXfs': case 'dxfs': where = t.name; break;
      case 'font': if (where === 'fonts') { font = { bold: false, italic: false }; fonts.push(font); } break;
      case 'b': if (font && where === 'fonts') font.bold = true; break;
      case 'i': if (font && where === 'fonts') font.italic = true; break;
      case 'xf': if (where === 'cellXfs') xfs.push({ numFmtId: parseInt(a.numFmtId, 10), fontId: parseInt(a.fontId, 10) }); break;
      default: break;
    }
  }, undefined, (name) => {
    if (name === where) where = '';
    else if (name === 'font') font = undefined;
  });
  return xfs.map((x) => {
    const numFmt = x.numFmtId ? fmts.get(x.numFmtId) ?? BUILTIN[x.numFmtId] : undefined;
    const f = Number.isNaN(x.fontId) ? undefined : fonts[x.fontId];
    const s: XfStyle = { bold: !!f?.bold, italic: !!f?.italic, date: isDateFmt(numFmt) };
    if (numFmt) s.numFmt = numFmt;
    return s;
  });
}
