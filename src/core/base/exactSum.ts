/**
 * Running sums of Decs for the hot loops of totals and checks, exact and fast: each term is read as a scaled
 * integer (from decimal.js' own digit words `d` and exponent `e`), so adding is an integer addition; the result
 * becomes a Dec once, when asked for. The integer is a safe integer while every term and partial sum stays at most
 * Number.MAX_SAFE_INTEGER in magnitude (each operation checked: an exact integer result within that bound is exactly
 * what the number holds), else a BigInt. Money is never held in a fractional JS number.
 *
 * Equal to decimal.js by construction (and by property tests): decimal.js rounds a sum only when the exact sum has
 * more than `Dec.precision` significant digits; while the scaled integer stays below 10^precision the exact sum is
 * what decimal.js gives. Past that bound, or for a term that is not finite, the sum goes on in decimal.js from the
 * exact partial sum, as a Dec.plus loop would.
 */
import { Dec, ZERO, decFromScaled } from './decCore';

const WORD = 10_000_000n;
const SAFE = Number.MAX_SAFE_INTEGER;
/** 10^k as numbers, exact up to 10^15. */
const POW10N = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[k];
}
/** Scaled integers below this hold at most `precision` significant digits. */
const LIMIT = pow10(Dec.precision);

/** Decimal digits of one base-10^7 word (1..7). */
function wordDigits(w: number): number {
  let n = 1;
  for (let t = 10; w >= t && n < 7; t *= 10) n++;
  return n;
}

/**
 * An exact running sum of Decs.
 * - `new ExactSum()` gives the value of `ZERO.plus(t1).plus(t2)...`;
 * - `new ExactSum(true)` gives the value of `t1.plus(t2)...` (t1 itself for a single term).
 */
export class ExactSum {
  /** The exact partial sum is (small, or acc once big) / 10^scale while `dec` is undefined. */
  private small = 0;
  private big = false;
  private acc = 0n;
  private scale = 0;
  private terms = 0;
  private first: Dec | undefined;
  /** decimal.js fallback, once the bound is passed (or a term is not finite). */
  private dec: Dec | undefined;
  private cached: Dec | undefined;
  /** Every term so far is a negative zero (decimal.js: -0 + -0 = -0, -0 + 0 = 0). */
  private negZeros = true;

  constructor(private readonly fromFirst = false) {}

  add(x: Dec): this {
    this.cached = undefined;
    if (this.dec !== undefined) {
      this.dec = this.dec.plus(x);
      return this;
    }
    const digits = x.d;
    if (!digits || !x.isFinite()) return this.fallback(x);
    if (!this.big && this.addSmall(x, digits)) return this;
    if (!this.big) {
      this.big = true;
      this.acc = BigInt(this.small);
    }
    // x = D × 10^(e - n + 1), D the digit words read as one integer of n digits.
    let D = BigInt(digits[0]);
    for (let i = 1; i < digits.length; i++) D = D * WORD + BigInt(digits[i]);
    let k = wordDigits(digits[0]) + 7 * (digits.length - 1) - 1 - x.e;
    if (k < 0) {
      D *= pow10(-k);
      k = 0;
    }
    if (x.s < 0) D = -D;
    let next: bigint;
    if (k > this.scale) {
      next = this.acc * pow10(k - this.scale) + D;
    } else {
      next = this.acc + (k < this.scale ? D * pow10(this.scale - k) : D);
    }
    if (next >= LIMIT || next <= -LIMIT) return this.fallback(x);
    this.acc = next;
    if (k > this.scale) this.scale = k;
    if (!(x.isZero() && x.isNeg())) this.negZeros = false;
    if (this.terms++ === 0) this.first = x;
    return this;
  }

  /** The safe-integer path; false (nothing changed) when x or the sum would leave it. */
  private addSmall(x: Dec, digits: number[]): boolean {
    if (digits.length > 2) return false;
    let D = digits.length === 1 ? digits[0] : digits[0] * 1e7 + digits[1];
    let k = wordDigits(digits[0]) + 7 * (digits.length - 1) - 1 - x.e;
    if (k < 0) {
      if (-k > 15) return false;
      D *= POW10N[-k];
      k = 0;
      if (D > SAFE) return false;
    }
    let acc = this.small;
    if (k > this.scale) {
      if (k - this.scale > 15) return false;
      acc *= POW10N[k - this.scale];
    } else if (k < this.scale) {
      if (this.scale - k > 15) return false;
      D *= POW10N[this.scale - k];
    }
    if (acc > SAFE || acc < -SAFE || D > SAFE) return false;
    const next = x.s < 0 ? acc - D : acc + D;
    if (next > SAFE || next < -SAFE) return false;
    this.small = next;
    if (k > this.scale) this.scale = k;
    if (!(x.isZero() && x.isNeg())) this.negZeros = false;
    if (this.terms++ === 0) this.first = x;
    return true;
  }

  /** Continue in decimal.js from the exact partial sum. */
  private fallback(x: Dec): this {
    const prev = this.terms === 0 ? undefined : this.exact();
    if (prev === undefined) this.dec = this.fromFirst ? x : ZERO.plus(x);
    else this.dec = prev.plus(x);
    this.terms++;
    return this;
  }

  /** The exact partial sum as a Dec, as decimal.js would hold it (a single fromFirst term is itself). */
  private exact(): Dec {
    if (this.terms === 0) return ZERO;
    if (this.fromFirst && this.terms === 1) return this.first as Dec;
    const acc = this.big ? this.acc : this.small;
    if (acc === 0 || acc === 0n) return this.fromFirst && this.negZeros ? new Dec('-0') : ZERO;
    // a safe integer: the Dec straight from its digits (decFromScaled), no string
    if (!this.big) return decFromScaled(this.small < 0, Math.abs(this.small), this.scale);
    const neg = acc < 0;
    const s = (neg ? -acc : acc).toString();
    if (this.scale === 0) return new Dec(neg ? `-${s}` : s);
    const padded = s.length <= this.scale ? s.padStart(this.scale + 1, '0') : s;
    const cut = padded.length - this.scale;
    return new Dec(`${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`);
  }

  /** Is the sum equal to x (both finite)? */
  sameAs(x: Dec): boolean {
    return sameDec(this.value(), x);
  }

  value(): Dec {
    if (this.dec !== undefined) return this.dec;
    return (this.cached ??= this.exact());
  }
}

/** Exact sum of decimals; the same value as a Dec.plus loop from ZERO. */
export function exactSum(values: Iterable<Dec>): Dec {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}

/** Two finite Decs of the same value; false when either is NaN or ±Infinity, or not a decimal. */
export function sameDec(a: Dec, b: Dec): boolean {
  return Dec.isDecimal(a) && Dec.isDecimal(b) && a.isFinite() && b.isFinite() && a.eq(b);
}
