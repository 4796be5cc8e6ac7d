import type { Finding } from '../../src/core/checks/findings';
import { checkGrid, type SheetCheckOptions, type SheetCheckResult } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { toXlsx, type SheetLayout } from './seedSheets';

/** Layout → .xlsx bytes (exceljs) → Grid (readGrid) → checkGrid: the whole reader path. */
export async function checkLayout(l: SheetLayout, opts: SheetCheckOptions = {}): Promise<SheetCheckResult> {
  const [grid] = await readWorkbookGrids(await toXlsx(l));
  return checkGrid(grid, opts);
}

/** "CODE@CELL" strings, in the order the checker reports them. */
export function codes(fs: Finding[], filter?: (f: Finding) => boolean): string[] {
  return fs.filter(filter ?? (() => true)).map((f) => `${f.code}@${f.cell ?? '-'}`);
}

export const errorsOf = (fs: Finding[]): string[] => codes(fs, (f) => f.severity === 'error');
export const warningsOf = (fs: Finding[]): string[] => codes(fs, (f) => f.severity === 'warning');
