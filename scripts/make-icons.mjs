// Writes the PWA's PNG icons (public/icons/icon-192.png, icon-512.png, maskable-512.png): a visitor badge
// shape on the accent colour. Run once after changing the design: `node scripts/make-icons.mjs`.
// Plain zlib + the PNG format, so no image library is needed for three squares.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A badge: a white rounded card with a head and shoulders cut out in the accent colour. */
function pixel(x, y, size, padding) {
  const u = (x + 0.5) / size,
    v = (y + 0.5) / size;
  const p = padding;
  const inCard = u > p + 0.12 && u < 1 - p - 0.12 && v > p + 0.06 && v < 1 - p - 0.06;
  if (!inCard) return ACCENT;
  const head = (u - 0.5) ** 2 + (v - 0.4) ** 2 < 0.09 ** 2;
  const body = v > 0.55 && v < 0.72 && (u - 0.5) ** 2 / 0.2 ** 2 + (v - 0.72) ** 2 / 0.17 ** 2 < 1;
  return head || body ? ACCENT : WHITE;
}

function png(size, padding) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y, size, padding);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', png(192, 0));
writeFileSync('public/icons/icon-512.png', png(512, 0));
writeFileSync('public/icons/maskable-512.png', png(512, 0.1));
console.log('wrote public/icons/icon-192.png, icon-512.png, maskable-512.png');
