/**
 * The package guard's pure part, for readers without Node (the browser preview, src/taskpane/xlsxBrowser.ts): reads
 * a zip's central directory from bytes, keeps only the parts a workbook reader uses, inflates each through a given
 * inflater with a cap on its output (a compression bomb stops at the limit), counts each worksheet's rows and cells,
 * the cells of its merged areas and how far its cells reach, and packs the kept parts into a stored zip for exceljs.
 * Same limits as the command line's guard (src/xlsx/zipGuard.ts, PACKAGE in limits.ts); no Node or DOM API here.
 */
import { EXCEL, PACKAGE } from './limits';

/** The largest file opened (the command line's MAX_INPUT_BYTES). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** How far a worksheet's cells may reach in a reader that draws the sheet (rows × columns from A1). */
export const SHEET_EXTENT = { rows: 120_000, cols: 256 } as const;

export type ZipLimitKind =
  | 'file-size' | 'part-size' | 'total-size' | 'rows' | 'cells' | 'merged' | 'extent' | 'corrupt' | 'encrypted-entry';

/** Why a package is refused before a workbook library sees it. */
export class ZipLimit extends Error {
  constructor(readonly kind: ZipLimitKind, readonly part: string, readonly figure = 0, readonly where = '') {
    super(`${kind}: ${part}`);
    this.name = 'ZipLimit';
  }
}

/** Inflates raw deflate data; resolves undefined once the output would pass `cap` bytes (stopping there). */
export type Inflater = (data: Uint8Array, cap: number) => Promise<Uint8Array | undefined>;

const KEEP = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels)$/;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export interface ZipEntry { name: string; method: number; flags: number; comp: number; size: number; offset: number }

function ascii(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** The zip's central directory (names, methods, sizes, offsets); a damaged one is a 'corrupt' ZipLimit. */
export function zipEntries(b: Uint8Array): ZipEntry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new ZipLimit('corrupt', '');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  // zip64 directories: no workbook a reader can take is that large
  if (count === 0xffff || p === 0xffffffff) throw new ZipLimit('file-size', '', MAX_FILE_BYTES);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== 0x02014b50) throw new ZipLimit('corrupt', '');
    const nameLen = v.getUint16(p + 28, true);
    out.push({
      name: ascii(b, p + 46, p + 46 + nameLen).replace(/^\//, ''),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      comp: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/** One entry's bytes, inflated within `cap` bytes (a 'part-size' or 'total-size' ZipLimit past it). */
export async function inflateEntry(b: Uint8Array, e: ZipEntry, cap: number, inflater: Inflater): Promise<Uint8Array> {
  if (e.flags & 1) throw new ZipLimit('encrypted-entry', e.name);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const h = e.offset;
  if (h + 30 > b.length || v.getUint32(h, true) !== 0x04034b50) throw new ZipLimit('corrupt', e.name);
  const start = h + 30 + v.getUint16(h + 26, true) + v.getUint16(h + 28, true);
  const data = b.subarray(start, Math.min(b.length, start + e.comp));
  const kind: ZipLimitKind = cap < PACKAGE.maxPartBytes ? 'total-size' : 'part-size';
  const over = () => new ZipLimit(kind, e.name, kind === 'part-size' ? PACKAGE.maxPartBytes : PACKAGE.maxTotalBytes);
  if (e.method === 0) {
    if (data.length > cap) throw over();
    return data;
  }
  if (e.method !== 8) throw new ZipLimit('corrupt', e.name);
  let out: Uint8Array | undefined;
  try {
    out = await inflater(data, cap);
  } catch {
    throw new ZipLimit('corrupt', e.name);
  }
  if (!out) throw over();
  return out;
}

const LT = 0x3c;
const QUOTE = 0x22;

/** Calls `visit` with the value of `attr` of every `<tag …>` of the XML (bytes; attributes in double or single quotes). */
export function eachTag(xml: Uint8Array, tag: string, attr: string | undefined, visit: (value: string | undefined) => void): void {
  const t = Array.from(tag, (ch) => ch.charCodeAt(0));
  const a = attr ? ` ${attr}=` : '';
  for (let i = xml.indexOf(LT); i >= 0; i = xml.indexOf(LT, i + 1)) {
    let k = 0;
    while (k < t.length && xml[i + 1 + k] === t[k]) k++;
    if (k < t.length) continue;
    const next = xml[i + 1 + k];
    if (!(next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)) continue;
    if (!attr) { visit(undefined); continue; }
    // the attribute within the tag (tags of these elements are short: look at most 512 bytes ahead)
    let end = i + 1 + k;
    while (end < xml.length && end < i + 512 && xml[end] !== 0x3e) end++;
    const head = ascii(xml, i + 1 + k, end).replace(/\s+/g, ' ');
    const at = head.indexOf(a);
    if (at < 0) { visit(undefined); continue; }
    const q = head.charCodeAt(at + a.length);
    const close = head.indexOf(String.fromCharCode(q === QUOTE ? QUOTE : 0x27), at + a.length + 1);
    visit(close < 0 ? undefined : head.slice(at + a.length + 1, close));
  }
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "B7" → [7, 2]; undefined when it is no cell address. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  return m ? [parseInt(m[2], 10), colNumber(m[1])] : undefined;
}

/** Cells in a merged range "A1:XFD1048576" (0 when it is no range). */
export function mergedCells(ref: string): number {
  const [a, b = a] = ref.split(':');
  const p = cellRef(a);
  const q = cellRef(b);
  return p && q ? (Math.abs(q[0] - p[0]) + 1) * (Math.abs(q[1] - p[1]) + 1) : 0;
}

export interface PackageCounts { cells: number; merged: number }

/** Checks one worksheet: rows, the workbook's cells and merged cells so far, and how far its cells reach. */
export function checkSheet(name: string, xml: Uint8Array, before: PackageCounts): PackageCounts {
  let rows = 0;
  let cells = before.cells;
  let merged = before.merged;
  eachTag(xml, 'row', undefined, () => { rows++; });
  if (rows > PACKAGE.maxSheetRows) throw new ZipLimit('rows', name, rows);
  eachTag(xml, 'c', 'r', (r) => {
    if (++cells > PACKAGE.maxCells) throw new ZipLimit('cells', name, cells);
    const at = r ? cellRef(r) : undefined;
    if (at && (at[0] > Math.min(EXCEL.maxRows, SHEET_EXTENT.rows) || at[1] > Math.min(EXCEL.maxCols, SHEET_EXTENT.cols))) {
      throw new ZipLimit('extent', name, 0, r!.toUpperCase());
    }
  });
  eachTag(xml, 'mergeCell', 'ref', (ref) => {
    const n = ref ? mergedCells(ref) : 0;
    merged += n;
    if (n > PACKAGE.maxMergedCells || merged > PACKAGE.maxMergedCells) throw new ZipLimit('merged', name, merged, ref);
  });
  return { cells, merged };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A stored (uncompressed) zip of the given parts; names are ASCII (the kept parts' names are). */
export function storedZip(parts: [string, Uint8Array][]): Uint8Array {
  const size = parts.reduce((n, [name, d]) => n + 30 + 46 + 2 * name.length + d.length, 22);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let p = 0;
  const central: [string, number, number, number][] = [];
  for (const [name, data] of parts) {
    const c = crc32(data);
    central.push([name, c, data.length, p]);
    v.setUint32(p, 0x04034b50, true); v.setUint16(p + 4, 20, true);
    v.setUint32(p + 14, c, true); v.setUint32(p + 18, data.length, true); v.setUint32(p + 22, data.length, true);
    v.setUint16(p + 26, name.length, true);
    for (let i = 0; i < name.length; i++) out[p + 30 + i] = name.charCodeAt(i);
    out.set(data, p + 30 + name.length);
    p += 30 + name.length + data.length;
  }
  const cd = p;
  for (const [name, c, len, offset] of central) {
    v.setUint32(p, 0x02014b50, true); v.setUint16(p + 4, 20, true); v.setUint16(p + 6, 20, true);
    v.setUint32(p + 16, c, true); v.setUint32(p + 20, len, true); v.setUint32(p + 24, len, true);
    v.setUint16(p + 28, name.length, true); v.setUint32(p + 42, offset, true);
    for (let i = 0; i < name.length; i++) out[p + 46 + i] = name.charCodeAt(i);
    p += 46 + name.length;
  }
  v.setUint32(p, 0x06054b50, true); v.setUint16(p + 8, parts.length, true); v.setUint16(p + 10, parts.length, true);
  v.setUint32(p + 12, p - cd, true); v.setUint32(p + 16, cd, true);
  return out;
}

/**
 * The package reduced to the parts a reader needs, within the command line's limits (PACKAGE, MAX_FILE_BYTES) and
 * SHEET_EXTENT; throws ZipLimit otherwise. A damaged directory is a 'corrupt' ZipLimit.
 */
export async function guardPackage(bytes: Uint8Array, inflater: Inflater): Promise<Uint8Array> {
  if (bytes.length > MAX_FILE_BYTES) throw new ZipLimit('file-size', '', bytes.length);
  const kept: [string, Uint8Array][] = [];
  let total = 0;
  let counts: PackageCounts = { cells: 0, merged: 0 };
  let list: ZipEntry[];
  try {
    list = zipEntries(bytes);
  } catch (e) {
    if (e instanceof ZipLimit) throw e;
    throw new ZipLimit('corrupt', '');
  }
  for (const e of list) {
    if (!KEEP.test(e.name)) continue;
    const cap = Math.max(1, Math.min(PACKAGE.maxPartBytes, PACKAGE.maxTotalBytes - total));
    const data = await inflateEntry(bytes, e, cap, inflater);
    total += data.length;
    if (SHEET.test(e.name)) counts = checkSheet(e.name, data, counts);
    kept.push([e.name, data]);
  }
  return storedZip(kept);
}
