/**
 * A layout with a RowSink (layoutPlan(plan, opts, sink)): the body rows are handed over as soon as they are final, one
 * top-level node (a group and its rows, or an item of a flat list) at a time, so the rows of a large plan never exist
 * all at once. A body row is final when its node is laid out: its cells do not change afterwards, its amounts are
 * measured for the column widths (print.ts, seeRowAmounts) and its height depends only on the widths of the columns
 * that hold its texts, which are the text columns and the code column, whose widths are fixed (print.ts,
 * columnWidths). The heading and header rows stay in the spec: their heights need the final widths.
 */
import type { CellRange } from '../base/grid';
import type { RowStream, Sheet } from './context';
import { rowHeight, seeRowAmounts } from './print';
import type { RowSink, RowSpec } from './sheetspec';

/** The state of a layout streaming into `sink`; its body starts at `next` (set by layoutBody). */
export function rowStream(sink: RowSink, dp: number, tSize: number): RowStream {
  return { sink, dp, tSize, from: -1, next: 0, maxLen: new Map(), seen: { text: [], style: [], lines: [] } };
}

/** Width of a column that may hold a body row's text: a text column's own width, the code column's 9. */
function fixedWidth(s: Sheet, c: number): number {
  if (c >= s.cols.length) return 9;
  const col = s.cols[c];
  if (col.kind !== 'text') throw new Error(`layout: a body row has text in amount column ${c}, whose width is not known yet`);
  return col.width;
}

/**
 * Hands the rows laid out since the last call to the sink (nothing without a stream, or once a SUM overflowed: the
 * sheet is then laid out again) and drops them from s.rows.
 */
export function flushRows(s: Sheet): void {
  const st = s.stream;
  if (!st || s.overflow) return;
  const end = s.rows.length;
  if (st.next >= end) return;
  if (st.from < 0) {
    st.from = st.next;
    st.sink.begin({ styles: s.styles, rows: s.rows.slice(0, st.next), merges: s.merges });
  }
  const widthOf = (c0: number, c1: number) => { let w = 0; for (let c = c0; c <= c1; c++) w += fixedWidth(s, c); return w; };
  const mergeAt = new Map<number, CellRange>(); // keyed r × 2^14 + c, as in print.ts
  for (const m of s.merges) if (m.r1 >= st.next) mergeAt.set(m.r0 * 16384 + m.c0, m);
  const rows = s.rows.slice(st.next, end);
  rows.forEach((row, i) => {
    const r = st.next + i;
    seeRowAmounts(row, r, st.maxLen, st.dp);
    row.height = rowHeight(s, row, r, st.tSize, widthOf, mergeAt, st.seen);
  });
  st.sink.rows(st.next, rows);
  const all = s.rows as (RowSpec | undefined)[];
  for (let r = st.next; r < end; r++) all[r] = undefined;
  st.next = end;
}
