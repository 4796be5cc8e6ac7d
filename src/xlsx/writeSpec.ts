/**
 * SheetSpec → .xlsx with exceljs (the file adapter of src/core/sheetspec.ts; the Office.js writer consumes the same spec).
 *
 * - text cells are written as strings (shared strings, t="s"): exceljs never interprets a string, so "=1+1", "+84",
 *   "-", "@x" stay text. Line breaks are normalised to "\n" (XML turns a raw "\r" into "\n" on reading anyway, and
 *   Excel's Alt+Enter is "\n"); characters XML 1.0 cannot carry (C0 controls other than tab/line feed, U+FFFE/U+FFFF,
 *   lone surrogates) are dropped, so the file is never corrupt;
 * - numbers from exact decimal strings, refused (XlsxWriteError) when a double cannot hold them exactly;
 * - formulas with their cached result; the workbook asks Excel to recalculate on load (fullCalcOnLoad);
 * - styles, merges, widths, heights, frozen panes, print setup (A4, orientation, fit, margins, print titles, print
 *   area), footer, list validations.
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljsLite';
import { Dec } from '../core/base/decimal';
import { a1, colLetters } from '../core/base/a1';
import { EXCEL } from '../core/base/limits';
import type { CellRange } from '../core/base/grid';
import type { CellSpec, CellStyle, SheetSpec } from '../core/layout/sheetspec';

/** A SheetSpec that cannot be written as a valid workbook; `message` is one Vietnamese sentence. */
export class XlsxWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxWriteError';
  }
}

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as it will be stored: "\r\n" and "\r" → "\n", characters XML cannot carry dropped. */
export function sanitizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

const rangeA1 = (r: CellRange) => (r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`);

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** exceljs style of a CellStyle (one object per named style, shared by its cells and never mutated). */
export function toExcelStyle(st: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (st.font) {
    const f: Partial<ExcelJS.Font> = {};
    if (st.font.name) f.name = st.font.name;
    if (st.font.size) f.size = st.font.size;
    if (st.font.bold) f.bold = true;
    if (st.font.italic) f.italic = true;
    if (st.font.underline) f.underline = true;
    if (st.font.color) f.color = { argb: `FF${st.font.color}` };
    out.font = f;
  }
  if (st.h || st.v || st.wrap) {
    const al: Partial<ExcelJS.Alignment> = {};
    if (st.h) al.horizontal = st.h;
    if (st.v) al.vertical = st.v;
    if (st.wrap) al.wrapText = true;
    out.alignment = al;
  }
  if (st.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (st.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${st.fill}` } };
  if (st.numFmt) out.numFmt = st.numFmt;
  return out;
}

/**
 * A number Excel can hold exactly as the decimal string says: at most 15 significant digits (what Excel keeps and
 * shows; the reader reads doubles at 15 digits too) and an IEEE double round trip.
 */
export function exactNumber(v: string, where: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || new Dec(v).sd() > 15 || !new Dec(v).equals(new Dec(n.toString()))) {
    throw new XlsxWriteError(`Ô ${where}: số "${v}" vượt quá độ chính xác của Excel (15 chữ số).`);
  }
  return n;
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new XlsxWriteError(`Tên trang tính "${name}" không hợp lệ trong Excel (tối đa 31 ký tự, không có [ ] : * ? / \\).`);
  }
}

function checkMerges(merges: CellRange[]): void {
  const seen = new Map<string, number>();
  merges.forEach((m, i) => {
    if (m.r1 < m.r0 || m.c1 < m.c0) throw new XlsxWriteError(`Vùng gộp ô ${rangeA1(m)} không hợp lệ.`);
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) {
        const k = `${r},${c}`;
        if (seen.has(k)) throw new XlsxWriteError(`Các vùng gộp ô chồng lên nhau tại ${a1(r, c)}.`);
        seen.set(k, i);
      }
    }
  });
}

/** The list as Excel's inline formula; undefined when Excel cannot take it (over 255 characters, a comma or quote). */
function listFormula(list: string[]): string | undefined {
  if (list.some((v) => /[",]/.test(v))) return undefined;
  const f = `"${list.join(',')}"`;
  // the list between its two quotes is at most EXCEL.maxListChars (255) characters
  return f.length > EXCEL.maxListChars + 2 ? undefined : f;
}

/** The warning for a list Excel cannot take; the same words as the Office writer's (the sheet is written without it). */
export const listRefused = (address: string) => `Không tạo được danh sách chọn cho vùng ${address}: giá trị quá dài hoặc có dấu phẩy.`;

/** Writes one SheetSpec as a new worksheet of `wb` and returns it. */
export function writeSpecToWorkbook(wb: ExcelJS.Workbook, spec: SheetSpec, warnings: string[] = []): ExcelJS.Worksheet {
  checkSheetName(spec.name);
  if (wb.getWorksheet(spec.name)) throw new XlsxWriteError(`Sổ tính đã có trang "${spec.name}".`);
  checkMerges(spec.merges);
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  const ws = wb.addWorksheet(spec.name);

  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (name: string | undefined): Partial<ExcelJS.Style> | undefined => {
    if (!name) return undefined;
    let st = styleCache.get(name);
    if (!st) {
      const def = spec.styles[name];
      if (!def) throw new XlsxWriteError(`Kiểu định dạng "${name}" không được khai báo.`);
      st = toExcelStyle(def);
      styleCache.set(name, st);
    }
    return st;
  };

  // exceljs omits a column whose width is exactly its default (9), which Excel would then show at 8.43: nudge it.
  spec.columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.width === 9 ? 9.01 : c.width; });

  spec.rows.forEach((rs, r) => {
    const row = ws.getRow(r + 1);
    if (rs.height !== undefined) row.height = rs.height;
    rs.cells.forEach((cs: CellSpec | null, c) => {
      if (!cs) return;
      const cell = row.getCell(c + 1);
      const st = styleOf(cs.s);
      if (st) cell.style = st;
      switch (cs.t) {
        case 'text': {
          const v = sanitizeText(cs.v);
          if (v.length > EXCEL.maxCellText) {
            throw new XlsxWriteError(`Ô ${a1(r, c)}: văn bản dài ${v.length} ký tự, vượt giới hạn ${EXCEL.maxCellText} ký tự của một ô Excel.`);
          }
          cell.value = v;
          break;
        }
        case 'num':
          cell.value = exactNumber(cs.v, a1(r, c));
          break;
        case 'formula':
          cell.value = cs.result !== undefined
            ? { formula: cs.f, result: exactNumber(cs.result, a1(r, c)) }
            : ({ formula: cs.f } as ExcelJS.CellFormulaValue);
          break;
        case 'empty':
          break;
      }
    });
  });

  for (const m of spec.merges) ws.mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);

  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    ws.views = [{
      state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows,
      topLeftCell: a1(spec.freeze.rows, spec.freeze.cols), activeCell: 'A1',
    }];
  }

  if (spec.print) {
    const p = spec.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      margins: { ...p.margins },
      // exceljs prefixes each end with '$'; giving 'A$1' makes the defined name fully absolute ($A$1).
      printArea: `${colLetters(p.area.c0)}$${p.area.r0 + 1}:${colLetters(p.area.c1)}$${p.area.r1 + 1}`,
      printTitlesRow: p.titleRows ? `${p.titleRows.from + 1}:${p.titleRows.to + 1}` : undefined,
      horizontalCentered: true,
    };
    if (p.footer) {
      const font = spec.defaultFont;
      ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C&"${font.name},Regular"&${Math.max(8, font.size - 1)}${p.footer}` };
    }
  }

  // exceljs has worksheet.dataValidations at runtime; its typings omit it.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of spec.validations ?? []) {
    const formula = listFormula(v.list);
    if (formula === undefined) {
      warnings.push(listRefused(rangeA1(v.range)));
      continue;
    }
    dv.add(rangeA1(v.range), {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: 'Chọn một giá trị trong danh sách.',
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
  return ws;
}

/** A workbook holding the given sheets, in order. */
export function workbookOfSpecs(specs: SheetSpec[], warnings: string[] = []): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = 'Danh mục';
  for (const s of specs) writeSpecToWorkbook(wb, s, warnings);
  return wb;
}

/** The workbook's bytes; what could not be written as asked (a list Excel refuses) is added to `warnings`. */
export async function writeSpecsToBuffer(specs: SheetSpec[], warnings: string[] = []): Promise<Buffer> {
  const wb = workbookOfSpecs(specs, warnings);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the workbook fully in memory first, so a failure never leaves a partial file behind. */
export async function writeSpecsToFile(specs: SheetSpec[], path: string): Promise<void> {
  const buf = await writeSpecsToBuffer(specs);
  const { promises: fsp } = await import('fs');
  await fsp.writeFile(path, buf);
}
