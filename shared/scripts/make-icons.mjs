#!/usr/bin/env node
/**
 * Draws the Sendwell brand mark (a white envelope on a teal rounded square) and writes the PNG icons
 * the manifests reference: icon-16/32/64/80/128.png (Outlook ribbon, IconUrl, HighResolutionIconUrl,
 * Gmail logo), color.png 192x192 and outline.png 32x32 (unified manifest app package).
 * Run: node shared/scripts/make-icons.mjs  (deterministic: same bytes every run)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BRAND = [14, 124, 134]; // #0E7C86
const WHITE = [255, 255, 255];
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

// --- shapes in unit coordinates (0..1), answering "is this point inside?" ---
const roundedSquare = (x, y, r = 0.2) => {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= r * r;
};
const envelopeBody = (x, y) => x >= 0.2 && x <= 0.8 && y >= 0.3 && y <= 0.7;
/** The flap: distance from the V from the top corners to the middle. */
const flap = (x, y, width) => {
  const [ax, ay, bx, by] = x < 0.5 ? [0.2, 0.3, 0.5, 0.53] : [0.8, 0.3, 0.5, 0.53];
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
};
const envelopeOutline = (x, y, w) =>
  envelopeBody(x, y) && !(x > 0.2 + w && x < 0.8 - w && y > 0.3 + w && y < 0.7 - w);

/** Colour of one sample: [r, g, b, a] or null for transparent. */
function colourMark(x, y) {
  if (!roundedSquare(x, y)) return null;
  if (envelopeBody(x, y) && !flap(x, y, 0.07)) return WHITE;
  return BRAND;
}
function outlineMark(x, y) {
  return envelopeOutline(x, y, 0.07) || (envelopeBody(x, y) && flap(x, y, 0.07)) ? WHITE : null;
}

/** Rasterises with 4x4 supersampling so small sizes stay legible. */
function render(size, mark) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const c = mark((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          covered += 1;
          for (let k = 0; k < 3; k += 1) sum[k] += c[k];
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let k = 0; k < 3; k += 1) rgba[o + k] = Math.round(sum[k] / covered);
      rgba[o + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

// --- a minimal PNG encoder: RGBA, 8 bits, no filtering, one IDAT ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method extras, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const files = [
  ...[16, 32, 64, 80, 128].map((size) => [`icon-${size}.png`, render(size, colourMark)]),
  ['color.png', render(192, colourMark)],
  ['outline.png', render(32, outlineMark)],
];
for (const [name, png] of files) {
  writeFileSync(join(OUT, name), png);
  console.log(`wrote shared/assets/${name} (${png.length} bytes)`);
}
