/* eslint-disable @typescript-eslint/no-non-null-assertion -- numeric kernels: every typed-array index is bounded by its loop */
import { ValidationError } from '../common/errors.js';
import { asFeatureMatrix, type FeatureMatrix } from './matrix.js';
import { createRandom, type RandomSource } from './random.js';

/**
 * The key that orders clusters, so that the same data always gives the same named clusters
 * whatever the seed or the row order: `centre` sorts centres lexicographically (feature 0
 * ascending, then feature 1, …); `{ feature, direction }` sorts by one feature of the centre
 * (e.g. the wellbeing index, ascending: cluster 0 is the least favourable); `size` puts the
 * largest cluster first (ties by centre).
 *
 * @example
 * ```ts
 * import type { ClusterOrder } from '@eduset/core/schools';
 * const order: ClusterOrder = { feature: 0, direction: 'ascending' };
 * ```
 */
export type ClusterOrder =
  'centre' | 'size' | { readonly feature: number; readonly direction: 'ascending' | 'descending' };

/**
 * Options of {@link kMeans}.
 *
 * @example
 * ```ts
 * import type { KMeansOptions } from '@eduset/core/schools';
 * const options: KMeansOptions = { k: 8, seed: 2016, restarts: 10 };
 * ```
 */
export interface KMeansOptions {
  readonly k: number;
  /** Seed of the k-means++ sampling; the same seed gives the same labels. */
  readonly seed: number;
  /** Independent k-means++ starts; the one with the least inertia is kept (default 10). */
  readonly restarts?: number;
  /** Lloyd iterations per start (default 300). */
  readonly maxIterations?: number;
  /**
   * Relative tolerance, as scikit-learn's `tol`: stop when the squared centre shift summed
   * over centres is at most `tolerance × mean column variance` (default 1e-4).
   */
  readonly tolerance?: number;
  /** Start from these centres instead of k-means++ (one start only). */
  readonly initialCentres?: FeatureMatrix | readonly (readonly number[])[];
  /** How clusters are numbered (default `centre`). */
  readonly order?: ClusterOrder;
}

/**
 * A k-means clustering: a label per row (0…k−1, canonical order), the centres, cluster
 * sizes and the inertia (sum of squared distances of rows to their centres).
 *
 * @example
 * ```ts
 * import type { KMeansResult } from '@eduset/core/schools';
 * declare const result: KMeansResult;
 * result.labels[0]; // cluster of the first school
 * ```
 */
export interface KMeansResult {
  readonly labels: Int32Array;
  readonly centres: FeatureMatrix;
  readonly sizes: readonly number[];
  readonly inertia: number;
  /** Lloyd iterations of the kept start. */
  readonly iterations: number;
  /** Index of the kept start (0-based). */
  readonly restart: number;
}

function squaredDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
): number {
  let sum = 0;
  for (let t = 0; t < d; t += 1) {
    const diff = a[aOffset + t]! - b[bOffset + t]!;
    sum += diff * diff;
  }
  return sum;
}

/** Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, best potential kept). */
function kMeansPlusPlus(matrix: FeatureMatrix, k: number, random: RandomSource): Float64Array {
  const { rows: n, columns: d, values } = matrix;
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(random() * n));
  centres.set(values.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i += 1) {
    closest[i] = squaredDistance(values, i * d, centres, 0, d);
    potential += closest[i]!;
  }
  const cumulative = new Float64Array(n);
  const candidateDistances = new Float64Array(n);
  const bestDistances = new Float64Array(n);
  for (let c = 1; c < k; c += 1) {
    let running = 0;
    for (let i = 0; i < n; i += 1) {
      running += closest[i]!;
      cumulative[i] = running;
    }
    let bestCandidate = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let trial = 0; trial < trials; trial += 1) {
      const target = random() * running;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! <= target) lo = mid + 1;
        else hi = mid;
      }
      const candidate = lo;
      let candidatePotential = 0;
      for (let i = 0; i < n; i += 1) {
        const dist = Math.min(
          closest[i]!,
          squaredDistance(values, i * d, values, candidate * d, d),
        );
        candidateDistances[i] = dist;
        candidatePotential += dist;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestDistances.set(candidateDistances);
      }
    }
    centres.set(values.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    closest.set(bestDistances);
    potential = bestPotential;
  }
  void potential;
  return centres;
}

interface Run {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  iterations: number;
}

/**
 * Lloyd's algorithm with Hamerly's bounds: the same assignments and centres as plain Lloyd
 * iterations (so the same inertia as scikit-learn from the same start), but most distance
 * computations are skipped once the centres settle.
 */
function lloyd(
  matrix: FeatureMatrix,
  start: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
): Run {
  const { rows: n, columns: d, values } = matrix;
  const centres = Float64Array.from(start);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const half = new Float64Array(k);
  const shift = new Float64Array(k);
  const newCentres = new Float64Array(k * d);

  // First assignment: all distances.
  for (let i = 0; i < n; i += 1) {
    let best = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    let label = 0;
    for (let j = 0; j < k; j += 1) {
      const dist = squaredDistance(values, i * d, centres, j * d, d);
      if (dist < best) {
        second = best;
        best = dist;
        label = j;
      } else if (dist < second) second = dist;
    }
    labels[i] = label;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
    counts[label] = counts[label]! + 1;
    for (let t = 0; t < d; t += 1) sums[label * d + t] = sums[label * d + t]! + values[i * d + t]!;
  }

  let iterations = 0;
  for (; iterations < maxIterations;) {
    iterations += 1;
    // M-step: new centres from the running sums; an empty cluster takes the farthest row.
    for (let j = 0; j < k; j += 1) {
      if (counts[j]! === 0) {
        let far = 0;
        for (let i = 1; i < n; i += 1) if (upper[i]! > upper[far]!) far = i;
        const from = labels[far]!;
        counts[from] = counts[from]! - 1;
        counts[j] = 1;
        for (let t = 0; t < d; t += 1) {
          sums[from * d + t] = sums[from * d + t]! - values[far * d + t]!;
          sums[j * d + t] = values[far * d + t]!;
        }
        labels[far] = j;
        upper[far] = 0;
        lower[far] = 0;
      }
    }
    let totalShift = 0;
    let maxShift = 0;
    let maxShiftCluster = 0;
    let secondShift = 0;
    for (let j = 0; j < k; j += 1) {
      let moved = 0;
      for (let t = 0; t < d; t += 1) {
        const value = sums[j * d + t]! / counts[j]!;
        const diff = value - centres[j * d + t]!;
        moved += diff * diff;
        newCentres[j * d + t] = value;
      }
      totalShift += moved;
      const distance = Math.sqrt(moved);
      shift[j] = distance;
      if (distance > maxShift) {
        secondShift = maxShift;
        maxShift = distance;
        maxShiftCluster = j;
      } else if (distance > secondShift) secondShift = distance;
    }
    centres.set(newCentres);
    if (totalShift <= tolerance) break;
    // Bounds follow the centres.
    for (let i = 0; i < n; i += 1) {
      const label = labels[i]!;
      upper[i] = upper[i]! + shift[label]!;
      lower[i] = lower[i]! - (label === maxShiftCluster ? secondShift : maxShift);
    }
    // Half the distance from each centre to its nearest other centre.
    for (let j = 0; j < k; j += 1) {
      let nearest = Number.POSITIVE_INFINITY;
      for (let other = 0; other < k; other += 1) {
        if (other === j) continue;
        const dist = squaredDistance(centres, j * d, centres, other * d, d);
        if (dist < nearest) nearest = dist;
      }
      half[j] = Math.sqrt(nearest) / 2;
    }
    // E-step with Hamerly's test.
    let changed = 0;
    for (let i = 0; i < n; i += 1) {
      const label = labels[i]!;
      const bound = Math.max(half[label]!, lower[i]!);
      if (upper[i]! <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(values, i * d, centres, label * d, d));
      if (upper[i]! <= bound) continue;
      let best = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let j = 0; j < k; j += 1) {
        const dist = squaredDistance(values, i * d, centres, j * d, d);
        if (dist < best) {
          second = best;
          best = dist;
          next = j;
        } else if (dist < second) second = dist;
      }
      upper[i] = Math.sqrt(best);
      lower[i] = Math.sqrt(second);
      if (next !== label) {
        changed += 1;
        labels[i] = next;
        counts[label] = counts[label]! - 1;
        counts[next] = counts[next]! + 1;
        for (let t = 0; t < d; t += 1) {
          const value = values[i * d + t]!;
          sums[label * d + t] = sums[label * d + t]! - value;
          sums[next * d + t] = sums[next * d + t]! + value;
        }
      }
    }
    if (changed === 0) break;
  }
  // Final assignment to the final centres, and the exact inertia.
  let inertia = 0;
  for (let i = 0; i < n; i += 1) {
    let best = Number.POSITIVE_INFINITY;
    let label = 0;
    for (let j = 0; j < k; j += 1) {
      const dist = squaredDistance(values, i * d, centres, j * d, d);
      if (dist < best) {
        best = dist;
        label = j;
      }
    }
    labels[i] = label;
    inertia += best;
  }
  return { labels, centres, inertia, iterations };
}

function meanColumnVariance(matrix: FeatureMatrix): number {
  const { rows: n, columns: d, values } = matrix;
  let total = 0;
  for (let t = 0; t < d; t += 1) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i += 1) {
      const value = values[i * d + t]!;
      sum += value;
      squares += value * value;
    }
    const m = sum / n;
    total += squares / n - m * m;
  }
  return d > 0 ? total / d : 0;
}

/**
 * Renumbers clusters by the stated order and returns the permutation (`old → new`).
 *
 * @example
 * ```ts
 * import { canonicalClusterOrder } from '@eduset/core/schools';
 * canonicalClusterOrder(new Float64Array([5, 1]), [3, 4], 1, 'centre'); // Int32Array [1, 0]
 * ```
 */
export function canonicalClusterOrder(
  centres: Float64Array,
  sizes: readonly number[],
  columns: number,
  order: ClusterOrder,
): Int32Array {
  const k = sizes.length;
  const lexicographic = (a: number, b: number): number => {
    for (let t = 0; t < columns; t += 1) {
      const diff = centres[a * columns + t]! - centres[b * columns + t]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  };
  const ids = Array.from({ length: k }, (_, j) => j);
  if (order === 'centre') ids.sort(lexicographic);
  else if (order === 'size') ids.sort((a, b) => sizes[b]! - sizes[a]! || lexicographic(a, b));
  else {
    const sign = order.direction === 'ascending' ? 1 : -1;
    ids.sort(
      (a, b) =>
        sign * (centres[a * columns + order.feature]! - centres[b * columns + order.feature]!) ||
        lexicographic(a, b),
    );
  }
  const permutation = new Int32Array(k);
  ids.forEach((old, position) => {
    permutation[old] = position;
  });
  return permutation;
}

/**
 * Seeded k-means++ clustering with restarts: each start is seeded k-means++ (greedy, as
 * scikit-learn) followed by Lloyd iterations (accelerated by Hamerly's bounds, same result);
 * the start with the least inertia is kept, and clusters are numbered by a stated order so
 * that the same data always gives the same named clusters.
 *
 * @example
 * ```ts
 * import { kMeans } from '@eduset/core/schools';
 * const result = kMeans([[0, 0], [0, 1], [10, 10], [10, 11]], { k: 2, seed: 1 });
 * Array.from(result.labels); // [0, 0, 1, 1]
 * result.inertia; // 1
 * ```
 */
export function kMeans(
  data: FeatureMatrix | readonly (readonly number[])[],
  options: KMeansOptions,
): KMeansResult {
  const matrix = asFeatureMatrix(data);
  const { rows: n, columns: d } = matrix;
  const k = options.k;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new ValidationError([
      {
        path: ['k'],
        code: 'invalid_k',
        message: {
          ru: `Число кластеров должно быть целым от 1 до ${n}`,
          en: `k must be an integer from 1 to ${n}`,
        },
      },
    ]);
  }
  const tolerance = (options.tolerance ?? 1e-4) * meanColumnVariance(matrix);
  const maxIterations = options.maxIterations ?? 300;
  const random = createRandom(options.seed);
  const starts: Float64Array[] = [];
  if (options.initialCentres !== undefined) {
    const initial = asFeatureMatrix(options.initialCentres);
    if (initial.rows !== k || initial.columns !== d) {
      throw new ValidationError([
        {
          path: ['initialCentres'],
          code: 'invalid_shape',
          message: {
            ru: `Ожидается ${k} начальных центров по ${d} признаков`,
            en: `Expected ${k} initial centres of ${d} features`,
          },
        },
      ]);
    }
    starts.push(initial.values);
  }
  const restarts = options.initialCentres !== undefined ? 1 : Math.max(1, options.restarts ?? 10);
  let best: Run | null = null;
  let bestRestart = 0;
  for (let restart = 0; restart < restarts; restart += 1) {
    const start = starts[restart] ?? kMeansPlusPlus(matrix, k, random);
    const run = lloyd(matrix, start, k, maxIterations, tolerance);
    if (best === null || run.inertia < best.inertia) {
      best = run;
      bestRestart = restart;
    }
  }
  if (best === null) throw new Error('unreachable: at least one start');
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i += 1) sizes[best.labels[i]!] = sizes[best.labels[i]!]! + 1;
  const permutation = canonicalClusterOrder(best.centres, sizes, d, options.order ?? 'centre');
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i += 1) labels[i] = permutation[best.labels[i]!]!;
  const centres = new Float64Array(k * d);
  const orderedSizes = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j += 1) {
    const to = permutation[j]!;
    centres.set(best.centres.subarray(j * d, j * d + d), to * d);
    orderedSizes[to] = sizes[j]!;
  }
  return {
    labels,
    centres: { rows: k, columns: d, values: centres },
    sizes: orderedSizes,
    inertia: best.inertia,
    iterations: best.iterations,
    restart: bestRestart,
  };
}
