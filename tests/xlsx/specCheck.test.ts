import fc from 'fast-check';
import { exactNumber, numberText, sanitizeText } from '../../src/xlsx/specCheck';

/** What the writer stored before numberText: the double's text, or the refusal. */
function slow(v: string): string {
  try { return String(exactNumber(v, 'F9')); } catch (e) { return `throws ${(e as Error).message}`; }
}
function fast(v: string): string {
  try { return numberText(v, 'F9'); } catch (e) { return `throws ${(e as Error).message}`; }
}

/** Decimal-looking strings of every shape: signs, leading and trailing zeros, 0 to 22 digits each side, exponents. */
const shapes = fc.tuple(
  fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,22}$/), fc.option(fc.stringMatching(/^[0-9]{0,22}$/), { nil: undefined }),
  fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
).map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : `e${exp}`}`);

/** Amounts as the layout writes them (plain(), up to 15 digits, up to 8 decimals, tiny and large). */
const amounts = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 12 }))
  .map(([neg, n, k]) => {
    const s = n.toString().padStart(k + 1, '0');
    const frac = s.slice(s.length - k).replace(/0+$/, '');
    return `${neg ? '-' : ''}${s.slice(0, s.length - k)}${frac ? `.${frac}` : ''}`;
  });

describe('numberText: the stored text of a number cell without a double on the common path', () => {
  it('is String(exactNumber(v)), refusals included, for every shape of string', () => {
    fc.assert(fc.property(fc.oneof(shapes, amounts, fc.string({ maxLength: 8 })), (v) => {
      expect(fast(v)).toBe(slow(v));
    }), { numRuns: 5000 });
  });

  it('at the edges: zero and negative zero, 10^-6 and 10^-7, 15 and 16 digits, 10^21', () => {
    const cases = ['0', '-0', '0.0', '00', '01', '0.000001', '0.0000001', '-0.000001', '0.0000012', '123456789012345', '1234567890123456',
      '12345678.1234567', '12345678.12345678', '100000000000000000000', '1000000000000000000000', '999999999999999.9', '0.1', '-0.1',
      '5.', '.5', '-', '', '1e5', ' 1', '1.50', '9007199254740993', '0.30000000000000004'];
    for (const v of cases) expect([v, fast(v)]).toEqual([v, slow(v)]);
  });
});

describe('sanitizeText: the stored text', () => {
  // the two replacements sanitizeText makes when the text may need them
  // eslint-disable-next-line no-control-regex
  const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const reference = (s: string) => s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
  const odd = fc.constantFrom('\r', '\n', '\t', '\r\n', '\u0000', '\u0008', '\u000B', '\u001F', ' ', 'ạ', 'x', '\uD83D', '\uDE00', '\uD83D\uDE00', '\uFFFE', '\uFFFF', '\u2028');

  it('is "\\r\\n" and "\\r" as "\\n", XML-invalid characters dropped, for texts of any characters', () => {
    fc.assert(fc.property(fc.oneof(fc.array(odd, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 12 })), (s) => {
      expect(sanitizeText(s)).toBe(reference(s));
    }), { numRuns: 5000 });
    expect(sanitizeText('Dự án\r\nA\u0001\uD83D\uDE00')).toBe('Dự án\nA\uD83D\uDE00');
    expect(sanitizeText('Đường tỉnh 934')).toBe('Đường tỉnh 934');
  });
});
