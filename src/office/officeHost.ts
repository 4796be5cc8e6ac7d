/// <reference types="office-js" />
/**
 * WorkbookHost over Office.js: every Excel call of the pane goes through here (reader, writer, selection,
 * document settings). Excel.run uses delayForCellEdit where ExcelApi 1.11 is supported, so that a user
 * editing a cell does not make the pane fail. Every round trip (context.sync, settings.saveAsync) goes
 * through the watchdog, so that one that never returns ends with a message instead of a pane that waits forever.
 */
import type { Grid } from '../core/base/grid';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite, PaneSettings, Selection, WorkbookHost, WriteProgress } from './host';
import { SETTINGS_KEY } from './host';
import { HostError, toHostError } from './errors';
import { DOING, SETTINGS_NOT_SAVED } from './messages';
import { readSheetGrid } from './readGrid';
import { DEFAULT_SYNC_TIMEOUT_MS, watchSyncs, withWatchdog, type Sync } from './sync';
import { cellToExcel, runs } from './writePlan';
import { writeSpecToNewSheet } from './writeSpec';

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;

  constructor(
    private readonly excelApi: (version: string) => boolean = (v) => Office.context.requirements.isSetSupported('ExcelApi', v),
    private readonly syncTimeoutMs = DEFAULT_SYNC_TIMEOUT_MS,
  ) {}

  /** Excel.run with a watchdog on the syncs: f must wait for each as `await sync(context.sync())`. */
  private async run<T>(doing: string, f: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    const batch = (context: Excel.RequestContext) => f(context, watchSyncs(this.syncTimeoutMs).sync);
    try {
      if (this.excelApi('1.11')) return await Excel.run({ delayForCellEdit: true }, batch);
      return await Excel.run(batch);
    } catch (e) {
      throw toHostError(e, doing);
    }
  }

  sheetNames(): Promise<string[]> {
    return this.run(DOING.readSheetNames, async (context, sync) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await sync(context.sync());
      return sheets.items.map((s) => s.name);
    });
  }

  activeSheetName(): Promise<string> {
    return this.run(DOING.findActiveSheet, async (context, sync) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await sync(context.sync());
      return ws.name;
    });
  }

  readSheet(name?: string): Promise<Grid> {
    return this.run(DOING.readSheet, async (context) => (await readSheetGrid(context, name, { excelApi: this.excelApi, syncTimeoutMs: this.syncTimeoutMs })).grid);
  }

  selectCell(sheet: string, row: number, col: number): Promise<void> {
    return this.run(DOING.selectCell, async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row, col, 1, 1).select();
      await sync(context.sync());
    });
  }

  selection(): Promise<Selection> {
    return this.run(DOING.readSelection, async (context, sync) => {
      const rg = context.workbook.getSelectedRange();
      rg.load('rowIndex,columnIndex,worksheet/name');
      await sync(context.sync());
      return { sheet: rg.worksheet.name, row: rg.rowIndex, col: rg.columnIndex };
    });
  }

  writeNewSheet(spec: SheetSpec, onProgress?: (p: WriteProgress) => void, onWarning?: (message: string) => void): Promise<string> {
    return this.run(DOING.writeNewSheet, async (context) => {
      const res = await writeSpecToNewSheet(context, spec, { excelApi: this.excelApi, syncTimeoutMs: this.syncTimeoutMs, onProgress });
      for (const w of res.warnings) onWarning?.(w);
      return res.name;
    });
  }

  writeCells(sheet: string, cells: CellWrite[]): Promise<void> {
    return this.run(DOING.writeCells, async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // vertical runs of cells in one column become one 2D write each; one round trip in all
      const byCol = new Map<number, CellWrite[]>();
      for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
      for (const [col, list] of byCol) {
        list.sort((a, b) => a.row - b.row);
        const rows: (CellWrite | undefined)[] = [];
        for (const c of list) rows[c.row] = c;
        for (const [r0, r1] of runs(rows.map((c) => (c ? 1 : undefined)))) {
          const part = rows.slice(r0, r1 + 1) as CellWrite[];
          const xs = part.map((c) => cellToExcel(c.cell, {}));
          const rg = ws.getRangeByIndexes(r0, col, part.length, 1);
          // "@" where text must stay text; null leaves the cell's own number format alone
          rg.numberFormat = xs.map((x) => [x.numFmt === '@' ? '@' : null]);
          rg.formulas = xs.map((x) => [x.value]);
        }
      }
      await sync(context.sync());
    });
  }

  async loadSettings(): Promise<PaneSettings | undefined> {
    const raw = Office.context.document.settings.get(SETTINGS_KEY) as unknown;
    if (typeof raw !== 'string' || !raw) return undefined;
    try {
      return JSON.parse(raw) as PaneSettings;
    } catch {
      return undefined; // unreadable settings are replaced on the next save
    }
  }

  saveSettings(settings: PaneSettings): Promise<void> {
    const s = Office.context.document.settings;
    s.set(SETTINGS_KEY, JSON.stringify(settings));
    const saved = new Promise<void>((resolve, reject) => {
      s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new HostError('SettingsNotSaved', SETTINGS_NOT_SAVED))));
    });
    return withWatchdog(saved, this.syncTimeoutMs);
  }
}
