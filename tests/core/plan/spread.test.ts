import { Dec, sum } from '../../../src/core/base/decimal';
import { spread, SpreadError } from '../../../src/core/plan/spread';

const s = (values: Dec[]): string[] => values.map((v) => v.toFixed());

describe('spread', () => {
  test('equal split, remainder to the earliest', () => {
    expect(s(spread(new Dec(10), 3))).toEqual(['4', '3', '3']);
    expect(s(spread(new Dec(11), 3))).toEqual(['4', '4', '3']);
    expect(s(spread(new Dec(9), 3))).toEqual(['3', '3', '3']);
    expect(s(spread(new Dec(2), 5))).toEqual(['1', '1', '0', '0', '0']);
    expect(s(spread(new Dec(0), 2))).toEqual(['0', '0']);
  });
  test('Sóc Trăng NSĐP 60.355 over 2021-2025 (seed 000 states 12.071 every year)', () => {
    expect(s(spread(new Dec(60355), 5))).toEqual(['12071', '12071', '12071', '12071', '12071']);
  });
  test('Sóc Trăng total 441.115 over 5 years', () => {
    const parts = spread(new Dec(441115), 5);
    expect(s(parts)).toEqual(['88223', '88223', '88223', '88223', '88223']);
  });
  test('decimals: Trà Vinh 4.967,667 over 2 years at 3 decimals', () => {
    expect(s(spread(new Dec('4967.667'), 2, 3))).toEqual(['2483.834', '2483.833']);
  });
  test('a total with more decimals than asked keeps its own', () => {
    const parts = spread(new Dec('10.5'), 2, 0);
    expect(s(parts)).toEqual(['5.3', '5.2']);
  });
  test('by weights, remainders to the largest shares', () => {
    expect(s(spread(new Dec(100), [new Dec(1), new Dec(1), new Dec(2)]))).toEqual(['25', '25', '50']);
    expect(s(spread(new Dec(10), [new Dec(1), new Dec(2)]))).toEqual(['3', '7']);
    expect(s(spread(new Dec(10), [new Dec(0), new Dec(1), new Dec(1), new Dec(1)]))).toEqual(['0', '4', '3', '3']);
    expect(s(spread(new Dec(1), [new Dec('0.5'), new Dec('0.25')], 2))).toEqual(['0.67', '0.33']);
  });
  test('negative totals', () => {
    expect(s(spread(new Dec(-10), 3))).toEqual(['-4', '-3', '-3']);
  });
  test('parts always add to the total', () => {
    for (const [t, n, d] of [['1', 7, 0], ['123456.789', 13, 3], ['1e18', 3, 0], ['0.001', 4, 3]] as const) {
      const parts = spread(new Dec(t), n, d);
      expect(sum(parts).eq(new Dec(t))).toBe(true);
    }
  });
  test.each([
    ['no parts', () => spread(new Dec(1), 0)],
    ['negative count', () => spread(new Dec(1), -2)],
    ['fractional count', () => spread(new Dec(1), 2.5)],
    ['NaN count', () => spread(new Dec(1), NaN)],
    ['too many parts', () => spread(new Dec(1), 1e9)],
    ['empty weights', () => spread(new Dec(1), [])],
    ['negative weight', () => spread(new Dec(1), [new Dec(1), new Dec(-1)])],
    ['all-zero weights', () => spread(new Dec(1), [new Dec(0), new Dec(0)])],
    ['NaN weight', () => spread(new Dec(1), [new Dec(NaN)])],
    ['number weight', () => spread(new Dec(1), [1 as unknown as Dec])],
    ['NaN total', () => spread(new Dec(NaN), 2)],
    ['Infinity total', () => spread(new Dec(Infinity), 2)],
    ['number total', () => spread(10 as unknown as Dec, 2)],
    ['huge total', () => spread(new Dec('1e40'), 2)],
    ['bad decimals', () => spread(new Dec(1), 2, -1)],
    ['text parts', () => spread(new Dec(1), '3' as unknown as number)],
  ])('%s → SpreadError', (_name, call) => {
    expect(call).toThrow(SpreadError);
  });
});
