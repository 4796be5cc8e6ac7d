/// <reference types="office-js" />
/**
 * WorkbookHost over Office.js: every Excel call of the pane goes through here (reader, writer, selection,
 * document settings). Excel.run uses delayForCellEdit where ExcelApi 1.11 is supported, so that a user
 * editing a cell does not make the pane fail; below it (Office 2019) the InvalidOperation Excel then gives is
 * reported as "đang sửa ô". Every round trip (context.sync, settings.saveAsync) goes through the watchdog, and so
 * does the whole Excel.run (an idle watchdog: a run that does not start, or whose own final sync never returns,
 * ends with a message instead of a pane that waits forever). On Excel on the web the writer's request budget is
 * smaller. notices() tells the pane what this Excel lacks and what the last read found (manual calculation,
 * cells far outside the table).
 */
import type { Grid } from '../core/base/grid';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite, PaneSettings, Selection, WorkbookHost, WriteProgress } from './host';
import { SETTINGS_KEY } from './host';
import { missingFeatures } from './capabilities';
import { HostError, toHostError } from './errors';
import { DOING, OFFICE_ERRORS, SETTINGS_NOT_SAVED, WRITE_CELLS } from './messages';
import { readSheetGrid } from './readGrid';
import { DEFAULT_SYNC_TIMEOUT_MS, idleWatchdog, watchSyncs, withWatchdog, type Sync } from './sync';
import { queueCellWrites, queueRowReads, rowsUnchanged } from './writeCells';
import { DEFAULT_MAX_BYTES, WEB_MAX_BYTES } from './writePlan';
import { writeSpecToNewSheet } from './writeSpec';

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;

  /** what the last readSheet found worth telling (Vietnamese) */
  private readNotes: string[] = [];

  constructor(
    private readonly excelApi: (version: string) => boolean = (v) => Office.context.requirements.isSetSupported('ExcelApi', v),
    private readonly syncTimeoutMs = DEFAULT_SYNC_TIMEOUT_MS,
    private readonly onWeb: () => boolean = () => String(Office.context.diagnostics?.platform) === 'OfficeOnline',
  ) {}

  /** Excel.run under the watchdogs: f must wait for each sync as `await sync(context.sync())`. */
  private async run<T>(doing: string, f: (context: Excel.RequestContext, sync: Sync, touch: () => void) => Promise<T>): Promise<T> {
    const dog = idleWatchdog(this.syncTimeoutMs);
    const batch = (context: Excel.RequestContext) => f(context, watchSyncs(this.syncTimeoutMs, dog.touch).sync, dog.touch);
    try {
      const running = this.excelApi('1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
      // when the watchdog wins, the run's own late outcome has already been answered by the timeout message
      running.catch(() => undefined);
      return await Promise.race([running, dog.expired]);
    } catch (e) {
      throw this.hostError(e, doing);
    } finally {
      dog.stop();
    }
  }

  /** Below ExcelApi 1.11 a cell being edited makes Excel fail with InvalidOperation: say "đang sửa ô". */
  private hostError(e: unknown, doing: string): HostError {
    const err = toHostError(e, doing);
    if (err.code !== 'InvalidOperation' || this.excelApi('1.11')) return err;
    return new HostError('InvalidOperationInCellEditMode', err.message.replace(OFFICE_ERRORS.InvalidOperation, OFFICE_ERRORS.InvalidOperationInCellEditMode), e);
  }

  async notices(): Promise<string[]> {
    return [...missingFeatures(this.excelApi), ...this.readNotes];
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
    return this.run(DOING.readSheet, async (context, _sync, touch) => {
      const r = await readSheetGrid(context, name, { excelApi: this.excelApi, syncTimeoutMs: this.syncTimeoutMs, onSync: touch });
      this.readNotes = r.notes;
      return r.grid;
    });
  }

  selectCell(sheet: string, row: number, col: number): Promise<void> {
    return this.run(DOING.selectCell, async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row, col, 1, 1).select();
      await sync(context.sync());
    });
  }

  /** The active cell: getSelectedRange fails on a selection of several areas (a spread over years). */
  selection(): Promise<Selection> {
    return this.run(DOING.readSelection, async (context, sync) => {
      const rg = context.workbook.getActiveCell();
      rg.load('rowIndex,columnIndex,worksheet/name');
      await sync(context.sync());
      return { sheet: rg.worksheet.name, row: rg.rowIndex, col: rg.columnIndex };
    });
  }

  writeNewSheet(spec: SheetSpec, onProgress?: (p: WriteProgress) => void, onWarning?: (message: string) => void): Promise<string> {
    return this.run(DOING.writeNewSheet, async (context, _sync, touch) => {
      const maxRequestBytes = this.onWeb() ? WEB_MAX_BYTES : DEFAULT_MAX_BYTES;
      const res = await writeSpecToNewSheet(context, spec, { excelApi: this.excelApi, syncTimeoutMs: this.syncTimeoutMs, onProgress, maxRequestBytes, onSync: touch });
      for (const w of res.warnings) onWarning?.(w);
      return res.name;
    });
  }

  /**
   * Two round trips: the sheet's protection and (with basis, the grid the writes were computed from) the rows
   * they touch, compared; then the writes. A protected or meanwhile changed sheet gets nothing.
   */
  writeCells(sheet: string, cells: CellWrite[], basis?: Grid): Promise<void> {
    return this.run(DOING.writeCells, async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load('protection/protected');
      const reads = basis ? queueRowReads(ws, cells, basis) : null;
      await sync(context.sync());
      if (ws.protection.protected) throw new HostError('SheetProtected', `${DOING.writeCells}: ${WRITE_CELLS.sheetProtected(sheet)}`);
      if (reads && basis && !rowsUnchanged(reads, basis)) throw new HostError('ChangedMeanwhile', `${DOING.writeCells}: ${WRITE_CELLS.changedMeanwhile(sheet)}`);
      queueCellWrites(ws, cells);
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
