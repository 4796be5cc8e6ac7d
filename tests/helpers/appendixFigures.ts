/** Reads the figures of a built appendix back from a Grid (after LibreOffice recalculation), by header words. */
import ExcelJS from 'exceljs';
import { Dec } from '../../src/core/base/decimal';
import type { Grid, GridCell } from '../../src/core/base/grid';

/**
 * The first sheet as a Grid of displayed values, read with exceljs directly: a formula's cached result from
 * cell.result (exceljs leaves a 0 result out of cell.value).
 */
export async function valuesGrid(file: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const cells: GridCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.formula ? cell.result : cell.value;
      const value = typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
      (cells[r - 1] ??= [])[c - 1] = cell.formula ? { value, formula: cell.formula } : { value };
    });
  });
  return { sheet: ws.name, cells, merges: [] };
}

export interface RowFigures { years: Record<number, string | null>; sources: Record<string, string | null>; total: string | null }

export interface AppendixFigures {
  grand: RowFigures;
  groups: Record<string, RowFigures>;
  breakdown: Record<string, Record<number, string | null>>;
  /** Cell of the first row whose name column holds `name`. */
  nameCell: (name: string) => GridCell | undefined;
}

const text = (c: GridCell | null | undefined) => (c && typeof c.value === 'string' ? c.value.trim() : '');
const numText = (c: GridCell | null | undefined): string | null =>
  c && typeof c.value === 'number' ? new Dec(c.value).toFixed() : null;

/** `sources` maps each code to the header words of its column (its code or its label). */
export function appendixFigures(g: Grid, years: number[], sources: Record<string, string[]>): AppendixFigures {
  const h = g.cells.findIndex((r) => text(r?.[0]) === 'TT');
  if (h < 0) throw new Error('no header');
  const headerCells = (pred: (t: string) => boolean): number => {
    for (let r = h; r <= h + 1; r++) {
      const c = (g.cells[r] ?? []).findIndex((x) => pred(text(x)));
      if (c >= 0) return c;
    }
    throw new Error('no header cell');
  };
  const yearCol = Object.fromEntries(years.map((y) => [y, headerCells((t) => t === String(y))]));
  const srcCol = Object.fromEntries(Object.entries(sources).map(([code, words]) => [code, headerCells((t) => words.includes(t))]));
  const totalCol = headerCells((t) => t.startsWith('Tổng'));
  const codeCol = headerCells((t) => t.startsWith('Mã nguồn'));
  const nameCol = 1;
  const figures = (r: number): RowFigures => ({
    years: Object.fromEntries(years.map((y) => [y, numText(g.cells[r]?.[yearCol[y]])])),
    sources: Object.fromEntries(Object.keys(sources).map((s) => [s, numText(g.cells[r]?.[srcCol[s]])])),
    total: numText(g.cells[r]?.[totalCol]),
  });
  const grandRow = g.cells.findIndex((r) => text(r?.[nameCol]) === 'Tổng cộng');
  const groups: Record<string, RowFigures> = {};
  for (let r = h; r < grandRow; r++) {
    const tt = text(g.cells[r]?.[0]);
    if (/^[IVX]+$/.test(tt)) groups[tt] = figures(r);
  }
  const breakdown: AppendixFigures['breakdown'] = {};
  for (let r = grandRow + 1; r < g.cells.length; r++) {
    const code = text(g.cells[r]?.[codeCol]);
    if (code) breakdown[code] = figures(r).years;
  }
  return {
    grand: figures(grandRow),
    groups,
    breakdown,
    nameCell: (name) => g.cells.find((r) => text(r?.[nameCol]) === name)?.[nameCol] ?? undefined,
  };
}

/** Sóc Trăng 2021-2025, Phụ lục 02 as published (seed 000): group rows, "Tổng cộng", "Trong đó". */
export const PUBLISHED = {
  years: [2021, 2022, 2023, 2024, 2025],
  grand: {
    total: '441115',
    years: { 2021: '55331', 2022: '131571', 2023: '126571', 2024: '98571', 2025: '29071' },
    sources: { 'NSĐP': '60355', NSTW: '145000', 'ĐTPT': '235760' },
  },
  groups: {
    I: { years: ['7199', '8061', '8061', '8061', '8061'], sources: ['39443', '0', '0'] },
    II: { years: ['43260', '50000', '38000', '20000', '10000'], sources: ['0', '85000', '76260'] },
    III: { years: ['1167', '44500', '50000', '40000', '0'], sources: ['1167', '0', '134500'] },
    IV: { years: ['2612', '27980', '29480', '29480', '9980'], sources: ['14532', '60000', '25000'] },
    V: { years: ['370', '300', '300', '300', '300'], sources: ['1570', '0', '0'] },
    VI: { years: ['723', '730', '730', '730', '730'], sources: ['3643', '0', '0'] },
  } as Record<string, { years: string[]; sources: string[] }>,
  breakdown: {
    'NSĐP': ['12071', '12071', '12071', '12071', '12071'],
    NSTW: ['10000', '45000', '40000', '40000', '10000'],
    'ĐTPT': ['33260', '74500', '74500', '46500', '7000'],
  } as Record<string, string[]>,
};
