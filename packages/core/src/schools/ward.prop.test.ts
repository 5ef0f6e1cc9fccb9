import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainWardReference, naiveWardHeights } from '../../test/ward-references.js';
import { createRandom, randomNormal, wardClustering, type Dendrogram } from './index.js';

/** The same merges, bit for bit: ids, sizes and heights (Object.is: −0 and NaN count too). */
function expectSameTree(actual: Dendrogram, expected: Dendrogram): void {
  expect(actual.rows).toBe(expected.rows);
  expect(actual.merges).toHaveLength(expected.merges.length);
  actual.merges.forEach((merge, i) => {
    const other = expected.merges[i]!;
    expect([merge.left, merge.right, merge.size]).toEqual([other.left, other.right, other.size]);
    expect(Object.is(merge.height, other.height)).toBe(true);
  });
}

/** Rows of `columns` features drawn by `value`, from `min` to `max` rows. */
function rowsOf(value: fc.Arbitrary<number>, min: number, max: number) {
  return fc.integer({ min: 1, max: 14 }).chain((columns) =>
    fc.array(fc.array(value, { minLength: columns, maxLength: columns }), {
      minLength: min,
      maxLength: max,
    }),
  );
}

describe('wardClustering: the tree scan gives the plain nearest-neighbour chain its merges', () => {
  it('on small integer grids, full of ties and duplicates', () => {
    fc.assert(
      fc.property(rowsOf(fc.integer({ min: 0, max: 3 }), 1, 700), (rows) => {
        expectSameTree(wardClustering(rows), chainWardReference(rows));
      }),
      { numRuns: 100 },
    );
  });

  it('on real numbers of any scale', () => {
    fc.assert(
      fc.property(rowsOf(fc.double({ min: -1e6, max: 1e6, noNaN: true }), 1, 700), (rows) => {
        expectSameTree(wardClustering(rows), chainWardReference(rows));
      }),
      { numRuns: 100 },
    );
  });

  it('on many duplicates: all rows equal, or a few distinct points repeated', () => {
    const same = Array.from({ length: 1500 }, () => [1, 2, 3, 4, 5]);
    expectSameTree(wardClustering(same), chainWardReference(same));
    const few = Array.from({ length: 1500 }, (_, i) => [i % 30, (i * 7) % 5, 1, 2, 3, 4]);
    expectSameTree(wardClustering(few), chainWardReference(few));
  });

  it('on 3 000 clustered schools × 12 (the tree is rebuilt many times)', () => {
    const random = createRandom(7);
    const centres = Array.from({ length: 8 }, () =>
      Array.from({ length: 12 }, () => 3 * randomNormal(random)),
    );
    const rows = Array.from({ length: 3000 }, (_, i) =>
      centres[i % 8]!.map((c) => c + 1.5 * randomNormal(random)),
    );
    expectSameTree(wardClustering(rows), chainWardReference(rows));
  });
});

describe('wardClustering against a naive O(n³) Ward', () => {
  // In general position (continuous random rows: no two merge costs equal), every Ward
  // dendrogram has the same heights. With ties — many zeros or repeated rows — the naive
  // global-minimum order and the chain may pick different, equally valid merges, after which
  // the heights differ; ties are the first describe's business (the chain against itself).
  it('the same heights on small inputs in general position', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 14 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (seed, n, d, spread) => {
          const random = createRandom(seed);
          const rows = Array.from({ length: n }, () =>
            Array.from({ length: d }, () => spread * randomNormal(random)),
          );
          const chain = wardClustering(rows).merges.map((merge) => merge.height);
          const naive = naiveWardHeights(rows);
          expect(chain).toHaveLength(naive.length);
          chain.forEach((height, i) => {
            expect(Math.abs(height - naive[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, naive[i]!));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
