/// <reference types="office-js" />
/**
 * Which host the pane runs in. office.js comes from Microsoft's CDN: offline it never loads, and in a plain
 * browser Office.onReady reports no host. Either way the pane starts in preview mode; Office.onReady is raced
 * against a timeout so that a CDN that hangs cannot keep the pane blank.
 */
export type BootResult =
  | { kind: 'office' }
  | { kind: 'preview'; reason: 'no-office-js' | 'not-in-excel' | 'timeout' };

export async function detectHost(timeoutMs = 15000): Promise<BootResult> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return { kind: 'preview', reason: 'no-office-js' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (info === 'timeout') return { kind: 'preview', reason: 'timeout' };
    return info?.host === office.HostType.Excel ? { kind: 'office' } : { kind: 'preview', reason: 'not-in-excel' };
  } catch {
    return { kind: 'preview', reason: 'not-in-excel' };
  } finally {
    clearTimeout(timer);
  }
}

export const PREVIEW_REASONS: Record<Exclude<BootResult, { kind: 'office' }>['reason'], string> = {
  'no-office-js': 'Không tải được thư viện Office (máy không có mạng hoặc bị chặn).',
  'not-in-excel': 'Trang này đang mở trong trình duyệt, không phải trong Excel.',
  timeout: 'Office không phản hồi kịp.',
};
