/**
 * Seeded randomness for specs that pick random fault points: the seed comes from
 * `AISLE_TEST_SEED` when set (to replay a failure) or is drawn fresh, and is printed, so a
 * failure at a rare point can be run again exactly.
 */

import { seededRandom as generator } from '../../fixtures/seeded-random.ts';

export interface SeededRandom {
  readonly seed: number;
  /** A whole number in [0, max). */
  int(max: number): number;
}

export function seededRandom(label: string): SeededRandom {
  const fromEnv = Number(process.env.AISLE_TEST_SEED);
  const seed = Number.isSafeInteger(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
  console.log(`${label}: random seed ${seed} (replay with AISLE_TEST_SEED=${seed})`);
  const next = generator(seed);
  return { seed, int: (max) => Math.floor(next() * max) };
}
