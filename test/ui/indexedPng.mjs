// Re-encodes a screenshot as an indexed-colour PNG (at most 256 colours), so that the README's
// screenshots stay a few tens of KB and the .vsix small. Workbench screenshots hold a few thousand
// colours, nearly all of them antialiasing shades: the 256 most frequent are kept and every other
// colour takes the nearest of them, which text survives unharmed.
import { crc32, deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';

const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The palette (RGB triples, most frequent first) and each distinct colour's index in it. */
function buildPalette(rgba) {
  const counts = new Map();
  for (let i = 0; i < rgba.length; i += 4) {
    const key = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 256)
    .map(([key]) => key);
  const indexOf = new Map(palette.map((key, index) => [key, index]));
  for (const key of counts.keys()) {
    if (indexOf.has(key)) continue;
    let best = 0;
    let bestDistance = Infinity;
    for (let index = 0; index < palette.length; index++) {
      const other = palette[index];
      const dr = (key >> 16) - (other >> 16);
      const dg = ((key >> 8) & 255) - ((other >> 8) & 255);
      const db = (key & 255) - (other & 255);
      const distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    }
    indexOf.set(key, best);
  }
  return { palette, indexOf };
}

/** An RGB(A) PNG buffer → an indexed PNG buffer (alpha is dropped: screenshots are opaque). */
export function toIndexedPng(png) {
  const { width, height, data } = PNG.sync.read(png);
  const { palette, indexOf } = buildPalette(data);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none (best for indexed images)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rows[y * (width + 1) + 1 + x] = indexOf.get((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette)
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((key, index) => plte.set([key >> 16, (key >> 8) & 255, key & 255], index * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
