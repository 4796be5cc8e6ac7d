/**
 * A minimal streaming ZIP writer for .xlsx packages: each part is deflated with node:zlib as its text is produced,
 * so a part never has to exist whole in memory. Local headers are written first and completed afterwards (CRC and
 * sizes patched in place), so the file carries no data descriptors; a central directory closes it. No ZIP64: an
 * archive (or part) reaching 4 GiB is refused with XlsxWriteError.
 */
import * as zlib from 'zlib';
import type { FileHandle } from 'fs/promises';

/** Where the archive's bytes go: appended in order, with an occasional patch of bytes already written. */
export interface ZipSink {
  append(b: Buffer): Promise<void>;
  patch(position: number, b: Buffer): Promise<void>;
}

/** Bytes collected in memory (Buffer.concat at the end). */
export class BufferSink implements ZipSink {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  async append(b: Buffer): Promise<void> { this.chunks.push(b); this.size += b.length; }
  async patch(position: number, b: Buffer): Promise<void> {
    let at = 0;
    for (const c of this.chunks) {
      if (position >= at && position + b.length <= at + c.length) { b.copy(c, position - at); return; }
      at += c.length;
    }
    throw new Error('zip: patch outside one written chunk');
  }
  bytes(): Buffer { return Buffer.concat(this.chunks, this.size); }
}

/** Bytes written to an open file, from its start. */
export class FileSink implements ZipSink {
  private pos = 0;
  constructor(private readonly fh: FileHandle) {}
  async append(b: Buffer): Promise<void> {
    let done = 0;
    while (done < b.length) done += (await this.fh.write(b, done, b.length - done, this.pos + done)).bytesWritten;
    this.pos += b.length;
  }
  async patch(position: number, b: Buffer): Promise<void> { await this.fh.write(b, 0, b.length, position); }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of b continuing from crc: node:zlib's native one where the Node version has it. */
const crc32: (b: Buffer, crc: number) => number = (zlib as unknown as { crc32?: (b: Buffer, c: number) => number }).crc32
  ?? ((b, crc) => {
    let c = ~crc;
    for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  });

/**
 * Part of an entry's data deflated already: raw deflate blocks ending on a byte boundary and not final (each piece
 * deflated on its own with Z_SYNC_FLUSH), so they can stand between other such pieces; CRC-32 and size of the text.
 */
export interface Deflated { chunks: Buffer[]; crc: number; size: number; csize: number }

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]);
}

/** CRC-32 of A followed by B from crc(A), crc(B) and B's length (zlib's crc32_combine). */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  for (;;) {
    gf2Square(even, odd);
    if (len % 2) c = gf2Times(even, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) c = gf2Times(odd, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (c ^ crc2) >>> 0;
}

/** Deflates text on its own, ending on a byte boundary (not final) unless `last`: a piece of a spliced entry. */
export function deflatePiece(b: Buffer, level: number, last: boolean): Buffer {
  return zlib.deflateRawSync(b, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
}

/**
 * deflatePiece on libuv's thread pool: the same bytes (same zlib settings, input and final flush), while the main
 * thread goes on laying out and serialising rows. The output buffer holds the whole result (deflate never grows text
 * by more than 5 bytes per 16 KB block plus a few), so the pool does the piece in one job, without coming back to a
 * main thread that is busy; the result is copied out of that buffer.
 */
export function deflatePieceAsync(b: Buffer, level: number, last: boolean): Promise<Buffer> {
  const chunkSize = Math.max(zlib.constants.Z_DEFAULT_CHUNK, b.length + (b.length >> 10) + 1024);
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(b, { level, chunkSize, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH },
      (err, z) => (err ? reject(err) : resolve(Buffer.from(z))));
  });
}

export { crc32 };

interface Entry { name: Buffer; offset: number; crc: number; size: number; csize: number }

/** DOS date/time of 1980-01-01 00:00 (the archive's contents, not its time, are what matters). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;

/** Text is gathered into chunks of about this many characters before it is encoded and deflated. */
const CHUNK_CHARS = 1 << 16;

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private pos = 0;

  constructor(private readonly sink: ZipSink, private readonly level = 6, private readonly tooLarge: () => Error = () => new Error('zip: archive over 4 GiB')) {}

  private async append(b: Buffer): Promise<void> {
    await this.sink.append(b);
    this.pos += b.length;
    if (this.pos >= LIMIT) throw this.tooLarge();
  }

  private async localHeader(name: string): Promise<Entry> {
    const nameBuf = Buffer.from(name, 'utf8');
    const entry: Entry = { name: nameBuf, offset: this.pos, crc: 0, size: 0, csize: 0 };
    const head = Buffer.alloc(30 + nameBuf.length);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt16LE(nameBuf.length, 26);
    nameBuf.copy(head, 30);
    await this.append(head);
    return entry;
  }

  private async complete(entry: Entry): Promise<void> {
    const fix = Buffer.alloc(12);
    fix.writeUInt32LE(entry.crc >>> 0, 0);
    fix.writeUInt32LE(entry.csize, 4);
    fix.writeUInt32LE(entry.size, 8);
    await this.sink.patch(entry.offset + 14, fix);
    this.entries.push(entry);
  }

  /**
   * Adds one part made of text and data deflated already (Deflated, one at most here): the text before and after it
   * is deflated on its own and the pieces are written in order, the CRC-32 combined.
   */
  async addSpliced(name: string, pieces: (string | Deflated)[]): Promise<void> {
    const entry = await this.localHeader(name);
    const parts: Deflated[] = [];
    let text: string[] = [];
    const flushText = (last: boolean) => {
      const b = Buffer.from(text.join(''), 'utf8');
      const z = deflatePiece(b, this.level, last);
      parts.push({ chunks: [z], crc: crc32(b, 0), size: b.length, csize: z.length });
      text = [];
    };
    for (const p of pieces) {
      if (typeof p === 'string') text.push(p);
      else { flushText(false); parts.push(p); }
    }
    flushText(true);
    for (const p of parts) {
      entry.crc = crc32Combine(entry.crc, p.crc, p.size);
      entry.size += p.size;
      if (entry.size >= LIMIT) throw this.tooLarge();
      for (const c of p.chunks) { entry.csize += c.length; await this.append(c); }
    }
    await this.complete(entry);
  }

  /** Adds one part; `text` yields its XML in pieces of any size, in order. */
  async add(name: string, text: Iterable<string>): Promise<void> {
    const entry = await this.localHeader(name);

    const deflate = zlib.createDeflateRaw({ level: this.level });
    const drained = (async () => {
      for await (const c of deflate as AsyncIterable<Buffer>) {
        entry.csize += c.length;
        await this.append(c);
      }
    })();
    // A failure on the output side stops the producer too; it is re-thrown by `await drained` below.
    let failed = false;
    drained.catch(() => { failed = true; });
    const feed = async (s: string) => {
      const b = Buffer.from(s, 'utf8');
      entry.crc = crc32(b, entry.crc);
      entry.size += b.length;
      if (entry.size >= LIMIT) throw this.tooLarge();
      if (!deflate.write(b)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
    };
    let pending: string[] = [];
    let chars = 0;
    try {
      for (const piece of text) {
        pending.push(piece);
        chars += piece.length;
        if (chars >= CHUNK_CHARS) {
          await feed(pending.join(''));
          pending = [];
          chars = 0;
          if (failed) break;
        }
      }
      if (chars > 0 && !failed) await feed(pending.join(''));
    } catch (e) {
      deflate.destroy();
      await drained.catch(() => undefined);
      throw e;
    }
    deflate.end();
    await drained;
    await this.complete(entry);
  }

  /** Writes the central directory; the archive is then complete. */
  async finish(): Promise<void> {
    const start = this.pos;
    for (const e of this.entries) {
      const h = Buffer.alloc(46 + e.name.length);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      e.name.copy(h, 46);
      await this.append(h);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.pos - start, 12);
    end.writeUInt32LE(start, 16);
    await this.append(end);
  }
}
