/**
 * The built task pane served on loopback and a headless Chromium, for the pane's system tests. Each suite builds into
 * its own folder under test-output/ (suites run in parallel: two builds into one dist/ would overwrite each other's
 * files while the other serves them).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Server } from 'http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');
const { startServer } = require('../../scripts/serve.js') as {
  startServer: (o: object) => Promise<{ server: Server; url: string }>;
};

export interface ServedPane {
  /** the folder the pane was built into */
  dist: string;
  /** "http://127.0.0.1:PORT/" */
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** webpack into test-output/<name>, serve it with scripts/serve.js on a free port, launch Chromium. */
export async function servePane(name: string, mode: 'production' | 'development' = 'production'): Promise<ServedPane> {
  const dist = path.join(ROOT, 'test-output', name);
  fs.rmSync(dist, { recursive: true, force: true });
  execFileSync(process.execPath, [
    path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', mode, '--output-path', dist,
  ], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, DANH_MUC_URL: '' } });
  const { server, url: base } = await startServer({ root: dist, port: 0, host: '127.0.0.1', useHttps: false, quiet: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    dist, base, browser,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * A new page on the served pane with no internet (everything but the pane's own origin is refused, as on the test
 * machines), opened on the preview's sample workbook. `errors` collects the page's uncaught errors.
 */
export async function openPreview(pane: ServedPane, opts: { width?: number; height?: number; acceptDownloads?: boolean } = {}):
Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { width = 350, height = 800, acceptDownloads = false } = opts;
  const context = await pane.browser.newContext({ viewport: { width, height }, locale: 'vi-VN', acceptDownloads });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(pane.base) ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(`${pane.base}taskpane.html`);
  await page.locator('table[data-sheet="Phụ lục 02"]').waitFor();
  return { context, page, errors };
}
