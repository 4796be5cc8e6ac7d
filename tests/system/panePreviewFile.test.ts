/**
 * The preview as a tool without Excel, in real Chromium (production build, office.js blocked as offline): an .xlsx
 * with one wrong amount is opened with the file picker, "Kiểm tra" finds the error at its cell, the appendix is
 * built in the preview and downloaded as .xlsx, and the downloaded file is read back with exceljs. The xlsx code
 * is a separate chunk, fetched only when a file is opened.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { type Browser } from 'playwright-core';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { a1 } from '../../src/core/base/a1';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import sample from '../../samples/soc-trang-2021-2025.plan.json';
import { servePane, type ServedPane } from '../helpers/paneServer';

jest.setTimeout(300_000);


let pane: ServedPane;
let base: string;
let browser: Browser;

beforeAll(async () => {
  pane = await servePane('pane-preview-dist', 'production');
  ({ base, browser } = pane);
});

afterAll(async () => {
  await pane?.close();
});

/** The grand total row's first amount: its address and value. */
function grandTotal(spec: SheetSpec) {
  const row = spec.rows.findIndex((r) => r.cells.some((c) => c?.t === 'text' && /^Tổng cộng/i.test(String(c.v))));
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num' || c?.t === 'formula');
  return { row, col };
}

test('open an .xlsx with the picker, check it, build and download the appendix as .xlsx', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const row = spec.roles!.item[0];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  const right = Number((spec.rows[row].cells[col] as { v: string }).v);
  const wrong = structuredClone(spec);
  (wrong.rows[row].cells[col] as { v: string }).v = String(right + 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-file-'));
  const file = path.join(dir, 'ke-hoach.xlsx');
  fs.writeFileSync(file, await writeSpecsToBuffer([wrong]));

  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/.test(m.text())) errors.push(m.text()); });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.endsWith('.js')) scripts.push(url);
    return url.startsWith(base) ? route.continue() : route.abort('internetdisconnected');
  });
  await page.goto(`${base}taskpane.html`);
  await page.locator('table[data-sheet="Phụ lục 02"]').waitFor();
  // the xlsx chunk is not loaded at start
  expect(scripts.filter((u) => /xlsx/.test(u))).toEqual([]);
  await page.getByTestId('open-xlsx-input').setInputFiles(file);
  const address = a1(row, col);
  await page.locator(`table[data-sheet="${spec.name}"] td[data-cell="${address}"]`, { hasText: (right + 1000).toLocaleString('vi-VN') }).waitFor();
  expect(scripts.filter((u) => /xlsx/.test(u)).length).toBeGreaterThan(0);
  // only the opened file's sheet is in the preview now
  await expect(page.locator('[data-sheet-tab]').count()).resolves.toBe(1);

  await page.getByTestId('run-check').click();
  const errorsSection = page.getByTestId('findings-error');
  await errorsSection.waitFor();
  await expect(errorsSection.locator(`[data-finding][data-cell$="${row + 1}"]`).count()).resolves.toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await page.getByTestId('generate').click();
  await page.getByTestId('build-done').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  const out = path.join(dir, 'out.xlsx');
  await download.saveAs(out);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([spec.name, `${spec.name} (2)`]);
  const total = grandTotal(spec);
  const cell = spec.rows[total.row].cells[total.col] as { v?: string; result?: string };
  const expected = Number(cell.v ?? cell.result);
  expect(expected).toBeGreaterThan(0);
  const built = wb.getWorksheet(`${spec.name} (2)`)!.getCell(total.row + 1, total.col + 1).value as number | { result: number };
  const value = typeof built === 'number' ? built : built.result;
  expect(value).toBe(expected);
  // the opened sheet keeps its wrong amount: checking never changed it
  expect(wb.getWorksheet(spec.name)!.getCell(row + 1, col + 1).value).toBe(right + 1000);
  expect(errors).toEqual([]);
  await context.close();
});

test('a file dropped on the preview opens; a file that is no .xlsx is refused with a message', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const bytes = (await writeSpecsToBuffer([{ ...spec, name: 'Thả vào' }])).toString('base64');
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(`${base}taskpane.html`);
  await page.locator('table[data-sheet="Phụ lục 02"]').waitFor();
  const drop = async (name: string, b64: string) => {
    const dt = await page.evaluateHandle(({ name, b64 }) => {
      const d = new DataTransfer();
      d.items.add(new File([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], name));
      return d;
    }, { name, b64 });
    await page.getByTestId('preview-drop').dispatchEvent('drop', { dataTransfer: dt });
  };
  await drop('ghi-chu.txt', Buffer.from('không phải bảng tính').toString('base64'));
  await expect(page.getByTestId('preview-file-error').textContent()).resolves.toMatch(/Không mở được tệp “ghi-chu\.txt”: Tệp không phải bảng tính \.xlsx/);
  await expect(page.locator('[data-sheet-tab="Phụ lục 02"]').count()).resolves.toBe(1);
  await drop('ke-hoach.xlsx', bytes);
  await page.locator('table[data-sheet="Thả vào"]').waitFor();
  await expect(page.getByTestId('preview-file-error').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a cell edited in the preview grid (click, type in the formula bar, Enter) is what Kiểm tra reads', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const row = spec.roles!.item[0];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  const right = Number((spec.rows[row].cells[col] as { v: string }).v);
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(`${base}taskpane.html`);
  const cell = page.locator(`td[data-cell="${a1(row, col)}"]`);
  await cell.click();
  const editor = page.getByTestId('cell-editor');
  await expect(editor.inputValue()).resolves.toBe(String(right));
  await editor.fill(String(right + 1000));
  await editor.press('Enter');
  await expect(cell.textContent()).resolves.toBe((right + 1000).toLocaleString('vi-VN'));
  await page.getByTestId('run-check').click();
  await page.getByTestId('findings-error').locator(`[data-finding][data-cell$="${row + 1}"]`).first().waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
