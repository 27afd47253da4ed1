#!/usr/bin/env node
// Draws the app icon and the four tray icons into build/ as PNGs (no image
// tools needed). Run again after changing a colour: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA PNG from a function (x, y) => [r, g, b, a], sampled 4x per pixel for smooth edges. */
function png(size, shade) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
        const [r, g, b, a] = shade((x + dx) / size, (y + dy) / size);
        acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const alpha = acc[3] / 4;
      raw[o] = alpha ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = alpha ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = alpha ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const NONE = [0, 0, 0, 0];

/** App icon: a dark rounded square with a white gear (maintenance) and an amber check. */
function appIcon(u, v) {
  const [x, y] = [u - 0.5, v - 0.5];
  const corner = 0.18;
  const qx = Math.max(Math.abs(x) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(y) - (0.5 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return NONE;
  const r = Math.hypot(x, y);
  const teeth = 0.30 + 0.04 * (Math.cos(8 * Math.atan2(y, x)) > 0.3 ? 1 : 0);
  if (r < teeth && r > 0.14) return [...hex('#f8fafc'), 255];
  if (r <= 0.1) return [...hex('#f59e0b'), 255];
  return [...hex('#1e3a8a'), 255];
}

/** Tray icon: a filled status dot with a light rim, readable on dark and light panels. */
const trayIcon = (colour) => (u, v) => {
  const r = Math.hypot(u - 0.5, v - 0.5);
  if (r > 0.46) return NONE;
  if (r > 0.38) return [255, 255, 255, 255];
  return [...hex(colour), 255];
};

const out = path.resolve('build');
mkdirSync(path.join(out, 'tray'), { recursive: true });
writeFileSync(path.join(out, 'icon.png'), png(512, appIcon));
const TRAY = { synced: '#16a34a', syncing: '#2563eb', offline: '#64748b', attention: '#dc2626' };
for (const [state, colour] of Object.entries(TRAY)) {
  writeFileSync(path.join(out, 'tray', `${state}.png`), png(32, trayIcon(colour)));
  writeFileSync(path.join(out, 'tray', `${state}@2x.png`), png(64, trayIcon(colour)));
}
console.log(`icons written to ${out}`);
