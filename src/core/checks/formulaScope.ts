/**
 * The scoped cause model of a plan with formula cells (causeModel.ts, formulaBind.ts): only the constraints a scope
 * wants are built, and only the formula cells they reach are bound, so naming the cause of one wrong cell in a table
 * of 10,000 items whose totals are formulas neither builds nor binds the whole table.
 *  - A cell a formula adds that the build did not make is made on demand, with the value the whole model would give
 *    it (a blank year of an item, or a blank source of an item with sources, is 0; other blanks are not cells).
 *  - A formula that is not a plain sum is bound to its own row's sum: every constraint of that row is built too
 *    (in table order, as in the whole model), then left out unless the scope wants it.
 *  - A partial constraint (its residual known, built over the scope's rows only) is built over the rows whose
 *    formulas lead to those rows too, and its own row, then projected onto the scope's rows: its coefficient at
 *    every cell the search tries is the whole model's.
 */
import { ZERO, type Dec } from '../base/decimal';
import type { FieldKey, Plan, PlanNode, RowAmounts } from '../plan/model';
import type { FindingCode } from './findings';
import type { Constraint, Scope } from './causeBuilder';
import { Binder, type CellAt, type FormulaIndex, type Projection } from './formulaBind';

/** What the scoped build gives: its cells (and a way to add one) and its constraints. */
export interface Built {
  cells: Map<number, { key: number; row: number; col: number | undefined; value: Dec }>;
  constraints: Constraint[];
  cell(row: number, field: FieldKey, value: Dec | undefined, code: FindingCode): number;
  key(row: number, field: FieldKey): number | undefined;
  /** Adds the constraints another scope wants (false: the plan cannot be modelled). */
  more(scope: Scope): boolean;
}

/** A row the plan read: its amounts, whether it is a leaf item, and the code of a cause found on it. */
interface RowOf {
  /** Read when asked for: an item read from a sheet makes its amounts at each read (plan/model.ts AMOUNTS_ON_DEMAND). */
  amounts: () => RowAmounts;
  leaf: boolean;
  code: FindingCode;
}

const isParent = (n: PlanNode): boolean => Array.isArray(n.children) && n.children.length > 0;

/** Sheet row → what the plan read there; column → field. Built once per plan. */
export class PlanRows {
  readonly rows = new Map<number, RowOf>();
  readonly fieldOf = new Map<number, FieldKey>();

  constructor(plan: Plan, readonly index: FormulaIndex) {
    for (const [f, c] of Object.entries(plan.sheet?.columns ?? {})) if (c !== undefined) this.fieldOf.set(c, f as FieldKey);
    const walk = (nodes: PlanNode[] | undefined): void => {
      for (const n of nodes ?? []) {
        const leaf = n.kind === 'item' && !isParent(n);
        if (n.loc && (n.kind === 'group' ? n.stated : n.kind === 'item')) {
          const amounts = n.kind === 'group' ? () => n.stated! : () => n.amounts;
          this.rows.set(n.loc.row, { amounts, leaf, code: leaf ? 'ROW_YEARS_SUM' : 'GROUP_SUBTOTAL' });
        }
        walk(n.children);
      }
    };
    walk(plan.nodes);
    const gt = plan.grandTotal;
    if (gt?.loc) this.rows.set(gt.loc.row, { amounts: () => gt.amounts, leaf: false, code: 'GRAND_TOTAL' });
    for (const r of [...(plan.breakdown ?? []), ...(plan.kindBreakdown ?? [])]) {
      if (r.loc) this.rows.set(r.loc.row, { amounts: () => r.amounts, leaf: false, code: 'BREAKDOWN' });
    }
  }

  /** The model cell at a position, made when the whole model would hold one there. */
  cellAt(b: Built): CellAt {
    return (row, col) => {
      const field = this.fieldOf.get(col);
      if (field === undefined) return undefined;
      const k = b.key(row, field);
      if (k !== undefined) return k;
      const r = this.rows.get(row);
      if (!r) return undefined;
      const a = r.amounts();
      let v: Dec | undefined;
      let held = false;
      if (field.startsWith('year:')) {
        v = a.years?.[parseInt(field.slice(5), 10)];
        held = r.leaf;
      } else if (field.startsWith('source:')) {
        v = a.sources?.[field.slice(7)];
        held = r.leaf && Object.keys(a.sources ?? {}).length > 0;
      } else if (field === 'total' || field === 'annual' || field === 'totalInvestment') {
        v = a[field];
      } else {
        return undefined;
      }
      if (v === undefined && !held) return undefined;
      const code: FindingCode = r.leaf && (field.startsWith('source:') || field === 'annual') ? 'ROW_SOURCES_SUM' : r.code;
      return b.cell(row, field, v ?? ZERO, code);
    };
  }
}

/**
 * The constraints `scope` wants with formula cells bound, or null when the plan cannot be modelled. `build` builds
 * the constraints a scope wants (causeModel.ts, causeBuilder.ts).
 */
export function boundModel(rowsOf: PlanRows, scope: Scope, build: (s: Scope) => Built | null): Built | null {
  const ix = rowsOf.index;
  const only = scope.rows;
  // The rows whose terms a partial constraint keeps (the scope's, those whose formulas lead there) and its own.
  const reach = only ? ix.reaching(only) : undefined;
  const proj: Projection | undefined = only && reach ? { rows: only, reach } : undefined;
  const partial = (c: Constraint): boolean => !!proj && (c.residual !== undefined || c.span === undefined);
  // Rows (an item's) and positions (any other row's: one constraint there holds its cell) built for their formulas.
  const extra = new Set<number>();
  const inner = (wanted: (row: number, col: number | undefined) => boolean, base: Scope | undefined): Scope => ({
    wants: (code, row, col, field, span) => (base?.wants(code, row, col, field, span) ?? false) || (wanted(row, col) && !scope.wants(code, row, col, field, span)),
    atRow: (row) => (base?.atRow(row) ?? false) || wanted(row, undefined),
    ...(scope.known ? { known: scope.known } : {}),
    ...(reach ? { rows: reach, ownRow: true } : {}),
  });
  const b = build(inner(() => false, scope));
  if (!b) return null;
  const binder = new Binder(ix, b.cells, rowsOf.cellAt(b), proj);
  for (;;) {
    const more = new Set(ownSums(rowsOf, binder, b, proj, partial, extra));
    if (more.size === 0) break;
    for (const r of more) extra.add(r);
    if (!b.more(inner((row, col) => more.has(row) || (col !== undefined && more.has(-1 - pos(row, col))), undefined))) return null;
  }
  const bound = binder.bind(b.constraints, partial);
  b.constraints = bound.filter((c) => scope.wants(c.code, c.row, c.col, c.field, c.span));
  return b;
}

const pos = (r: number, c: number): number => r * 16384 + c;

/**
 * The formula cells the constraints reach that are not plain sums, and whose own sum is not built: their item row
 * (a row sum holds several of its cells), or -1 - their position (another row's sum holds its own cell only).
 */
function ownSums(rowsOf: PlanRows, binder: Binder, b: Built, proj: Projection | undefined, partial: (c: Constraint) => boolean,
  extra: Set<number>): number[] {
  const have = new Set<number>();
  for (const c of b.constraints) if (c.col !== undefined) have.add(pos(c.row, c.col));
  const out = new Set<number>();
  const seen = [new Set<number>(), new Set<number>()];
  const visit = (k: number, p: Projection | undefined): void => {
    const s = seen[p ? 1 : 0];
    if (s.has(k)) return;
    const cell = b.cells.get(k)!;
    if (p && !p.reach.has(cell.row)) return;
    s.add(k);
    if (!binder.isFormula(k)) return;
    const d = binder.def(k);
    if (d) {
      for (const x of d.keys()) visit(x, p);
      return;
    }
    const at = rowsOf.rows.get(cell.row)?.leaf ? cell.row : -1 - pos(cell.row, cell.col!);
    if (!extra.has(at) && (at >= 0 || !have.has(pos(cell.row, cell.col!)))) out.add(at);
  };
  for (const c of b.constraints) {
    const p = partial(c) ? proj : undefined;
    for (const k of c.terms.keys()) visit(k, p);
  }
  return [...out];
}
