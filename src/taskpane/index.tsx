/**
 * Entry of the task pane. Inside Excel the pane works on the open workbook through OfficeHost; anywhere else
 * (office.js could not load, or the page is open in a plain browser) it starts in preview mode on the built-in
 * sample workbook, with a banner that says so.
 *
 * URL parameters: ?tab=check|build|input opens a tab; ?action=check runs the check at once (ribbon "Kiểm tra");
 * preview only: ?inject=G9=1000 types a value into a cell of the active sample sheet (to show a finding).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App, type TabKey } from './components/App';
import { detectHost, PREVIEW_REASONS } from './boot';
import { OfficeHost } from '../office/officeHost';
import { coreEngine } from './coreEngine';
import { samplePreviewHost, applyInjection } from './sampleWorkbook';

async function main() {
  const params = new URLSearchParams(window.location.search);
  const tab = (['check', 'build', 'input'].includes(params.get('tab') ?? '') ? params.get('tab') : 'check') as TabKey;
  const autoCheck = params.get('action') === 'check';
  // onReady normally answers at once (in Excel, or with no host in a plain browser); the timeout only guards a hang
  const boot = await detectHost(parseInt(params.get('officeTimeout') ?? '15000', 10));
  const container = document.getElementById('container')!;
  const root = createRoot(container);
  if (boot.kind === 'office') {
    root.render(<App host={new OfficeHost()} engine={coreEngine} initialTab={tab} autoCheck={autoCheck} />);
    return;
  }
  const preview = await samplePreviewHost(coreEngine);
  const inject = params.get('inject');
  if (inject) applyInjection(preview, inject);
  root.render(
    <App host={preview} engine={coreEngine} preview={{ host: preview, reason: PREVIEW_REASONS[boot.reason] }} initialTab={tab} autoCheck={autoCheck} />,
  );
}

main().catch((e) => {
  const box = document.getElementById('container');
  if (box) box.textContent = `Không khởi động được Danh mục: ${e instanceof Error ? e.message : String(e)}`;
});
