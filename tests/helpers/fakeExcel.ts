/**
 * A small in-memory Excel for the adapter tests: the object model subset the adapter uses, with Office.js
 * semantics that matter here — operations are queued and applied in order at context.sync(), properties
 * must be load()ed and synced before they are read (otherwise it throws, like Office.js; isNullObject of an
 * *OrNullObject proxy needs only the sync), text that starts
 * with "=" (or reads as a number) is interpreted unless the cell's number format is "@", sheets are named
 * case-insensitively. It can inject a failure at a given sync (after applying part of the batch), a
 * request-size limit, and a sheet that another writer adds just before a given sync. office-addin-mock's
 * OfficeMockObject provides the Excel/Office globals around it (see officeGlobals below); it cannot model
 * ordered, proxied operations on ranges by itself.
 */
import type { OfficeMockObject as OfficeMockObjectT } from 'office-addin-mock';
import type { CellRange } from '../../src/core/base/grid';
import { colLetters, parseA1 } from '../../src/core/base/a1';

export interface FakeCell {
  v: string | number | boolean | null;
  f?: string;
  nf: string;
  error?: string;
  font: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: string; color?: string };
  h?: string;
  va?: string;
  wrap?: boolean;
  fill?: string;
  borders: Record<string, string>;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  freeze?: { rows: number; cols: number };
  validations: { address: string; rule: unknown; prompt?: unknown }[];
  page: Record<string, unknown>;
}

export function newSheet(name: string): FakeSheet {
  return { name, cells: new Map(), merges: [], colWidths: new Map(), rowHeights: new Map(), hiddenRows: new Set(), validations: [], page: {} };
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: number;
  selection?: { sheet: string; address: string };
}

export interface FakeOptions {
  /** Throw at this sync (1-based), after applying the first half of its queued operations. */
  failAtSync?: number;
  failCode?: string;
  /** Throw RequestPayloadSizeLimitExceeded (applying nothing) when a batch's estimated bytes exceed this. */
  maxRequestBytes?: number;
  /** Apply maxRequestBytes only from this sync (1-based) on; from the first sync when absent. */
  maxRequestBytesFromSync?: number;
  /** Throw ResponsePayloadSizeLimitExceeded when a batch loads values of more cells than this. */
  maxResponseCells?: number;
  /** Another writer (a co-author) adds this sheet just before sync `at` (1-based) is applied. */
  sheetAppears?: { at: number; sheet: FakeSheet };
  /** Highest ExcelApi minor version supported (default 17 = 1.17). */
  apiMinor?: number;
}

export class OfficeLikeError extends Error {
  constructor(readonly code: string, message: string) { super(message); this.name = 'RichApi.Error'; }
}

const key = (r: number, c: number) => `${r},${c}`;

export function parseRangeAddress(addr: string): CellRange {
  const a = addr.replace(/^.*!/, '').replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { r0: +rows[1] - 1, c0: 0, r1: +rows[2] - 1, c1: 16383 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (cols) return { r0: 0, c0: parseA1(`${cols[1]}1`)!.col, r1: 1048575, c1: parseA1(`${cols[2]}1`)!.col };
  const [p, q] = a.split(':');
  const s = parseA1(p), e = q ? parseA1(q) : s;
  if (!s || !e) throw new OfficeLikeError('InvalidArgument', `bad address ${addr}`);
  return { r0: s.row, c0: s.col, r1: e.row, c1: e.col };
}

export function addressOf(r: CellRange): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`, b = `${colLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** How Excel takes an entry typed or set through range.values/formulas into a cell with number format nf. */
export function enter(cell: FakeCell, x: unknown): void {
  delete cell.f;
  delete cell.error;
  if (x === '' || x === null || x === undefined) { cell.v = null; return; }
  if (typeof x === 'number' || typeof x === 'boolean') { cell.v = x; return; }
  const s = String(x);
  if (cell.nf === '@') { cell.v = s; return; }
  if (s.startsWith("'")) { cell.v = s.slice(1); return; }
  if (/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s.trim())) { cell.v = Number(s); return; }
  if (/^(true|false)$/i.test(s.trim())) { cell.v = /^true$/i.test(s.trim()); return; }
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(s.trim())) { cell.v = 44351; return; }
  if (/^[=+\-@]/.test(s)) { cell.f = s.startsWith('=') ? s.slice(1) : s; cell.v = 0; return; }
  cell.v = s;
}

type Op = { bytes: number; run: () => void };

class NotLoaded extends Error {
  constructor(p: string) { super(`PropertyNotLoaded: ${p} (call load("${p}") and context.sync() first)`); }
}

export class FakeContext {
  syncCount = 0;
  private ops: Op[] = [];
  private loads: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => { this.queue(10, () => { this.calcSuspended++; }); },
  };
  calcSuspended = 0;
  /** per sync: number of queued operations and estimated bytes */
  batches: { ops: number; bytes: number }[] = [];
  /** operation log: "getRanges A1:B2,C3" etc. */
  log: string[] = [];

  constructor(readonly book: FakeBook, readonly options: FakeOptions = {}) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  queue(bytes: number, run: () => void): void {
    this.ops.push({ bytes, run });
  }

  onSync(run: () => void): void {
    this.loads.push(run);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.ops, loads = this.loads;
    this.ops = [];
    this.loads = [];
    const bytes = ops.reduce((a, o) => a + o.bytes, 0);
    this.batches.push({ ops: ops.length, bytes });
    await Promise.resolve();
    if (this.options.sheetAppears?.at === this.syncCount) this.book.sheets.push(this.options.sheetAppears.sheet);
    const limited = this.syncCount >= (this.options.maxRequestBytesFromSync ?? 1);
    if (limited && this.options.maxRequestBytes !== undefined && bytes > this.options.maxRequestBytes) {
      throw new OfficeLikeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    }
    if (this.options.failAtSync === this.syncCount) {
      for (const o of ops.slice(0, Math.floor(ops.length / 2))) o.run();
      throw new OfficeLikeError(this.options.failCode ?? 'GeneralException', 'injected failure');
    }
    for (const o of ops) o.run();
    this.responseCells = 0;
    for (const l of loads) l();
    if (this.options.maxResponseCells !== undefined && this.responseCells > this.options.maxResponseCells) {
      throw new OfficeLikeError('ResponsePayloadSizeLimitExceeded', `response of ${this.responseCells} cells`);
    }
  }

  /** cells whose values were loaded in the current sync */
  responseCells = 0;

  sheetByName(name: string): FakeSheet | undefined {
    const n = name.toLocaleLowerCase('vi');
    return this.book.sheets.find((s) => s.name.toLocaleLowerCase('vi') === n);
  }

  isSetSupported(version: string): boolean {
    const minor = parseInt(version.split('.')[1] ?? '0', 10);
    return minor <= (this.options.apiMinor ?? 17);
  }
}

function loadable<T extends object>(target: T, names: string[]): { loaded: Set<string>; values: Record<string, unknown> } {
  const state = { loaded: new Set<string>(), values: {} as Record<string, unknown> };
  for (const n of names) {
    Object.defineProperty(target, n, {
      get: () => {
        if (!state.loaded.has(n)) throw new NotLoaded(n);
        return state.values[n];
      },
      configurable: true,
    });
  }
  return state;
}

function parseLoad(props: string | string[] | undefined): string[] {
  if (!props) return [];
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeSheetsProxy;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeSheetsProxy(ctx);
  }
  getSelectedRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => {
      const sel = this.ctx.book.selection;
      const s = sel ? this.ctx.sheetByName(sel.sheet) : this.ctx.book.sheets[this.ctx.book.active];
      if (!s) throw new OfficeLikeError('ItemNotFound', 'no selection');
      return s;
    }, () => [parseRangeAddress(this.ctx.book.selection?.address ?? 'A1')]);
  }
}

export class FakeSheetsProxy {
  items!: FakeSheetProxy[];
  private state: { loaded: Set<string>; values: Record<string, unknown> };
  constructor(private ctx: FakeContext) {
    this.state = loadable(this, ['items']);
  }
  load(props?: string | string[]): this {
    if (parseLoad(props).some((p) => p.startsWith('items'))) {
      this.ctx.onSync(() => {
        this.state.values.items = this.ctx.book.sheets.map((s) => {
          const p = new FakeSheetProxy(this.ctx, () => s);
          p.resolveName();
          return p;
        });
        this.state.loaded.add('items');
      });
    }
    return this;
  }
  add(name: string): FakeSheetProxy {
    this.ctx.queue(50 + name.length, () => {
      if (this.ctx.sheetByName(name)) throw new OfficeLikeError('ItemAlreadyExists', `sheet ${name} exists`);
      this.ctx.book.sheets.push(newSheet(name));
      this.ctx.log.push(`add ${name}`);
    });
    return new FakeSheetProxy(this.ctx, () => this.must(name));
  }
  getItem(name: string): FakeSheetProxy {
    return new FakeSheetProxy(this.ctx, () => this.must(name));
  }
  getItemOrNullObject(name: string): FakeSheetProxy {
    return new FakeSheetProxy(this.ctx, () => this.ctx.sheetByName(name), true);
  }
  getActiveWorksheet(): FakeSheetProxy {
    return new FakeSheetProxy(this.ctx, () => this.ctx.book.sheets[this.ctx.book.active]);
  }
  private must(name: string): FakeSheet {
    const s = this.ctx.sheetByName(name);
    if (!s) throw new OfficeLikeError('ItemNotFound', `sheet ${name}`);
    return s;
  }
}

export class FakeSheetProxy {
  name!: string;
  isNullObject!: boolean;
  private state;
  readonly freezePanes;
  readonly pageLayout;
  constructor(private ctx: FakeContext, private resolve: () => FakeSheet | undefined, private nullable = false) {
    this.state = loadable(this, ['name', 'isNullObject']);
    // as in Office.js, an *OrNullObject proxy says whether it is null after any sync, without a load
    if (nullable) ctx.onSync(() => { this.state.values.isNullObject = !resolve(); this.state.loaded.add('isNullObject'); });
    const q = (op: string, f: (s: FakeSheet) => void) => ctx.queue(40, () => { ctx.log.push(op); f(this.sheet()); });
    this.freezePanes = {
      freezeRows: (n: number) => q('freezeRows', (s) => { s.freeze = { rows: n, cols: 0 }; }),
      freezeColumns: (n: number) => q('freezeColumns', (s) => { s.freeze = { rows: 0, cols: n }; }),
      freezeAt: (r: FakeRangeProxy) => q('freezeAt', (s) => { const rr = r.rects()[0]; s.freeze = { rows: rr.r1 + 1, cols: rr.c1 + 1 }; }),
    };
    const page: Record<string, unknown> = {};
    const pl = {
      setPrintArea: (a: string) => q('setPrintArea', (s) => { s.page.printArea = a; }),
      setPrintTitleRows: (a: string) => q('setPrintTitleRows', (s) => { s.page.titleRows = a; }),
      headersFooters: { defaultForAllPages: {} as Record<string, unknown> },
    };
    for (const p of ['orientation', 'paperSize', 'zoom', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'headerMargin', 'footerMargin', 'centerHorizontally']) {
      Object.defineProperty(pl, p, { set: (v) => q(`page.${p}`, (s) => { s.page[p] = v; }), get: () => page[p] });
    }
    Object.defineProperty(pl.headersFooters.defaultForAllPages, 'centerFooter', { set: (v) => q('footer', (s) => { s.page.footer = v; }) });
    this.pageLayout = pl;
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new OfficeLikeError('ItemNotFound', 'worksheet is a null object');
    return s;
  }
  resolveName(): void {
    this.state.values.name = this.sheet().name;
    this.state.loaded.add('name');
  }
  load(props?: string | string[]): this {
    const list = parseLoad(props);
    this.ctx.onSync(() => {
      const s = this.resolve();
      if (list.includes('isNullObject')) { this.state.values.isNullObject = !s; this.state.loaded.add('isNullObject'); }
      if (list.includes('name')) {
        if (!s && !this.nullable) throw new OfficeLikeError('ItemNotFound', 'sheet');
        this.state.values.name = s?.name; this.state.loaded.add('name');
      }
    });
    return this;
  }
  getRange(address?: string): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => this.sheet(), () => [address ? parseRangeAddress(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 }]);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => this.sheet(), () => [{ r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }]);
  }
  getRanges(address: string): FakeRangeProxy {
    if (address.length > 8192) throw new OfficeLikeError('InvalidArgument', 'address over 8192 characters');
    this.ctx.log.push(`getRanges ${address}`);
    return new FakeRangeProxy(this.ctx, () => this.sheet(), () => address.split(',').map(parseRangeAddress));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => this.sheet(), () => {
      const s = this.sheet();
      let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
      for (const [k, cell] of s.cells) {
        if (valuesOnly && cell.v === null && !cell.f && !cell.error) continue;
        const [r, c] = k.split(',').map(Number);
        r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
      }
      return r1 < 0 ? [] : [{ r0, c0, r1, c1 }];
    }, true);
  }
  activate(): void {
    this.ctx.queue(20, () => { const s = this.sheet(); this.ctx.book.active = this.ctx.book.sheets.indexOf(s); this.ctx.log.push(`activate ${s.name}`); });
  }
  delete(): void {
    this.ctx.queue(20, () => {
      const s = this.sheet();
      this.ctx.book.sheets.splice(this.ctx.book.sheets.indexOf(s), 1);
      this.ctx.book.active = Math.min(this.ctx.book.active, this.ctx.book.sheets.length - 1);
      this.ctx.log.push(`delete ${s.name}`);
    });
  }
}

function cellOf(s: FakeSheet, r: number, c: number): FakeCell {
  let cell = s.cells.get(key(r, c));
  if (!cell) {
    cell = { v: null, nf: 'General', font: {}, borders: {} };
    s.cells.set(key(r, c), cell);
  }
  return cell;
}

function grid2<T>(x: T | T[][], i: number, j: number): T {
  return Array.isArray(x) ? (x as T[][])[i][j] : x;
}

function jsonBytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x));
}

export class FakeRangeProxy {
  values!: unknown[][];
  formulas!: unknown[][];
  numberFormat!: string[][];
  valueTypes!: string[][];
  address!: string;
  rowIndex!: number;
  columnIndex!: number;
  rowCount!: number;
  columnCount!: number;
  isNullObject!: boolean;
  private state;
  readonly format;
  readonly dataValidation;
  constructor(private ctx: FakeContext, private sheetOf: () => FakeSheet, readonly rects: () => CellRange[], private nullable = false) {
    this.state = loadable(this, ['values', 'formulas', 'numberFormat', 'valueTypes', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'isNullObject']);
    if (nullable) ctx.onSync(() => { this.state.values.isNullObject = rects().length === 0; this.state.loaded.add('isNullObject'); });
    for (const p of ['values', 'formulas', 'numberFormat'] as const) {
      const get = Object.getOwnPropertyDescriptor(this, p)!.get!;
      Object.defineProperty(this, p, {
        get,
        set: (x: unknown) => this.each(`set ${p}`, jsonBytes(x), (cell, i, j) => {
          const v = grid2(x as unknown, i, j);
          if (Array.isArray(x) && v === null) return; // null in a 2D array leaves the cell unchanged
          if (p === 'numberFormat') cell.nf = String(v);
          else enter(cell, v);
        }),
        configurable: true,
      });
    }
    const fmt = (name: string, apply: (cell: FakeCell, v: unknown) => void) => ({
      set: (v: unknown) => this.each(`format.${name}`, 60 + jsonBytes(v), (cell) => apply(cell, v)),
      get: () => undefined,
      configurable: true,
    });
    const font = {};
    for (const p of ['name', 'size', 'bold', 'italic', 'underline', 'color'] as const) {
      Object.defineProperty(font, p, fmt(`font.${p}`, (c, v) => { (c.font as Record<string, unknown>)[p] = v; }));
    }
    const fill = {};
    Object.defineProperty(fill, 'color', fmt('fill', (c, v) => { c.fill = String(v); }));
    // a row's font can be loaded: true/false when all cells agree, null when mixed (as Office.js)
    Object.defineProperty(font, 'load', {
      value: (props?: string) => {
        const got: Record<string, unknown> = {};
        for (const p of parseLoad(props)) Object.defineProperty(font, p, { get: () => { if (!(p in got)) throw new NotLoaded(p); return got[p]; }, configurable: true });
        ctx.onSync(() => {
          const s = this.sheetOf();
          for (const p of parseLoad(props)) {
            const vals = new Set<boolean>();
            for (const r of this.rects()) for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) {
              vals.add(Boolean((s.cells.get(key(i, j))?.font as Record<string, unknown> | undefined)?.[p]));
            }
            got[p] = vals.size === 1 ? [...vals][0] : null;
          }
        });
        return font;
      },
    });
    const format = {
      font, fill,
      borders: {
        getItem: (edge: string) => {
          const b = {};
          Object.defineProperty(b, 'style', fmt(`border.${edge}`, (c, v) => { c.borders[edge] = String(v); }));
          Object.defineProperty(b, 'weight', { set: () => undefined });
          return b;
        },
      },
    };
    Object.defineProperty(format, 'horizontalAlignment', fmt('h', (c, v) => { c.h = String(v); }));
    Object.defineProperty(format, 'verticalAlignment', fmt('v', (c, v) => { c.va = String(v); }));
    Object.defineProperty(format, 'wrapText', fmt('wrap', (c, v) => { c.wrap = Boolean(v); }));
    Object.defineProperty(format, 'columnWidth', {
      set: (w: number) => ctx.queue(60, () => {
        ctx.log.push('columnWidth');
        for (const r of this.rects()) for (let c = r.c0; c <= r.c1; c++) this.sheetOf().colWidths.set(c, w);
      }),
    });
    Object.defineProperty(format, 'rowHeight', {
      set: (h: number) => ctx.queue(60, () => {
        ctx.log.push('rowHeight');
        for (const r of this.rects()) for (let i = r.r0; i <= r.r1; i++) this.sheetOf().rowHeights.set(i, h);
      }),
    });
    this.format = format;
    const dv: Record<string, unknown> = {};
    Object.defineProperty(dv, 'rule', { set: (rule) => ctx.queue(80, () => { this.sheetOf().validations.push({ address: addressOf(this.rects()[0]), rule }); }) });
    Object.defineProperty(dv, 'prompt', { set: (prompt) => ctx.queue(80, () => { const v = this.sheetOf().validations.at(-1); if (v) v.prompt = prompt; }) });
    this.dataValidation = dv;
  }

  /** Queues an operation over every cell of the range (bounded to a sane area for whole rows/columns). */
  private each(op: string, bytes: number, f: (cell: FakeCell, i: number, j: number) => void): void {
    this.ctx.queue(bytes, () => {
      const s = this.sheetOf();
      const rects = this.rects();
      this.ctx.log.push(`${op} ${rects.map(addressOf).join(',')}`);
      for (const r of rects) {
        if ((r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > 5_000_000) throw new Error(`fake: ${op} over a huge range`);
        for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) f(cellOf(s, i, j), i - r.r0, j - r.c0);
      }
    });
  }

  load(props?: string | string[]): this {
    const all = parseLoad(props);
    // a navigation path to the range's sheet ("worksheet/name") is loaded on the sheet proxy
    const onSheet = all.filter((p) => p.startsWith('worksheet/')).map((p) => p.slice('worksheet/'.length));
    if (onSheet.length) this.worksheet.load(onSheet);
    const list = all.filter((p) => !p.startsWith('worksheet/'));
    this.ctx.onSync(() => {
      const rects = this.rects();
      const st = this.state;
      const set = (k: string, v: unknown) => { st.values[k] = v; st.loaded.add(k); };
      if (list.includes('isNullObject')) set('isNullObject', rects.length === 0);
      if (rects.length === 0) {
        if (!this.nullable) throw new OfficeLikeError('ItemNotFound', 'range');
        return;
      }
      const r = rects[0];
      const s = this.sheetOf();
      const m = (f: (c: FakeCell | undefined) => unknown) => Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) =>
        Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => f(s.cells.get(key(r.r0 + i, r.c0 + j)))));
      for (const p of list) {
        if (p === 'values') this.ctx.responseCells += (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
        if (p === 'values') set(p, m((c) => c?.error ?? c?.v ?? ''));
        else if (p === 'formulas') set(p, m((c) => (c?.f !== undefined ? `=${c.f}` : c?.error ?? c?.v ?? '')));
        else if (p === 'numberFormat') set(p, m((c) => c?.nf ?? 'General'));
        else if (p === 'valueTypes') set(p, m((c) => (c?.error ? 'Error' : c?.v === null || c?.v === undefined ? 'Empty' : typeof c.v === 'number' ? 'Double' : typeof c.v === 'boolean' ? 'Boolean' : 'String')));
        else if (p === 'address') set(p, `${s.name}!${rects.map(addressOf).join(',')}`);
        else if (p === 'rowIndex') set(p, r.r0);
        else if (p === 'columnIndex') set(p, r.c0);
        else if (p === 'rowCount') set(p, r.r1 - r.r0 + 1);
        else if (p === 'columnCount') set(p, r.c1 - r.c0 + 1);
      }
    });
    return this;
  }

  private ws?: FakeSheetProxy;
  get worksheet(): FakeSheetProxy {
    this.ws ??= new FakeSheetProxy(this.ctx, this.sheetOf);
    return this.ws;
  }

  getRow(i: number): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, this.sheetOf, () => { const r = this.rects()[0]; return [{ r0: r.r0 + i, c0: r.c0, r1: r.r0 + i, c1: r.c1 }]; });
  }

  getCellProperties(_spec: unknown): { value: { format: { font: { bold?: boolean; italic?: boolean } } }[][] } {
    const res = { value: [] as { format: { font: { bold?: boolean; italic?: boolean } } }[][] };
    this.ctx.onSync(() => {
      const r = this.rects()[0], s = this.sheetOf();
      res.value = Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => {
        const c = s.cells.get(key(r.r0 + i, r.c0 + j));
        return { format: { font: { bold: c?.font.bold ?? false, italic: c?.font.italic ?? false } } };
      }));
    });
    return res;
  }

  getRowProperties(_spec: unknown): { value: { rowHidden: boolean; rowIndex: number }[] } {
    const res = { value: [] as { rowHidden: boolean; rowIndex: number }[] };
    this.ctx.onSync(() => {
      const r = this.rects()[0], s = this.sheetOf();
      res.value = Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => ({ rowHidden: s.hiddenRows.has(r.r0 + i), rowIndex: r.r0 + i }));
    });
    return res;
  }

  getMergedAreasOrNullObject(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, this.sheetOf, () => {
      const r = this.rects()[0];
      if (!r) return [];
      return this.sheetOf().merges.filter((m) => m.r0 >= r.r0 && m.r1 <= r.r1 && m.c0 >= r.c0 && m.c1 <= r.c1);
    }, true);
  }

  merge(_across?: boolean): void {
    this.ctx.queue(60, () => {
      const s = this.sheetOf();
      for (const r of this.rects()) {
        if (s.merges.some((m) => m.r0 <= r.r1 && r.r0 <= m.r1 && m.c0 <= r.c1 && r.c0 <= m.c1)) {
          throw new OfficeLikeError('MergedRangeConflict', `merge ${addressOf(r)}`);
        }
        s.merges.push({ ...r });
        this.ctx.log.push(`merge ${addressOf(r)}`);
      }
    });
  }

  select(): void {
    this.ctx.queue(30, () => { const s = this.sheetOf(); this.ctx.book.selection = { sheet: s.name, address: addressOf(this.rects()[0]) }; this.ctx.log.push(`select ${s.name}!${addressOf(this.rects()[0])}`); });
  }
}

/** A workbook with the given sheets (first active). */
export function fakeBook(...names: string[]): FakeBook {
  return { sheets: names.map(newSheet), active: 0 };
}

/** Seeds cells from rows of plain values (strings starting with "=" become formulas, "#REF!" errors). */
export function seed(sheet: FakeSheet, rows: (string | number | null)[][], r0 = 0, c0 = 0): void {
  rows.forEach((row, i) => row.forEach((v, j) => {
    if (v === null) return;
    const cell = cellOf(sheet, r0 + i, c0 + j);
    if (typeof v === 'string' && /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?)$/.test(v)) cell.error = v;
    else if (typeof v === 'string' && v.startsWith('=')) { cell.f = v.slice(1); cell.v = 0; }
    else cell.v = v;
  }));
}

export function fakeContext(book: FakeBook, options: FakeOptions = {}): FakeContext {
  return new FakeContext(book, options);
}

/** Deep, order-stable snapshot of a sheet (values, formulas, formats, merges, sizes). */
export function snapshot(s: FakeSheet): string {
  const cells = [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ name: s.name, cells, merges: s.merges, w: [...s.colWidths], h: [...s.rowHeights], f: s.freeze, v: s.validations, p: s.page });
}

/**
 * The Excel and Office globals as office-addin-mock objects around a FakeContext, the way Microsoft's
 * unit-testing guide mocks Excel.run and Office.context.
 */
export function officeGlobals(ctx: FakeContext, settings: Record<string, unknown> = {}) {
  // Under jest, the test file mocks office-addin-manifest (see mockManifest below): office-addin-mock needs only
  // its OfficeApp enum, and its ESM dependencies cannot load in jest's CommonJS runtime.
  const { OfficeMockObject } = require('office-addin-mock') as { OfficeMockObject: typeof OfficeMockObjectT };
  const store = { ...settings };
  const excel = new OfficeMockObject({
    run: async (a: unknown, b?: unknown) => {
      const cb = (typeof a === 'function' ? a : b) as (c: unknown) => Promise<unknown>;
      return cb(ctx);
    },
  });
  const office = new OfficeMockObject({
    context: {
      requirements: { isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && ctx.isSetSupported(v ?? '1.1') },
      document: {
        settings: {
          get: (k: string) => store[k] ?? null,
          set: (k: string, v: unknown) => { store[k] = v; },
          remove: (k: string) => { delete store[k]; },
          saveAsync: (cb?: (r: { status: string }) => void) => { cb?.({ status: 'succeeded' }); },
        },
      },
    },
  });
  // enums are plain values in Office.js (no load/sync): set them beside the mock's loadable properties
  (office as unknown as Record<string, unknown>).AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  return { excel, office, store };
}

/** office-addin-manifest as office-addin-mock uses it (the OfficeApp enum); for jest.mock in test files. */
export const MANIFEST_MOCK = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
