/**
 * Round trips to Excel, counted and watched: the adapter writes every sync as `await sync(context.sync())`, so
 * that a sync that never returns ends with a SyncTimeout HostError instead of a pane that waits forever. The
 * literal `context.sync()` at each call site is also what Microsoft's office-addins lint rules recognise as a sync.
 */
import { HostError } from './errors';
import { OFFICE_ERRORS } from './messages';

export const DEFAULT_SYNC_TIMEOUT_MS = 120_000;

/** Resolves like p, or rejects with a SyncTimeout HostError when p does not settle within ms. */
export function withWatchdog<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError('SyncTimeout', OFFICE_ERRORS.SyncTimeout)), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); },
    );
  });
}

/**
 * A watchdog over a whole Excel.run: it rejects with SyncTimeout when nothing has happened for ms — Excel.run
 * not starting the batch (waiting for a cell edit to end), or its own final sync after the batch function
 * returned never settling. touch() marks activity (each sync of the batch does); stop() ends it.
 */
export function idleWatchdog(ms: number): { expired: Promise<never>; touch: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fail: (e: Error) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => { fail = reject; });
  const touch = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fail(new HostError('SyncTimeout', OFFICE_ERRORS.SyncTimeout)), ms);
  };
  touch();
  return { expired, touch, stop: () => { if (timer) clearTimeout(timer); } };
}

/** Waits for a context.sync() under the watchdog. */
export type Sync = (pending: Promise<void>) => Promise<void>;

/** A Sync with a time limit of timeoutMs, and the number of syncs it has waited for. */
export function watchSyncs(timeoutMs: number, onActivity?: () => void): { sync: Sync; count: () => number } {
  let n = 0;
  const sync: Sync = (pending) => {
    n++;
    onActivity?.();
    return withWatchdog(pending, timeoutMs).finally(() => onActivity?.());
  };
  return { sync, count: () => n };
}
