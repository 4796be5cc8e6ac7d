/** =DANHMUC.BANGCHU in Node with a stub CustomFunctions global, and the metadata generated from its JSDoc. */
import { bangChu, registerFunctions } from '../../src/functions/functions';

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
  expect(f.parameters.map((p: { name: string; optional?: boolean }) => [p.name, Boolean(p.optional)]))
    .toEqual([['amount', false], ['unit', true], ['options', true]]);
});
