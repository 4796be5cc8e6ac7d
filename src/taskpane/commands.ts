/// <reference types="office-js" />
/**
 * Ribbon commands in the shared runtime: one click means one click. "Kiểm tra" runs `checkActiveSheet`
 * (ExecuteFunction in the manifest): it shows the pane and asks the mounted pane to check the active sheet at once,
 * even when the pane is already open on another tab. A request that arrives before the pane has mounted waits for it.
 */
export type PaneRequest = 'check' | 'build';

let listener: ((r: PaneRequest) => void) | null = null;
let pending: PaneRequest | null = null;

/** Asks the pane to do something; kept until the pane listens when it has not mounted yet. */
export function requestPane(r: PaneRequest): void {
  if (listener) listener(r);
  else pending = r;
}

/** The pane's subscription (App). Delivers a request made before mounting at once. */
export function onPaneRequest(f: (r: PaneRequest) => void): () => void {
  listener = f;
  if (pending) {
    const r = pending;
    pending = null;
    f(r);
  }
  return () => { if (listener === f) listener = null; };
}

type OfficeLike = {
  actions?: { associate?: (name: string, f: (event: { completed: () => void }) => void) => void };
  addin?: { showAsTaskpane?: () => Promise<void> };
};

/** The manifest's ExecuteFunction names (built with DANH_MUC_SHARED_RUNTIME=1) and what each asks of the pane. */
export const COMMANDS: Readonly<Record<string, PaneRequest>> = { checkActiveSheet: 'check', openBuild: 'build' };

/** Associates the manifest's function commands with their handlers (when office.js has Office.actions). */
export function registerCommands(office: OfficeLike | undefined): boolean {
  const associate = office?.actions?.associate;
  if (!associate) return false;
  const command = (r: PaneRequest) => (event: { completed: () => void }) => {
    requestPane(r);
    const shown = office.addin?.showAsTaskpane?.() ?? Promise.resolve();
    // completed() is always called (Excel otherwise keeps the button busy); a pane that cannot be shown is logged
    // (the ribbon is the boundary: there is no pane to tell)
    shown.then(() => event.completed(), (e: unknown) => {
      event.completed();
      console.error('Không mở được ngăn Danh mục:', e);
    });
  };
  for (const [name, request] of Object.entries(COMMANDS)) associate.call(office.actions, name, command(request));
  return true;
}
