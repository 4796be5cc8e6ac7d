/**
 * Appendix tables laid out the way offices lay them out and our own build never does, each reduced from a workbook
 * variant of seed 000 that was checked with `danh-muc check` and gave a false alarm or missed an error: "Cộng" rows
 * closing each group, a column-number row with formulas ("(6)=(4)+(5)", "A B 1 2"), groups numbered a), b) over "-"
 * items. Each case: the clean table gives no error finding; one changed cell gives the right code at that cell, first.
 *
 * The table: A TT | B Tên dự án | C Đơn vị chủ trì | D 2021 | E 2022 | F Tổng kinh phí | G NSĐP | H NSTW.
 */
import type { GridCell } from '../../../src/core/base/grid';
import { checkGrid, checkRecognized } from '../../../src/core/checks/sheetCheck';
import { recognizeTable } from '../../../src/core/read/recognize';
import type { Finding } from '../../../src/core/checks/findings';
import { gridOf, type Raw } from '../../helpers/gridOf';

type Row = Raw[];
const HEAD: Row[] = [
  ['PHỤ LỤC', null, null, null, null, null, null, null],
  [null, null, null, null, null, null, 'ĐVT: Triệu đồng'],
  ['TT', 'Tên dự án', 'Đơn vị chủ trì', '2021', '2022', 'Tổng kinh phí', 'NSĐP', 'NSTW'],
];
const B = (v: string | number): GridCell => ({ value: v, bold: true });
/** Items of group I (A: 1, 2) and group II (B: 1, 2), as [2021, 2022, source column]. */
const item = (tt: Raw, name: string, y1: number | null, y2: number | null, src: 'G' | 'H'): Row => {
  const t = (y1 ?? 0) + (y2 ?? 0);
  return [tt, name, 'Sở TT&TT', y1, y2, t, src === 'G' ? t : null, src === 'H' ? t : null];
};
const sums = (label: Raw, tt: Raw, v: (number | null)[]): Row => [tt === null ? null : B(tt as string), B(label as string), null, ...v.map((x) => (x === null ? null : B(x)))];
const G1 = [150, 250, 400, 300, 100];
const G2 = [15, 20, 35, 30, 5];
const TOT = [165, 270, 435, 330, 105];
const BLANK = [null, null, null, null, null];
const items1 = (tt: (i: number) => Raw): Row[] => [item(tt(0), 'Mua sắm thiết bị', 100, 200, 'G'), item(tt(1), 'Nâng cấp mạng', 50, 50, 'H')];
const items2 = (tt: (i: number) => Raw): Row[] => [item(tt(0), 'Phần mềm một cửa', 10, 20, 'G'), item(tt(1), 'Chữ ký số', 5, null, 'H')];
const n = (i: number): number => i + 1;

interface Case { name: string; body: Row[]; /** changed cell → [value, code expected first at that cell] */ alter: [string, number, string][] }

/** Body rows start at sheet row 4. */
const CASES: Case[] = [
  {
    name: '"Cộng" closing each group, group heading rows blank',
    body: [sums('Xây dựng hạ tầng', 'I', BLANK), ...items1(n), sums('Cộng', null, G1),
      sums('Phát triển dữ liệu', 'II', BLANK), ...items2(n), sums('Cộng', null, G2), sums('Tổng cộng', null, TOT)],
    alter: [['E7', 260, 'GROUP_SUBTOTAL'], ['D5', 110, 'ROW_YEARS_SUM'], ['F12', 436, 'GRAND_TOTAL'], ['E11', 21, 'GROUP_SUBTOTAL']],
  },
  {
    name: '"Cộng nhóm I" / "Cộng nhóm II" labels',
    body: [sums('Xây dựng hạ tầng', 'I', BLANK), ...items1(n), sums('Cộng nhóm I', null, G1),
      sums('Phát triển dữ liệu', 'II', BLANK), ...items2(n), sums('Cộng nhóm II', null, G2), sums('Tổng cộng', null, TOT)],
    alter: [['E7', 260, 'GROUP_SUBTOTAL'], ['D9', 11, 'ROW_YEARS_SUM'], ['D12', 166, 'GRAND_TOTAL']],
  },
  {
    name: '"Cộng" closing each group, no "Tổng cộng" row',
    body: [sums('Xây dựng hạ tầng', 'I', BLANK), ...items1(n), sums('Cộng', null, G1),
      sums('Phát triển dữ liệu', 'II', BLANK), ...items2(n), sums('Cộng', null, G2)],
    alter: [['E11', 21, 'GROUP_SUBTOTAL'], ['D9', 11, 'ROW_YEARS_SUM']],
  },
  {
    name: '"Cộng" closing each group whose heading row states the same figures',
    body: [sums('Xây dựng hạ tầng', 'I', G1), ...items1(n), sums('Cộng', null, G1),
      sums('Phát triển dữ liệu', 'II', G2), ...items2(n), sums('Cộng', null, G2), sums('Tổng cộng', null, TOT)],
    alter: [['E7', 260, 'GROUP_SUBTOTAL'], ['E4', 260, 'GROUP_SUBTOTAL'], ['F12', 436, 'GRAND_TOTAL']],
  },
  {
    name: '"Cộng" closing each group whose heading row states only the total',
    body: [sums('Xây dựng hạ tầng', 'I', [null, null, 400, null, null]), ...items1(n), sums('Cộng', null, G1),
      sums('Phát triển dữ liệu', 'II', [null, null, 35, null, null]), ...items2(n), sums('Cộng', null, G2), sums('Tổng cộng', null, TOT)],
    alter: [['E7', 260, 'GROUP_SUBTOTAL'], ['F4', 401, 'GROUP_SUBTOTAL'], ['D9', 11, 'ROW_YEARS_SUM']],
  },
  {
    name: 'groups a), b) over "-" items',
    body: [sums('Xây dựng hạ tầng', 'a)', G1), ...items1(() => '-'), sums('Phát triển dữ liệu', 'b)', G2), ...items2(() => '-'),
      sums('Tổng cộng', null, TOT)],
    alter: [['E4', 260, 'GROUP_SUBTOTAL'], ['D5', 110, 'ROW_YEARS_SUM'], ['D10', 166, 'GRAND_TOTAL']],
  },
  {
    name: 'groups I, II over "-" items',
    body: [sums('Xây dựng hạ tầng', 'I', G1), ...items1(() => '-'), sums('Phát triển dữ liệu', 'II', G2), ...items2(() => '-'),
      sums('Tổng cộng', null, TOT)],
    alter: [['E4', 260, 'GROUP_SUBTOTAL'], ['D8', 11, 'ROW_YEARS_SUM'], ['D10', 166, 'GRAND_TOTAL']],
  },
  {
    name: 'group I over sub-groups a), b) over items restarting at 1',
    body: [sums('Chính quyền số', 'I', TOT), sums('Xây dựng hạ tầng', 'a)', G1), ...items1(n), sums('Phát triển dữ liệu', 'b)', G2),
      ...items2(n), sums('Tổng cộng', null, TOT)],
    alter: [['E5', 260, 'GROUP_SUBTOTAL'], ['D9', 11, 'ROW_YEARS_SUM'], ['F4', 436, 'GROUP_SUBTOTAL']],
  },
  {
    name: 'groups numbered 1, 2 (no lead unit of their own) over items 1.1, 1.2',
    body: [sums('Xây dựng hạ tầng', 1, G1), ...items1((i) => `1.${i + 1}`), sums('Phát triển dữ liệu', 2, G2), ...items2((i) => `2.${i + 1}`),
      sums('Tổng cộng', null, TOT)],
    alter: [['E4', 260, 'GROUP_SUBTOTAL'], ['D8', 11, 'ROW_YEARS_SUM'], ['F10', 436, 'GRAND_TOTAL']],
  },
  {
    name: 'an item split into sub-items 1.1, 1.2 that name no lead unit (the item does)',
    body: [sums('Xây dựng hạ tầng', 'I', G1), item(1, 'Mua sắm thiết bị', 100, 200, 'G'),
      ['1.1', 'Thiết bị mạng', null, 60, 120, 180, 180, null], ['1.2', 'Máy chủ', null, 40, 80, 120, 120, null],
      item(2, 'Nâng cấp mạng', 50, 50, 'H'), sums('Phát triển dữ liệu', 'II', G2), ...items2(n), sums('Tổng cộng', null, TOT)],
    alter: [['E6', 130, 'ROW_YEARS_SUM'], ['F12', 436, 'GRAND_TOTAL']],
  },
  {
    name: 'a column-number row "(1) (2) … (6)=(4)+(5)"',
    body: [['(1)', '(2)', '(3)', '(4)', '(5)', '(6)=(4)+(5)', '(7)', '(8)'], sums('Xây dựng hạ tầng', 'I', G1), ...items1(n),
      sums('Phát triển dữ liệu', 'II', G2), ...items2(n), sums('Tổng cộng', null, TOT)],
    alter: [['E8', 21, 'GROUP_SUBTOTAL'], ['D6', 110, 'ROW_YEARS_SUM']],
  },
  {
    name: 'a column-number row "A B C 1 2 3=1+2 … " with an ellipsis "(9)=(4)+...+(8)"',
    body: [['A', 'B', 'C', '1', '2', '3=1+...+2', '4', '5'], sums('Xây dựng hạ tầng', 'I', G1), ...items1(n),
      sums('Phát triển dữ liệu', 'II', G2), ...items2(n), sums('Tổng cộng', null, TOT)],
    alter: [['E8', 21, 'GROUP_SUBTOTAL']],
  },
];

const grid = (body: Row[]): ReturnType<typeof gridOf> => gridOf([...HEAD, ...body], 'Phụ lục');
const errors = (fs: Finding[]): string[] => fs.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}${f.causedBy ? `<-${f.causedBy}` : ''}`);

function withCell(body: Row[], addr: string, v: number): Row[] {
  const m = /^([A-H])(\d+)$/.exec(addr)!;
  const out = body.map((r) => [...r]);
  const old = out[parseInt(m[2], 10) - 4][m[1].charCodeAt(0) - 65];
  out[parseInt(m[2], 10) - 4][m[1].charCodeAt(0) - 65] = old && typeof old === 'object' ? { ...old, value: v } : v;
  return out;
}

describe('office layouts of seed 000\'s appendix', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('clean: no error finding — %s', (_n, c) => {
    const r = checkGrid(grid(c.body));
    expect(r.recognized).toBe(true);
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'NUMBERING' || f.code === 'MISSING_FIELD').map((f) => f.cell)).toEqual([]);
  });

  it.each(CASES.flatMap((c) => c.alter.map(([cell, v, code]) => [c.name, cell, v, code, c] as const)))(
    'changed: %s — %s = %d gives %s there first, every other error caused by it',
    (_n, cell, v, code, c) => {
      const fs = errors(checkGrid(grid(withCell(c.body, cell, v))).findings);
      expect(fs[0]).toBe(`${code}@${cell}`);
      for (const f of fs.slice(1)) expect(f).toMatch(new RegExp(`@${cell}$|<-${cell}$`));
    },
  );
});

describe('two appendices one under the other on one sheet', () => {
  const table2: Row[] = [
    [null], ['PHỤ LỤC 02'], [null, null, null, null, null, null, 'ĐVT: Triệu đồng'],
    ['TT', 'Tên dự án', 'Đơn vị chủ trì', '2021', '2022', 'Tổng kinh phí', 'NSĐP', 'NSTW'],
    sums('Phát triển dữ liệu', 'I', G2), ...items2(n), sums('Tổng cộng', null, G2),
    [null, 'Trong đó:'], [null, 'Tổng nguồn sự nghiệp địa phương', null, 10, 20, 30],
  ];
  const body = [sums('Xây dựng hạ tầng', 'I', G1), ...items1(n), sums('Tổng cộng', null, G1), ...table2];
  // Rows: table 1 at 4-7; table 2's header at 11, group 12, items 13-14, total 15, "Trong đó" 16-17.
  it('each table is read on its own: no error; both tables\' items counted', () => {
    const r = checkGrid(grid(body));
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual([]);
    expect(r.summary).toMatchObject({ items: 4, groups: 2, errors: 0 });
  });
  it.each([['E5', 210, 'ROW_YEARS_SUM'], ['E13', 21, 'ROW_YEARS_SUM'], ['F15', 36, 'GRAND_TOTAL'], ['D17', 11, 'BREAKDOWN']])(
    '%s = %d: %s there first, every other error caused by it', (cell, v, code) => {
      const fs = errors(checkGrid(grid(withCell(body, cell, v))).findings);
      expect(fs[0]).toBe(`${code}@${cell}`);
      for (const f of fs.slice(1)) expect(f).toMatch(new RegExp(`@${cell}$|<-${cell}$`));
    });
});

describe('two appendices on one sheet, read as the command line reads (rows let go once read)', () => {
  it('the second table is still checked', () => {
    const rows: Row[] = [...HEAD, sums('Xây dựng hạ tầng', 'I', G1), ...items1(n), sums('Tổng cộng', null, G1), [null], ...HEAD,
      sums('Phát triển dữ liệu', 'I', G2), ...items2(n), sums('Tổng cộng', null, [15, 21, 35, 30, 5])];
    const g = gridOf(rows, 'Phụ lục');
    const rec = recognizeTable(g, { release: true });
    expect(errors(checkRecognized(g, rec).findings)).toEqual(['GRAND_TOTAL@E15']);
  });
});

describe('a "Cộng" row and its group\'s heading row both stating a figure', () => {
  it('the one that differs from the other and from the children is named, with both figures', () => {
    const body = [sums('Xây dựng hạ tầng', 'I', [null, null, 401, null, null]), ...items1(n), sums('Cộng', null, G1),
      sums('Phát triển dữ liệu', 'II', G2), ...items2(n), sums('Cộng', null, [15, 21, 35, 30, 5]), sums('Tổng cộng', null, TOT)];
    const fs = checkGrid(grid(body)).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => [f.code, f.cell, f.expected, f.actual, f.message])).toEqual([
      ['GROUP_SUBTOTAL', 'F4', '400', '401', 'Dòng nhóm I: Tổng kinh phí ghi 401 nhưng dòng "Cộng" của nhóm I ghi 400 và các dòng con cộng lại 400'],
      ['GROUP_SUBTOTAL', 'E11', '20', '21', 'Dòng "Cộng" của nhóm II: năm 2022 ghi 21 nhưng dòng nhóm II ghi 20 và các dòng con cộng lại 20'],
    ]);
  });
});
