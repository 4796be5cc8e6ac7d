import fc from 'fast-check';
import { Dec } from '../../../src/core/base/decimal';
import { AmountError } from '../../../src/core/text/numbers';
import { amountToWords, canSayInWords, extractWords, wordsToAmount, WordsOptions } from '../../../src/core/text/words';
import type { Unit } from '../../../src/core/plan/model';

describe('amountToWords: the seeds', () => {
  test('Sóc Trăng: 441.115 triệu đồng (seed 000)', () => {
    expect(amountToWords(new Dec('441115'), { unit: 'triệu đồng' }))
      .toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
    expect(amountToWords('441.115', { unit: 'triệu đồng' }))
      .toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
    expect(amountToWords('441.115.000.000 đồng'))
      .toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  });
  test('Nghệ An: 1.028.960.000.000 đồng with "ngàn" (seed 004)', () => {
    expect(amountToWords(new Dec('1028960000000'), { thousand: 'ngàn' }))
      .toBe('Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng');
    expect(amountToWords(new Dec('1028960'), { unit: 'triệu đồng' }))
      .toBe('Một nghìn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng');
  });
  test('Hậu Giang: 5.8 tỷ without commas (seed 002)', () => {
    expect(amountToWords('5.8 tỷ', { commas: false })).toBe('Năm tỷ tám trăm triệu đồng');
    expect(amountToWords(new Dec('5.8'), { unit: 'tỷ đồng' })).toBe('Năm tỷ, tám trăm triệu đồng');
  });
  test('Trà Vinh decimals in triệu đồng scale to whole đồng (seed 001)', () => {
    expect(amountToWords(new Dec('4967.667'), { unit: 'triệu đồng' }))
      .toBe('Bốn tỷ, chín trăm sáu mươi bảy triệu, sáu trăm sáu mươi bảy nghìn đồng');
    expect(amountToWords(new Dec('39217.236'), { unit: 'triệu đồng' }))
      .toBe('Ba mươi chín tỷ, hai trăm mười bảy triệu, hai trăm ba mươi sáu nghìn đồng');
  });
});

describe('amountToWords: conventions', () => {
  const cases: [string, WordsOptions, string][] = [
    ['0', {}, 'Không đồng'],
    ['1', {}, 'Một đồng'],
    ['10', {}, 'Mười đồng'],
    ['11', {}, 'Mười một đồng'],
    ['14', {}, 'Mười bốn đồng'],
    ['15', {}, 'Mười lăm đồng'],
    ['20', {}, 'Hai mươi đồng'],
    ['21', {}, 'Hai mươi mốt đồng'],
    ['24', {}, 'Hai mươi bốn đồng'],
    ['24', { four: 'tư' }, 'Hai mươi tư đồng'],
    ['14', { four: 'tư' }, 'Mười bốn đồng'],
    ['104', { four: 'tư' }, 'Một trăm linh bốn đồng'],
    ['25', {}, 'Hai mươi lăm đồng'],
    ['55', {}, 'Năm mươi lăm đồng'],
    ['100', {}, 'Một trăm đồng'],
    ['105', {}, 'Một trăm linh năm đồng'],
    ['105', { linh: 'lẻ' }, 'Một trăm lẻ năm đồng'],
    ['110', {}, 'Một trăm mười đồng'],
    ['1000', {}, 'Một nghìn đồng'],
    ['1000', { thousand: 'ngàn' }, 'Một ngàn đồng'],
    ['1005', {}, 'Một nghìn, không trăm linh năm đồng'],
    ['1010', {}, 'Một nghìn, không trăm mười đồng'],
    ['145001000', {}, 'Một trăm bốn mươi lăm triệu, không trăm linh một nghìn đồng'],
    ['145001000', { commas: false }, 'Một trăm bốn mươi lăm triệu không trăm linh một nghìn đồng'],
    ['5000000023', {}, 'Năm tỷ, không trăm hai mươi ba đồng'],
    ['1000000000', {}, 'Một tỷ đồng'],
    ['1000000000000', {}, 'Một nghìn tỷ đồng'],
    ['1000000000000000', {}, 'Một triệu tỷ đồng'],
    ['1000000000000000000', {}, 'Một tỷ tỷ đồng'],
    ['999999999999999999', {}, 'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ, chín trăm chín mươi chín triệu, chín trăm chín mươi chín nghìn, chín trăm chín mươi chín đồng'],
    ['5000000', { chan: true }, 'Năm triệu đồng chẵn'],
    ['5000001', { chan: true }, 'Năm triệu, không trăm linh một đồng'],
    ['5000000', { chan: true, currency: false }, 'Năm triệu chẵn'],
    ['12.05', {}, 'Mười hai phẩy không năm đồng'],
    ['0.5', {}, 'Không phẩy năm đồng'],
    ['-1234', {}, 'Âm một nghìn, hai trăm ba mươi bốn đồng'],
    ['441115', { currency: false }, 'Bốn trăm bốn mươi mốt nghìn, một trăm mười lăm'],
  ];
  test.each(cases)('%s %j → %s', (amount, opts, words) => {
    expect(amountToWords(new Dec(amount), opts)).toBe(words);
  });

  test('units scale to đồng first', () => {
    expect(amountToWords(new Dec('1'), { unit: 'nghìn đồng' })).toBe('Một nghìn đồng');
    expect(amountToWords(new Dec('0.001'), { unit: 'nghìn đồng' })).toBe('Một đồng');
    expect(amountToWords(new Dec('0.0005'), { unit: 'nghìn đồng' })).toBe('Không phẩy năm đồng');
  });

  test('bad calls throw AmountError', () => {
    expect(() => amountToWords(new Dec(NaN))).toThrow(AmountError);
    expect(() => amountToWords(new Dec(Infinity))).toThrow(AmountError);
    expect(() => amountToWords('abc')).toThrow(AmountError);
    expect(() => amountToWords('')).toThrow(AmountError);
    expect(() => amountToWords(new Dec('1e21'))).toThrow(AmountError);
    expect(() => amountToWords(new Dec('1e-19'))).toThrow(AmountError);
    expect(() => amountToWords(new Dec(1), { unit: 'kg' as Unit })).toThrow(AmountError);
    expect(() => amountToWords(new Dec(1), { linh: 'x' as 'linh' })).toThrow(AmountError);
    expect(() => amountToWords(12 as unknown as Dec)).toThrow(AmountError);
  });
});

describe('wordsToAmount', () => {
  test.each([
    ['Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng', '441115000000'],
    ['(Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)', '441115000000'],
    ['Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng', '1028960000000'],
    ['Năm tỷ tám trăm triệu đồng.', '5800000000'],
    ['năm tỷ tám trăm triệu đồng chẵn', '5800000000'],
    ['NĂM TỶ TÁM TRĂM TRIỆU ĐỒNG', '5800000000'],
    ['Một trăm lẻ năm đồng', '105'],
    ['một trăm linh năm', '105'],
    ['Hai mươi tư', '24'],
    ['hai mươi bốn', '24'],
    ['Hai mươi mốt', '21'],
    ['hai mươi lăm', '25'],
    ['mười lăm', '15'],
    ['mười một', '11'],
    ['Một trăm bốn mươi lăm triệu không trăm linh một nghìn đồng', '145001000'],
    ['Một tỷ tỷ đồng', '1000000000000000000'],
    ['hai nghìn tỷ', '2000000000000'],
    ['Không đồng', '0'],
    ['Mười hai phẩy không năm đồng', '12.05'],
    ['không phẩy năm sáu', '0.56'],
    ['Âm một nghìn đồng', '-1000'],
    ['Năm tỉ', '5000000000'],
    ['bẩy mươi', '70'],
    ['Năm tỷ tám trăm triệu đồng'.normalize('NFD'), '5800000000'],
    ['một nghìn linh năm', '1005'],
    ['năm tỷ, hai mươi ba triệu', '5023000000'],
    ['một nghìn mười', '1010'],
  ])('%j → %s', (text, value) => {
    expect(wordsToAmount(text)?.toFixed()).toBe(value);
  });

  test.each([
    '', 'đồng', 'abc', 'Tổng cộng', 'một trăm năm', 'mười mốt', 'một mươi', 'năm sáu', 'nghìn', 'một nghìn triệu',
    'hai trăm ba trăm', 'linh năm', 'một triệu hai', 'một nghìn năm', 'năm tỷ ba', 'một trăm linh', 'phẩy năm', 'một phẩy', 'Nam ty tam tram trieu dong',
    'x'.repeat(3000),
  ])('%j is unreadable', (text) => {
    expect(wordsToAmount(text)).toBeUndefined();
  });

  test('non-string input is undefined', () => {
    expect(wordsToAmount(12 as unknown as string)).toBeUndefined();
    expect(wordsToAmount(undefined as unknown as string)).toBeUndefined();
  });
});

describe('extractWords', () => {
  test.each([
    ['Tổng tiền bằng chữ: Năm tỷ tám trăm triệu đồng.', 'Năm tỷ tám trăm triệu đồng'],
    [
      'Tổng kinh phí thực hiện: 441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng), trong đó:',
      'Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng',
    ],
    ['(Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)', 'Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng'],
    ['Bằng chữ: Năm triệu đồng chẵn./.', 'Năm triệu đồng chẵn'],
    ['Năm tỷ tám trăm triệu đồng', 'Năm tỷ tám trăm triệu đồng'],
  ])('%j → %j', (text, words) => {
    expect(extractWords(text)).toBe(words);
  });
  test.each(['Tổng cộng: 441.115', 'Bằng chữ: ...', '', '(ghi chú)'])('%j has no words', (text) => {
    expect(extractWords(text)).toBeUndefined();
  });
});

describe('wordsToAmount: beyond 10^21 đồng', () => {
  test('one tỷ tỷ tỷ is refused, as amountToWords refuses it', () => {
    expect(wordsToAmount('một tỷ tỷ tỷ một')).toBeUndefined();
    expect(wordsToAmount('một nghìn tỷ tỷ')).toBeUndefined();
    expect(wordsToAmount('chín trăm chín mươi chín tỷ tỷ')?.toFixed()).toBe('999000000000000000000');
  });
});

describe('canSayInWords', () => {
  test.each([
    ['441115', 'triệu đồng', true], ['999999999999999999999', 'đồng', true], ['1e21', 'đồng', false],
    ['1e15', 'triệu đồng', false], ['999999999999999', 'triệu đồng', true], ['0.000001', 'đồng', true],
    ['1e-19', 'đồng', false], ['1e-24', 'triệu đồng', true], ['1e-25', 'triệu đồng', false], ['-5', 'đồng', true],
  ] as const)('%s %s → %p, and amountToWords agrees', (v, unit, ok) => {
    const d = new Dec(v);
    expect(canSayInWords(d, unit)).toBe(ok);
    if (ok) expect(typeof amountToWords(d, { unit })).toBe('string');
    else expect(() => amountToWords(d, { unit })).toThrow(AmountError);
  });
  test('non-finite and bad units are not readable', () => {
    expect(canSayInWords(new Dec(NaN))).toBe(false);
    expect(canSayInWords(new Dec(Infinity))).toBe(false);
    expect(canSayInWords(new Dec(1), 'kg' as Unit)).toBe(false);
    expect(canSayInWords(5 as unknown as Dec)).toBe(false);
  });
});

describe('amountToWords from a string of digits (the fast path)', () => {
  const UNITS: Unit[] = ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'];
  const digits = fc.tuple(fc.boolean(), fc.stringMatching(/^0{0,3}[0-9]{1,21}$/)).map(([neg, d]) => (neg ? `-${d}` : d));
  const options = fc.record({
    unit: fc.constantFrom(...UNITS), linh: fc.constantFrom<'linh' | 'lẻ'>('linh', 'lẻ'), thousand: fc.constantFrom<'nghìn' | 'ngàn'>('nghìn', 'ngàn'),
    four: fc.constantFrom<'bốn' | 'tư'>('bốn', 'tư'), chan: fc.boolean(), commas: fc.boolean(), currency: fc.boolean(),
  });
  const said = (f: () => string) => { try { return f(); } catch (e) { return e instanceof AmountError ? 'AmountError' : `other: ${String(e)}`; } };

  test('reads exactly as the general path (parseAmount, then decimal.js), errors included', () => {
    fc.assert(fc.property(digits, options, (d, o) => {
      // A trailing space is not a plain string of digits: the general path reads the same value.
      expect(said(() => amountToWords(d, o))).toBe(said(() => amountToWords(`${d} `, o)));
      expect(said(() => amountToWords(d, o))).toBe(said(() => amountToWords(new Dec(d), o)));
    }), { numRuns: 3000, seed: 1212 });
  });

  test('reads back to the same amount (wordsToAmount), across every tỷ boundary', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 21n - 1n }), fc.constantFrom('linh', 'lẻ'), (n, linh) => {
      const words = amountToWords(n.toString(), { linh: linh as 'linh' | 'lẻ' });
      expect(wordsToAmount(words)?.toFixed()).toBe(n.toString());
    }), { numRuns: 3000, seed: 1213 });
    for (const s of ['1000000000', '1000000001', '999999999999999999999', '1000000000000000000', '000', '-0', '-1000']) {
      expect(wordsToAmount(amountToWords(s))?.toFixed()).toBe(new Dec(s).toFixed());
    }
    expect(() => amountToWords('1000000000000000000000')).toThrow(AmountError);
    expect(amountToWords('1000000000000')).toBe('Một nghìn tỷ đồng');
    expect(amountToWords('-0105', { unit: 'nghìn đồng' })).toBe('Âm một trăm linh năm nghìn đồng');
  });
});
