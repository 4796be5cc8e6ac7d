/**
 * Add-in figures: context.sync round trips and request sizes for writing 100 / 1,000 / 10,000-item appendices
 * through the Office.js writer (on the in-memory Excel of the adapter tests), and the pane's initial JavaScript
 * size gzip (read from dist/ after `npm run build`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { layoutPlan } from '../src/core/layout/layout';
import { writeSpecToNewSheet } from '../src/office/writeSpec';
import { fakeBook, fakeContext } from '../tests/helpers/fakeExcel';
import { bigPlan } from '../tests/helpers/officeBigPlan';

const BUNDLE_TARGET_KB = 250;

async function syncFigures(): Promise<void> {
  for (const items of [100, 1000, 10000]) {
    const spec = layoutPlan(bigPlan(items));
    const ctx = fakeContext(fakeBook('Sheet1'));
    const t0 = process.hrtime.bigint();
    const res = await writeSpecToNewSheet(ctx as unknown as Excel.RequestContext, spec, { excelApi: (v) => ctx.isSetSupported(v) });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const bound = 4 + Math.ceil(spec.rows.length / 5000);
    const maxReq = Math.max(...ctx.batches.map((b) => b.bytes));
    console.log(
      `write ${String(items).padStart(6)} items (${spec.rows.length} rows): ${res.syncs} context.sync (bound ${bound}), ` +
      `largest request ≈ ${(maxReq / 1e6).toFixed(2)} MB, ${ms.toFixed(0)} ms in the mock`,
    );
  }
}

function bundleFigures(): void {
  const dist = path.join(__dirname, '..', '..', 'dist');
  const html = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(html)) {
    console.log('pane bundle: dist/taskpane.html not found — run `npm run build` first');
    return;
  }
  const scripts = [...fs.readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  let raw = 0, gz = 0;
  for (const src of scripts) {
    const body = fs.readFileSync(path.join(dist, src.replace(/^\//, '')));
    raw += body.length;
    gz += zlib.gzipSync(body, { level: 9 }).length;
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`pane initial JS: ${scripts.length} file(s), ${kb(raw)} kB raw, ${kb(gz)} kB gzip (target ≤ ${BUNDLE_TARGET_KB} kB gzip: ${gz / 1024 <= BUNDLE_TARGET_KB ? 'ok' : 'OVER'})`);
}

export async function run(): Promise<void> {
  await syncFigures();
  bundleFigures();
}
