/**
 * The host's notices as the pane shows them: an intro ending in ":" and its "– " lines are one message with a list
 * (Excel 2019 once showed six warning bars, one per dash); other notices stay messages of their own.
 */
import { noteGroups } from '../../src/taskpane/noteGroups';

test('an intro and its dashed lines make one group; lone notices stay alone', () => {
  expect(noteGroups([
    'Phiên bản Excel này thiếu một số tính năng; tiện ích vẫn chạy, với các khác biệt sau:',
    '– Không tạo được danh sách chọn.',
    '– Không đặt được trang in.',
    'Excel đang để chế độ tính toán thủ công.',
  ])).toEqual([
    { text: 'Phiên bản Excel này thiếu một số tính năng; tiện ích vẫn chạy, với các khác biệt sau:', items: ['Không tạo được danh sách chọn.', 'Không đặt được trang in.'] },
    { text: 'Excel đang để chế độ tính toán thủ công.', items: [] },
  ]);
  expect(noteGroups([])).toEqual([]);
  // a dashed line with nothing before it is a message of its own, without its dash
  expect(noteGroups(['– Không đọc được ô gộp.'])).toEqual([{ text: 'Không đọc được ô gộp.', items: [] }]);
});
