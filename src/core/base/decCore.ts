/**
 * The Decimal class and the fast ways to make its instances (decimal.ts re-exports all of it; exactSum.ts builds on
 * it). The one Decimal constructor the project uses for money: an isolated clone, so that
 * nobody else's global Decimal configuration can change how our amounts are added.
 * 60 significant digits hold any amount below 10^21 (MAX_AMOUNT_DIGITS) with 20 decimals, and their sums, exactly.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
});
// Instances of a clone have the same shape as DecimalJs instances.
export type Dec = DecimalJs;

export const ZERO: Dec = new Dec(0);

/**
 * `d` itself, its digit array cut to its length. decimal.js grows the array of a Dec parsed from text by push, so
 * half of such a Dec's ~240 bytes is spare capacity; amounts kept for the whole run (a plan's, a sheet's cells) are
 * trimmed once (100,000 items: six amounts each, ~70 MB). The value, and every result computed from it, is unchanged.
 */
export function trimmed(d: Dec): Dec {
  const w = d.d;
  if (w && w.length > 0) (d as unknown as { d: number[] }).d = w.slice();
  return d;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Decimal digits of a positive safe integer. */
function digitCount(n: number): number {
  let k = 1;
  while (k < 16 && n >= POW10[k]) k++;
  return k;
}

/** floor(n / 10^k) and n mod 10^k of a safe integer n ≥ 0, exactly (no rounded division). */
function divPow10(n: number, k: number): [number, number] {
  const r = n % POW10[k];
  return [(n - r) / POW10[k], r];
}

/**
 * The Dec of value ±n × 10^-k (n a safe integer ≥ 0, k ≥ 0), built from its digit words as decimal.js' own parser
 * lays them out (same `s`, `e` and `d`; tests/core/base/decimalFast.test.ts proves it against `new Dec(string)`),
 * without going through a string. The object comes from the constructor's number path, so it has the shape of
 * every other Dec.
 */
export function decFromScaled(neg: boolean, n: number, k: number): Dec {
  const x = new Dec(0);
  if (neg) (x as unknown as { s: number }).s = -1;
  if (n === 0) return x;
  let len = digitCount(n);
  const e = len - 1 - k;
  // trailing zeros are not kept (decimal.js strips them before making words; no zero word at the end)
  while (n % 10 === 0) { n /= 10; len--; }
  // digits of the first word: decimal.js aligns words on exponents that are multiples of 7
  let f = (e + 1) % 7;
  if (e < 0) f += 7;
  if (f === 0) f = 7;
  let d: number[];
  const rest = len - f;
  if (rest <= 0) d = [n * POW10[-rest]];
  else {
    const pad = (7 - (rest % 7)) % 7;
    const words = Math.ceil(rest / 7);
    d = new Array<number>(words + 1);
    let [q, r] = divPow10(n, 7 - pad);
    d[words] = r * POW10[pad];
    for (let i = words - 1; i >= 1; i--) { [q, r] = divPow10(q, 7); d[i] = r; }
    d[0] = q;
  }
  const w = x as unknown as { e: number; d: number[] };
  w.e = e;
  w.d = d;
  return x;
}

/** A Dec as decFromScaled's arguments: ±n × 10^-k, n a safe integer of at most 15 digits, 0 ≤ k ≤ MAX_SCALE. */
export interface Scaled {
  neg: boolean;
  n: number;
  k: number;
}

/** The most decimals `scaledOf` gives (amounts read from a sheet have a few; anything finer stays a Dec). */
export const MAX_SCALE = 100;

/**
 * The arguments of decFromScaled that rebuild `x` (same `s`, `e` and `d`; tests/core/base/decimalFast.test.ts), when
 * its digits fit 15 (any amount read from a number cell does); else undefined. Read from x's digit words, no text.
 */
export function scaledOf(x: Dec): Scaled | undefined {
  const w = x.d;
  if (!w || w.length === 0 || w.length > 3) return undefined;
  const m = w.length;
  // the last word is padded with zeros to seven digits (a lone word is not): they are not digits of the amount
  let last = w[m - 1];
  let lastDigits = m === 1 ? digitCount(last) : 7;
  while (last !== 0 && last % 10 === 0) { last /= 10; lastDigits--; }
  const len = (m === 1 ? 0 : digitCount(w[0]) + 7 * (m - 2)) + lastDigits;
  if (len > 15) return undefined;
  let n = last;
  if (m > 1) {
    n = w[0];
    for (let i = 1; i < m - 1; i++) n = n * 1e7 + w[i];
    n = n * POW10[lastDigits] + last;
  }
  let k = len - 1 - x.e;
  if (k < 0) {
    if (len - k > 15) return undefined;
    n *= POW10[-k];
    k = 0;
  }
  if (k > MAX_SCALE) return undefined;
  return { neg: x.s < 0, n, k };
}

/**
 * `new Dec(str)` for a plain decimal string ("-1234.567", "0.001", "12"): read digit by digit into a scaled safe
 * integer and built by decFromScaled; any other form, or more than 15 digits, goes through decimal.js' parser. The
 * result is the same Dec either way (same `s`, `e`, `d`), never more than its digits long (no trimmed() needed).
 */
export function decOf(str: string): Dec {
  const len = str.length;
  let i = 0;
  const neg = len > 0 && str.charCodeAt(0) === 45;
  if (neg) i = 1;
  let n = 0;
  let digits = 0;
  let k = -1;
  let sig = 0;
  for (; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (n !== 0 || c !== 48) sig++;
      n = n * 10 + (c - 48);
      if (k >= 0) k++;
    } else if (c === 46 && k < 0) k = 0;
    else return trimmed(new Dec(str));
  }
  // "", "-", "5.", more digits than a safe integer holds: decimal.js decides
  if (digits === 0 || k === 0 || sig > 15) return trimmed(new Dec(str));
  return decFromScaled(neg, n, k < 0 ? 0 : k);
}

/**
 * The shortest text of a finite double (String(v)) when it is plain (no exponent) and has at most 15 significant
 * digits, else undefined. Such a text is exactly what v.toPrecision(15) gives without its trailing zeros: a decimal of
 * at most 15 significant digits survives the trip to a double and back at 15 digits (IEEE 754's 15-digit guarantee),
 * and the shortest text is such a decimal that reads back as v.
 */
function shortPlain(v: number): string | undefined {
  const str = String(v);
  let sig = 0;
  let lead = true;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (lead && c === 48) continue;
      lead = false;
      if (++sig > 15) return undefined;
    } else if (c !== 46 && c !== 45) return undefined; // "e": exponent form
  }
  return str;
}

/**
 * A binary double as Excel shows it: to 15 significant digits, as an exact Dec (float noise such as
 * 3.3000000000000003 is read as 3.3). The same Dec as `new Dec(v.toPrecision(15))` (tests/core/base/decimalFast),
 * trimmed; zero is +0. Most doubles read from a sheet are short decimals ("97000.027"): their shortest text is used,
 * which spares toPrecision's slower conversion.
 */
export function decOfDouble(v: number): Dec {
  if (v === 0) return new Dec(0);
  // decimal.js parses integers of 8 digits or more from their text, into a digit array grown by push: trimmed.
  if (Number.isSafeInteger(v) && Math.abs(v) < 1e15) return Math.abs(v) < 1e7 ? new Dec(v) : trimmed(new Dec(v));
  const short = shortPlain(v);
  if (short !== undefined) return decOf(short);
  const d = decOf(v.toPrecision(15));
  return d.isZero() ? new Dec(0) : d;
}

/**
 * `d.toFixed()` (the plain, non-exponential form) for a finite Dec of at most two digit words (at most 14 digits),
 * read as one safe integer instead of decimal.js' word-by-word string building; anything else through toFixed.
 * tests/core/base/decimalFast.test.ts proves it equal to toFixed.
 */
export function plainOf(x: Dec): string {
  const w = x.d;
  if (!w || w.length > 2 || !x.isFinite()) return x.toFixed();
  let n = w.length === 1 ? w[0] : w[0] * 1e7 + w[1];
  if (n === 0) return '0';
  while (n % 10 === 0) n /= 10;
  let str = String(n);
  const len = str.length;
  const e = x.e;
  if (e < 0) str = `0.${'0'.repeat(-e - 1)}${str}`;
  else if (e >= len) str += '0'.repeat(e + 1 - len);
  else if (e + 1 < len) str = `${str.slice(0, e + 1)}.${str.slice(e + 1)}`;
  return x.s < 0 ? `-${str}` : str;
}
