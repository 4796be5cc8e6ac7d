/**
 * Sheets this add-in makes (layout.ts → writeSpec.ts, live formulas with cached results) read back by the
 * checker: every sample plan is recognised with its items, totals and columns, and checks with no error
 * and no HARDCODED_TOTAL; breaking one typed amount is caught at its cell.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonText } from '../../src/app/planJson';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readGrid, readWorkbookGrids } from '../../src/xlsx/readGrid';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import { errorsOf } from '../helpers/checkXlsx';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

async function sampleSheet(name: string, words = false): Promise<Buffer> {
  const plan = planFromJsonText(await fsp.readFile(path.join(SAMPLES, name), 'utf8'));
  return writeSpecsToBuffer([layoutPlan(plan, { words })]);
}

describe('checking sheets made by the add-in', () => {
  it.each([
    ['soc-trang-2021-2025.plan.json', 22, '441115'],
    ['soc-trang-2016-2020.plan.json', 20, '60969'],
    ['nghe-an-2021-2025.plan.json', 28, '570960'],
    ['tra-vinh-2023.plan.json', 9, '166888.667'],
  ])('%s: recognised, no error, no HARDCODED_TOTAL', async (name, items, total) => {
    const [grid] = await readWorkbookGrids(await sampleSheet(name, true));
    const r = checkGrid(grid);
    expect(r.recognized).toBe(true);
    expect(r.summary.items).toBe(items);
    expect(r.summary.grandTotal).toBe(total);
    expect(errorsOf(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'HARDCODED_TOTAL')).toEqual([]);
    // The words line the layout writes under a "Tổng" column is read, and agrees (no WORDS_MISMATCH above).
    if (r.plan?.sheet?.columns.total !== undefined) {
      expect(r.plan.statedWords?.map((w) => w.figure?.toFixed())).toEqual([total]);
      expect(r.plan.statedTotals?.map((t) => t.value.toFixed())).toEqual([total]);
    }
  });

  it('a typed number over a live subtotal formula is HARDCODED_TOTAL at its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sampleSheet('soc-trang-2021-2025.plan.json')) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const [clean] = [readGrid(ws)];
    const rec = checkGrid(clean);
    const groupI = rec.plan?.nodes[0];
    const totalCol = rec.plan?.sheet?.columns.total;
    expect(groupI?.kind).toBe('group');
    if (!groupI?.loc || totalCol === undefined) throw new Error('no group I');
    const cell = ws.getCell(groupI.loc.row + 1, totalCol + 1);
    const v = (cell.value as { result: number }).result;
    cell.value = v;
    const r = checkGrid(readGrid(ws));
    const addr = cell.address;
    expect(r.findings.filter((f) => f.code === 'HARDCODED_TOTAL').map((f) => f.cell)).toEqual([addr]);
    expect(errorsOf(r.findings)).toEqual([]);
  });
});
