import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/errors.js';
import {
  createRandom,
  featureMatrix,
  kMeans,
  kMeansFromRuns,
  kMeansRestartCount,
  kMeansRuns,
  randomNormal,
  type KMeansOptions,
} from './index.js';

function data(seed: number, n: number, d: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, t) => ((i * (t + 3)) % 5) + randomNormal(random)),
  );
}

describe('k-means starts run apart (kMeansRuns, kMeansFromRuns)', () => {
  it('give kMeans bit for bit, whatever the order and grouping of the starts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<KMeansOptions['order']>('centre', 'size', {
          feature: 1,
          direction: 'descending',
        }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, k, restarts, order, shuffle) => {
          const matrix = featureMatrix(data(seed % 97, 120, 3));
          const options: KMeansOptions = { k, seed, restarts, order };
          const whole = kMeans(matrix, options);
          const indices = Array.from({ length: restarts }, (_, r) => r);
          const random = createRandom(shuffle);
          indices.sort(() => random() - 0.5);
          const half = Math.floor(restarts / 2);
          const runs = [
            ...kMeansRuns(matrix, options, indices.slice(half)),
            ...kMeansRuns(matrix, options, indices.slice(0, half)),
          ];
          const apart = kMeansFromRuns(matrix, options, runs);
          expect(apart.inertia).toBe(whole.inertia);
          expect(apart.restart).toBe(whole.restart);
          expect(apart.iterations).toBe(whole.iterations);
          expect(apart.sizes).toEqual(whole.sizes);
          expect(Array.from(apart.labels)).toEqual(Array.from(whole.labels));
          expect(Array.from(apart.centres.values)).toEqual(Array.from(whole.centres.values));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('count one start with initial centres', () => {
    expect(kMeansRestartCount({ k: 2, seed: 1, restarts: 5 })).toBe(5);
    expect(kMeansRestartCount({ k: 1, seed: 1, initialCentres: [[0]] })).toBe(1);
    const rows = [[0], [1], [9], [10]];
    const options = { k: 2, seed: 1, initialCentres: [[0], [9]] };
    expect(kMeansFromRuns(rows, options, kMeansRuns(rows, options, [0])).inertia).toBe(
      kMeans(rows, options).inertia,
    );
  });

  it('refuse a bad start index and missing or repeated starts, in Russian and English', () => {
    const rows = [[0], [1], [9], [10]];
    const options = { k: 2, seed: 1, restarts: 2 };
    const refused = (action: () => unknown): ValidationError => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return error as ValidationError;
      }
      return expect.unreachable('expected a ValidationError');
    };
    const index = refused(() => kMeansRuns(rows, options, [2]));
    expect(index.issues[0]?.path).toEqual(['restarts', 0]);
    expect(index.issues[0]?.message.ru).toContain('Номер запуска');
    expect(refused(() => kMeansRuns(rows, options, [0.5])).issues[0]?.path).toEqual([
      'restarts',
      0,
    ]);
    const [first] = kMeansRuns(rows, options, [0]);
    const missing = refused(() => kMeansFromRuns(rows, options, first ? [first] : []));
    expect(missing.issues[0]?.message.en).toContain('All 2 starts');
    const twice = refused(() => kMeansFromRuns(rows, options, first ? [first, first] : []));
    expect(twice.issues[0]?.path).toEqual(['runs', 1]);
    // Bad input is refused as kMeans refuses it.
    expect(
      refused(() => kMeansRuns([[Number.NaN]], { k: 1, seed: 1 }, [0])).issues[0]?.path,
    ).toEqual([0, 0]);
  });
});
