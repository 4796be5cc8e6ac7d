/**
 * A small in-memory Excel for the adapter tests: the object model subset the adapter uses, with Office.js
 * semantics that matter here — operations are queued and applied in order at context.sync(), properties
 * must be load()ed and synced before they are read (otherwise it throws, like Office.js; isNullObject of an
 * *OrNullObject proxy needs only the sync), text that starts
 * with "=" (or reads as a number) is interpreted unless the cell's number format is "@", sheets are named
 * case-insensitively. It can inject a failure at a given sync (after applying part of the batch), a
 * request-size limit, and a sheet that another writer adds just before a given sync. It is honest about what
 * real Excel does and a kinder fake would hide (issue 14): text entered into a General cell is coerced as Excel
 * coerces it ("#N/A" → an error, "Jan-21", "1-Jan", "June 2021", "1/2" → dates, "10:30 AM" → a time, "50%",
 * "007", "TRUE"); calls above the supported ExcelApi version throw (EXCEL_2019: only up to 1.7); on the "web"
 * platform an oversized batch fails as GeneralException ("internal error") and merging drops the fill and
 * borders set before (office-js #6405); cell-edit mode fails every sync with InvalidOperation unless Excel.run
 * was given delayForCellEdit; manual calculation leaves stale cached values until application.calculate;
 * protected sheets and workbook structure refuse writes with AccessDenied; worksheets.add can fail at its own
 * location (focus moved to another workbook); merged areas' address lists only top-left cells (office-js #1590)
 * and only merges whose top-left cell is in the range (#3611); a multi-area selection cannot be read through
 * getSelectedRange; the page zoom can be ignored (#1860); Excel.run's own final sync can hang. office-addin-mock's
 * OfficeMockObject provides the Excel/Office globals around it (see officeGlobals below); it cannot model
 * ordered, proxied operations on ranges by itself.
 */
import type { OfficeMockObject as OfficeMockObjectT } from 'office-addin-mock';
import type { CellRange } from '../../src/core/base/grid';
import { colLetters, parseA1 } from '../../src/core/base/a1';

export interface FakeCell {
  v: string | number | boolean | null;
  /** the cached value shown while calculation is manual and the workbook has not been recalculated */
  stale?: string | number | boolean | null;
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
  /** Excel's worksheet id: stays when the sheet is renamed */
  id: string;
  /** sheet protection: cell, format and merge writes throw AccessDenied */
  protected?: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  freeze?: { rows: number; cols: number };
  validations: { address: string; rule: unknown; prompt?: unknown }[];
  page: Record<string, unknown>;
}

let sheetIds = 0;

export function newSheet(name: string): FakeSheet {
  return { name, id: `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, '0')}}`, cells: new Map(), merges: [], colWidths: new Map(), rowHeights: new Map(), hiddenRows: new Set(), validations: [], page: {} };
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: number;
  /** address may list several areas ("A1:A3,C1"); active is the active cell (default: the first area's top left) */
  selection?: { sheet: string; address: string; active?: string };
  calculationMode?: 'Automatic' | 'Manual';
  /** workbook structure protection: worksheets.add and delete throw AccessDenied */
  protectedStructure?: boolean;
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
  /** Highest ExcelApi minor version supported (default 17 = 1.17); calls above it throw ApiNotFound. */
  apiMinor?: number;
  /** 'web': oversized batches fail as GeneralException (default limit 5 MB), merges drop earlier fill/borders. */
  platform?: 'desktop' | 'web';
  /** The user is editing a cell: syncs throw InvalidOperation unless Excel.run got delayForCellEdit. */
  cellEditMode?: boolean;
  /** worksheets.add fails with this code at its own location (e.g. focus moved to another workbook). */
  addFailsWith?: string;
  /** pageLayout.zoom set through the API does not take (office-js #1860). */
  zoomIgnored?: boolean;
  /** The final sync Excel.run makes after the batch function returns never settles. */
  finalSyncHangs?: boolean;
  /** A co-author renames sheet `from` to `to` just before sync `at` (1-based) is applied. */
  renameBefore?: { at: number; from: string; to: string };
}

/** Office 2019 (volume licence): ExcelApi 1.7 and nothing above. */
export const EXCEL_2019: FakeOptions = { apiMinor: 7 };
/** Excel on the web. */
export const EXCEL_WEB: FakeOptions = { platform: 'web' };

export class OfficeLikeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(readonly code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
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
  const coerced = coerceGeneral(s);
  if (coerced) {
    if ('error' in coerced) { cell.error = coerced.error; cell.v = null; return; }
    cell.v = coerced.v;
    if (coerced.nf && cell.nf === 'General') cell.nf = coerced.nf;
    return;
  }
  if (/^[=+\-@]/.test(s)) { cell.f = s.startsWith('=') ? s.slice(1) : s; cell.v = 0; return; }
  cell.v = s;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_FORMS = [
  /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/, // 1/2, 1/2/2021 (en-US: a date; "1/2" is 2 January)
  /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/, // 2021-01-02
  /^\d{1,2}-\d{1,2}(-\d{2,4})?$/, // 1-2, 1-2-21
  new RegExp(`^\\d{1,2}[-\\s]${MONTH}([-\\s,]+\\d{2,4})?$`, 'i'), // 1-Jan, 1 Jan 2021
  new RegExp(`^${MONTH}[-\\s]\\d{1,4}(,?\\s*\\d{4})?$`, 'i'), // Jan-21, June 2021, January 1, 2021
];

/** What Excel (en-US) makes of text typed into a General cell other than a formula: undefined = stays text. */
export function coerceGeneral(raw: string): { v: number | boolean; nf?: string } | { error: string } | undefined {
  const s = raw.trim();
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(s)) return { error: s.toUpperCase() };
  if (/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?(e[-+]?\d+)?$/i.test(s)) return { v: Number(s.replace(/,/g, '')) };
  if (/^[-+]?\d+(\.\d+)?\s*%$/.test(s)) return { v: Number(s.replace('%', '')) / 100, nf: '0%' };
  if (/^(true|false)$/i.test(s)) return { v: /^true$/i.test(s) };
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m?)?$|^\d{1,2}\s*[ap]m$/i.test(s)) return { v: 0.4375, nf: 'h:mm AM/PM' };
  if (DATE_FORMS.some((re) => re.test(s))) return { v: 44199, nf: 'd-mmm' };
  return undefined;
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
  readonly application: {
    suspendApiCalculationUntilNextSync: () => void;
    calculate: (type: string) => void;
    calculationMode: string;
    load: (props?: string | string[]) => unknown;
  };
  calcSuspended = 0;
  /** full recalculations asked for */
  calculations: string[] = [];
  /** Excel.run was given delayForCellEdit (set by officeGlobals' Excel.run) */
  delayForCellEdit = false;
  /** per sync: number of queued operations and estimated bytes */
  batches: { ops: number; bytes: number }[] = [];
  /** operation log: "getRanges A1:B2,C3" etc. */
  log: string[] = [];

  constructor(readonly book: FakeBook, readonly options: FakeOptions = {}) {
    this.workbook = new FakeWorkbookProxy(this);
    const app = {
      suspendApiCalculationUntilNextSync: () => { this.queue(10, () => { this.calcSuspended++; }); },
      calculate: (type: string) => {
        this.queue(20, () => {
          this.calculations.push(type);
          for (const sh of this.book.sheets) for (const c of sh.cells.values()) delete c.stale;
        });
      },
      load: (props?: string | string[]) => {
        const st = loadable(app, ['calculationMode']);
        if (parseLoad(props).includes('calculationMode')) {
          this.onSync(() => { st.values.calculationMode = this.book.calculationMode ?? 'Automatic'; st.loaded.add('calculationMode'); });
        }
        return app;
      },
    } as FakeContext['application'];
    loadable(app, ['calculationMode']);
    this.application = app;
  }

  /** Throws ApiNotFound when the call needs an ExcelApi version above the supported one. */
  requireApi(minor: number, what: string): void {
    if (!this.isSetSupported(`1.${minor}`)) throw new OfficeLikeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
  }

  /** A value as a read shows it: the stale cached one while calculation is manual. */
  shown(c: FakeCell | undefined): unknown {
    if (!c) return '';
    if (c.error) return c.error;
    const v = this.book.calculationMode === 'Manual' && c.stale !== undefined ? c.stale : c.v;
    return v ?? '';
  }

  /** Excel.run's own final sync (officeGlobals): a round trip only when work is pending; never settles with finalSyncHangs. */
  finalSync(): Promise<void> {
    if (this.options.finalSyncHangs) return new Promise<void>(() => undefined);
    return this.ops.length || this.loads.length ? this.sync() : Promise.resolve();
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
    const o = this.options;
    if (o.renameBefore?.at === this.syncCount) { const sh = this.sheetByName(o.renameBefore.from); if (sh) sh.name = o.renameBefore.to; }
    if (o.sheetAppears?.at === this.syncCount) this.book.sheets.push(o.sheetAppears.sheet);
    if (o.cellEditMode && !this.delayForCellEdit && (ops.length || loads.length)) {
      throw new OfficeLikeError('InvalidOperation', 'This operation is not allowed while Excel is in cell-edit mode.');
    }
    const limited = this.syncCount >= (o.maxRequestBytesFromSync ?? 1);
    const maxBytes = o.maxRequestBytes ?? (o.platform === 'web' ? 5_000_000 : undefined);
    if (limited && maxBytes !== undefined && bytes > maxBytes) {
      // Excel on the web refuses an oversized batch as a whole with a translated "internal error"
      if (o.platform === 'web') throw new OfficeLikeError('GeneralException', 'Đã xảy ra lỗi nội bộ.');
      throw new OfficeLikeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    }
    if (this.options.failAtSync === this.syncCount) {
      for (const o of ops.slice(0, Math.floor(ops.length / 2))) o.run();
      // an operation's failure: Office names the operation that failed
      throw new OfficeLikeError(this.options.failCode ?? 'GeneralException', 'injected failure', 'Range.formulas');
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

  /** A sheet by name (case-insensitive) or by id, as worksheets.getItem(key) takes either. */
  sheetByName(name: string): FakeSheet | undefined {
    const n = name.toLocaleLowerCase('vi');
    return this.book.sheets.find((s) => s.name.toLocaleLowerCase('vi') === n || s.id === name);
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

/** `protection.protected`, loadable, computed at the sync. */
function protectionProxy(ctx: FakeContext, isProtected: () => boolean): { protected: boolean; load: (p?: string | string[]) => unknown } {
  const p = { load: (props?: string | string[]) => {
    if (parseLoad(props).includes('protected')) ctx.onSync(() => { st.values.protected = isProtected(); st.loaded.add('protected'); });
    return p;
  } } as { protected: boolean; load: (p?: string | string[]) => unknown };
  const st = loadable(p, ['protected']);
  return p;
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeSheetsProxy;
  private protectionOf?: ReturnType<typeof protectionProxy>;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeSheetsProxy(ctx);
  }
  get protection() {
    this.ctx.requireApi(7, 'Workbook.protection');
    this.protectionOf ??= protectionProxy(this.ctx, () => Boolean(this.ctx.book.protectedStructure));
    return this.protectionOf;
  }
  private selectedSheet(): FakeSheet {
    const sel = this.ctx.book.selection;
    const s = sel ? this.ctx.sheetByName(sel.sheet) : this.ctx.book.sheets[this.ctx.book.active];
    if (!s) throw new OfficeLikeError('ItemNotFound', 'no selection');
    return s;
  }
  getSelectedRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, () => this.selectedSheet(), () => {
      const a = this.ctx.book.selection?.address ?? 'A1';
      if (a.includes(',')) throw new OfficeLikeError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      return [parseRangeAddress(a)];
    });
  }
  getActiveCell(): FakeRangeProxy {
    this.ctx.requireApi(7, 'Workbook.getActiveCell');
    return new FakeRangeProxy(this.ctx, () => this.selectedSheet(), () => {
      const sel = this.ctx.book.selection;
      const r = parseRangeAddress(sel?.active ?? (sel?.address ?? 'A1').split(',')[0]);
      return [{ r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 }];
    });
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
    let added: FakeSheet | undefined;
    this.ctx.queue(50 + name.length, () => {
      const at = 'WorksheetCollection.add';
      if (this.ctx.options.addFailsWith) throw new OfficeLikeError(this.ctx.options.addFailsWith, 'add failed', at);
      if (this.ctx.book.protectedStructure) throw new OfficeLikeError('AccessDenied', 'the workbook structure is protected', at);
      if (this.ctx.sheetByName(name)) throw new OfficeLikeError('ItemAlreadyExists', `sheet ${name} exists`, at);
      added = newSheet(name);
      this.ctx.book.sheets.push(added);
      this.ctx.log.push(`add ${name}`);
    });
    // the proxy refers to the sheet this add made (by its id), whatever it is called later
    return new FakeSheetProxy(this.ctx, () => (added && this.ctx.book.sheets.includes(added) ? added : this.must(name)));
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
  id!: string;
  isNullObject!: boolean;
  private state;
  readonly freezePanes;
  constructor(private ctx: FakeContext, private resolve: () => FakeSheet | undefined, private nullable = false) {
    this.state = loadable(this, ['name', 'id', 'isNullObject']);
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
    const got = loadable(pl, ['zoom']);
    Object.defineProperty(pl, 'load', {
      value: (props?: string | string[]) => {
        if (parseLoad(props).includes('zoom')) ctx.onSync(() => { got.values.zoom = this.sheet().page.zoom ?? { scale: 100 }; got.loaded.add('zoom'); });
        return pl;
      },
    });
    for (const p of ['orientation', 'paperSize', 'zoom', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'headerMargin', 'footerMargin', 'centerHorizontally']) {
      const take = p === 'zoom' ? (s: FakeSheet, v: unknown) => { if (!ctx.options.zoomIgnored) s.page[p] = v; } : (s: FakeSheet, v: unknown) => { s.page[p] = v; };
      Object.defineProperty(pl, p, {
        set: (v) => q(`page.${p}`, (s) => take(s, v)),
        get: p === 'zoom' ? Object.getOwnPropertyDescriptor(pl, 'zoom')!.get : () => page[p],
      });
    }
    Object.defineProperty(pl.headersFooters.defaultForAllPages, 'centerFooter', { set: (v) => q('footer', (s) => { s.page.footer = v; }) });
    this._pageLayout = pl;
  }
  private readonly _pageLayout;
  get pageLayout() {
    this.ctx.requireApi(9, 'Worksheet.pageLayout');
    return this._pageLayout;
  }
  private protectionOf?: ReturnType<typeof protectionProxy>;
  get protection() {
    this.ctx.requireApi(2, 'Worksheet.protection');
    this.protectionOf ??= protectionProxy(this.ctx, () => Boolean(this.resolve()?.protected));
    return this.protectionOf;
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
    if (list.includes('protection/protected')) this.protection.load('protected');
    this.ctx.onSync(() => {
      const s = this.resolve();
      if (list.includes('isNullObject')) { this.state.values.isNullObject = !s; this.state.loaded.add('isNullObject'); }
      for (const p of ['name', 'id'] as const) {
        if (!list.includes(p)) continue;
        if (!s && !this.nullable) throw new OfficeLikeError('ItemNotFound', 'sheet');
        this.state.values[p] = s?.[p]; this.state.loaded.add(p);
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
    this.ctx.requireApi(9, 'Worksheet.getRanges');
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
      if (this.ctx.book.protectedStructure) throw new OfficeLikeError('AccessDenied', 'the workbook structure is protected', 'Worksheet.delete');
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
    Object.defineProperty(dv, 'rule', { set: (rule) => ctx.requireApi(8, 'Range.dataValidation') ?? ctx.queue(80, () => { this.sheetOf().validations.push({ address: addressOf(this.rects()[0]), rule }); }) });
    Object.defineProperty(dv, 'prompt', { set: (prompt) => ctx.queue(80, () => { const v = this.sheetOf().validations.at(-1); if (v) v.prompt = prompt; }) });
    this.dataValidation = dv;
  }

  /** Queues an operation over every cell of the range (bounded to a sane area for whole rows/columns). */
  private each(op: string, bytes: number, f: (cell: FakeCell, i: number, j: number) => void): void {
    this.ctx.queue(bytes, () => {
      const s = this.sheetOf();
      const rects = this.rects();
      if (s.protected) throw new OfficeLikeError('AccessDenied', 'the sheet is protected', `Range.${op}`);
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
        if (p === 'values') set(p, m((c) => this.ctx.shown(c)));
        else if (p === 'formulas') set(p, m((c) => (c?.f !== undefined ? `=${c.f}` : this.ctx.shown(c))));
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
    this.ctx.requireApi(9, 'Range.getCellProperties');
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
    this.ctx.requireApi(9, 'Range.getRowProperties');
    const res = { value: [] as { rowHidden: boolean; rowIndex: number }[] };
    this.ctx.onSync(() => {
      const r = this.rects()[0], s = this.sheetOf();
      res.value = Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => ({ rowHidden: s.hiddenRows.has(r.r0 + i), rowIndex: r.r0 + i }));
    });
    return res;
  }

  /**
   * The merged areas whose top-left cell lies in the range (office-js #3611). As in Excel, their `address`
   * names only each area's top-left cell (#1590); `areas` has the areas whole.
   */
  getMergedAreasOrNullObject(): FakeRangeProxy {
    this.ctx.requireApi(13, 'Range.getMergedAreasOrNullObject');
    const found = () => {
      const r = this.rects()[0];
      if (!r) return [];
      return this.sheetOf().merges.filter((m) => m.r0 >= r.r0 && m.r0 <= r.r1 && m.c0 >= r.c0 && m.c0 <= r.c1);
    };
    const merged = new FakeRangeProxy(this.ctx, this.sheetOf, () => found().map((m) => ({ r0: m.r0, c0: m.c0, r1: m.r0, c1: m.c0 })), true);
    merged.areasOf = found;
    return merged;
  }

  /** for a RangeAreas: the whole areas (otherwise the range's own rectangles) */
  areasOf?: () => CellRange[];

  /** RangeAreas.areas (ExcelApi 1.9): a collection whose items' rowIndex, columnIndex, rowCount, columnCount load. */
  private areasColl?: { items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[]; load: (p?: string | string[]) => unknown };
  get areas(): { items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[]; load: (p?: string | string[]) => unknown } {
    this.ctx.requireApi(9, 'RangeAreas.areas');
    if (this.areasColl) return this.areasColl;
    const coll = { load: (_p?: string | string[]) => {
      this.ctx.onSync(() => {
        st.values.items = (this.areasOf ?? this.rects)().map((m) => ({ rowIndex: m.r0, columnIndex: m.c0, rowCount: m.r1 - m.r0 + 1, columnCount: m.c1 - m.c0 + 1 }));
        st.loaded.add('items');
      });
      return coll;
    } } as { items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[]; load: (p?: string | string[]) => unknown };
    const st = loadable(coll, ['items']);
    this.areasColl = coll;
    return coll;
  }

  merge(_across?: boolean): void {
    this.ctx.queue(60, () => {
      const s = this.sheetOf();
      if (s.protected) throw new OfficeLikeError('AccessDenied', 'the sheet is protected', 'Range.merge');
      for (const r of this.rects()) {
        if (this.ctx.options.platform === 'web') {
          // office-js #6405: on the web, merging drops the fill and borders the cells had
          for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) { const c = s.cells.get(key(i, j)); if (c) { delete c.fill; c.borders = {}; } }
        }
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
      const opts = (typeof a === 'function' ? {} : a) as { delayForCellEdit?: boolean };
      // delayForCellEdit (ExcelApi 1.11) waits for the user to leave the cell instead of failing
      ctx.delayForCellEdit = Boolean(opts.delayForCellEdit) && ctx.isSetSupported('1.11');
      const out = await cb(ctx);
      await ctx.finalSync();
      return out;
    },
  });
  const office = new OfficeMockObject({
    context: {
      diagnostics: { platform: ctx.options.platform === 'web' ? 'OfficeOnline' : 'PC' },
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
