/**
 * Checking a Word plan (issue 13): the document's tables and text (core/word/check.ts) with the options a user gives,
 * read as for a workbook (app/check.ts checkOptions). Both front ends call this.
 */
import type { SheetCheckOptions } from '../core/checks/sheetCheck';
import type { WordDocument } from '../core/word/document';
import { checkWordDocument } from '../core/word/check';
import { countErrors, type WorkbookCheck } from './check';

/** Every recognisable table of the document checked, the text's stated totals compared with them. */
export function checkDocument(doc: WordDocument, opts: SheetCheckOptions = {}): WorkbookCheck {
  const { results } = checkWordDocument(doc, opts);
  return { results, errors: countErrors(results.flatMap((r) => r.findings)) };
}
