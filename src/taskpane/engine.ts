/**
 * What the pane asks of the application layer, in one interface: components get an Engine as a prop (like the
 * host), so the UI never reaches into the core directly and the flows can be driven with any engine in tests.
 * coreEngine.ts implements it over src/app. Errors the user can fix are AppErrors with Vietnamese messages.
 */
import type { Grid } from '../core/base/grid';
import type { CheckResult } from '../core/checks/findings';
import type { Plan } from '../core/plan/model';
import type { SheetSpec } from '../core/layout/sheetspec';
import type { BuildRequest } from '../app/build';
import type { CellWrite, InputTemplateRequest } from '../app/input';
import type { StatedInText, TableStatements, WordTableChoice } from '../app/wordImport';

export type { StatedInText, TableStatements, WordTableChoice };

/** A Word plan opened in the pane: its appendix tables, the one to offer first, what its text states for each. */
export interface WordImport {
  name: string;
  tables: WordTableChoice[];
  preferred?: number;
  /** The text's statements that belong to the table (by WordTable.index), routed by the core as the command line does. */
  statedFor(index: number): TableStatements;
  /** The table (by WordTable.index) as a new sheet. */
  sheetSpec(index: number): SheetSpec;
}

export interface CheckOptions {
  /** the rounding tolerance as typed ("1", "0,5"); none by default */
  tolerance?: string;
  /** a total stated in the plan text, as typed by the user ("441.115") */
  statedTotal?: string;
  /** where that total was stated, for the finding's message (default: the Kiểm tra tab's field) */
  statedTotalWhere?: string;
}

export type BuildOptions = BuildRequest;
export type InputOptions = InputTemplateRequest;

export interface Engine {
  /** Checks a sheet; `others`: the sheets it pulls from (pulledSheets), so that a summary sheet is compared with them. */
  check(grid: Grid, opts: CheckOptions, others?: readonly Grid[]): CheckResult;
  /** The other sheets a sheet's formulas name (a summary sheet's appendix). */
  pulledSheets(grid: Grid): string[];
  /** "Bằng chữ" of an amount (plain decimal string) in a unit. */
  words(amount: string, unit: string): string;
  /** The amount typed by the user as a plain decimal string, or a Vietnamese reason it cannot be read. */
  readAmount(text: string): { value: string; unit?: string } | { error: string };
  /** Why a year span typed in two fields cannot be used (the one rule of the command line too), or undefined. */
  yearsProblem(from: string, to: string): string | undefined;
  /** Why a list of funding-source codes cannot be used, or undefined. */
  sourcesProblem(text: string): string | undefined;
  /** A .docx's appendix tables (the Word code loads on demand). Throws with a Vietnamese reason for a bad file. */
  openWord(bytes: Uint8Array, name: string): Promise<WordImport>;
  /** An appendix sheet as the bytes of a Word document (the Word writer loads on demand). */
  wordBytes(spec: SheetSpec): Promise<Uint8Array>;
  /** The embedded sample plan (loaded on demand). */
  samplePlan(): Promise<Plan>;
  /** The first input sheet among `names` (active, remembered, "Nhập liệu", then the rest), read through `read`. */
  findInputSheet(names: string[], read: (name: string) => Promise<Grid>, prefs: { active?: string; remembered?: string }):
    Promise<{ sheet: string; grid: Grid } | undefined>;
  /** The plan of an input sheet. Throws AppError when the sheet has problems. */
  planFromInput(grid: Grid): Plan;
  /** The appendix sheet for a plan, with the user's overrides applied. Throws AppError. */
  layout(plan: Plan, opts: BuildOptions): SheetSpec;
  /** An empty input sheet ("Nhập liệu"). Throws AppError. */
  inputTemplate(opts: InputOptions): SheetSpec;
  /** The year cells of the item on `row` of an input sheet, spreading `total` over its years. Throws AppError. */
  spreadWrites(grid: Grid, row: number, total: string): CellWrite[];
  /** New TT values for an input sheet's rows. Throws AppError. */
  renumberWrites(grid: Grid): CellWrite[];
}
