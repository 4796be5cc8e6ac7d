/**
 * WorkbookHost in a plain browser: an in-memory workbook of Grids (and the SheetSpec each was drawn from),
 * used when office.js is unavailable or the page is not inside Excel. Same interface as OfficeHost, so the
 * pane runs the same flows; the UI subscribes to changes to redraw the preview grid.
 */
import type { Grid, GridCell } from '../core/base/grid';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite, PaneSettings, Selection, WorkbookHost, WriteProgress } from './host';
import { HostError } from './errors';
import { PREVIEW } from './messages';
import { freeSheetName } from '../core/layout/sheetNames';
import { specCellToGrid, specToGrid } from './specGrid';

export interface PreviewSheet {
  name: string;
  grid: Grid;
  /** The spec the sheet was drawn from (column widths, alignment, borders), when there is one. */
  spec?: SheetSpec;
}

export interface PreviewState {
  sheets: readonly PreviewSheet[];
  active: number;
  selection?: Selection;
  /** the name of the file opened into the preview; undefined while it shows the sample */
  file?: string;
  /** bumps on every change */
  version: number;
}

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;
  private sheets: PreviewSheet[];
  private active = 0;
  private sel?: Selection;
  private settings?: PaneSettings;
  private file?: string;
  private version = 0;
  private listeners = new Set<() => void>();
  /** Rows written per step when simulating a long write (progress shown in the pane). */
  stepRows = 2000;

  constructor(sheets: PreviewSheet[]) {
    this.sheets = sheets.map((s) => ({ ...s, grid: { ...s.grid, sheet: s.name } }));
  }

  static fromSpecs(specs: SheetSpec[]): PreviewHost {
    return new PreviewHost(specs.map((spec) => ({ name: spec.name, grid: specToGrid(spec), spec })));
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  state(): PreviewState {
    return { sheets: this.sheets, active: this.active, selection: this.sel, version: this.version, file: this.file };
  }

  private changed(): void {
    this.version++;
    for (const f of this.listeners) f();
  }

  private sheet(name: string): PreviewSheet {
    const s = this.sheets.find((x) => x.name.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi'));
    if (!s) throw new HostError('ItemNotFound', PREVIEW.sheetNotFound(name));
    return s;
  }

  /** Makes a sheet the active one (the preview's sheet tabs). */
  activate(name: string): void {
    this.active = this.sheets.indexOf(this.sheet(name));
    this.changed();
  }

  /** Replaces the whole workbook by sheets read from a file (the preview's "Mở tệp .xlsx"); the first is active. */
  replaceSheets(sheets: PreviewSheet[], file?: string): void {
    if (sheets.length === 0) throw new HostError('ItemNotFound', PREVIEW.noSheets);
    this.file = file;
    this.sheets = sheets.map((s) => ({ ...s, grid: { ...s.grid, sheet: s.name } }));
    this.active = 0;
    this.sel = undefined;
    this.changed();
  }

  /** Puts a value into one cell, as a user typing would (used by the e2e hook that injects an error). */
  setCellValue(sheet: string, row: number, col: number, value: GridCell['value']): void {
    const g = this.sheet(sheet).grid;
    while (g.cells.length <= row) g.cells.push([]);
    const r = g.cells[row];
    r[col] = { ...(r[col] ?? {}), value };
    delete r[col]!.formula;
    this.changed();
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async activeSheetName(): Promise<string> {
    return this.sheets[this.active]?.name ?? '';
  }

  async readSheet(name?: string): Promise<Grid> {
    const s = name ? this.sheet(name) : this.sheets[this.active];
    if (!s) throw new HostError('ItemNotFound', PREVIEW.noSheets);
    return structuredClone(s.grid);
  }

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    const s = this.sheet(sheet);
    this.active = this.sheets.indexOf(s);
    this.sel = { sheet: s.name, row, col };
    this.changed();
  }

  async selection(): Promise<Selection> {
    return this.sel ?? { sheet: this.sheets[this.active]?.name ?? '', row: 0, col: 0 };
  }

  async writeNewSheet(spec: SheetSpec, onProgress?: (p: WriteProgress) => void): Promise<string> {
    const name = freeSheetName(this.sheets.map((s) => s.name), spec.name);
    const total = spec.rows.length;
    const cells: Grid['cells'] = [];
    for (let r = 0; r < total; r += this.stepRows) {
      for (let i = r; i < Math.min(total, r + this.stepRows); i++) cells.push(spec.rows[i].cells.map((c) => specCellToGrid(c, spec)));
      onProgress?.({ rowsWritten: Math.min(total, r + this.stepRows), rowsTotal: total });
      await new Promise((res) => setTimeout(res, 0));
    }
    // the sheet appears only when complete: nothing half-written is ever visible
    this.sheets.push({ name, spec: { ...spec, name }, grid: { sheet: name, cells, merges: spec.merges.map((m) => ({ ...m })) } });
    this.active = this.sheets.length - 1;
    this.sel = { sheet: name, row: 0, col: 0 };
    this.changed();
    return name;
  }

  async writeCells(sheet: string, writes: CellWrite[]): Promise<void> {
    const s = this.sheet(sheet);
    for (const w of writes) {
      while (s.grid.cells.length <= w.row) s.grid.cells.push([]);
      const prev = s.grid.cells[w.row][w.col];
      const next = specCellToGrid(w.cell, s.spec ?? { styles: {} });
      s.grid.cells[w.row][w.col] = next ? { ...prev, ...next, ...(w.cell.t === 'formula' ? {} : { formula: undefined }) } : null;
      if (s.grid.cells[w.row][w.col]?.formula === undefined) delete s.grid.cells[w.row][w.col]?.formula;
    }
    this.changed();
  }

  /** The preview is no Excel: nothing it lacks, nothing stale. */
  async notices(): Promise<string[]> {
    return [];
  }

  async loadSettings(): Promise<PaneSettings | undefined> {
    return this.settings ? { ...this.settings } : undefined;
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.settings = { ...settings };
  }
}
