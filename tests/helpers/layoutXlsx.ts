/**
 * A generated workbook (layoutRender.ts) written to .xlsx by exceljs (values, formulas with their cached results,
 * number formats, bold, merges, hidden columns) and read back by the real adapter (src/xlsx/readGrid.ts).
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/base/grid';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';

export async function viaXlsx(grids: Grid[], hidden: { sheet: number; cols: number[] }): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  grids.forEach((g, i) => {
    const ws = wb.addWorksheet(g.sheet);
    g.cells.forEach((row, r) => (row ?? []).forEach((c, j) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, j + 1);
      cell.value = c.formula ? { formula: c.formula, result: c.value as number } as ExcelJS.CellFormulaValue : c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.bold || c.italic) cell.font = { bold: !!c.bold, italic: !!c.italic, name: 'Times New Roman' };
    }));
    for (const m of g.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    if (i === hidden.sheet) for (const c of hidden.cols) ws.getColumn(c + 1).hidden = true;
  });
  return readWorkbookGrids(Buffer.from(await wb.xlsx.writeBuffer()));
}
