#!/usr/bin/env node
// Draws the add-in icons (green rounded square, white rising bar chart) into assets/icon-<size>.png.
// Plain Node on purpose: no image library to install, and the output is reproducible.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41]; // Excel's green, so the button reads as "belongs to Excel"
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples a pixel: smooth edges without a rasteriser

// Shapes in unit coordinates (0..1, y down).
const TILE = { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, radius: 0.2 };
const BARS = [
  { x0: 0.2, x1: 0.36, top: 0.56 },
  { x0: 0.42, x1: 0.58, top: 0.4 },
  { x0: 0.64, x1: 0.8, top: 0.22 },
];
const BAR_BOTTOM = 0.8;

function insideRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function insideBar(x, y) {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BAR_BOTTOM);
}

/** RGBA pixels, row by row, each row prefixed with PNG filter type 0 (None). */
function drawRows(size) {
  const rows = Buffer.alloc(size * (1 + size * 4));
  let offset = 0;
  for (let py = 0; py < size; py++) {
    rows[offset++] = 0;
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let bar = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedRect(x, y, TILE)) {
            tile++;
            if (insideBar(x, y)) bar++;
          }
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const barShare = tile === 0 ? 0 : bar / tile;
      for (let c = 0; c < 3; c++) {
        rows[offset++] = Math.round(GREEN[c] + (WHITE[c] - GREEN[c]) * barShare);
      }
      rows[offset++] = Math.round((255 * tile) / samples);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  // bytes 10..12: compression, filter, interlace — all 0 (the only standard values)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(drawRows(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assetsDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(assetsDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assetsDir, `icon-${size}.png`);
  const png = encodePng(size);
  fs.writeFileSync(file, png);
  console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
}
