/**
 * Office errors → Vietnamese messages (texts in messages.ts), and the payload-limit test the adapter uses to
 * halve a batch. The watchdog around context.sync is in sync.ts.
 */
import { OFFICE_ERRORS, errorDetail, unknownOfficeError } from './messages';

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

/** The Office error code of an error thrown by context.sync (OfficeExtension.Error has .code). */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}

/**
 * Whether Excel may have refused a batch for its size: the payload-limit codes, or GeneralException — Excel on
 * the web fails an oversized batch as an "internal error" in the user's language, with no location — so that
 * the caller halves the batch and retries (down to one row or operation, then the error stands).
 * anyGeneral: any GeneralException counts (a read, where a retry is harmless).
 */
export function isPayloadLimit(e: unknown, anyGeneral = false): boolean {
  const c = officeCode(e);
  if (c === 'RequestPayloadSizeLimitExceeded' || c === 'ResponsePayloadSizeLimitExceeded') return true;
  return c === 'GeneralException' && (anyGeneral || !errorLocation(e) || /payload/i.test(String((e as Error).message ?? '')));
}

/** Where Office says an error arose (OfficeExtension.Error debugInfo.errorLocation, e.g. "WorksheetCollection.add"). */
export function errorLocation(e: unknown): string | undefined {
  const d = e && typeof e === 'object' ? (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo : undefined;
  return typeof d?.errorLocation === 'string' ? d.errorLocation : undefined;
}

/** Any error → HostError with a Vietnamese message (HostErrors pass through). */
export function toHostError(e: unknown, doing?: string): HostError {
  if (e instanceof HostError) return e;
  const code = officeCode(e) ?? 'Unexpected';
  const base = OFFICE_ERRORS[code] ?? unknownOfficeError(code);
  const detail = code === 'Unexpected' && e instanceof Error && e.message ? errorDetail(e.message) : '';
  return new HostError(code, `${doing ? `${doing}: ` : ''}${base}${detail}`, e);
}
