/**
 * The pane as the add-in's shared runtime, in real Chromium (production build, office.js from the CDN blocked):
 * the functions code loaded in the preview breaks nothing; functions.js registers =DANHMUC.BANGCHU where Excel's
 * CustomFunctions exists; the ribbon's "Kiểm tra" (an Office.actions handler in the same page) switches an open
 * pane to Kiểm tra and checks at once. Office.actions is a stand-in here: Excel itself cannot run in this test.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { servePane, type ServedPane } from '../helpers/paneServer';

jest.setTimeout(300_000);

let pane: ServedPane;

beforeAll(async () => {
  pane = await servePane('pane-runtime-dist', 'production');
});

afterAll(async () => {
  await pane?.close();
});

/** A page on the local server only (office.js from the CDN refused), with page errors collected. */
async function open(init?: () => void): Promise<{ page: Page; errors: string[] }> {
  const context = await pane.browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(pane.base) ? route.continue() : route.abort('internetdisconnected')));
  if (init) await page.addInitScript(init);
  return { page, errors };
}

test('the build: functions.json is Microsoft\'s metadata of the JSDoc; functions.js stands alone', async () => {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
    generateCustomFunctionsMetadata: (f: string[], log?: boolean) => Promise<{ metadataJson: string }>;
  };
  const built = JSON.parse(fs.readFileSync(path.join(pane.dist, 'functions.json'), 'utf8'));
  const generated = await generateCustomFunctionsMetadata([path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts')], false);
  expect(built).toEqual(JSON.parse(generated.metadataJson));
  expect(built.functions.map((f: { id: string }) => f.id)).toEqual(['BANGCHU']);
  const html = fs.readFileSync(path.join(pane.dist, 'taskpane.html'), 'utf8');
  expect(html).not.toContain('functions.js'); // the pane registers the function itself, in its own bundle
  // the functions' own page (no shared runtime): Microsoft's custom-functions runtime first, then functions.js
  const page = fs.readFileSync(path.join(pane.dist, 'functions.html'), 'utf8');
  const runtime = page.search(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/custom-functions-runtime\.js/);
  expect(runtime).toBeGreaterThan(page.search(/http-equiv="?Content-Security-Policy/));
  expect(page.search(/src="?functions\.js/)).toBeGreaterThan(runtime);
  expect(page).not.toMatch(/taskpane\.[0-9a-f]+\.js/);
});

test('preview with the functions code loaded: the pane works, functions.js registers nothing, no error', async () => {
  const { page, errors } = await open();
  await page.goto(`${pane.base}taskpane.html`);
  await page.getByTestId('preview-banner').waitFor();
  await page.addScriptTag({ url: 'functions.js' });
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').waitFor();
  await expect(page.evaluate(() => typeof (window as { CustomFunctions?: unknown }).CustomFunctions)).resolves.toBe('undefined');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('functions.js in a runtime with CustomFunctions: BANGCHU is registered, answers words or #VALUE! with a message', async () => {
  const { page, errors } = await open(() => {
    const w = window as unknown as Record<string, unknown>;
    const registered: Record<string, unknown> = {};
    w.registered = registered;
    w.CustomFunctions = {
      associate: (id: string, f: unknown) => { registered[id] = f; },
      Error: class extends Error { constructor(readonly code: string, message?: string) { super(message); } },
      ErrorCode: { invalidValue: '#VALUE!' },
    };
  });
  // a page that loads functions.js alone, as Excel's custom-functions runtime does (no pane, no office.js)
  await page.route(`${pane.base}runtime.html`, (route) => route.fulfill({
    contentType: 'text/html', body: '<!DOCTYPE html><html><head><script src="functions.js"></script></head><body></body></html>',
  }));
  await page.goto(`${pane.base}runtime.html`);
  const out = await page.evaluate(() => {
    const f = (window as unknown as { registered: Record<string, (...a: unknown[]) => string> }).registered;
    const error = (g: () => unknown) => { try { g(); return null; } catch (e) { return [(e as { code: string }).code, (e as Error).message]; } };
    return {
      ids: Object.keys(f),
      words: f.BANGCHU(441115, 'triệu đồng'),
      bad: error(() => f.BANGCHU('abc')),
      unit: error(() => f.BANGCHU(1, 'USD')),
    };
  });
  expect(out.ids).toEqual(['BANGCHU']);
  expect(out.words).toBe('Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  expect(out.bad?.[0]).toBe('#VALUE!');
  expect(out.bad?.[1]).toMatch(/không đọc được số tiền "abc"/);
  expect(out.unit?.[1]).toMatch(/đơn vị "USD"/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('one click: the ribbon\'s "Kiểm tra" switches the open pane to Kiểm tra and checks at once; each click checks again', async () => {
  // Office as the shared runtime gives it to the page: Office.actions and Office.addin (not in Excel: preview)
  const { page, errors } = await open(() => {
    const w = window as unknown as Record<string, unknown>;
    const actions: Record<string, unknown> = {};
    w.ribbon = { actions, shown: 0, completed: 0 };
    w.Office = {
      actions: { associate: (name: string, f: unknown) => { actions[name] = f; } },
      addin: { showAsTaskpane: () => { (w.ribbon as { shown: number }).shown++; return Promise.resolve(); } },
      onReady: () => Promise.resolve({ host: null, platform: null }),
      HostType: { Excel: 'Excel' },
    };
  });
  const click = (name: string) => page.evaluate((n) => new Promise<void>((resolve) => {
    const r = (window as unknown as { ribbon: { actions: Record<string, (e: { completed: () => void }) => void>; completed: number } }).ribbon;
    r.actions[n]({ completed: () => { r.completed++; resolve(); } });
  }), name);
  await page.goto(`${pane.base}taskpane.html`);
  await page.getByTestId('preview-banner').waitFor();
  // the officer is on another tab
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await expect(page.getByRole('tab', { name: 'Tạo phụ lục' }).getAttribute('aria-selected')).resolves.toBe('true');
  await click('checkActiveSheet');
  await expect(page.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).resolves.toBe('true');
  const summary = await page.getByTestId('check-summary').elementHandle({ timeout: 60_000 });
  await expect(page.getByTestId('check-summary').textContent()).resolves.toMatch(/441\.115/);
  // a second click on the pane already showing results: a new check (the old results are replaced)
  await click('checkActiveSheet');
  await page.waitForFunction((el) => !el!.isConnected, summary);
  await page.getByTestId('check-summary').waitFor();
  // "Tạo phụ lục" on the ribbon opens its tab
  await click('openBuild');
  await expect(page.getByRole('tab', { name: 'Tạo phụ lục' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(page.evaluate(() => (window as unknown as { ribbon: { shown: number; completed: number } }).ribbon))
    .resolves.toMatchObject({ shown: 3, completed: 3 });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('in Excel the pane registers BANGCHU once Office.onReady has answered (CustomFunctions only exists from then on)', async () => {
  // as in Excel: office.js is there at once, Excel's own scripts (and CustomFunctions) arrive before onReady resolves
  const { page } = await open(() => {
    const w = window as unknown as Record<string, unknown>;
    const registered: string[] = [];
    w.registered = registered;
    w.Office = {
      onReady: () => new Promise((resolve) => setTimeout(() => {
        w.CustomFunctions = {
          associate: (id: string) => { registered.push(id); },
          Error: Error,
          ErrorCode: { invalidValue: '#VALUE!' },
        };
        resolve({ host: 'Excel', platform: 'PC' });
      }, 300)),
      HostType: { Excel: 'Excel' },
    };
  });
  await page.goto(`${pane.base}taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
  await page.waitForFunction(() => (window as unknown as { registered: string[] }).registered.length > 0);
  await expect(page.evaluate(() => (window as unknown as { registered: string[] }).registered)).resolves.toEqual(['BANGCHU']);
  await page.context().close();
});
