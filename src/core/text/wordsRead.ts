/**
 * Vietnamese amounts in words back to numbers (wordsToAmount, extractWords): the forms amountToWords (words.ts)
 * writes and their usual variants (ngàn, lẻ, tư, mốt, lăm, nhăm, bẩy, tỉ, digit-by-digit decimals).
 */
import { Dec } from '../base/decimal';
import { MAX_AMOUNT_DIGITS } from '../base/limits';

const BILLION = 1000000000n;
/** Amounts at or above this (in đồng) are refused: 10^21, a thousand tỷ tỷ. */
const MAX_DONG = 10n ** BigInt(MAX_AMOUNT_DIGITS);

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
