/** An item row → Item: its amounts and its descriptive fields (status, lead, objective, period...). */
import { AMOUNTS_ON_DEMAND, type Group, type Item, type PlanNode, type RowAmounts, type RowLoc, type YearSpan } from '../plan/model';
import { readItemAmounts } from './amounts';
import type { ItemAmounts } from './itemAmounts';
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
 * an item, 4 MB on a 100,000-row sheet).
 *
 * Its amounts stay in the sheet's compact store (itemAmounts.ts): `amounts` is an own, enumerable accessor that makes
 * them afresh at each read — the same records and Decs the reader would have kept — so a copy (`{ ...item }`), JSON
 * and deep equality see an ordinary Item. The store and the row's index there are not enumerable. The item's totals
 * are computed again when asked for, not kept (AMOUNTS_ON_DEMAND, plan/totals.ts).
 */
class ReadItem {
  readonly kind = 'item';
  declare readonly amounts: RowAmounts;
  declare readonly [AMOUNTS_ON_DEMAND]: true;
  declare private readonly store: ItemAmounts;
  declare private readonly at: number;

  constructor(readonly tt: string, readonly name: string, store: ItemAmounts, at: number, readonly loc: RowLoc) {
    Object.defineProperty(this, 'store', { value: store });
    Object.defineProperty(this, 'at', { value: at });
    Object.defineProperty(this, 'amounts', AMOUNTS);
  }

  static amountsOf(this: void, item: ReadItem): RowAmounts {
    return item.store.amounts(item.at);
  }
}
Object.defineProperty(ReadItem.prototype, AMOUNTS_ON_DEMAND, { value: true });

/** One accessor for every item (one shape for all of them). */
const AMOUNTS: PropertyDescriptor = {
  get(this: ReadItem): RowAmounts {
    return ReadItem.amountsOf(this);
  },
  enumerable: true,
};

/** Reads an item row (amounts and descriptive fields) into an Item. */
export function makeItem(s: ReadState, r: number, row: Row, tt: string, name: string): Item {
  const { at, loc } = readItemAmounts(s, r);
  const item = new ReadItem(tt, name, s.itemAmounts!, at, loc) as unknown as Item;
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
  const item = makeItem(s, r, row, tt, name);
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
