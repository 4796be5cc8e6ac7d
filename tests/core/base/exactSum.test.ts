import fc from 'fast-check';
import { Dec, ZERO } from '../../../src/core/base/decimal';
import { ExactSum, exactSum, sameDec } from '../../../src/core/base/exactSum';

/** Amounts of every shape: small integers, 3-decimal money, 7 and 8 decimals, near and beyond 2^53, huge, ±0. */
const amount = fc.oneof(
  fc.integer({ min: -1000, max: 10_000_000 }).map((n) => new Dec(n)),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => new Dec(n.toString()).div(1000)),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((n) => new Dec(n.toString()).div(1e7)),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((n) => new Dec(n.toString()).div(1e8)),
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }).map((n) => new Dec(n.toString())),
  fc.constantFrom('0', '-0', '9007199254740991', '-9007199254740991', '9007199254740992', '900719925474099.1',
    '0.0000001', '0.00000001', '1e20', '1e21', '-5e23', '123456789012345678901234567890.123456789', '1e-40')
    .map((s) => new Dec(s)),
);

/**
 * Hostile amounts: up to 90 significant digits (decimal.js keeps them all until an operation rounds to 60), any
 * exponent from 10^-90 to 10^90, both signs, mixed scales — where an exact integer path must hand over to decimal.js.
 */
const hostile = fc.oneof(
  amount,
  fc.tuple(fc.stringMatching(/^[1-9][0-9]{0,89}$/), fc.integer({ min: -90, max: 90 }), fc.boolean())
    .map(([digits, exp, neg]) => new Dec(`${neg ? '-' : ''}${digits}e${exp}`)),
  fc.constantFrom('1e59', '-1e59', '9.99999999999999999999999999999999999999999999999999999999999e59', '1e60', '1e-60', '-0')
    .map((s) => new Dec(s)),
);

/** Same value and the same representation (sign of zero included). */
function identical(a: Dec, b: Dec): boolean {
  return a.s === b.s && a.e === b.e && String(a.d) === String(b.d);
}

/** identical() for finite results; NaN and ±Infinity by their text. */
const same = (a: Dec, b: Dec) => (a.isFinite() || b.isFinite() ? identical(a, b) : a.toString() === b.toString());

describe('ExactSum', () => {
  it('equals a Dec.plus loop from zero, term by term order included', () => {
    fc.assert(fc.property(fc.array(amount, { maxLength: 40 }), (xs) => {
      const expected = xs.reduce((acc, x) => acc.plus(x), ZERO);
      expect(identical(exactSum(xs), expected)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('from the first term equals a loop that starts with the first term (a single term is returned as is)', () => {
    fc.assert(fc.property(fc.array(amount, { minLength: 1, maxLength: 40 }), (xs) => {
      const s = new ExactSum(true);
      for (const x of xs) s.add(x);
      const expected = xs.slice(1).reduce((acc, x) => acc.plus(x), xs[0]);
      expect(identical(s.value(), expected)).toBe(true);
      if (xs.length === 1) expect(s.value()).toBe(xs[0]);
    }), { numRuns: 3000 });
  });

  it('equals decimal.js over hostile amounts, in both modes, and past non-finite terms', () => {
    const odd = fc.constantFrom(NaN, Infinity, -Infinity).map((v) => new Dec(v));
    fc.assert(fc.property(fc.array(fc.oneof({ weight: 20, arbitrary: hostile }, { weight: 1, arbitrary: odd }), { minLength: 1, maxLength: 30 }), (xs) => {
      const fromZero = xs.reduce((acc, x) => acc.plus(x), ZERO);
      const got = exactSum(xs);
      expect([got.toString(), same(got, fromZero)]).toEqual([fromZero.toString(), true]);
      const s = new ExactSum(true);
      for (const x of xs) s.add(x);
      const fromFirst = xs.slice(1).reduce((acc, x) => acc.plus(x), xs[0]);
      expect([s.value().toString(), same(s.value(), fromFirst)]).toEqual([fromFirst.toString(), true]);
    }), { numRuns: 5000 });
  });

  it('sameAs(x) is value().eq(x) for finite x', () => {
    fc.assert(fc.property(fc.array(amount, { maxLength: 8 }), amount, fc.boolean(), (xs, x, fromFirst) => {
      const s = new ExactSum(fromFirst);
      for (const v of xs) s.add(v);
      expect(s.sameAs(x)).toBe(s.value().eq(x));
      // a sum that equals x by construction (when 60 digits hold it), in parts
      const t = new ExactSum(fromFirst);
      for (const v of xs) t.add(v);
      t.add(x.minus(exactSum(xs)));
      expect(t.sameAs(x)).toBe(t.value().eq(x));
    }), { numRuns: 3000 });
    expect(new ExactSum().add(new Dec('1.5')).add(new Dec('-0.5')).sameAs(new Dec(1))).toBe(true);
    expect(new ExactSum().add(new Dec('0.9999999')).add(new Dec('0.0000001')).sameAs(new Dec(1))).toBe(true);
    expect(new ExactSum().add(new Dec('2')).add(new Dec('-0.0000001')).sameAs(new Dec('1.9999999'))).toBe(true);
    expect(new ExactSum().add(new Dec('2')).sameAs(new Dec('2.0000001'))).toBe(false);
  });

  it('is exact where doubles are not: 0.1 + 0.2, 10,000 × 0.001, sums crossing 2^53', () => {
    expect(exactSum([new Dec('0.1'), new Dec('0.2')]).toFixed()).toBe('0.3');
    expect(exactSum(Array.from({ length: 10_000 }, () => new Dec('0.001'))).toFixed()).toBe('10');
    expect(exactSum([new Dec('9007199254740991'), new Dec(1), new Dec(1)]).toFixed()).toBe('9007199254740993');
    expect(exactSum([new Dec('4967.667'), new Dec('-4967.6675')]).toFixed()).toBe('-0.0005');
    expect(exactSum([new Dec('-0.5'), new Dec('1.25')]).toFixed()).toBe('0.75');
    expect(exactSum([]).toFixed()).toBe('0');
  });
});

describe('sameDec', () => {
  it('agrees with Dec.eq on finite amounts; false for NaN and infinities', () => {
    fc.assert(fc.property(amount, amount, (a, b) => {
      expect(sameDec(a, b)).toBe(a.eq(b));
      expect(sameDec(a, new Dec(a))).toBe(true);
    }), { numRuns: 3000 });
    expect(sameDec(new Dec('-0'), new Dec(0))).toBe(true);
    expect(sameDec(new Dec('1.5'), new Dec('1.50'))).toBe(true);
    expect(sameDec(new Dec('1e7'), new Dec('10000000'))).toBe(true);
    expect(sameDec(new Dec(NaN), new Dec(NaN))).toBe(false);
    expect(sameDec(new Dec(Infinity), new Dec(Infinity))).toBe(false);
    expect(sameDec(new Dec(1), new Dec(-Infinity))).toBe(false);
  });
});
