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
 * wordsToAmount (wordsRead.ts, re-exported here) reads these forms back (and the usual variants: ngàn, lẻ, tư, mốt, lăm, nhăm, bẩy, tỉ, digit-by-digit
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

/** Words of every three-digit group 0..999 (index 0 unused), read leading (short) and full, per option set. */
const GROUP_TABLES = new Map<string, { short: string[]; full: string[] }>();

function groupTable(o: Resolved): { short: string[]; full: string[] } {
  const key = `${o.linh}|${o.four}`;
  let t = GROUP_TABLES.get(key);
  if (!t) {
    t = { short: [], full: [] };
    for (let n = 0; n < 1000; n++) {
      const a: string[] = [];
      const b: string[] = [];
      if (n > 0) { readGroup(n, false, o, a); readGroup(n, true, o, b); }
      t.short.push(a.join(' '));
      t.full.push(b.join(' '));
    }
    GROUP_TABLES.set(key, t);
  }
  return t;
}

/**
 * Phrases (one per group: triệu, nghìn, units) for 0 < n < 10^9, an integer held exactly by a JS number, appended
 * to `out`. leading: n is the most significant part of the whole number.
 */
function readBelowBillion(n: number, leading: boolean, o: Resolved, out: string[]): void {
  const t = groupTable(o);
  const m = (n - (n % 1000000)) / 1000000;
  const k = ((n - (n % 1000)) / 1000) % 1000;
  const u = n % 1000;
  let first = leading;
  if (m) { out.push(`${(first ? t.short : t.full)[m]} triệu`); first = false; }
  if (k) { out.push(`${(first ? t.short : t.full)[k]} ${o.thousand}`); first = false; }
  if (u) out.push((first ? t.short : t.full)[u]);
}

/**
 * Phrases for a positive integer given as its decimal digits (no leading zeros), appended to `out`; the part above
 * tỷ is read as one phrase followed by "tỷ". Nine digits at a time: never a float, never a BigInt.
 */
function readDigits(digits: string, leading: boolean, o: Resolved, out: string[]): void {
  if (digits.length <= 9) {
    readBelowBillion(parseInt(digits, 10), leading, o, out);
    return;
  }
  const hi: string[] = [];
  readDigits(digits.slice(0, -9), leading, o, hi);
  out.push(`${hi.join(' ')} tỷ`);
  const lo = parseInt(digits.slice(-9), 10);
  if (lo > 0) readBelowBillion(lo, false, o, out);
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

/** A string of digits only, at most 21 (an optional "-"): its value needs no parsing beyond leading zeros. */
const PLAIN_DIGITS = /^-?[0-9]{1,21}$/;

/** The amount in đồng as sign, integer digits (no leading zeros; "0") and decimal digits (no trailing zeros). */
function dongDigits(amount: Dec | string, unit: Unit): { negative: boolean; intText: string; fracText: string } {
  if (typeof amount === 'string' && PLAIN_DIGITS.test(amount) && isUnit(unit)) {
    // Same value as parseAmount then convertUnit: the digits, times the unit's power of ten.
    const negative = amount.charCodeAt(0) === 45;
    let i = negative ? 1 : 0;
    while (i < amount.length - 1 && amount.charCodeAt(i) === 48) i++;
    const digits = amount.slice(i);
    if (digits === '0') return { negative: false, intText: '0', fracText: '' };
    return { negative, intText: digits + unitFactor(unit).toFixed().slice(1), fracText: '' };
  }
  const dong = toDong(amount, unit);
  const text = dong.abs().toFixed();
  const point = text.indexOf('.');
  return {
    negative: dong.isNegative() && !dong.isZero(),
    intText: point < 0 ? text : text.slice(0, point),
    fracText: point < 0 ? '' : text.slice(point + 1),
  };
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
  const { negative, intText, fracText } = dongDigits(amount, unit);
  if (fracText.length > 18) throw new AmountError(`Quá nhiều chữ số thập phân để đọc: ${intText}.${fracText}`);
  if (intText.length > MAX_AMOUNT_DIGITS) throw new AmountError(`Số tiền quá lớn để đọc thành chữ: ${intText}${fracText ? `.${fracText}` : ''} đồng`);

  let body = DIGITS[0];
  if (intText !== '0') {
    const phrases: string[] = [];
    readDigits(intText, true, o, phrases);
    body = phrases.join(o.commas ? ', ' : ' ');
  }
  if (fracText) {
    let i = 0;
    let zeros = '';
    while (fracText[i] === '0') { zeros += ' không'; i++; }
    const phrases: string[] = [];
    readDigits(fracText.slice(i), true, o, phrases);
    body += ` phẩy${zeros} ${phrases.join(' ')}`;
  }
  if (negative) body = 'âm ' + body;
  if (opts?.currency ?? true) body += ' đồng';
  if (opts?.chan && !fracText && intText !== '0' && intText.endsWith('000')) body += ' chẵn';
  return capitalise(body);
}

export { extractWords, wordsToAmount } from './wordsRead';
