/**
 * A source of uniform numbers in `[0, 1)`, as the schools' sampling and clustering use it.
 * Core never calls `Math.random`: every function that needs randomness takes a seed and
 * builds one of these with {@link createRandom}, so the same seed always gives the same
 * result. eduset's seeded generator class is `SeededRandom` (`@eduset/core`); for it,
 * `() => random.nextFloat()` is a `RandomSource` too.
 *
 * @example
 * ```ts
 * import { createRandom, type RandomSource } from '@eduset/core/schools';
 * const random: RandomSource = createRandom(42);
 * random(); // a number in [0, 1), the same for seed 42 every time
 * ```
 */
export type RandomSource = () => number;

/**
 * Builds a seeded generator (SplitMix32 seeding + Mulberry32 stepping: 32-bit state, full
 * period 2³², good enough for sampling and k-means++; not for cryptography).
 *
 * @param seed - any finite number; it is reduced to 32 bits.
 * @example
 * ```ts
 * import { createRandom } from '@eduset/core/schools';
 * const a = createRandom(7);
 * const b = createRandom(7);
 * a() === b(); // true
 * ```
 */
export function createRandom(seed: number): RandomSource {
  let state = Math.trunc(seed) >>> 0;
  // Scramble the seed once (SplitMix32 finalizer), so that seeds 1, 2, 3 start far apart.
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35);
  state = (state ^ (state >>> 16)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded integer in `[0, bound)`.
 *
 * @example
 * ```ts
 * import { createRandom, randomInt } from '@eduset/core/schools';
 * randomInt(createRandom(1), 19); // 0…18
 * ```
 */
export function randomInt(random: RandomSource, bound: number): number {
  return Math.min(bound - 1, Math.floor(random() * bound));
}

/**
 * A seeded standard normal number (Box–Muller).
 *
 * @example
 * ```ts
 * import { createRandom, randomNormal } from '@eduset/core/schools';
 * randomNormal(createRandom(3)); // e.g. -0.42
 * ```
 */
export function randomNormal(random: RandomSource): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
