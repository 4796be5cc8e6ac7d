/**
 * What this Excel can do for the pane, by ExcelApi version (Office 2019 stops at 1.7; Office 2016 at 1.1 cannot
 * load the add-in at all, the manifest asks for 1.7): the Vietnamese notes the pane shows for features this
 * Excel lacks. docs/excel-versions.md has the same table by Excel version.
 */
import { CAPABILITY } from './messages';

/** ExcelApi minor version → what is missing below it, in the officer's words. */
const FEATURES: readonly [number, string][] = [
  [8, CAPABILITY.lists],
  [9, CAPABILITY.print],
  [9, CAPABILITY.cellFonts],
  [11, CAPABILITY.cellEdit],
  [13, CAPABILITY.merges],
];

/** The notes for the features this Excel lacks (none on a current Excel). */
export function missingFeatures(excelApi: (version: string) => boolean): string[] {
  const missing = FEATURES.filter(([minor]) => !excelApi(`1.${minor}`)).map(([, text]) => text);
  return missing.length ? [CAPABILITY.intro, ...missing] : [];
}
