/**
 * The pane's Vietnamese texts for findings: a title per code (the code itself only in a tooltip) and help saying
 * what the finding means and how to fix it. Typed over every FindingCode, so a new code cannot ship without them.
 */
import type { FindingCode } from '../core/checks/findings';

export interface FindingHelp {
  /** a short title, like Excel's Error Checking ("Tổng nhóm không khớp") */
  title: string;
  /** what the finding means */
  meaning: string;
  /** how to fix it */
  fix: string;
}

export const FINDING_HELP: Record<FindingCode, FindingHelp> = {
  ROW_YEARS_SUM: {
    title: 'Tổng các năm không khớp',
    meaning: 'Số ở cột tổng của dòng khác tổng các cột năm của chính dòng đó.',
    fix: 'Sửa số của năm bị ghi sai hoặc sửa cột tổng; nếu cột tổng là công thức, kiểm tra công thức có cộng đủ các năm.',
  },
  ROW_SOURCES_SUM: {
    title: 'Tổng các nguồn vốn không khớp',
    meaning: 'Số ở cột tổng của dòng khác tổng các cột nguồn vốn của dòng đó.',
    fix: 'Sửa số của nguồn vốn bị ghi sai, hoặc thêm nguồn còn thiếu.',
  },
  GROUP_SUBTOTAL: {
    title: 'Tổng nhóm không khớp',
    meaning: 'Số trên dòng nhóm (I, II, A, B…) khác tổng các dự án trong nhóm.',
    fix: 'Sửa dự án bị ghi sai trong nhóm (thường là lỗi gốc được nêu trước), hoặc dùng công thức SUM cho dòng nhóm.',
  },
  GRAND_TOTAL: {
    title: 'Tổng cộng không khớp',
    meaning: 'Dòng “Tổng cộng” khác tổng các nhóm và dự án.',
    fix: 'Sửa các lỗi ở dự án và nhóm trước; nếu vẫn lệch, sửa dòng Tổng cộng hoặc dùng công thức.',
  },
  DOUBLE_COUNT: {
    title: 'Cộng trùng',
    meaning: 'Một dự án hoặc nhóm được cộng hai lần vào tổng (thường do công thức SUM lấy cả dòng nhóm).',
    fix: 'Sửa công thức tổng để chỉ cộng mỗi dự án một lần.',
  },
  BREAKDOWN: {
    title: 'Dòng “Trong đó” không khớp',
    meaning: 'Các dòng “Trong đó” (theo nguồn vốn) cộng lại khác tổng cộng, hoặc khác số của các dự án theo nguồn đó.',
    fix: 'Sửa số trên dòng “Trong đó” theo tổng các dự án của nguồn vốn đó.',
  },
  STATED_TOTAL: {
    title: 'Tổng nêu trong văn bản không khớp',
    meaning: 'Một tổng nêu ngoài bảng (trong văn bản hoặc do bạn nhập) khác tổng của bảng.',
    fix: 'Kiểm tra số và đơn vị tính của tổng nêu trong văn bản; nếu bảng đúng, sửa văn bản.',
  },
  WORDS_MISMATCH: {
    title: 'Số viết bằng chữ không khớp',
    meaning: 'Dòng “Bằng chữ” đọc ra số tiền khác số của bảng (tính theo đồng).',
    fix: 'Viết lại bằng chữ theo câu đúng được nêu trong mô tả; kiểm tra cả đơn vị tính (ĐVT).',
  },
  TEXT_NUMBER: {
    title: 'Số ghi dạng chữ',
    meaning: 'Ô chứa số tiền được ghi dưới dạng văn bản, Excel không cộng ô này vào các tổng.',
    fix: 'Gõ lại số (không có dấu nháy, chữ hay khoảng trắng) hoặc dùng “Chuyển thành số” của Excel.',
  },
  SUSPECT_DECIMAL: {
    title: 'Dấu thập phân đáng ngờ',
    meaning: 'Số có thể đã bị đọc nhầm dấu chấm / dấu phẩy (ví dụ 1.559 thành 1,559).',
    fix: 'Xem lại số: ở Việt Nam dấu chấm ngăn cách hàng nghìn, dấu phẩy là dấu thập phân.',
  },
  NEGATIVE_AMOUNT: {
    title: 'Số tiền âm',
    meaning: 'Một số tiền nhỏ hơn 0, không có trong danh mục dự án.',
    fix: 'Sửa số (có thể do gõ nhầm dấu trừ).',
  },
  FORMULA_ERROR: {
    title: 'Công thức bị lỗi',
    meaning: 'Ô hiện giá trị lỗi của Excel (#REF!, #VALUE!…), nên các tổng liên quan không tính được.',
    fix: 'Mở công thức trong ô và sửa tham chiếu bị hỏng.',
  },
  HARDCODED_TOTAL: {
    title: 'Tổng gõ tay',
    meaning: 'Dòng tổng ghi số gõ tay thay vì công thức, nên không tự cập nhật khi sửa dự án.',
    fix: 'Thay số bằng công thức SUM của các dòng bên dưới.',
  },
  YEAR_OUTSIDE_PERIOD: {
    title: 'Có số ngoài thời gian thực hiện',
    meaning: 'Dự án có số tiền ở năm nằm ngoài thời gian thực hiện của nó.',
    fix: 'Sửa thời gian thực hiện hoặc chuyển số sang đúng năm.',
  },
  ANNUAL_EXCEEDS_TOTAL: {
    title: 'Kinh phí năm vượt tổng mức',
    meaning: 'Kinh phí năm kế hoạch lớn hơn tổng mức đầu tư của dự án.',
    fix: 'Kiểm tra lại hai số; kinh phí một năm không vượt tổng mức đầu tư.',
  },
  NUMBERING: {
    title: 'Số thứ tự không liền mạch',
    meaning: 'Cột TT bị nhảy số, lặp số hoặc sai kiểu đánh số trong nhóm.',
    fix: 'Đánh lại số thứ tự (thẻ Nhập liệu có nút “Đánh lại số TT” cho trang nhập liệu).',
  },
  MISSING_FIELD: {
    title: 'Thiếu thông tin',
    meaning: 'Dự án thiếu một cột bắt buộc (tên, số tiền…).',
    fix: 'Điền thông tin còn thiếu.',
  },
  DUPLICATE_ITEM: {
    title: 'Dự án trùng',
    meaning: 'Hai dòng có cùng tên dự án, có thể bị nhập hai lần.',
    fix: 'Xoá dòng thừa hoặc đặt tên phân biệt hai dự án.',
  },
  SOURCE_MISMATCH: {
    title: 'Nguồn vốn không khớp',
    meaning: 'Nguồn vốn ghi bằng chữ khác các cột nguồn vốn có số của dự án.',
    fix: 'Sửa cột “Nguồn vốn” hoặc số ở các cột nguồn.',
  },
  UNREADABLE_TABLE: {
    title: 'Không đọc được bảng',
    meaning: 'Trang không có bảng danh mục đọc được (thiếu dòng tiêu đề TT, tên dự án, số tiền).',
    fix: 'Mở đúng trang phụ lục, hoặc kiểm tra dòng tiêu đề của bảng.',
  },
};

export const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as const;
