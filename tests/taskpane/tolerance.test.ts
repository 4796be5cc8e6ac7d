/**
 * The rounding tolerance is in the sheet's unit: a unit typed with it is refused by the application layer (pane and
 * command line alike), never dropped — "1 triệu đồng" on a sheet in tỷ đồng once meant a tolerance of 1 tỷ.
 */
import { coreEngine } from '../../src/taskpane/coreEngine';
import { checkOptions } from '../../src/app/check';
import { AppError } from '../../src/app/errors';

test('a tolerance with a unit is refused with a reason; without one it is read in the sheet unit', () => {
  expect(() => checkOptions({ tolerance: '1 triệu đồng' })).toThrow(AppError);
  expect(() => checkOptions({ tolerance: '1 triệu đồng' })).toThrow(/ĐVT của trang/);
  expect(checkOptions({ tolerance: '0,5' }).tolerance?.toString()).toBe('0.5');
  expect(checkOptions({ tolerance: '1.000' }).tolerance?.toString()).toBe('1000');
});

test('the pane\'s engine says the same when checking', async () => {
  const host = await (await import('../../src/taskpane/sampleWorkbook')).samplePreviewHost(coreEngine);
  const grid = await host.readSheet();
  expect(() => coreEngine.check(grid, { tolerance: '1 tỷ' })).toThrow(/ĐVT của trang/);
  expect(coreEngine.check(grid, { tolerance: '1' }).summary.errors).toBe(0);
});
