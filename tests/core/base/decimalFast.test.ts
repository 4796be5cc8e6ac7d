import fc from 'fast-check';
import { Dec, MAX_SCALE, decFromScaled, decOf, decOfDouble, plainOf, scaledOf } from '../../../src/core/base/decimal';

/** The same representation decimal.js' parser gives: sign, exponent, digit words (sign of zero included). */
function rep(d: Dec): string {
  return `${d.s}|${d.e}|${String(d.d)}`;
}

/** Plain decimal strings of every shape: signs, leading and trailing zeros, 0 to 30 digits each side. */
const plainString = fc.tuple(
  fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), fc.option(fc.stringMatching(/^[0-9]{1,30}$/), { nil: undefined }),
).map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

/** Money as plan JSON holds it: up to 15 digits, up to 7 decimals, zeros around. */
const money = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 7 }), fc.nat(3))
  .map(([neg, n, k, zeros]) => {
    const s = n.toString().padStart(k + 1, '0');
    const int = s.slice(0, s.length - k);
    const frac = s.slice(s.length - k) + '0'.repeat(k > 0 ? zeros : 0);
    return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  });

/** Round figures: few digits then many zeros (whole zero words), with or without decimals. */
const round = fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 14 }), fc.nat(4))
  .map(([neg, n, zeros, dec]) => `${neg ? '-' : ''}${n}${'0'.repeat(zeros)}${dec ? `.${'0'.repeat(dec)}` : ''}`);

/** What a number cell reads as: 15 significant digits through decimal.js's parser (the definition decOfDouble keeps). */
function excelOracle(v: number): Dec {
  if (v === 0) return new Dec(0);
  if (Number.isSafeInteger(v) && Math.abs(v) < 1e15) return new Dec(v);
  const d = new Dec(v.toPrecision(15));
  return d.isZero() ? new Dec(0) : d;
}

describe('decOfDouble: a double as Excel shows it (15 significant digits)', () => {
  /** Doubles a sheet holds: typed decimals, cached sums with float noise, tiny and huge, any double. */
  const doubles = fc.oneof(
    money.map(Number),
    fc.tuple(money, money).map(([a, b]) => Number(a) + Number(b)),
    fc.tuple(money, fc.integer({ min: 1, max: 9999 })).map(([a, k]) => Number(a) / k),
    fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -30, max: 30 })).map(([n, e]) => n * 10 ** e),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );

  it('equals new Dec(v.toPrecision(15)), digit words and exponent included', () => {
    fc.assert(fc.property(doubles, (v) => {
      expect([v, rep(decOfDouble(v))]).toEqual([v, rep(excelOracle(v))]);
    }), { numRuns: 5000 });
  });

  it('at the edges: float noise, 15/16/17 digits, exponent forms, signs, zeros', () => {
    const cases = [0.1 + 0.2, 3.3000000000000003, 1 / 3, -2 / 3, 0.008, 97000.027, 123456789012.345, 1234567890123.456,
      0.000001, 0.0000001, 1e-7, 1.5e-10, 5e-324, 1e15, 1e15 + 0.5, 123456789012345.6, 1e21, 1.7976931348623157e308, -0,
      -97000.027, 999999999999999.9, 0.30000000000000004, 2 ** 53 + 2, 12345678.9, 4.35, 1.005, 100.1];
    for (const v of cases) expect([v, rep(decOfDouble(v))]).toEqual([v, rep(excelOracle(v))]);
    expect(decOfDouble(0.1 + 0.2).toFixed()).toBe('0.3');
    expect(decOfDouble(-0).s).toBe(1);
  });
});

describe('decOf: plain decimal strings without decimal.js\'s parser', () => {
  it('gives the Dec new Dec(string) gives, digit words and exponent included', () => {
    fc.assert(fc.property(fc.oneof(plainString, money, round), (s) => {
      expect(rep(decOf(s))).toBe(rep(new Dec(s)));
    }), { numRuns: 3000 });
  });

  it('at the edges: zeros, signs, word boundaries, 15 and 16 digits, other forms through decimal.js', () => {
    const cases = ['0', '-0', '0.000', '-0.0', '000123', '1234567', '12345678', '0.1234567', '0.12345678', '1e5', '.5',
      '-.5', '9007199254740991', '999999999999999', '9999999999999999', '0.000000000000001', '1000000.0000001',
      '123456789012345.6', '10000000000000000000', '0.00000000000000000000000000001', '99999999.9999999', '10000000', '-12000000', '100000000000000', '1000.000', '70000000.5'];
    for (const s of cases) expect(rep(decOf(s))).toBe(rep(new Dec(s)));
    for (const s of ['', '-', '5.', 'abc', '1.2.3', ' 1']) {
      let fast: string; let slow: string;
      try { fast = rep(decOf(s)); } catch (e) { fast = `throws ${(e as Error).message}`; }
      try { slow = rep(new Dec(s)); } catch (e) { slow = `throws ${(e as Error).message}`; }
      expect(fast).toBe(slow);
    }
  });

  it('decFromScaled(neg, n, k) is ±n × 10^-k as decimal.js holds it', () => {
    fc.assert(fc.property(fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), fc.integer({ min: 0, max: 40 }), (neg, n, k) => {
      const text = `${neg ? '-' : ''}${n}e-${k}`;
      expect(rep(decFromScaled(neg, Number(n), k))).toBe(rep(new Dec(text)));
    }), { numRuns: 3000 });
    // trailing zeros, whole zero words among them
    for (const [n, k] of [[1e7, 0], [1e14, 0], [1e14, 3], [10, 1], [12_000_000, 0], [1_000_000_100, 2], [5e15, 9], [9e15, 0]]) {
      expect([n, k, rep(decFromScaled(false, n, k))]).toEqual([n, k, rep(new Dec(`${n}e-${k}`))]);
    }
  });

  it('makes Decs that compute like parsed ones', () => {
    fc.assert(fc.property(money, money, (a, b) => {
      expect(decOf(a).plus(decOf(b)).toFixed()).toBe(new Dec(a).plus(new Dec(b)).toFixed());
      expect(decOf(a).times(decOf(b)).toFixed()).toBe(new Dec(a).times(new Dec(b)).toFixed());
    }));
  });
});

describe('scaledOf: a Dec as the arguments decFromScaled rebuilds it from', () => {
  /** Rebuilt from its scaled form, or undefined when scaledOf gives none. */
  const rebuilt = (d: Dec) => {
    const p = scaledOf(d);
    return p && rep(decFromScaled(p.neg, p.n, p.k));
  };

  it('rebuilds every Dec it accepts exactly (sign of zero included), and accepts every amount of at most 15 digits', () => {
    const doubles = fc.oneof(money.map(Number), fc.tuple(money, fc.integer({ min: 1, max: 9999 })).map(([a, k]) => Number(a) / k), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.oneof(plainString, money, round), fc.oneof(money, round), doubles, (a, b, v) => {
      for (const d of [new Dec(a), decOf(a), new Dec(a).plus(b), new Dec(a).times(b), new Dec(a).neg(), decOfDouble(v), new Dec(a).dividedBy(7)]) {
        const r = rebuilt(d);
        if (r !== undefined) expect(r).toBe(rep(d));
        // at most 15 significant digits and a scale the store keeps: always accepted
        else expect(d.precision(true) > 15 || d.decimalPlaces() > MAX_SCALE || !d.isFinite()).toBe(true);
      }
    }), { numRuns: 3000 });
    // every amount a number cell gives (money, cached sums with float noise, quotients) has a scaled form
    fc.assert(fc.property(doubles, (v) => {
      const d = decOfDouble(v);
      if (d.decimalPlaces() <= MAX_SCALE && d.precision(true) <= 15) expect(rebuilt(d)).toBe(rep(d));
    }), { numRuns: 3000 });
  });

  it('at the edges: zeros, word boundaries, whole numbers written with zero words, 15 and 16 digits, tiny, huge', () => {
    for (const t of ['0', '-0', '1', '-1', '9999999', '10000000', '100000000000000', '999999999999999', '0.0000001', '1e-100', '-1.5e14', '120000000000000']) {
      expect([t, rebuilt(new Dec(t))]).toEqual([t, rep(new Dec(t))]);
    }
    for (const t of ['1234567890123456', '1e15', '1e-101', '0.1234567890123456', 'NaN', 'Infinity']) expect([t, scaledOf(new Dec(t))]).toEqual([t, undefined]);
    expect(scaledOf(new Dec('-0'))).toEqual({ neg: true, n: 0, k: 0 });
    expect(scaledOf(new Dec('97000.027'))).toEqual({ neg: false, n: 97000027, k: 3 });
  });
});

describe('plainOf: toFixed() without decimal.js\'s string building', () => {
  it('is toFixed() for parsed amounts, their sums, differences and products, and every other shape', () => {
    fc.assert(fc.property(fc.oneof(plainString, money, round), fc.oneof(money, round), (a, b) => {
      for (const d of [new Dec(a), decOf(a), new Dec(a).plus(b), new Dec(a).minus(b), new Dec(a).times(b), new Dec(a).neg()]) {
        expect(plainOf(d)).toBe(d.toFixed());
      }
    }), { numRuns: 3000 });
  });

  it('at the edges: zeros and negative zero, word boundaries, tiny and huge exponents, NaN and infinities', () => {
    const cases = ['0', '-0', '1', '-1', '10000000', '9999999', '99999999999999', '100000000000000', '0.0000001', '1e-40', '1e-41',
      '1e59', '1e60', '123456789.0123456', '-0.00000000000001', '12345678901234.5', 'NaN', 'Infinity', '-Infinity'];
    for (const s of cases) expect([s, plainOf(new Dec(s))]).toEqual([s, new Dec(s).toFixed()]);
    for (const [n, k] of [[1e7, 0], [1e14, 3], [12_000_000, 0], [9e15, 0], [123, 40]]) {
      const d = decFromScaled(true, n, k);
      expect(plainOf(d)).toBe(d.toFixed());
    }
  });
});
