/**
 * Running sums of Decs for the hot loops of totals and checks. Every addition and comparison is decimal.js's own
 * (Dec.plus, Dec.eq): money is never held in a JS number. The accumulator only avoids building intermediate
 * arrays and, with `fromFirst`, returns a single term as it is.
 */
import { Dec, ZERO } from './decimal';

/**
 * An exact running sum of Decs.
 * - `new ExactSum()` gives the value of `ZERO.plus(t1).plus(t2)...`;
 * - `new ExactSum(true)` gives the value of `t1.plus(t2)...` (t1 itself for a single term).
 */
export class ExactSum {
  private acc: Dec | undefined;

  constructor(private readonly fromFirst = false) {}

  add(x: Dec): this {
    this.acc = this.acc === undefined ? (this.fromFirst ? x : ZERO.plus(x)) : this.acc.plus(x);
    return this;
  }

  /** Is the sum equal to x (both finite)? */
  sameAs(x: Dec): boolean {
    return sameDec(this.value(), x);
  }

  value(): Dec {
    return this.acc ?? ZERO;
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
