/**
 * Summary sheets at the workbook level (issue 10, layout 6): a "Tổng hợp" sheet pulling each group's total from
 * the appendix by cross-sheet formulas is checked against that appendix, row by row and column by column; when the
 * appendix is not in the workbook, one info finding says the summary was not compared.
 */
import { checkSheet, checkWorkbook } from '../../src/app/check';
import type { Finding } from '../../src/core/checks/findings';
import { pulledSheet } from '../../src/core/checks/summarySheet';
import { readWorkbookGrids } from '../../src/xlsx/readGrid';
import { layoutGrid } from '../helpers/layoutGrid';
import { socTrang2125, toXlsx, withCell, type SheetLayout } from '../helpers/seedSheets';
import { coverOf, summaryOf } from '../helpers/summaryLayout';

const show = (fs: Finding[]): string[] => fs.map((f) => `${f.severity}:${f.code}@${f.sheet}!${f.cell}`);
const appendix = socTrang2125();

const summary = (): SheetLayout => summaryOf(appendix);
const ofSummary = (fs: Finding[]): Finding[] => fs.filter((f) => f.sheet === 'Tổng hợp' && f.code !== 'HARDCODED_TOTAL');

describe('a summary sheet checked against the appendix it summarises', () => {
  it('reads the sheet a formula pulls from', () => {
    expect(pulledSheet("'Phụ lục 02'!K7")).toBe('Phụ lục 02');
    expect(pulledSheet("'It''s'!$K$7")).toBe("It's");
    expect(pulledSheet('SUM(PL02!F7:F9)')).toBe('PL02');
    expect(pulledSheet('SUM(F7:F9)')).toBeUndefined();
  });

  it('agreeing with the appendix: no finding on the summary sheet', () => {
    expect(appendix.name).toBe('Phụ lục 02');
    const r = checkWorkbook([layoutGrid(appendix), layoutGrid(summary())], {});
    expect(show(ofSummary(r.results.flatMap((x) => x.findings)))).toEqual([]);
  });

  it('a summary figure that differs from its group there: GROUP_SUBTOTAL at the summary cell, each column', () => {
    // Row 8 of the summary is group II (appendix row 11): its 2021 figure typed over the formula's value.
    let s = summary();
    s = withCell(s, 'F8', { f: `'Phụ lục 02'!F${appendix.rowOf.II}`, v: 999 });
    s = withCell(s, 'K8', { f: `'Phụ lục 02'!K${appendix.rowOf.III}`, v: appendix.rows[appendix.rowOf.III - 1][10] as number });
    const r = checkWorkbook([layoutGrid(appendix), layoutGrid(s)], {}, 'Tổng hợp');
    const fs = ofSummary(r.results[0].findings).filter((f) => f.code === 'GROUP_SUBTOTAL');
    const groupII = appendix.rows[appendix.rowOf.II - 1];
    expect(show(fs)).toEqual(['error:GROUP_SUBTOTAL@Tổng hợp!F8', 'error:GROUP_SUBTOTAL@Tổng hợp!K8']);
    expect(fs[0]).toMatchObject({ expected: String(groupII[5]), actual: '999' });
    expect(fs[1]).toMatchObject({ expected: String(groupII[10]) });
    expect(fs[0].message).toContain('nhóm II ở trang "Phụ lục 02"');
    expect(r.results[0].summary.errors).toBe(r.results[0].findings.filter((f) => f.severity === 'error').length);
  });

  it('the appendix absent from the workbook: one info finding, no error', () => {
    const r = checkWorkbook([layoutGrid(summary())], {});
    const fs = ofSummary(r.results[0].findings);
    expect(show(fs)).toEqual(['info:GROUP_SUBTOTAL@Tổng hợp!F7']);
    expect(fs[0].message).toContain('"Phụ lục 02", không có trong tệp');
    expect(r.errors).toBe(0);
    expect(show(ofSummary(checkSheet(layoutGrid(summary())).findings))).toEqual(['info:GROUP_SUBTOTAL@Tổng hợp!F7']);
    expect(show(ofSummary(checkSheet(layoutGrid(summary()), {}, [layoutGrid(appendix)]).findings))).toEqual([]);
  });
});

describe('a workbook with a cover sheet, a summary sheet and the appendix (layout 6), read from an .xlsx', () => {
  const cover = coverOf(appendix);
  it('the cover is skipped; the summary and the appendix check clean, the summary compared with the appendix', async () => {
    const grids = await readWorkbookGrids(await toXlsx(cover, summary(), appendix));
    const r = checkWorkbook(grids, {});
    expect(r.results.map((x) => x.sheet)).toEqual(['Tổng hợp', 'Phụ lục 02']);
    expect(r.errors).toBe(0);
    expect(show(r.results[0].findings.filter((f) => f.code !== 'HARDCODED_TOTAL'))).toEqual([]);
  });
  it('a summary row pulling the wrong group (row of III for II): GROUP_SUBTOTAL at each of its cells', async () => {
    let s = summary();
    for (const [c, k] of [['F', 5], ['K', 10]] as const) {
      s = withCell(s, `${c}8`, { f: `'Phụ lục 02'!${c}${appendix.rowOf.III}`, v: appendix.rows[appendix.rowOf.III - 1][k] as number });
    }
    const grids = await readWorkbookGrids(await toXlsx(cover, s, appendix));
    const fs = checkWorkbook(grids, {}).results[0].findings.filter((f) => f.code === 'GROUP_SUBTOTAL');
    expect(show(fs)).toEqual(['error:GROUP_SUBTOTAL@Tổng hợp!F8', 'error:GROUP_SUBTOTAL@Tổng hợp!K8']);
  });
});
