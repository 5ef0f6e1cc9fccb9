/**
 * eduset's seeded pseudo-random number generator (sfc32 seeded through splitmix32), so the
 * timetabling solver and the example data generators are reproducible: the same seed always
 * gives the same sequence, in Node and in the browser. Exported from `@eduset/core` and
 * `@eduset/core/courses`.
 *
 * @example
 * ```ts
 * import { SeededRandom } from '@eduset/core';
 * const random = new SeededRandom(42);
 * random.nextInt(6); // an integer 0…5, the same one for seed 42 every time
 * ```
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed Any integer; its low 32 bits are used. */
  constructor(seed: number) {
    let state = seed >>> 0;
    const split = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * The next unsigned 32-bit integer.
   *
   * @example
   * ```ts
   * import { SeededRandom } from '@eduset/core/courses';
   * new SeededRandom(1).nextUint32() >= 0; // true
   * ```
   */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * A float in [0, 1).
   *
   * @example
   * ```ts
   * import { SeededRandom } from '@eduset/core/courses';
   * new SeededRandom(1).nextFloat() < 1; // true
   * ```
   */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * An integer in [0, n) for n ≥ 1.
   *
   * @example
   * ```ts
   * import { SeededRandom } from '@eduset/core/courses';
   * new SeededRandom(7).nextInt(10) < 10; // true
   * ```
   */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }
}
