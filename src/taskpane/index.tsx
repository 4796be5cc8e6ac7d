/**
 * Entry of the task pane. office.js is loaded asynchronously (boot.ts). Inside Excel the pane works on the open
 * workbook through OfficeHost; inside Office before Excel answers it waits (never the sample); anywhere else
 * (a plain browser, or office.js unreachable) it starts in preview mode on the built-in sample workbook, with a
 * banner that says so, and switches to Excel if office.js answers later.
 *
 * URL parameters: ?tab=check|build|input opens a tab; ?action=check runs the check at once (ribbon "Kiểm tra");
 * ?officeTimeout=ms how long to wait for office.js before the preview (default 500) or, inside Office, before
 * saying that Excel is slow (default 10000); preview only: ?inject=G9=1000 types a value into a cell of the active
 * sample sheet (to show a finding).
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, type TabKey } from './components/App';
import { WaitingForExcel } from './components/WaitingForExcel';
import { after, insideOffice, loadOfficeJs, officeAnswer, OFFICE_JS_CDN, PREVIEW_REASONS, type BootResult } from './boot';
import { OfficeHost } from '../office/officeHost';
import { coreEngine } from './coreEngine';
import { samplePreviewHost, applyInjection } from './sampleWorkbook';
import { registerCommands } from './commands';
import { registerFunctions } from '../functions/functions';

/** Set by webpack (DANH_MUC_OFFICE_JS=local: office.js from the add-in's own origin). */
declare const DANH_MUC_OFFICE_JS: string | undefined;
const OFFICE_JS_URL = typeof DANH_MUC_OFFICE_JS === 'string' && DANH_MUC_OFFICE_JS ? DANH_MUC_OFFICE_JS : OFFICE_JS_CDN;

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  const tab = (['check', 'build', 'input'].includes(params.get('tab') ?? '') ? params.get('tab') : 'check') as TabKey;
  const autoCheck = params.get('action') === 'check';
  const inOffice = insideOffice(window.location.search, sessionStore());
  const timeoutParam = parseInt(params.get('officeTimeout') ?? '', 10);
  const waitMs = Number.isFinite(timeoutParam) ? timeoutParam : inOffice ? 10000 : 500;
  const answer: Promise<BootResult> = loadOfficeJs(OFFICE_JS_URL).then(async (loaded): Promise<BootResult> => {
    if (!loaded) return { kind: 'preview', reason: 'no-office-js' };
    // the shared runtime: the ribbon's function commands are associated as soon as office.js runs (Office.actions is
    // part of office.js); CustomFunctions only exists once Office.onReady has loaded Excel's own scripts, so
    // =DANHMUC.BANGCHU is registered after it, and only there (never in a plain browser)
    registerCommands((globalThis as { Office?: Parameters<typeof registerCommands>[0] }).Office);
    const r = await officeAnswer();
    if (r.kind === 'office') registerFunctions();
    return r;
  });
  const root: Root = createRoot(document.getElementById('container')!);
  const renderOffice = () => root.render(<App host={new OfficeHost()} engine={coreEngine} initialTab={tab} autoCheck={autoCheck} />);

  if (inOffice) {
    const retry = () => window.location.reload();
    root.render(<WaitingForExcel slowAfterMs={waitMs} onRetry={retry} />);
    const r = await answer;
    if (r.kind === 'office') renderOffice();
    else root.render(<WaitingForExcel slowAfterMs={waitMs} failure={PREVIEW_REASONS[r.reason]} onRetry={retry} />);
    return;
  }
  const first = await Promise.race([answer, after<BootResult>(waitMs, { kind: 'preview', reason: 'timeout' })]);
  if (first.kind === 'office') {
    renderOffice();
    return;
  }
  const preview = await samplePreviewHost(coreEngine);
  const inject = params.get('inject');
  if (inject) applyInjection(preview, inject);
  root.render(
    <App host={preview} engine={coreEngine} preview={{ host: preview, reason: PREVIEW_REASONS[first.reason] }} initialTab={tab} autoCheck={autoCheck} />,
  );
  // office.js answered late: Excel after all means the officer's workbook, never the sample
  if (first.reason === 'timeout') void answer.then((r) => { if (r.kind === 'office') renderOffice(); });
}

main().catch((e) => {
  const box = document.getElementById('container');
  if (box) box.textContent = `Không khởi động được Danh mục: ${e instanceof Error ? e.message : String(e)}`;
});
