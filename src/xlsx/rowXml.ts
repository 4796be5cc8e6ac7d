/**
 * One <row> element at a time: what the streaming writer (streamWrite.ts) and a streamed body (streamRows.ts) share.
 * Rows are written as UTF-8 bytes straight into a growable buffer (XmlBytes), not built as strings: a 10,000-item
 * body is ~6.7 MB of XML, which as concatenated strings made ~45 MB of garbage and was copied twice more (flattened,
 * then encoded).
 */
import { a1, colLetters } from '../core/base/a1';
import type { CellSpec, CellStyle, RowSpec } from '../core/layout/sheetspec';
import { XlsxWriteError, cellText, numberText } from './specCheck';
import { type SharedStrings, type StyleTable, esc } from './xlsxParts';

/** XML appended as UTF-8 bytes to a buffer that grows as needed; `buf.subarray(0, n)` is what was written. */
export class XmlBytes {
  buf: Buffer;
  n = 0;

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Room for k more bytes. */
  room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.n + k));
    this.buf.copy(next, 0, 0, this.n);
    this.buf = next;
  }

  /** Text as UTF-8 (the bytes Buffer.from(s, 'utf8') gives): ASCII byte by byte, from the first other character on by Buffer.write. */
  text(s: string): void {
    const len = s.length;
    this.room(len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 0x80) {
        this.n = n;
        this.utf8(i === 0 ? s : s.slice(i));
        return;
      }
      b[n++] = ch;
    }
    this.n = n;
  }

  /** Text for an element's content or an attribute value, escaped as esc() does (xlsxParts.ts). */
  escaped(s: string): void {
    const len = s.length;
    for (let i = 0; i < len; i++) {
      const ch = s.charCodeAt(i);
      // & " ' < > and anything not ASCII: the rest through esc() and UTF-8
      if (ch >= 0x80 || ch === 38 || ch === 34 || ch === 39 || ch === 60 || ch === 62) {
        if (i > 0) this.text(s.slice(0, i));
        this.utf8(esc(s.slice(i)));
        return;
      }
    }
    this.text(s);
  }

  private utf8(s: string): void {
    this.room(3 * s.length);
    this.n += this.buf.write(s, this.n, 'utf8');
  }

  /** A safe non-negative integer's decimal digits (as String(x) writes them). */
  uint(x: number): void {
    let digits = 1;
    for (let t = 10; t <= x; t *= 10) digits++;
    this.room(digits);
    const b = this.buf;
    let n = this.n + digits;
    this.n = n;
    while (x >= 10) {
      const q = Math.floor(x / 10);
      b[--n] = 48 + (x - q * 10);
      x = q;
    }
    b[--n] = 48 + x;
  }

  /** Bytes written already, from `at`, `len` of them, once more at the end. */
  again(at: number, len: number): void {
    this.room(len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) b[n++] = b[at + i];
    this.n = n;
  }
}

/**
 * Serialises the rows of one sheet, one <row> element at a time: its texts go into the package's shared strings and
 * its named styles into the style table, each in the order first met (so the file's indices follow the rows' order).
 */
export class RowXml {
  /** ` s="N"` of each named style met, N its index in the style table */
  private readonly xf = new Map<string, string>();
  /** `<c r="` and the letters of each column met */
  private readonly open: string[] = [];
  /** per column, the style name met last and its attribute (columns mostly keep one style down the rows) */
  private readonly lastStyle: (string | undefined)[] = [];
  private readonly lastAttr: string[] = [];
  /** per column, the text met last and its shared-string index (repeated texts: status, lead, source...) */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastId: number[] = [];
  private readonly scratch = new XmlBytes(1 << 12);

  constructor(
    private readonly defs: Record<string, CellStyle>, private readonly styles: StyleTable,
    private readonly sst: SharedStrings, private readonly covered: Map<number, number[]>,
  ) {}

  private styleAttr(c: number, name: string): string {
    if (this.lastStyle[c] === name) return this.lastAttr[c];
    let a = this.xf.get(name);
    if (a === undefined) {
      const def = Object.prototype.hasOwnProperty.call(this.defs, name) ? this.defs[name] : undefined;
      if (!def) throw new XlsxWriteError(`Kiểu định dạng "${name}" không được khai báo.`);
      a = ` s="${this.styles.xf(def)}"`;
      this.xf.set(name, a);
    }
    this.lastStyle[c] = name;
    this.lastAttr[c] = a;
    return a;
  }

  /** The shared-string index of a text cell's text (sanitised, refused over Excel's length). */
  private textId(v: string, r: number, c: number): number {
    if (this.lastText[c] === v) {
      this.sst.count++;
      return this.lastId[c];
    }
    const id = this.sst.id(cellText(v, r, c));
    this.lastText[c] = v;
    this.lastId[c] = id;
    return id;
  }

  /** Row r's element as text ('' for a row with neither cells nor height). Throws XlsxWriteError on what Excel cannot hold. */
  row(r: number, rs: RowSpec): string {
    const o = this.scratch;
    o.n = 0;
    this.write(r, rs, o);
    return o.buf.toString('utf8', 0, o.n);
  }

  /** Row r's element appended to `out` (nothing for a row with neither cells nor height). */
  write(r: number, rs: RowSpec, out: XmlBytes): void {
    const start = out.n;
    out.text('<row r="');
    const numAt = out.n;
    out.uint(r + 1);
    const numLen = out.n - numAt;
    out.text('"');
    if (rs.height !== undefined) {
      out.text(' ht="');
      out.text(String(rs.height));
      out.text('" customHeight="1"');
    }
    const headEnd = out.n;
    out.text('>');
    const cellsAt = out.n;
    const spans = this.covered.get(r);
    const cells = rs.cells;
    for (let c = 0; c < cells.length; c++) {
      const cs: CellSpec | null = cells[c];
      if (!cs) continue;
      const s = cs.s ? this.styleAttr(c, cs.s) : '';
      if (spans && isCovered(spans, c)) {
        if (s) this.empty(out, c, numAt, numLen, s);
        continue;
      }
      switch (cs.t) {
        case 'text': {
          const id = this.textId(cs.v, r, c);
          this.cellOpen(out, c, numAt, numLen, s);
          out.text(' t="s"><v>');
          out.uint(id);
          out.text('</v></c>');
          break;
        }
        case 'num': {
          const v = numText(cs.v, r, c);
          this.cellOpen(out, c, numAt, numLen, s);
          out.text('><v>');
          out.text(v);
          out.text('</v></c>');
          break;
        }
        case 'formula': {
          const v = cs.result !== undefined ? numText(cs.result, r, c) : undefined;
          this.cellOpen(out, c, numAt, numLen, s);
          out.text('><f>');
          out.escaped(cs.f);
          out.text('</f>');
          if (v !== undefined) {
            out.text('<v>');
            out.text(v);
            out.text('</v>');
          }
          out.text('</c>');
          break;
        }
        case 'empty':
          if (s) this.empty(out, c, numAt, numLen, s);
          break;
      }
    }
    if (out.n > cellsAt) out.text('</row>');
    else if (rs.height !== undefined) {
      out.n = headEnd;
      out.text('/>');
    } else out.n = start;
  }

  /** `<c r="F12"` and the style attribute; the row's number is copied from the row's own element. */
  private cellOpen(out: XmlBytes, c: number, numAt: number, numLen: number, s: string): void {
    out.text(this.open[c] ??= `<c r="${colLetters(c)}`);
    out.again(numAt, numLen);
    out.text('"');
    out.text(s);
  }

  private empty(out: XmlBytes, c: number, numAt: number, numLen: number, s: string): void {
    this.cellOpen(out, c, numAt, numLen, s);
    out.text('/>');
  }
}

/** numberText, with the cell's address named only when it refuses the number. */
function numText(v: string, r: number, c: number): string {
  try {
    return numberText(v, '');
  } catch (e) {
    if (e instanceof XlsxWriteError) return numberText(v, a1(r, c));
    throw e;
  }
}

/** Whether column c lies in one of the spans [c0, c1, …]. */
function isCovered(spans: number[], c: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (c >= spans[i] && c <= spans[i + 1]) return true;
  return false;
}
