/**
 * Money as exact decimals: the one Decimal constructor (decCore.ts) and the operations on amounts the project shares.
 */
import DecimalJs from 'decimal.js';
import { type Dec, ZERO, plainOf } from './decCore';
import { ExactSum } from './exactSum';

export { Dec, ZERO, trimmed, decFromScaled, decOf, decOfDouble, plainOf, scaledOf, MAX_SCALE, type Scaled } from './decCore';

/** Sum of decimals (empty → 0): the value of a Dec.plus loop from ZERO, by exact integers where they hold (exactSum.ts). */
export function sum(values: Iterable<Dec | undefined | null>): Dec {
  const acc = new ExactSum();
  for (const v of values) if (v) acc.add(v);
  return acc.value();
}

/** True when |a - b| <= tolerance. */
export function eqWithin(a: Dec, b: Dec, tolerance: Dec = ZERO): boolean {
  return a.minus(b).abs().lte(tolerance);
}

/** Plain (non-exponential) decimal string, the form used in findings' expected/actual. */
export function plain(d: Dec): string {
  return plainOf(d);
}

export function isDec(x: unknown): x is Dec {
  return DecimalJs.isDecimal(x);
}
