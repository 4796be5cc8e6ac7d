/**
 * Circular references among the formulas of the amount columns (FORMULA_ERROR): a total that adds itself
 * ("K8 = SUM(F8:K8)") or a ring of formulas. Excel cannot compute such a cell, so its cached value is no amount.
 *
 * The formula cells are numbered once (in the order they were taken); each formula's references become edges to
 * the formula cells they cover, found by binary search in per-column row lists, so a range costs the formula cells
 * in it, not its rows. A cell is in a ring when it reads itself or shares a strongly connected component with
 * another cell (Tarjan's algorithm, iterative, over typed arrays). Bounded work: at most MAX_STEPS references,
 * columns and edges in all; past that no more edges are added, so a huge sheet may miss a ring but never
 * reports a cell that is in none.
 */
import { a1 } from '../base/a1';
import { makeFinding } from '../checks/findings';
import { takeRows } from './amountCells';
import { eachRef } from './formulaRefs';
import { READ_MESSAGES as M } from './messages';
import type { AmountFormulas, ReadState } from './state';

/**
 * The work bound. Our own appendix costs ~14 steps an item (1.38 million at 100,000 items); a sheet of
 * PACKAGE.maxSheetRows rows laid out so needs ~2.1 million, and four times that leaves room for richer layouts. At
 * most one 4-byte edge per step: 32 MB at the bound, reached only by formulas that read whole columns of formulas.
 */
const MAX_STEPS = 8_000_000;
/** Excel's column count. */
const MAX_COLS = 1 << 14;

export function circularRefs(s: ReadState, bodyStart: number, bodyEnd = s.grid.cells.length): void {
  // Taken as the body was read (the grid's rows may be gone by now); rows from bodyEnd are another table's.
  takeRows(s, bodyEnd);
  const fs = s.amountCells?.formulas;
  if (!fs || fs.text.length === 0) return;
  const ring = ringCells(edgesOf(s, fs, bodyStart));
  const hits: number[] = [];
  for (let i = 0; i < ring.length; i++) if (ring[i] === 1) hits.push(i);
  const colOf = (i: number) => s.amountCols[fs.k[i]].col;
  hits.sort((p, q) => fs.row[p] - fs.row[q] || colOf(p) - colOf(q));
  for (const i of hits) {
    const r = fs.row[i];
    const c = colOf(i);
    const f = fs.text[i];
    s.findings.push(makeFinding('FORMULA_ERROR', M.circular(f, a1(r, c)), {
      sheet: s.sheet, row: r, col: c, actual: `=${f.slice(0, 200)}`,
    }));
  }
}

/** The graph as adjacency lists: cell i reads cells edges[off[i] .. off[i + 1]). */
interface Edges {
  off: Int32Array;
  edges: Int32Array;
}

/** Per amount column (in column order): the rows of its formula cells, ascending, and their numbers. */
function columnsOf(s: ReadState, fs: AmountFormulas): { col: number; rows: Int32Array; ids: Int32Array }[] {
  const count = new Int32Array(s.amountCols.length);
  const n = fs.text.length;
  for (let i = 0; i < n; i++) count[fs.k[i]]++;
  const lists = s.amountCols.map((ac, k) => ({ col: ac.col, rows: new Int32Array(count[k]), ids: new Int32Array(count[k]) }));
  const fill = new Int32Array(s.amountCols.length);
  for (let i = 0; i < n; i++) {
    const k = fs.k[i];
    lists[k].rows[fill[k]] = fs.row[i];
    lists[k].ids[fill[k]++] = i;
  }
  return lists.filter((x) => x.rows.length > 0).sort((p, q) => p.col - q.col);
}

/** First index in the ascending `rows` whose row is ≥ r. */
function lowerBound(rows: Int32Array, r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function edgesOf(s: ReadState, fs: AmountFormulas, bodyStart: number): Edges {
  const n = fs.text.length;
  const cols = columnsOf(s, fs);
  const off = new Int32Array(n + 1);
  let edges = new Int32Array(Math.max(16, n));
  let m = 0;
  let steps = 0;
  const add = (r0: number, c0: number, r1: number, c1: number, sheet: string | undefined) => {
    if (sheet !== undefined && sheet !== s.sheet) return;
    steps++;
    const lo = Math.max(r0, bodyStart);
    for (const x of cols) {
      if (x.col < c0 || x.col > c1 || x.col >= MAX_COLS || steps >= MAX_STEPS) continue;
      steps++;
      for (let p = lowerBound(x.rows, lo); p < x.rows.length && x.rows[p] <= r1 && steps < MAX_STEPS; p++, steps++) {
        if (m === edges.length) {
          const grown = new Int32Array(m * 2);
          grown.set(edges);
          edges = grown;
        }
        edges[m++] = x.ids[p];
      }
    }
  };
  for (let i = 0; i < n; i++) {
    off[i] = m;
    if (steps < MAX_STEPS) eachRef(fs.text[i], add);
  }
  off[n] = m;
  return { off, edges };
}

/** 1 for each cell in a ring (Tarjan's strongly connected components, iterative). */
function ringCells(g: Edges): Uint8Array {
  const n = g.off.length - 1;
  const ring = new Uint8Array(n);
  const index = new Int32Array(n); // 0: not visited yet; else 1 + visit order
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const call = new Int32Array(n);
  const cursor = new Int32Array(n);
  let sp = 0;
  let cp = 0;
  let order = 0;
  const visit = (v: number) => {
    index[v] = low[v] = ++order;
    stack[sp++] = v;
    onStack[v] = 1;
    call[cp] = v;
    cursor[cp++] = g.off[v];
  };
  for (let v0 = 0; v0 < n; v0++) {
    if (index[v0] !== 0) continue;
    visit(v0);
    while (cp > 0) {
      const v = call[cp - 1];
      const e = cursor[cp - 1];
      if (e < g.off[v + 1]) {
        cursor[cp - 1]++;
        const w = g.edges[e];
        if (w === v) ring[v] = 1;
        if (index[w] === 0) visit(w);
        else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        const top = sp;
        while (stack[--sp] !== v) onStack[stack[sp]] = 0;
        onStack[v] = 0;
        if (top - sp > 1) for (let j = sp; j < top; j++) ring[stack[j]] = 1;
      }
      cp--;
      if (cp > 0) {
        const u = call[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return ring;
}
