/**
 * The package guard in front of exceljs: reads the zip's central directory itself and hands exceljs a new, stored
 * (uncompressed) package holding only the parts the reader uses. Each kept part is inflated here by Node's zlib with
 * a cap on its output, so a compression bomb stops at the limit instead of exhausting memory; media, drawings,
 * document properties, themes and every other part the reader never looks at are never inflated at all. Worksheet
 * parts are also counted (rows, cells) before exceljs builds its model of them.
 *
 * Every refusal is a PackageLimit naming the limit; the reader turns it into one Vietnamese line.
 */
import * as zlib from 'zlib';
import { PACKAGE } from '../core/base/limits';

export type PackageLimitKind = 'part-size' | 'total-size' | 'rows' | 'cells' | 'extent' | 'corrupt' | 'encrypted-entry';

/** Why a package is refused before exceljs sees it. */
export class PackageLimit extends Error {
  constructor(readonly kind: PackageLimitKind, readonly part: string, readonly figure = 0) {
    super(`${kind}: ${part}`);
    this.name = 'PackageLimit';
  }
}

/** The parts the reader needs (exceljs parses these for values, styles, merges and sheet names). */
const KEEP = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels)$/;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export interface Entry { name: string; method: number; flags: number; comp: number; size: number; offset: number }

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw new PackageLimit('corrupt', '');
}

/** Zip64 sizes and offset from a central entry's extra field (only the fields the entry marks as 0xFFFFFFFF). */
function zip64(buf: Buffer, extra: number, extraLen: number, e: Entry): void {
  for (let p = extra; p + 4 <= extra + extraLen;) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => { const v = Number(buf.readBigUInt64LE(q)); q += 8; return v; };
      if (e.size === 0xffffffff) e.size = next();
      if (e.comp === 0xffffffff) e.comp = next();
      if (e.offset === 0xffffffff) e.offset = next();
      return;
    }
    p += 4 + len;
  }
}

/** The zip's central directory: every entry's name, method, sizes and local header offset. */
export function entries(buf: Buffer): Entry[] {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw new PackageLimit('corrupt', '');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) throw new PackageLimit('corrupt', '');
    count = Number(buf.readBigUInt64LE(z + 32));
    p = Number(buf.readBigUInt64LE(z + 48));
  }
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new PackageLimit('corrupt', '');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: Entry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, ''),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      comp: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
    };
    zip64(buf, p + 46 + nameLen, extraLen, e);
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function inflate(buf: Buffer, e: Entry, cap: number, total: number): Buffer {
  if (e.flags & 1) throw new PackageLimit('encrypted-entry', e.name);
  const h = e.offset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new PackageLimit('corrupt', e.name);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + e.comp));
  const kind: PackageLimitKind = cap < PACKAGE.maxPartBytes ? 'total-size' : 'part-size';
  if (e.method === 0) {
    if (data.length > cap) throw new PackageLimit(kind, e.name, kind === 'part-size' ? PACKAGE.maxPartBytes : total);
    return data;
  }
  if (e.method !== 8) throw new PackageLimit('corrupt', e.name);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PackageLimit(kind, e.name, kind === 'part-size' ? PACKAGE.maxPartBytes : total);
    }
    throw new PackageLimit('corrupt', e.name);
  }
}

/** Occurrences of a worksheet's row or cell start tag ("<row ", "<c " / "<c>" / "<c/>"). */
export function countTags(xml: Buffer, tag: 'row' | 'c'): number {
  const needle = Buffer.from(`<${tag}`);
  let n = 0;
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + needle.length)) {
    const next = xml[i + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/** Checks a worksheet's rows, and the cells of the workbook so far; returns the new cell count. */
function checkSheet(name: string, xml: Buffer, before: number): number {
  const rows = countTags(xml, 'row');
  if (rows > PACKAGE.maxSheetRows) throw new PackageLimit('rows', name, rows);
  const cells = before + countTags(xml, 'c');
  if (cells > PACKAGE.maxCells) throw new PackageLimit('cells', name, cells);
  return cells;
}

function crc(data: Buffer): number {
  return zlib.crc32(data);
}

/** A stored zip of the given parts (no compression: exceljs's JSZip then only copies the bytes). */
function storedZip(parts: [string, Buffer][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const n = Buffer.from(name, 'utf8');
    const c = crc(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0x0800, 6);
    h.writeUInt32LE(c >>> 0, 14); h.writeUInt32LE(data.length, 18); h.writeUInt32LE(data.length, 22); h.writeUInt16LE(n.length, 26);
    const d = Buffer.alloc(46);
    d.writeUInt32LE(0x02014b50, 0); d.writeUInt16LE(20, 4); d.writeUInt16LE(20, 6); d.writeUInt16LE(0x0800, 8);
    d.writeUInt32LE(c >>> 0, 16); d.writeUInt32LE(data.length, 20); d.writeUInt32LE(data.length, 24); d.writeUInt16LE(n.length, 28);
    d.writeUInt32LE(offset, 42);
    chunks.push(h, n, data);
    central.push(d, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/**
 * The package reduced to the parts the reader needs, inflated within PACKAGE.maxPartBytes each and
 * PACKAGE.maxTotalBytes together, each worksheet within PACKAGE.maxSheetRows rows and all of them within PACKAGE.maxCells cells.
 */
export function guardedPackage(buf: Buffer): Buffer {
  try {
    return guarded(buf);
  } catch (e) {
    // A damaged directory (offsets past the end, lengths that do not add up) is a damaged file, nothing else.
    if (e instanceof PackageLimit) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ERR_OUT_OF_RANGE' || e instanceof RangeError) throw new PackageLimit('corrupt', '');
    throw e;
  }
}

function guarded(buf: Buffer): Buffer {
  const kept: [string, Buffer][] = [];
  let total = 0;
  let cells = 0;
  for (const e of entries(buf)) {
    if (!KEEP.test(e.name)) continue;
    const cap = Math.max(1, Math.min(PACKAGE.maxPartBytes, PACKAGE.maxTotalBytes - total));
    const data = inflate(buf, e, cap, PACKAGE.maxTotalBytes);
    total += data.length;
    if (total > PACKAGE.maxTotalBytes) throw new PackageLimit('total-size', e.name, PACKAGE.maxTotalBytes);
    if (SHEET.test(e.name)) cells = checkSheet(e.name, data, cells);
    kept.push([e.name, data]);
  }
  return storedZip(kept);
}
