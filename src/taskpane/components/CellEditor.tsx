/**
 * The preview's formula bar: the selected cell's address and content; typing and Enter puts the text into the
 * cell as Excel with the vi-VN locale would (a Vietnamese figure such as "1.234" or "4.967,667" becomes a number,
 * anything else stays text, "=…" included; empty clears: typedValue.ts). Escape restores the cell's content.
 */
import * as React from 'react';
import { Input } from '@fluentui/react-components';
import type { PreviewHost } from '../../office/previewHost';
import type { GridCell } from '../../core/base/grid';
import { colLetters } from '../../core/base/a1';
import { parseTyped } from '../typedValue';

function shown(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  if (cell.formula) return `=${cell.formula}`;
  if (typeof cell.value === 'number') return String(cell.value).replace('.', ',');
  return cell.value === null ? '' : String(cell.value);
}

export function CellEditor({ host }: { host: PreviewHost }) {
  const { sheets, active, selection, version } = host.state();
  const sheet = sheets[active];
  const sel = selection && sheet && selection.sheet === sheet.name ? selection : undefined;
  const current = sel ? shown(sheet.grid.cells[sel.row]?.[sel.col]) : '';
  const [text, setText] = React.useState(current);
  React.useEffect(() => setText(current), [current, version]);
  if (!sel) return null;
  const address = `${colLetters(sel.col)}${sel.row + 1}`;
  return (
    <Input
      size="small"
      data-testid="cell-editor"
      aria-label={`Nội dung ô ${address}`}
      contentBefore={<span>{address}</span>}
      value={text}
      onChange={(_, d) => setText(d.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') host.setCellValue(sheet.name, sel.row, sel.col, parseTyped(text));
        if (e.key === 'Escape') setText(current);
      }}
    />
  );
}
