#!/usr/bin/env node
'use strict';
// Draws the add-in's ribbon/app icons (16, 32, 80 px PNGs) without any image library:
// shapes are rasterised with 4x4 supersampling and written as RGBA PNGs (zlib from Node).
// Run: node assets/draw-icons.js  (the PNGs are committed; rerun only to change the drawing).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 coordinate space; each returns true when the point is inside.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const seg = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const px = ax + t * dx - x, py = ay + t * dy - y;
  return px * px + py * py <= (w / 2) * (w / 2);
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const GREEN = [16, 124, 65];   // Excel green
const WHITE = [255, 255, 255];
const DARK = [32, 31, 30];
const BLUE = [15, 108, 189];

// A sheet: a rounded green card with white table lines.
function sheetLayers() {
  const lines = [];
  for (const y of [0.36, 0.52, 0.68]) lines.push(rect(0.16, y - 0.03, 0.84, y + 0.03));
  lines.push(rect(0.36, 0.22, 0.42, 0.84));
  return [
    [GREEN, rect(0.08, 0.08, 0.92, 0.92)],
    [WHITE, rect(0.16, 0.16, 0.84, 0.84)],
    [GREEN, (x, y) => lines.some((f) => f(x, y))],
    [GREEN, rect(0.16, 0.16, 0.84, 0.28)],
  ];
}
const ICONS = {
  // The pane: a table.
  app: () => sheetLayers(),
  // Kiểm tra: the table with a check mark in a badge.
  check: () => [
    ...sheetLayers(),
    [WHITE, circle(0.70, 0.70, 0.30)],
    [BLUE, circle(0.70, 0.70, 0.26)],
    [WHITE, (x, y) => seg(0.56, 0.70, 0.66, 0.80, 0.09)(x, y) || seg(0.66, 0.80, 0.84, 0.60, 0.09)(x, y)],
  ],
  // Tạo phụ lục: the table with a plus badge.
  build: () => [
    ...sheetLayers(),
    [WHITE, circle(0.70, 0.70, 0.30)],
    [DARK, circle(0.70, 0.70, 0.26)],
    [WHITE, (x, y) => rect(0.58, 0.665, 0.82, 0.735)(x, y) || rect(0.665, 0.58, 0.735, 0.82)(x, y)],
  ],
};

function draw(layers, size) {
  const ss = 4;
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size, y = (py + (sy + 0.5) / ss) / size;
          let col = null;
          for (const [c, f] of layers) if (f(x, y)) col = c;
          if (col) { r += col[0]; g += col[1]; b += col[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) { buf[i] = Math.round(r / a); buf[i + 1] = Math.round(g / a); buf[i + 2] = Math.round(b / a); }
      buf[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return buf;
}

for (const [name, layers] of Object.entries(ICONS)) {
  for (const size of [16, 32, 64, 80]) {
    fs.writeFileSync(path.join(__dirname, `${name}-${size}.png`), png(size, draw(layers(), size)));
  }
}
console.log('icons written to', __dirname);
