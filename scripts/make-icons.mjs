// Draws the app icons as PNG (Chromium's install check wants PNG icons, not only SVG) from the
// same shapes as public/favicon.svg: a dark rounded square with an orange zig-zag fault line.
// Usage: node scripts/make-icons.mjs   (writes public/icon-192.png, icon-512.png, icon-maskable-512.png)
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [0x1b, 0x23, 0x30];
const LINE = [0xff, 0x6b, 0x4a];
// favicon.svg, in a 32-unit box.
const POINTS = [
  [4, 20],
  [11, 12],
  [16, 18],
  [21, 8],
  [28, 16],
];
const STROKE = 3;
const RADIUS = 6;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.max(radius, Math.min(size - radius, x));
  const cy = Math.max(radius, Math.min(size - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels; `inset` shrinks the drawing (maskable icons keep a safe zone), `full` fills the square. */
function draw(size, { inset = 0, full = false } = {}) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = (size * (1 - 2 * inset)) / 32;
  const offset = size * inset;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let box = 0;
      let line = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (!full && !insideRoundedSquare(px, py, size, (RADIUS * size) / 32)) continue;
          box++;
          const ux = (px - offset) / scale;
          const uy = (py - offset) / scale;
          let nearest = Infinity;
          for (let i = 1; i < POINTS.length; i++) nearest = Math.min(nearest, distanceToSegment(ux, uy, POINTS[i - 1], POINTS[i]));
          if (nearest <= STROKE / 2) line++;
        }
      }
      const n = samples * samples;
      const mix = line / Math.max(1, box);
      const at = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(BACKGROUND[c] * (1 - mix) + LINE[c] * mix);
      pixels[at + 3] = Math.round((255 * box) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, draw(192)));
writeFileSync(new URL('icon-512.png', out), png(512, draw(512)));
// Maskable: the platform crops to its own shape, so fill the square and keep the line in the middle 80%.
writeFileSync(new URL('icon-maskable-512.png', out), png(512, draw(512, { inset: 0.1, full: true })));
console.log('wrote public/icon-192.png, public/icon-512.png, public/icon-maskable-512.png');
