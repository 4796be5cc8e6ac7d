/**
 * Body rows → groups, items, the grand total, "Trong đó" rows and words lines. Row roles come from the TT column
 * and the labels: Roman numeral → level-1 group; a Vietnamese letter (A, B, C, D, Đ, E, G...) → level-2 group;
 * "1." followed by items restarting at 1 (or a bold number followed by a restart) → level-2 group; number → item;
 * 1.1 → sub-item; "Tổng cộng"/"TỔNG"/"Cộng" → grand total; "Trong đó:" then one row per source (mapped by its
 * label) → breakdown; "Bằng chữ: ..." → stated words; rows repeating the header (page breaks) → skipped;
 * anything else → note. The total row closes the table (unless it comes before the groups): below it only
 * "Trong đó" rows and words lines are read.
 */
import type { BreakdownRow, Group, KindRow, Item, Plan, PlanNode, StatedTotal, StatedWords } from '../plan/model';
import { capitalKindOf } from '../plan/sources';
import { foldWords } from '../text/fold';
import { newAmountCells, takeRows } from './amountCells';
import { hasAnyAmount, readRowAmounts } from './amounts';
import { cellText, isColumnNumberRow, rowIsEmpty, rowOf, type Row } from './cells';
import { mapSource } from './columns';
import { isRepeatHeader, tableHeaderAt } from './header';
import { addItem, makeItem } from './items';
import { classifyRows, numberIsGroup, rowTTs, type TTKind } from './rows';
import type { ReadState } from './state';
import { findWordsCell, readWordsLine } from './statedTotals';
import { addGroupSubtotal, closesGroup, laterHeadings } from './subtotals';
import { isTotalLabel } from './vocabulary';

/** Where the body is: its first row, the TT and name columns, and the header it may repeat. */
export interface BodyFrame {
  bodyStart: number;
  ttCol: number;
  nameCol: number;
  /** Header words per column (headerWords). */
  bandWords: Set<string>[];
  bandLen: number;
}

/** What the body has read so far. */
export interface Body {
  nodes: PlanNode[];
  curL1?: Group;
  curL2?: Group;
  lastItem?: Item;
  grandTotal?: Plan['grandTotal'];
  breakdown: BreakdownRow[];
  kindBreakdown: KindRow[];
  statedWords: StatedWords[];
  statedTotals: StatedTotal[];
  /** Rows skipped as repeated headers (page breaks). */
  repeated: number[];
  inBreakdown: boolean;
  closed: boolean;
  /** The group a "Cộng" row closed last (subtotals.ts), and whether the table closes its groups that way. */
  closedGroup?: Group;
  groupSubtotals: boolean;
  /** The header row of another table below this one's closing total, where reading stopped. */
  nextTable?: number;
}

export function readBody(s: ReadState, f: BodyFrame): Body {
  const rowsN = s.grid.cells.length;
  const firstAmountCol = s.amountCols.length > 0 ? s.amountCols[0].col : s.width;
  const b: Body = { nodes: [], breakdown: [], kindBreakdown: [], statedWords: [], statedTotals: [], repeated: [], inBreakdown: false, closed: false, groupSubtotals: false };
  const sourceCodes = s.columns.flatMap((x) => (x.role.kind === 'source' ? [x.role.code] : []));
  const tts = rowTTs(s.grid, f.bodyStart, rowsN, f.ttCol, f.nameCol);
  const roles = classifyRows(tts);
  let later: boolean[] | undefined;
  s.amountCells = newAmountCells(f.bodyStart, rowsN);
  for (let r = f.bodyStart; r < rowsN; r++) {
    // Rows above this one are read: later passes keep what they need of them (and the grid may let them go).
    takeRows(s, r);
    const row = rowOf(s.grid, r);
    if (rowIsEmpty(row)) continue;
    // Below the closing total, another table's header: this table ends here (the next one is read on its own).
    if (b.closed && tableHeaderAt(s.grid, r, s.width)) {
      b.nextTable = r;
      break;
    }
    const last = skipRepeatedHeader(s, f, b, r, row);
    if (last >= 0) {
      r = last;
      continue;
    }
    const wordsCell = findWordsCell(row);
    if (wordsCell !== undefined) {
      const w = readWordsLine(s, cellText(row[wordsCell]).normalize('NFC'), r, wordsCell);
      b.statedWords.push(w.words);
      if (w.stated) b.statedTotals.push(w.stated);
      continue;
    }
    const { tt, name } = tts[r - f.bodyStart];
    const label = rowLabel(row, firstAmountCol);
    const kind = roles[r - f.bodyStart];
    const ttIsLabel = tt !== '' && kind.kind === 'other';
    const unnumbered = kind.kind === 'none' || ttIsLabel;
    if (unnumbered && /^trong do\b/.test(foldWords(label))) {
      openBreakdown(s, b, r, row, label, sourceCodes);
      continue;
    }
    if (unnumbered && closesGroup(b, label || tt, () => (later ??= laterHeadings(tts, roles))[r - f.bodyStart])) {
      addGroupSubtotal(s, b, r, label || tt);
      continue;
    }
    if (unnumbered && isTotalLabel(ttIsLabel && !name ? tt : label || tt)) {
      // A second total row (e.g. one above the groups and one below) is not an item.
      if (!b.grandTotal) addTotal(s, b, r, label || tt);
      continue;
    }
    if (b.inBreakdown && (unnumbered || kind.kind === 'bullet')) {
      if (addBreakdownRow(s, b, r, row, label, sourceCodes)) continue;
      // "- Vốn đầu tư / - Vốn sự nghiệp": a breakdown by kind of capital, not by the source columns: not an item.
      const kind = capitalKindOf(label);
      if (kind !== undefined) {
        if (hasAnyAmount(s, row)) {
          const ra = readRowAmounts(s, r, 'breakdown');
          b.kindBreakdown.push({ kind, label, amounts: ra.amounts, loc: ra.loc });
        }
        continue;
      }
    }
    // After the closing total: only "Trong đó" rows and words lines belong to the table; numbered rows
    // there are notes or another table (footnotes "1 Tỷ lệ ...", a second list on the same sheet).
    if (b.closed) continue;
    placeRow(s, b, { r, row, kind, tt, name, i: r - f.bodyStart, bodyStart: f.bodyStart, roles });
  }
  takeRows(s, b.nextTable ?? rowsN);
  return b;
}

/**
 * A header repeated after a page break (with the sub-header and column-number rows that follow it), or a lone
 * column-number row: the last row it takes, or -1.
 */
function skipRepeatedHeader(s: ReadState, f: BodyFrame, b: Body, r: number, row: Row): number {
  if (isRepeatHeader(row, f.bandWords, f.ttCol)) {
    b.repeated.push(r);
    const rowsN = s.grid.cells.length;
    for (let k = 1; k < f.bandLen + 1 && r + 1 < rowsN; k++) {
      const nx = rowOf(s.grid, r + 1);
      if (!isRepeatHeader(nx, f.bandWords, f.ttCol, true) && !isColumnNumberRow(nx, f.ttCol)) break;
      r++;
      b.repeated.push(r);
    }
    return r;
  }
  if (isColumnNumberRow(row, f.ttCol)) {
    b.repeated.push(r);
    return r;
  }
  return -1;
}

/** The label of a row: the first text left of the amounts (a lone bullet is not one). */
function rowLabel(row: Row, firstAmountCol: number): string {
  for (let c = 0; c < Math.min(firstAmountCol, row.length); c++) {
    const t = row[c];
    if (t && typeof t.value === 'string' && t.value.trim() !== '' && !/^[-+*•–·]$/.test(t.value.trim())) {
      return t.value.normalize('NFC').trim();
    }
  }
  return '';
}

/** "Trong đó:" opens the breakdown; "Trong đó: Tổng nguồn ..." with amounts on one row is also its first row. */
function openBreakdown(s: ReadState, b: Body, r: number, row: Row, label: string, sourceCodes: string[]): void {
  b.inBreakdown = true;
  const rest = label.replace(/^\s*trong\s+đó\s*[:：]?\s*/iu, '').trim();
  if (rest === '' || !hasAnyAmount(s, row)) return;
  const code = mapSource(s, rest, sourceCodes);
  if (code === undefined) return;
  const ra = readRowAmounts(s, r, 'breakdown');
  b.breakdown.push({ sourceCode: code, label: rest, amounts: ra.amounts, loc: ra.loc });
}

/** One row of a "Trong đó" list, when its label names a source and it has amounts. */
function addBreakdownRow(s: ReadState, b: Body, r: number, row: Row, label: string, sourceCodes: string[]): boolean {
  const code = mapSource(s, label, sourceCodes);
  if (code === undefined || !hasAnyAmount(s, row)) return false;
  const ra = readRowAmounts(s, r, 'breakdown');
  b.breakdown.push({ sourceCode: code, label, amounts: ra.amounts, loc: ra.loc });
  return true;
}

function addTotal(s: ReadState, b: Body, r: number, label: string): void {
  const ra = readRowAmounts(s, r, 'total');
  b.grandTotal = { amounts: ra.amounts, loc: ra.loc, label };
  b.inBreakdown = false;
  // A total row closes the table unless it comes first (some tables put "Tổng số" above the groups).
  if (b.nodes.length > 0) b.closed = true;
}

interface BodyRow {
  r: number;
  row: Row;
  kind: TTKind;
  tt: string;
  name: string;
  /** index of the row in roles */
  i: number;
  bodyStart: number;
  roles: readonly TTKind[];
}

function addGroup(s: ReadState, b: Body, x: BodyRow, level: 1 | 2): void {
  const ra = readRowAmounts(s, x.r, 'group');
  const g: Group = { kind: 'group', level, tt: x.tt, name: x.name, children: [], stated: ra.amounts, loc: ra.loc };
  if (level === 1) {
    b.nodes.push(g);
    b.curL1 = g;
    b.curL2 = undefined;
  } else {
    (b.curL1 ? b.curL1.children : b.nodes).push(g);
    b.curL2 = g;
  }
  b.lastItem = undefined;
  b.inBreakdown = false;
}

/** A group, item or sub-item row (or a note, which is skipped). */
function placeRow(s: ReadState, b: Body, x: BodyRow): void {
  switch (x.kind.kind) {
    case 'roman':
      addGroup(s, b, x, 1);
      return;
    case 'letter':
    case 'number': {
      if (x.kind.kind === 'letter' || numberIsGroup(s.grid, x.i, x.bodyStart, x.roles, x.row, b.curL1 !== undefined)) {
        addGroup(s, b, x, 2);
        return;
      }
      b.lastItem = addItem(s, x.r, x.row, x.tt, x.name, b.curL2 ?? b.curL1, b.nodes);
      b.inBreakdown = false;
      return;
    }
    case 'sub':
    case 'bullet': {
      if (letterGroup(x)) {
        addGroup(s, b, x, 2);
        return;
      }
      if (b.lastItem && !sameBullet(b.lastItem.tt, x.tt)) {
        (b.lastItem.children ??= []).push(makeItem(s, x.r, x.row, x.tt, x.name));
      } else {
        b.lastItem = addItem(s, x.r, x.row, x.tt, x.name, b.curL2 ?? b.curL1, b.nodes);
      }
      return;
    }
    case 'other':
    case 'none':
      // An untitled row with a name and amounts is an item without TT; anything else is a note.
      if (x.name !== '' && hasAnyAmount(s, x.row) && !b.inBreakdown) {
        b.lastItem = addItem(s, x.r, x.row, x.tt, x.name, b.curL2 ?? b.curL1, b.nodes);
      }
  }
}

/** A bullet's style: the marker ("-", "+"), or a lower-case letter with its mark ("a)" and "b)" are one style). */
function bulletStyle(tt: string): string | undefined {
  const t = tt.trim();
  if (/^[-+*•–·]$/.test(t)) return t;
  const m = /^[a-zđ]([.)]?)$/u.exec(t);
  return m ? `letter${m[1]}` : undefined;
}

/** "- Dự án" under "- Dự án": siblings (items of the same list), not an item and its sub-item. */
function sameBullet(prev: string, tt: string): boolean {
  const a = bulletStyle(prev);
  return a !== undefined && a === bulletStyle(tt);
}

/**
 * "a) Nhóm" over rows of another bullet ("- Dự án") or over items restarting at 1: a level-2 group. Under an item
 * ("1 | Dự án", "a) | hạng mục", "b) | ...") the letters stay sub-items.
 */
function letterGroup(x: BodyRow): boolean {
  const style = bulletStyle(x.tt);
  if (style === undefined || !style.startsWith('letter')) return false;
  for (let j = x.i + 1; j < x.roles.length && j < x.i + 50; j++) {
    const n = x.roles[j];
    if (n.kind === 'none' || n.kind === 'other') continue;
    if (n.kind === 'number') return n.value === 1;
    if (n.kind === 'bullet') {
      const ns = bulletStyle(n.text);
      return ns !== undefined && !ns.startsWith('letter');
    }
    return false;
  }
  return false;
}
