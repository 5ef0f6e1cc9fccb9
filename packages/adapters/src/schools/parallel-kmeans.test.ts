import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@eduset/core';
import {
  createRandom,
  featureMatrix,
  kMeans,
  randomNormal,
  type KMeansOptions,
  type KMeansResult,
} from '@eduset/core/schools';
import { createKMeansPool, KMeansWorkerError, parallelKMeans } from './parallel-kmeans.js';

function blobs(seed: number, n: number, d: number, k: number): number[][] {
  const random = createRandom(seed);
  const centres = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => 3 * randomNormal(random)),
  );
  return Array.from({ length: n }, (_, i) =>
    (centres[i % k] ?? []).map((c) => c + 1.5 * randomNormal(random)),
  );
}

/** The same clustering, bit for bit: labels, centres, sizes, inertia, iterations, kept start. */
function expectSame(parallel: KMeansResult, single: KMeansResult): void {
  expect(parallel.inertia).toBe(single.inertia);
  expect(parallel.restart).toBe(single.restart);
  expect(parallel.iterations).toBe(single.iterations);
  expect(parallel.sizes).toEqual(single.sizes);
  expect(Array.from(parallel.labels)).toEqual(Array.from(single.labels));
  expect(Array.from(parallel.centres.values)).toEqual(Array.from(single.centres.values));
}

const refusal = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.unreachable('expected a refusal');
};

describe('parallelKMeans: core kMeans, its starts on worker threads', () => {
  const pool = createKMeansPool({ threads: 2 });
  afterAll(() => pool.close());

  it('gives the single-threaded core result bit for bit (2 000 × 12, k = 8, 10 starts)', async () => {
    const matrix = featureMatrix(blobs(2016, 2000, 12, 8));
    const options: KMeansOptions = { k: 8, seed: 7, restarts: 10 };
    const single = kMeans(matrix, options);
    for (const threads of [1, 2, 3]) {
      expectSame(await parallelKMeans(matrix, options, { threads }), single);
    }
    expectSame(await pool.kMeans(matrix, options), kMeans(matrix, options));
    // A matrix already in shared memory is read in place.
    const shared = new Float64Array(new SharedArrayBuffer(matrix.values.byteLength));
    shared.set(matrix.values);
    const inPlace = { rows: matrix.rows, columns: matrix.columns, values: shared };
    expectSame(await pool.kMeans(inPlace, options), kMeans(matrix, options));
  });

  it('same labels, centres and inertia for any seed, k, starts and order (property)', async () => {
    const rows = blobs(5, 400, 4, 5);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<KMeansOptions['order']>('centre', 'size', {
          feature: 2,
          direction: 'ascending',
        }),
        async (seed, k, restarts, order) => {
          const options: KMeansOptions = { k, seed, restarts, order };
          expectSame(await pool.kMeans(rows, options), kMeans(rows, options));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('runs concurrent clusterings on one pool, and initial centres as one start', async () => {
    const rows = blobs(9, 300, 3, 4);
    const a: KMeansOptions = { k: 4, seed: 1, restarts: 5 };
    const b: KMeansOptions = { k: 3, seed: 2, restarts: 4 };
    const c: KMeansOptions = { k: 2, seed: 3, initialCentres: [rows[0] ?? [], rows[1] ?? []] };
    const [ra, rb, rc] = await Promise.all([
      pool.kMeans(rows, a),
      pool.kMeans(rows, b),
      pool.kMeans(rows, c),
    ]);
    expectSame(ra, kMeans(rows, a));
    expectSame(rb, kMeans(rows, b));
    expectSame(rc, kMeans(rows, c));
  });

  it('refuses bad input with core’s errors, in Russian and English', async () => {
    const nan = await refusal(pool.kMeans([[0], [Number.NaN]], { k: 1, seed: 1 }));
    expect(nan).toBeInstanceOf(ValidationError);
    expect((nan as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual(['1.0']);
    const options = await refusal(
      parallelKMeans([[0], [1]], { k: 1.5, seed: Number.NaN, restarts: 0 }),
    );
    expect(options).toBeInstanceOf(ValidationError);
    expect((options as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
      'k',
      'seed',
      'restarts',
    ]);
    const threads = await refusal(parallelKMeans([[0], [1]], { k: 1, seed: 1 }, { threads: 0 }));
    expect(threads).toBeInstanceOf(ValidationError);
    expect((threads as ValidationError).issues[0]?.message.ru).toContain('потоков');
    expect(() => createKMeansPool({ threads: 1.5 })).toThrow(ValidationError);
  });

  it('a closed pool refuses with a KMeansWorkerError', async () => {
    const closed = createKMeansPool({ threads: 1 });
    await closed.close();
    const error = await refusal(closed.kMeans([[0], [1]], { k: 1, seed: 1 }));
    expect(error).toBeInstanceOf(KMeansWorkerError);
    expect((error as KMeansWorkerError).text.en).toContain('closed');
  });
});
