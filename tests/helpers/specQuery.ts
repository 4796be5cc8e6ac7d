/** Small lookups into a SheetSpec for the layout tests. */
import type { SheetSpec } from '../../src/core/layout/sheetspec';

export function colOfKey(spec: SheetSpec, key: string): number {
  const i = spec.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

function ttAt(spec: SheetSpec, r: number): string | undefined {
  const c = spec.rows[r].cells[colOfKey(spec, 'tt')];
  return c && c.t === 'text' ? c.v : undefined;
}

/** Row of group `groupTt`, or of item `itemTt` under it. */
export function rowOfTt(spec: SheetSpec, groupTt: string, itemTt?: string): number {
  const g = spec.roles!.group.find((r) => ttAt(spec, r) === groupTt);
  if (g === undefined) throw new Error(`no group ${groupTt}`);
  if (itemTt === undefined) return g;
  const nextGroup = spec.roles!.group.find((r) => r > g) ?? Infinity;
  const it = spec.roles!.item.find((r) => r > g && r < nextGroup && ttAt(spec, r) === itemTt);
  if (it === undefined) throw new Error(`no item ${groupTt}.${itemTt}`);
  return it;
}

/** The exact value the core gives a cell: a number's decimal string or a formula's result. */
export function expectedValues(spec: SheetSpec, r: number, key: string): string | undefined {
  const c = spec.rows[r].cells[colOfKey(spec, key)];
  if (!c) return undefined;
  if (c.t === 'num') return c.v;
  if (c.t === 'formula') return c.result;
  return undefined;
}
