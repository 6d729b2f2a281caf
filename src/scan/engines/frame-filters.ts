/**
 * Pixel filters a decoding pass may apply before handing a frame to the engine: a bilinear
 * upscale for codes whose narrowest bar is about one pixel, and an unsharp mask for
 * slightly blurred photos, and a crop to a region of interest. All work on RGBA and return a
 * new frame.
 */
import type { Frame } from '../scan-types.ts';
import type { Region } from './frame-survey.ts';

/** The pixels of `region` (inside the frame) as a frame of their own. */
export function cropFrame(frame: Frame, region: Region): Frame {
  const { x, y, width, height } = region;
  const out = new Uint8ClampedArray(width * height * 4);
  const rowBytes = width * 4;
  for (let row = 0; row < height; row += 1) {
    const from = ((y + row) * frame.width + x) * 4;
    out.set(frame.data.subarray(from, from + rowBytes), row * rowBytes);
  }
  return { data: out, width, height };
}

/** Bilinear resize by `factor` (> 1 enlarges). Alpha is kept. */
export function scaleFrame(frame: Frame, factor: number): Frame {
  const width = Math.max(1, Math.round(frame.width * factor));
  const height = Math.max(1, Math.round(frame.height * factor));
  const out = new Uint8ClampedArray(width * height * 4);
  const src = frame.data;
  const sw = frame.width;
  const sh = frame.height;
  // Source columns and weights are the same on every row: work them out once.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const weight = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    const x0 = Math.floor(fx);
    left[x] = x0 * 4;
    right[x] = Math.min(sw - 1, x0 + 1) * 4;
    weight[x] = fx - x0;
  }
  for (let y = 0; y < height; y += 1) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const top = y0 * sw * 4;
    const bottom = Math.min(sh - 1, y0 + 1) * sw * 4;
    const wy = fy - y0;
    let o = y * width * 4;
    for (let x = 0; x < width; x += 1, o += 4) {
      const l = left[x] as number;
      const r = right[x] as number;
      const wx = weight[x] as number;
      for (let c = 0; c < 4; c += 1) {
        const a = src[top + l + c] as number;
        const b = src[top + r + c] as number;
        const d = src[bottom + l + c] as number;
        const e = src[bottom + r + c] as number;
        const upper = a + (b - a) * wx;
        out[o + c] = upper + (d + (e - d) * wx - upper) * wy;
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
