/**
 * The task pane in real Chromium (Debian's /usr/bin/chromium driven by playwright-core; no browser download):
 * the production build served by scripts/serve.js, office.js from the CDN blocked (as on an offline machine),
 * so the pane starts in preview mode on the sample workbook. Every request is recorded: only the local server
 * may be reached. Screenshots go to test-output/pane-*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { type Browser, type Page } from 'playwright-core';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { a1 } from '../../src/core/base/a1';
import sample from '../../samples/soc-trang-2021-2025.plan.json';
import { servePane, type ServedPane } from '../helpers/paneServer';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
let DIST = '';
const OUT = path.join(ROOT, 'test-output');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const { CSP } = require('../../scripts/serve.js') as { CSP: string };

let pane: ServedPane;
let base: string;
let browser: Browser;
const requests: string[] = [];
const blocked: string[] = [];

beforeAll(async () => {
  pane = await servePane('pane-dist', 'production');
  ({ base, browser } = pane);
  DIST = pane.dist;
  fs.mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await pane?.close();
});

async function openPane(query = '', viewport = { width: 1360, height: 860 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(base)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  await page.goto(`${base}taskpane.html${query}`);
  return { page, errors };
}

/** The address of the first item's first year amount in the sample appendix, and its value. */
function firstItemAmount() {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const row = spec.roles!.item[0];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  const cell = spec.rows[row].cells[col] as { v: string };
  return { address: a1(row, col), row, col, value: Number(cell.v) };
}

test('the build: CSP meta tag, office.js from the CDN (loaded by the bundle), a bundle under 250 kB gzip', () => {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  // CSP first in <head>, then office.js from the CDN, before the bundle
  const csp = html.search(/http-equiv="?Content-Security-Policy/);
  // office.js is no blocking <script> any more: the bundle loads it asynchronously (src/taskpane/boot.ts)
  expect(html).not.toContain(OFFICE_JS);
  const bundle = html.search(/src="?taskpane\.[0-9a-f]+\.js/);
  expect(csp).toBeGreaterThan(0);
  expect(bundle).toBeGreaterThan(csp);
  const bundleFile = /src="?(taskpane\.[0-9a-f]+\.js)/.exec(html)![1];
  expect(fs.readFileSync(path.join(DIST, bundleFile), 'utf8')).toContain(OFFICE_JS);
  expect(CSP).toMatch(/default-src 'self'/);
  expect(CSP).not.toMatch(/unsafe-eval/);
  expect(fs.existsSync(path.join(DIST, 'manifest.xml'))).toBe(true);
  const js = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith('http'));
  expect(js.length).toBeGreaterThan(0);
  const gz = js.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
  expect(gz).toBeLessThanOrEqual(250 * 1024);
  expect(fs.existsSync(path.join(DIST, 'assets', 'check-80.png'))).toBe(true);
  // the help page carries its own policy too: it loads and runs nothing
  const help = fs.readFileSync(path.join(DIST, 'help.html'), 'utf8');
  expect(help).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'none';/);
  expect(help).not.toMatch(/<script/);
});

test('outside Office the pane starts in preview mode with a banner, on the sample workbook', async () => {
  const { page, errors } = await openPane();
  await page.getByTestId('preview-banner').waitFor();
  await expect(page.getByTestId('preview-banner').textContent()).resolves.toMatch(/Chế độ xem thử/);
  await page.locator('table[data-sheet="Phụ lục 02"]').waitFor();
  await expect(page.locator('td', { hasText: 'Tổng cộng' }).count()).resolves.toBeGreaterThan(0);
  const resp = await page.request.get(`${base}taskpane.html`);
  expect(resp.headers()['content-security-policy']).toBe(CSP);
  await page.screenshot({ path: path.join(OUT, 'pane-preview.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Kiểm tra finds an injected error; clicking the finding selects its cell in the preview grid', async () => {
  const target = firstItemAmount();
  const { page, errors } = await openPane(`?inject=${target.address}=${target.value + 1000}`);
  await expect(page.locator(`td[data-cell="${target.address}"]`).textContent()).resolves.toBe(
    (target.value + 1000).toLocaleString('vi-VN'));
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').waitFor();
  const errorsSection = page.getByTestId('findings-error');
  await errorsSection.waitFor();
  const rows = errorsSection.locator('[data-finding]');
  expect(await rows.count()).toBeGreaterThan(0);
  // the finding on the injected row
  const onRow = errorsSection.locator(`[data-finding][data-cell$="${target.row + 1}"]`);
  expect(await onRow.count()).toBeGreaterThan(0);
  const finding = onRow.first();
  const cell = await finding.getAttribute('data-cell');
  await page.screenshot({ path: path.join(OUT, 'pane-check.png') });
  await finding.click();
  const selected = page.locator(`td[data-cell="${cell}"][aria-selected="true"]`);
  await selected.waitFor();
  await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(1);
  // the severity filter "Lỗi" hides warnings
  await page.getByRole('combobox', { name: 'Mức độ' }).click();
  await page.getByRole('option', { name: /^Lỗi \(\d+\)$/ }).click();
  await expect(page.getByTestId('findings-warning').count()).resolves.toBe(0);
  await page.screenshot({ path: path.join(OUT, 'pane-check-selected.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('sheet text is shown as text, never as HTML (a name carrying markup)', async () => {
  const target = firstItemAmount();
  const evil = '<img src=x onerror="window.__pwned=1"><b>Trường</b>';
  const nameCell = a1(target.row, 1);
  const { page, errors } = await openPane(`?inject=${encodeURIComponent(`${nameCell}=${evil};${target.address}=${target.value + 1}`)}`);
  await page.getByTestId('run-check').click();
  await page.getByTestId('findings-error').waitFor();
  await expect(page.locator(`td[data-cell="${nameCell}"]`).textContent()).resolves.toBe(evil);
  await expect(page.locator('td img, [data-testid="findings-error"] img, [data-testid="findings-error"] b:text("Trường")').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  await expect(page.getByTestId('findings-error').textContent()).resolves.toContain('<img');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('no innerHTML or dangerouslySetInnerHTML in the pane or the adapter', () => {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  const src = [...files(path.join(ROOT, 'src', 'taskpane')), ...files(path.join(ROOT, 'src', 'office'))].filter((f) => /\.tsx?$/.test(f));
  expect(src.length).toBeGreaterThan(10);
  for (const f of src) expect({ f, bad: /innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(fs.readFileSync(f, 'utf8')) }).toEqual({ f, bad: false });
});

test('the untouched sample checks clean of errors', async () => {
  const { page } = await openPane('?action=check');
  await page.getByTestId('check-summary').waitFor();
  await expect(page.getByTestId('findings-error').count()).resolves.toBe(0);
  await expect(page.getByTestId('check-summary').textContent()).resolves.toMatch(/441\.115/);
  await page.context().close();
});

test('Tạo phụ lục writes a new sheet next to the existing one and opens it', async () => {
  const { page, errors } = await openPane('?tab=build');
  await page.getByTestId('generate').click();
  await page.getByTestId('build-done').waitFor();
  await expect(page.getByTestId('build-done').textContent()).resolves.toMatch(/Phụ lục 02 \(2\)/);
  const tab = page.locator('[data-sheet-tab="Phụ lục 02 (2)"]');
  await expect(tab.getAttribute('aria-current')).resolves.toBe('page');
  await expect(page.locator('[data-sheet-tab="Phụ lục 02"]').count()).resolves.toBe(1);
  await page.locator('table[data-sheet="Phụ lục 02 (2)"]').waitFor();
  await page.getByTestId('build-done').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'pane-build.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Nhập liệu creates the input sheet; an empty one is explained on Tạo phụ lục', async () => {
  const { page, errors } = await openPane('?tab=input');
  await page.getByRole('button', { name: 'Tạo trang Nhập liệu' }).click();
  await page.locator('[data-sheet-tab="Nhập liệu"][aria-current="page"]').waitFor();
  await page.locator('td', { hasText: 'NHẬP LIỆU DANH MỤC DỰ ÁN, NHIỆM VỤ' }).waitFor();
  // shown once, and announced by the live region
  await expect(page.getByTestId('input-outcome').getByText(/Đã tạo trang “Nhập liệu”/).count()).resolves.toBe(1);
  await expect(page.getByTestId('live').textContent()).resolves.toMatch(/^Đã tạo trang “Nhập liệu”/);
  await page.screenshot({ path: path.join(OUT, 'pane-input.png') });
  await page.getByRole('button', { name: 'Đánh lại số TT' }).click();
  await page.getByText(/chưa có dự án nào/).first().waitFor();
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await page.getByText('Trang nhập liệu chưa dùng được').waitFor();
  await expect(page.getByRole('radio', { name: /Dữ liệu mẫu/ }).isChecked()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('in a window as narrow as Excel\'s task pane, nothing is cut off', async () => {
  const target = firstItemAmount();
  const { page, errors } = await openPane(`?action=check&inject=${target.address}=${target.value + 1000}`, { width: 360, height: 900 });
  await page.getByTestId('findings-error').waitFor();
  // no horizontal overflow in the pane: every element fits its width
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('main')!;
    return pane.scrollWidth - pane.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(OUT, 'pane-narrow.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('no request left the local server except the blocked office.js', () => {
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => !u.startsWith(base));
  expect([...new Set(foreign)]).toEqual([OFFICE_JS]);
  expect([...new Set(blocked)]).toEqual([OFFICE_JS]);
});
