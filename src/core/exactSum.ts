/**
 * Fast exact arithmetic on Dec for the hot loops of totals and checks (10,000-item plans).
 *
 * decimal.js keeps a value as sign `s`, base-10 exponent `e` and base-1e7 words `d` aligned on the decimal point
 * (public read-only properties of every instance, see decimal.d.ts). Most amounts of an appendix have few digits:
 * an integer part below 2^53 and at most 7 decimals. ExactSum adds such amounts as two JS safe integers (the
 * integer part and the first 7 decimals, each exact: every step is checked to stay at most 2^53 - 1, and a sum of
 * two safe integers that is itself safe is computed exactly), then builds one Dec at the end. As soon as a term
 * does not fit, or a partial sum would leave the safe range, it continues with Dec.plus from the exact value
 * reached so far, in the same order as a plain Dec loop: the result is the same Dec value as
 * `terms.reduce((a, x) => a.plus(x), ZERO)`, never a rounded one.
 */
import { Dec } from './decimal';

const BASE = 1e7;
const MAX = Number.MAX_SAFE_INTEGER;

/** Integer part and 7-decimal fraction of a Dec, in reused slots (no allocation); false when it does not fit. */
let partInt = 0;
let partFrac = 0;
function parts(x: Dec): boolean {
  const d = x.d;
  if (!Array.isArray(d)) return false; // NaN, ±Infinity (or not a Dec: left to Dec.plus)
  const e = x.e;
  if (e >= 21) return false; // ≥ 10^21: beyond safe integers anyway
  // Word index of d[0]: 0 is the units word, -1 the first fraction word (7 decimals), -2 the next.
  const k = Math.floor(e / 7);
  const len = d.length;
  if (k - len + 1 < -1) return false; // a digit beyond the 7th decimal
  let n = 0;
  let i = 0;
  // Integer words: positions k..0.
  for (; i < len && i <= k; i++) n = n * BASE + d[i];
  for (let p = k + 1 - i; p > 0; p--) n *= BASE; // trailing zero words are not stored
  // Monotone rounding: if the exact value exceeds 2^53 - 1, so does the computed one.
  if (!(n <= MAX)) return false;
  const f = i < len ? d[i] : 0;
  if (x.s < 0) {
    partInt = -n;
    partFrac = -f;
  } else {
    partInt = n;
    partFrac = f;
  }
  return true;
}

/** The Dec whose value is int + frac / 10^7 (both safe integers, any signs). */
function toDec(int: number, frac: number): Dec {
  // Carry the whole units of frac into int; exact: % and the division of an exact multiple are exact on integers.
  const rem = frac % BASE;
  const carry = (frac - rem) / BASE;
  let i = int + carry;
  let f = rem;
  if (!Number.isSafeInteger(i)) return new Dec(int).plus(new Dec(frac).div(BASE));
  if (f === 0) return new Dec(i === 0 ? 0 : i);
  // Same sign for both parts.
  if (i > 0 && f < 0) {
    i -= 1;
    f += BASE;
  } else if (i < 0 && f > 0) {
    i += 1;
    f -= BASE;
  }
  const neg = i < 0 || (i === 0 && f < 0);
  const fs = String(Math.abs(f)).padStart(7, '0');
  return new Dec(`${neg ? '-' : ''}${Math.abs(i)}.${fs}`);
}

/**
 * An exact running sum of Decs.
 * - `new ExactSum()` gives the value of `ZERO.plus(t1).plus(t2)...`;
 * - `new ExactSum(true)` gives the value of `t1.plus(t2)...` (t1 itself for a single term; -0 when every term is -0),
 *   as an accumulator that starts from the first term does.
 */
export class ExactSum {
  private int = 0;
  private frac = 0;
  private dec: Dec | undefined;
  private count = 0;
  private first: Dec | undefined;
  private allNegZero = true;

  constructor(private readonly fromFirst = false) {}

  add(x: Dec): this {
    const n = this.count++;
    if (this.fromFirst) {
      if (n === 0) this.first = x;
      if (this.allNegZero && !(x.s < 0 && Array.isArray(x.d) && x.d[0] === 0)) this.allNegZero = false;
    }
    if (this.dec === undefined) {
      if (parts(x)) {
        const i = this.int + partInt;
        const f = this.frac + partFrac;
        if (i <= MAX && i >= -MAX && f <= MAX && f >= -MAX) {
          this.int = i;
          this.frac = f;
          return this;
        }
      }
      if (n === 0 && this.fromFirst) {
        this.dec = x;
        return this;
      }
      this.dec = toDec(this.int, this.frac);
    }
    this.dec = this.dec.plus(x);
    return this;
  }

  /** Is the sum equal to x? Decided without building the sum's Dec when both fit in safe integers. */
  sameAs(x: Dec): boolean {
    if (this.dec === undefined && parts(x)) {
      // int1 + frac1/10^7 = int2 + frac2/10^7  <=>  (int1 - int2)·10^7 = frac2 - frac1, all exact here.
      const di = this.int - partInt;
      const df = partFrac - this.frac;
      if (Number.isSafeInteger(di) && Number.isSafeInteger(df) && Math.abs(di) < 9e8) return di * BASE === df;
    }
    return sameDec(this.value(), x);
  }

  value(): Dec {
    if (this.fromFirst) {
      if (this.count === 1) return this.first!;
      if (this.count > 1 && this.allNegZero) return new Dec(this.first!);
    }
    return this.dec ?? toDec(this.int, this.frac);
  }
}

/** Exact sum of decimals; the same value as a Dec.plus loop from ZERO. */
export function exactSum(values: Iterable<Dec>): Dec {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
}

/**
 * Two finite Decs of the same value (a.eq(b)), decided without allocating (decimal.js' comparisons copy their
 * argument). False when either is NaN or ±Infinity, or not a decimal.js instance.
 */
export function sameDec(a: Dec, b: Dec): boolean {
  const ad = a?.d;
  const bd = b?.d;
  if (!Array.isArray(ad) || !Array.isArray(bd)) return false;
  if (ad[0] === 0) return bd[0] === 0; // zero (±0)
  if (a.s !== b.s || a.e !== b.e || ad.length !== bd.length) return false;
  for (let i = 0; i < ad.length; i++) if (ad[i] !== bd[i]) return false;
  return true;
}
