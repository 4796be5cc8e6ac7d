/**
 * The preview's banner: why the pane runs without Excel, and which workbook it works on — the sample, or the file
 * the officer opened (its name, redrawn when another file is opened).
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PreviewHost } from '../../office/previewHost';

export function PreviewBanner({ host, reason }: { host: PreviewHost; reason: string }) {
  const file = React.useSyncExternalStore(
    React.useCallback((f: () => void) => host.subscribe(f), [host]),
    () => host.state().file,
  );
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="preview-banner">
      <MessageBarBody>
        <MessageBarTitle>Chế độ xem thử</MessageBarTitle>
        {reason}{' '}
        {file ? (
          <>
            Ngăn đang làm việc trên tệp “<b data-testid="preview-file-name">{file}</b>” ở khung “Sổ tính xem thử”; mọi thao
            tác chỉ diễn ra trong trình duyệt, tệp trên máy không bị sửa (dùng “Tải về .xlsx” để lưu kết quả).
          </>
        ) : (
          <>
            Ngăn đang làm việc trên sổ tính mẫu (Sóc Trăng 2021-2025) ở khung “Sổ tính xem thử”; mọi thao tác chỉ diễn
            ra trong trình duyệt. Để dùng với tệp thật, hãy mở tiện ích trong Excel hoặc bấm “Mở tệp .xlsx…” trong khung đó.
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
