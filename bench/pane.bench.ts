/**
 * The task pane in a real headless Chromium, on the production build in dist/ (`npm run bench` builds it first),
 * served by scripts/serve.js on loopback with Microsoft's office.js CDN hanging (never answering) and every other
 * foreign request refused: time to an enabled "Kiểm tra" in the preview, the initial JavaScript gzip, a check of the
 * built-in sample, and a 10,000-item sheet opened through the preview's file input and then checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Server } from 'http';
import { layoutPlan } from '../src/core/layout/layout';
import { writeSpecsToBuffer } from '../src/xlsx/writeSpec';
import { bigPlan } from '../tests/helpers/officeBigPlan';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const RUNS = 3;

type PW = typeof import('playwright-core');
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

const { startServer } = require(path.join(ROOT, 'scripts', 'serve.js')) as {
  startServer: (o: object) => Promise<{ server: Server; url: string }>;
};

const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The scripts taskpane.html loads at start, gzip -9 (what the server sends compressed). */
function initialJs(): { files: number; gzip: number } {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  let gzip = 0;
  for (const s of srcs) gzip += zlib.gzipSync(fs.readFileSync(path.join(DIST, s.replace(/^\//, ''))), { level: 9 }).length;
  return { files: srcs.length, gzip };
}

async function openPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url === OFFICE_JS) return new Promise<void>(() => undefined); // Microsoft's server hangs
    return route.abort('internetdisconnected');
  });
  return page;
}

/** From navigation to an enabled "Kiểm tra" button. */
async function timeToInteractive(page: Page, base: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${base}taskpane.html`, { waitUntil: 'commit' });
  const button = page.getByTestId('run-check');
  await button.waitFor({ timeout: 30_000 });
  while (!(await button.isEnabled())) await page.waitForTimeout(10);
  return Date.now() - t0;
}

/** Click "Kiểm tra" and wait for the summary of the sheet with `items` projects. */
async function timeCheck(page: Page, items: number): Promise<number> {
  const t0 = Date.now();
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-summary').filter({ hasText: `${items} dự án` }).waitFor({ timeout: 120_000 });
  return Date.now() - t0;
}

export async function run(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    console.log('pane: dist/taskpane.html not found — run `npm run build` first');
    return;
  }
  const js = initialJs();
  console.log(`initial JS: ${js.files} file(s), ${(js.gzip / 1024).toFixed(1)} kB gzip (target ≤ 250 kB)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-bench-'));
  const file = path.join(dir, 'phu-luc-10000.xlsx');
  const spec = layoutPlan(bigPlan(10_000), { words: true });
  fs.writeFileSync(file, await writeSpecsToBuffer([spec]));

  const { chromium } = require('playwright-core') as PW;
  const { server, url: base } = await startServer({ root: DIST, port: 0, host: '127.0.0.1', useHttps: false, quiet: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const tti: number[] = [], sample: number[] = [], open: number[] = [], big: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await openPage(browser, base);
      tti.push(await timeToInteractive(page, base));
      sample.push(await timeCheck(page, 22));
      const t0 = Date.now();
      await page.getByTestId('open-xlsx-input').setInputFiles(file);
      await page.locator(`table[data-sheet="${spec.name}"]`).waitFor({ timeout: 120_000 });
      open.push(Date.now() - t0);
      big.push(await timeCheck(page, 10_000));
      await page.context().close();
    }
    const show = (xs: number[]) => `median ${sec(median(xs))} (${xs.map(sec).join(', ')})`;
    console.log(`time to an enabled "Kiểm tra", office.js hanging: ${show(tti)} (target ≤ 3 s)`);
    console.log(`check of the sample (22 items): ${show(sample)}`);
    console.log(`open a ${spec.rows.length}-row .xlsx (10,000 items) in the preview: ${show(open)}`);
    console.log(`check of that sheet: ${show(big)}`);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
