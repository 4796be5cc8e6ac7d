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

/** Waits for a context.sync() under the watchdog. */
export type Sync = (pending: Promise<void>) => Promise<void>;

/** A Sync with a time limit of timeoutMs, and the number of syncs it has waited for. */
export function watchSyncs(timeoutMs: number): { sync: Sync; count: () => number } {
  let n = 0;
  const sync: Sync = (pending) => {
    n++;
    return withWatchdog(pending, timeoutMs);
  };
  return { sync, count: () => n };
}
