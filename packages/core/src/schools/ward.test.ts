import { describe, expect, it } from 'vitest';
import fixture from './fixtures/scipy-ward.json' with { type: 'json' };
import { cutDendrogram, wardClustering } from './index.js';

describe('case 6: Ward by the nearest-neighbour chain matches scipy ward', () => {
  for (const testCase of fixture.cases) {
    it(`${testCase.name}: the same merges at the same heights`, () => {
      const tree = wardClustering(testCase.data);
      expect(tree.merges).toHaveLength(testCase.merges.length);
      testCase.merges.forEach(([left, right, height, size], i) => {
        const merge = tree.merges[i]!;
        expect(merge.height).toBeCloseTo(height!, 9);
        expect(merge.size).toBe(size);
        expect([merge.left, merge.right]).toEqual([left, right]);
      });
    });
  }
});

describe('cutDendrogram', () => {
  const tree = wardClustering([[0], [1], [5], [6], [20]]);

  it('cuts into k clusters, numbered by first row', () => {
    expect(Array.from(cutDendrogram(tree, { k: 1 }))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(cutDendrogram(tree, { k: 2 }))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(cutDendrogram(tree, { k: 3 }))).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(cutDendrogram(tree, { k: 5 }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('cuts by height', () => {
    expect(Array.from(cutDendrogram(tree, { height: 1 }))).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(cutDendrogram(tree, { height: 0.99 }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('handles one row', () => {
    expect(wardClustering([[3]]).merges).toEqual([]);
  });

  it('rejects ragged rows with a bilingual error', () => {
    expect(() => wardClustering([[1, 2], [3]])).toThrow(/Данные не прошли проверку/);
  });
});
