/**
 * The browser preview's workbook: the active sheet drawn as an HTML table as Excel shows it (merges, fonts, borders, number
 * formats, column widths), sheet tabs below, and the selected cell highlighted. Text is rendered as React text,
 * never as HTML.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PreviewHost } from '../../office/previewHost';
import type { GridCell } from '../../core/base/grid';
import { colLetters } from '../../core/base/a1';
import { gridWidth } from '../../core/base/grid';
import { showNumber } from '../format';
import { PreviewFile, usePreviewDrop } from './PreviewFile';
import { CellEditor } from './CellEditor';
import { GRIDLINE, cellLook, columnPx, rowPx, sheetFont, styleAt } from './previewLook';

const MAX_ROWS = 400;

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, height: '100%',
    backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium, overflow: 'hidden',
  },
  caption: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2, flexShrink: 0,
  },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0 },
  table: {
    // separate borders: with collapsed ones Chromium paints scrolled cells over the sticky row and column heads;
    // each cell draws only its right and bottom border, so lines stay one pixel wide
    borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', color: '#000',
  },
  corner: {
    position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, width: '36px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  colHead: {
    position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase, fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase100,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 2px', textAlign: 'center',
  },
  rowHead: {
    position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase100,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center', padding: '1px 2px',
  },
  cell: {
    borderRight: `1px solid ${GRIDLINE}`, borderBottom: `1px solid ${GRIDLINE}`, padding: '1px 3px', overflow: 'visible',
    whiteSpace: 'pre', cursor: 'cell',
  },
  /** text wraps only where the sheet's style says so (as in Excel; otherwise it spills over) */
  wrap: { whiteSpace: 'pre-wrap', wordBreak: 'break-word', overflow: 'hidden' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  tabs: {
    display: 'flex', gap: tokens.spacingHorizontalXXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, overflowX: 'auto',
    flexShrink: 0,
  },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderTop: 'none', backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200, cursor: 'pointer', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2,
    borderRadius: `0 0 ${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium}`,
  },
  tabActive: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
});

function display(cell: GridCell): string {
  if (cell.error) return cell.error;
  if (typeof cell.value === 'number') return showNumber(cell.value, cell.numFmt);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value ?? '';
}

export function PreviewWorkbook({ host }: { host: PreviewHost }) {
  const s = useStyles();
  const state = React.useSyncExternalStore(
    React.useCallback((f: () => void) => host.subscribe(f), [host]),
    () => host.state().version,
  );
  void state;
  const { sheets, active, selection } = host.state();
  const sheet = sheets[active];
  const { error: fileError, setError: setFileError, dropProps } = usePreviewDrop(host);
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  const scrollerRef = React.useRef<HTMLDivElement | null>(null);
  React.useEffect(() => {
    scrollerRef.current?.scrollTo({ left: 0, top: 0 });
  }, [active]);
  React.useEffect(() => {
    if (!selection || (selection.row === 0 && selection.col === 0)) return;
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selection, active]);
  if (!sheet) return null;
  const grid = sheet.grid;
  const width = Math.max(gridWidth(grid), sheet.spec?.columns.length ?? 0);
  const rows = Math.min(grid.cells.length, MAX_ROWS);
  // merges: top-left cell spans; covered cells are skipped
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of grid.merges) {
    span.set(`${m.r0},${m.c0}`, { rows: m.r1 - m.r0 + 1, cols: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const colWidth = (c: number) => columnPx(sheet, c);
  const styleOf = (r: number, c: number) => styleAt(sheet, r, c);
  const sel = selection && selection.sheet === sheet.name ? selection : undefined;
  return (
    <section className={s.root} aria-label="Sổ tính xem thử" data-testid="preview-drop" {...dropProps}>
      <div className={s.caption}>
        Sổ tính xem thử · {sheet.name}{grid.cells.length > MAX_ROWS ? ` · hiển thị ${MAX_ROWS} / ${grid.cells.length} dòng` : ''}{' '}
        <PreviewFile host={host} onError={setFileError} /> <CellEditor host={host} />
        {fileError && <div role="alert" className={s.error} data-testid="preview-file-error">{fileError}</div>}
      </div>
      <div className={s.scroller} ref={scrollerRef} tabIndex={0} role="region" aria-label={`Trang tính ${sheet.name}`}>
        <table
          className={s.table}
          role="grid"
          aria-readonly
          aria-label={sheet.name}
          data-sheet={sheet.name}
          style={{ ...sheetFont(sheet), width: 36 + Array.from({ length: width }, (_, c) => colWidth(c)).reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: 36 }} />
            {Array.from({ length: width }, (_, c) => <col key={c} style={{ width: colWidth(c) }} />)}
          </colgroup>
          <thead>
            <tr>
              <td className={s.corner} />
              {Array.from({ length: width }, (_, c) => <th key={c} className={s.colHead} scope="col">{colLetters(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: rowPx(sheet, r) }}>
                <th className={s.rowHead} scope="row">{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  const k = `${r},${c}`;
                  if (covered.has(k)) return null;
                  const cell = grid.cells[r]?.[c] ?? null;
                  const sp = span.get(k);
                  const isSel = !!sel && sel.row === r && sel.col === c;
                  const st = styleOf(r, c);
                  // without a spec (a sheet read from elsewhere) text wraps, as the widths are unknown
                  const wraps = sheet.spec ? !!st?.wrap : true;
                  return (
                    <td
                      key={c}
                      ref={isSel ? selectedRef : undefined}
                      rowSpan={sp?.rows}
                      colSpan={sp?.cols}
                      data-cell={`${colLetters(c)}${r + 1}`}
                      aria-selected={isSel || undefined}
                      onClick={() => void host.selectCell(sheet.name, r, c)}
                      style={cellLook(sheet, r, c)}
                      className={mergeClasses(
                        s.cell,
                        wraps && s.wrap,
                        typeof cell?.value === 'number' && s.num,
                        cell?.bold && s.bold,
                        cell?.italic && s.italic,
                        cell?.error && s.error,
                        isSel && s.selected,
                      )}
                    >
                      {cell ? display(cell) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className={s.tabs} aria-label="Các trang tính">
        {sheets.map((sh, i) => (
          <button
            key={sh.name}
            type="button"
            className={mergeClasses(s.tab, i === active && s.tabActive)}
            aria-current={i === active ? 'page' : undefined}
            data-sheet-tab={sh.name}
            onClick={() => host.activate(sh.name)}
          >
            {sh.name}
          </button>
        ))}
      </nav>
    </section>
  );
}
