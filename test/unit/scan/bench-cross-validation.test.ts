/**
 * The cross-validation's selection rule on hand-made scores: fewest wrong reads first, then
 * most reads, no fewer reads than the floor, and among equals the first candidate within
 * 10 % of the cheapest; a fold's pick never sees its held-out folder.
 */
import { describe, expect, it } from 'vitest';
import {
  pick,
  type FolderScore,
  type PipelineScore,
} from '../../../bench/scan/cross-validation.ts';

/** A score with, per folder, [still decoded, still wrong, camera decoded, camera wrong]. */
function score(
  name: string,
  idleMeanMs: number,
  folders: Record<string, [number, number, number, number]>,
): PipelineScore {
  const map = new Map<string, FolderScore>();
  for (const [folder, [sd, sw, cd, cw]] of Object.entries(folders)) {
    map.set(folder, {
      images: 10,
      still: { decoded: sd, wrong: sw },
      camera: { decoded: cd, wrong: cw },
    });
  }
  return {
    pipeline: { name, steps: [], minLines: {} },
    folders: map,
    idleMedianMs: idleMeanMs,
    idleP95Ms: idleMeanMs,
    idleMeanMs,
  };
}

const careful = score('careful', 10, { a: [8, 0, 7, 0], b: [5, 0, 5, 0] });
const greedy = score('greedy', 10, { a: [9, 1, 8, 0], b: [9, 0, 9, 0] });
const cheap = score('cheap', 9.5, { a: [8, 0, 7, 0], b: [5, 0, 5, 0] });
const cheaper = score('cheaper', 5, { a: [8, 0, 7, 0], b: [5, 0, 5, 0] });

describe('pick', () => {
  it.each([
    // On a and b, greedy misreads once: the careful one wins despite fewer reads.
    ['fewest wrong reads first', [careful, greedy], ['a', 'b'], null, 'careful'],
    // Held out a, greedy is never wrong on b and reads more there: that is the fold's pick.
    ['the held-out folder is not seen', [careful, greedy], ['b'], null, 'greedy'],
    // 9.5 ms is within 10 % of 10 ms: the earlier candidate stays.
    ['a difference within 10 % is no difference', [careful, cheap], ['a', 'b'], null, 'careful'],
    ['half the cost is a difference', [careful, cheaper], ['a', 'b'], null, 'cheaper'],
    // The floor reads 9 on b: only greedy reads that much.
    ['no fewer reads than the floor', [careful, greedy], ['b'], greedy, 'greedy'],
  ] as const)('%s', (_name, scores, folders, floor, expected) => {
    expect(pick(scores, folders, floor)?.pipeline.name).toBe(expected);
  });

  it('picks nothing when no candidate reaches the floor', () => {
    expect(pick([careful], ['a', 'b'], greedy)).toBeNull();
  });
});
