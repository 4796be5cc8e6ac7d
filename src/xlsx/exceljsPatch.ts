/**
 * The one patch this project puts on exceljs internals, in one place. exceljs is pinned exactly in package.json
 * (4.4.0); tests/xlsx/exceljsPatch.test.ts fails when the installed version or the patched method changes.
 *
 * What: Worksheet.prototype._parseMergeCells(model), which the worksheet's `model` setter calls while a file
 * loads; it calls mergeCellsWithoutStyle for each range of model.mergeCells, and that creates every cell of the
 * merge. Why: a crafted file of a few kilobytes with a merge as large as the sheet ("A1:XFD1048576", 17 billion
 * cells) would exhaust the heap inside loadWorkbook, before the reader could look at it. The patched method
 * first measures each range and throws MergeTooLarge beyond MAX_MERGE_CELLS (the reader turns that into a
 * one-line Vietnamese reason); below that it calls the original unchanged.
 */
import { Workbook } from './exceljsLite';
import { PACKAGE } from '../core/base/limits';

/** Largest merged area read (cells), one merge or all of a workbook's together (PACKAGE.maxMergedCells). */
export const MAX_MERGE_CELLS = PACKAGE.maxMergedCells;

/** Thrown while loading a workbook with a merge, or merges together (`total`), over MAX_MERGE_CELLS cells. */
export class MergeTooLarge extends Error {
  constructor(readonly ref: string, readonly cells: number, readonly total = false) { super(ref); }
}

/** Merged cells read so far, per workbook being loaded. */
const mergedCells = new WeakMap<object, number>();

/** "A1:XFD1048576" → number of cells (undefined when not a range). */
export function rangeCells(ref: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const col = (t: string) => { let c = 0; for (const ch of t) c = c * 26 + ch.charCodeAt(0) - 64; return c; };
  return (Math.abs(parseInt(m[4], 10) - parseInt(m[2], 10)) + 1) * (Math.abs(col(m[3]) - col(m[1])) + 1);
}

type MergeModel = { mergeCells?: string[] };
type WorksheetProto = Record<string, unknown> & { _parseMergeCells?: (this: unknown, model: MergeModel) => void };

/** exceljs' Worksheet prototype (the class is not exported by exceljs 4.4.0: taken from a new sheet). */
export function worksheetPrototype(): WorksheetProto {
  return Object.getPrototypeOf(new Workbook().addWorksheet('x')) as WorksheetProto;
}

const INSTALLED = '__danhMucMergeGuard';

/** Installs the merge-size guard on exceljs (once; later calls do nothing). */
export function installExceljsPatch(): void {
  const proto = worksheetPrototype();
  if (proto[INSTALLED]) return;
  const original = proto._parseMergeCells;
  if (typeof original !== 'function') throw new Error('exceljs: Worksheet#_parseMergeCells is gone; see src/xlsx/exceljsPatch.ts');
  proto._parseMergeCells = function guarded(this: unknown, model: MergeModel) {
    for (const ref of model?.mergeCells ?? []) {
      const n = rangeCells(String(ref));
      if (n !== undefined && n > MAX_MERGE_CELLS) throw new MergeTooLarge(String(ref), n);
      const book = ((this as { _workbook?: object })._workbook ?? this) as object;
      const total = (mergedCells.get(book) ?? 0) + (n ?? 0);
      mergedCells.set(book, total);
      if (total > MAX_MERGE_CELLS) throw new MergeTooLarge(String(ref), total, true);
    }
    return original.call(this, model);
  };
  proto[INSTALLED] = true;
}
