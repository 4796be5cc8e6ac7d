import { parseTyped } from '../../src/taskpane/typedValue';

describe('a text typed into a preview cell (Excel, vi-VN)', () => {
  test.each([
    ['1.234', 1234],
    ['4.967,667', 4967.667],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['-1.234', -1234],
    ['(1.234)', -1234],
    ['441115', 441115],
    [' 2.642 ', 2642],
    ['0,1', 0.1],
  ])('Vietnamese figure %p is the number %p', (typed, n) => {
    expect(parseTyped(typed)).toBe(n);
  });

  test.each(['abc', '=SUM(A1:A3)', '=1+1', '1,234.5', '1.5', '5 tỷ', '1 234', '12a', '-', '1.23.4', '1234567890123456'])(
    '%p stays text, as typed', (typed) => {
      expect(parseTyped(typed)).toBe(typed);
    });

  test('empty clears the cell', () => {
    expect(parseTyped('   ')).toBeNull();
  });
});
