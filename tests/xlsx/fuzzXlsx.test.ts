/**
 * Fuzzing through the file reader (issue 6): hostile generated grids written to real .xlsx files with exceljs
 * (text, numbers, booleans, formulas with cached results, error values, bold/italic, number formats, merges,
 * hidden rows), read back by the streaming reader (readWorkbookGrids; the same grids as the exceljs reader) and checked. None throws; every finding is
 * well formed; every value outside a merge reads back as written.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { FINDING_CODES } from '../../src/core/checks/findings';
import type { CellRange, Grid, GridCell } from '../../src/core/base/grid';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import { readWorkbookGrids, readWorkbookGridsExceljs } from '../../src/xlsx/readGrid';
import { hostileGrid } from '../helpers/gridArbitrary';

jest.setTimeout(180_000);

const WORKBOOKS = 20;
const SHEETS_PER_BOOK = 25;

/** What an .xlsx can hold of a text: XML 1.0 characters only, at most 32,767 of them. */
function storable(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- removing the control characters XML cannot hold is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .slice(0, 32_767)
    .replace(/[\uD800-\uDBFF]$/, '');
}

/** The merges exceljs can write: inside the sheet, ordered, not overlapping an earlier one, not a single cell. */
function writableMerges(merges: CellRange[]): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    if (m.r0 < 0 || m.c0 < 0 || m.r1 < m.r0 || m.c1 < m.c0 || (m.r0 === m.r1 && m.c0 === m.c1)) continue;
    if (out.some((o) => m.r0 <= o.r1 && o.r0 <= m.r1 && m.c0 <= o.c1 && o.c0 <= m.c1)) continue;
    out.push(m);
  }
  return out;
}

type Written = Map<string, string | number | boolean>;

function writeGrid(ws: ExcelJS.Worksheet, g: Grid): { written: Written; merges: CellRange[] } {
  const written: Written = new Map();
  g.cells.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    row.forEach((c: GridCell | null | undefined, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      let v: string | number | boolean | null = c.value;
      if (typeof v === 'number' && !Number.isFinite(v)) v = null;
      if (typeof v === 'string') v = storable(v);
      if (v === '') v = null;
      if (c.error) cell.value = { error: c.error } as unknown as ExcelJS.CellErrorValue;
      else if (c.formula) cell.value = { formula: storable(c.formula), result: v ?? undefined } as ExcelJS.CellFormulaValue;
      else if (v !== null) {
        cell.value = v;
        written.set(`${r},${col}`, v);
      }
      if (c.bold || c.italic) cell.font = { bold: !!c.bold, italic: !!c.italic };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  });
  const merges = writableMerges(g.merges ?? []).filter((m) => m.r1 < 60 && m.c1 < 30);
  for (const m of merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  for (const h of g.hiddenRows ?? []) if (Number.isInteger(h) && h >= 0) ws.getRow(h + 1).hidden = true;
  return { written, merges };
}

test(`${WORKBOOKS * SHEETS_PER_BOOK} hostile grids through .xlsx files: read back as written, checked without a throw`, async () => {
  const grids = fc.sample(hostileGrid, { numRuns: WORKBOOKS * SHEETS_PER_BOOK, seed: 20261202 });
  let recognised = 0;
  let compared = 0;
  for (let b = 0; b < WORKBOOKS; b++) {
    const wb = new ExcelJS.Workbook();
    const sent = grids.slice(b * SHEETS_PER_BOOK, (b + 1) * SHEETS_PER_BOOK).map((g, i) => writeGrid(wb.addWorksheet(`F${i + 1}`), g));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readWorkbookGrids(buf);
    // the streaming reader gives exactly what the exceljs reader gave
    expect(read).toStrictEqual(await readWorkbookGridsExceljs(buf));
    expect(read.map((g) => g.sheet)).toEqual(sent.map((_s, i) => `F${i + 1}`));
    read.forEach((grid, i) => {
      const { written, merges } = sent[i];
      const inMerge = (r: number, c: number) => merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0));
      for (const [k, v] of written) {
        const [r, c] = k.split(',').map((x) => parseInt(x, 10));
        if (inMerge(r, c)) continue;
        expect([k, grid.cells[r]?.[c]?.value]).toEqual([k, typeof v === 'number' && Object.is(v, -0) ? 0 : v]);
        compared++;
      }
      const res = checkGrid(grid);
      if (res.recognized) recognised++;
      else expect(res.findings.map((f) => f.code)).toEqual(['UNREADABLE_TABLE']);
      for (const f of res.findings) {
        expect(FINDING_CODES[f.code]).toBe(f.severity);
        expect(f.message).toBe(f.message.normalize('NFC'));
        if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      }
    });
  }
  // the files held real content, and both outcomes occurred
  expect(compared).toBeGreaterThan(5_000);
  expect(recognised).toBeGreaterThan(WORKBOOKS * SHEETS_PER_BOOK / 10);
  expect(recognised).toBeLessThan(WORKBOOKS * SHEETS_PER_BOOK);
});
