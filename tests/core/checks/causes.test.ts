/**
 * The cell to fix, first (issue 10, point 6): for every single-cell mutation of every amount cell of the Sóc Trăng
 * 2021-2025 appendix, the first error finding is the mutated cell, and every other sum finding names it in causedBy.
 */
import { Dec } from '../../../src/core/base/decimal';
import type { Grid } from '../../../src/core/base/grid';
import { checkGrid } from '../../../src/core/checks/sheetCheck';
import { checkLayout, errorsOf } from '../../helpers/checkXlsx';
import { layoutGrid } from '../../helpers/layoutGrid';
import { at, cellValue, socTrang2125, withCell, type SheetLayout } from '../../helpers/seedSheets';

const base = socTrang2125();
const AMOUNT_COLS = ['2021', '2022', '2023', '2024', '2025', 'total', 'NSĐP', 'NSTW', 'ĐTPT'];
const SUMS = new Set(['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN']);

function amountCells(l: SheetLayout): string[] {
  const rows = Object.keys(l.rowOf).filter((r) => r !== 'header' && r !== 'trongDo' && r !== 'words');
  const out: string[] = [];
  for (const r of rows) {
    for (const c of AMOUNT_COLS) {
      if (r.startsWith('bd:') && ['NSĐP', 'NSTW', 'ĐTPT'].includes(c)) continue;
      out.push(at(l, r, c));
    }
  }
  return out;
}

function mutated(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseInt(v.replace(/\./g, ''), 10) || 0 : 0;
  return n + 700;
}

describe('root causes on the Sóc Trăng 2021-2025 appendix', () => {
  it('the unmutated table has no error and the layout grid reads like the .xlsx', async () => {
    expect(errorsOf(checkGrid(layoutGrid(base)).findings)).toEqual([]);
    expect(errorsOf((await checkLayout(base)).findings)).toEqual([]);
  });

  it('names the mutated cell first, for every amount cell', () => {
    const cells = amountCells(base);
    expect(cells.length).toBe(279);
    const wrong: string[] = [];
    for (const addr of cells) {
      const l = withCell(base, addr, mutated(cellValue(base, addr)));
      const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
      const first = fs[0];
      const others = fs.slice(1).filter((f) => SUMS.has(f.code));
      const ok = first?.cell === addr && others.every((f) => f.causedBy === addr);
      if (!ok) wrong.push(`${addr}: ${fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`).join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('an item year: G-cell root with its value, the row total and the group subtotal caused by it', () => {
    const addr = at(base, 'I.1', '2022');
    const l = withCell(base, addr, 2700);
    const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`)).toEqual([
      `ROW_YEARS_SUM@${addr}`,
      `GROUP_SUBTOTAL@${at(base, 'I', '2022')}<-${addr}`,
      `ROW_YEARS_SUM@${at(base, 'I.1', 'total')}<-${addr}`,
      `BREAKDOWN@${at(base, 'bd:NSĐP', '2022')}<-${addr}`,
    ]);
    expect(fs[0]).toMatchObject({ expected: '2000', actual: '2700' });
    expect(fs[0].message).toBe(`${addr} có thể nhập sai: nếu ${addr} = 2.000 thì tổng dòng 8, nhóm I và dòng "Tổng nguồn sự nghiệp địa phương" đều khớp.`);
  });

  it('two wrong cells of one item: the pair is named, each with the sums it alone explains (issue 10, point 3)', () => {
    // Two wrong years of one item: no one cell repairs the row total, the two group columns and the breakdown;
    // the pair does (before the pair search these were listed without causedBy).
    const f8 = at(base, 'I.1', '2021');
    const g8 = at(base, 'I.1', '2022');
    let l = withCell(base, f8, 2259);
    l = withCell(l, g8, 2700);
    const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`)).toEqual([
      `ROW_YEARS_SUM@${f8}`, `ROW_YEARS_SUM@${g8}`,
      `GROUP_SUBTOTAL@F7<-${f8}`, `GROUP_SUBTOTAL@G7<-${g8}`, `ROW_YEARS_SUM@K8<-${f8}`, `BREAKDOWN@F37<-${f8}`, `BREAKDOWN@G37<-${g8}`,
    ]);
    const pair = `${f8} và ${g8} có thể nhập sai: nếu ${f8} = 1.559 và ${g8} = 2.000 thì tổng dòng 8, nhóm I và dòng "Tổng nguồn sự nghiệp địa phương" đều khớp.`;
    expect(fs[0]).toMatchObject({ message: pair, expected: '1559', actual: '2259' });
    expect(fs[1]).toMatchObject({ message: pair, expected: '2000', actual: '2700' });
  });

  it('three wrong cells of one item: no cell or pair explains them; the first broken sum says so, the list as before', () => {
    let l = withCell(base, at(base, 'I.1', '2021'), 2259);
    l = withCell(l, at(base, 'I.1', '2022'), 2700);
    l = withCell(l, at(base, 'I.1', '2023'), 2700);
    const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => `${f.code}@${f.cell}`)).toEqual([
      'GROUP_SUBTOTAL@F7', 'GROUP_SUBTOTAL@G7', 'GROUP_SUBTOTAL@H7', 'ROW_YEARS_SUM@K8', 'BREAKDOWN@F37', 'BREAKDOWN@G37', 'BREAKDOWN@H37',
    ]);
    expect(fs.map((f) => f.causedBy)).toEqual(fs.map(() => undefined));
    expect(fs[0].message).toMatch(/^Không tìm được một ô duy nhất giải thích 7 tổng sai \(có thể nhiều ô cùng nhập sai\)\. Nhóm I/);
    expect(fs.slice(1).every((f) => !f.message.startsWith('Không tìm được'))).toBe(true);
  });

  it('two wrong typed totals, each its own cause (no shared cell): listed as before, no sentence', () => {
    let l = withCell(base, at(base, 'total', '2021'), 55000);
    l = withCell(l, at(base, 'total', '2022'), 131000);
    const fs = checkGrid(layoutGrid(l)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`)).toEqual([
      `GRAND_TOTAL@${at(base, 'total', '2021')}`, `GRAND_TOTAL@${at(base, 'total', '2022')}`,
    ]);
    expect(fs.some((f) => f.message.startsWith('Không tìm được'))).toBe(false);
  });

  it('with a tolerance (whole sums built): the mutated cell is still named first', () => {
    const addr = at(base, 'I.2', '2023');
    const l = withCell(base, addr, mutated(cellValue(base, addr)));
    const fs = checkGrid(layoutGrid(l), { tolerance: new Dec(1) }).findings.filter((f) => f.severity === 'error');
    expect(fs[0].cell).toBe(addr);
    expect(fs.slice(1).every((f) => f.causedBy === addr)).toBe(true);
  });

  it('a wrong group cell is the cause of the grand total it breaks', () => {
    const addr = at(base, 'I', '2021');
    const fs = checkGrid(layoutGrid(withCell(base, addr, 9999))).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`)).toEqual([
      `GROUP_SUBTOTAL@${addr}`, `GRAND_TOTAL@${at(base, 'total', '2021')}<-${addr}`,
    ]);
    expect(fs[0].message).toMatch(/^F7 có thể nhập sai: nếu F7 = 7\.199 thì nhóm I và Tổng cộng đều khớp\. Nhóm I/);
  });
});

describe('root causes never break a check', () => {
  it('a hostile grid (fuzz seed 42, case 6355) whose model finds a sum broken that no check reported: no throw, no cause', () => {
    const grid = require('../../fixtures/causes-fuzz-grid.json') as Grid;
    const r = checkGrid(grid);
    const cells = new Set(r.findings.map((f) => f.cell));
    for (const f of r.findings) if (f.causedBy !== undefined) expect(cells.has(f.causedBy)).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
  });
});
