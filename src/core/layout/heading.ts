/**
 * The heading above the table (Decree 30/2020/NĐ-CP): "PHỤ LỤC 02", the title in capitals, the italic
 * "(Kèm theo ...)" line, and "ĐVT: Triệu đồng" on the right; each row merged across the table.
 */
import type { Sheet } from './context';
import { mergeRow, newRow } from './context';

export function layoutHeading(s: Sheet): void {
  const { meta } = s.plan;
  const appx = newRow(s);
  appx.row.cells[0] = { t: 'text', v: meta.appendixNo ? `PHỤ LỤC ${meta.appendixNo}` : 'PHỤ LỤC', s: 'appendixNo' };
  mergeRow(s, appx.r);
  const title = newRow(s);
  title.row.cells[0] = { t: 'text', v: meta.title.toLocaleUpperCase('vi'), s: 'title' };
  mergeRow(s, title.r);
  if (meta.attachedTo) {
    const at = newRow(s);
    const t = meta.attachedTo.trim();
    at.row.cells[0] = { t: 'text', v: t.startsWith('(') && t.endsWith(')') ? t : `(${t})`, s: 'attached' };
    mergeRow(s, at.r);
  }
  const unitRow = newRow(s);
  const unitText = meta.unit.charAt(0).toLocaleUpperCase('vi') + meta.unit.slice(1);
  unitRow.row.cells[0] = { t: 'text', v: `ĐVT: ${unitText}`, s: 'unit' };
  mergeRow(s, unitRow.r);
}
