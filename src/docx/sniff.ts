/** Telling a Word document from a workbook by its zip directory alone (cheap: nothing is inflated, no reader loaded). */
import { zipEntries, ZipLimit } from '../core/base/zipPackage';

/** True when the bytes are a zip package whose directory names word/document.xml and no workbook (a Word document, whatever its name). */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  let names: string[];
  try {
    names = zipEntries(bytes).map((e) => e.name);
  } catch (e) {
    if (e instanceof ZipLimit || e instanceof RangeError) return false;
    throw e;
  }
  return names.includes('word/document.xml') && !names.includes('xl/workbook.xml');
}
