/**
 * How Excel shows a preview sheet's cell, from the SheetSpec it was drawn from (a built appendix, or the look read
 * from an opened .xlsx): font name, size (pt → px at 100 %), bold/italic/underline, colour, alignment (Excel's
 * default vertical alignment is the bottom), wrapping, fill, and thin black borders where the style has them — the
 * light grey gridlines elsewhere. Column widths and row heights in Excel's units (1 character = the default font's
 * digit width, 7 px for Calibri 11; 1 pt = 4/3 px).
 */
import type * as React from 'react';
import type { PreviewSheet } from '../../office/previewHost';
import type { CellStyle } from '../../core/layout/sheetspec';

export const GRIDLINE = '#d4d4d4';
const LINE = '#000';
/** Excel's default row height: 15 pt (20 px) for Calibri 11. */
const DEFAULT_ROW_PT = 15;

export function styleAt(sheet: PreviewSheet, r: number, c: number): CellStyle | undefined {
  const st = sheet.spec?.rows[r]?.cells[c]?.s;
  return st ? sheet.spec?.styles[st] : undefined;
}

/** A column's width in px: Excel's characters × 7 px + 5 px padding (8.43 characters, 64 px, when unknown). */
export function columnPx(sheet: PreviewSheet, c: number): number {
  const w = sheet.spec?.columns[c]?.width ?? 8.43;
  return Math.round(w * 7 + 5);
}

/** A row's height in px, when the sheet sets one (a row grows with wrapped text otherwise). */
export function rowPx(sheet: PreviewSheet, r: number): number | undefined {
  const h = sheet.spec?.rows[r]?.height;
  return h === undefined ? undefined : Math.round((h * 4) / 3);
}

const pt = (size: number) => `${Math.round(((size * 4) / 3) * 10) / 10}px`;

/** The font every cell of the sheet starts from (the spec's default font; Calibri 11 for a sheet without one). */
export function sheetFont(sheet: PreviewSheet): React.CSSProperties {
  const f = sheet.spec?.defaultFont ?? { name: 'Calibri', size: 11 };
  return { fontFamily: family(f.name), fontSize: pt(f.size) };
}

/** A font name with the metric-compatible free fonts after it (Liberation Serif for Times New Roman…). */
function family(name: string): string {
  const serif = /times|serif|cambria|georgia/i.test(name);
  return `"${name.replace(/"/g, '')}", ${serif ? '"Liberation Serif", serif' : '"Carlito", "Liberation Sans", sans-serif'}`;
}

/**
 * The inline style of one cell: its look, and its borders. Each cell draws its right and bottom lines (the table's
 * borders are separate); a bordered cell also draws its top or left line when the cell above or to the left has none.
 */
export function cellLook(sheet: PreviewSheet, r: number, c: number): React.CSSProperties {
  const st = styleAt(sheet, r, c);
  const out: React.CSSProperties = {};
  const f = st?.font;
  if (f?.name) out.fontFamily = family(f.name);
  if (f?.size) out.fontSize = pt(f.size);
  if (f?.bold) out.fontWeight = 700;
  if (f?.italic) out.fontStyle = 'italic';
  if (f?.underline) out.textDecoration = 'underline';
  if (f?.color) out.color = `#${f.color}`;
  if (st?.fill) out.backgroundColor = `#${st.fill}`;
  if (st?.h) out.textAlign = st.h;
  out.verticalAlign = st?.v ?? 'bottom';
  if (st?.border) {
    out.borderRight = `1px solid ${LINE}`;
    out.borderBottom = `1px solid ${LINE}`;
    const top = r > 0 && !styleAt(sheet, r - 1, c)?.border;
    const left = c > 0 && !styleAt(sheet, r, c - 1)?.border;
    const shadows = [top || r === 0 ? `inset 0 1px 0 ${LINE}` : '', left || c === 0 ? `inset 1px 0 0 ${LINE}` : ''].filter(Boolean);
    if (shadows.length) out.boxShadow = shadows.join(', ');
  }
  return out;
}

export const DEFAULT_ROW_PX = Math.round((DEFAULT_ROW_PT * 4) / 3);
