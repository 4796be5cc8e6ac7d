/**
 * Spreading a total over years (or any parts), exactly.
 *
 * Work in whole units of the last digit (10^-decimals): each part first gets the floor of its exact share
 * (total × weight / sum of weights); the units left over (fewer than the number of parts) go one at a time to the
 * largest shares, ties to the earliest part. So the parts always add up to the total, and each part is within one
 * unit of its exact share — exactly one when a share that is already whole takes a leftover unit (an equal split
 * differs by at most one unit between parts: 10 over 3 → 4, 3, 3).
 * A negative total is spread as its absolute value, then negated. If the total itself has more decimals than
 * asked, its own number of decimals is used (the parts must add up to it exactly).
 */
import { Dec, isDec } from '../base/decimal';
import { SPREAD_MESSAGES as S } from './messages';

export class SpreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadError';
  }
}

const MAX_PARTS = 100000;

function toScaledBigInt(d: Dec, decimals: number): bigint {
  return BigInt(d.times(new Dec(10).pow(decimals)).toFixed(0));
}

export function spread(total: Dec, parts: number | Dec[], decimals = 0): Dec[] {
  if (!isDec(total) || !total.isFinite()) throw new SpreadError(S.badTotal(String(total)));
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 18) {
    throw new SpreadError(S.badDecimals(String(decimals)));
  }
  if (total.abs().gte(new Dec('1e30'))) throw new SpreadError(S.totalTooLarge);
  const places = Math.max(decimals, total.decimalPlaces());
  if (places > 30) throw new SpreadError(S.totalTooFine);

  let weights: bigint[];
  if (typeof parts === 'number') {
    if (!Number.isInteger(parts)) throw new SpreadError(S.partsNotWhole(String(parts)));
    if (parts < 1) throw new SpreadError(S.noParts);
    if (parts > MAX_PARTS) throw new SpreadError(S.tooManyParts(parts));
    weights = new Array<bigint>(parts).fill(1n);
  } else if (Array.isArray(parts)) {
    if (parts.length === 0) throw new SpreadError(S.noParts);
    if (parts.length > MAX_PARTS) throw new SpreadError(S.tooManyParts(parts.length));
    let wPlaces = 0;
    for (const w of parts) {
      if (!isDec(w) || !w.isFinite()) throw new SpreadError(S.badWeight(String(w)));
      if (w.isNegative() && !w.isZero()) throw new SpreadError(S.negativeWeight(w.toFixed()));
      if (w.abs().gte(new Dec('1e30'))) throw new SpreadError(S.weightTooLarge);
      wPlaces = Math.max(wPlaces, w.decimalPlaces());
    }
    if (wPlaces > 30) throw new SpreadError(S.weightTooFine);
    weights = parts.map((w) => toScaledBigInt(w.abs(), wPlaces));
    if (weights.every((w) => w === 0n)) throw new SpreadError(S.allWeightsZero);
  } else {
    throw new SpreadError(S.badParts);
  }

  const signed = toScaledBigInt(total, places);
  const negative = signed < 0n;
  const units = negative ? -signed : signed;
  const sumW = weights.reduce((a, b) => a + b, 0n);
  const out = weights.map((w) => (units * w) / sumW);
  let left = units - out.reduce((a, b) => a + b, 0n);
  if (left > 0n) {
    // Largest shares first (by weight, which orders the exact shares), ties to the earliest.
    const order = weights.map((_, i) => i).sort((a, b) => (weights[a] > weights[b] ? -1 : weights[a] < weights[b] ? 1 : a - b));
    for (let k = 0; left > 0n; k++, left--) out[order[k]] += 1n;
  }
  const scale = new Dec(10).pow(places);
  return out.map((u) => {
    const d = new Dec((negative ? -u : u).toString()).div(scale);
    return d.isZero() ? new Dec(0) : d;
  });
}
