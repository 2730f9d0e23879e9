#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-{16,32,64,80,128}.png): a blue rounded square with a
 * white "J". Plain Node (zlib), no image library. Run once; the PNGs are committed.
 *   node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BG = [0x0f, 0x6c, 0xbd]; // Fluent brand blue
const FG = [0xff, 0xff, 0xff];

// 5×7 glyph of "J" (1 = ink).
const GLYPH = ["00111", "00010", "00010", "00010", "10010", "10010", "01100"];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const radius = Math.max(2, Math.round(size / 6));
  // Glyph box: 5×7 cells scaled to ~60% of the height, centred.
  const cell = Math.max(1, Math.floor((size * 0.62) / 7));
  const gw = 5 * cell;
  const gh = 7 * cell;
  const gx = Math.floor((size - gw) / 2);
  const gy = Math.floor((size - gh) / 2);
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 + RGBA
    for (let x = 0; x < size; x++) {
      // Rounded corners: transparent outside the corner circles.
      const cx = x < radius ? radius - 0.5 : x >= size - radius ? size - radius - 0.5 : x;
      const cy = y < radius ? radius - 0.5 : y >= size - radius ? size - radius - 0.5 : y;
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
      let rgb = BG;
      const lx = x - gx;
      const ly = y - gy;
      if (lx >= 0 && ly >= 0 && lx < gw && ly < gh && GLYPH[Math.floor(ly / cell)][Math.floor(lx / cell)] === "1") rgb = FG;
      const o = 1 + x * 4;
      row[o] = rgb[0];
      row[o + 1] = rgb[1];
      row[o + 2] = rgb[2];
      row[o + 3] = inside ? 0xff : 0x00;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const s of SIZES) {
  const file = path.join(dir, `icon-${s}.png`);
  fs.writeFileSync(file, png(s));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
