/**
 * A small layout generator for metamorphic tests of the checker (issue 10, point 8 — a first, partial version):
 * random plans in the Sóc Trăng 2021-2025 shape (1-6 groups of 1-5 items, 1-5 year columns, 1-3 source columns,
 * one source per item, blank years), with group amounts typed or left blank, and "Trong đó" rows or not, written as
 * a Grid with a two-row header and merged parent headings. Not yet: column order, units, text numbers, totals at
 * the top, SUM/SUBTOTAL group cells, descriptive and hidden columns, notes, cover and summary sheets.
 */
import fc from 'fast-check';
import type { Grid, GridCell } from '../../src/core/base/grid';

const SOURCES = ['NSĐP', 'NSTW', 'ĐTPT'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export interface GenSheet {
  grid: Grid;
  /** A1 addresses of every amount cell a single error may be injected into. */
  amountCells: string[];
}

const col = (c: number): string => String.fromCharCode(65 + c);

export const genSheet: fc.Arbitrary<GenSheet> = fc.record({
  years: fc.integer({ min: 1, max: 5 }),
  sources: fc.integer({ min: 1, max: 3 }),
  groupsTyped: fc.boolean(),
  breakdown: fc.boolean(),
  groups: fc.array(fc.array(fc.record({ ys: fc.array(fc.option(fc.integer({ min: 1, max: 50000 }), { nil: null, freq: 3 }), { minLength: 5, maxLength: 5 }), src: fc.nat(2) }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
}).map((p) => render(p));

interface GenPlan {
  years: number;
  sources: number;
  groupsTyped: boolean;
  breakdown: boolean;
  groups: { ys: (number | null)[]; src: number }[][];
}

function render(p: GenPlan): GenSheet {
  const Y = p.years;
  const S = p.sources;
  const yc = 3; // first year column (D)
  const tc = yc + Y; // total
  const sc = tc + 1; // first source
  const width = sc + S;
  const rows: (GridCell | null)[][] = [];
  const amountCells: string[] = [];
  const text = (v: string, bold = false): GridCell => (bold ? { value: v, bold } : { value: v });
  const num = (v: number, bold = false): GridCell => (bold ? { value: v, numFmt: '#,##0', bold } : { value: v, numFmt: '#,##0' });
  rows.push([text('PHỤ LỤC', true)]);
  rows.push([text('DANH MỤC CÁC DỰ ÁN', true)]);
  const unit: (GridCell | null)[] = [];
  unit[width - 1] = text('ĐVT: Triệu đồng');
  rows.push(unit);
  const h1: (GridCell | null)[] = [text('TT', true), text('Tên dự án', true), text('Đơn vị chủ trì', true)];
  h1[yc] = text('Dự kiến phân kỳ đầu tư', true);
  h1[tc] = text('Tổng kinh phí dự kiến', true);
  h1[sc] = text('Nguồn vốn', true);
  const h2: (GridCell | null)[] = [];
  for (let y = 0; y < Y; y++) h2[yc + y] = text(String(2021 + y), true);
  for (let s = 0; s < S; s++) h2[sc + s] = text(SOURCES[s], true);
  rows.push(h1, h2);
  const merges = [{ r0: 3, c0: 0, r1: 4, c1: 0 }, { r0: 3, c0: 1, r1: 4, c1: 1 }, { r0: 3, c0: 2, r1: 4, c1: 2 }, { r0: 3, c0: tc, r1: 4, c1: tc }];
  if (Y > 1) merges.push({ r0: 3, c0: yc, r1: 3, c1: yc + Y - 1 });
  if (S > 1) merges.push({ r0: 3, c0: sc, r1: 3, c1: sc + S - 1 });
  const grand = new Array<number>(Y + 1 + S).fill(0);
  const bd = SOURCES.slice(0, S).map(() => new Array<number>(Y + 1).fill(0));
  p.groups.forEach((items, g) => {
    const gr = rows.length;
    rows.push([]);
    const acc = new Array<number>(Y + 1 + S).fill(0);
    items.forEach((it, i) => {
      const ys: (number | null)[] = it.ys.slice(0, Y);
      if (!ys.some((v) => v !== null)) ys[0] = 100 + i;
      const t = ys.reduce<number>((a, b) => a + (b ?? 0), 0);
      const src = it.src % S;
      const r = rows.length;
      const row: (GridCell | null)[] = [num(i + 1), text(`Dự án ${g + 1}.${i + 1}`), text('Sở TT&TT')];
      ys.forEach((v, k) => {
        if (v !== null) row[yc + k] = num(v);
        acc[k] += v ?? 0;
        bd[src][k] += v ?? 0;
        amountCells.push(`${col(yc + k)}${r + 1}`);
      });
      row[tc] = num(t);
      acc[Y] += t;
      bd[src][Y] += t;
      amountCells.push(`${col(tc)}${r + 1}`);
      for (let s = 0; s < S; s++) {
        if (s === src) row[sc + s] = num(t);
        acc[Y + 1 + s] += s === src ? t : 0;
        amountCells.push(`${col(sc + s)}${r + 1}`);
      }
      rows.push(row);
    });
    const grow: (GridCell | null)[] = [text(ROMAN[g], true), text(`Nhóm ${g + 1}`, true)];
    if (p.groupsTyped) {
      acc.forEach((v, k) => {
        grow[yc + k] = num(v, true);
        amountCells.push(`${col(yc + k)}${gr + 1}`);
      });
    }
    rows[gr] = grow;
    acc.forEach((v, k) => { grand[k] += v; });
  });
  const tr = rows.length;
  const trow: (GridCell | null)[] = [null, text('Tổng cộng', true)];
  grand.forEach((v, k) => {
    trow[yc + k] = num(v, true);
    amountCells.push(`${col(yc + k)}${tr + 1}`);
  });
  rows.push(trow);
  if (p.breakdown && S > 1) {
    rows.push([null, text('Trong đó:')]);
    bd.forEach((vals, s) => {
      const r = rows.length;
      const row: (GridCell | null)[] = [null, text(`Nguồn ${SOURCES[s]}`)];
      vals.forEach((v, k) => {
        row[yc + k] = num(v);
        amountCells.push(`${col(yc + k)}${r + 1}`);
      });
      rows.push(row);
    });
  }
  return { grid: { sheet: 'Phụ lục', cells: rows, merges }, amountCells };
}

/** The grid with one cell's amount changed (a copy). */
export function withAmount(grid: Grid, addr: string, value: number): Grid {
  const m = /^([A-Z])(\d+)$/.exec(addr)!;
  const r = parseInt(m[2], 10) - 1;
  const c = m[1].charCodeAt(0) - 65;
  const cells = grid.cells.map((row) => [...row]);
  const old = cells[r][c];
  cells[r][c] = { ...(old ?? {}), value, numFmt: '#,##0' };
  return { ...grid, cells };
}

export function amountAt(grid: Grid, addr: string): number {
  const m = /^([A-Z])(\d+)$/.exec(addr)!;
  const v = grid.cells[parseInt(m[2], 10) - 1]?.[m[1].charCodeAt(0) - 65]?.value;
  return typeof v === 'number' ? v : 0;
}
