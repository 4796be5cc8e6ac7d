/** An item row → Item: its amounts and its descriptive fields (status, lead, objective, period...). */
import type { Group, Item, PlanNode, RowAmounts, RowLoc, YearSpan } from '../plan/model';
import { readRowAmounts } from './amounts';
import { cellText, type Row } from './cells';
import type { ReadState } from './state';
import type { SimpleField } from './vocabulary';

type TextField = Exclude<SimpleField, 'tt' | 'name' | 'period'> | 'sourceText';

const TEXT_FIELDS: readonly TextField[] = ['status', 'lead', 'coordinating', 'objective', 'scale', 'notes', 'code', 'sourceText'];

function fieldText(s: ReadState, row: Row, key: SimpleField | 'sourceText'): string | undefined {
  if (!s.fieldCols) {
    s.fieldCols = new Map();
    for (const k of s.columns) {
      if (k.role.kind === 'sourceText' && !s.fieldCols.has('sourceText')) s.fieldCols.set('sourceText', k.col);
      if (k.role.kind === 'field' && !s.fieldCols.has(k.role.key)) s.fieldCols.set(k.role.key, k.col);
    }
  }
  const col = s.fieldCols.get(key);
  if (col === undefined) return undefined;
  const c = row[col];
  if (!c || c.error) return undefined;
  const t = cellText(c).normalize('NFC').trim();
  return t === '' ? undefined : t;
}

/**
 * An item as read. Made by a constructor rather than a literal: V8 gives a constructor's objects room for the fields
 * added after it (status, lead, notes...) in the object itself, where a literal's go to a separate store (~40 bytes
 * an item, 4 MB on a 100,000-row sheet). Its fields are the Item's; only the prototype differs from a literal's.
 */
class ReadItem {
  readonly kind = 'item';
  constructor(readonly tt: string, readonly name: string, readonly amounts: RowAmounts, readonly loc: RowLoc) {}
}

export function makeItem(s: ReadState, row: Row, tt: string, name: string, ra: { amounts: RowAmounts; loc: RowLoc }): Item {
  const item = new ReadItem(tt, name, ra.amounts, ra.loc) as Item;
  for (const key of TEXT_FIELDS) {
    const t = fieldText(s, row, key);
    if (t) item[key] = t;
  }
  const period = parsePeriod(fieldText(s, row, 'period'));
  if (period) item.period = period;
  return item;
}

/** Reads an item row and adds it under its group (or at the top level). */
export function addItem(s: ReadState, r: number, row: Row, tt: string, name: string, parent: Group | undefined, nodes: PlanNode[]): Item {
  const ra = readRowAmounts(s, r, 'item');
  const item = makeItem(s, row, tt, name, ra);
  (parent ? parent.children : nodes).push(item);
  return item;
}

/** "2021-2025", "2021 - 2023", "2021- 2023", "2023" → span. */
export function parsePeriod(t: string | undefined): YearSpan | undefined {
  if (!t) return undefined;
  const m = /((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)/.exec(t);
  if (m) {
    const from = parseInt(m[1], 10);
    const to = parseInt(m[2], 10);
    return from <= to ? { from, to } : undefined;
  }
  const s = /^\s*(?:năm\s*)?((?:19|20)\d\d)\s*$/iu.exec(t);
  if (s) {
    const y = parseInt(s[1], 10);
    return { from: y, to: y };
  }
  return undefined;
}
