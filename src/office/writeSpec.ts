/// <reference types="office-js" />
/**
 * The Office.js writer: SheetSpec → a NEW worksheet, in a number of round trips that does not grow with
 * the row count except to respect request-size limits (what is sent, in which batches, is planned in
 * writePlan.ts):
 *   1 sync   read sheet names (pick a free name) and whether the workbook's structure is protected (then
 *            nothing is written: a Vietnamese message says how to unprotect)
 *   k syncs  add the sheet + values/formulas/number formats as 2D arrays, in chunks of ≤ 5,000 rows and
 *            ≤ ~3.5 MB each (halved and retried when Excel still says the payload is too large)
 *   1 sync   formats per style block (RangeAreas where supported), merges, widths, heights, as small queued
 *            operations (more syncs only when they exceed the size budget, or when Excel still says a batch is
 *            too large: that batch is halved and retried, down to a single operation) — the sheet is then complete
 *   1 sync   freeze panes, list validation, print setup, activate: optional; a failure here keeps the sheet
 *            and becomes a warning
 * On any failure before the sheet is complete, only that sheet is removed, and only once it is known to be the
 * one this writer added (never a same-named sheet made meanwhile): by its id, loaded with the add, so that a
 * sheet renamed meanwhile is still found and another sheet given its name is not touched. Fit to one page wide
 * is read back after it is set: Excel may ignore it (office-js #1860), and the officer is then told how to set it.
 */
import type { SheetSpec, CellStyle, PrintSpec } from '../core/layout/sheetspec';
import { freeSheetName } from '../core/layout/sheetNames';
import { HostError, errorLocation, isPayloadLimit, officeCode, toHostError } from './errors';
import type { WriteProgress } from './host';
import { DOING, WRITER } from './messages';
import { DEFAULT_SYNC_TIMEOUT_MS, watchSyncs, type Sync } from './sync';
import {
  DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, halveChunk, packOps, planSheetOps, planValidations, planValueChunks, printSetup,
  type Inside, type SheetOp,
} from './writePlan';

export interface WriteOptions {
  maxRowsPerChunk?: number;
  maxRequestBytes?: number;
  syncTimeoutMs?: number;
  /** called at each sync's start and end (the host's whole-run watchdog) */
  onSync?: () => void;
  /** ExcelApi version support, e.g. (v) => Office.context.requirements.isSetSupported('ExcelApi', v). */
  excelApi?: (version: string) => boolean;
  onProgress?: (p: WriteProgress) => void;
}

export interface WriteResult {
  name: string;
  syncs: number;
  /** Vietnamese notes on optional steps that did not happen (the sheet itself is complete). */
  warnings: string[];
}

export async function writeSpecToNewSheet(context: Excel.RequestContext, spec: SheetSpec, opts: WriteOptions = {}): Promise<WriteResult> {
  const api = opts.excelApi ?? (() => false);
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_BYTES;
  const timeout = opts.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const { sync, count } = watchSyncs(timeout, opts.onSync);
  const name = await freeName(context, spec.name, api, sync);
  const target = newSheet(context, name, sync);
  try {
    await writeValues(context, target, spec, opts, maxBytes);
    await writeFormats(target, packOps(planSheetOps(spec, api('1.9')), maxBytes));
  } catch (e) {
    throw await failed(context, e, name, target, sync);
  }
  const warnings = await finish(context, spec, name, api, sync);
  return { name, syncs: count(), warnings };
}

/** 1. A name no sheet has yet; a workbook whose structure is protected is refused before anything is written. */
async function freeName(context: Excel.RequestContext, wanted: string, api: (v: string) => boolean, sync: Sync): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const protection = api('1.7') ? context.workbook.protection : null;
  protection?.load('protected');
  try {
    await sync(context.sync());
  } catch (e) {
    throw toHostError(e, DOING.readSheetNames);
  }
  if (protection?.protected) throw new HostError('WorkbookProtected', `${DOING.writeNewSheet}: ${WRITER.workbookProtected}${WRITER.nothingWritten}`);
  return freeSheetName(sheets.items.map((s) => s.name), wanted);
}

/**
 * Whether the sheet called name is this writer's: 'none' until the batch that carries worksheets.add has
 * completed; 'unknown' when that batch timed out. Only 'ours' is ever removed on failure: a sheet of that
 * name may also appear between the first sync and the add (co-authoring), and it is then not ours.
 */
type Owner = 'none' | 'ours' | 'unknown';

interface NewSheet {
  /** The sheet; queues worksheets.add first when no batch carrying it has gone through (yet). */
  sheet(): Excel.Worksheet;
  /** A sync of the queued writes; settles the owner of the sheet when the batch carries the add. */
  sync(): Promise<void>;
  owner(): Owner;
  /** The sheet's id once the batch carrying the add has gone through. */
  id(): string | undefined;
}

function newSheet(context: Excel.RequestContext, name: string, sync: Sync): NewSheet {
  let owner: Owner = 'none';
  let ws: Excel.Worksheet | null = null;
  let addQueued = false;
  let id: string | undefined;
  return {
    sheet() {
      if (!ws) {
        ws = context.workbook.worksheets.add(name);
        ws.load('id');
        addQueued = true;
      }
      return ws;
    },
    async sync() {
      try {
        await sync(context.sync());
      } catch (e) {
        if (addQueued) {
          addQueued = false;
          owner = addOutcome(e);
          if (owner !== 'ours') ws = null;
        }
        throw e;
      }
      if (addQueued) {
        addQueued = false;
        owner = 'ours';
        id = ws?.id;
      }
    },
    owner: () => owner,
    id: () => id,
  };
}

/**
 * Who owns the sheet after the batch carrying worksheets.add failed with e. The add is the first operation
 * of that batch and Excel applies a batch's operations in order up to the one that fails, so: the add
 * itself failed (Office locates the error at WorksheetCollection.add: focus moved to another workbook, a
 * protected workbook; or ItemAlreadyExists: a sheet of that name appeared since the names were read) →
 * nothing of ours; a size limit refused the batch as a whole (on the web: GeneralException without a
 * location) → nothing ran; no answer (timeout) → unknown; any other error came from a later operation →
 * the sheet was added and is ours.
 */
function addOutcome(e: unknown): Owner {
  const code = officeCode(e);
  if (/\.add$/i.test(errorLocation(e) ?? '')) return 'none';
  if (code === 'ItemAlreadyExists' || isPayloadLimit(e)) return 'none';
  if (code === 'SyncTimeout') return 'unknown';
  return 'ours';
}

/** 2. Values, formulas, number formats; a chunk refused as too large is halved and retried. */
async function writeValues(context: Excel.RequestContext, target: NewSheet, spec: SheetSpec, opts: WriteOptions, maxBytes: number): Promise<void> {
  const queue = planValueChunks(spec, opts.maxRowsPerChunk ?? DEFAULT_MAX_ROWS, maxBytes);
  const total = spec.rows.length;
  let written = 0;
  while (queue.length) {
    const ch = queue.shift()!;
    const sheet = target.sheet();
    context.application.suspendApiCalculationUntilNextSync();
    if (ch.rows > 0) {
      const rg = sheet.getRangeByIndexes(ch.row0, 0, ch.rows, ch.cols);
      rg.numberFormat = ch.numberFormat;
      rg.formulas = ch.formulas;
    }
    try {
      await target.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || ch.rows <= 1) throw e;
      // the request was refused as a whole: when it carried the add, the next batch adds the sheet again
      queue.unshift(...halveChunk(ch));
      continue;
    }
    written += ch.rows;
    opts.onProgress?.({ rowsWritten: written, rowsTotal: total });
  }
}

/**
 * 3. Formats, merges, geometry, in batches within the byte budget; a batch Excel refuses as too large (refused
 * as a whole: nothing in it ran) is halved and retried.
 */
async function writeFormats(target: NewSheet, batches: SheetOp[][]): Promise<void> {
  while (batches.length) {
    const batch = batches.shift()!;
    // target.sheet() again: when a refused batch carried the add (a spec without rows), the retry adds the sheet
    const sheet = target.sheet();
    for (const op of batch) runOp(sheet, op);
    try {
      await target.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || batch.length <= 1) throw e;
      const k = Math.ceil(batch.length / 2);
      batches.unshift(batch.slice(0, k), batch.slice(k));
    }
  }
}

function runOp(sheet: Excel.Worksheet, op: SheetOp): void {
  switch (op.kind) {
    case 'fontName': sheet.getRange(op.address).format.font.name = op.name; break;
    case 'fontSize': sheet.getRange(op.address).format.font.size = op.size; break;
    case 'style': applyStyle(op.areas ? sheet.getRanges(op.address) : sheet.getRange(op.address), op.style, op.inside); break;
    case 'merge': sheet.getRange(op.address).merge(false); break;
    case 'columnWidth': sheet.getRange(op.address).format.columnWidth = op.points; break;
    case 'rowHeight': sheet.getRange(op.address).format.rowHeight = op.points; break;
  }
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function applyStyle(target: { format: Excel.RangeFormat }, st: CellStyle, inside: Inside): void {
  const f = target.format;
  if (st.font) {
    if (st.font.name !== undefined) f.font.name = st.font.name;
    if (st.font.size !== undefined) f.font.size = st.font.size;
    if (st.font.bold !== undefined) f.font.bold = st.font.bold;
    if (st.font.italic !== undefined) f.font.italic = st.font.italic;
    if (st.font.underline !== undefined) f.font.underline = st.font.underline ? 'Single' : 'None';
    if (st.font.color !== undefined) f.font.color = `#${st.font.color}`;
  }
  if (st.h) f.horizontalAlignment = H_ALIGN[st.h];
  if (st.v) f.verticalAlignment = V_ALIGN[st.v];
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.fill) f.fill.color = `#${st.fill}`;
  if (st.border) {
    for (const b of BORDERS) {
      if ((b === 'InsideHorizontal' && !inside.h) || (b === 'InsideVertical' && !inside.v)) continue;
      const edge = f.borders.getItem(b);
      edge.style = 'Continuous';
      edge.weight = 'Thin';
    }
  }
}

/** The error to throw when the sheet could not be completed, after removing the sheet when it is ours. */
async function failed(context: Excel.RequestContext, e: unknown, name: string, target: NewSheet, sync: Sync): Promise<HostError> {
  const owner = target.owner();
  const err = toHostError(e, DOING.createSheet(name));
  if (owner === 'none') {
    const why = err.code === 'ItemAlreadyExists' ? WRITER.sheetNameTaken(name) : '';
    return new HostError(err.code, `${err.message}${why}${WRITER.nothingWritten}`, e);
  }
  if (owner === 'unknown') return new HostError(err.code, `${err.message}${WRITER.maybeLeftUnknown(name)}`, e);
  // by id when known (the add's batch went through); by name only right after the add's own batch failed
  const cleanup = await removeSheetIfExists(context, target.id() ?? name, sync);
  return new HostError(err.code, `${err.message}${cleanup.ok ? WRITER.removed(name) : WRITER.maybeLeft(name)}`, e);
}

/** Deletes the sheet with this id (or name) if it exists (used only for the sheet this writer created). */
async function removeSheetIfExists(context: Excel.RequestContext, key: string, sync: Sync): Promise<{ ok: boolean }> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(key);
    await sync(context.sync());
    if (!ws.isNullObject) {
      ws.delete();
      await sync(context.sync());
    }
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

/**
 * 4. The sheet is complete; what follows is convenience (freeze, lists, print setup, activation): a failure
 * there keeps the sheet and becomes a warning. Returns the warnings.
 */
async function finish(context: Excel.RequestContext, spec: SheetSpec, name: string, api: (v: string) => boolean, sync: Sync): Promise<string[]> {
  const warnings: string[] = [];
  const sheet = context.workbook.worksheets.getItem(name);
  try {
    freeze(sheet, spec);
    if (spec.validations?.length && api('1.8')) addLists(sheet, spec, warnings);
    else if (spec.validations?.length) warnings.push(WRITER.listsUnsupported);
    const fit = spec.print && api('1.9') ? setUpPrint(sheet, spec.print) : null;
    if (spec.print && !fit) warnings.push(WRITER.printUnsupported);
    sheet.activate();
    sheet.getRange('A1').select();
    await sync(context.sync());
    // office-js #1860: the zoom may not take (Page Layout tab never opened); read back in the same batch
    if (fit && fit.pl.zoom?.horizontalFitToPages !== fit.wanted) warnings.push(WRITER.fitNotApplied);
  } catch (e) {
    warnings.push(WRITER.finishFailed(name, toHostError(e).message));
    try {
      sheet.activate();
      await sync(context.sync());
    } catch {
      warnings.push(WRITER.openItYourself(name));
    }
  }
  return warnings;
}

function freeze(sheet: Excel.Worksheet, spec: SheetSpec): void {
  if (!spec.freeze || (spec.freeze.rows <= 0 && spec.freeze.cols <= 0)) return;
  const { rows, cols } = spec.freeze;
  if (cols === 0) sheet.freezePanes.freezeRows(rows);
  else if (rows === 0) sheet.freezePanes.freezeColumns(cols);
  else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, cols));
}

/** Queues the list validations Excel can take, and a warning for each it cannot. */
function addLists(sheet: Excel.Worksheet, spec: SheetSpec, warnings: string[]): void {
  for (const v of planValidations(spec)) {
    if (v.refused) {
      warnings.push(WRITER.listRefused(v.address));
      continue;
    }
    const dv = sheet.getRange(v.address).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.source } };
    if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: '' };
  }
}

/** Queues the print setup, and a read-back of the zoom; returns the page layout and the pages wide wanted. */
function setUpPrint(sheet: Excel.Worksheet, print: PrintSpec): { pl: Excel.PageLayout; wanted: number } {
  const p = printSetup(print);
  const pl = sheet.pageLayout;
  pl.orientation = p.orientation;
  pl.paperSize = 'A4';
  pl.zoom = p.zoom;
  pl.topMargin = p.margins.top;
  pl.bottomMargin = p.margins.bottom;
  pl.leftMargin = p.margins.left;
  pl.rightMargin = p.margins.right;
  pl.headerMargin = p.margins.header;
  pl.footerMargin = p.margins.footer;
  pl.centerHorizontally = true;
  pl.setPrintArea(p.printArea);
  if (p.titleRows) pl.setPrintTitleRows(p.titleRows);
  if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
  pl.load('zoom');
  return { pl, wanted: p.zoom.horizontalFitToPages };
}
