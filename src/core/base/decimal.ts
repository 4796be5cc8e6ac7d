/**
 * The one Decimal constructor the project uses for money: an isolated clone, so that
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

/** Sum of decimals (empty → 0). */
export function sum(values: Iterable<Dec | undefined | null>): Dec {
  let acc = ZERO;
  for (const v of values) if (v) acc = acc.plus(v);
  return acc;
}

/** True when |a - b| <= tolerance. */
export function eqWithin(a: Dec, b: Dec, tolerance: Dec = ZERO): boolean {
  return a.minus(b).abs().lte(tolerance);
}

/** Plain (non-exponential) decimal string, the form used in findings' expected/actual. */
export function plain(d: Dec): string {
  return d.toFixed();
}

export function isDec(x: unknown): x is Dec {
  return DecimalJs.isDecimal(x);
}
