/**
 * Pixel filters a decoding pass may apply before handing a frame to the engine: a bilinear
 * upscale for codes whose narrowest bar is about one pixel, and an unsharp mask for
 * slightly blurred photos. Both work on RGBA and return a new frame.
 */
import type { Frame } from '../scan-types.ts';

/** Bilinear resize by `factor` (> 1 enlarges). Alpha is kept. */
export function scaleFrame(frame: Frame, factor: number): Frame {
  const width = Math.max(1, Math.round(frame.width * factor));
  const height = Math.max(1, Math.round(frame.height * factor));
  const out = new Uint8ClampedArray(width * height * 4);
  const src = frame.data;
  const sw = frame.width;
  const sh = frame.height;
  for (let y = 0; y < height; y += 1) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x += 1) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = fx - x0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c += 1) {
        const a = src[(y0 * sw + x0) * 4 + c] ?? 0;
        const b = src[(y0 * sw + x1) * 4 + c] ?? 0;
        const d = src[(y1 * sw + x0) * 4 + c] ?? 0;
        const e = src[(y1 * sw + x1) * 4 + c] ?? 0;
        out[o + c] = (a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy;
      }
    }
  }
  return { data: out, width, height };
}

/** Unsharp mask with a 3x3 box blur: value + amount * (value - blurred), per channel. */
export function sharpenFrame(frame: Frame, amount = 1): Frame {
  const { width, height, data } = frame;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c += 1) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy += 1) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          for (let dx = -1; dx <= 1; dx += 1) {
            const xx = Math.min(width - 1, Math.max(0, x + dx));
            sum += data[(yy * width + xx) * 4 + c] ?? 0;
          }
        }
        const value = data[o + c] ?? 0;
        out[o + c] = value + amount * (value - sum / 9);
      }
      out[o + 3] = data[o + 3] ?? 255;
    }
  }
  return { data: out, width, height };
}
