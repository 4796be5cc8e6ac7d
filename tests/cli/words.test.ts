import { main } from '../../src/cli/main';

async function runWords(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['words', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('danh-muc words', () => {
  test('seed 000: 441.115 triệu đồng', async () => {
    const r = await runWords(['441.115', '--unit', 'triệu đồng']);
    expect(r).toEqual({
      code: 0,
      out: ['441.115.000.000 đồng (Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng)'],
      err: [],
    });
  });
  test('seed 004 with ngàn, short unit name', async () => {
    const r = await runWords(['1.028.960', '--unit', 'triệu', '--ngan']);
    expect(r.out).toEqual(['1.028.960.000.000 đồng (Bằng chữ: Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng)']);
  });
  test('options: lẻ, tư, chẵn, no commas', async () => {
    const r = await runWords(['145.024.000', '--linh', 'lẻ', '--tu', '--chan', '--no-commas']);
    expect(r.out).toEqual(['145.024.000 đồng (Bằng chữ: Một trăm bốn mươi lăm triệu không trăm hai mươi tư nghìn đồng chẵn)']);
    const r2 = await runWords(['105', '--linh=lẻ']);
    expect(r2.out).toEqual(['105 đồng (Bằng chữ: Một trăm lẻ năm đồng)']);
  });
  test('seed 002: a unit in the text, and words read back', async () => {
    expect((await runWords(['5.8', 'tỷ'])).out).toEqual(['5.800.000.000 đồng (Bằng chữ: Năm tỷ, tám trăm triệu đồng)']);
    expect((await runWords(['Năm tỷ tám trăm triệu đồng'])).out)
      .toEqual(['5.800.000.000 đồng (Bằng chữ: Năm tỷ, tám trăm triệu đồng)']);
  });
  test('an ambiguous figure gets a note on stderr', async () => {
    const r = await runWords(['5.8', 'tỷ']);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^Lưu ý: /);
  });
  test.each([
    [[], /thiếu số tiền/],
    [['abc'], /không đọc được số tiền "abc"/],
    [['1', '--unit', 'kg'], /--unit: không hiểu đơn vị "kg"/],
    [['1', '--linh', 'le'], /--linh/],
    [['1', '--bogus'], /Tùy chọn không hợp lệ/],
    [['1', '--unit'], /Thiếu giá trị/],
    [['999999999999999', '--unit', 'tỷ đồng'], /quá lớn/],
    [['NaN'], /không đọc được/],
    [['Infinity'], /không đọc được/],
  ])('%j → exit 2 with one line', async (args, message) => {
    const r = await runWords(args as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^danh-muc words: /);
    expect(r.err[0]).toMatch(message);
    expect(r.err[0]).not.toMatch(/\n.|at .*\.ts/);
  });
});
