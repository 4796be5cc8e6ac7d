/**
 * Layouts officers really use (issue 10), each asserted exactly: blank group amounts are "not stated", formula
 * totals that add nothing twice, and the root cause named through blank groups.
 */
import ExcelJS from 'exceljs';
import { checkGrid, checkRecognized } from '../../../src/core/checks/sheetCheck';
import { recognizeTable } from '../../../src/core/read/recognize';
import { readWorkbookGrids } from '../../../src/xlsx/readGrid';
import type { Finding } from '../../../src/core/checks/findings';
import { layoutGrid } from '../../helpers/layoutGrid';
import { addLayout, at, socTrang2125, withCell, type SheetLayout } from '../../helpers/seedSheets';

const GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const AMOUNTS = ['2021', '2022', '2023', '2024', '2025', 'total', 'NSĐP', 'NSTW', 'ĐTPT'];
const show = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`);

/** Sóc Trăng 2021-2025 with its group rows' amounts left blank, as seed 000 prints them when pasted. */
function blankGroups(): SheetLayout {
  let l = socTrang2125();
  for (const g of GROUPS) for (const c of AMOUNTS) l = withCell(l, at(l, g, c), null);
  return l;
}

describe('group rows that leave their amounts blank (point 4)', () => {
  it('are not stated: no DOUBLE_COUNT, no GROUP_SUBTOTAL, the grand total checked against the items', () => {
    expect(show(checkGrid(layoutGrid(blankGroups())).findings)).toEqual(['TEXT_NUMBER@L9']);
  });

  it('a wrong item year: that cell first, the row total, the grand total and the breakdown caused by it', () => {
    const l = blankGroups();
    const cell = at(l, 'I.1', '2022');
    const fs = checkGrid(layoutGrid(withCell(l, cell, 2700))).findings.filter((f) => f.severity === 'error');
    expect(show(fs)).toEqual([
      `ROW_YEARS_SUM@${cell}`,
      `ROW_YEARS_SUM@${at(l, 'I.1', 'total')}<-${cell}`,
      `GRAND_TOTAL@${at(l, 'total', '2022')}<-${cell}`,
      `GRAND_TOTAL@${at(l, 'total', 'total')}<-${cell}`,
      `BREAKDOWN@${at(l, 'bd:NSĐP', '2022')}<-${cell}`,
    ]);
    expect(fs[0].message).toBe(`${cell} có thể nhập sai: nếu ${cell} = 2.000 thì tổng dòng 8, Tổng cộng và dòng "Tổng nguồn sự nghiệp địa phương" đều khớp.`);
  });
});

describe('formula totals that add nothing twice (point 5)', () => {
  it('a SUM over the whole table crossing blank group heading rows: no DOUBLE_COUNT', () => {
    let l = blankGroups();
    const first = l.rowOf.I;
    const last = l.rowOf['VI.3'];
    l = withCell(l, at(l, 'total', '2021'), { f: `SUM(F${first}:F${last})`, v: 55331 });
    // The other total cells, typed beside a formula, are HARDCODED_TOTAL warnings: no error at all.
    expect(show(checkGrid(layoutGrid(l)).findings).filter((c) => !c.startsWith('HARDCODED_TOTAL'))).toEqual(['TEXT_NUMBER@L9']);
  });

  it('SUBTOTAL(9,…) over groups that are SUBTOTALs themselves: no DOUBLE_COUNT; the same with SUM is one', () => {
    const make = (fn: string): SheetLayout => {
      let l = socTrang2125();
      for (const g of GROUPS) {
        const r = l.rowOf[g];
        const n = GROUPS.indexOf(g) < 5 ? l.rowOf[GROUPS[GROUPS.indexOf(g) + 1]] - 1 : l.rowOf['VI.3'];
        const v = l.rows[r - 1][5] as number;
        l = withCell(l, `F${r}`, { f: `${fn}(${fn === 'SUBTOTAL' ? '9,' : ''}F${r + 1}:F${n})`, v });
      }
      return withCell(l, at(l, 'total', '2021'), { f: `${fn}(${fn === 'SUBTOTAL' ? '9,' : ''}F${l.rowOf.I}:F${l.rowOf['VI.3']})`, v: 55331 });
    };
    const sub = checkGrid(layoutGrid(make('SUBTOTAL'))).findings;
    expect(show(sub).filter((c) => !c.startsWith('HARDCODED_TOTAL'))).toEqual(['TEXT_NUMBER@L9']);
    const sum = checkGrid(layoutGrid(make('SUM'))).findings;
    expect(show(sum).filter((c) => c.startsWith('DOUBLE_COUNT'))).toEqual([`DOUBLE_COUNT@${at(socTrang2125(), 'total', '2021')}`]);
  });
});

describe('a closing sentence with a scope (point 7 of the issue)', () => {
  const sentence = (text: string): SheetLayout => {
    const l = socTrang2125({ wordsLine: true });
    return withCell(l, `A${l.rowOf.words}`, text);
  };
  it('a sentence naming a year is compared with that year, not with the total', () => {
    const ok = sentence('Tổng kinh phí dự kiến thực hiện năm 2022: 131.571.000.000 đồng (Bằng chữ: Một trăm ba mươi mốt tỷ, năm trăm bảy mươi mốt triệu đồng)');
    expect(show(checkGrid(layoutGrid(ok)).findings)).toEqual(['TEXT_NUMBER@L9']);
    const bad = sentence('Tổng kinh phí dự kiến thực hiện năm 2023: 131.571.000.000 đồng (Bằng chữ: Một trăm ba mươi mốt tỷ, năm trăm bảy mươi mốt triệu đồng)');
    const fs = checkGrid(layoutGrid(bad)).findings.filter((f) => f.severity === 'error');
    expect(show(fs)).toEqual([`STATED_TOTAL@A${bad.rowOf.words}`]);
    expect(fs[0]).toMatchObject({ expected: '126571', actual: '131571' });
    expect(fs[0].message).toContain('tổng năm 2023');
  });
  it('a sentence naming the period, or no year, is compared with the total', () => {
    const period = sentence('Tổng kinh phí giai đoạn 2021-2025: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)');
    expect(show(checkGrid(layoutGrid(period)).findings)).toEqual(['TEXT_NUMBER@L9']);
    const wrong = sentence('Tổng kinh phí thực hiện: 131.571.000.000 đồng (Bằng chữ: Một trăm ba mươi mốt tỷ, năm trăm bảy mươi mốt triệu đồng)');
    const fs = checkGrid(layoutGrid(wrong)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => [f.code, f.expected])).toEqual([['STATED_TOTAL', '441115']]);
  });
});

describe('dates in amount columns (also seen)', () => {
  async function withDateCell(addr: string, value: number | Date, numFmt: string): Promise<Finding[]> {
    const wb = new ExcelJS.Workbook();
    addLayout(wb, socTrang2125());
    const cell = wb.worksheets[0].getCell(addr);
    cell.value = value;
    cell.numFmt = numFmt;
    const [grid] = await readWorkbookGrids(Buffer.from(await wb.xlsx.writeBuffer()));
    return checkGrid(grid).findings;
  }
  it('1559 formatted as a date (shown 07/04/1904) is read as 1.559, with a TEXT_NUMBER saying so', async () => {
    const l = socTrang2125();
    const addr = at(l, 'I.1', '2021');
    const fs = await withDateCell(addr, 1559, 'dd/mm/yyyy');
    expect(show(fs)).toEqual([`TEXT_NUMBER@${addr}`, 'TEXT_NUMBER@L9']);
    expect(fs[0]).toMatchObject({ expected: '1559', actual: '07/04/1904' });
    expect(fs[0].message).toContain('1.559 triệu đồng');
  });
  it('a real date typed in an amount cell: its day number, and the sums broken by it, the cell named first', async () => {
    const l = socTrang2125();
    const addr = at(l, 'I.1', '2021');
    const fs = await withDateCell(addr, new Date(Date.UTC(2021, 0, 5)), 'yyyy-mm-dd');
    expect(show(fs)[0]).toBe(`ROW_YEARS_SUM@${addr}`);
    expect(fs.find((f) => f.code === 'TEXT_NUMBER' && f.cell === addr)).toMatchObject({ expected: '44201' });
  });
});

describe('circular references (also seen)', () => {
  it('a total adding itself and a ring of two totals: FORMULA_ERROR at each of their cells', () => {
    let l = socTrang2125({ formulas: true });
    const k = at(l, 'I.1', 'total');
    const r = l.rowOf['I.1'];
    l = withCell(l, k, { f: `SUM(F${r}:K${r})`, v: 9559 });
    const g = at(l, 'I', '2021');
    const t = at(l, 'total', '2021');
    l = withCell(l, g, { f: `SUM(F${l.rowOf['I.1']}:F${l.rowOf['I.3']})+${t}-${t}*1`, v: 7199 });
    const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
    expect(show(fs)).toEqual([`FORMULA_ERROR@${g}`, `FORMULA_ERROR@${k}`, `FORMULA_ERROR@${t}`]);
    expect(fs[1].message).toContain('tham chiếu vòng');
    expect(fs[1].actual).toBe(`=SUM(F${r}:K${r})`);
  });
  it('the add-in\'s own formulas (SUM of items, + of groups, SUMIFS): no circular reference', () => {
    expect(show(checkGrid(layoutGrid(socTrang2125({ formulas: true }))).findings)).toEqual(['TEXT_NUMBER@L9']);
  });
});

describe('a summary sheet (rows pulling each group\'s total from the appendix)', () => {
  function summary(): SheetLayout {
    const l = socTrang2125();
    const keep = [1, 2, 3, 4, 5, 6, ...GROUPS.map((g) => l.rowOf[g]), l.rowOf.total];
    const rows = keep.map((r) => l.rows[r - 1].map((v, c) => (GROUPS.some((g) => l.rowOf[g] === r) && typeof v === 'number'
      ? { f: `'Phụ lục 02'!${String.fromCharCode(65 + c)}${r}`, v } : v)));
    return { ...l, name: 'Tổng hợp', rows, merges: l.merges, boldRows: [], rowOf: {}, colOf: {} };
  }
  it('is never compared with 0: no GROUP_SUBTOTAL; its total is still checked against its rows', () => {
    expect(show(checkGrid(layoutGrid(summary())).findings).filter((c) => !c.startsWith('HARDCODED_TOTAL'))).toEqual([]);
    const wrong = withCell(summary(), 'K13', 441000);
    expect(show(checkGrid(layoutGrid(wrong)).findings).filter((c) => !c.startsWith('HARDCODED_TOTAL'))).toEqual(['GRAND_TOTAL@K13']);
  });
});

describe('a caller done with the grid (recognizeTable with release)', () => {
  it('lets each body row go once read and finds the same: circular references, double counts, hard-coded totals', () => {
    let l = socTrang2125({ formulas: true });
    // Group I adds its items with SUM, the grand total adds group I and its first item: DOUBLE_COUNT; a ring.
    const first = l.rowOf.I;
    l = withCell(l, at(l, 'I', '2021'), { f: `SUM(F${first + 1}:F${l.rowOf['I.3']})`, v: l.rows[first - 1][5] as number });
    l = withCell(l, at(l, 'total', '2022'), { f: `SUBTOTAL(9,G${first}:G${l.rowOf['VI.3']})+G${first + 1}`, v: 131571 });
    const r = l.rowOf['I.1'];
    l = withCell(l, at(l, 'I.1', 'total'), { f: `SUM(F${r}:K${r})`, v: 9559 });
    l = withCell(l, at(l, 'II', 'total'), 12345);
    const kept = checkGrid(layoutGrid(l)).findings;
    const grid = layoutGrid(l);
    const rec = recognizeTable(grid, { release: true });
    const bodyRows = grid.cells.slice(l.rowOf.I - 1).filter((row) => row !== undefined);
    expect(bodyRows).toEqual([]);
    const released = checkRecognized(grid, rec).findings;
    expect(show(kept)).toEqual(expect.arrayContaining([`FORMULA_ERROR@${at(l, 'I.1', 'total')}`, `HARDCODED_TOTAL@${at(l, 'II', 'total')}`]));
    expect(show(kept).some((c) => c.startsWith('DOUBLE_COUNT'))).toBe(true);
    expect(released).toEqual(kept);
  });
});
