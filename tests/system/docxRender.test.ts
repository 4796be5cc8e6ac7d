/**
 * The Word export as LibreOffice Writer renders it (a fresh profile per run, tests/helpers/libreoffice.ts): every
 * page A4 landscape, a large plan over several pages with the table header repeated on each, the sample's totals
 * and words line printed in vi-VN form, and the words line never alone on a page.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAppendix } from '../../src/app/build';
import { checkDocument } from '../../src/app/checkDocument';
import { readDocxFile } from '../../src/docx/node';
import { writeDocx } from '../../src/docx/writeDocx';
import { bigPlan } from '../helpers/bigPlan';
import { pdfInfo, pdfPageText, pdfPageToPng, renderPdf } from '../helpers/libreoffice';
import { loadSample } from '../helpers/planBuilders';

let dir: string;
let samplePdf: string;
let bigPdf: string;
let bigOracle: bigint;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'danh-muc-docx-render-'));
  const sample = buildAppendix(loadSample('soc-trang-2021-2025'), { words: true }).spec;
  const bp = bigPlan(300, 50);
  bigOracle = bp.oracle.grand;
  const big = buildAppendix(bp.plan, { words: true }).spec;
  const files = [path.join(dir, 'sample.docx'), path.join(dir, 'big.docx')];
  await fsp.writeFile(files[0], await writeDocx([sample]));
  await fsp.writeFile(files[1], await writeDocx([big]));
  [samplePdf, bigPdf] = await renderPdf(files, path.join(dir, 'pdf'));
}, 300_000);

afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

const A4_LANDSCAPE = { width: 841.89, height: 595.3 };

test('every page is A4 landscape', () => {
  for (const pdf of [samplePdf, bigPdf]) {
    const info = pdfInfo(pdf);
    expect(info.sizes).toHaveLength(info.pages);
    for (const s of info.sizes) {
      expect(Math.abs(s.width - A4_LANDSCAPE.width)).toBeLessThan(1);
      expect(Math.abs(s.height - A4_LANDSCAPE.height)).toBeLessThan(1);
    }
  }
});

test('a 300-item plan runs over several pages, each with the table header and its page number', () => {
  const { pages } = pdfInfo(bigPdf);
  expect(pages).toBeGreaterThan(1);
  for (let p = 1; p <= pages; p++) {
    const text = pdfPageText(bigPdf, p);
    expect(text).toContain('Tên dự án');
    expect(text).toContain('Dự kiến phân kỳ');
    expect(text).toContain(`Trang ${p}/${pages}`);
  }
  // the heading block only on the first page
  expect(pdfPageText(bigPdf, 1)).toContain('DANH MỤC DỰ ÁN KIỂM THỬ');
  expect(pdfPageText(bigPdf, 2)).not.toContain('DANH MỤC DỰ ÁN KIỂM THỬ');
});

test('the sample prints its heading, totals and words line; the words line shares its page with the table', async () => {
  const { pages } = pdfInfo(samplePdf);
  const first = pdfPageText(samplePdf, 1);
  expect(first).toContain('PHỤ LỤC 02');
  expect(first).toContain('ĐVT: Triệu đồng');
  const last = pdfPageText(samplePdf, pages);
  expect(last).toMatch(/Tổng cộng\s+55\.331\s+131\.571\s+126\.571\s+98\.571\s+29\.071\s+441\.115\s+60\.355\s+145\.000\s+235\.760/);
  expect(last).toContain('Trong đó:');
  expect(last).toContain('Tên dự án');
  expect(last.replace(/\s+/g, ' ')).toContain('Bằng chữ: Bốn trăm bốn mươi mốt tỷ, một trăm mười lăm triệu đồng');
  for (let p = 1; p <= pages; p++) expect(pdfPageText(samplePdf, p)).toContain('Tên dự án');
  // a page as PNG (what docs/images/docx-sample.png shows): pdftoppm renders it
  const png = path.join(dir, 'page1.png');
  pdfPageToPng(samplePdf, 1, png);
  expect((await fsp.stat(png)).size).toBeGreaterThan(10_000);
});

test('round trip: the exported .docx, read and checked as a Word plan, gives the totals of the plan and no error', async () => {
  for (const [file, total] of [['sample.docx', '441115'], ['big.docx', undefined]] as const) {
    const doc = await readDocxFile(path.join(dir, file), file);
    const r = checkDocument(doc);
    expect(r.results).toHaveLength(1);
    const [only] = r.results;
    expect(only.recognized).toBe(true);
    expect(only.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.errors).toBe(0);
    // the big plan's amounts are thousandths (bigPlan's oracle adds them with BigInt)
    const want = total ?? (Number(bigOracle % 1000n) === 0 ? String(bigOracle / 1000n) : `${bigOracle / 1000n}.${(bigOracle % 1000n).toString().padStart(3, '0').replace(/0+$/, '')}`);
    expect(only.summary.grandTotal).toBe(want);
  }
  const sample = r0(await readDocxFile(path.join(dir, 'sample.docx')));
  expect(sample.summary).toMatchObject({ items: 22, groups: 6 });
});

function r0(doc: Awaited<ReturnType<typeof readDocxFile>>) {
  return checkDocument(doc).results[0];
}
