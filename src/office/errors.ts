/**
 * Office errors → Vietnamese messages, and the helpers the adapter uses around context.sync:
 * a watchdog for a sync that never returns, and the payload-limit test for halving a batch.
 */

/** An error at the host boundary with a message for the user (Vietnamese) and the Office code behind it. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    /** Office error code ("ItemNotFound", ...) or one of ours ("SyncTimeout", "Unexpected"). */
    readonly code: string,
    /** Vietnamese, for the user. */
    message: string,
    readonly officeError?: unknown,
  ) {
    super(message.normalize('NFC'));
  }
}

const MESSAGES: Record<string, string> = {
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

/** The Office error code of an error thrown by context.sync (OfficeExtension.Error has .code). */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}

export function isPayloadLimit(e: unknown): boolean {
  const c = officeCode(e);
  return c === 'RequestPayloadSizeLimitExceeded' || c === 'ResponsePayloadSizeLimitExceeded'
    || (c === 'GeneralException' && /payload/i.test(String((e as Error).message ?? '')));
}

/** Any error → HostError with a Vietnamese message (HostErrors pass through). */
export function toHostError(e: unknown, doing?: string): HostError {
  if (e instanceof HostError) return e;
  const code = officeCode(e) ?? 'Unexpected';
  const base = MESSAGES[code] ?? `${MESSAGES.Unexpected} (mã lỗi Excel: ${code})`;
  const detail = code === 'Unexpected' && e instanceof Error && e.message ? ` Chi tiết: ${e.message}` : '';
  return new HostError(code, `${doing ? `${doing}: ` : ''}${base}${detail}`, e);
}

/** Resolves like p, or rejects with a SyncTimeout HostError when p does not settle within ms. */
export function withWatchdog<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError('SyncTimeout', MESSAGES.SyncTimeout)), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); },
    );
  });
}
