/**
 * Draws public/icon-maskable-512.png, the manifest's `purpose: "maskable"` icon: the Aisle
 * mark on a full-bleed background, kept inside the central 80 % circle that every launcher
 * mask leaves visible. Written once and committed; run again only to change the icon:
 *
 *   node --import tsx test/tooling/make-maskable-icon.ts
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 512;
const NAVY = [0x13, 0x26, 0x3d] as const;
const YELLOW = [0xff, 0xd2, 0x5e] as const;

type Point = readonly [number, number];

/** The "A" of icon.svg (outer outline and counter), scaled to the safe zone below. */
const OUTER: readonly Point[] = [
  [256, 148],
  [346, 364],
  [304, 364],
  [286, 318],
  [226, 318],
  [208, 364],
  [166, 364],
];
const COUNTER: readonly Point[] = [
  [256, 212],
  [238, 276],
  [274, 276],
];

function inside(polygon: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Rounded square of the mark, 0.78 of icon.svg's size so its corners stay in the safe circle. */
function inTile(x: number, y: number): boolean {
  const half = 125;
  const radius = 50;
  const dx = Math.max(Math.abs(x - 256) - (half - radius), 0);
  const dy = Math.max(Math.abs(y - 256) - (half - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

const png = new PNG({ width: SIZE, height: SIZE });
const scale = 0.78;
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    // Sample the letter in icon.svg's coordinates, shrunk about the centre.
    const sx = 256 + (x + 0.5 - 256) / scale;
    const sy = 256 + (y + 0.5 - 256) / scale;
    const letter = inside(OUTER, sx, sy) && !inside(COUNTER, sx, sy);
    const colour = inTile(x + 0.5, y + 0.5) && !letter ? YELLOW : NAVY;
    const offset = (y * SIZE + x) * 4;
    png.data[offset] = colour[0];
    png.data[offset + 1] = colour[1];
    png.data[offset + 2] = colour[2];
    png.data[offset + 3] = 255;
  }
}
const target = new URL('../../public/icon-maskable-512.png', import.meta.url);
writeFileSync(target, PNG.sync.write(png, { colorType: 2 }));
console.log(`wrote ${target.pathname}`);
