/**
 * What an audit of the pane at Excel's narrowest pane width (320 × 700) found, in real Chromium with real mouse clicks
 * (a development build, so that React's own warnings reach the console; office.js blocked, so the pane runs in
 * preview mode): the check fields fit side by side, long unbroken text (a file name, a source code) wraps inside
 * the pane instead of running out of it, validation messages are sentences, every half-filled or cleared field
 * means what it shows. No page error and no console error or warning in any of it.
 */
import { type Locator, type Page } from 'playwright-core';
import { openPreview, servePane, type ServedPane } from '../helpers/paneServer';
import { buildFakeOfficeJs, useFakeExcel } from '../helpers/fakeOfficeJs';
import { EXCEL_2019 } from '../helpers/fakeExcel';
import { socTrang2125, withCell, type CellIn, type SheetLayout } from '../helpers/seedSheets';

jest.setTimeout(300_000);

let pane: ServedPane;
/** console errors and warnings of every page (React's warnings among them), but the refused office.js */
const consoleProblems: string[] = [];

let fakeOfficeJs: string;

beforeAll(async () => {
  pane = await servePane('pane-audit-dist', 'development');
  fakeOfficeJs = await buildFakeOfficeJs(pane.dist);
});

afterAll(async () => {
  await pane?.close();
});

async function open(query = ''): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPreview(pane, { width: 320, height: 700 });
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/ERR_INTERNET_DISCONNECTED/.test(m.text())) consoleProblems.push(m.text());
  });
  if (query) await page.goto(`${pane.base}taskpane.html${query}`);
  await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
  return { page, errors };
}

/** Text inside the pane drawn past its right edge (each offending text, cut short). */
function textOutsidePane(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const right = main.getBoundingClientRect().right;
    const out: string[] = [];
    const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    // a visually hidden box (the live region: 1 px, clipped) draws nothing
    const hidden = (el: Element | null): boolean => !!el && (el.getBoundingClientRect().width <= 1 || hidden(el.parentElement));
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent?.trim() || hidden(n.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if ([...range.getClientRects()].some((r) => r.width > 0 && r.right > right + 1)) out.push(n.textContent.slice(0, 60));
    }
    return out;
  });
}

function box(l: Locator) {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
}

test('320 px: Đơn vị shows its whole choice inside its field, beside Sai số and not under it', async () => {
  const { page, errors } = await open();
  const unit = page.getByTestId('stated-unit');
  const field = unit.locator('xpath=ancestor::div[contains(@class,"fui-Field")][1]');
  const tolerance = page.getByRole('textbox', { name: 'Sai số' });
  const [u, f, t] = [await box(unit), await box(field), await box(tolerance)];
  expect(u.right).toBeLessThanOrEqual(f.right + 0.5);
  // side by side on one line at 320 px, not overlapping
  expect(Math.abs(u.top - t.top)).toBeLessThan(8);
  expect(u.right).toBeLessThanOrEqual(t.left);
  // the chosen option's text fits between the select's padding and its chevron
  const fit = await unit.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const probe = document.createElement('span');
    probe.textContent = s.options[s.selectedIndex].text;
    probe.style.font = getComputedStyle(s).font;
    probe.style.position = 'absolute';
    document.body.appendChild(probe);
    const w = probe.getBoundingClientRect().width;
    probe.remove();
    const cs = getComputedStyle(s);
    return { need: w + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight), have: s.clientWidth };
  });
  expect(fit.need).toBeLessThanOrEqual(fit.have);
  // the banner points at the workbook frame by its name (at this width it is below the pane, not beside it)
  await expect(page.getByTestId('preview-banner').textContent()).resolves.not.toMatch(/bên cạnh/);
  await expect(textOutsidePane(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a long unbroken file name or source code wraps inside the pane', async () => {
  const { page, errors } = await open();
  const name = `KH_83_UBND_SocTrang_danh_muc_du_an_chuyen_doi_so_giai_doan_2021_2025_ban_trinh_ky_lan_3_final.docx`;
  await page.getByTestId('open-docx-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('không phải tệp Word') });
  await page.getByTestId('word-import').getByText(/Không mở được tệp/).waitFor();
  await expect(textOutsidePane(page)).resolves.toEqual([]);
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await page.getByRole('textbox', { name: /Nguồn vốn/ }).fill('NSĐP, NSTW, ĐTPT, XAYDUNGHATANGKYTHUATSO2025');
  await page.getByText(/XAYDUNGHATANGKYTHUATSO2025/).first().waitFor();
  await expect(textOutsidePane(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Tạo phụ lục: sources and years are checked as typed, in sentences; one year alone is refused', async () => {
  const { page, errors } = await open('?tab=build');
  const generate = page.getByTestId('generate');
  await generate.waitFor();
  const from = page.getByRole('textbox', { name: 'Từ năm' });
  const to = page.getByRole('textbox', { name: 'Đến năm' });
  const messages = () => page.locator('.fui-Field__validationMessage').allTextContents();
  await from.fill('2025');
  await to.fill('2021');
  await expect(messages()).resolves.toEqual([expect.stringMatching(/^Năm đầu lớn hơn năm cuối/)]);
  await expect(generate.isDisabled()).resolves.toBe(true);
  // one year alone was once ignored: the sheet took the plan's years without a word
  await from.fill('2021');
  await to.fill('');
  await expect(messages()).resolves.toEqual([expect.stringMatching(/^Nhập cả hai năm, hoặc để trống cả hai\.$/)]);
  await expect(generate.isDisabled()).resolves.toBe(true);
  await to.fill('2025');
  // a message under one year does not lift that year's box above the other's
  await from.fill('21');
  await expect(messages()).resolves.toEqual(['Năm gồm 4 chữ số, ví dụ 2021.']);
  const [fromBox, toBox] = [await box(from), await box(to)];
  expect(Math.abs(fromBox.top - toBox.top)).toBeLessThan(6);
  await from.fill('2021');
  // a repeated source code: said under the field as typed (as on Nhập liệu), not after a click
  const sources = page.getByRole('textbox', { name: /Nguồn vốn/ });
  await sources.fill('NSĐP, NSĐP');
  await expect(messages()).resolves.toEqual([expect.stringMatching(/^Mã nguồn vốn .NSĐP. bị lặp/)]);
  await expect(generate.isDisabled()).resolves.toBe(true);
  await sources.fill('NSĐP, NSTW, ĐTPT');
  await expect(messages()).resolves.toEqual([]);
  await expect(generate.isDisabled()).resolves.toBe(false);
  // Nhập liệu says its problems in sentences too
  await page.getByRole('tab', { name: 'Nhập liệu' }).click();
  await page.getByRole('textbox', { name: /Nguồn vốn/ }).fill('NSTW, NSTW');
  await expect(messages()).resolves.toEqual([expect.stringMatching(/^Mã nguồn vốn .NSTW. bị lặp/)]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a cleared "Kèm theo" leaves the line out of the appendix, and stays cleared', async () => {
  const { page, errors } = await open('?tab=build');
  const attached = page.getByRole('textbox', { name: 'Kèm theo' });
  await attached.waitFor();
  await expect(attached.inputValue()).resolves.toMatch(/^Kèm theo Kế hoạch số 83/);
  await attached.fill('');
  await page.getByTestId('generate').click();
  await page.getByTestId('build-done').waitFor();
  const sheet = page.locator('table[data-sheet="Phụ lục 02 (2)"]');
  await sheet.waitFor();
  await expect(sheet.locator('td', { hasText: /^ĐVT: Triệu đồng$/ }).count()).resolves.toBe(1);
  await expect(sheet.locator('td', { hasText: /Kèm theo/ }).count()).resolves.toBe(0);
  // back on the tab: still empty (the settings keep the choice), not the sample's line again
  await page.getByRole('tab', { name: 'Kiểm tra' }).click();
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  await expect(page.getByRole('textbox', { name: 'Kèm theo' }).inputValue()).resolves.toBe('');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Nhập liệu: "Chia cho các năm" says how many years the total went to (the item\'s period, not every year column); a unit with the total is refused', async () => {
  const { page, errors } = await open('?tab=input');
  await page.getByRole('button', { name: 'Tạo trang Nhập liệu' }).click();
  const sheet = page.locator('table[data-sheet="Nhập liệu"]');
  await sheet.waitFor();
  // an item typed into row 12 through the preview's formula bar: TT, name, lead unit, period 2026-2028 (of 2026-2030)
  for (const [cell, text] of [['A12', '1'], ['B12', 'Dự án A'], ['D12', 'Sở Tài chính'], ['F12', '2026-2028']]) {
    await sheet.locator(`td[data-cell="${cell}"]`).click();
    const editor = page.getByRole('textbox', { name: `Nội dung ô ${cell}` });
    await editor.fill(text);
    await editor.press('Enter');
  }
  await sheet.locator('td[data-cell="B12"]').click();
  await page.getByRole('textbox', { name: 'Tổng kinh phí' }).fill('1.001');
  await page.getByRole('button', { name: 'Chia cho các năm' }).click();
  await expect(page.getByTestId('input-outcome').textContent()).resolves.toMatch(/^Đã chia 1\.001 cho 3 năm của dòng 12\.$/);
  await expect(sheet.locator('td[data-cell="H12"]').textContent()).resolves.toBe('334');
  await expect(sheet.locator('td[data-cell="J12"]').textContent()).resolves.toBe('333');
  await expect(sheet.locator('td[data-cell="K12"]').textContent()).resolves.toBe('');
  // a unit typed with the total is refused, not dropped ("1,8 tỷ" once spread 1,8 over a sheet in triệu đồng)
  const total = page.getByRole('textbox', { name: 'Tổng kinh phí' });
  const totalField = total.locator('xpath=ancestor::div[contains(@class,"fui-Field")][1]');
  await total.fill('1,8 tỷ');
  await totalField.getByText(/^Ghi tổng theo ĐVT của trang nhập liệu/).waitFor();
  await expect(page.getByRole('button', { name: 'Chia cho các năm' }).isDisabled()).resolves.toBe(true);
  await total.fill('1.800');
  await totalField.getByText('Đọc là 1.800').waitFor();
  await expect(page.getByRole('button', { name: 'Chia cho các năm' }).isDisabled()).resolves.toBe(false);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('Sai số: shows the number it reads; a unit in it is refused (it was dropped: "1 triệu đồng" on a tỷ đồng sheet was 1 tỷ)', async () => {
  const { page, errors } = await open();
  const tolerance = page.getByRole('textbox', { name: 'Sai số' });
  const run = page.getByTestId('run-check');
  const field = tolerance.locator('xpath=ancestor::div[contains(@class,"fui-Field")][1]');
  await tolerance.fill('1.000');
  await field.getByText('Đọc là 1.000').waitFor();
  await tolerance.fill('0,5');
  await field.getByText('Đọc là 0,5').waitFor();
  await expect(run.isDisabled()).resolves.toBe(false);
  // the hint under Sai số does not lift its box above Đơn vị's (the row once aligned the fields' bottoms)
  const [unitBox, tolBox] = [await box(page.getByTestId('stated-unit')), await box(tolerance)];
  expect(Math.abs(unitBox.top - tolBox.top)).toBeLessThan(6);
  await tolerance.fill('1 triệu đồng');
  await field.getByText(/^Sai số tính theo ĐVT của trang/).waitFor();
  await expect(run.isDisabled()).resolves.toBe(true);
  await expect(textOutsidePane(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

/** A seed layout as the fake Excel's rows of values. */
function valuesOf(l: SheetLayout): (string | number | null)[][] {
  const v = (c: CellIn): string | number | null => (c === undefined || c === null ? null : typeof c !== 'object' ? c : 'f' in c ? (c.v ?? null) : c.error);
  return l.rows.map((r) => r.map(v));
}

test('in Excel 2019 (the fake Excel as office.js): what it lacks is one message with a list; a finding selects its cell', async () => {
  const context = await pane.browser.newContext({ viewport: { width: 350, height: 700 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // the catch-all first: the later route (the fake office.js) is asked first
  await page.route('**/*', (route) => (route.request().url().startsWith(pane.base) ? route.continue() : route.abort('internetdisconnected')));
  await useFakeExcel(page, fakeOfficeJs, { 'Phụ lục 02': valuesOf(withCell(socTrang2125(), 'F9', 9999)) }, EXCEL_2019);
  await page.goto(`${pane.base}taskpane.html`);
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').waitFor();
  await expect(page.getByTestId('preview-banner').count()).resolves.toBe(0);
  // once six warning bars, one per dashed line
  const notice = page.getByTestId('host-notice');
  await expect(notice.count()).resolves.toBe(1);
  await expect(notice.locator('li').count()).resolves.toBeGreaterThan(2);
  await expect(notice.textContent()).resolves.not.toContain('–');
  await expect(textOutsidePane(page)).resolves.toEqual([]);
  // the first finding (F9 typed wrong) selects its cell in the workbook
  const first = page.getByTestId('findings-list').getByRole('option').first();
  await expect(first.getAttribute('data-cell')).resolves.toBe('F9');
  await first.click();
  await expect(page.evaluate(() => (window as unknown as { __fake: { book: { selection?: { sheet: string; address: string } } } }).__fake.book.selection))
    .resolves.toEqual({ sheet: 'Phụ lục 02', address: 'F9' });
  expect(errors).toEqual([]);
  await context.close();
});

test('no console error or warning in any of the above', () => {
  expect(consoleProblems).toEqual([]);
});
