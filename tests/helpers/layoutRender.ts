/**
 * Renders a generated plan (layoutGen.ts) as a workbook of Grids, the way readGrid would give it (formula + cached
 * value), and records what the metamorphic properties need: every amount cell (its exact amount, typed or formula)
 * and the sum constraints each cell takes part in (row: years = total, sources = total; column: group = its items,
 * total = its groups, breakdown = its source's items; a stated total = the grand total).
 */
import { a1, colLetters } from '../../src/core/base/a1';
import type { CellRange, Grid, GridCell } from '../../src/core/base/grid';
import { amountToWords } from '../../src/core/text/words';
import type { GenPlan, LayoutOpts, PItem } from './layoutGen';

export interface AmountCell { base: number; typed: boolean; text: boolean }
export interface GenBook {
  grids: Grid[];
  /** index of the appendix in grids */
  main: number;
  /** amount cells of the appendix by A1 address; amounts in nghìn đồng */
  cells: Map<string, AmountCell>;
  constraints: string[][];
  unit: LayoutOpts['unit'];
  hiddenCols: number[];
  /** the cells each formula cell of the appendix adds (as the sheet means it: SUBTOTAL's items, not nested subtotals) */
  deps: Map<string, string[]>;
  /** the plan and layout, to render again after an injection */
  plan: GenPlan;
  opts: LayoutOpts;
}

type ColKind = { k: 'tt' | 'name' | 'lead' | 'code' | 'agency' | 'period' | 'notes' | 'spacer' | 'hidden' | 'capText' }
  | { k: 'year'; y: number } | { k: 'total' } | { k: 'src'; s: number } | { k: 'ti' } | { k: 'earlier' } | { k: 'annual' } | { k: 'cap'; s: number };
interface Col { kind: ColKind; path: string[] }

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const UNIT_LABEL = { 'đồng': 'Đồng', 'triệu đồng': 'Triệu đồng', 'tỷ đồng': 'Tỷ đồng' } as const;
const BD_LABEL: Record<string, string> = { NSĐP: 'Tổng nguồn sự nghiệp địa phương', NSTW: 'Tổng nguồn sự nghiệp Trung ương', ĐTPT: 'Tổng vốn Trung hạn' };

/** Exact display of an amount held in nghìn đồng, in the sheet's unit: a number, or Vietnamese text. */
export function display(base: number, unit: LayoutOpts['unit'], text: boolean): number | string {
  const neg = base < 0;
  const abs = Math.abs(base);
  const [int, frac] = unit === 'đồng' ? [abs * 1000, ''] : unit === 'triệu đồng'
    ? [Math.floor(abs / 1000), String(abs % 1000).padStart(3, '0')] : [Math.floor(abs / 1e6), String(abs % 1e6).padStart(6, '0')];
  const f = frac.replace(/0+$/, '');
  if (!text) return (neg ? -1 : 1) * Number(f ? `${int}.${f}` : `${int}`);
  if (base === 0) return '-';
  return `${neg ? '-' : ''}${String(int).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${f ? `,${f}` : ''}`;
}

function columns(p: GenPlan, o: LayoutOpts): Col[] {
  const H = o.headerRows;
  const u = o.unitInHeading ? ` (${UNIT_LABEL[o.unit]})` : '';
  const years = Array.from({ length: p.years }, (_, i) => p.firstYear + i);
  const period = `${p.firstYear}-${p.firstYear + 4}`;
  const top = H === 3 ? [`Kế hoạch vốn giai đoạn ${period}${u}`] : [];
  const amounts: Col[][] = [];
  if (p.kind === 'annual') {
    const yr = `năm ${p.firstYear}`;
    amounts.push([{ kind: { k: 'ti' }, path: [`Tổng mức đầu tư${u}`] }]);
    if (o.earlier) amounts.push([{ kind: { k: 'earlier' }, path: [`Kinh phí đã bố trí năm ${p.firstYear - 1}${u}`] }]);
    if (H === 1) amounts.push([{ kind: { k: 'annual' }, path: [`Kinh phí thực hiện ${yr}${u}`] }]);
    else {
      const head = `Kế hoạch vốn ${yr}${u}`;
      amounts.push([{ kind: { k: 'annual' }, path: [head, 'Tổng số'] },
        ...p.sources.map((s, i) => ({ kind: { k: 'cap', s: i } as ColKind, path: H === 3 ? [head, 'Trong đó', s] : [head, `${i === 0 ? 'Trong đó: ' : ''}${s}`] }))]);
    }
    if (o.order % 2 === 1) amounts.reverse();
  } else {
    const ys: Col[] = years.map((y) => ({ kind: { k: 'year', y }, path: H === 1 ? [`Năm ${y}`] : [...top, 'Dự kiến phân kỳ đầu tư', String(y)] }));
    const tot: Col[] = [{ kind: { k: 'total' }, path: H === 3 ? [...top, 'Tổng số'] : [`Tổng kinh phí dự kiến${u}`] }];
    const srcs: Col[] = p.sources.map((s, i) => ({ kind: { k: 'src', s: i }, path: H === 1 ? [`Nguồn vốn ${s}`] : [...top, 'Nguồn vốn', s] }));
    const blocks = p.kind === 'total' ? [tot, srcs] : [[ys, tot, srcs], [tot, ys, srcs], [tot, srcs, ys]][o.order % 3];
    amounts.push(...blocks);
  }
  const extras: Col[] = [
    { kind: { k: 'lead' }, path: ['Đơn vị chủ trì'] },
    ...([['code', 'Mã dự án'], ['agency', 'Cơ quan thực hiện'], ['period', 'Thời gian thực hiện'], ['notes', 'Ghi chú']] as const)
      .filter((_, i) => o.extras[i]).map(([k, l]) => ({ kind: { k } as ColKind, path: [l] })),
  ];
  if (p.kind === 'annual' && H === 1) extras.push({ kind: { k: 'capText' }, path: ['Vốn đầu tư hoặc vốn sự nghiệp'] });
  if (o.hidden) extras.push({ kind: { k: 'hidden' }, path: ['Tham chiếu'] });
  const before: Col[] = [];
  const after: Col[] = [];
  extras.forEach((c, i) => ((o.order >> (i + 2)) & 1 && c.kind.k !== 'lead' ? after : before).push(c));
  const flatAmounts = amounts.flat();
  if (o.spacer) flatAmounts.splice(Math.min(1, flatAmounts.length), 0, { kind: { k: 'spacer' }, path: [''] });
  return [{ kind: { k: 'tt' }, path: ['TT'] }, { kind: { k: 'name' }, path: ['Tên dự án'] }, ...before, ...flatAmounts, ...after];
}

/** Header rows for the columns: parents merged across, a label with nothing under it merged down. */
function header(cols: Col[], H: number, r0: number, rows: (GridCell | null)[][], merges: CellRange[]): void {
  for (let i = 0; i < H; i++) rows[r0 + i] = [];
  cols.forEach((c, j) => {
    c.path.forEach((label, lvl) => {
      const last = lvl === c.path.length - 1;
      if (!last && j > 0 && cols[j - 1].path[lvl] === label && cols[j - 1].path.length > lvl + 1) return;
      if (label) rows[r0 + lvl][j] = { value: label, bold: true };
      let j1 = j;
      if (!last) while (j1 + 1 < cols.length && cols[j1 + 1].path[lvl] === label && cols[j1 + 1].path.length > lvl + 1) j1++;
      const rr1 = last ? r0 + H - 1 : r0 + lvl;
      if (j1 > j || rr1 > r0 + lvl) merges.push({ r0: r0 + lvl, c0: j, r1: rr1, c1: j1 });
    });
  });
}

interface Ctx { p: GenPlan; o: LayoutOpts; cols: Col[]; rows: (GridCell | null)[][]; book: GenBook; sums: Map<string, number>; fixed?: Map<string, number> }

function amountOf(p: GenPlan, it: PItem, k: ColKind): number | null {
  const t = p.kind === 'annual' ? null : it.years.reduce<number>((a, b) => a + (b ?? 0), 0);
  switch (k.k) {
    case 'year': return it.years[k.y - p.firstYear] ?? null;
    case 'total': return t;
    case 'src': return it.src === k.s ? t : null;
    case 'ti': return it.ti ?? null;
    case 'earlier': return it.earlier ?? null;
    case 'annual': return it.annual ?? null;
    case 'cap': return it.capital === k.s ? it.annual ?? null : null;
    default: return null;
  }
}

const isAmount = (k: ColKind): boolean => ['year', 'total', 'src', 'ti', 'earlier', 'annual', 'cap'].includes(k.k);
/** An earlier year's allocation is shown and summed but not checked by the checker (not an amount it reads). */
const checked = (k: ColKind): boolean => isAmount(k) && k.k !== 'earlier';

function put(c: Ctx, r: number, j: number, value: number | null, opt: { formula?: string; deps?: string[]; bold?: boolean; item?: boolean }): void {
  const addr = a1(r, j);
  // Rendering again after an injection: typed cells keep what was typed, formulas recalculate (as Excel would).
  const base = opt.formula === undefined && c.fixed?.has(addr) ? c.fixed.get(addr)! : value;
  c.sums.set(addr, base ?? 0);
  if (opt.formula !== undefined) {
    if (opt.deps) c.book.deps.set(addr, opt.deps);
    c.rows[r][j] = { value: display(base ?? 0, c.o.unit, false), formula: opt.formula, numFmt: '#,##0', ...(opt.bold ? { bold: true } : {}) };
    if (checked(c.cols[j].kind)) c.book.cells.set(addr, { base: base ?? 0, typed: false, text: false });
    return;
  }
  const text = c.o.textNumbers;
  if (checked(c.cols[j].kind)) c.book.cells.set(addr, { base: base ?? 0, typed: true, text });
  if (base === null) {
    if (text && opt.item) c.rows[r][j] = { value: '-' };
    return;
  }
  const v = display(base, c.o.unit, text);
  c.rows[r][j] = typeof v === 'number' ? { value: v, numFmt: '#,##0', ...(opt.bold ? { bold: true } : {}) } : { value: v, ...(opt.bold ? { bold: true } : {}) };
}

/** Row constraints (years = total, sources = total, capital = annual) of one rendered row. */
function rowConstraints(c: Ctx, r: number): void {
  const at = (f: (k: ColKind) => boolean): string[] => c.cols.flatMap((col, j) => (f(col.kind) ? [a1(r, j)] : []));
  const total = at((k) => k.k === 'total');
  const years = at((k) => k.k === 'year');
  const srcs = at((k) => k.k === 'src');
  const ann = at((k) => k.k === 'annual');
  const caps = at((k) => k.k === 'cap');
  if (total.length && years.length) c.book.constraints.push([...total, ...years]);
  // Sources all blank or "-" are not stated (the checker says MISSING_FIELD): no sum to break.
  const stated = (xs: string[]): boolean => xs.some((x) => (c.sums.get(x) ?? 0) !== 0);
  if (total.length && srcs.length && stated(srcs)) c.book.constraints.push([...total, ...srcs]);
  if (ann.length && caps.length && stated(caps)) c.book.constraints.push([...ann, ...caps]);
}

function itemRow(c: Ctx, r: number, it: PItem, n: number, g: number): void {
  const row: (GridCell | null)[] = [];
  c.rows[r] = row;
  const colsOf = (kk: string): number[] => c.cols.flatMap((col, j) => (col.kind.k === kk ? [j] : []));
  const formulaOf = (k: ColKind): number[] | undefined => (!c.o.itemTotalFormula ? undefined
    : k.k === 'total' && colsOf('year').length > 1 ? colsOf('year') : k.k === 'annual' && colsOf('cap').length ? colsOf('cap') : undefined);
  c.cols.forEach((col, j) => {
    const k = col.kind;
    if (k.k === 'tt') row[j] = { value: n, numFmt: 'General' };
    else if (k.k === 'name') row[j] = { value: it.name };
    else if (k.k === 'lead') row[j] = { value: it.lead };
    else if (k.k === 'code') row[j] = { value: `DA-${String(g + 1).padStart(2, '0')}${String(n).padStart(2, '0')}` };
    else if (k.k === 'agency') row[j] = { value: it.lead };
    else if (k.k === 'period') row[j] = { value: `${c.p.firstYear}-${c.p.firstYear + Math.max(0, c.p.years - 1)}` };
    else if (k.k === 'notes') row[j] = n % 2 ? { value: 'Đã có chủ trương' } : null;
    else if (k.k === 'hidden') row[j] = { value: `QĐ ${100 + n}` };
    else if (k.k === 'capText') row[j] = { value: c.p.sources[it.capital ?? 0] };
    else if (isAmount(k) && !formulaOf(k)) put(c, r, j, amountOf(c.p, it, k), { item: true });
  });
  c.cols.forEach((col, j) => {
    const deps = formulaOf(col.kind);
    if (!deps) return;
    const sum = deps.reduce((a, d) => a + (c.sums.get(a1(r, d)) ?? 0), 0);
    const f = col.kind.k === 'total' ? `SUM(${a1(r, deps[0])}:${a1(r, deps[deps.length - 1])})` : `SUM(${deps.map((d) => a1(r, d)).join(',')})`;
    put(c, r, j, sum, { formula: f, deps: deps.map((d) => a1(r, d)) });
  });
  rowConstraints(c, r);
}

function sumRow(c: Ctx, r: number, label: [string | null, string], parts: { rows: number[]; groupRows?: number[] }, mode: 'blank' | 'typed' | 'formula', formulaOf: (col: string) => string): void {
  c.rows[r] = [label[0] === null ? null : { value: label[0], bold: true }, { value: label[1], bold: true }];
  if (mode === 'blank') return;
  c.cols.forEach((col, j) => {
    if (!isAmount(col.kind)) return;
    let sum = 0;
    for (const pr of parts.rows) sum += c.sums.get(a1(pr, j)) ?? 0;
    put(c, r, j, sum, { bold: true, formula: mode === 'formula' ? formulaOf(colLetters(j)) : undefined, deps: parts.rows.map((pr) => a1(pr, j)) });
    if (checked(col.kind)) c.book.constraints.push([a1(r, j), ...parts.rows.map((pr) => a1(pr, j))]);
  });
  // Group and total rows have no row sums of their own: the checker checks item rows (the rest follows from them).
}

function layoutRows(p: GenPlan, o: LayoutOpts, H: number): { kind: string; g?: number; i?: number; s?: number }[] {
  const out: { kind: string; g?: number; i?: number; s?: number }[] = [{ kind: 'title' }, { kind: 'title2' }, { kind: 'title3' }];
  if (!o.unitInHeading) out.push({ kind: 'unit' });
  for (let h = 0; h < H; h++) out.push({ kind: 'header' });
  const bd = o.breakdown && p.kind === 'phased' && p.sources.length > 1;
  const byKind = o.breakdown && p.kind === 'annual';
  const total = [{ kind: 'total' }, ...(bd ? [{ kind: 'bdLabel' }, ...p.sources.map((_, s) => ({ kind: 'bd', s }))] : []),
    ...(byKind ? [{ kind: 'bdLabel' }, ...p.sources.map((_, s) => ({ kind: 'byKind', s }))] : [])];
  if (o.totalAtTop) out.push(...total);
  p.groups.forEach((g, gi) => {
    if (o.repeatHeader && gi === 1) for (let h = 0; h < H; h++) out.push({ kind: 'header' });
    if (!p.flat) out.push({ kind: 'group', g: gi });
    g.items.forEach((_, i) => {
      if (o.repeatHeader && p.flat && i === 2) for (let h = 0; h < H; h++) out.push({ kind: 'header' });
      out.push({ kind: 'item', g: gi, i });
    });
  });
  if (!o.totalAtTop) out.push(...total);
  if (o.notes) out.push({ kind: 'blank' }, { kind: 'note' }, { kind: 'sign1' }, { kind: 'sign2' }, { kind: 'sign3' });
  if (o.stated) out.push({ kind: 'stated' });
  return out;
}

export function renderBook(p: GenPlan, o: LayoutOpts, fixed?: Map<string, number>): GenBook {
  const cols = columns(p, o);
  const H = o.headerRows;
  const lay = layoutRows(p, o, H);
  const rows: (GridCell | null)[][] = lay.map(() => []);
  const merges: CellRange[] = [];
  const book: GenBook = { grids: [], main: 0, cells: new Map(), constraints: [], unit: o.unit, hiddenCols: [], deps: new Map(), plan: p, opts: o };
  const c: Ctx = { p, o, cols, rows, book, sums: new Map(), fixed };
  const W = cols.length;
  const rowOf = (kind: string, g?: number, i?: number, s?: number): number => lay.findIndex((x) => x.kind === kind && x.g === g && x.i === i && x.s === s);
  const itemRows = (g: number): number[] => p.groups[g].items.map((_, i) => rowOf('item', g, i));
  const allItems = p.groups.flatMap((_, g) => itemRows(g));
  const body = lay.flatMap((x, r) => (x.kind === 'group' || x.kind === 'item' || x.kind === 'header' ? [r] : [])).filter((r) => r > rowOf('header'));
  const bodyRange = (col: string): string => `${col}${Math.min(...allItems, ...body.filter((r) => lay[r].kind !== 'header')) + 1}:${col}${Math.max(...allItems) + 1}`;
  const hdrRows = lay.flatMap((x, r) => (x.kind === 'header' ? [r] : []));
  for (let h = 0; h < hdrRows.length; h += H) header(cols, H, hdrRows[h], rows, merges);
  rows[0] = [{ value: 'PHỤ LỤC', bold: true }];
  rows[1] = [{ value: 'DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ỨNG DỤNG CÔNG NGHỆ THÔNG TIN', bold: true }];
  rows[2] = [{ value: '(Kèm theo Kế hoạch số 83/KH-UBND của Ủy ban nhân dân tỉnh)' }];
  merges.push({ r0: 0, c0: 0, r1: 0, c1: W - 1 }, { r0: 1, c0: 0, r1: 1, c1: W - 1 }, { r0: 2, c0: 0, r1: 2, c1: W - 1 });
  if (!o.unitInHeading) rows[3][W - 1] = { value: `ĐVT: ${UNIT_LABEL[o.unit]}` };
  // items first (sums need them), then groups, breakdown, total
  p.groups.forEach((g, gi) => g.items.forEach((it, i) => itemRow(c, rowOf('item', gi, i), it, i + 1, gi)));
  const gm = p.flat ? 'blank' : o.groupMode;
  const groupRows = p.flat ? [] : p.groups.map((_, g) => rowOf('group', g));
  p.groups.forEach((g, gi) => {
    if (p.flat) return;
    const ir = itemRows(gi);
    const range = (col: string): string => `${col}${ir[0] + 1}:${col}${ir[ir.length - 1] + 1}`;
    sumRow(c, groupRows[gi], [ROMAN[gi], g.name], { rows: ir }, gm === 'blank' ? 'blank' : gm === 'typed' ? 'typed' : 'formula',
      (col) => (gm === 'sum' ? `SUM(${range(col)})` : `SUBTOTAL(9,${range(col)})`));
  });
  const tr = rowOf('total');
  const parts = gm === 'blank' ? allItems : groupRows;
  const tmode = gm === 'sum' || gm === 'subtotal' || o.totalFormula ? 'formula' : 'typed';
  sumRow(c, tr, [null, 'Tổng cộng'], { rows: parts }, tmode, (col) => (gm === 'subtotal' ? `SUBTOTAL(9,${bodyRange(col)})`
    : gm === 'blank' ? `SUM(${bodyRange(col)})` : `SUM(${parts.map((r) => `${col}${r + 1}`).join(',')})`));
  if (rowOf('bdLabel') >= 0) {
    rows[rowOf('bdLabel')] = [null, { value: 'Trong đó:' }];
    p.sources.forEach((s, si) => {
      const mine = allItems.filter((r) => p.groups.flatMap((g) => g.items)[allItems.indexOf(r)].src === si);
      const r = rowOf('bd', undefined, undefined, si);
      rows[r] = [null, { value: BD_LABEL[s] ?? `Nguồn ${s}` }];
      cols.forEach((col, j) => {
        if (col.kind.k !== 'year' && col.kind.k !== 'total') return;
        const sum = mine.reduce((a, ir) => a + (c.sums.get(a1(ir, j)) ?? 0), 0);
        put(c, r, j, sum, {});
        book.constraints.push([a1(r, j), ...mine.map((ir) => a1(ir, j))]);
      });
    });
  }
  // "Trong đó: - Vốn đầu tư / - Vốn sự nghiệp": the breakdown by kind of capital (not checked as a sum here).
  lay.forEach((x, r) => {
    if (x.kind !== 'byKind') return;
    rows[rowOf('bdLabel')] = [null, { value: 'Trong đó:' }];
    rows[r] = [null, { value: `- ${p.sources[x.s!]}` }];
    const mine = p.groups.flatMap((g) => g.items).filter((it) => it.capital === x.s);
    cols.forEach((col, j) => {
      if (col.kind.k !== 'ti' && col.kind.k !== 'annual') return;
      const v = mine.reduce((a, it) => a + (amountOf(p, it, col.kind) ?? 0), 0);
      const d = display(v, o.unit, o.textNumbers);
      rows[r][j] = typeof d === 'number' ? { value: d, numFmt: '#,##0' } : { value: d };
    });
  });
  notesBlock(c, lay.map((x) => x.kind), tr);
  book.hiddenCols = cols.flatMap((col, j) => (col.kind.k === 'hidden' ? [j] : []));
  const main: Grid = { sheet: p.kind === 'annual' ? 'Phụ lục III' : 'Phụ lục 02', cells: rows, merges };
  book.grids = [...(o.cover ? [cover()] : []), main, ...(o.summary && !p.flat && gm !== 'blank' ? [summary(c, main.sheet, groupRows, tr)] : [])];
  book.main = o.cover ? 1 : 0;
  return book;
}

function notesBlock(c: Ctx, kinds: string[], tr: number): void {
  const W = c.cols.length;
  const r = (k: string): number => kinds.indexOf(k);
  if (c.o.notes) {
    c.rows[r('note')] = [{ value: 'Ghi chú: Kinh phí cụ thể được xác định khi phê duyệt dự án theo quy định.', italic: true }];
    c.rows[r('sign1')] = [{ value: 'Nơi nhận:', bold: true }];
    c.rows[r('sign1')][Math.max(2, W - 2)] = { value: 'TM. ỦY BAN NHÂN DÂN', bold: true };
    c.rows[r('sign2')] = [{ value: '- Như trên;' }];
    c.rows[r('sign2')][Math.max(2, W - 2)] = { value: 'KT. CHỦ TỊCH', bold: true };
    c.rows[r('sign3')] = [{ value: '- Lưu: VT.' }];
    c.rows[r('sign3')][Math.max(2, W - 2)] = { value: 'PHÓ CHỦ TỊCH', bold: true };
  }
  if (c.o.stated) {
    const j = c.cols.findIndex((col) => col.kind.k === (c.p.kind === 'annual' ? 'annual' : 'total'));
    const base = c.fixed?.get('stated') ?? c.sums.get(a1(tr, j)) ?? 0;
    c.sums.set('stated', base);
    const scope = c.p.kind === 'annual' ? `dự kiến thực hiện năm ${c.p.firstYear}` : 'thực hiện';
    const words = amountToWords(String(base * 1000));
    c.rows[r('stated')] = [{ value: `Tổng kinh phí ${scope}: ${display(base, c.o.unit, true)} ${c.o.unit} (Bằng chữ: ${words}).` }];
    c.book.constraints.push([a1(tr, j)]);
  }
}

function cover(): Grid {
  const t = (v: string): (GridCell | null)[] => [{ value: v, bold: true }];
  return { sheet: 'Bìa', cells: [t('ỦY BAN NHÂN DÂN TỈNH'), [], t('KẾ HOẠCH'), t('Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước'), [], [{ value: 'Tháng 6 năm 2021' }]], merges: [] };
}

/** "Tổng hợp": one row per group pulling the group's amounts from the appendix, and a total row adding them. */
function summary(c: Ctx, sheet: string, groupRows: number[], tr: number): Grid {
  const amountCols = c.cols.flatMap((col, j) => (['total', 'ti', 'annual'].includes(col.kind.k) ? [j] : []));
  const rows: (GridCell | null)[][] = [[{ value: 'BIỂU TỔNG HỢP KINH PHÍ', bold: true }], [null, null, { value: `ĐVT: ${UNIT_LABEL[c.o.unit]}` }],
    [{ value: 'TT', bold: true }, { value: 'Nội dung', bold: true }, ...amountCols.map((j) => ({ value: c.cols[j].path.join(' ').replace(/ \(.*\)$/, ''), bold: true }))]];
  groupRows.forEach((gr, g) => {
    rows.push([{ value: ROMAN[g] }, { value: c.p.groups[g].name }, ...amountCols.map((j) => ({
      value: display(c.sums.get(a1(gr, j)) ?? 0, c.o.unit, false), formula: `'${sheet}'!${a1(gr, j)}`, numFmt: '#,##0' }))]);
  });
  const last = rows.length;
  rows.push([null, { value: 'Tổng cộng', bold: true }, ...amountCols.map((j, k) => ({
    value: display(c.sums.get(a1(tr, j)) ?? 0, c.o.unit, false), formula: `SUM(${colLetters(2 + k)}4:${colLetters(2 + k)}${last})`, numFmt: '#,##0', bold: true }))]);
  return { sheet: 'Tổng hợp', cells: rows, merges: [] };
}

/** The book with one typed amount cell of the appendix changed to `base` (nghìn đồng), in the cell's own style,
 * and every formula recalculated (cached values updated as Excel would; the stated sentence stays as typed). */
export function inject(book: GenBook, addr: string, base: number): Grid[] {
  const fixed = new Map<string, number>();
  for (const [a, cell] of book.cells) if (cell.typed) fixed.set(a, cell.base);
  const clean = new Map<string, number>([...fixed]);
  clean.set(addr, base);
  const sentence = statedOf(book);
  if (sentence !== undefined) clean.set('stated', sentence);
  return renderBook(book.plan, book.opts, clean).grids;
}

function statedOf(book: GenBook): number | undefined {
  const f = book.constraints.find((k) => k.length === 1);
  return f ? book.cells.get(f[0])?.base : undefined;
}

/** The typed cells a constraint really involves: formula cells stand for the cells they add. */
function expand(book: GenBook, addr: string, out: Set<string>): void {
  const deps = book.deps.get(addr);
  if (!deps) { out.add(addr); return; }
  for (const d of deps) expand(book, d, out);
}

/** Signatures: for each typed cell, the constraints a change of it breaks (a formula whole adding exactly its parts never breaks). */
export function signatures(book: GenBook): Map<string, string> {
  const sig = new Map<string, number[]>();
  book.constraints.forEach((k, i) => {
    const [whole, ...parts] = k;
    const deps = book.deps.get(whole);
    if (deps && deps.length === parts.length && deps.every((d) => parts.includes(d))) return;
    const members = new Set<string>();
    for (const a of k) expand(book, a, members);
    for (const m of members) sig.set(m, [...(sig.get(m) ?? []), i]);
  });
  return new Map([...book.cells.keys()].filter((a) => book.cells.get(a)!.typed).map((a) => [a, (sig.get(a) ?? []).join(',')]));
}

/**
 * What a change of a typed cell shows: 'unique' when it breaks two sums or more and no other typed cell breaks exactly
 * the same sums, 'ambiguous' when another one does, 'none' when it breaks no sum (the formulas follow it).
 */
export function identifiable(book: GenBook, addr: string): 'unique' | 'ambiguous' | 'none' {
  const sigs = signatures(book);
  const mine = sigs.get(addr);
  if (!mine) return 'none';
  // One broken sum is its own finding (causes.ts names a cell only when it explains two sums or more).
  if (!mine.includes(',')) return 'ambiguous';
  for (const [other, s] of sigs) if (other !== addr && s === mine) return 'ambiguous';
  return 'unique';
}
