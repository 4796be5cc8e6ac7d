/**
 * What the pane asks of the core, in one interface: components get an Engine as a prop (like the host), so the
 * UI never reaches into core modules directly and the flows can be driven with any engine in tests.
 * coreEngine.ts implements it with the real core.
 */
import type { Grid } from '../core/base/grid';
import type { CheckResult } from '../core/checks/findings';
import type { Plan, LayoutPreset, Unit } from '../core/plan/model';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { CellWrite } from '../office/host';

export interface CheckOptions {
  /** decimal string, "0" by default */
  tolerance?: string;
  /** a total stated in the plan text, as typed by the user ("441.115") */
  statedTotal?: string;
}

export interface BuildOptions {
  preset?: LayoutPreset;
  title?: string;
  attachedTo?: string;
  unit?: Unit;
  yearFrom?: number;
  yearTo?: number;
  /** funding-source codes to show, in order; empty = all of the plan's */
  sources?: string[];
}

export interface InputOptions {
  yearFrom: number;
  yearTo: number;
  sources: string[];
}

/** A Vietnamese message for the user, from a typed core error or a bad input. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export interface Engine {
  check(grid: Grid, opts: CheckOptions): CheckResult;
  /** "Bằng chữ" of an amount (plain decimal string) in a unit. */
  words(amount: string, unit: string): string;
  /** The amount typed by the user as a plain decimal string, or a Vietnamese reason it cannot be read. */
  readAmount(text: string): { value: string } | { error: string };
  /** The embedded sample plan (loaded on demand). */
  samplePlan(): Promise<Plan>;
  /** The plan of an input sheet, or undefined when the grid is not an input sheet. */
  planFromInput(grid: Grid): Plan | undefined;
  /** The appendix sheet for a plan, with the user's overrides applied. Throws UserError. */
  layout(plan: Plan, opts: BuildOptions): SheetSpec;
  /** An empty input sheet ("Nhập liệu"). */
  inputTemplate(opts: InputOptions): SheetSpec;
  /** The year cells of the item on `row` of an input sheet, spreading `total` over its years. Throws UserError. */
  spreadWrites(grid: Grid, row: number, total: string): CellWrite[];
  /** New TT values for an input sheet's rows. Throws UserError. */
  renumberWrites(grid: Grid): CellWrite[];
}
