/** The problems of reading an input sheet: each named by its cell, collected, and thrown together. */
import { a1 } from '../base/a1';
import type { Grid } from '../base/grid';
import { INPUT_MESSAGES as M } from './messages';

export interface InputProblem {
  /** A1 address, when the problem has a cell. */
  cell?: string;
  /** One Vietnamese sentence, starting with "Ô H12: ..." when there is a cell. */
  message: string;
}

/** A filled input sheet that cannot become a plan. `message` names the first problems; `problems` has them all. */
export class InputSheetError extends Error {
  constructor(public readonly problems: InputProblem[], public readonly sheet?: string) {
    super(summarizeProblems(problems));
    this.name = 'InputSheetError';
  }
}

function summarizeProblems(ps: InputProblem[]): string {
  const shown = ps.slice(0, 3).map((p) => p.message).join('; ');
  return ps.length > 3 ? M.more(shown, ps.length - 3) : shown;
}

/** One read of a grid: the problems found so far (at most `max`) and the notes that do not stop it. */
export interface ReadContext {
  grid: Grid;
  problems: InputProblem[];
  max: number;
  notes?: InputProblem[];
}

/** Record a problem of row `row` (0-based), at column `col` when given. */
export function problem(ctx: ReadContext, row: number, col: number | undefined, msg: string): void {
  if (ctx.problems.length >= ctx.max) return;
  if (col === undefined) ctx.problems.push({ message: M.atRow(row + 1, msg) });
  else {
    const cell = a1(row, col);
    ctx.problems.push({ cell, message: M.atCell(cell, msg) });
  }
}

/** Record a note (a value read one way that could be read another), while there is room. */
export function note(ctx: ReadContext, row: number, col: number, msg: string): void {
  if (!ctx.notes || ctx.notes.length >= ctx.max) return;
  const cell = a1(row, col);
  ctx.notes.push({ cell, message: M.atCell(cell, msg) });
}
