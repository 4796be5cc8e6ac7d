/// <reference types="office-js" />
/**
 * Which host the pane runs in. office.js is loaded by the bundle itself, asynchronously (loadOfficeJs), so that a
 * CDN that hangs never keeps the page blank: outside Office the pane starts in preview mode after a short wait,
 * and switches to Excel if office.js answers later. Inside Office (Office puts `_host_Info` in the pane's URL) the
 * pane never shows the sample: it waits for Excel and offers "Thử lại".
 */
export type BootResult =
  | { kind: 'office' }
  | { kind: 'preview'; reason: 'no-office-js' | 'not-in-excel' | 'timeout' };

/** Where office.js comes from: Microsoft's CDN, or the add-in's own origin (build with DANH_MUC_OFFICE_JS=local). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const HOST_INFO_KEY = 'danh-muc.hostInfo';

/**
 * True when the page runs inside Office: Office adds `_host_Info` to the add-in's URL. Remembered for the tab's
 * session, since a reload inside the pane may drop the parameter.
 */
export function insideOffice(search: string, storage?: Pick<Storage, 'getItem' | 'setItem'>): boolean {
  const info = new URLSearchParams(search).get('_host_Info');
  try {
    if (info) storage?.setItem(HOST_INFO_KEY, info);
    return Boolean(info || storage?.getItem(HOST_INFO_KEY));
  } catch {
    // storage refused (private mode, sandbox): the parameter alone decides
    return Boolean(info);
  }
}

/**
 * Adds `<script async src>` for office.js. Resolves true when it ran, false when it failed to load; never rejects
 * and never blocks the page (a hanging server leaves it pending: callers race it against a timer).
 */
export function loadOfficeJs(src: string, doc: Document = document): Promise<boolean> {
  if ((globalThis as { Office?: unknown }).Office) return Promise.resolve(true);
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.async = true;
    script.src = src;
    script.addEventListener('load', () => resolve(true));
    script.addEventListener('error', () => resolve(false));
    doc.head.appendChild(script);
  });
}

/** office.js's answer, once it has loaded: in Excel or not. Pending while Office.onReady is. */
export async function officeAnswer(): Promise<BootResult> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return { kind: 'preview', reason: 'no-office-js' };
  try {
    const info = await office.onReady();
    return info?.host === office.HostType.Excel ? { kind: 'office' } : { kind: 'preview', reason: 'not-in-excel' };
  } catch {
    return { kind: 'preview', reason: 'not-in-excel' };
  }
}

/** Resolves with `value` after `ms` (the timers of the boot race). */
export function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** office.js's answer raced against a timeout (office.js already on the page, or not at all). */
export async function detectHost(timeoutMs = 15000): Promise<BootResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<BootResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'preview', reason: 'timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([officeAnswer(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const PREVIEW_REASONS: Record<Exclude<BootResult, { kind: 'office' }>['reason'], string> = {
  'no-office-js': 'Không tải được thư viện Office (máy không có mạng hoặc bị chặn).',
  'not-in-excel': 'Trang này đang mở trong trình duyệt, không phải trong Excel.',
  timeout: 'Office không phản hồi kịp.',
};
