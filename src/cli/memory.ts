/**
 * Memory of a large check: once a sheet's table is read, its cells (~840 bytes an item row, 84 MB for 100,000
 * items) are garbage. V8 would leave them until the heap reached about four times what was alive at its last full
 * collection, which fell while the cells were being read: the checks would then run on top of them (a 100,000-item
 * appendix peaked near 320 MB instead of 275). One full collection there reclaims them, for ~60–170 ms.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** Sheets with fewer rows are not worth a full collection: their cells are a few MB. */
export const COLLECT_FROM_ROWS = 20_000;

let collect: (() => void) | null | undefined;

/**
 * V8's `gc` without starting node with --expose-gc: the flag set now, the function taken from a new context. Null
 * when this node gives none (the flag ignored): the memory is then reclaimed when V8 decides, as before.
 */
function collector(): (() => void) | null {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
  return typeof gc === 'function' ? (gc as () => void) : null;
}

/** Collects the garbage now, when a sheet of `rows` rows has just been let go and it is large enough to matter. */
export function reclaimSheet(rows: number): void {
  if (rows < COLLECT_FROM_ROWS) return;
  if (collect === undefined) collect = collector();
  collect?.();
}
