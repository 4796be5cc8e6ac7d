#!/usr/bin/env node
'use strict';
// A tiny static server for dist/ (no dependencies): `npm start` and the Chromium tests use it.
// HTTPS on https://localhost:3000 with the office-addin-dev-certs certificate when one is installed
// (`npx office-addin-dev-certs install`), plain HTTP otherwise (with a message) or with --http; the port is PORT
// (or --port=N), and the URL printed is the one really served.
// Every response carries the pane's Content-Security-Policy; text is gzip-compressed for clients that accept it;
// content-hashed files (taskpane.1a2b3c4d.js) are cached for good ("immutable"), everything else is revalidated
// (no-cache + ETag), so that a new build of taskpane.html or manifest.xml is seen at once.
// --build: build dist/ first, unless the sources are unchanged since the last build (scripts/buildCache.js).
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const http = require('http');
const https = require('https');
const os = require('os');

/** Only the add-in's own origin and Microsoft's office.js CDN. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_CDN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_CDN}`,
  `frame-src 'self' ${OFFICE_CDN}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

function devCertificate() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt'), key = path.join(dir, 'localhost.key'), ca = path.join(dir, 'ca.crt');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return null;
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined };
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.map', '.txt']);
/** webpack's [name].[contenthash:8].js: the name changes whenever the content does. */
const HASHED = /\.[0-9a-f]{8,}\.(?:js|css)$/;

function cacheControl(file) {
  return HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function acceptsGzip(req) {
  return String(req.headers['accept-encoding'] ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

/** Compressed bodies, computed once per file version. */
const gzipCache = new Map();
function gzipped(file, stat, body) {
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  let gz = gzipCache.get(key);
  if (!gz) {
    gz = zlib.gzipSync(body, { level: 6 });
    gzipCache.set(key, gz);
  }
  return gz;
}

function send(req, res, file, stat, body) {
  const ext = path.extname(file).toLowerCase();
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': cacheControl(file),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream', ETag: etag,
  };
  if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  let out = body;
  if (COMPRESSIBLE.has(ext) && body.length > 512 && acceptsGzip(req)) {
    out = gzipped(file, stat, body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = out.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : out);
}

function handler(root) {
  const base = path.resolve(root);
  return (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'taskpane.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    fs.stat(file, (statErr, stat) => {
      const notFound = () => res.writeHead(404, {
        'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache',
        'Content-Type': 'text/plain; charset=utf-8',
      }).end('Không tìm thấy');
      if (statErr || !stat.isFile()) return notFound();
      fs.readFile(file, (err, body) => (err ? notFound() : send(req, res, file, stat, body)));
    });
  };
}

/** Starts the server; resolves with its URL. port 0 = a free port. */
function startServer({ root = path.join(__dirname, '..', 'dist'), port = 3000, host = 'localhost', useHttps = true, quiet = false } = {}) {
  const cert = useHttps ? devCertificate() : null;
  const server = cert ? https.createServer(cert, handler(root)) : http.createServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const url = `${cert ? 'https' : 'http'}://${host}:${server.address().port}/`;
      if (!quiet) {
        if (useHttps && !cert) {
          console.log('Chưa có chứng chỉ HTTPS cho localhost (chạy: npx office-addin-dev-certs install). Đang phục vụ qua HTTP;');
          console.log('Excel cần HTTPS để nạp tiện ích, nhưng trình duyệt vẫn mở được ngăn ở chế độ xem thử.');
        }
        console.log(`Danh mục: ${url}taskpane.html`);
      }
      resolve({ server, url });
    });
  });
}

module.exports = { startServer, CSP, OFFICE_CDN };

if (require.main === module) {
  const args = process.argv.slice(2);
  const portArg = args.find((a) => /^--port=\d+$/.test(a));
  if (args.includes('--build')) require('./buildCache.js').buildIfChanged();
  startServer({
    port: portArg ? parseInt(portArg.slice(7), 10) : parseInt(process.env.PORT ?? '3000', 10),
    useHttps: !args.includes('--http'),
  }).catch((e) => {
    console.error(`Không mở được máy chủ: ${e.message}`);
    process.exit(1);
  });
}
