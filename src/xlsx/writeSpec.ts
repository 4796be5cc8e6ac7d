/**
 * SheetSpec → a worksheet of an exceljs workbook in memory: the path for adding sheets to a workbook already loaded
 * (never replacing one), and writeSpecsToBuffer. New files (`build`, `template`, writeSpecsToFile) go through the streaming
 * writer, streamWrite.ts, which writes the same content; both take their checks from specCheck.ts. The Office.js
 * writer consumes the same spec.
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
import { a1, colLetters } from '../core/base/a1';
import type { CellSpec, CellStyle, SheetSpec } from '../core/layout/sheetspec';
import {
  XlsxWriteError, cellText, checkMerges, checkSheetName, exactNumber, listFormula, listRefused, rangeA1, sanitizeText,
} from './specCheck';
import { streamSpecsToFile } from './streamWrite';

export { XlsxWriteError, exactNumber, listRefused, sanitizeText };

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
        case 'text':
          cell.value = cellText(cs.v, r, c);
          break;
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

/**
 * The workbook's bytes from exceljs's in-memory model; what could not be written as asked (a list Excel refuses) is
 * added to `warnings`. The streaming writer's bytes: streamSpecsToBuffer (streamWrite.ts).
 */
export async function writeSpecsToBuffer(specs: SheetSpec[], warnings: string[] = []): Promise<Buffer> {
  return Buffer.from(await workbookOfSpecs(specs, warnings).xlsx.writeBuffer());
}

/** Writes the file with the streaming writer (replacing one already there); a failure removes what was written. */
export async function writeSpecsToFile(specs: SheetSpec[], path: string): Promise<void> {
  const { promises: fsp } = await import('fs');
  const fh = await fsp.open(path, 'w');
  try {
    await streamSpecsToFile(specs, fh);
    await fh.close();
  } catch (e) {
    await fh.close();
    await fsp.rm(path, { force: true });
    throw e;
  }
}
