/**
 * The body of a sheet streamed as it is laid out (layoutPlan with a RowSink, the command line's `build`): each row
 * handed over is serialised into XML at once (rowXml.ts) and deflated in pieces of about a megabyte on the thread
 * pool (zlib's async deflate: the same bytes as deflatePiece, while the layout goes on),
 * so a large appendix's rows exist only as compressed bytes (100,000 items: ~10 MB instead of ~140 MB of cells).
 * The writer (writeSpecsToSink with this book) then writes the sheet's head, these bytes and its tail as one part.
 * The texts and styles of the rows before the body are registered first, so the shared-string and style indices,
 * and so the sheet's XML, are exactly those of the same spec written whole.
 */
import type { CellRange } from '../core/base/grid';
import type { CellStyle, RowSink, RowSpec } from '../core/layout/sheetspec';
import { checkMerges } from './specCheck';
import { RowXml } from './rowXml';
import { SharedStrings, StyleTable } from './xlsxParts';
import { type Deflated, crc32, deflatePiece, deflatePieceAsync } from './zipStream';

/** Bytes of row XML gathered (encoded at once, so each row's string dies young) before they are deflated. */
const PIECE_BYTES = 1 << 20;
/**
 * Pieces handed to the thread pool per book at most; past that a piece is deflated here, so memory stays bounded
 * (~1.2 MB resident per piece: its text, and the part of its output buffer deflate fills). A piece's completion is only
 * seen when the main thread comes back to the event loop, which a synchronous layout never does: the pool is given
 * this many pieces while the layout runs, whatever it has finished. 16 pieces take the body of 10,000 items
 * (~6.7 MB of XML) whole, so the main thread deflates none of it; at 100,000 items (~67 MB) the pool takes 16 pieces
 * and the layout thread deflates the others (peak RSS +~20 MB over 3 pieces).
 */
export const IN_FLIGHT = 16;

/** One workbook being written: its style table and shared strings, and the body streamed into it (one sheet's, the first). */
export class StreamedBook {
  readonly styles = new StyleTable();
  readonly sst = new SharedStrings();
  body?: StreamedBody;

  /** `inFlight`: pieces handed to the thread pool at most (IN_FLIGHT). */
  constructor(private readonly inFlight = IN_FLIGHT) {}

  /** The sink of the first sheet's body rows. */
  sink(): RowSink {
    if (this.body) throw new Error('xlsx: one streamed sheet per book');
    this.body = new StreamedBody(this.styles, this.sst, this.inFlight);
    return this.body;
  }
}

/** The body rows of one sheet, serialised and deflated as handed over. */
export class StreamedBody implements RowSink {
  /** the widest row (cells) handed over */
  width = 0;
  private rx?: RowXml;
  private readonly data: Deflated = { chunks: [], crc: 0, size: 0, csize: 0 };
  /** the pieces being deflated, in order */
  private readonly pending: Promise<Buffer>[] = [];
  private settled = false;
  private inFlight = 0;
  private buf = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;

  constructor(private readonly styles: StyleTable, private readonly sst: SharedStrings, private readonly maxInFlight = IN_FLIGHT) {}

  begin(head: { styles: Record<string, CellStyle>; rows: readonly RowSpec[]; merges: readonly CellRange[] }): void {
    this.rx = new RowXml(head.styles, this.styles, this.sst, checkMerges([...head.merges]));
    // The head rows are written later (their heights come last); their texts and styles take the first indices now,
    // without counting their references twice.
    const count = this.sst.count;
    head.rows.forEach((rs, r) => this.rx!.row(r, rs));
    this.sst.count = count;
  }

  rows(from: number, rows: readonly RowSpec[]): void {
    const rx = this.rx;
    if (!rx) throw new Error('xlsx: body rows before the head');
    for (let i = 0; i < rows.length; i++) {
      const rs = rows[i];
      if (rs.cells.length > this.width) this.width = rs.cells.length;
      const xml = rx.row(from + i, rs);
      if (!xml) continue;
      // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (this.used + 3 * xml.length > PIECE_BYTES) this.deflate();
      if (3 * xml.length > PIECE_BYTES) this.deflatePiece(Buffer.from(xml, 'utf8'));
      else this.used += this.buf.write(xml, this.used, 'utf8');
    }
  }

  /** Deflates what is left and waits for every piece; then deflated() holds the body whole. */
  async finish(): Promise<void> {
    this.deflate();
    const zs = await Promise.all(this.pending);
    this.pending.length = 0;
    for (const z of zs) {
      this.data.csize += z.length;
      this.data.chunks.push(z);
    }
    this.settled = true;
  }

  /** The body's deflated XML, whole (after finish()). */
  deflated(): Deflated {
    if (!this.settled) throw new Error('xlsx: the streamed body is still being deflated');
    return this.data;
  }

  private deflate(): void {
    if (this.used === 0) return;
    const b = this.buf.subarray(0, this.used);
    // the piece's bytes stay as they are until deflated: the next rows go into a new buffer
    this.buf = Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
    this.deflatePiece(b);
  }

  private deflatePiece(b: Buffer): void {
    this.data.crc = crc32(b, this.data.crc);
    this.data.size += b.length;
    if (this.inFlight >= this.maxInFlight) {
      this.pending.push(Promise.resolve(deflatePiece(b, 6, false)));
      return;
    }
    this.inFlight++;
    const z = deflatePieceAsync(b, 6, false);
    // awaited by finish(); a layout that fails first never asks, and its pieces' outcome does not matter
    z.then(() => { this.inFlight--; }, () => { this.inFlight--; });
    this.pending.push(z);
  }
}
