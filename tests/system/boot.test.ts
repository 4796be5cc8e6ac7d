/**
 * How the built pane starts when office.js is slow or served locally (real Chromium, production builds served by
 * scripts/serve.js): Microsoft's CDN hanging never keeps the preview from being usable; inside Office (`_host_Info`
 * in the URL) the pane never shows the sample while it waits for Excel; DANH_MUC_OFFICE_JS=local loads office.js
 * from the add-in's own origin and nothing from the internet.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Server } from 'http';
import { chromium, type Browser, type Page } from 'playwright-core';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const { startServer } = require('../../scripts/serve.js') as {
  startServer: (o: object) => Promise<{ server: Server; url: string }>;
};

function build(officeJs: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `pane-${officeJs}-`));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', out], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, DANH_MUC_URL: '', DANH_MUC_OFFICE_JS: officeJs },
  });
  return out;
}

let browser: Browser;
const servers: Server[] = [];
const dirs: string[] = [];

async function serve(dir: string): Promise<string> {
  const { server, url } = await startServer({ root: dir, port: 0, host: '127.0.0.1', useHttps: false, quiet: true });
  servers.push(server);
  return url;
}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A page whose requests to anything but `base` are recorded; the office.js CDN hangs (never answers). */
async function hangingCdnPage(base: string): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    foreign.push(url);
    if (url === OFFICE_JS) return new Promise<void>(() => undefined); // Microsoft's server hangs
    return route.abort('internetdisconnected');
  });
  return { page, foreign, errors };
}

describe('office.js from the CDN (default build)', () => {
  let base: string;
  beforeAll(async () => {
    const dir = build('cdn');
    dirs.push(dir);
    base = await serve(dir);
    const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    // no blocking <script src=office.js> any more: the bundle loads it asynchronously
    expect(html).not.toContain('office.js');
    expect(fs.existsSync(path.join(dir, 'office-js'))).toBe(false);
  });

  test('outside Office, the preview is usable within 3 s while the CDN hangs', async () => {
    const { page, foreign, errors } = await hangingCdnPage(base);
    const t0 = Date.now();
    await page.goto(`${base}taskpane.html`, { waitUntil: 'commit' });
    const button = page.getByTestId('run-check');
    await button.waitFor({ timeout: 3000 });
    await expect(button.isEnabled()).resolves.toBe(true);
    const ms = Date.now() - t0;
    console.log(`time to an enabled "Kiểm tra" with office.js hanging: ${ms} ms`);
    expect(ms).toBeLessThan(3000);
    await page.getByTestId('preview-banner').waitFor();
    await expect(page.getByTestId('preview-banner').textContent()).resolves.toMatch(/Office không phản hồi kịp/);
    // and it works: the sample checks clean
    await button.click();
    await page.getByTestId('check-summary').waitFor();
    expect(foreign).toEqual([OFFICE_JS]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('inside Office (_host_Info) with office.js never loading: no sample, "Thử lại" within 20 s, still waiting', async () => {
    const { page, errors } = await hangingCdnPage(base);
    await page.goto(`${base}taskpane.html?action=check&_host_Info=Excel$Win32$16.01$vi-VN$$$$0`, { waitUntil: 'commit' });
    const retry = page.getByRole('button', { name: 'Thử lại' });
    await retry.waitFor({ timeout: 20_000 });
    await expect(page.getByText('Đang chờ Excel…').count()).resolves.toBe(1);
    // well past the preview's wait: still no sample workbook, no preview banner, no check
    await page.waitForTimeout(2500);
    await expect(page.locator('table[data-sheet]').count()).resolves.toBe(0);
    await expect(page.getByTestId('preview-banner').count()).resolves.toBe(0);
    await expect(page.getByTestId('check-summary').count()).resolves.toBe(0);
    await expect(page.getByText(/Phụ lục 02|Sóc Trăng/).count()).resolves.toBe(0);
    // a reload inside the pane may drop the parameter: the session remembers it is inside Office
    await page.goto(`${base}taskpane.html`, { waitUntil: 'commit' });
    await retry.waitFor({ timeout: 20_000 });
    await expect(page.locator('table[data-sheet]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('ribbon "Kiểm tra" (function command, fake Office.actions): the open pane, on another tab, checks at once', async () => {
    const { page, errors } = await hangingCdnPage(base);
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const handlers: Record<string, (e: { completed: () => void }) => void> = {};
      w.__handlers = handlers;
      w.__shown = 0;
      w.Office = {
        onReady: async () => ({ host: null, platform: null }),
        HostType: { Excel: 'Excel' },
        actions: { associate: (name: string, f: (e: { completed: () => void }) => void) => { handlers[name] = f; } },
        addin: { showAsTaskpane: async () => { w.__shown = (w.__shown as number) + 1; } },
      };
    });
    await page.goto(`${base}taskpane.html`);
    await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
    await page.getByTestId('generate').waitFor();
    await expect(page.getByTestId('check-summary').count()).resolves.toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as { __handlers: Record<string, (e: { completed: () => void }) => void>; __completed?: number };
      w.__handlers.checkActiveSheet({ completed: () => { w.__completed = 1; } });
    });
    await page.getByTestId('check-summary').waitFor({ timeout: 10_000 });
    await expect(page.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => (window as unknown as { __shown: number }).__shown)).resolves.toBe(1);
    await expect(page.evaluate(() => (window as unknown as { __completed?: number }).__completed)).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('DANH_MUC_OFFICE_JS=local', () => {
  test('the built page loads office.js from the add-in\'s own origin, nothing from the internet', async () => {
    const dir = build('local');
    dirs.push(dir);
    expect(fs.existsSync(path.join(dir, 'office-js', 'office.js'))).toBe(true);
    const base = await serve(dir);
    const { page, foreign, errors } = await hangingCdnPage(base);
    const officeJs: string[] = [];
    page.on('requestfinished', (r) => { if (/office\.js$/.test(r.url())) officeJs.push(r.url()); });
    await page.goto(`${base}taskpane.html`);
    await page.getByTestId('preview-banner').waitFor();
    // office.js loaded and answered: a plain browser, not Excel
    await expect(page.getByTestId('preview-banner').textContent()).resolves.toMatch(/không phải trong Excel/);
    expect(officeJs).toEqual([`${base}office-js/office.js`]);
    await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe('object');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
