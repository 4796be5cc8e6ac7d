import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import { plainDigits } from '../../../src/core/layout/print';

/** Plain decimal strings as the layout writes them (Dec.toFixed()), and with leading and trailing zeros. */
const plainString = fc.oneof(
  fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,25}$/), fc.option(fc.stringMatching(/^[0-9]{1,25}$/), { nil: undefined }))
    .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).chain((n) => fc.integer({ min: 0, max: 12 })
    .map((k) => new Dec(n.toString()).div(new Dec(10).pow(k)).toFixed())),
);

describe('plainDigits: what the column widths read of an amount, without a Dec', () => {
  it('equals decimal.js: sd(), the integer digits of abs().trunc(), isNegative()', () => {
    fc.assert(fc.property(plainString, (v) => {
      const d = new Dec(v);
      const t = plainDigits(v);
      expect(t).toBeDefined();
      expect([t!.sd, t!.intLen, t!.neg]).toEqual([d.sd(), d.abs().trunc().toFixed().length, d.isNegative()]);
    }), { numRuns: 3000 });
  });

  it('edges, and other forms left to decimal.js', () => {
    for (const v of ['0', '-0', '0.000', '100', '100.001', '0.00100', '-000.5', '1000000000000000']) {
      const d = new Dec(v);
      const t = plainDigits(v)!;
      expect([v, t.sd, t.intLen, t.neg]).toEqual([v, d.sd(), d.abs().trunc().toFixed().length, d.isNegative()]);
    }
    for (const v of ['', '-', '.5', '5.', '1e5', '1.2.3', '+1', ' 1', 'NaN']) expect(plainDigits(v)).toBeUndefined();
  });
});
