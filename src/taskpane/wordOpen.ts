/**
 * "Mở tệp Word…": a .docx read in the browser (src/docx/readDocx.ts, inflated through the same capped
 * DecompressionStream as an .xlsx) and its appendix tables offered for a new sheet (src/app/wordImport.ts). Loaded
 * on first use only (a separate chunk: the pane's initial JS stays small).
 */
import type { WordImport } from './engine';
import { readDocx } from '../docx/readDocx';
import { preferredTable, statedFor, wordTables, wordTableSheet, type TableStatements } from '../app/wordImport';
import { inflateCapped } from './xlsxBrowser';

export async function openWord(bytes: Uint8Array, name: string): Promise<WordImport> {
  const doc = await readDocx(bytes, inflateCapped, name);
  const tables = wordTables(doc);
  const stated = new Map<number, TableStatements>();
  return {
    name, tables, preferred: preferredTable(tables),
    statedFor: (index) => stated.get(index) ?? stated.set(index, statedFor(doc, index)).get(index) as TableStatements,
    sheetSpec: (index) => wordTableSheet(doc, index),
  };
}
