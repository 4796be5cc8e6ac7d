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
import { type Browser, type Page } from 'playwright-core';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { a1 } from '../../src/core/base/a1';
import { writeSpecsToBuffer } from '../../src/xlsx/writeSpec';
import type { SheetSpec } from '../../src/core/layout/sheetspec';
import sample from '../../samples/soc-trang-2021-2025.plan.json';
import { openPreview, servePane, type ServedPane } from '../helpers/paneServer';
import { zipBomb } from '../helpers/xlsxPackage';
import { PACKAGE } from '../../src/core/base/limits';

jest.setTimeout(300_000);

/**
 * What the pane shows once React has drawn the last click or key: read until it is `want` (at most 5 s; a loaded
 * machine draws late), then asserted.
 */
async function settled(read: () => Promise<string | null>, want: string): Promise<void> {
  const end = Date.now() + 5000;
  while (Date.now() < end && (await read()) !== want) await new Promise((done) => setTimeout(done, 50));
  expect(await read()).toBe(want);
}

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

/** A preview cell's look as the browser draws it. */
function look(page: Page, sheet: string, address: string) {
  return page.locator(`table[data-sheet="${sheet}"] td[data-cell="${address}"]`).evaluate((el) => {
    const cs = getComputedStyle(el);
    return { fontSize: cs.fontSize, fontWeight: cs.fontWeight, border: cs.borderBottomStyle === 'solid' && cs.borderBottomColor === 'rgb(0, 0, 0)' };
  });
}

/** The same cell's look as Excel shows it, from the layout's style (1 pt = 4/3 px). */
function expectedLook(spec: SheetSpec, r: number, c: number) {
  const st = spec.styles[spec.rows[r].cells[c]!.s!];
  const size = st.font?.size ?? spec.defaultFont.size;
  return { fontSize: `${Math.round((size * 4) / 3 * 10) / 10}px`, fontWeight: st.font?.bold ? '700' : '400', border: !!st.border };
}

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
  // only the opened file's sheet is in the preview now, and the banner names the file, not the sample
  await expect(page.locator('[data-sheet-tab]').count()).resolves.toBe(1);
  await expect(page.getByTestId('preview-file-name').textContent()).resolves.toBe('ke-hoach.xlsx');
  await expect(page.getByTestId('preview-banner').textContent()).resolves.not.toMatch(/sổ tính mẫu/);
  // the opened sheet looks as Excel shows it: the header's borders, font size and weight read from the file
  await expect(look(page, spec.name, a1(spec.roles!.header[0], 1))).resolves.toEqual(expectedLook(spec, spec.roles!.header[0], 1));
  await expect(look(page, spec.name, a1(0, 0))).resolves.toEqual(expectedLook(spec, 0, 0));

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
  const { context, page, errors } = await openPreview(pane, { width: 1360, height: 860 });
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
  const { context, page, errors } = await openPreview(pane, { width: 1360, height: 860 });
  const cell = page.locator(`td[data-cell="${a1(row, col)}"]`);
  await cell.click();
  const editor = page.getByTestId('cell-editor');
  await settled(() => editor.inputValue(), String(right));
  await editor.fill(String(right + 1000));
  await editor.press('Enter');
  await settled(() => cell.textContent(), (right + 1000).toLocaleString('vi-VN'));
  await page.getByTestId('run-check').click();
  await page.getByTestId('findings-error').locator(`[data-finding][data-cell$="${row + 1}"]`).first().waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('the formula bar stores Vietnamese figures as numbers (1.234, 4.967,667), other text and "=…" as text', async () => {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const row = spec.roles!.item[0];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  const { context, page, errors } = await openPreview(pane, { width: 1360, height: 860 });
  const cell = page.locator(`table[data-sheet="${spec.name}"] td[data-cell="${a1(row, col)}"]`);
  const editor = page.getByTestId('cell-editor');
  const put = async (text: string) => {
    await cell.click();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  // a number: right-aligned, shown in vi-VN, read back into the formula bar with a decimal comma
  await put('1.234');
  await settled(() => cell.textContent(), '1.234');
  await expect(cell.evaluate((el) => getComputedStyle(el).textAlign)).resolves.toBe('right');
  await put('4.967,667');
  await settled(() => cell.textContent(), '4.968');
  await page.locator(`td[data-cell="A1"]`).click();
  await cell.click();
  await settled(() => editor.inputValue(), '4967,667');
  // Kiểm tra reads the number: the row's total no longer agrees, by exactly the change
  await page.getByTestId('run-check').click();
  await page.getByTestId('findings-error').locator(`[data-finding][data-cell$="${row + 1}"]`).first().waitFor();
  // text stays text, "=…" never becomes a formula
  await put('abc');
  await settled(() => cell.textContent(), 'abc');
  await page.locator('td[data-cell="A1"]').click();
  await cell.click();
  await settled(() => editor.inputValue(), 'abc');
  await put('=1+1');
  await settled(() => cell.textContent(), '=1+1');
  expect(errors).toEqual([]);
  await context.close();
});

test('a zip bomb opened with the picker: one Vietnamese line, the tab stays responsive, the sample stays', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-bomb-'));
  const file = path.join(dir, 'bom.xlsx');
  fs.writeFileSync(file, zipBomb(PACKAGE.maxPartBytes + 1024 * 1024));
  const { context, page, errors } = await openPreview(pane, { width: 350, height: 800 });
  await page.getByTestId('open-xlsx-input').setInputFiles(file);
  const line = page.getByTestId('preview-file-error');
  await line.waitFor({ timeout: 60_000 });
  await expect(line.textContent()).resolves.toMatch(/^Không mở được tệp “bom\.xlsx”: phần "xl\/worksheets\/sheet1\.xml" của tệp giải nén ra hơn 200 MB/);
  await expect(line.evaluate((el) => el.textContent!.split('\n').length)).resolves.toBe(1);
  // still responsive: a click on a tab answers at once, and the sample is still there
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click({ timeout: 5000 });
  await page.getByTestId('generate').waitFor({ timeout: 5000 });
  await expect(page.locator('[data-sheet-tab="Phụ lục 02"]').count()).resolves.toBe(1);
  await expect(page.getByTestId('preview-file-name').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
