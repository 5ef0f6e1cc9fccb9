/* eslint-disable @typescript-eslint/no-non-null-assertion -- numeric kernels: every typed-array index is bounded by its loop */
import { ValidationError } from '../common/errors.js';
import { MAX_FEATURE_MAGNITUDE } from './matrix.js';

/**
 * An optimal grouping of numbers into `k` contiguous groups: labels in input order (group 0
 * holds the smallest values), the groups' bounds and means, and the total within-group sum
 * of squares, which no other grouping into `k` groups beats.
 *
 * @example
 * ```ts
 * import type { OptimalGrouping } from '@eduset/core/schools';
 * declare const grouping: OptimalGrouping;
 * grouping.groups.map((g) => [g.min, g.max]);
 * ```
 */
export interface OptimalGrouping {
  readonly labels: Int32Array;
  readonly groups: readonly {
    readonly min: number;
    readonly max: number;
    readonly mean: number;
    readonly size: number;
  }[];
  readonly withinSumOfSquares: number;
}

/**
 * Exact optimal 1-D grouping (Ckmeans.1d.dp): dynamic programming over the sorted values,
 * each layer by divide and conquer on the monotone split points — O(k · n log n). Use it to
 * group schools by the wellbeing index alone, e.g. into five socio-economic groups as the
 * Chilean SIMCE does.
 *
 * @throws ValidationError (Russian and English) when a value is not finite or above
 * {@link MAX_FEATURE_MAGNITUDE} in magnitude, or k is not a whole number from 1 to n.
 * @example
 * ```ts
 * import { optimalGrouping } from '@eduset/core/schools';
 * const grouping = optimalGrouping([1, 2, 10, 11, 30], 3);
 * Array.from(grouping.labels); // [0, 0, 1, 1, 2]
 * ```
 */
export function optimalGrouping(values: readonly number[], k: number): OptimalGrouping {
  if (!Array.isArray(values)) {
    throw new ValidationError([
      {
        path: ['values'],
        code: 'invalid_type',
        message: { ru: 'Ожидается список чисел', en: 'Expected a list of numbers' },
      },
    ]);
  }
  const n = values.length;
  const issues: ConstructorParameters<typeof ValidationError>[0][number][] = [];
  const bad = values.findIndex(
    (v) => typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_FEATURE_MAGNITUDE,
  );
  if (bad >= 0) {
    issues.push({
      path: ['values', bad],
      code: 'not_finite',
      message: {
        ru: 'Ожидается конечное число не больше 1e100 по модулю',
        en: 'Expected a finite number of magnitude at most 1e100',
      },
    });
  }
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    issues.push({
      path: ['k'],
      code: 'invalid_k',
      message: {
        ru: `Нужно целое число групп от 1 до ${n}`,
        en: `An integer k from 1 to ${n} is needed`,
      },
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => values[a]! - values[b]! || a - b,
  );
  const x = new Float64Array(n);
  order.forEach((index, position) => {
    x[position] = values[index]!;
  });
  // Prefix sums of shifted values for a numerically stable sum of squares.
  const shift = x[Math.floor(n / 2)]!;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    const v = x[i]! - shift;
    s1[i + 1] = s1[i]! + v;
    s2[i + 1] = s2[i]! + v * v;
  }
  // Sum of squares of x[j..i] inclusive.
  const cost = (j: number, i: number): number => {
    const count = i - j + 1;
    const sum = s1[i + 1]! - s1[j]!;
    return Math.max(0, s2[i + 1]! - s2[j]! - (sum * sum) / count);
  };
  const previous = new Float64Array(n);
  const current = new Float64Array(n);
  const splits: Int32Array[] = [];
  for (let i = 0; i < n; i += 1) previous[i] = cost(0, i);
  splits.push(new Int32Array(n));
  for (let layer = 1; layer < k; layer += 1) {
    const split = new Int32Array(n);
    current.fill(Number.POSITIVE_INFINITY);
    // current[i] = min over j in [layer, i] of previous[j − 1] + cost(j, i).
    const solve = (lo: number, hi: number, optLo: number, optHi: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >>> 1;
      let bestJ = Math.max(layer, optLo);
      let best = Number.POSITIVE_INFINITY;
      const top = Math.min(mid, optHi);
      for (let j = Math.max(layer, optLo); j <= top; j += 1) {
        const value = previous[j - 1]! + cost(j, mid);
        if (value < best) {
          best = value;
          bestJ = j;
        }
      }
      current[mid] = best;
      split[mid] = bestJ;
      solve(lo, mid - 1, optLo, bestJ);
      solve(mid + 1, hi, bestJ, optHi);
    };
    solve(layer, n - 1, layer, n - 1);
    splits.push(split);
    previous.set(current);
  }
  // Walk the splits back from the last value.
  const sortedLabels = new Int32Array(n);
  const groups: { min: number; max: number; mean: number; size: number }[] = [];
  let end = n - 1;
  for (let layer = k - 1; layer >= 0; layer -= 1) {
    const start = layer === 0 ? 0 : splits[layer]![end]!;
    for (let i = start; i <= end; i += 1) sortedLabels[i] = layer;
    const size = end - start + 1;
    groups.unshift({
      min: x[start]!,
      max: x[end]!,
      mean: (s1[end + 1]! - s1[start]!) / size + shift,
      size,
    });
    end = start - 1;
  }
  const labels = new Int32Array(n);
  order.forEach((index, position) => {
    labels[index] = sortedLabels[position]!;
  });
  return { labels, groups, withinSumOfSquares: previous[n - 1]! };
}
