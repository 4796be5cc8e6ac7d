import { Dec } from '../../../src/core/base/decimal';
import {
  AmountError, convertUnit, formatVi, parseAmount, parseUnitLine, unitFactor,
} from '../../../src/core/text/numbers';
import type { Unit } from '../../../src/core/plan/model';

function num(input: unknown, unit?: Unit): string {
  const r = parseAmount(input, unit ? { unit } : undefined);
  if (r.kind !== 'number') throw new Error(`expected a number for ${String(input)}, got ${JSON.stringify(r)}`);
  return r.value.toFixed();
}

describe('parseAmount: seed figures', () => {
  // Sóc Trăng 2021-2025 table (seed 000), triệu đồng, Vietnamese thousands.
  test.each([
    ['9.559', '9559'], ['441.115', '441115'], ['55.331', '55331'], ['131.571', '131571'], ['126.571', '126571'],
    ['98.571', '98571'], ['29.071', '29071'], ['60.355', '60355'], ['145.000', '145000'], ['235.760', '235760'],
    ['12.071', '12071'], ['1.559', '1559'], ['2.000', '2000'], ['885', '885'], ['1.200', '1200'],
  ])('Sóc Trăng %s → %s', (text, value) => {
    expect(num(text)).toBe(value);
  });

  // Trà Vinh (seed 001): decimal comma.
  test.each([
    ['4.967,667', '4967.667'], ['39.217,236', '39217.236'], ['39.216,236', '39216.236'], ['2.274,33', '2274.33'],
    ['1.267,05', '1267.05'], ['81,906', '81.906'], ['80,906', '80.906'], ['59,25', '59.25'], ['11,5', '11.5'],
    ['8,5', '8.5'], ['01', '1'],
  ])('Trà Vinh %s → %s', (text, value) => {
    expect(num(text)).toBe(value);
  });

  test('Hậu Giang amounts in tỷ (seed 002)', () => {
    const four = parseAmount('4 tỷ');
    expect(four).toMatchObject({ kind: 'number', fromText: true, unitInText: 'tỷ đồng' });
    expect(num('4 tỷ')).toBe('4');
    expect(num('1,8 tỷ')).toBe('1.8');
    expect(num('5.8 tỷ')).toBe('5.8');
    expect(num('4 tỷ', 'triệu đồng')).toBe('4000');
    expect(num('1,8 tỷ', 'triệu đồng')).toBe('1800');
    expect(num('5.8 tỷ', 'đồng')).toBe('5800000000');
    const r = parseAmount('5.8 tỷ');
    expect(r.kind === 'number' && r.ambiguity).toBe('dot-decimal');
    expect(r.kind === 'number' && r.ambiguous).toContain('5,8');
    const clean = parseAmount('1,8 tỷ');
    expect(clean.kind === 'number' && clean.ambiguous).toBeUndefined();
  });

  test('Nghệ An stated total (seed 004)', () => {
    expect(num('1.028.960.000.000 đồng')).toBe('1028960000000');
    expect(num('1.028.960.000.000 VNĐ', 'triệu đồng')).toBe('1028960');
    expect(num('441.115.000.000 đồng', 'triệu đồng')).toBe('441115');
    expect(num('12.789 triệu đồng', 'tỷ đồng')).toBe('12.789');
    expect(num('12.789 triệu đồng.')).toBe('12789');
    expect(num('01 triệu đồng')).toBe('1');
  });
});

describe('parseAmount: forms officers type', () => {
  test.each([
    ['', 'empty'], ['-', 'empty'], ['–', 'empty'], ['—', 'empty'], ['   ', 'empty'], ['\u00A0-\u00A0', 'empty'],
  ])('%j is empty', (text, kind) => {
    expect(parseAmount(text).kind).toBe(kind);
  });
  test('null and undefined are empty', () => {
    expect(parseAmount(null).kind).toBe('empty');
    expect(parseAmount(undefined).kind).toBe('empty');
  });
  test.each([
    [' 1 559 ', '1559'], ['1\u00A0559', '1559'], ['1\u202F559\u202F000', '1559000'], ['1 028 960', '1028960'],
    ['−1.234', '-1234'], ['-1.234', '-1234'], ['–12', '-12'], ['(1.234)', '-1234'], ['+7', '7'],
    ['1,234.5', '1234.5'], ['1,234,567', '1234567'], ['0.559', '0.559'], ['1234.567', '1234.567'],
    ['1,234', '1.234'], ['0,5', '0.5'], ['5 tỷ 800 triệu', '5800'], ['5 tỷ 800 triệu đồng', '5800'],
    ['2 triệu 500 nghìn', '2500'], ['1.000 nghìn đồng', '1000'], ['12 trđ', '12'], ['7 tỉ', '7'],
    ['- 5', '-5'], ['-0', '0'],
  ])('%j → %s', (text, value) => {
    expect(num(text)).toBe(value);
  });

  test('compound units report the smallest as the text unit', () => {
    expect(parseAmount('5 tỷ 800 triệu')).toMatchObject({ unitInText: 'triệu đồng' });
    expect(num('5 tỷ 800 triệu', 'đồng')).toBe('5800000000');
  });

  test('ambiguity notes', () => {
    const a = parseAmount('1.559');
    expect(a).toMatchObject({ kind: 'number', ambiguity: 'dot-thousands' });
    expect(a.kind === 'number' && a.ambiguous).toContain('1,559');
    expect(parseAmount('1,234')).toMatchObject({ ambiguity: 'comma-3' });
    expect(parseAmount('1,234,567')).toMatchObject({ ambiguity: 'comma-thousands' });
    expect(parseAmount('1,234.5')).toMatchObject({ ambiguity: 'english' });
    expect(parseAmount('12.5')).toMatchObject({ ambiguity: 'dot-decimal' });
    expect(parseAmount('4.967,667')).not.toHaveProperty('ambiguity');
    expect(parseAmount('1.028.960')).not.toHaveProperty('ambiguity');
    expect(parseAmount('441115')).not.toHaveProperty('ambiguity');
  });

  test('JS numbers are exact and not text', () => {
    expect(parseAmount(0.1)).toMatchObject({ kind: 'number', fromText: false });
    expect(num(0.1)).toBe('0.1');
    expect(num(1.559)).toBe('1.559');
    expect(num(441115)).toBe('441115');
    expect(num(4967.667)).toBe('4967.667');
    expect(num(-0)).toBe('0');
    expect(num(1e20)).toBe('100000000000000000000');
    expect(num(12n)).toBe('12');
    expect(num(new Dec('3.25'))).toBe('3.25');
  });

  test('numbers from cells are not converted by opts.unit', () => {
    expect(num(1.8, 'triệu đồng')).toBe('1.8');
    expect(num('1,8', 'triệu đồng')).toBe('1.8');
  });
});

describe('parseAmount: bad input is invalid, never thrown', () => {
  test.each([
    NaN, Infinity, -Infinity, 1e300, {}, [], true, () => 1, Symbol('x'), new Dec(NaN), new Dec(Infinity),
    'abc', '12abc', '1e5', '12%', '1.2.3', '1..2', '1.', '1,', '.5', ',5', '1.23.456', '12 5', '1 5555',
    '1,2,3', '1.234,5,6', '--5', '(-5)', 'tỷ', '5 triệu 3 tỷ', '5 tỷ 800', '1' + '0'.repeat(50),
    '9'.repeat(30), 'x'.repeat(1000), '1.234,567.8', '12 kg',
  ])('%p', (input) => {
    const r = parseAmount(input);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason.length).toBeGreaterThan(0);
  });
  test('bad unit option is invalid', () => {
    expect(parseAmount('1', { unit: 'kg' as Unit }).kind).toBe('invalid');
  });
});

describe('formatVi', () => {
  test.each([
    ['1234567', undefined, '1.234.567'], ['4967.667', undefined, '4.967,667'], ['-1234', undefined, '-1.234'],
    ['0', undefined, '0'], ['441115', undefined, '441.115'], ['999', undefined, '999'], ['1000', undefined, '1.000'],
    ['1028960000000', undefined, '1.028.960.000.000'], ['12.5', 0, '13'], ['12.5', 2, '12,50'],
    ['-0.001', 0, '0'], ['1234.5678', 3, '1.234,568'], ['-0.5', undefined, '-0,5'], ['1e21', undefined, '1.000.000.000.000.000.000.000'],
  ])('%s (decimals %p) → %s', (v, decimals, out) => {
    expect(formatVi(new Dec(v), decimals === undefined ? undefined : { decimals })).toBe(out);
  });
  test('programming errors throw AmountError', () => {
    expect(() => formatVi(new Dec(NaN))).toThrow(AmountError);
    expect(() => formatVi(1 as unknown as Dec)).toThrow(AmountError);
    expect(() => formatVi(new Dec(1), { decimals: -1 })).toThrow(AmountError);
    expect(() => formatVi(new Dec(1), { decimals: 1.5 })).toThrow(AmountError);
  });
});

describe('units', () => {
  test('factors and exact conversion', () => {
    expect(unitFactor('đồng').toFixed()).toBe('1');
    expect(unitFactor('nghìn đồng').toFixed()).toBe('1000');
    expect(unitFactor('triệu đồng').toFixed()).toBe('1000000');
    expect(unitFactor('tỷ đồng').toFixed()).toBe('1000000000');
    expect(convertUnit(new Dec('441115'), 'triệu đồng', 'đồng').toFixed()).toBe('441115000000');
    expect(convertUnit(new Dec('4967.667'), 'triệu đồng', 'nghìn đồng').toFixed()).toBe('4967667');
    expect(convertUnit(new Dec('1'), 'đồng', 'tỷ đồng').toFixed()).toBe('0.000000001');
    expect(convertUnit(new Dec('5.8'), 'tỷ đồng', 'triệu đồng').toFixed()).toBe('5800');
  });
  test('bad units throw AmountError', () => {
    expect(() => unitFactor('kg' as Unit)).toThrow(AmountError);
    expect(() => convertUnit(new Dec(1), 'đồng', 'x' as Unit)).toThrow(AmountError);
    expect(() => convertUnit(new Dec(NaN), 'đồng', 'đồng')).toThrow(AmountError);
  });
  test.each([
    ['ĐVT: Triệu đồng', 'triệu đồng'], ['Đơn vị tính: triệu đồng.', 'triệu đồng'], ['(ĐVT: tỷ đồng)', 'tỷ đồng'],
    ['Đơn vị: nghìn đồng', 'nghìn đồng'], ['ĐVT: đồng', 'đồng'], ['Đơn vị tính: 1.000 đồng', 'nghìn đồng'],
    ['ĐVT: 1.000.000 đồng', 'triệu đồng'], ['ĐVT: Trđ', 'triệu đồng'], ['ĐVT:Tr.đồng', 'triệu đồng'],
    ['Đơn vị tính: Ngàn đồng', 'nghìn đồng'], ['ĐVT:  Tỉ đồng', 'tỷ đồng'],
    ['ĐVT: Triệu đồng'.normalize('NFD'), 'triệu đồng'],
    ['ĐVT Triệu đồng', 'triệu đồng'], ['(Đơn vị tính: Triệu đồng)', 'triệu đồng'],
  ])('parseUnitLine(%j) = %s', (text, unit) => {
    expect(parseUnitLine(text)).toBe(unit);
  });
  test.each(['Tên dự án', 'ĐVT: chiếc', '', 'Tổng cộng', 'Đơn vị đồng chủ trì', 'Đơn vị chủ trì', 'Đơn vị phối hợp'])('parseUnitLine(%j) is undefined', (text) => {
    expect(parseUnitLine(text)).toBeUndefined();
  });
  test('parseUnitLine of a non-string is undefined', () => {
    expect(parseUnitLine(12 as unknown as string)).toBeUndefined();
  });
});

describe('parseAmount: the 10^24 cap', () => {
  test('amounts converted beyond 10^24 are invalid', () => {
    expect(parseAmount('1.000.000.000.000.000.000 triệu', { unit: 'đồng' }).kind).toBe('invalid');
    expect(num('999.999.999.999.999.999 triệu', 'đồng')).toBe('999999999999999999000000');
  });
});
