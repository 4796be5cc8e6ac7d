/**
 * A hand-built SheetSpec for adapter tests that must not depend on the layout: title, header, groups of
 * items with SUM formulas, a total row — every kind of cell and style the writer handles.
 */
import type { SheetSpec, RowSpec } from '../../src/core/layout/sheetspec';

export function syntheticSpec(items: number, perGroup = 50, name = 'Phụ lục'): SheetSpec {
  const rows: RowSpec[] = [
    { cells: [{ t: 'text', v: 'PHỤ LỤC 02', s: 'title' }] },
    { cells: [{ t: 'text', v: 'DANH MỤC DỰ ÁN', s: 'title' }] },
    { height: 30, cells: [{ t: 'text', v: 'TT', s: 'head' }, { t: 'text', v: 'Tên dự án', s: 'head' }, { t: 'text', v: 'Năm 2021', s: 'head' }, { t: 'text', v: 'Tổng', s: 'head' }] },
  ];
  const roles = { header: [2], group: [] as number[], item: [] as number[], total: [] as number[], breakdown: [] as number[] };
  const groupRows: number[] = [];
  let n = 0;
  let g = 0;
  while (n < items) {
    g++;
    const gr = rows.length;
    groupRows.push(gr);
    roles.group.push(gr);
    const count = Math.min(perGroup, items - n);
    rows.push({ cells: [
      { t: 'text', v: `G${g}`, s: 'group' }, { t: 'text', v: `Nhóm ${g}`, s: 'group' },
      { t: 'formula', f: `SUM(C${gr + 2}:C${gr + 1 + count})`, s: 'groupNum' },
      { t: 'formula', f: `SUM(D${gr + 2}:D${gr + 1 + count})`, s: 'groupNum' },
    ] });
    for (let i = 1; i <= count; i++) {
      const r = rows.length;
      roles.item.push(r);
      rows.push({ cells: [
        { t: 'text', v: String(i), s: 'item' }, { t: 'text', v: `Dự án số ${n + i}`, s: 'item' },
        { t: 'num', v: String(1000 + ((n + i) % 997)), s: 'num' }, { t: 'formula', f: `C${r + 1}`, s: 'num' },
      ] });
    }
    n += count;
  }
  const tr = rows.length;
  roles.total.push(tr);
  rows.push({ cells: [
    { t: 'empty', s: 'group' }, { t: 'text', v: 'Tổng cộng', s: 'group' },
    { t: 'formula', f: groupRows.map((r) => `C${r + 1}`).join('+') || '0', s: 'groupNum' },
    { t: 'formula', f: groupRows.map((r) => `D${r + 1}`).join('+') || '0', s: 'groupNum' },
  ] });
  return {
    name,
    defaultFont: { name: 'Times New Roman', size: 12 },
    columns: [{ width: 6 }, { width: 40 }, { width: 12 }, { width: 12 }],
    rows,
    merges: [{ r0: 0, c0: 0, r1: 0, c1: 3 }, { r0: 1, c0: 0, r1: 1, c1: 3 }],
    styles: {
      title: { font: { bold: true }, h: 'center' },
      head: { font: { bold: true }, h: 'center', v: 'middle', wrap: true, border: true },
      group: { font: { bold: true }, border: true },
      groupNum: { font: { bold: true }, border: true, numFmt: '#,##0' },
      item: { border: true },
      num: { border: true, numFmt: '#,##0' },
    },
    freeze: { rows: 3, cols: 0 },
    print: {
      orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0,
      margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 },
      titleRows: { from: 2, to: 2 }, area: { r0: 0, c0: 0, r1: tr, c1: 3 }, footer: 'Trang &P/&N',
    },
    roles,
  };
}
