/**
 * scripts/serve.js (npm start): gzip for clients that accept it, cache headers (immutable for content-hashed
 * files, revalidation for the page and the manifest), the CSP on every answer, the URL it really serves; and
 * scripts/buildCache.js: no rebuild when the sources are unchanged.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

const { startServer, CSP } = require('../../scripts/serve.js') as {
  startServer: (o: object) => Promise<{ server: http.Server; url: string }>;
  CSP: string;
};
const { buildIfChanged, sourceHash } = require('../../scripts/buildCache.js') as {
  buildIfChanged: (o: { root: string; dist?: string; run: (root: string) => void; log: (s: string) => void }) => boolean;
  sourceHash: (root: string, env?: object) => string;
};

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
const bundle = `var pane = ${JSON.stringify('Danh mục '.repeat(2000))};\n`;
fs.writeFileSync(path.join(dist, 'taskpane.html'), `<!DOCTYPE html><title>Danh mục</title>${'<p>x</p>'.repeat(200)}`);
fs.writeFileSync(path.join(dist, 'taskpane.0123abcd.js'), bundle);
fs.writeFileSync(path.join(dist, 'manifest.xml'), `<?xml version="1.0"?><OfficeApp>${' '.repeat(1000)}</OfficeApp>`);
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'assets', 'app-32.png'), Buffer.alloc(2000, 7));

let server: http.Server;
let base: string;
beforeAll(async () => {
  ({ server, url: base } = await startServer({ root: dist, port: 0, host: '127.0.0.1', useHttps: false, quiet: true }));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dist, { recursive: true, force: true });
});

function get(file: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${file}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the URL printed is the one served: http on a random port when asked for no certificate', () => {
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(base).not.toMatch(/:3000\//);
});

test('a content-hashed bundle: gzip when accepted, cached for good', async () => {
  const r = await get('taskpane.0123abcd.js', { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('gzip');
  expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(r.headers.vary).toBe('Accept-Encoding');
  expect(r.headers['content-security-policy']).toBe(CSP);
  expect(r.body.length).toBeLessThan(bundle.length / 10);
  expect(zlib.gunzipSync(r.body).toString()).toBe(bundle);
  expect(Number(r.headers['content-length'])).toBe(r.body.length);
});

test('no gzip for a client that does not accept it (or refuses it with q=0)', async () => {
  for (const ae of [undefined, 'identity', 'gzip;q=0, identity']) {
    const r = await get('taskpane.0123abcd.js', ae ? { 'Accept-Encoding': ae } : {});
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe(bundle);
  }
});

test('the page and the manifest are revalidated on every open (no-cache, ETag, 304)', async () => {
  for (const file of ['taskpane.html', 'manifest.xml', '']) {
    const r = await get(file, { 'Accept-Encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['content-security-policy']).toBe(CSP);
    const again = await get(file, { 'If-None-Match': String(r.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  }
});

test('images are not compressed; missing files and escapes are refused', async () => {
  const png = await get('assets/app-32.png', { 'Accept-Encoding': 'gzip' });
  expect(png.headers['content-encoding']).toBeUndefined();
  expect(png.headers['content-type']).toBe('image/png');
  expect((await get('nope.js')).status).toBe(404);
  expect((await get('assets')).status).toBe(404);
  expect((await get('..%2f..%2fetc%2fpasswd')).status).toBe(403);
});

test('buildIfChanged: builds once, then serves the last build until a source changes', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-cache-'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(root, 'webpack.config.js'), '');
  const out = path.join(root, 'dist');
  let builds = 0;
  const run = () => {
    builds++;
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'taskpane.html'), 'x');
  };
  const logs: string[] = [];
  const opts = { root, dist: out, run, log: (s: string) => logs.push(s) };
  expect(buildIfChanged(opts)).toBe(true);
  expect(buildIfChanged(opts)).toBe(false);
  expect(builds).toBe(1);
  expect(logs.join('\n')).toMatch(/không build lại/);
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 2;\n');
  expect(buildIfChanged(opts)).toBe(true);
  expect(builds).toBe(2);
  // a build option is part of the hash
  expect(sourceHash(root, { DANH_MUC_OFFICE_JS: 'local' })).not.toBe(sourceHash(root, {}));
  expect(sourceHash(root, { DANH_MUC_SHARED_RUNTIME: '1' })).not.toBe(sourceHash(root, {}));
  // dist/ wiped: built again
  fs.rmSync(out, { recursive: true });
  fs.mkdirSync(out);
  expect(buildIfChanged(opts)).toBe(true);
  fs.rmSync(root, { recursive: true, force: true });
});
