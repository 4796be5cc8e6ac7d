import { Dec } from '../../../src/core/base/decimal';
import type { Group, Item, Plan } from '../../../src/core/plan/model';
import {
  NumberingError, VI_LETTERS, classifyTT, expectedTT, inferWithDj, intToRoman, letterAt, letterIndex, renumber,
  romanToInt, sequenceIssues, sequenceKind,
} from '../../../src/core/text/numbering';

describe('Roman numerals', () => {
  test.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [6, 'VI'], [9, 'IX'], [14, 'XIV'], [40, 'XL'],
    [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [3999, 'MMMCMXCIX'],
  ])('%i ↔ %s', (n, r) => {
    expect(intToRoman(n)).toBe(r);
    expect(romanToInt(r)).toBe(n);
    expect(romanToInt(r.toLowerCase())).toBe(n);
  });
  test('round trip 1..3999', () => {
    for (let n = 1; n <= 3999; n++) expect(romanToInt(intToRoman(n))).toBe(n);
  });
  test.each(['', 'IIII', 'IC', 'VX', 'A', 'IIV', 'MMMM', 'I I', 'Ii', 'XIIII'])('%j is not strict Roman', (s) => {
    expect(romanToInt(s)).toBeUndefined();
  });
  test.each([0, -1, 4000, 1.5, NaN, Infinity])('intToRoman(%p) throws NumberingError', (n) => {
    expect(() => intToRoman(n)).toThrow(NumberingError);
  });
});

describe('Vietnamese letters', () => {
  test('the sequence', () => {
    expect(VI_LETTERS.join(' ')).toBe('A B C D Đ E G H I K L M N O P Q R S T U V X Y');
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => letterAt(i)).join(' ')).toBe('A B C D Đ E G');
    // Seed 003 (Bình Dương) skips Đ: A, B, C, D, E, G.
    expect([0, 1, 2, 3, 4, 5].map((i) => letterAt(i, { withDj: false })).join(' ')).toBe('A B C D E G');
    expect(letterAt(22)).toBe('Y');
    expect(letterAt(23)).toBe('AA');
    expect(letterAt(24)).toBe('AB');
  });
  test('letterIndex', () => {
    expect(letterIndex('A')).toBe(0);
    expect(letterIndex('Đ')).toBe(4);
    expect(letterIndex('đ')).toBe(4);
    expect(letterIndex('E')).toBe(5);
    expect(letterIndex('E', { withDj: false })).toBe(4);
    expect(letterIndex('Đ', { withDj: false })).toBeUndefined();
    expect(letterIndex('F')).toBeUndefined();
    expect(letterIndex('')).toBeUndefined();
    expect(letterIndex('AA')).toBe(23);
    for (let i = 0; i < 600; i++) expect(letterIndex(letterAt(i))).toBe(i);
  });
  test.each([-1, 1.5, NaN])('letterAt(%p) throws NumberingError', (i) => {
    expect(() => letterAt(i)).toThrow(NumberingError);
  });
});

describe('classifyTT', () => {
  test.each([
    ['I', 'roman', 1], ['II.', 'roman', 2], ['IV', 'roman', 4], ['A', 'letter', 1], ['B.', 'letter', 2],
    ['Đ', 'letter', 5], ['G', 'letter', 7], ['1', 'number', 1], ['1.', 'number', 1], ['12', 'number', 12],
    ['1.1', 'dotted', 1], ['1.2.', 'dotted', 2], ['2.10', 'dotted', 10], ['a)', 'letter', 1], [' 3 ', 'number', 3],
    ['-', 'none', undefined], ['', 'none', undefined], ['Tổng cộng', 'other', undefined], ['(1)', 'other', undefined],
    ['F', 'letter', undefined], ['1.a', 'other', undefined],
  ])('%j → %s %p', (tt, kind, ordinal) => {
    const info = classifyTT(tt);
    expect(info.kind).toBe(kind);
    expect(info.ordinal).toBe(ordinal);
  });
  test('details', () => {
    expect(classifyTT('II.')).toMatchObject({ core: 'II', suffix: '.' });
    expect(classifyTT('a)')).toMatchObject({ core: 'a', suffix: ')', lower: true });
    expect(classifyTT('C')).toMatchObject({ kind: 'roman', ordinal: 100, letterOrdinal: 3 });
    expect(classifyTT('D')).toMatchObject({ kind: 'roman', ordinal: 500, letterOrdinal: 4 });
    expect(classifyTT('E')).toMatchObject({ ordinal: 6, ordinalNoDj: 5 });
    expect(classifyTT('W')).toMatchObject({ kind: 'letter', wrongLetter: true });
    expect(classifyTT('-')).toMatchObject({ bullet: true });
    expect(classifyTT('1.2.3')).toMatchObject({ parts: [1, 2, 3] });
    expect(classifyTT(undefined as unknown as string).kind).toBe('other');
  });
});

describe('sequence kind and issues', () => {
  test('context resolves I, C, D', () => {
    expect(sequenceKind(['I', 'II', 'III'])).toBe('roman');
    expect(sequenceKind(['I'])).toBe('roman');
    expect(sequenceKind(['A', 'B', 'C', 'D', 'Đ'])).toBe('letter');
    expect(sequenceKind(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I'])).toBe('letter');
    expect(sequenceKind(['C', 'D'])).toBe('letter');
    expect(sequenceKind(['1', '2', '3'])).toBe('number');
    expect(sequenceKind(['1.1', '1.2'])).toBe('dotted');
    expect(sequenceKind(['', '-'])).toBe('none');
  });
  test('inferWithDj', () => {
    expect(inferWithDj(['A', 'B', 'C', 'D', 'E', 'G'])).toBe(false);
    expect(inferWithDj(['A', 'B', 'C', 'D', 'Đ', 'E'])).toBe(true);
    expect(inferWithDj(['A', 'B'])).toBe(true);
  });
  test('clean sequences have no issues', () => {
    expect(sequenceIssues(['I', 'II', 'III', 'IV', 'V', 'VI'], 'roman')).toEqual([]);
    expect(sequenceIssues(['I.', 'II.'], 'roman')).toEqual([]);
    // Seed 003: A, B, C, D, E, G (no Đ) and the with-Đ form.
    expect(sequenceIssues(['A', 'B', 'C', 'D', 'E', 'G'], 'letter')).toEqual([]);
    expect(sequenceIssues(['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K'], 'letter')).toEqual([]);
    expect(sequenceIssues(['1', '2', '3', '4'], 'number')).toEqual([]);
    expect(sequenceIssues(['1.', '2.'], 'number')).toEqual([]);
    expect(sequenceIssues(['1.1', '1.2', '1.3'], 'dotted')).toEqual([]);
    expect(sequenceIssues([], 'number')).toEqual([]);
  });
  test('gap reported once', () => {
    expect(sequenceIssues(['1', '2', '4', '5'], 'number')).toEqual([{ index: 2, expected: '3', actual: '4' }]);
  });
  test('a wrong TT is corrected from its place, not from the TT above (issue 10)', () => {
    // 1, 3, 3: the first 3 should be 2; the second 3 is right where it is.
    expect(sequenceIssues(['1', '3', '3', '4'], 'number')).toEqual([{ index: 1, expected: '2', actual: '3' }]);
    expect(sequenceIssues(['2', '2', '3'], 'number')).toEqual([{ index: 0, expected: '1', actual: '2' }]);
    // After a gap the rows below follow the one above: only the gap is reported, then a later jump from the one above.
    expect(sequenceIssues(['1', '2', '4', '5', '7'], 'number')).toEqual([
      { index: 2, expected: '3', actual: '4' }, { index: 4, expected: '6', actual: '7' },
    ]);
  });
  test('repeat', () => {
    expect(sequenceIssues(['1', '2', '2', '3'], 'number')).toEqual([{ index: 2, expected: '3', actual: '2' }]);
  });
  test('wrong letters', () => {
    expect(sequenceIssues(['A', 'B', 'C', 'D', 'E', 'F'], 'letter')).toEqual([{ index: 5, expected: 'G', actual: 'F' }]);
    expect(sequenceIssues(['A', 'B', 'C', 'D', 'Đ', 'E', 'F'], 'letter')).toEqual([{ index: 6, expected: 'G', actual: 'F' }]);
    expect(sequenceIssues(['A', 'B', 'C', 'D', 'E', 'Đ'], 'letter', { withDj: false }))
      .toEqual([{ index: 5, expected: 'G', actual: 'Đ' }]);
    expect(sequenceIssues(['A', 'Z'], 'letter')).toEqual([{ index: 1, expected: 'B', actual: 'Z' }]);
  });
  test('wrong numerals', () => {
    expect(sequenceIssues(['I', 'II', 'IIII'], 'roman')).toEqual([{ index: 2, expected: 'III', actual: 'IIII' }]);
    expect(sequenceIssues(['I', 'III'], 'roman')).toEqual([{ index: 1, expected: 'II', actual: 'III' }]);
    expect(sequenceIssues(['1.1', '2.2'], 'dotted')).toEqual([{ index: 1, expected: '1.2', actual: '2.2' }]);
    expect(sequenceIssues(['1', 'x', '3'], 'number')).toEqual([{ index: 1, expected: '2', actual: 'x' }]);
    expect(sequenceIssues(['a', 'c'], 'letter')).toEqual([{ index: 1, expected: 'b', actual: 'c' }]);
  });
  test('bad calls', () => {
    expect(() => sequenceIssues('1,2' as unknown as string[], 'number')).toThrow(NumberingError);
    expect(sequenceIssues(['1', undefined as unknown as string], 'number')).toEqual([{ index: 1, expected: '2', actual: '' }]);
    expect(() => expectedTT('other', 1)).toThrow(NumberingError);
    expect(() => expectedTT('number', 0)).toThrow(NumberingError);
    expect(() => expectedTT('dotted', 1)).toThrow(NumberingError);
  });
  test('expectedTT', () => {
    expect(expectedTT('roman', 4)).toBe('IV');
    expect(expectedTT('letter', 5)).toBe('Đ');
    expect(expectedTT('letter', 5, { withDj: false })).toBe('E');
    expect(expectedTT('number', 3, { suffix: '.' })).toBe('3.');
    expect(expectedTT('dotted', 2, { prefix: '3' })).toBe('3.2');
    expect(expectedTT('letter', 1, { lower: true, suffix: ')' })).toBe('a)');
  });
});

function item(tt: string, name: string, children?: Item[]): Item {
  const it: Item = { kind: 'item', tt, name, amounts: { years: { 2021: new Dec(1) }, sources: {} } };
  if (children) it.children = children;
  return it;
}
function group(level: 1 | 2, tt: string, name: string, children: Group['children']): Group {
  return { kind: 'group', level, tt, name, children };
}

describe('renumber', () => {
  const plan: Plan = {
    meta: { title: 'T', unit: 'triệu đồng' },
    sources: [],
    nodes: [
      group(1, 'X', 'G1', [
        group(2, 'Q', 'A1', [item('9', 'a'), item('9', 'b', [item('', 's1'), item('', 's2')])]),
        group(2, 'Q', 'A2', [item('', 'c')]),
        group(2, '', 'A3', []), group(2, '', 'A4', []), group(2, '', 'A5', []), group(2, '', 'A6', []),
      ]),
      group(1, '', 'G2', [item('7', 'd'), item('7', 'e')]),
    ],
  };
  test('groups I, II / A, B, ..., items restart, sub-items dotted; input unchanged', () => {
    const out = renumber(plan);
    const g1 = out.nodes[0] as Group;
    expect(g1.tt).toBe('I');
    expect(g1.children.map((c) => c.tt)).toEqual(['A', 'B', 'C', 'D', 'Đ', 'E']);
    const a1 = g1.children[0] as Group;
    expect(a1.children.map((c) => c.tt)).toEqual(['1', '2']);
    expect((a1.children[1] as Item).children?.map((c) => c.tt)).toEqual(['2.1', '2.2']);
    expect(((g1.children[1] as Group).children[0] as Item).tt).toBe('1');
    const g2 = out.nodes[1] as Group;
    expect(g2.tt).toBe('II');
    expect(g2.children.map((c) => c.tt)).toEqual(['1', '2']);
    expect((plan.nodes[0] as Group).tt).toBe('X');
    expect(((plan.nodes[0] as Group).children[0] as Group).tt).toBe('Q');
    expect((a1.children[0] as Item).amounts).toBe(((plan.nodes[0] as Group).children[0] as Group).children[0].kind === 'item'
      ? (((plan.nodes[0] as Group).children[0] as Group).children[0] as Item).amounts : undefined);
  });
  test('options: numbers for level 2, no Đ', () => {
    const numbered = renumber(plan, { level2: 'number' });
    expect((numbered.nodes[0] as Group).children.map((c) => c.tt)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    const noDj = renumber(plan, { withDj: false });
    expect((noDj.nodes[0] as Group).children.map((c) => c.tt)).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
  });
  test('flat list: items 1..n', () => {
    const flat: Plan = { ...plan, nodes: [item('5', 'a'), item('', 'b'), item('x', 'c')] };
    expect(renumber(flat).nodes.map((n) => n.tt)).toEqual(['1', '2', '3']);
  });
  test('renumbered plans have no sequence issues', () => {
    const out = renumber(plan);
    expect(sequenceIssues(out.nodes.map((n) => n.tt), 'roman')).toEqual([]);
    expect(sequenceIssues((out.nodes[0] as Group).children.map((n) => n.tt), 'letter')).toEqual([]);
  });
  test('empty tree and overly deep trees', () => {
    expect(renumber({ ...plan, nodes: [] }).nodes).toEqual([]);
    let deep: Group = group(1, '', 'g', []);
    for (let i = 0; i < 60; i++) deep = group(1, '', 'g', [deep]);
    expect(() => renumber({ ...plan, nodes: [deep] })).toThrow(NumberingError);
  });
  test('bad input', () => {
    expect(() => renumber(undefined as unknown as Plan)).toThrow(NumberingError);
    expect(() => renumber({ ...plan, nodes: undefined as unknown as Plan['nodes'] })).toThrow(NumberingError);
  });
});
