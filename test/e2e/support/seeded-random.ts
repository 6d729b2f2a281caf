/**
 * Seeded randomness for specs that pick random fault points: the seed comes from
 * `AISLE_TEST_SEED` when set (to replay a failure) or is drawn fresh, and is printed, so a
 * failure at a rare point can be run again exactly.
 */

export interface SeededRandom {
  readonly seed: number;
  /** A whole number in [0, max). */
  int(max: number): number;
}

/** mulberry32: a small, well-distributed 32-bit generator; plenty for picking delays. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function seededRandom(label: string): SeededRandom {
  const fromEnv = Number(process.env.AISLE_TEST_SEED);
  const seed = Number.isSafeInteger(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
  console.log(`${label}: random seed ${seed} (replay with AISLE_TEST_SEED=${seed})`);
  const next = generator(seed);
  return { seed, int: (max) => Math.floor(next() * max) };
}
