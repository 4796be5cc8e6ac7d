/**
 * The two metamorphic properties over a generated workbook (layoutGen.ts), shared by the jest suite, the fixtures
 * and bench/layoutGen.bench.ts: a clean workbook gives no error finding on any sheet holding a table; a workbook
 * with one typed amount cell changed (formulas recalculated) names that cell first (the first error of the appendix,
 * every other sum error `causedBy` it) when the cell is identifiable (no other typed cell breaks exactly the same
 * sums), and gives at least one error when the change breaks a sum that another cell could explain as well.
 */
import type { Grid } from '../../src/core/base/grid';
import { checkGrid } from '../../src/core/checks/sheetCheck';
import type { Finding } from '../../src/core/checks/findings';
import { identifiable, inject, type GenBook } from './layoutRender';

export const SUMS = new Set(['ROW_YEARS_SUM', 'ROW_SOURCES_SUM', 'GROUP_SUBTOTAL', 'GRAND_TOTAL', 'BREAKDOWN', 'STATED_TOTAL']);

/** As the CLI's checkWorkbook: every sheet holding a table (the appendix must be one). */
export function errorsOf(grids: Grid[], main: number): { all: string[]; main: Finding[] } {
  const all: string[] = [];
  let mainErrors: Finding[] = [];
  grids.forEach((g, i) => {
    const r = checkGrid(g);
    const errors = r.findings.filter((f) => f.severity === 'error');
    if (i === main) mainErrors = errors;
    if (r.recognized || i === main) all.push(...errors.map((f) => `${f.code}@${g.sheet}!${f.cell ?? ''}`));
  });
  return { all, main: mainErrors };
}

export const cleanErrors = (book: GenBook): string[] => errorsOf(book.grids, book.main).all;

/** The typed amount cells a single error may be injected into, in address order. */
export function targets(book: GenBook): string[] {
  return [...book.cells.entries()].filter(([, c]) => c.typed).map(([a]) => a);
}

export interface InjectResult { addr: string; identifiable: 'unique' | 'ambiguous' | 'none'; first?: string; problem?: string }

/** Injects +delta triệu đồng into the pick-th typed amount cell; `problem` says what went wrong, if anything. */
export function injected(book: GenBook, pick: number, delta: number): InjectResult {
  const ts = targets(book);
  const addr = ts[pick % ts.length];
  const cell = book.cells.get(addr)!;
  const grids = inject(book, addr, cell.base + delta * 1000);
  const errors = errorsOf(grids, book.main).main;
  const id = identifiable(book, addr);
  const first = errors[0] ? `${errors[0].code}@${errors[0].cell ?? ''}` : undefined;
  let problem: string | undefined;
  if (id === 'unique') {
    if (errors[0]?.cell !== addr) problem = `first error ${first ?? 'none'}, expected ${addr}`;
    else {
      const bad = errors.slice(1).find((f) => SUMS.has(f.code) && f.cell !== addr && !(f.causedBy === addr || f.causedBy?.endsWith(`!${addr}`)));
      if (bad) problem = `${bad.code}@${bad.cell ?? ''} causedBy ${bad.causedBy ?? 'nothing'}, expected ${addr}`;
    }
  } else if (id === 'ambiguous' && errors.length === 0) problem = `no error for a change at ${addr}`;
  return { addr, identifiable: id, first, problem };
}
