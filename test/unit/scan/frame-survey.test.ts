/**
 * The survey finds generated codes in 720p frames and nothing in frames without one, never
 * gives more than its budget of the frame, and keeps a linear code's full length; the region
 * passes then read what the whole-frame passes could not afford to look for.
 */
import { describe, expect, it } from 'vitest';
import { cropFrame } from '../../../src/scan/engines/frame-filters.ts';
import {
  DEFAULT_SURVEY,
  surveyFrame,
  type Region,
} from '../../../src/scan/engines/frame-survey.ts';
import type { Frame } from '../../../src/scan/scan-types.ts';
import { barcodeFrame, emptyFrame, type BarcodeSpec } from '../../fixtures/barcodes/barcodes.ts';
import { seededRandom } from '../../fixtures/seeded-random.ts';

const W = 1280;
const H = 720;

/** Grey noise of standard deviation about `sigma` added to every pixel (seeded). */
function withNoise(frame: Frame, sigma: number, seed = 16): Frame {
  const random = seededRandom(seed);
  const data = new Uint8ClampedArray(frame.data);
  for (let i = 0; i < data.length; i += 4) {
    const grain = (random() + random() + random() - 1.5) * 2 * sigma;
    for (let c = 0; c < 3; c += 1) data[i + c] = (data[i + c] as number) + grain;
  }
  return { data, width: frame.width, height: frame.height };
}

/** The box (in frame pixels) where barcodeFrame centred the code image. */
async function codeBox(spec: BarcodeSpec): Promise<Region> {
  const frame = await barcodeFrame(spec, W, H);
  let left = W;
  let right = 0;
  let top = H;
  let bottom = 0;
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      if ((frame.data[(y * W + x) * 4] as number) < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1, rotate: false };
}

const contains = (outer: Region, inner: Region, axis: 'x' | 'y'): boolean =>
  axis === 'x'
    ? outer.x <= inner.x && outer.x + outer.width >= inner.x + inner.width
    : outer.y <= inner.y && outer.y + outer.height >= inner.y + inner.height;

describe('surveyFrame', () => {
  it.each([
    ['EAN-13', { bcid: 'ean13', text: '4006381333931', scale: 2 }, false],
    ['Code 128 serial', { bcid: 'code128', text: 'SN4K7Q2M9X1B3C', scale: 2 }, false],
    [
      'EAN-13 held sideways',
      { bcid: 'ean13', text: '4006381333931', scale: 2, extra: { rotate: 'R' } },
      true,
    ],
    ['QR', { bcid: 'qrcode', text: 'https://aisle.example/p/123', scale: 4 }, null],
  ] as [string, BarcodeSpec, boolean | null][])(
    'finds the %s, noisy as a camera frame, in its first region',
    async (_name, spec, sideways) => {
      const frame = withNoise(await barcodeFrame(spec, W, H), 4);
      const [first] = surveyFrame(frame);
      const code = await codeBox(spec);
      expect(first).toBeDefined();
      // The whole code along its bars' reading direction, some of it across.
      expect(contains(first as Region, code, sideways === true ? 'y' : 'x')).toBe(true);
      // Bars say which way to read; a 2D code reads either way.
      if (sideways !== null) expect(first?.rotate).toBe(sideways);
    },
  );

  it('finds nothing in an evenly lit, featureless frame, even with sensor noise', () => {
    const wall = emptyFrame(W, H);
    // emptyFrame's dark disc is texture (its rim is an edge); paint it over.
    for (let i = 0; i < wall.data.length; i += 4) wall.data.fill(200, i, i + 3);
    expect(surveyFrame(withNoise(wall, 5))).toEqual([]);
  });

  it('never hands the passes more than its share of a frame full of texture', () => {
    // Stripes everywhere: the worst case for the budget.
    const data = new Uint8ClampedArray(W * H * 4).fill(255);
    for (let i = 0; i < W * H; i += 1) {
      const x = i % W;
      const v = Math.floor(x / 3) % 2 === 0 ? 30 : 220;
      data.fill(v, i * 4, i * 4 + 3);
    }
    const regions = surveyFrame({ data, width: W, height: H });
    const area = regions.reduce((sum, r) => sum + r.width * r.height, 0);
    expect(regions.length).toBeGreaterThan(0);
    expect(area).toBeLessThanOrEqual(DEFAULT_SURVEY.maxShare * W * H);
    // Vertical stripes keep their full width: a band of fewer lines, not a centre crop.
    expect(regions[0]?.width).toBe(W);
  });
});

describe('cropFrame', () => {
  it('copies exactly the region, row by row', () => {
    const data = new Uint8ClampedArray(4 * 3 * 4).map((_, i) => i);
    const crop = cropFrame(
      { data, width: 4, height: 3 },
      { x: 1, y: 1, width: 2, height: 2, rotate: false },
    );
    // Pixel (1,1) starts at byte (1*4+1)*4 = 20; (1,2) at (2*4+1)*4 = 36.
    expect([...crop.data]).toEqual([
      20, 21, 22, 23, 24, 25, 26, 27, 36, 37, 38, 39, 40, 41, 42, 43,
    ]);
  });
});
