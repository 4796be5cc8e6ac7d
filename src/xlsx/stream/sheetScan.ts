/**
 * A dedicated XML scanner for worksheet parts: it walks the inflated text with indexOf / charCodeAt, carrying an
 * unfinished construct over to the next piece, and reports the same open / text / close events saxes (without
 * namespaces) reported, so the sheet reader's semantics do not change. Attributes are not materialised: the open
 * handler asks for the few it reads. Well-formedness is checked as saxes checks it (mismatched or unclosed tags,
 * text outside the root, bad names, unquoted or duplicate attributes, undefined entities, characters XML does not
 * allow, "]]>" in text, malformed comments); anything wrong throws XmlError.
 */
import { AMP, Attrs, BANG, CR, DISALLOWED, DQ, EQ, GT, LT, QUEST, RSQB, SLASH, SPECIAL, SQ, XML_DECL, XmlError, decode, internName, isNameChar, isNameStart, isSpace, nameEnd, sameName } from './scanText';

export { Attrs, XmlError } from './scanText';

export interface ScanHandler {
  open(name: string, attrs: Attrs): void;
  /** A piece of decoded text inside the root (never empty; one text node may come in several pieces). */
  text(x: string): void;
  close(name: string): void;
}

export class SheetScanner {
  private readonly attrs = new Attrs();
  private readonly stack: string[] = [];
  private pending: string[] = [];
  private pendingLen = 0;
  private retryAt = 0;
  private started = false;
  /** nothing scanned yet: an XML declaration may come */
  private fresh = true;
  private sawRoot = false;
  private closedRoot = false;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    if (DISALLOWED.test(chunk)) throw new XmlError('character');
    if (this.pending.length === 0) {
      this.take(chunk, false);
      return;
    }
    const gt = this.pending.length === 1 && this.pendingLen < 4096 ? chunk.indexOf('>') : -1;
    if (gt >= 0) {
      // A short unfinished construct, most often a tag: finished with the piece's head up to its first ">", so the
      // piece itself is scanned as it came (a string made by joining would be scanned through an indirection).
      const head = this.pending[0] + chunk.slice(0, gt + 1);
      this.pending = [];
      this.pendingLen = 0;
      const stop = this.scan(head, 0, false);
      if (stop > 0) this.fresh = false;
      if (stop === head.length) this.take(chunk, false, gt + 1);
      else this.take(head.slice(stop) + chunk.slice(gt + 1), false);
      return;
    }
    this.pending.push(chunk);
    this.pendingLen += chunk.length;
    // An unfinished construct is tried again once the text held has doubled: linear time for any length.
    if (this.pendingLen >= this.retryAt) this.take(this.flush(), false);
  }

  close(): void {
    this.take(this.flush(), true);
    if (this.pending.length > 0) throw new XmlError('unexpected end');
    if (!this.sawRoot) throw new XmlError('no root');
    if (this.stack.length > 0) throw new XmlError('unclosed tag');
  }

  private flush(): string {
    const s = this.pending.join('');
    this.pending = [];
    this.pendingLen = 0;
    return s;
  }

  private take(buf: string, final: boolean, from = 0): void {
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xFEFF) buf = buf.slice(1);
    }
    const stop = this.scan(buf, from, final);
    if (stop > 0) this.fresh = false;
    if (stop < buf.length) {
      const rest = buf.slice(stop);
      this.pending.push(rest);
      this.pendingLen = rest.length;
      this.retryAt = Math.max(2 * rest.length, 1);
    }
  }

  /** Scans buf from i; returns where an unfinished construct starts (buf.length when none). */
  private scan(buf: string, i: number, final: boolean): number {
    const n = buf.length;
    const docStart = this.fresh ? 0 : -1;
    while (i < n) {
      const lt = buf.charCodeAt(i) === LT ? i : buf.indexOf('<', i);
      if (lt < 0) return this.tailText(buf, i, final);
      if (lt > i) this.textAt(buf, i, lt);
      if (lt + 1 >= n) return lt;
      const c = buf.charCodeAt(lt + 1);
      let end: number;
      if (c === SLASH) end = this.closeTag(buf, lt);
      else if (c === BANG) end = this.bang(buf, lt);
      else if (c === QUEST) end = this.pi(buf, lt, lt === docStart);
      else end = this.openTag(buf, lt);
      if (end < 0) return lt;
      i = end;
    }
    return n;
  }

  /** Text up to the end of the piece: what is complete is reported, an entity, CR or "]" being cut is kept. */
  private tailText(buf: string, i: number, final: boolean): number {
    const n = buf.length;
    if (final || this.stack.length === 0) {
      this.textAt(buf, i, n);
      return n;
    }
    let cut = n;
    const amp = buf.lastIndexOf('&', n - 1);
    if (amp >= i && buf.indexOf(';', amp) < 0) cut = amp;
    while (cut > i && (buf.charCodeAt(cut - 1) === CR || buf.charCodeAt(cut - 1) === RSQB)) cut--;
    if (cut > i) this.textAt(buf, i, cut);
    return cut;
  }

  private textAt(buf: string, s: number, e: number): void {
    if (this.stack.length === 0) {
      for (let k = s; k < e; k++) if (!isSpace(buf.charCodeAt(k))) throw new XmlError('text outside root');
      return;
    }
    let plain = true;
    for (let k = s; k < e; k++) {
      const c = buf.charCodeAt(k);
      if (c === AMP || c === CR || c === RSQB) { plain = false; break; }
    }
    const raw = buf.slice(s, e);
    if (plain) { this.h.text(raw); return; }
    if (raw.indexOf(']]>') >= 0) throw new XmlError(']]> in text');
    const x = decode(raw, false);
    if (x.length > 0) this.h.text(x);
  }

  private closeTag(buf: string, lt: number): number {
    const n = buf.length;
    const end = nameEnd(buf, lt + 2);
    let p = end;
    while (p < n && isSpace(buf.charCodeAt(p))) p++;
    if (p >= n) return -1;
    const gt = p;
    if (buf.charCodeAt(p) !== GT || end === lt + 2) throw new XmlError('close tag');
    const len = end - lt - 2;
    const { stack } = this;
    const top = stack.pop();
    if (top === undefined) throw new XmlError('unmatched close tag');
    this.h.close(top);
    if (top.length !== len || !buf.startsWith(top, lt + 2)) throw new XmlError('mismatched close tag');
    if (stack.length === 0) this.closedRoot = true;
    return gt + 1;
  }

  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    if (!isNameStart(buf.charCodeAt(lt + 1))) throw new XmlError('tag name');
    let p = nameEnd(buf, lt + 1);
    if (p >= n) return -1;
    const name = internName(buf, lt + 1, p);
    const a = this.attrs;
    const at = a.at;
    let count = 0;
    let self = false;
    for (;;) {
      const before = p;
      while (p < n && isSpace(buf.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const c = buf.charCodeAt(p);
      if (c === GT) { p++; break; }
      if (c === SLASH) {
        if (p + 1 >= n) return -1;
        if (buf.charCodeAt(p + 1) !== GT) throw new XmlError('/ not followed by >');
        self = true;
        p += 2;
        break;
      }
      if (p === before || !isNameStart(c)) throw new XmlError('attribute name');
      const ns = p;
      p = nameEnd(buf, p);
      const ne = p;
      while (p < n && isSpace(buf.charCodeAt(p))) p++;
      if (p >= n) return -1;
      if (buf.charCodeAt(p) !== EQ) throw new XmlError('attribute without value');
      p++;
      while (p < n && isSpace(buf.charCodeAt(p))) p++;
      if (p >= n) return -1;
      const q = buf.charCodeAt(p);
      if (q !== DQ && q !== SQ) throw new XmlError('unquoted attribute');
      const vs = p + 1;
      let ve = vs;
      let special = 0;
      for (; ve < n; ve++) {
        const v = buf.charCodeAt(ve);
        if (v === q) break;
        if (v < 64 && SPECIAL[v] !== 0) {
          if (v === LT) throw new XmlError('< in attribute');
          special = 1;
        }
      }
      if (ve >= n) return -1;
      const k = count * 5;
      at[k] = ns; at[k + 1] = ne; at[k + 2] = vs; at[k + 3] = ve; at[k + 4] = special;
      count++;
      p = ve + 1;
    }
    a.buf = buf;
    a.count = count;
    for (let k = 0; k < count * 5; k += 5) {
      if (at[k + 4]) decode(buf.slice(at[k + 2], at[k + 3]), true); // entities checked even when not read
      for (let m = 0; m < k; m += 5) if (sameName(buf, at[k], at[k + 1], at[m], at[m + 1])) throw new XmlError('duplicate attribute');
    }
    if (this.closedRoot) throw new XmlError('second root');
    this.sawRoot = true;
    this.h.open(name, a);
    if (self) {
      this.h.close(name);
      if (this.stack.length === 0) this.closedRoot = true;
    } else this.stack.push(name);
    return p;
  }

  /** Comments, CDATA sections (their text is not reported, as saxes reported it as cdata), a doctype. */
  private bang(buf: string, lt: number): number {
    const n = buf.length;
    if (lt + 4 > n) return -1;
    if (buf.startsWith('<!--', lt)) {
      const dd = buf.indexOf('--', lt + 4);
      if (dd < 0 || dd + 2 >= n) return -1;
      if (buf.charCodeAt(dd + 2) !== GT) throw new XmlError('malformed comment');
      return dd + 3;
    }
    if (lt + 9 > n) return -1;
    if (buf.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new XmlError('cdata outside root');
      const e = buf.indexOf(']]>', lt + 9);
      return e < 0 ? -1 : e + 3;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) {
      if (this.sawRoot) throw new XmlError('doctype');
      const open = buf.indexOf('[', lt);
      const gt = buf.indexOf('>', lt);
      if (gt < 0) return -1;
      if (open < 0 || open > gt) return gt + 1;
      const close = buf.indexOf(']', open);
      const end = close < 0 ? -1 : buf.indexOf('>', close);
      return end < 0 ? -1 : end + 1;
    }
    throw new XmlError('incorrect syntax');
  }

  private pi(buf: string, lt: number, atStart: boolean): number {
    const e = buf.indexOf('?>', lt + 2);
    if (e < 0) return -1;
    let p = lt + 2;
    if (!isNameStart(buf.charCodeAt(p))) throw new XmlError('processing instruction');
    while (p < e && isNameChar(buf.charCodeAt(p))) p++;
    if (p < e && !isSpace(buf.charCodeAt(p))) throw new XmlError('processing instruction name');
    const target = buf.slice(lt + 2, p);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || !atStart || !XML_DECL.test(buf.slice(lt, e + 2))) throw new XmlError('xml declaration');
    }
    return e + 2;
  }
}
