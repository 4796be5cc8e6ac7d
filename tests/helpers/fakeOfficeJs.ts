/**
 * The pane on its Excel path in Chromium: fakeOfficeEntry.ts bundled with webpack (a few seconds) and served where
 * the pane loads office.js from Microsoft's CDN, so that the pane meets an "Excel" whose workbook is the fake Excel
 * (tests/helpers/fakeExcel.ts): OfficeHost reads, writes and selects in it, with its limits (ExcelApi version, web
 * platform, cell-edit mode...). The fake does not calculate formulas: check sheets of values.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { FakeOptions } from './fakeExcel';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Bundles the fake office.js into `dir` and returns its text. */
export async function buildFakeOfficeJs(dir: string): Promise<string> {
  const webpack = require('webpack') as (c: object) => { run: (cb: (e: Error | null, s?: { hasErrors: () => boolean; toString: () => string }) => void) => void };
  const config = {
    mode: 'development',
    devtool: false,
    entry: path.join(__dirname, 'fakeOfficeEntry.ts'),
    output: { path: dir, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'], alias: { 'office-addin-manifest': path.join(__dirname, 'officeAddinManifestStub.ts') } },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json') } }] },
  };
  await new Promise<void>((resolve, reject) => webpack(config).run((e, stats) => {
    if (e) reject(e);
    else if (stats?.hasErrors()) reject(new Error(stats.toString()));
    else resolve();
  }));
  return fs.readFileSync(path.join(dir, 'fake-office.js'), 'utf8');
}

/** Before page.goto: office.js from the CDN is the fake, on a workbook of these sheets (rows of values). */
export async function useFakeExcel(page: Page, bundle: string, sheets: Record<string, (string | number | null)[][]>, options: FakeOptions = {}): Promise<void> {
  await page.addInitScript(([s, o]) => {
    Object.assign(window, { __fakeSeed: s, __fakeOptions: o });
  }, [sheets, options] as const);
  await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle }));
}
