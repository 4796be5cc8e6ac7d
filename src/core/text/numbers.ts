/**
 * Vietnamese numbers: read amounts as officers type them, format them vi-VN, convert units.
 *
 * Reading rules (parseAmount), in this order:
 *  1. A JS number from a cell is taken exactly from its shortest decimal string (0.1 → 0.1);
 *     NaN / ±Infinity are 'invalid'. A Dec is taken as is. Anything else that is not text is 'invalid'.
 *  2. Text is normalised: NFC, non-breaking / thin spaces → space, trimmed. "", "-", "–", "—", "--" → 'empty'.
 *  3. Sign: a leading "-", "−" (U+2212), "–" (en dash) or "+"; or the whole text in parentheses "(1.234)"
 *     (accounting negative).
 *  4. Spaces between digits are thousands separators only when every group after the first has exactly
 *     three digits (" 1 559 " → 1559); otherwise the text is 'invalid'.
 *  5. A figure may be followed by a unit: tỷ/tỉ (đồng), triệu/tr/trđ (đồng), nghìn/ngàn (đồng), đồng/đ/VNĐ/VND.
 *     Several figure+unit pairs in decreasing units add up: "5 tỷ 800 triệu" = 5,8 tỷ.
 *     With opts.unit the value is converted to it; without, the value stays in the text's unit (unitInText).
 *  6. Separators inside a figure (Vietnamese style first: "." groups thousands, "," marks decimals):
 *     - both "." and "," : the last one is the decimal mark. "4.967,667" = 4967.667 (Vietnamese, not ambiguous);
 *       "1,234.5" = 1234.5 read English-style, flagged ambiguous ('english').
 *     - only ".", several: thousands groups, each of exactly 3 digits ("1.028.960.000.000"); else 'invalid'.
 *     - only ".", once, followed by exactly 3 digits and led by 1-3 digits not "0": thousands ("1.559" = 1559),
 *       flagged ambiguous ('dot-thousands': in an en-US workbook it would be 1,559).
 *     - only ".", once, otherwise ("5.8", "0.559", "1234.567"): decimal point, flagged ambiguous ('dot-decimal').
 *     - only ",", once: decimal comma ("1,8" = 1.8); when exactly 3 digits follow ("1,234") flagged ambiguous
 *       ('comma-3': English style would read 1234).
 *     - only ",", several, all groups of 3: English thousands ("1,234,567"), flagged ambiguous ('comma-thousands').
 *  7. Anything else (letters, "1e5", "%", "1.2.3", figures beyond 10^24) is 'invalid' with a Vietnamese reason.
 *
 * No parseFloat / Number(): every value is built with Dec from a plain decimal string.
 */
import { Dec, isDec } from '../base/decimal';
import type { Unit } from '../plan/model';

/** A programming error: a core function was called with something it cannot work with. */
export class AmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AmountError';
  }
}

export type AmbiguityKind = 'dot-thousands' | 'dot-decimal' | 'comma-3' | 'comma-thousands' | 'english';

export type ParsedAmount =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: Dec;
      /** True when the cell held text (TEXT_NUMBER). */
      fromText: boolean;
      /** The unit the text named ("1,8 tỷ" → 'tỷ đồng'). */
      unitInText?: Unit;
      /** Vietnamese note when the text could be read another way. */
      ambiguous?: string;
      /** Which rule made it ambiguous (for SUSPECT_DECIMAL-style checks). */
      ambiguity?: AmbiguityKind;
    }
  | { kind: 'invalid'; reason: string };

export interface ParseOptions {
  /** Express the value in this unit (the sheet's ĐVT). Only text naming a unit is converted. */
  unit?: Unit;
}

const FACTORS: Record<Unit, Dec> = {
  đồng: new Dec(1),
  'nghìn đồng': new Dec(1000),
  'triệu đồng': new Dec(1000000),
  'tỷ đồng': new Dec(1000000000),
};
const UNIT_RANK: Record<Unit, number> = { đồng: 0, 'nghìn đồng': 1, 'triệu đồng': 2, 'tỷ đồng': 3 };

/** Limit on magnitudes read from cells: beyond this a "figure" is not an amount. */
const MAX_ABS = new Dec('1e24');

export function isUnit(u: unknown): u is Unit {
  return typeof u === 'string' && Object.prototype.hasOwnProperty.call(FACTORS, u);
}

/** How many đồng one unit is. */
export function unitFactor(unit: Unit): Dec {
  if (!isUnit(unit)) throw new AmountError(`Đơn vị không hợp lệ: ${String(unit)}`);
  return FACTORS[unit];
}

/** Exact conversion between units (powers of ten). */
export function convertUnit(d: Dec, from: Unit, to: Unit): Dec {
  if (!isDec(d) || !d.isFinite()) throw new AmountError(`convertUnit: số không hợp lệ: ${String(d)}`);
  const f = unitFactor(from);
  const t = unitFactor(to);
  if (from === to) return d;
  return d.times(f).div(t);
}

/** Unit words after a figure (lowercase, NFC, inner spaces collapsed, trailing "." removed). */
export const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ['đồng', 'đồng'], ['đ', 'đồng'], ['vnđ', 'đồng'], ['vnd', 'đồng'], ['đ.', 'đồng'],
  ['nghìn', 'nghìn đồng'], ['ngàn', 'nghìn đồng'], ['nghìn đồng', 'nghìn đồng'], ['ngàn đồng', 'nghìn đồng'],
  ['nghìn đ', 'nghìn đồng'], ['ngàn đ', 'nghìn đồng'], ['ngđ', 'nghìn đồng'],
  ['triệu', 'triệu đồng'], ['triệu đồng', 'triệu đồng'], ['triệu đ', 'triệu đồng'], ['tr', 'triệu đồng'],
  ['trđ', 'triệu đồng'], ['tr.đ', 'triệu đồng'], ['tr.đồng', 'triệu đồng'], ['tr đồng', 'triệu đồng'],
  ['tr. đồng', 'triệu đồng'], ['triệu vnđ', 'triệu đồng'], ['triệu vnd', 'triệu đồng'],
  ['tỷ', 'tỷ đồng'], ['tỉ', 'tỷ đồng'], ['tỷ đồng', 'tỷ đồng'], ['tỉ đồng', 'tỷ đồng'], ['tỷ đ', 'tỷ đồng'],
  ['tỉ đ', 'tỷ đồng'], ['tỷ vnđ', 'tỷ đồng'], ['tỷ vnd', 'tỷ đồng'],
]);

const SPACE_CHARS = /[\u00A0\u2007\u2009\u200A\u202F\u3000\t]/g;
const MULTI_SPACE = / {2,}/g;
const TOKEN = /(\d[\d.,]*)\s*([^\d]*)/y;
const DASHES = new Set(['-', '–', '—', '−', '--', '---', '_']);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when every group after the first has 3 digits and the first has 1-3 digits. */
function validGroups(groups: string[]): boolean {
  if (groups[0].length < 1 || groups[0].length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return false;
  return true;
}

type FigureRead = { plain: string; ambiguity?: AmbiguityKind } | { error: string };

/** Read one figure made of digits, "." and "," (no sign, no spaces). Returns a plain decimal string. */
function readFigure(s: string): FigureRead {
  const last = s.charCodeAt(s.length - 1);
  if (!isDigitCode(last)) return { error: `"${s}" kết thúc bằng dấu phân cách` };
  const dot = s.indexOf('.');
  const comma = s.indexOf(',');
  if (dot < 0 && comma < 0) return { plain: s };
  if (dot >= 0 && comma >= 0) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastComma > lastDot) {
      // Vietnamese: 4.967,667
      if (comma !== lastComma) return { error: `"${s}" có nhiều dấu phẩy thập phân` };
      const intPart = s.slice(0, lastComma);
      const frac = s.slice(lastComma + 1);
      const groups = intPart.split('.');
      if (!validGroups(groups)) return { error: `"${s}": nhóm hàng nghìn phải có 3 chữ số` };
      return { plain: groups.join('') + '.' + frac };
    }
    // English: 1,234.5
    if (dot !== lastDot) return { error: `"${s}" có nhiều dấu chấm thập phân` };
    const intPart = s.slice(0, lastDot);
    const frac = s.slice(lastDot + 1);
    const groups = intPart.split(',');
    if (!validGroups(groups)) return { error: `"${s}": nhóm hàng nghìn phải có 3 chữ số` };
    return { plain: groups.join('') + '.' + frac, ambiguity: 'english' };
  }
  if (dot >= 0) {
    const groups = s.split('.');
    if (groups.length > 2) {
      if (!validGroups(groups)) return { error: `"${s}": nhóm hàng nghìn phải có 3 chữ số` };
      return { plain: groups.join('') };
    }
    const [a, b] = groups;
    if (a.length === 0) return { error: `"${s}" thiếu phần nguyên` };
    if (b.length === 3 && a.length <= 3 && a !== '0') return { plain: a + b, ambiguity: 'dot-thousands' };
    return { plain: a + '.' + b, ambiguity: 'dot-decimal' };
  }
  const groups = s.split(',');
  if (groups.length > 2) {
    if (!validGroups(groups)) return { error: `"${s}": nhóm hàng nghìn phải có 3 chữ số` };
    return { plain: groups.join(''), ambiguity: 'comma-thousands' };
  }
  const [a, b] = groups;
  if (a.length === 0) return { error: `"${s}" thiếu phần nguyên` };
  return { plain: a + '.' + b, ambiguity: b.length === 3 && a !== '0' ? 'comma-3' : undefined };
}

function ambiguityNote(kind: AmbiguityKind, text: string, value: Dec): string {
  const shown = formatVi(value);
  switch (kind) {
    case 'dot-thousands':
      return `"${text}" được đọc kiểu Việt Nam là ${shown}; theo kiểu Anh-Mỹ (dấu chấm thập phân) sẽ là ${formatVi(value.div(1000))}`;
    case 'dot-decimal':
      return `"${text}" dùng dấu chấm làm dấu thập phân (kiểu Anh-Mỹ), được đọc là ${shown}`;
    case 'comma-3':
      return `"${text}" được đọc kiểu Việt Nam là ${shown}; theo kiểu Anh-Mỹ (dấu phẩy phân cách nghìn) sẽ là ${formatVi(value.times(1000))}`;
    case 'comma-thousands':
      return `"${text}" dùng dấu phẩy phân cách hàng nghìn (kiểu Anh-Mỹ), được đọc là ${shown}`;
    case 'english':
      return `"${text}" viết theo kiểu Anh-Mỹ (dấu phẩy nghìn, dấu chấm thập phân), được đọc là ${shown}`;
  }
}

function invalid(reason: string): ParsedAmount {
  return { kind: 'invalid', reason };
}

/** Read a cell value (number, Dec or text) as an amount. Never throws for any input value. */
export function parseAmount(input: unknown, opts?: ParseOptions): ParsedAmount {
  const target = opts?.unit;
  if (target !== undefined && !isUnit(target)) return invalid(`Đơn vị không hợp lệ: ${String(target)}`);
  if (input === null || input === undefined) return { kind: 'empty' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid(`Giá trị không phải là số hữu hạn: ${String(input)}`);
    const v = input === 0 ? new Dec(0) : new Dec(input);
    if (v.abs().gte(MAX_ABS)) return invalid(`Số quá lớn: ${String(input)}`);
    return { kind: 'number', value: v, fromText: false };
  }
  if (typeof input === 'bigint') {
    const v = new Dec(input.toString());
    if (v.abs().gte(MAX_ABS)) return invalid(`Số quá lớn: ${input.toString()}`);
    return { kind: 'number', value: v, fromText: false };
  }
  if (isDec(input)) {
    if (!input.isFinite()) return invalid(`Giá trị không phải là số hữu hạn: ${input.toString()}`);
    if (input.abs().gte(MAX_ABS)) return invalid('Số quá lớn');
    return { kind: 'number', value: input.isZero() ? new Dec(0) : input, fromText: false };
  }
  if (typeof input !== 'string') return invalid(`Không đọc được giá trị kiểu ${typeof input} thành số tiền`);
  return parseText(input, target);
}

function parseText(raw: string, target: Unit | undefined): ParsedAmount {
  let s = raw;
  if (s.length > 200) return invalid('Văn bản quá dài để là một số tiền');
  s = s.normalize('NFC').replace(SPACE_CHARS, ' ').trim();
  if (s === '' || DASHES.has(s)) return { kind: 'empty' };
  const shown = s;
  let negative = false;
  if (s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const c0 = s[0];
  if (c0 === '-' || c0 === '−' || c0 === '–' || c0 === '+') {
    if (negative) return invalid(`"${shown}": dấu âm đặt sai chỗ`);
    negative = c0 !== '+';
    s = s.slice(1).trim();
  }
  if (s === '' || !isDigitCode(s.charCodeAt(0))) return invalid(`"${shown}" không phải là số`);
  if (s.indexOf(' ') >= 0) {
    s = s.replace(MULTI_SPACE, ' ');
    if (s.indexOf(' ') >= 0) {
      const joined = joinDigitSpaces(s);
      if (joined === undefined) return invalid(`"${shown}": khoảng trắng giữa các chữ số chỉ dùng để tách nhóm 3 chữ số`);
      s = joined;
    }
  }
  const lower = s.toLowerCase();
  TOKEN.lastIndex = 0;
  const parts: { fig: string; unit: Unit | undefined }[] = [];
  while (TOKEN.lastIndex < lower.length) {
    const m = TOKEN.exec(lower);
    if (!m) return invalid(`"${shown}" không phải là số`);
    let unitText = m[2].trim();
    let unit: Unit | undefined;
    if (unitText !== '') {
      if (unitText.endsWith('.') && !UNIT_WORDS.has(unitText)) unitText = unitText.slice(0, -1).trimEnd();
      unit = UNIT_WORDS.get(unitText);
      if (!unit) return invalid(`"${shown}": không hiểu "${m[2].trim()}"`);
    }
    parts.push({ fig: m[1], unit });
  }
  if (parts.length === 0) return invalid(`"${shown}" không phải là số`);
  if (parts.length > 1) {
    for (let i = 0; i < parts.length; i++) {
      const u = parts[i].unit;
      if (!u) return invalid(`"${shown}": thiếu đơn vị sau ${parts[i].fig}`);
      if (i > 0 && UNIT_RANK[u] >= UNIT_RANK[parts[i - 1].unit as Unit]) return invalid(`"${shown}": đơn vị phải giảm dần`);
    }
  }

  let value = new Dec(0);
  let ambiguity: AmbiguityKind | undefined;
  let ambiguousFig = '';
  let unitInText: Unit | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const r = readFigure(p.fig);
    if ('error' in r) return invalid(r.error);
    if (r.plain.length > 40) return invalid(`"${shown}": quá nhiều chữ số`);
    if (r.ambiguity && !ambiguity) {
      ambiguity = r.ambiguity;
      ambiguousFig = p.fig;
    }
    const d = new Dec(r.plain);
    if (p.unit) {
      // The smallest unit named is the text's unit.
      const base = parts[parts.length - 1].unit as Unit;
      value = value.plus(p.unit === base ? d : convertUnit(d, p.unit, base));
      unitInText = base;
    } else {
      value = value.plus(d);
    }
  }
  if (negative) value = value.negated();
  if (value.isZero()) value = new Dec(0);
  if (unitInText && target) value = convertUnit(value, unitInText, target);
  if (value.abs().gte(MAX_ABS)) return invalid(`"${shown}": số quá lớn`);
  const out: ParsedAmount = { kind: 'number', value, fromText: true };
  if (unitInText) out.unitInText = unitInText;
  if (ambiguity) {
    out.ambiguity = ambiguity;
    // Note the figure as read (in the text's own unit), not after conversion.
    const r = readFigure(ambiguousFig);
    out.ambiguous = ambiguityNote(ambiguity, ambiguousFig, 'plain' in r ? new Dec(r.plain) : value);
  }
  return out;
}

/** "1 559 000" → "1559000" when spaces separate 3-digit groups; undefined when they do not. */
function joinDigitSpaces(s: string): string | undefined {
  // Split into runs; a space between two digits must be followed by exactly 3 digits then a non-digit.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === ' ' && i > 0 && isDigitCode(s.charCodeAt(i - 1)) && i + 1 < s.length && isDigitCode(s.charCodeAt(i + 1))) {
      // Count the digits of the group that follows.
      let j = i + 1;
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      if (j - (i + 1) !== 3) return undefined;
      // And the group before must be 1-3 digits (first group) or 3 digits (middle group).
      let k = i - 1;
      while (k >= 0 && isDigitCode(s.charCodeAt(k))) k--;
      const before = i - 1 - k;
      if (before > 3 || before < 1) return undefined;
      if (k >= 0 && (s[k] === '.' || s[k] === ',')) return undefined;
      continue;
    }
    out += ch;
  }
  return out;
}

export interface FormatOptions {
  /** Fixed number of decimals (rounded half up). Default: the decimals the value has. */
  decimals?: number;
}

/** vi-VN display: "1.234.567", "4.967,667", "-1.234". */
export function formatVi(d: Dec, opts?: FormatOptions): string {
  if (!isDec(d) || !d.isFinite()) throw new AmountError(`formatVi: số không hợp lệ: ${String(d)}`);
  const decimals = opts?.decimals;
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 40)) {
    throw new AmountError(`formatVi: số chữ số thập phân không hợp lệ: ${String(decimals)}`);
  }
  let text = decimals === undefined ? d.toFixed() : d.toFixed(decimals);
  let sign = '';
  if (text.charCodeAt(0) === 45) {
    sign = '-';
    text = text.slice(1);
  }
  const point = text.indexOf('.');
  const intPart = point < 0 ? text : text.slice(0, point);
  const frac = point < 0 ? '' : text.slice(point + 1);
  let grouped = '';
  const n = intPart.length;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 === 0) grouped += '.';
    grouped += intPart[i];
  }
  if (sign && /^[0.,]*$/.test(grouped + frac)) sign = '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/** "ĐVT" with or without a colon; "Đơn vị (tính)" only with one ("Đơn vị đồng chủ trì" is a header, not a unit). */
const UNIT_LINE = /(?:(?:^|[^\p{L}])(?:đvt|dvt)\s*[:：]?|(?:đơn vị tính|đơn vị|don vi tinh|don vi)\s*[:：])\s*(.*)$/u;
const UNIT_IN_LINE: [RegExp, Unit][] = [
  [/^1\.000\.000\.000\s*(?:đồng|đ|vnđ)/, 'tỷ đồng'],
  [/^1\.000\.000\s*(?:đồng|đ|vnđ)/, 'triệu đồng'],
  [/^1\.000\s*(?:đồng|đ|vnđ)/, 'nghìn đồng'],
  [/^(?:tỷ|tỉ)(?![\p{L}])/u, 'tỷ đồng'],
  [/^(?:triệu|trđ|tr\.?\s*đ|tr\.?\s*đồng)(?![\p{L}])/u, 'triệu đồng'],
  [/^(?:nghìn|ngàn|ngđ)(?![\p{L}])/u, 'nghìn đồng'],
  [/^(?:đồng|vnđ|vnd|đ)(?![\p{L}])/u, 'đồng'],
];

/** The unit stated by a line such as "ĐVT: Triệu đồng", "(Đơn vị tính: tỷ đồng)", "Đơn vị: nghìn đồng". */
export function parseUnitLine(text: string): Unit | undefined {
  if (typeof text !== 'string' || text.length > 500) return undefined;
  const s = text.normalize('NFC').replace(SPACE_CHARS, ' ').toLowerCase();
  const m = UNIT_LINE.exec(s);
  if (!m) return undefined;
  const rest = m[1].replace(/^[\s(]+/, '');
  for (const [re, unit] of UNIT_IN_LINE) if (re.test(rest)) return unit;
  return undefined;
}
