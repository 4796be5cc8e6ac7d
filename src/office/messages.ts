/**
 * The Office adapter's Vietnamese texts: Office error codes, what the host was doing when a step failed, and
 * the writer's notes on a sheet left, removed or completed without its optional steps.
 */

/** Office error codes (and ours: SyncTimeout, Unexpected) → what the user reads. */
export const OFFICE_ERRORS: Record<string, string> = {
  InvalidArgument: 'Excel từ chối dữ liệu gửi vào (tham số không hợp lệ). Hãy thử lại; nếu vẫn lỗi, báo cho người hỗ trợ kèm tên trang tính.',
  ItemNotFound: 'Không tìm thấy trang tính hoặc vùng ô cần dùng. Có thể trang đã bị đổi tên hoặc bị xoá trong lúc làm việc.',
  ItemAlreadyExists: 'Đã có một trang tính trùng tên. Hãy thử lại: tiện ích sẽ chọn một tên khác.',
  GeneralException: 'Excel báo lỗi chung khi thực hiện thao tác. Hãy lưu tệp và thử lại.',
  RequestPayloadSizeLimitExceeded: 'Khối dữ liệu gửi sang Excel quá lớn, kể cả sau khi đã chia nhỏ. Hãy chia bảng thành nhiều phần.',
  ResponsePayloadSizeLimitExceeded: 'Dữ liệu Excel trả về quá lớn, kể cả sau khi đã chia nhỏ. Hãy thu hẹp vùng dữ liệu của trang tính.',
  MergedRangeConflict: 'Vùng ô định gộp chồng lên một vùng đã gộp. Hãy bỏ gộp ô ở vùng đó rồi thử lại.',
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.',
  AccessDenied: 'Excel không cho phép thao tác này (trang tính hoặc tệp đang được bảo vệ).',
  InvalidOperation: 'Excel không thực hiện được thao tác này trên vùng ô đã chọn.',
  SyncTimeout: 'Excel không phản hồi trong thời gian cho phép. Hãy kiểm tra xem Excel có đang bận (hộp thoại đang mở, đang sửa ô) rồi thử lại.',
  Unexpected: 'Đã xảy ra lỗi không mong đợi khi làm việc với Excel.',
};

/** An error code without a text of its own. */
export const unknownOfficeError = (code: string) => `${OFFICE_ERRORS.Unexpected} (mã lỗi Excel: ${code})`;
export const errorDetail = (message: string) => ` Chi tiết: ${message}`;

/** What the host was doing (the prefix of an error message: "<doing>: <why>"). */
export const DOING = {
  readSheetNames: 'Không đọc được danh sách trang tính',
  findActiveSheet: 'Không xác định được trang đang mở',
  readSheet: 'Không đọc được trang tính',
  selectCell: 'Không chọn được ô',
  readSelection: 'Không đọc được ô đang chọn',
  writeNewSheet: 'Không tạo được trang mới',
  writeCells: 'Không ghi được vào trang tính',
  createSheet: (name: string) => `Không tạo được trang "${name}"`,
} as const;

/** The reader's notes for the officer. */
export const READER = {
  recalculated: 'Excel đang để chế độ tính toán thủ công (Manual): tiện ích đã cho Excel tính lại toàn bộ sổ tính trước khi đọc, để các tổng không bị cũ. Muốn Excel tự tính lại: Công thức (Formulas) → Tùy chọn tính toán (Calculation Options) → Tự động (Automatic).',
  outsideWindow: (from: string, to: string, far: string) =>
    `Trang tính có dữ liệu ở rất xa bảng (đến ô ${far}): tiện ích chỉ đọc vùng ${from}:${to}. Nếu các ô ở xa là thừa, hãy xoá chúng (chọn các dòng/cột thừa → Xoá) rồi kiểm tra lại.`,
} as const;

export const SETTINGS_NOT_SAVED = 'Không lưu được thiết lập vào tệp Excel.';

/** The in-browser preview workbook. */
export const PREVIEW = {
  sheetNotFound: (name: string) => `Không tìm thấy trang tính "${name}".`,
  noSheets: 'Sổ tính xem thử không có trang nào.',
} as const;

/** The writer: what became of the new sheet after a failure (appended to the error), and optional steps not done. */
export const WRITER = {
  sheetNameTaken: (name: string) => ` Trang "${name}" đã có trong tệp (có thể do người cùng sửa tệp vừa tạo) và được giữ nguyên.`,
  nothingWritten: ' Tiện ích chưa ghi gì vào tệp.',
  maybeLeftUnknown: (name: string) => ` Trang "${name}" có thể đã được tạo dở dang: hãy kiểm tra, nếu đúng là trang dở dang thì xoá trang này; các trang khác không bị thay đổi.`,
  maybeLeft: (name: string) => ` Trang "${name}" có thể còn lại dở dang: hãy xoá trang này.`,
  removed: (name: string) => ` Trang dở dang "${name}" đã được xoá; các trang khác không bị thay đổi.`,
  listRefused: (address: string) => `Không tạo được danh sách chọn cho vùng ${address}: giá trị quá dài hoặc có dấu phẩy.`,
  printUnsupported: 'Phiên bản Excel này chưa cho tiện ích đặt trang in (cần ExcelApi 1.9): hãy chọn khổ A4 ngang, vừa một trang chiều ngang khi in.',
  finishFailed: (name: string, why: string) => `Trang "${name}" đã được tạo đầy đủ, nhưng chưa đặt được cố định dòng tiêu đề, danh sách chọn hoặc trang in: ${why}`,
  openItYourself: (name: string) => `Hãy tự mở trang "${name}".`,
} as const;
