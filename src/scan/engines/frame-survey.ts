/**
 * A cheap first look at a camera frame: where, if anywhere, is there texture a barcode
 * could make? The frame is cut into cells; each cell sums luma differences across the rows
 * (vertical bars) and along them (horizontal bars) on a sparse grid of samples. Bars make
 * strong differences in one direction only, the modules of a 2D code in both; a wall, a
 * counter or a blurred shelf make few. Clusters of textured cells become regions of
 * interest, so the expensive passes run on a crop instead of the whole frame, and not at
 * all when nothing in the frame looks like a code. The region budget bounds what a frame
 * full of texture (a shelf of files, foliage, print) can cost.
 *
 * The numbers below were set on generated codes and reasoning about module sizes, not on
 * the development corpus, so the corpus can judge them.
 */
import type { Frame } from '../scan-types.ts';

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /**
   * Read it rotated as well: its cells hold horizontal bars (a linear code held sideways),
   * or the frame was read whole without a survey, so nothing is known.
   */
  readonly rotate: boolean;
}

export interface SurveyOptions {
  /** Cell side in pixels: 16 holds at least 8 modules of a code at 2 px per module. */
  readonly cell: number;
  /**
   * Sum of the mean clipped differences each way (0–128) from which a cell of bars counts;
   * bars are one-directional, which sensor noise is not, so they may be faint.
   */
  readonly minEnergy: number;
  /**
   * The same for texture in both directions (a 2D code, print, noise): 2D codes are printed
   * in strong contrast, and noise of a few grey levels must stay under it.
   */
  readonly minMixedEnergy: number;
  /** One direction's differences must be this many times the other's for a bar cell. */
  readonly barRatio: number;
  /** Fewest cells a cluster needs: a UPC-A at 1 px per module spans 6 cells of 16 px. */
  readonly minCells: number;
  /** Most regions returned, largest cluster first. */
  readonly maxRegions: number;
  /** Cells added around a cluster, for the quiet zone and the bars the cells cut through. */
  readonly margin: number;
  /** The regions together cover at most this share of the frame (the cost ceiling). */
  readonly maxShare: number;
}

export const DEFAULT_SURVEY: SurveyOptions = {
  cell: 16,
  minEnergy: 5,
  minMixedEnergy: 12,
  barRatio: 2,
  minCells: 6,
  maxRegions: 2,
  margin: 2,
  maxShare: 0.12,
};

/** Differences below NOISE are sensor noise; above CLIP one edge is as good as any. */
const NOISE = 5;
const CLIP = 64;
/** Every SAMPLE_STEP-th row and column is sampled (two per 16 px cell). */
const SAMPLE_STEP = 8;

const CellKinds = { flat: 0, vertical: 1, horizontal: 2, mixed: 3 } as const;
type CellKind = (typeof CellKinds)[keyof typeof CellKinds];

export interface CellMap {
  readonly columns: number;
  readonly rows: number;
  readonly kinds: Uint8Array;
}

/**
 * Classifies every cell. Differences across the rows are taken between every pair of
 * neighbours on every eighth row, differences along them between every pair of neighbours
 * on every eighth column (walked row by row, for the cache), so every pixel boundary a bar
 * edge can fall on is sampled in both directions: 32 differences each way per 16 px cell,
 * a quarter of the pixels' worth of work. Green channel as luma: cheap, and what a camera's
 * luma is mostly made of.
 */
export function classifyCells(frame: Frame, options: SurveyOptions = DEFAULT_SURVEY): CellMap {
  const { data, width, height } = frame;
  const { cell } = options;
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const across = new Float32Array(columns * rows);
  const along = new Float32Array(columns * rows);
  const countAcross = new Uint16Array(columns * rows);
  const countAlong = new Uint16Array(columns * rows);
  const stride = width * 4;
  const cellOf = new Int32Array(width);
  for (let x = 0; x < width; x += 1) cellOf[x] = Math.floor(x / cell);
  const offset = SAMPLE_STEP >> 1;
  for (let y = 0; y + 1 < height; y += 1) {
    const rowBase = Math.floor(y / cell) * columns;
    const p0 = y * stride + 1;
    if (y % SAMPLE_STEP === offset) {
      for (let x = 0, p = p0; x + 1 < width; x += 1, p += 4) {
        const d = Math.abs((data[p + 4] as number) - (data[p] as number));
        const c = rowBase + (cellOf[x] as number);
        across[c] = (across[c] as number) + (d <= NOISE ? 0 : d >= CLIP ? CLIP : d);
        countAcross[c] = (countAcross[c] as number) + 1;
      }
    }
    for (let x = offset, p = p0 + offset * 4; x < width; x += SAMPLE_STEP, p += SAMPLE_STEP * 4) {
      const d = Math.abs((data[p + stride] as number) - (data[p] as number));
      const c = rowBase + (cellOf[x] as number);
      along[c] = (along[c] as number) + (d <= NOISE ? 0 : d >= CLIP ? CLIP : d);
      countAlong[c] = (countAlong[c] as number) + 1;
    }
  }
  const kinds = new Uint8Array(columns * rows);
  for (let i = 0; i < kinds.length; i += 1) {
    const na = countAcross[i] as number;
    const nb = countAlong[i] as number;
    if (na === 0 || nb === 0) continue;
    const a = (across[i] as number) / na;
    const b = (along[i] as number) / nb;
    const energy = a + b;
    if (energy < options.minEnergy) continue;
    if (a >= options.barRatio * b) kinds[i] = CellKinds.vertical;
    else if (b >= options.barRatio * a) kinds[i] = CellKinds.horizontal;
    else if (energy >= options.minMixedEnergy) kinds[i] = CellKinds.mixed;
  }
  return { columns, rows, kinds };
}

interface Cluster {
  /** What most of its cells hold: bars one way or the other, or mixed texture. */
  kind: CellKind;
  cells: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  sumX: number;
  sumY: number;
}

/**
 * 8-connected clusters of textured cells of any kind (a 2D code's cells are a patchwork of
 * all three), each labelled with its majority kind.
 */
function clusters(map: CellMap): Cluster[] {
  const { columns, rows, kinds } = map;
  const seen = new Uint8Array(kinds.length);
  const found: Cluster[] = [];
  const stack: number[] = [];
  for (let start = 0; start < kinds.length; start += 1) {
    if (kinds[start] === CellKinds.flat || seen[start] === 1) continue;
    const cluster: Cluster = {
      kind: CellKinds.mixed,
      cells: 0,
      left: columns,
      top: rows,
      right: -1,
      bottom: -1,
      sumX: 0,
      sumY: 0,
    };
    const byKind = [0, 0, 0, 0];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const cx = i % columns;
      const cy = (i - cx) / columns;
      cluster.cells += 1;
      byKind[kinds[i] as number] = (byKind[kinds[i] as number] as number) + 1;
      cluster.sumX += cx;
      cluster.sumY += cy;
      cluster.left = Math.min(cluster.left, cx);
      cluster.right = Math.max(cluster.right, cx);
      cluster.top = Math.min(cluster.top, cy);
      cluster.bottom = Math.max(cluster.bottom, cy);
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = cy + dy;
        if (ny < 0 || ny >= rows) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = cx + dx;
          if (nx < 0 || nx >= columns) continue;
          const j = ny * columns + nx;
          if (kinds[j] !== CellKinds.flat && seen[j] === 0) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const [, vertical = 0, horizontal = 0, mixed = 0] = byKind;
    cluster.kind =
      vertical > horizontal && vertical > mixed
        ? CellKinds.vertical
        : horizontal > vertical && horizontal > mixed
          ? CellKinds.horizontal
          : CellKinds.mixed;
    found.push(cluster);
  }
  return found;
}

/**
 * The cluster's box in pixels with the margin, cut down when it is larger than `maxArea` (a
 * frame full of texture still costs at most that much). Bars keep their whole length: a
 * linear code is read along it, so a band of fewer scan lines across the full code is what
 * the passes need, while a crop about the centre would cut off its ends. Other texture is
 * cut about its centre.
 */
function regionOf(cluster: Cluster, frame: Frame, options: SurveyOptions, maxArea: number): Region {
  const { cell, margin } = options;
  const box = {
    left: Math.max(0, (cluster.left - margin) * cell),
    top: Math.max(0, (cluster.top - margin) * cell),
    right: Math.min(frame.width, (cluster.right + 1 + margin) * cell),
    bottom: Math.min(frame.height, (cluster.bottom + 1 + margin) * cell),
  };
  let width = box.right - box.left;
  let height = box.bottom - box.top;
  if (width * height > maxArea) {
    const least = 3 * cell;
    if (cluster.kind === CellKinds.vertical) {
      height = Math.max(least, Math.floor(maxArea / width));
      width = Math.min(width, Math.floor(maxArea / height));
    } else if (cluster.kind === CellKinds.horizontal) {
      width = Math.max(least, Math.floor(maxArea / height));
      height = Math.min(height, Math.floor(maxArea / width));
    } else {
      const shrink = Math.sqrt(maxArea / (width * height));
      width = Math.floor(width * shrink);
      height = Math.floor(height * shrink);
    }
  }
  // Centred between the box's middle and the cluster's centre of mass.
  const centreX = ((cluster.sumX / cluster.cells + 0.5) * cell + (box.left + box.right) / 2) / 2;
  const centreY = ((cluster.sumY / cluster.cells + 0.5) * cell + (box.top + box.bottom) / 2) / 2;
  const x = Math.round(Math.min(Math.max(box.left, centreX - width / 2), box.right - width));
  const y = Math.round(Math.min(Math.max(box.top, centreY - height / 2), box.bottom - height));
  return { x, y, width, height, rotate: cluster.kind === CellKinds.horizontal };
}

const overlaps = (a: Region, b: Region): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Regions of the frame worth the expensive passes, largest cluster first: bars (either
 * direction) and 2D-like texture alike, since a crop is read with every format.
 */
export function surveyFrame(frame: Frame, options: SurveyOptions = DEFAULT_SURVEY): Region[] {
  const map = classifyCells(frame, options);
  const candidates = clusters(map)
    .filter((c) => c.cells >= options.minCells)
    .sort((a, b) => b.cells - a.cells);
  let budget = options.maxShare * frame.width * frame.height;
  const regions: Region[] = [];
  for (const cluster of candidates) {
    if (regions.length >= options.maxRegions || budget <= 0) break;
    const region = regionOf(cluster, frame, options, budget);
    // What is left of the budget may be too small to hold a code: stop there.
    if (region.width < 3 * options.cell || region.height < 3 * options.cell) break;
    if (regions.some((r) => overlaps(r, region))) continue;
    regions.push(region);
    budget -= region.width * region.height;
  }
  return regions;
}
