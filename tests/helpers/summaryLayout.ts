/** Layout 6 of issue 10 for the summary-sheet tests: a cover, a "Tổng hợp" sheet pulling each group's total. */
import type { SheetLayout } from './seedSheets';

const GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/**
 * A summary of `appendix` (Sóc Trăng 2021-2025): its heading, header, group rows as "='Phụ lục 02'!F7" formulas with
 * their values, and its total.
 */
export function summaryOf(appendix: SheetLayout): SheetLayout {
  const l = appendix;
  const keep = [1, 2, 3, 4, 5, 6, ...GROUPS.map((g) => l.rowOf[g]), l.rowOf.total];
  const rows = keep.map((r) => l.rows[r - 1].map((v, c) => (GROUPS.some((g) => l.rowOf[g] === r) && typeof v === 'number'
    ? { f: `'${l.name}'!${String.fromCharCode(65 + c)}${r}`, v } : v)));
  return { ...l, name: 'Tổng hợp', rows, merges: l.merges, boldRows: [], rowOf: {}, colOf: {} };
}

/** A cover sheet: two lines of text and no table. */
export function coverOf(appendix: SheetLayout): SheetLayout {
  return {
    ...appendix, name: 'Bìa', rows: [['ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG'], ['KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN']],
    merges: [], boldRows: [], rowOf: {}, colOf: {},
  };
}
