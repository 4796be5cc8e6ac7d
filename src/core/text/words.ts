/**
 * Amounts in Vietnamese words ("Bằng chữ") and back.
 *
 * Reading conventions (amountToWords), the amount first scaled to đồng:
 * - Digits: không một hai ba bốn năm sáu bảy tám chín.
 * - A three-digit group "h t u": "h trăm"; tens "t mươi" (≥ 2), "mười" (1); units after "mươi" read
 *   1 → "mốt", 4 → "bốn" or "tư" (option four), 5 → "lăm"; after "mười" 5 → "lăm" (15 = mười lăm, 11 = mười một);
 *   tens 0 with units after a hundred → "linh" / "lẻ" (option linh): 105 = một trăm linh năm.
 * - Groups: đơn vị, nghìn (or ngàn), triệu, then tỷ; beyond 10^9 the part above tỷ is read as a number in its own right
 *   followed by "tỷ", so tỷ repeats: 10^12 = một nghìn tỷ, 10^15 = một triệu tỷ, 10^18 = một tỷ tỷ.
 * - The most significant group omits a zero hundred; every later non-zero group reads its hundreds in full,
 *   so 145.001.000 = "một trăm bốn mươi lăm triệu, không trăm linh một nghìn". Zero groups are skipped.
 * - Commas (option commas, default on) separate the groups below tỷ and follow "tỷ"; the number that multiplies
 *   "tỷ" is read without commas, as in the seeds: "Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng".
 * - Decimals (of a đồng) follow "phẩy": each leading zero reads "không", the remaining digits read as a whole number
 *   (12,05 = mười hai phẩy không năm; 0,667 = không phẩy sáu trăm sáu mươi bảy).
 * - Negative amounts start with "Âm". The first letter is capitalised. " đồng" is appended (option currency),
 *   then " chẵn" (option chan) when the amount is a whole number of thousands of đồng (no odd đồng, no decimals).
 *
 * wordsToAmount reads these forms back (and the usual variants: ngàn, lẻ, tư, mốt, lăm, nhăm, bẩy, tỉ, digit-by-digit
 * decimals), returning undefined when the text is not a well-formed Vietnamese amount or reads 10^21 đồng or more.
 */
import { Dec, isDec } from '../base/decimal';
import type { Unit } from '../plan/model';
import { AmountError, convertUnit, isUnit, parseAmount, unitFactor } from './numbers';
import { MAX_AMOUNT_DIGITS } from '../base/limits';

export interface WordsOptions {
  /** The unit the amount is in; it is scaled to đồng first. Default 'đồng'. */
  unit?: Unit;
  /** Word for a zero tens digit after a hundred (105). Default 'linh'. */
  linh?: 'linh' | 'lẻ';
  /** Word for 1000. Default 'nghìn'. */
  thousand?: 'nghìn' | 'ngàn';
  /** 4 in the units position after "mươi" (24 = hai mươi bốn / hai mươi tư). Default 'bốn'. */
  four?: 'bốn' | 'tư';
  /** Append "chẵn" to round amounts (whole thousands of đồng). Default false. */
  chan?: boolean;
  /** Comma between groups, as in the seeds. Default true. */
  commas?: boolean;
  /** Append " đồng". Default true. */
  currency?: boolean;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const BILLION = 1000000000n;
/** Amounts at or above this (in đồng) are refused: 10^21, a thousand tỷ tỷ. */
const MAX_DONG = 10n ** BigInt(MAX_AMOUNT_DIGITS);

interface Resolved {
  linh: string;
  thousand: string;
  four: string;
  commas: boolean;
}

/** Words for 0 < n < 1000. full: read "không trăm" / "linh" as in a non-leading group. */
function readGroup(n: number, full: boolean, o: Resolved, out: string[]): void {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const withHundreds = h > 0 || full;
  if (withHundreds) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (withHundreds) out.push(o.linh);
      out.push(DIGITS[u]);
    }
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]);
  } else {
    out.push(DIGITS[t], 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push(o.four);
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]);
  }
}

/**
 * Words for 0 < n < 10^9 as a list of phrases (one per group: triệu, nghìn, units).
 * leading: n is the most significant part of the whole number.
 */
function readBelowBillion(n: number, leading: boolean, o: Resolved): string[][] {
  const groups = [Math.floor(n / 1000000), Math.floor(n / 1000) % 1000, n % 1000];
  const scales = ['triệu', o.thousand, ''];
  const phrases: string[][] = [];
  let first = leading;
  for (let i = 0; i < 3; i++) {
    const g = groups[i];
    if (g === 0) continue;
    const words: string[] = [];
    readGroup(g, !first, o, words);
    if (scales[i]) words.push(scales[i]);
    phrases.push(words);
    first = false;
  }
  return phrases;
}

/** Words for a positive integer as phrases; the part above tỷ is read as one phrase followed by "tỷ". */
function readInteger(n: bigint, leading: boolean, o: Resolved): string[][] {
  if (n < BILLION) {
    // n < 10^9 fits a JS number exactly.
    return readBelowBillion(parseInt(n.toString(), 10), leading, o);
  }
  const hi = n / BILLION;
  const lo = n % BILLION;
  const hiWords = readInteger(hi, leading, o).flat();
  hiWords.push('tỷ');
  const phrases = [hiWords];
  if (lo > 0n) phrases.push(...readBelowBillion(parseInt(lo.toString(), 10), false, o));
  return phrases;
}

function joinPhrases(phrases: string[][], commas: boolean): string {
  return phrases.map((p) => p.join(' ')).join(commas ? ', ' : ' ');
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0].toLocaleUpperCase('vi') + s.slice(1);
}

function toDong(amount: Dec | string, unit: Unit): Dec {
  if (typeof amount === 'string') {
    const p = parseAmount(amount, { unit });
    if (p.kind !== 'number') {
      throw new AmountError(p.kind === 'empty' ? 'Không có số tiền để đọc' : `Không đọc được số tiền: ${p.reason}`);
    }
    return convertUnit(p.value, unit, 'đồng');
  }
  if (!isDec(amount) || !amount.isFinite()) throw new AmountError(`Số tiền không hợp lệ: ${String(amount)}`);
  return convertUnit(amount, unit, 'đồng');
}

/**
 * True when amountToWords can read the amount (finite, below 10^21 đồng once scaled, at most 18 decimals of a đồng),
 * so callers such as the checks can test first instead of catching AmountError.
 */
export function canSayInWords(amount: Dec, unit: Unit = 'đồng'): boolean {
  if (!isDec(amount) || !amount.isFinite() || !isUnit(unit)) return false;
  const dong = amount.times(unitFactor(unit));
  if (dong.abs().gte(new Dec(10).pow(MAX_AMOUNT_DIGITS))) return false;
  return dong.decimalPlaces() <= 18;
}

/** The amount in Vietnamese words, e.g. 441.115 triệu đồng → "Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng". */
export function amountToWords(amount: Dec | string, opts?: WordsOptions): string {
  const unit = opts?.unit ?? 'đồng';
  const o: Resolved = {
    linh: opts?.linh ?? 'linh',
    thousand: opts?.thousand ?? 'nghìn',
    four: opts?.four ?? 'bốn',
    commas: opts?.commas ?? true,
  };
  if (o.linh !== 'linh' && o.linh !== 'lẻ') throw new AmountError(`Tùy chọn linh không hợp lệ: ${String(o.linh)}`);
  if (o.thousand !== 'nghìn' && o.thousand !== 'ngàn') throw new AmountError(`Tùy chọn nghìn không hợp lệ: ${String(o.thousand)}`);
  if (o.four !== 'bốn' && o.four !== 'tư') throw new AmountError(`Tùy chọn bốn không hợp lệ: ${String(o.four)}`);
  const dong = toDong(amount, unit);
  const negative = dong.isNegative() && !dong.isZero();
  const abs = dong.abs();
  const text = abs.toFixed();
  const point = text.indexOf('.');
  const intText = point < 0 ? text : text.slice(0, point);
  const fracText = point < 0 ? '' : text.slice(point + 1);
  if (fracText.length > 18) throw new AmountError(`Quá nhiều chữ số thập phân để đọc: ${text}`);
  const int = BigInt(intText);
  if (int >= MAX_DONG) throw new AmountError(`Số tiền quá lớn để đọc thành chữ: ${text} đồng`);

  let body = int === 0n ? DIGITS[0] : joinPhrases(readInteger(int, true, o), o.commas);
  if (fracText) {
    const words: string[] = ['phẩy'];
    let i = 0;
    while (fracText[i] === '0') {
      words.push(DIGITS[0]);
      i++;
    }
    words.push(joinPhrases(readInteger(BigInt(fracText.slice(i)), true, o), false));
    body += ' ' + words.join(' ');
  }
  if (negative) body = 'âm ' + body;
  if (opts?.currency ?? true) body += ' đồng';
  if (opts?.chan && !fracText && int > 0n && int % 1000n === 0n) body += ' chẵn';
  return capitalise(body);
}

// ---------------------------------------------------------------------------------------------------------------
// Words → amount

const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['không', 0], ['một', 1], ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['năm', 5], ['lăm', 5],
  ['nhăm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9], ['linh', -1], ['lẻ', -1],
]);
const SCALE_WORDS: ReadonlyMap<string, bigint> = new Map([
  ['nghìn', 1000n], ['ngàn', 1000n], ['triệu', 1000000n], ['tỷ', BILLION], ['tỉ', BILLION],
]);
const STRIP_WORDS = new Set(['đồng', 'chẵn', 'vnđ', 'vnd', 'chẳn', 'chăn']);
const PUNCT = /[,;.:()[\]"“”'‘’!?…–—/-]/g;
const WS = /\s+/;

/**
 * A three-digit group from tokens[i..]; undefined when the tokens there do not form one.
 * inner: a later group of the number ("một nghìn linh năm" = 1005 is accepted there); a bare digit is refused there,
 * because "một triệu hai" is spoken shorthand for 1.200.000, not 1.000.002.
 */
function readSmall(tokens: string[], i: number, inner: boolean): { value: number; next: number } | undefined {
  let value = 0;
  let j = i;
  const d0 = DIGIT_WORDS.get(tokens[j]);
  let hundreds = false;
  // [D trăm]
  if (d0 !== undefined && d0 >= 0 && tokens[j + 1] === 'trăm') {
    if (tokens[j] === 'mốt' || tokens[j] === 'lăm' || tokens[j] === 'tư' || tokens[j] === 'nhăm') return undefined;
    value = d0 * 100;
    j += 2;
    hundreds = true;
  }
  const w = tokens[j];
  if (w === 'mười') {
    value += 10;
    j++;
    const u = DIGIT_WORDS.get(tokens[j]);
    if (u !== undefined && u > 0 && tokens[j] !== 'mốt' && tokens[j + 1] !== 'trăm' && tokens[j + 1] !== 'mươi') {
      value += u;
      j++;
    }
    return { value, next: j };
  }
  const d = DIGIT_WORDS.get(w);
  if (d === undefined) return hundreds ? { value, next: j } : undefined;
  if (d === -1) {
    // linh / lẻ: after a hundred (or in a later group), followed by a units digit.
    if (!hundreds && !inner) return undefined;
    const u = DIGIT_WORDS.get(tokens[j + 1]);
    if (u === undefined || u <= 0 || tokens[j + 1] === 'mốt' || tokens[j + 1] === 'lăm') return undefined;
    return { value: value + u, next: j + 2 };
  }
  if (tokens[j + 1] === 'mươi') {
    if (d < 2 || w === 'mốt' || w === 'lăm' || w === 'tư' || w === 'nhăm') return undefined;
    value += d * 10;
    j += 2;
    const u = DIGIT_WORDS.get(tokens[j]);
    if (u !== undefined && u > 0 && tokens[j + 1] !== 'trăm' && tokens[j + 1] !== 'mươi') {
      value += u;
      j++;
    }
    return { value, next: j };
  }
  if (tokens[j + 1] === 'trăm') return undefined; // "một trăm hai trăm"
  // A bare digit: units (only "không" when it is the whole group).
  if (w === 'mốt' || w === 'lăm' || w === 'tư' || w === 'nhăm') return undefined;
  if (hundreds) return undefined; // "một trăm năm" without linh: spoken shorthand for 150
  if (inner) return undefined; // "một triệu hai": spoken shorthand for 1.200.000
  return { value: value + d, next: j + 1 };
}

/** An integer from tokens[i..end); undefined when malformed. */
function readIntegerWords(tokens: string[], i: number, end: number): bigint | undefined {
  let total = 0n;
  let block = 0n;
  /** Smallest scale used in the current block below tỷ (so nghìn may not precede triệu). */
  let blockScale = BILLION;
  let any = false;
  let j = i;
  let lastWasScale = false;
  while (j < end) {
    const scale = SCALE_WORDS.get(tokens[j]);
    if (scale !== undefined) {
      // A scale word right after another: "nghìn tỷ", "triệu tỷ", "tỷ tỷ".
      if (!lastWasScale || scale !== BILLION) return undefined;
      total = (total + block) * BILLION;
      block = 0n;
      blockScale = BILLION;
      j++;
      continue;
    }
    const s = readSmall(tokens, j, any);
    if (!s || s.next > end) return undefined;
    any = true;
    j = s.next;
    const v = BigInt(s.value);
    const next = j < end ? SCALE_WORDS.get(tokens[j]) : undefined;
    if (next === undefined) {
      if (j < end) return undefined;
      block += v;
      lastWasScale = false;
      break;
    }
    if (next === BILLION) {
      total = (total + block + v) * BILLION;
      block = 0n;
      blockScale = BILLION;
    } else {
      if (next >= blockScale) return undefined;
      block += v * next;
      blockScale = next;
    }
    j++;
    lastWasScale = true;
  }
  return any ? total + block : undefined;
}

/** Decimal digits after "phẩy": digit by digit ("năm sáu") or leading "không"s then a number. */
function readFractionWords(tokens: string[], i: number): string | undefined {
  const rest = tokens.slice(i);
  if (rest.length === 0) return undefined;
  const allDigits = rest.every((t) => {
    const d = DIGIT_WORDS.get(t);
    return d !== undefined && d >= 0 && t !== 'mốt' && t !== 'lăm' && t !== 'tư' && t !== 'nhăm';
  });
  if (allDigits) return rest.map((t) => String(DIGIT_WORDS.get(t))).join('');
  let zeros = '';
  let j = 0;
  while (rest[j] === 'không' && rest[j + 1] !== 'trăm') {
    zeros += '0';
    j++;
  }
  const n = readIntegerWords(rest, j, rest.length);
  if (n === undefined) return undefined;
  return zeros + n.toString();
}

function normaliseWords(text: string): string[] {
  let s = text.normalize('NFC').toLowerCase().replace(PUNCT, ' ').trim();
  if (s.startsWith('bằng chữ')) s = s.slice('bằng chữ'.length);
  const tokens = s.split(WS).filter((t) => t !== '');
  while (tokens.length > 0 && STRIP_WORDS.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens;
}

/** Read Vietnamese words back to an amount in đồng; undefined when the text is not an amount in words. */
export function wordsToAmount(text: string): Dec | undefined {
  if (typeof text !== 'string' || text.length > 2000) return undefined;
  const tokens = normaliseWords(text);
  let negative = false;
  let start = 0;
  if (tokens[0] === 'âm' || tokens[0] === 'trừ') {
    negative = true;
    start = 1;
  }
  if (tokens.length <= start) return undefined;
  const comma = tokens.indexOf('phẩy', start);
  const intEnd = comma < 0 ? tokens.length : comma;
  let intValue: bigint | undefined;
  if (intEnd - start === 1 && tokens[start] === 'không') intValue = 0n;
  else intValue = readIntegerWords(tokens, start, intEnd);
  if (intValue === undefined || intValue >= MAX_DONG) return undefined;
  let plainText = intValue.toString();
  if (comma >= 0) {
    const frac = readFractionWords(tokens, comma + 1);
    if (frac === undefined) return undefined;
    plainText += '.' + frac;
  }
  const d = new Dec(plainText);
  return negative && !d.isZero() ? d.negated() : d;
}

const WORDS_LABEL = /bằng\s+chữ\s*[:：]?\s*/iu;
const PAREN = /\(([^()]*)\)/g;

function cleanExtract(s: string): string {
  return s.trim().replace(/^[\s:(]+/, '').replace(/[\s.;,)/]+$/, '').trim();
}

/**
 * Pull the words part out of a sentence: "Tổng tiền bằng chữ: Năm tỷ tám trăm triệu đồng." → "Năm tỷ tám trăm triệu
 * đồng"; "441.115.000.000 đồng (Bằng chữ: ...)" → the words; "(Một ngàn ... đồng)" → the words in parentheses.
 * Undefined when there is no readable amount in words.
 */
export function extractWords(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 5000) return undefined;
  const s = text.normalize('NFC');
  const m = WORDS_LABEL.exec(s);
  if (m) {
    let rest = s.slice(m.index + m[0].length);
    // Up to the closing parenthesis when the label sits inside one, else to the end of the sentence.
    const before = s.slice(0, m.index);
    const openBefore = before.lastIndexOf('(') > before.lastIndexOf(')');
    const close = rest.indexOf(')');
    if (openBefore && close >= 0) rest = rest.slice(0, close);
    else {
      const nl = rest.indexOf('\n');
      if (nl >= 0) rest = rest.slice(0, nl);
    }
    const out = cleanExtract(rest);
    return out && wordsToAmount(out) !== undefined ? out : undefined;
  }
  PAREN.lastIndex = 0;
  let p: RegExpExecArray | null;
  while ((p = PAREN.exec(s)) !== null) {
    const inner = cleanExtract(p[1]);
    if (inner && wordsToAmount(inner) !== undefined) return inner;
  }
  const whole = cleanExtract(s);
  return whole && wordsToAmount(whole) !== undefined ? whole : undefined;
}
