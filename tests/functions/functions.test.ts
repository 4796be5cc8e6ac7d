/** =DANHMUC.BANGCHU in Node with a stub CustomFunctions global, and the metadata generated from its JSDoc. */
import * as fc from 'fast-check';
import { bangChu, registerFunctions, FUNCTION_MESSAGES } from '../../src/functions/functions';
import { wordsToAmount } from '../../src/core/text/words';

class CfError extends Error {
  constructor(readonly code: string, message?: string) { super(message); }
}
const g = globalThis as unknown as { CustomFunctions?: unknown };
beforeAll(() => { g.CustomFunctions = { Error: CfError, ErrorCode: { invalidValue: '#VALUE!' } }; });
afterAll(() => { delete g.CustomFunctions; });

function errorOf(f: () => unknown): CfError {
  try {
    f();
  } catch (e) {
    return e as CfError;
  }
  throw new Error('no error');
}

test('the same words as the command line, in đồng, with the unit and options', () => {
  expect(bangChu(441115, 'triệu đồng')).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  expect(bangChu('441.115', 'triệu đồng')).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  expect(bangChu(105000)).toBe(bangChu('105000', 'đồng'));
  expect(bangChu(105000, '', 'lẻ, ngàn')).toMatch(/lẻ năm ngàn/);
  expect(bangChu(1.5, 'triệu đồng')).toBe(bangChu(1500000));
});

test('invalid input: an Excel error value with a Vietnamese message, never a text', () => {
  for (const [amount, unit, options] of [['', undefined, undefined], [null, undefined, undefined], [true, undefined, undefined],
    ['abc', undefined, undefined], [100, 'đô la', undefined], [100, undefined, 'kiểu lạ'], [1e300, undefined, undefined]]) {
    const e = errorOf(() => bangChu(amount, unit as string | undefined, options as string | undefined));
    expect(e).toBeInstanceOf(CfError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message.length).toBeGreaterThan(5);
  }
});

test('units: the amount is read in its unit and written in đồng', () => {
  expect(bangChu(5, 'nghìn đồng')).toBe('Năm nghìn đồng');
  expect(bangChu(5, 'tr')).toBe('Năm triệu đồng');
  expect(bangChu(5, 'Triệu Đồng')).toBe('Năm triệu đồng');
  expect(bangChu(2.5, 'tỷ đồng')).toBe('Hai tỷ, năm trăm triệu đồng');
  expect(bangChu(441.115, 'tỷ đồng')).toBe(bangChu(441115, 'triệu đồng'));
  expect(bangChu(-5)).toBe('Âm năm đồng');
  expect(bangChu(0)).toBe('Không đồng');
});

test('options: lẻ/linh, ngàn/nghìn, tư, chẵn, không phẩy (any case, comma or semicolon)', () => {
  const n = 1234104;
  expect(bangChu(n)).toBe('Một triệu, hai trăm ba mươi bốn nghìn, một trăm linh bốn đồng');
  expect(bangChu(n, undefined, 'tư')).toBe('Một triệu, hai trăm ba mươi tư nghìn, một trăm linh bốn đồng');
  expect(bangChu(n, undefined, 'không phẩy')).toBe('Một triệu hai trăm ba mươi bốn nghìn một trăm linh bốn đồng');
  expect(bangChu(n, undefined, 'Lẻ; Ngàn')).toBe('Một triệu, hai trăm ba mươi bốn ngàn, một trăm lẻ bốn đồng');
  expect(bangChu(5000000, undefined, 'chẵn')).toMatch(/^Năm triệu đồng chẵn$/);
  expect(bangChu(n, undefined, ' ')).toBe(bangChu(n));
});

test('a number is read as Excel shows it (15 significant digits), never the binary tail of a formula', () => {
  expect(bangChu(0.1 + 0.2)).toBe(bangChu(0.3));
  expect(bangChu(0.3)).toBe('Không phẩy ba đồng');
  expect(bangChu(1e-7)).toMatch(/^Không phẩy không/);
  expect(bangChu(123456789012345680000)).toBe(bangChu('123456789012346000000'));
});

test('whole amounts below 10^15: the words read back to the same amount', () => {
  // 10^15 triệu đồng is 10^21 đồng, the first amount the words refuse (the edges are tested below)
  fc.assert(fc.property(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), fc.constantFrom('đồng', 'nghìn đồng', 'triệu đồng'), (n, unit) => {
    const scale = { đồng: 1n, 'nghìn đồng': 1000n, 'triệu đồng': 1000000n }[unit];
    const words = bangChu(n, unit);
    expect(words).toBe(words.normalize('NFC'));
    expect(wordsToAmount(words)?.toFixed()).toBe((BigInt(n) * scale).toString());
  }), { numRuns: 200 });
});

test('the words stop below 10^21 đồng in every unit, with a Vietnamese message at the edge', () => {
  expect(wordsToAmount(bangChu(1e15 - 1, 'triệu đồng'))?.toFixed()).toBe('999999999999999000000');
  expect(wordsToAmount(bangChu(-(1e15 - 1), 'triệu đồng'))?.toFixed()).toBe('-999999999999999000000');
  expect(wordsToAmount(bangChu('999999999999999999999'))?.toFixed()).toBe('999999999999999999999');
  expect(errorOf(() => bangChu(1e21)).message).toBe(FUNCTION_MESSAGES.tooLarge);
  expect(errorOf(() => bangChu(-1e21)).message).toBe(FUNCTION_MESSAGES.tooLarge);
  for (const [n, unit] of [[1e15, 'triệu đồng'], [-1e15, 'triệu đồng'], [1e18, 'nghìn đồng'], [1e12, 'tỷ đồng']] as const) {
    const e = errorOf(() => bangChu(n, unit));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/quá lớn để đọc thành chữ/);
  }
});

test('each error says what is wrong in Vietnamese', () => {
  const message = (f: () => unknown) => errorOf(f).message;
  expect(message(() => bangChu(''))).toBe(FUNCTION_MESSAGES.empty);
  expect(message(() => bangChu('   '))).toBe(FUNCTION_MESSAGES.empty);
  expect(message(() => bangChu(true))).toBe(FUNCTION_MESSAGES.notAmount);
  expect(message(() => bangChu(NaN))).toBe(FUNCTION_MESSAGES.notFinite);
  expect(message(() => bangChu(1e300))).toBe(FUNCTION_MESSAGES.tooLarge);
  expect(message(() => bangChu(1, undefined, 'chan'))).toBe(FUNCTION_MESSAGES.badOption('chan'));
  expect(message(() => bangChu(100, 'USD'))).toMatch(/đơn vị "USD"/);
  expect(message(() => bangChu('abc'))).toMatch(/không đọc được số tiền "abc"/);
  // "12,000" is 12 the Vietnamese way and 12 000 the English way: refused, never one of them silently
  const e = errorOf(() => bangChu('12,000'));
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toMatch(/^Số tiền viết chưa rõ: .*12\.000/);
  for (const f of Object.values(FUNCTION_MESSAGES)) {
    const text = typeof f === 'function' ? f('x') : f;
    expect(text).toBe(text.normalize('NFC'));
  }
});

test('registered under its id when the runtime has CustomFunctions', () => {
  const seen: Array<[string, unknown]> = [];
  expect(registerFunctions({ CustomFunctions: { associate: (id, f) => seen.push([id, f]) } })).toBe(true);
  expect(seen).toEqual([['BANGCHU', bangChu]]);
  expect(registerFunctions({})).toBe(false);
});

test('metadata generated from the JSDoc: BANGCHU with amount and optional unit, options', async () => {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
    generateCustomFunctionsMetadata: (f: string[]) => Promise<{ metadataJson: string; errors: string[] }>;
  };
  const r = await generateCustomFunctionsMetadata([require.resolve('../../src/functions/functions.ts')]);
  expect(r.errors).toEqual([]);
  const [f] = JSON.parse(r.metadataJson).functions;
  expect({ id: f.id, name: f.name, result: f.result.type }).toEqual({ id: 'BANGCHU', name: 'BANGCHU', result: 'string' });
  expect(f.parameters.map((p: { name: string; optional?: boolean; type: string }) => [p.name, Boolean(p.optional), p.type]))
    .toEqual([['amount', false, 'any'], ['unit', true, 'string'], ['options', true, 'string']]);
  expect(f.description).toMatch(/^Viết số tiền bằng chữ/);
  expect(f.parameters[1].description).toContain('triệu đồng');
});
