/**
 * The parts of an .xlsx package, read from its zip central directory (src/xlsx/zipGuard.ts) and inflated one at a
 * time by Node's zlib as a stream: each part within PACKAGE.maxPartBytes, all of them within PACKAGE.maxTotalBytes.
 * Only the parts the reader asks for are ever inflated (media, drawings, themes... never are).
 */
import * as zlib from 'zlib';
import { StringDecoder } from 'string_decoder';
import { PACKAGE } from '../../core/base/limits';
import { type Entry, entries, PackageLimit } from '../zipGuard';

const SLICE = 64 * 1024;

/** A listener made outside any reader's scope (a closure made inside would keep that scope, and the bytes, alive). */
const ignore = (): void => undefined;

export class ZipParts {
  private readonly byName = new Map<string, Entry>();
  private inflated = 0;

  constructor(private readonly buf: Buffer) {
    for (const e of entries(buf)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Streams the part's text to `sink` in pieces (UTF-8 decoded across piece boundaries). */
  async read(name: string, sink: (text: string) => void): Promise<void> {
    const e = this.byName.get(name);
    if (!e) throw new PackageLimit('corrupt', name);
    if (e.flags & 1) throw new PackageLimit('encrypted-entry', e.name);
    const h = e.offset;
    if (h + 30 > this.buf.length || this.buf.readUInt32LE(h) !== 0x04034b50) throw new PackageLimit('corrupt', e.name);
    const start = h + 30 + this.buf.readUInt16LE(h + 26) + this.buf.readUInt16LE(h + 28);
    const data = this.buf.subarray(start, Math.min(this.buf.length, start + e.comp));
    const decoder = new StringDecoder('utf8');
    let part = 0;
    // The inflater may outlive the read (its listeners stay reachable for a while): the reader's state, a whole
    // grid for a worksheet, must not be kept through them, so the sink is dropped once the part is read.
    let out: ((text: string) => void) | undefined = sink;
    const take = (chunk: Buffer) => {
      part += chunk.length;
      this.inflated += chunk.length;
      if (part > PACKAGE.maxPartBytes) throw new PackageLimit('part-size', e.name, PACKAGE.maxPartBytes);
      if (this.inflated > PACKAGE.maxTotalBytes) throw new PackageLimit('total-size', e.name, PACKAGE.maxTotalBytes);
      const text = decoder.write(chunk);
      if (text) out?.(text);
    };
    try {
      if (e.method === 0) {
        for (let p = 0; p < data.length; p += SLICE) take(data.subarray(p, p + SLICE));
      } else if (e.method === 8) {
        await inflateStream(data, take, e.name);
      } else {
        throw new PackageLimit('corrupt', e.name);
      }
      const rest = decoder.end();
      if (rest) sink(rest);
    } finally {
      out = undefined;
    }
  }
}

/** Inflates `data` piece by piece; an error thrown by `take` stops the inflater and is rethrown as is; zlib's own is a damaged part. */
function inflateStream(data: Buffer, take: (chunk: Buffer) => void, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw({ chunkSize: SLICE });
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      z.destroy();
      reject(err);
    };
    z.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        take(chunk);
      } catch (err) {
        fail(err);
      }
    });
    z.on('error', () => fail(new PackageLimit('corrupt', name)));
    z.on('end', () => {
      // The inflater is closed now, not when the event loop next runs: a check that follows runs for seconds without
      // yielding, and the inflater's listeners reach the package's bytes.
      z.removeAllListeners();
      z.on('error', ignore);
      z.destroy();
      if (!failed) resolve();
    });
    z.end(data);
  });
}
