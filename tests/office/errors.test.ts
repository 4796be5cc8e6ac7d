import { HostError, toHostError, isPayloadLimit } from '../../src/office/errors';
import { withWatchdog } from '../../src/office/sync';
import { OfficeLikeError } from '../helpers/fakeExcel';

describe('Office errors in Vietnamese', () => {
  test.each([
    ['InvalidArgument', /tham số không hợp lệ/],
    ['ItemNotFound', /Không tìm thấy trang tính hoặc vùng ô/],
    ['ItemAlreadyExists', /trùng tên/],
    ['GeneralException', /lỗi chung/],
    ['RequestPayloadSizeLimitExceeded', /quá lớn/],
    ['ResponsePayloadSizeLimitExceeded', /trả về quá lớn/],
    ['MergedRangeConflict', /gộp/],
    ['InvalidOperationInCellEditMode', /chế độ sửa ô/],
  ])('%s → a Vietnamese message, code kept', (code, re) => {
    const e = toHostError(new OfficeLikeError(code, 'english text'), 'Không tạo được trang "Phụ lục"');
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(re);
    expect(e.message.startsWith('Không tạo được trang "Phụ lục": ')).toBe(true);
    expect(e.message).not.toContain('english text');
    expect(e.message).toBe(e.message.normalize('NFC'));
  });

  test('unknown errors keep their code or detail; HostErrors pass through', () => {
    expect(toHostError(new OfficeLikeError('Conflict', 'x')).message).toMatch(/mã lỗi Excel: Conflict/);
    expect(toHostError(new TypeError('boom')).message).toMatch(/không mong đợi.*Chi tiết: boom/);
    const h = new HostError('X', 'Thông báo');
    expect(toHostError(h)).toBe(h);
  });

  test('payload limits are recognised for halving', () => {
    expect(isPayloadLimit(new OfficeLikeError('RequestPayloadSizeLimitExceeded', ''))).toBe(true);
    expect(isPayloadLimit(new OfficeLikeError('ResponsePayloadSizeLimitExceeded', ''))).toBe(true);
    expect(isPayloadLimit(new OfficeLikeError('GeneralException', 'The request payload size has exceeded the limit'))).toBe(true);
    // an operation's own GeneralException (Office names where it arose) is not a size refusal...
    expect(isPayloadLimit(new OfficeLikeError('GeneralException', 'other', 'Range.merge'))).toBe(false);
    // ...but the web's oversized-batch "internal error", translated and without a location, is (issue 14.4)
    expect(isPayloadLimit(new OfficeLikeError('GeneralException', 'Đã xảy ra lỗi nội bộ.'))).toBe(true);
    expect(isPayloadLimit(new OfficeLikeError('GeneralException', 'other', 'Range.merge'), true)).toBe(true);
    expect(isPayloadLimit(new Error('x'))).toBe(false);
  });

  test('the watchdog lets a prompt sync through and stops one that never returns', async () => {
    await expect(withWatchdog(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withWatchdog(new Promise(() => undefined), 30)).rejects.toMatchObject({ code: 'SyncTimeout' });
    await expect(withWatchdog(Promise.reject(new OfficeLikeError('ItemNotFound', '')), 50)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
