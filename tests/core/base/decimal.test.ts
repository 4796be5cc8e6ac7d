import fc from 'fast-check';
import { Dec, trimmed } from '../../../src/core/base/decimal';

/** Decimal texts as plans and sheets hold them: signs, up to 21 integer digits, up to 20 decimals, exponents. */
const decimalText = fc.tuple(
  fc.constantFrom('', '-', '+'),
  fc.stringMatching(/^[0-9]{1,21}$/),
  fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
  fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
).map(([s, i, f, e]) => `${s}${i}${f === undefined ? '' : `.${f}`}${e === undefined ? '' : `e${e}`}`);

describe('trimmed', () => {
  test('keeps the value and every result computed from it, with a digit array of its own length', () => {
    fc.assert(fc.property(decimalText, decimalText, (a, b) => {
      const x = trimmed(new Dec(a));
      const y = new Dec(b);
      const ref = new Dec(a);
      expect(x.toFixed()).toBe(ref.toFixed());
      expect(x.plus(y).toFixed()).toBe(ref.plus(y).toFixed());
      expect(y.minus(x).toFixed()).toBe(y.minus(ref).toFixed());
      expect(x.times(y).toFixed()).toBe(ref.times(y).toFixed());
      expect(x.cmp(y)).toBe(ref.cmp(y));
      expect(Object.is(x.isNeg(), ref.isNeg())).toBe(true);
      expect([...x.d]).toEqual([...ref.d]);
    }), { numRuns: 500 });
  });

  test('gives back the same Dec, zero, infinities and NaN included', () => {
    for (const t of ['0', '-0', 'Infinity', '-Infinity', 'NaN', '1e-30']) {
      const d = new Dec(t);
      const r = trimmed(d);
      expect(r).toBe(d);
      expect(r.toString()).toBe(new Dec(t).toString());
    }
  });
});
