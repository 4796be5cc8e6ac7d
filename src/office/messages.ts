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
  InvalidSelection: 'Vùng đang chọn gồm nhiều vùng rời nhau: hãy bấm chọn một ô rồi thử lại.',
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

/** Features this Excel lacks (capabilities.ts), and protection and concurrent edits met when writing. */
export const CAPABILITY = {
  intro: 'Phiên bản Excel này (như Office 2019) thiếu một số tính năng tiện ích dùng; tiện ích vẫn chạy, với các khác biệt sau:',
  lists: '– Không tạo được danh sách chọn mã nguồn vốn: hãy gõ đúng mã.',
  print: '– Không đặt được trang in: hãy tự chọn khổ A4 ngang, vừa một trang chiều ngang.',
  cellFonts: '– Chữ đậm/nghiêng được đọc theo cả dòng, dòng ẩn không được nhận ra.',
  cellEdit: '– Khi bạn đang sửa ô, tiện ích không chờ được: hãy nhấn Enter hoặc Esc trước khi bấm nút.',
  merges: '– Không đọc được ô gộp: tiêu đề bảng được nhận theo nội dung ô.',
} as const;

export const WRITE_CELLS = {
  sheetProtected: (sheet: string) => `Trang "${sheet}" đang được bảo vệ nên tiện ích không ghi gì. Hãy bỏ bảo vệ: Xem lại (Review) → Bỏ bảo vệ Trang tính (Unprotect Sheet), rồi thử lại.`,
  changedMeanwhile: (sheet: string) => `Trang "${sheet}" vừa thay đổi sau khi tiện ích đọc (có thể bạn hoặc người cùng sửa tệp vừa nhập): tiện ích không ghi gì để khỏi đè lên thay đổi đó. Hãy thử lại.`,
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
  listsUnsupported: 'Phiên bản Excel này chưa cho tiện ích tạo danh sách chọn (cần ExcelApi 1.8): hãy gõ đúng mã nguồn vốn như trong danh sách.',
  fitNotApplied: 'Excel chưa nhận thiết lập "vừa một trang chiều ngang" khi in. Hãy tự đặt: Bố trí Trang (Page Layout) → Co giãn để Vừa (Scale to Fit) → Chiều rộng (Width): 1 trang, Chiều cao (Height): Tự động.',
  workbookProtected: 'Cấu trúc sổ tính đang được bảo vệ nên không thêm được trang mới. Hãy bỏ bảo vệ: Xem lại (Review) → Bảo vệ Sổ làm việc (Protect Workbook), rồi thử lại.',
  finishFailed: (name: string, why: string) => `Trang "${name}" đã được tạo đầy đủ, nhưng chưa đặt được cố định dòng tiêu đề, danh sách chọn hoặc trang in: ${why}`,
  openItYourself: (name: string) => `Hãy tự mở trang "${name}".`,
} as const;
