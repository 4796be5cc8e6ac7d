/**
 * The pane as an officer uses it, in real Chromium at Excel's pane size (350 × 800), with real mouse clicks and keys:
 * the dropdowns of "Tạo phụ lục" (the popup layer once covered the pane), units that convert, the annual preset on a
 * plan without annual amounts, review like Excel's Error Checking (Vietnamese titles, Trước / Sau, Bỏ qua, help,
 * filters, one Tab stop), focus and announcements after every action, and axe-core in every tab and state (0 serious
 * or critical). A development build served by scripts/serve.js; office.js blocked, so the pane runs in preview mode.
 * Screenshots: test-output/pane-ui-*.png (the ones under docs/images are copies).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { layoutPlan } from '../../src/core/layout/layout';
import { planFromJsonData } from '../../src/app/planJson';
import { a1 } from '../../src/core/base/a1';
import sample from '../../samples/soc-trang-2021-2025.plan.json';
import { servePane, type ServedPane } from '../helpers/paneServer';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let pane: ServedPane;
let base: string;
let browser: Browser;

beforeAll(async () => {
  pane = await servePane('pane-ui-dist', 'development');
  ({ base, browser } = pane);
});

afterAll(async () => {
  await pane?.close();
});

async function openPane(query = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(`${base}taskpane.html${query}`);
  await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
  return { page, errors };
}

/** axe-core on the page as it is: no serious or critical violation. */
async function axeClean(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const bad = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact?: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  expect({ state, bad }).toEqual({ state, bad: [] });
}

/** A click at the middle of the element reaches it (nothing covers the pane). */
async function reachable(l: Locator): Promise<boolean> {
  await l.scrollIntoViewIfNeeded();
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });
}

/** The element holds the focus (or something inside it does), and is wholly inside the pane's visible area. */
async function focusedAndShown(l: Locator): Promise<{ focused: boolean; shown: boolean }> {
  return l.evaluate((el) => {
    const pane = document.querySelector('main')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const a = document.activeElement;
    // the focus is on the element, inside it, or on the result block around it (tabindex -1)
    const around = !!a && a.contains(el) && a.getAttribute('tabindex') === '-1';
    return { focused: !!a && (a === el || el.contains(a) || around), shown: r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1 };
  });
}

function itemAmount(k: number) {
  const spec = layoutPlan(planFromJsonData(sample), { words: true });
  const row = spec.roles!.item[k];
  const col = spec.rows[row].cells.findIndex((c) => c?.t === 'num');
  return { address: a1(row, col), row, col, value: Number((spec.rows[row].cells[col] as { v: string }).v) };
}

test('both dropdowns of Tạo phụ lục, by mouse and by keyboard: the pane stays usable; tỷ đồng converts', async () => {
  const { page, errors } = await openPane('?tab=build');
  const generate = page.getByTestId('generate');
  await generate.waitFor();
  await axeClean(page, 'build tab');
  // the unit by mouse
  const unit = page.getByRole('combobox', { name: /Đơn vị tính/ });
  await unit.click();
  await page.getByRole('option', { name: 'tỷ đồng' }).waitFor();
  await axeClean(page, 'unit dropdown open');
  await page.getByRole('option', { name: 'tỷ đồng' }).click();
  await expect(unit.textContent()).resolves.toContain('tỷ đồng');
  await expect(reachable(generate)).resolves.toBe(true);
  // the preset by keyboard: open, two down, Enter
  const preset = page.getByRole('combobox', { name: /Mẫu trình bày/ });
  await preset.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await axeClean(page, 'preset dropdown open by keyboard');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(preset.textContent()).resolves.toMatch(/^Danh sách/);
  await expect(reachable(generate)).resolves.toBe(true);
  // and back to Trung hạn by keyboard
  await preset.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(preset.textContent()).resolves.toMatch(/^Trung hạn/);
  await expect(reachable(generate)).resolves.toBe(true);
  await generate.click();
  const done = page.getByTestId('build-done');
  await done.waitFor();
  // focus on the result, in view, announced
  await expect(focusedAndShown(done)).resolves.toEqual({ focused: true, shown: true });
  await expect(page.getByTestId('live').textContent()).resolves.toBe('Đã tạo trang “Phụ lục 02 (2)”.');
  // the new sheet holds the amounts converted: 441.115 triệu đồng = 441,115 tỷ đồng
  const sheet = page.locator('table[data-sheet="Phụ lục 02 (2)"]');
  await sheet.waitFor();
  await expect(sheet.locator('td', { hasText: /^441,115$/ }).count()).resolves.toBeGreaterThan(0);
  await expect(sheet.locator('td', { hasText: 'ĐVT: Tỷ đồng' }).count()).resolves.toBe(1);
  await expect(sheet.locator('td', { hasText: /Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng/ }).count()).resolves.toBe(1);
  await page.screenshot({ path: path.join(OUT, 'pane-ui-build.png') });
  await axeClean(page, 'after build');
  // still usable: the check of the new sheet agrees
  const checkTab = page.getByRole('tab', { name: 'Kiểm tra' });
  await expect(reachable(checkTab)).resolves.toBe(true);
  await checkTab.click();
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').waitFor();
  await expect(page.getByTestId('check-summary').textContent()).resolves.toMatch(/441,115 tỷ đồng/);
  // its words read 441,115 tỷ: once "441.115" was read as Vietnamese figures, "Bốn trăm bốn mươi mốt nghìn ... tỷ"
  await expect(page.getByTestId('check-summary').textContent()).resolves.toMatch(/Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng$/);
  await expect(page.getByTestId('findings-error').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the Hằng năm preset on the sample is refused clearly; focus goes to the message', async () => {
  const { page, errors } = await openPane('?tab=build');
  await page.getByRole('combobox', { name: /Mẫu trình bày/ }).click();
  await page.getByRole('option', { name: /^Hằng năm/ }).click();
  await page.getByTestId('generate').click();
  const msg = page.getByTestId('build-error');
  await msg.getByText(/Mẫu “Hằng năm” cần năm kế hoạch và kinh phí năm/).waitFor();
  await expect(focusedAndShown(msg)).resolves.toEqual({ focused: true, shown: true });
  await expect(page.locator('[data-sheet-tab="Phụ lục 02 (2)"]').count()).resolves.toBe(0);
  await axeClean(page, 'build refused');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('review like Error Checking: titles, one Tab stop, Trước / Sau, help, Bỏ qua and back, filters, stated unit', async () => {
  const wrong = itemAmount(0);
  const text = itemAmount(3);
  const inject = `${wrong.address}=${wrong.value + 1000};${text.address}= ${text.value}`;
  const { page, errors } = await openPane(`?inject=${encodeURIComponent(inject)}`);
  await axeClean(page, 'check tab');
  await page.getByTestId('run-check').click();
  const summary = page.getByTestId('check-summary');
  await summary.waitFor();
  await expect(focusedAndShown(summary)).resolves.toEqual({ focused: true, shown: true });
  await page.screenshot({ path: path.join(OUT, 'pane-ui-check.png') });
  await expect(page.getByTestId('live').textContent()).resolves.toMatch(/^Đã kiểm tra trang “Phụ lục 02”: [1-9]\d* lỗi, [1-9]\d* cảnh báo/);
  const list = page.getByTestId('findings-list');
  // Vietnamese titles, the codes only in tooltips
  await expect(list.textContent()).resolves.not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
  await expect(list.locator('[data-code="GROUP_SUBTOTAL"]').first().getAttribute('title')).resolves.toBe('Mã: GROUP_SUBTOTAL');
  await expect(list.locator('[data-code="GROUP_SUBTOTAL"]').first().textContent()).resolves.toBe('Tổng nhóm không khớp');
  // one Tab stop, arrow keys inside
  const options = list.getByRole('option');
  const n = await options.count();
  expect(n).toBeGreaterThan(2);
  await expect(list.evaluate((el) => el.querySelectorAll('[tabindex="0"], button, input, select, a[href]').length)).resolves.toBe(0);
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getAttribute('aria-activedescendant')).resolves.toBe('finding-1');
  const second = await options.nth(1).getAttribute('data-cell');
  await page.locator(`td[data-cell="${second}"][aria-selected="true"]`).waitFor();
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="findings-list"]') === null)).resolves.toBe(true);
  await page.keyboard.press('Shift+Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('findings-list');
  // Trước / Sau step through the findings and select each cell
  const current = page.getByTestId('finding-current');
  await expect(current.textContent()).resolves.toContain(`2/${n}`);
  await page.getByRole('button', { name: 'Sau' }).click();
  await expect(current.textContent()).resolves.toContain(`3/${n}`);
  const third = await options.nth(2).getAttribute('data-cell');
  await expect(current.getAttribute('data-cell')).resolves.toBe(third);
  await page.locator(`td[data-cell="${third}"][aria-selected="true"]`).waitFor();
  await page.getByRole('button', { name: 'Trước' }).click();
  await page.getByRole('button', { name: 'Trước' }).click();
  await expect(current.textContent()).resolves.toContain(`1/${n}`);
  // help per code
  await page.getByRole('button', { name: 'Trợ giúp' }).click();
  await expect(page.getByTestId('finding-help').textContent()).resolves.toMatch(/Ý nghĩa:.*Cách sửa:/);
  await axeClean(page, 'after check, help open');
  await page.getByTestId('finding-current').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'pane-ui-review.png') });
  // Bỏ qua: out of the list, listed, remembered across a new check, reversible
  const ignoredCell = await current.getAttribute('data-cell');
  await page.getByRole('button', { name: 'Bỏ qua' }).click();
  await expect(options.count()).resolves.toBe(n - 1);
  await expect(page.getByTestId('ignored-list').textContent()).resolves.toContain(`ô ${ignoredCell}`);
  await expect(page.getByTestId('live').textContent()).resolves.toMatch(/^Đã bỏ qua “/);
  await expect(page.evaluate(() => document.activeElement !== document.body)).resolves.toBe(true);
  await page.getByTestId('run-check').click();
  await expect(options.count()).resolves.toBe(n - 1);
  await axeClean(page, 'with an ignored finding');
  await page.getByRole('button', { name: /^Khôi phục/ }).click();
  await expect(options.count()).resolves.toBe(n);
  await expect(page.getByTestId('ignored-list').count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).resolves.toBe(true);
  // filter by code: the text number shows the text as typed and the number it reads as
  await page.getByTestId('code-filter').click();
  await page.getByRole('option', { name: 'Số ghi dạng chữ (1)' }).click();
  await expect(options.count()).resolves.toBe(1);
  await expect(current.textContent()).resolves.toContain(`Ô đang ghi chữ: “ ${text.value}” · đọc thành số: ${text.value.toLocaleString('vi-VN')}`);
  await page.getByTestId('code-filter').click();
  await page.getByRole('option', { name: /^Mọi loại/ }).click();
  // a stated total in đồng, said so beside it: never "441.115.000.000 triệu đồng"
  await page.getByRole('textbox', { name: /Tổng nêu trong văn bản/ }).fill('441116000000');
  await page.getByTestId('stated-unit').selectOption('đồng');
  await page.getByText('Đọc là 441.116.000.000 đồng').waitFor();
  await page.getByTestId('run-check').click();
  await page.getByText(/^Tổng nêu tại ô “Tổng nêu trong văn bản” của ngăn Kiểm tra là 441\.116 triệu đồng, khác tổng cộng của bảng 441\.115 triệu đồng/).first().waitFor();
  await expect(page.locator('main').textContent()).resolves.not.toMatch(/441\.116\.000\.000 triệu|tại tổng nêu/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('review filters: severity and kind, by mouse and by keyboard, with counts; announced; the list stays one Tab stop', async () => {
  const wrong = itemAmount(0);
  const text = itemAmount(3);
  const inject = `${wrong.address}=${wrong.value + 1000};${text.address}= ${text.value}`;
  const { page, errors } = await openPane(`?inject=${encodeURIComponent(inject)}`);
  await page.getByTestId('run-check').click();
  const list = page.getByTestId('findings-list');
  await list.waitFor();
  const options = list.getByRole('option');
  const all = await options.count();
  const badge = async (label: string) => Number(/(\d+)$/.exec((await page.getByText(new RegExp(`^${label}: \\d+$`)).textContent())!)![1]);
  const [nErr, nWarn, nInfo] = [await badge('Lỗi'), await badge('Cảnh báo'), await badge('Thông tin')];
  expect(nErr).toBeGreaterThan(0);
  expect(nWarn).toBeGreaterThan(0);
  const severity = page.getByRole('combobox', { name: 'Mức độ' });
  const kind = page.getByRole('combobox', { name: 'Loại' });
  // the open dropdown's popup (the findings list is a listbox too)
  const popup = page.locator('[role="listbox"]:not([data-testid="findings-list"])');
  await expect(severity.textContent()).resolves.toBe(`Tất cả (${all})`);
  // by mouse: the four choices with their counts; Cảnh báo keeps only warnings
  await severity.click();
  const choices = popup.getByRole('option');
  await expect(choices.allTextContents()).resolves.toEqual([`Tất cả (${all})`, `Lỗi (${nErr})`, `Cảnh báo (${nWarn})`, `Thông tin (${nInfo})`]);
  await axeClean(page, 'severity filter open');
  await page.getByRole('option', { name: `Cảnh báo (${nWarn})` }).click();
  await expect(options.count()).resolves.toBe(nWarn);
  await expect(page.getByTestId('findings-error').count()).resolves.toBe(0);
  await expect(page.getByTestId('live').textContent()).resolves.toBe(`Đang hiện ${nWarn} mục: Cảnh báo · Mọi loại.`);
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('severity-filter');
  // the kinds now listed are the warnings' own, titled in Vietnamese with the code in a tooltip
  await kind.click();
  const textKind = page.getByRole('option', { name: 'Số ghi dạng chữ (1)' });
  await expect(textKind.getAttribute('title')).resolves.toBe('Mã: TEXT_NUMBER');
  await expect(popup.textContent()).resolves.not.toMatch(/[A-Z]{3,}_[A-Z_]+|Tổng nhóm không khớp/);
  await axeClean(page, 'kind filter open');
  await textKind.click();
  await expect(options.count()).resolves.toBe(1);
  await expect(kind.getAttribute('title')).resolves.toBe('Mã: TEXT_NUMBER');
  await expect(page.getByTestId('live').textContent()).resolves.toBe('Đang hiện 1 mục: Cảnh báo · Số ghi dạng chữ.');
  await axeClean(page, 'filtered to one kind');
  // by keyboard: Mức độ → Lỗi (open with Enter, move with the arrows, choose with Enter); the kind goes back to all
  await severity.focus();
  await page.keyboard.press('Enter');
  await popup.waitFor();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(severity.textContent()).resolves.toBe(`Lỗi (${nErr})`);
  await expect(kind.textContent()).resolves.toBe(`Mọi loại (${nErr})`);
  await expect(options.count()).resolves.toBe(nErr);
  await expect(page.getByTestId('findings-warning').count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('severity-filter');
  // Tab goes on to the kind filter; the filtered list is still one Tab stop, arrows move inside it
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('code-filter');
  const lastCell = await options.last().getAttribute('data-cell');
  await list.focus();
  await page.keyboard.press('End');
  await expect(list.getAttribute('aria-activedescendant')).resolves.toBe(`finding-${nErr - 1}`);
  await page.locator(`td[data-cell="${lastCell}"][aria-selected="true"]`).waitFor();
  await expect(list.evaluate((el) => el.querySelectorAll('[tabindex="0"], button, input, select, a[href]').length)).resolves.toBe(0);
  await axeClean(page, 'filtered to errors');
  // Thông tin with none: an empty choice says so, never a blank list
  if (nInfo === 0) {
    await severity.click();
    await page.getByRole('option', { name: 'Thông tin (0)' }).click();
    await page.getByTestId('findings-none').waitFor();
    await expect(page.getByTestId('live').textContent()).resolves.toBe('Không có mục nào: Thông tin · Mọi loại.');
    await axeClean(page, 'filter with no findings');
  }
  await page.screenshot({ path: path.join(OUT, 'pane-ui-filters.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Nhập liệu: the guide says what to do in Excel; Tạo phụ lục names the sheet its warning names', async () => {
  const { page, errors } = await openPane('?tab=input');
  await axeClean(page, 'input tab');
  await page.getByRole('button', { name: 'Tạo trang Nhập liệu' }).click();
  await page.locator('[data-sheet-tab="Nhập liệu"][aria-current="page"]').waitFor();
  const guide = page.locator('td', { hasText: /Tạo phụ lục:/ });
  await expect(guide.textContent()).resolves.toMatch(/bấm “Tạo phụ lục”/);
  await expect(page.locator('table[data-sheet="Nhập liệu"]').textContent()).resolves.not.toMatch(/danh-muc|\.xlsx/);
  await expect(focusedAndShown(page.getByTestId('input-outcome'))).resolves.toEqual({ focused: true, shown: true });
  await expect(page.getByTestId('live').textContent()).resolves.toMatch(/^Đã tạo trang “Nhập liệu”/);
  await page.screenshot({ path: path.join(OUT, 'pane-ui-input.png') });
  await axeClean(page, 'input sheet created');
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await page.getByText('Trang nhập liệu chưa dùng được').waitFor();
  const radio = page.getByRole('radio', { name: /Trang “Nhập liệu”/ });
  await expect(radio.isDisabled()).resolves.toBe(true);
  await expect(page.getByText(/Trang “Nhập liệu”: /).count()).resolves.toBeGreaterThan(0);
  await expect(page.getByText(/chưa có: tạo ở thẻ Nhập liệu/).count()).resolves.toBe(0);
  await axeClean(page, 'build tab with an unusable input sheet');
  expect(errors).toEqual([]);
  await page.context().close();
});
