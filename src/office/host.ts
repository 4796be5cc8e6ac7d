/**
 * The one interface between the task pane and a workbook. The pane's components receive a WorkbookHost
 * as a prop: OfficeHost (Office.js, src/office/officeHost.ts) inside Excel, PreviewHost
 * (src/office/previewHost.ts) in a plain browser on a built-in sample workbook. Nothing else in the pane
 * touches Office.js.
 */
import type { Grid } from '../core/base/grid';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite } from '../app/input';

export type { CellWrite };

export type HostKind = 'office' | 'preview';

/** A cell the user selected (0-based, absolute). */
export interface Selection {
  sheet: string;
  row: number;
  col: number;
}


/** The plan's settings kept in the workbook (Office document settings), restored on reopen. */
export interface PaneSettings {
  title?: string;
  attachedTo?: string;
  unit?: string;
  yearFrom?: number;
  yearTo?: number;
  /** Funding-source codes, e.g. ["NSĐP", "NSTW", "ĐTPT"]. */
  sources?: string[];
  preset?: string;
  /** Name of the input sheet the plan is built from. */
  inputSheet?: string;
  /** Rounding tolerance for checks, a decimal string ("0", "1"). */
  tolerance?: string;
  /** Findings the user chose to ignore ("Bỏ qua"), as "CODE|sheet|cell" keys; listed and reversible in the pane. */
  ignored?: string[];
}

export interface WriteProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  sheetNames(): Promise<string[]>;
  activeSheetName(): Promise<string>;
  /** Reads a sheet (the active one when no name is given) into the core's grid. Never writes. */
  readSheet(name?: string): Promise<Grid>;
  /** Selects one cell (activating its sheet). Navigation only: nothing is written. */
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  /** The selected cell (top-left of the selection). */
  selection(): Promise<Selection>;
  /**
   * Writes a SheetSpec into a NEW sheet with a free name derived from spec.name ("Phụ lục", "Phụ lục (2)"...),
   * activates it and returns its name. Never overwrites an existing sheet; on failure removes only the sheet it
   * created and throws a HostError with a Vietnamese message. Optional steps that fail once the sheet is complete
   * (print setup, freeze panes...) are reported through onWarning.
   */
  writeNewSheet(spec: SheetSpec, onProgress?: (p: WriteProgress) => void, onWarning?: (message: string) => void): Promise<string>;
  /**
   * Writes single cells into an existing sheet (the input sheet); text stays text. With basis (the grid the
   * writes were computed from), nothing is written when the touched rows changed since (a HostError says so);
   * a protected sheet gets nothing either.
   */
  writeCells(sheet: string, cells: CellWrite[], basis?: Grid): Promise<void>;
  /**
   * What the officer should know about this Excel and the last read (Vietnamese, one line each): features this
   * Excel lacks (Office 2019), a recalculation made because calculation is manual, cells far outside the table.
   */
  notices(): Promise<string[]>;
  loadSettings(): Promise<PaneSettings | undefined>;
  saveSettings(settings: PaneSettings): Promise<void>;
}

/** The document-settings key under which the pane keeps PaneSettings. */
export const SETTINGS_KEY = 'danhMuc.settings';
