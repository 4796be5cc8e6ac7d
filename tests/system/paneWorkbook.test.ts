/**
 * The pane on whole workbooks in real Chromium (production build, office.js refused as offline), at Excel's pane size
 * (350 × 800) where it matters: a summary sheet ("Tổng hợp") opened in the preview is checked against the appendix its
 * formulas pull from, as on the command line; "Tạo phụ lục" stays usable after building (a second click by mouse
 * builds a second new sheet) and "Tải về Word" downloads the appendix as .docx; "Mở tệp Word…" brings a .docx's
 * appendix table into a new sheet and checks it against the total its text states.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Page } from 'playwright-core';
import { wordTables } from '../../src/app/wordImport';
import { readDocxFile } from '../../src/docx/node';
import { openPreview, servePane, type ServedPane } from '../helpers/paneServer';
import { socTrang2125, toXlsx, withCell, type SheetLayout } from '../helpers/seedSheets';
import { coverOf, summaryOf } from '../helpers/summaryLayout';

jest.setTimeout(300_000);

let pane: ServedPane;
let dir: string;

beforeAll(async () => {
  pane = await servePane('pane-workbook-dist', 'production');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-workbook-'));
});

afterAll(async () => {
  await pane?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function openPane(width = 350): Promise<{ page: Page; errors: string[] }> {
  return openPreview(pane, { width, acceptDownloads: true });
}

const appendix = socTrang2125();

const summary = (): SheetLayout => summaryOf(appendix);
const cover = coverOf(appendix);

test('a summary sheet opened in the preview is checked against the appendix it pulls from', async () => {
  // summary row 8 is group II: its 2021 figure typed over the formula's value
  const wrong = withCell(summary(), 'F8', { f: `'Phụ lục 02'!F${appendix.rowOf.II}`, v: 999 });
  const file = path.join(dir, 'tong-hop.xlsx');
  fs.writeFileSync(file, await toXlsx(cover, wrong, appendix));
  const { page, errors } = await openPane(1200);
  await page.getByTestId('open-xlsx-input').setInputFiles(file);
  await page.locator('[data-sheet-tab="Tổng hợp"]').click();
  await page.locator('table[data-sheet="Tổng hợp"]').waitFor();
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').waitFor();
  await expect(page.getByTestId('check-summary').textContent()).resolves.toContain('Trang “Tổng hợp”');
  const finding = page.locator('[data-finding="GROUP_SUBTOTAL"][data-cell="F8"]');
  await expect(finding.count()).resolves.toBe(1);
  await expect(finding.textContent()).resolves.toContain('Phụ lục 02');
  // compared, not "could not compare": no info finding saying the appendix is missing
  await expect(page.getByText(/không có trong tệp/).count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('350 × 800: after building, "Tạo phụ lục" is enabled and looks it; a second click builds a second new sheet', async () => {
  const { page, errors } = await openPane(350);
  await page.getByRole('tab', { name: 'Tạo phụ lục' }).click();
  const button = page.getByTestId('generate');
  await button.waitFor();
  const look = () => button.evaluate((el) => ({ disabled: (el as HTMLButtonElement).disabled, bg: getComputedStyle(el).backgroundColor }));
  const before = await look();
  expect(before.disabled).toBe(false);
  await button.click();
  await page.getByTestId('build-done').waitFor();
  await expect(page.getByTestId('build-done').textContent()).resolves.toContain('Phụ lục 02 (2)');
  // the background fades back from the busy grey in 0.1 s (Fluent's transition): settled, it is the brand colour again
  await page.waitForTimeout(300);
  await expect(look()).resolves.toEqual(before);
  await button.click();
  await page.getByTestId('build-done').filter({ hasText: 'Phụ lục 02 (3)' }).waitFor();
  await expect(page.locator('[data-sheet-tab]').count()).resolves.toBe(3);
  // "Tải về Word": the appendix just built as a .docx, read back by the Word reader: the same projects and total
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
  expect(download.suggestedFilename()).toBe('Phụ lục 02 (3).docx');
  const out = path.join(dir, 'phu-luc.docx');
  await download.saveAs(out);
  const tables = wordTables(await readDocxFile(out));
  expect(tables.map((x) => [x.items, x.total, x.unit])).toEqual([[22, '441115', 'triệu đồng']]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('"Mở tệp Word…": the appendix table into a new sheet, checked against the total the text states', async () => {
  const { docxOf } = await import('../helpers/docxBuild');
  const signatures: SheetLayout = { ...cover, rows: [['Nơi nhận:', 'KT. CHỦ TỊCH'], ['- Như trên;', 'PHÓ CHỦ TỊCH']] };
  const file = path.join(dir, 'ke-hoach.docx');
  fs.writeFileSync(file, await docxOf([
    { bold: 'VI. KINH PHÍ THỰC HIỆN' },
    'Tổng kinh phí thực hiện: 1.028.960.000.000 VNĐ (Một nghìn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng).',
    { layout: signatures },
    { layout: appendix },
  ]));
  const broken = path.join(dir, 'hong.docx');
  fs.writeFileSync(broken, fs.readFileSync(file).subarray(0, 2000));
  const { page, errors } = await openPane(350);
  const scripts: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.js')) scripts.push(r.url()); });
  await page.getByTestId('open-docx-input').setInputFiles(broken);
  const refusal = page.getByTestId('word-import').getByText(/Không mở được tệp “hong\.docx”: /);
  await refusal.waitFor();
  await expect(refusal.textContent()).resolves.toMatch(/tệp \.docx bị cắt cụt hoặc hỏng/);
  expect(scripts.length).toBeGreaterThan(0); // the Word code came as its own chunk, on first use

  await page.getByTestId('open-docx-input').setInputFiles(file);
  const tables = page.getByTestId('docx-tables').getByRole('radio');
  await tables.first().waitFor();
  // only the appendix is offered (the signature table is no appendix), chosen, with its projects and total
  await expect(tables.count()).resolves.toBe(1);
  await expect(tables.first().isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('docx-tables').textContent()).resolves.toMatch(/Bảng 2.*22 dự án, \d+ dòng, tổng 441\.115 triệu đồng/);
  await expect(page.getByTestId('docx-stated').textContent()).resolves.toContain('1.028.960.000.000 đồng, tại đoạn 2 của văn bản (VI. KINH PHÍ THỰC HIỆN)');

  await page.getByTestId('import-docx').click();
  const summary = page.getByTestId('check-summary');
  await summary.filter({ hasText: 'Trang “Bảng 2 (Word)”' }).waitFor();
  await expect(summary.textContent()).resolves.toContain('22 dự án');
  await expect(summary.textContent()).resolves.toContain('441.115');
  const stated = page.locator('[data-finding="STATED_TOTAL"]');
  await expect(stated.count()).resolves.toBe(1);
  await expect(stated.textContent()).resolves.toContain('đoạn 2 của văn bản');
  // the figures came as numbers: no "number stored as text" warning
  await expect(page.locator('[data-finding="TEXT_NUMBER"]').count()).resolves.toBe(0);
  await expect(page.getByRole('textbox', { name: 'Tổng nêu trong văn bản (nếu có)' }).inputValue()).resolves.toBe('1.028.960.000.000 đồng');
  // a new sheet beside the sample; importing again never overwrites it
  await expect(page.locator('[data-sheet-tab]').allTextContents()).resolves.toEqual(['Phụ lục 02', 'Bảng 2 (Word)']);
  await page.getByTestId('import-docx').click();
  await summary.filter({ hasText: 'Trang “Bảng 2 (Word) (2)”' }).waitFor();
  await expect(page.locator('[data-sheet-tab]').count()).resolves.toBe(3);

  // seed 004 made by LibreOffice: its text states 1.028.960.000.000 VNĐ, its table adds to 570.960 triệu đồng
  await page.getByTestId('open-docx-input').setInputFiles(path.resolve('tests/fixtures/docx/004-nghe-an.lo.docx'));
  await page.getByTestId('docx-stated').filter({ hasText: '1.028.960.000.000 đồng' }).waitFor();
  await page.getByTestId('import-docx').click();
  await summary.filter({ hasText: 'Trang “Bảng 1 (Word)”' }).waitFor();
  await expect(stated.count()).resolves.toBe(1);
  await expect(stated.textContent()).resolves.toContain('1.028.960');
  expect(errors).toEqual([]);
  await page.context().close();
});
