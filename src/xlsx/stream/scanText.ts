/** Characters, names, entities and attributes for the worksheet scanner (sheetScan.ts). */
import { decodeCol } from './cells';

export class XmlError extends Error {}

export const LT = 60, GT = 62, SLASH = 47, BANG = 33, QUEST = 63, AMP = 38, EQ = 61, DQ = 34, SQ = 39;
export const CR = 13, NL = 10, TAB = 9, SP = 32, RSQB = 93;

/** Characters XML 1.0 does not allow anywhere (the input comes from a UTF-8 decoder: no lone surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
export const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Non-ASCII name start characters (a character beyond U+FFFF: its two surrogates). */
const NAME_START_WIDE = [0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x2FF, 0x370, 0x37D, 0x37F, 0x1FFF, 0x200C, 0x200D, 0x2070, 0x218F, 0x2C00, 0x2FEF, 0x3001, 0xD7FF, 0xD800, 0xDB7F, 0xDC00, 0xDFFF, 0xF900, 0xFDCF, 0xFDF0, 0xFFFD];
const NAME_WIDE = [0xB7, 0xB7, 0x300, 0x36F, 0x203F, 0x2040];
const inRanges = (c: number, r: number[]): boolean => {
  for (let i = 0; i < r.length; i += 2) if (c >= r[i] && c <= r[i + 1]) return true;
  return false;
};
export const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;
/** Characters that make an attribute value need decoding (and <, refused). */
export const SPECIAL = new Uint8Array(64);
SPECIAL[AMP] = 1; SPECIAL[CR] = 1; SPECIAL[NL] = 1; SPECIAL[TAB] = 1; SPECIAL[LT] = 1;
/** XML's predefined entities (a Map: a name such as "constructor" or "__proto__" is an undefined entity, as in saxes). */
const ENTITIES = new Map<string, string>([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', '\'']]);

export const isSpace = (c: number): boolean => c === SP || c === NL || c === TAB || c === CR;

/** ASCII name characters (1: may also start a name). */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58) ASCII_NAME[c] = 1;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) ASCII_NAME[c] = 2;
}

/** The end of the name starting at p (buf.length when it may go on in the next piece). */
export function nameEnd(buf: string, p: number): number {
  const n = buf.length;
  while (p < n) {
    const c = buf.charCodeAt(p);
    if (c < 128 ? ASCII_NAME[c] === 0 : !isNameChar(c)) return p;
    p++;
  }
  return n;
}

/** Element names the sheet reader compares, as constants (compared by identity, never copied). */
export function internName(buf: string, s: number, e: number): string {
  switch (e - s) {
    case 1: return buf.charAt(s);
    case 2: if (buf.startsWith('is', s)) return 'is'; break;
    case 3:
      if (buf.startsWith('row', s)) return 'row';
      if (buf.startsWith('col', s)) return 'col';
      break;
    default:
  }
  return buf.slice(s, e);
}

export function isNameStart(c: number): boolean {
  if (c < 128) return ASCII_NAME[c] === 1;
  return inRanges(c, NAME_START_WIDE);
}

export function isNameChar(c: number): boolean {
  if (c < 128) return ASCII_NAME[c] !== 0;
  return inRanges(c, NAME_START_WIDE) || inRanges(c, NAME_WIDE);
}

function isXmlChar(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xD7FF) || (n >= 0xE000 && n <= 0xFFFD) || (n >= 0x10000 && n <= 0x10FFFF);
}

/** The text of an entity reference's name (between & and ;). */
function entity(name: string): string {
  const named = ENTITIES.get(name);
  if (named !== undefined) return named;
  let n = NaN;
  if (/^#x[0-9a-fA-F]+$/.test(name)) n = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) n = parseInt(name.slice(1), 10);
  if (!isXmlChar(n)) throw new XmlError(`entity &${name};`);
  return String.fromCodePoint(n);
}

/** Text or an attribute value with entities resolved and line ends normalised (`space`: as in attributes). */
export function decode(s: string, space: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === AMP) {
      const semi = s.indexOf(';', i + 1);
      if (semi < 0) throw new XmlError('entity');
      out += s.slice(from, i) + entity(s.slice(i + 1, semi));
      i = semi;
      from = semi + 1;
    } else if (c === CR || (space && (c === NL || c === TAB))) {
      out += s.slice(from, i) + (space ? ' ' : '\n');
      if (c === CR && s.charCodeAt(i + 1) === NL) i++;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The attributes of the tag being reported, read on demand. */
export class Attrs {
  buf = '';
  count = 0;
  /** per attribute: name start, name end, value start, value end, whether the value needs decoding */
  readonly at: number[] = [];

  get(name: string): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const v = this.buf.slice(this.at[k + 2], this.at[k + 3]);
    return this.at[k + 4] ? decode(v, true) : v;
  }

  /** `v ? decodeCol(v) : -1` for the value v, read in place. */
  col(name: string): number {
    const k = this.find(name);
    const { at, buf } = this;
    if (k < 0 || at[k + 2] === at[k + 3]) return -1;
    if (at[k + 4]) {
      const v = this.get(name) as string;
      return v ? decodeCol(v) : -1;
    }
    let c = 0;
    for (let i = at[k + 2]; i < at[k + 3]; i++) {
      const x = buf.charCodeAt(i);
      if (x >= 65 && x <= 90) c = c * 26 + x - 64;
      else if (x >= 97 && x <= 122) c = c * 26 + x - 96;
      else break;
    }
    return c;
  }

  /** `v ? parseInt(v, 10) : undefined` for the value v, read in place when it is a few digits. */
  int(name: string): number | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const { at, buf } = this;
    const s = at[k + 2];
    const e = at[k + 3];
    if (!at[k + 4] && e - s <= 9) {
      let n = 0;
      let i = s;
      for (; i < e; i++) {
        const x = buf.charCodeAt(i);
        if (x < 48 || x > 57) break;
        n = n * 10 + x - 48;
      }
      if (i === e) return s === e ? undefined : n;
    }
    const v = this.get(name) as string;
    return v ? parseInt(v, 10) : undefined;
  }

  private find(name: string): number {
    const { at, buf } = this;
    for (let k = 0; k < this.count * 5; k += 5) if (at[k + 1] - at[k] === name.length && buf.startsWith(name, at[k])) return k;
    return -1;
  }
}

/** Whether two names of buf, by their ranges, are the same. */
export function sameName(buf: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (buf.charCodeAt(a0 + k) !== buf.charCodeAt(b0 + k)) return false;
  return true;
}
