/**
 * The pane's engine on the figures the pane hands it: the summary's "Bằng chữ" reads the grand total as the plain
 * decimal string the check returns ("441.115" in tỷ đồng is 441 tỷ 115 triệu, never 441.115 tỷ); the pane shows the
 * application layer's lower-case messages as sentences.
 */
import { coreEngine } from '../../src/taskpane/coreEngine';
import { sentence, sentenceOf } from '../../src/taskpane/format';
import { checkSheet } from '../../src/app/check';
import { samplePreviewHost } from '../../src/taskpane/sampleWorkbook';
import { planFromJsonData } from '../../src/app/planJson';
import sample from '../../samples/soc-trang-2021-2025.plan.json';

test('words of a plain decimal amount: the point is a decimal point, in every unit', () => {
  expect(coreEngine.words('441.115', 'tỷ đồng')).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  expect(coreEngine.words('4967.667', 'triệu đồng')).toBe('Bốn tỷ, chín trăm sáu mươi bảy triệu, sáu trăm sáu mươi bảy nghìn đồng');
  expect(coreEngine.words('441115', 'triệu đồng')).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  expect(coreEngine.words('12.5', 'nghìn đồng')).toBe('Mười hai nghìn, năm trăm đồng');
  expect(coreEngine.words('-3', 'đồng')).toMatch(/ba đồng$/i);
});

test('the summary of a sheet built in tỷ đồng: the grand total and its words agree', async () => {
  const plan = planFromJsonData(sample);
  const spec = coreEngine.layout(plan, { preset: 'medium-term', title: 'T', unit: 'tỷ đồng', sources: 'NSĐP, NSTW, ĐTPT' });
  const host = await samplePreviewHost(coreEngine);
  const name = await host.writeNewSheet(spec);
  const sum = checkSheet(await host.readSheet(name), {}).summary;
  expect(sum.grandTotal).toBe('441.115');
  expect(sum.unit).toBe('tỷ đồng');
  expect(coreEngine.words(sum.grandTotal!, sum.unit!)).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
});

test('sentence: a message shown on its own starts with a capital, Vietnamese letters included', () => {
  expect(sentence('năm đầu lớn hơn năm cuối')).toBe('Năm đầu lớn hơn năm cuối');
  expect(sentence('đơn vị tính không hợp lệ')).toBe('Đơn vị tính không hợp lệ');
  expect(sentence('“NSĐP” bị lặp')).toBe('“NSĐP” bị lặp');
  expect(sentence('')).toBe('');
  expect(sentenceOf(undefined)).toBeUndefined();
});
