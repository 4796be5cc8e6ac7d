/**
 * "Tải về Word": the appendix just built, as a .docx (src/docx/writeDocx.ts, the same layout the sheet got). Loaded
 * on first use only (a separate chunk with the `docx` package: the pane's initial JS stays small).
 */
import type { SheetSpec } from '../core/layout/sheetspec';
import { writeDocx } from '../docx/writeDocx';

export function wordBytes(spec: SheetSpec): Promise<Uint8Array> {
  return writeDocx([spec]);
}
