import { describe, expect, it } from 'vitest';
import {
  createRandom,
  featureMatrix,
  kMeans,
  matrixRows,
  optimalGrouping,
  randomNormal,
  silhouette,
  standardizeColumns,
} from './index.js';

function blobs(seed: number, perBlob: number, centres: number[][], spread = 0.3): number[][] {
  const random = createRandom(seed);
  return centres.flatMap((centre) =>
    Array.from({ length: perBlob }, () => centre.map((c) => c + spread * randomNormal(random))),
  );
}

/** Plain Lloyd iterations from given centres, the textbook way, to check the fast kernel. */
function plainLloyd(rows: number[][], start: number[][], iterations: number) {
  let centres = start.map((c) => [...c]);
  const assign = () =>
    rows.map((row) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((c, j) => {
        const dist = c.reduce((s, v, t) => s + (v - row[t]!) ** 2, 0);
        if (dist < bestDistance) [best, bestDistance] = [j, dist];
      });
      return best;
    });
  let labels = assign();
  for (let i = 0; i < iterations; i += 1) {
    centres = centres.map((c, j) => {
      const members = rows.filter((_, r) => labels[r] === j);
      return c.map((_, t) => members.reduce((s, m) => s + m[t]!, 0) / members.length);
    });
    const next = assign();
    if (next.every((l, r) => l === labels[r])) break;
    labels = next;
  }
  const inertia = rows.reduce(
    (s, row, r) => s + centres[labels[r]!]!.reduce((a, v, t) => a + (v - row[t]!) ** 2, 0),
    0,
  );
  return inertia;
}

describe('kMeans', () => {
  const data = blobs(1, 40, [
    [0, 0, 0],
    [6, 0, 1],
    [0, 7, 2],
    [5, 5, 8],
  ]);

  it('finds well-separated clusters with canonical labels', () => {
    const result = kMeans(data, { k: 4, seed: 7 });
    expect(result.sizes).toEqual([40, 40, 40, 40]);
    // Centres sorted lexicographically: (0,0,0), (0,7,2), (5,5,8), (6,0,1).
    expect(Array.from(result.labels.slice(0, 40)).every((l) => l === 0)).toBe(true);
    expect(Array.from(result.labels.slice(40, 80)).every((l) => l === 3)).toBe(true);
    expect(Array.from(result.labels.slice(80, 120)).every((l) => l === 1)).toBe(true);
    expect(Array.from(result.labels.slice(120)).every((l) => l === 2)).toBe(true);
  });

  it('orders clusters by a stated feature', () => {
    const result = kMeans(data, { k: 4, seed: 7, order: { feature: 2, direction: 'descending' } });
    expect(result.labels[120]).toBe(0);
    expect(result.labels[0]).toBe(3);
  });

  it('reaches the same inertia as plain Lloyd iterations from the same centres', () => {
    const random = createRandom(3);
    const rows = Array.from({ length: 300 }, () => [randomNormal(random), randomNormal(random)]);
    const start = rows.slice(0, 5);
    const fast = kMeans(rows, { k: 5, seed: 0, initialCentres: start, tolerance: 0 });
    expect(fast.inertia).toBeCloseTo(plainLloyd(rows, start, 300), 9);
  });

  it('keeps the best of several restarts', () => {
    const one = kMeans(data, { k: 6, seed: 11, restarts: 1 });
    const many = kMeans(data, { k: 6, seed: 11, restarts: 8 });
    expect(many.inertia).toBeLessThanOrEqual(one.inertia + 1e-9);
  });

  it('rejects a bad k and badly shaped initial centres', () => {
    expect(() => kMeans(data, { k: 0, seed: 1 })).toThrow(/Данные не прошли проверку/);
    expect(() => kMeans(data, { k: 2, seed: 1, initialCentres: [[0, 0, 0]] })).toThrow(
      /Данные не прошли проверку/,
    );
  });

  it('does not mutate its input', () => {
    const matrix = featureMatrix(data);
    const copy = Float64Array.from(matrix.values);
    kMeans(matrix, { k: 3, seed: 2 });
    expect(matrix.values).toEqual(copy);
  });
});

describe('silhouette', () => {
  it('is high for separated clusters and computed exactly for small n', () => {
    const result = silhouette([[0], [1], [10], [11]], [0, 0, 1, 1]);
    expect(result.sampled).toBe(false);
    expect(result.mean).toBeCloseTo((1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10) / 4, 1);
  });

  it('samples the same rows for the same seed when n is large', () => {
    const rows = blobs(4, 300, [
      [0, 0],
      [5, 5],
    ]);
    const labels = rows.map((_, i) => (i < 300 ? 0 : 1));
    const a = silhouette(rows, labels, { sampleSize: 100, seed: 9 });
    const b = silhouette(rows, labels, { sampleSize: 100, seed: 9 });
    const exact = silhouette(rows, labels, { sampleSize: 10_000 });
    expect(a.sampled).toBe(true);
    expect(a.rows).toEqual(b.rows);
    expect(a.mean).toBe(b.mean);
    expect(Math.abs(a.mean - exact.mean)).toBeLessThan(0.05);
  });
});

describe('optimalGrouping', () => {
  /** Every split of sorted values into k contiguous groups (fine for tiny n). */
  function bruteForce(values: number[], k: number): number {
    const x = [...values].sort((a, b) => a - b);
    const sse = (part: number[]) => {
      const m = part.reduce((s, v) => s + v, 0) / part.length;
      return part.reduce((s, v) => s + (v - m) ** 2, 0);
    };
    const best = (start: number, groups: number): number => {
      if (groups === 1) return sse(x.slice(start));
      let min = Infinity;
      for (let end = start + 1; end <= x.length - groups + 1; end += 1) {
        min = Math.min(min, sse(x.slice(start, end)) + best(end, groups - 1));
      }
      return min;
    };
    return best(0, k);
  }

  it('is optimal against brute force', () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 20; trial += 1) {
      const values = Array.from({ length: 9 }, () => Math.round(random() * 100) / 10);
      for (const k of [1, 2, 3, 4]) {
        expect(optimalGrouping(values, k).withinSumOfSquares).toBeCloseTo(bruteForce(values, k), 9);
      }
    }
  });

  it('labels in input order with group 0 the smallest', () => {
    const grouping = optimalGrouping([30, 1, 11, 2, 10], 3);
    expect(Array.from(grouping.labels)).toEqual([2, 0, 1, 0, 1]);
    expect(grouping.groups.map((g) => g.size)).toEqual([2, 2, 1]);
    expect(grouping.groups[1]!.mean).toBeCloseTo(10.5, 12);
  });
});

describe('standardizeColumns', () => {
  it('z-scores each column', () => {
    expect(
      matrixRows(
        standardizeColumns([
          [1, 5],
          [3, 5],
        ]),
      ),
    ).toEqual([
      [-1, 0],
      [1, 0],
    ]);
  });
});
