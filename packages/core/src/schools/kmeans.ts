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

/**
 * The squared distance when it is below `limit`; otherwise some value at least `limit` (the
 * sum stops early). Terms are added in the same order as {@link squaredDistance}, and a
 * partial sum of non-negative terms never exceeds the full one, so every comparison with
 * `limit` (and with anything at most `limit`) comes out as with the full distance.
 */
function boundedDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
  limit: number,
): number {
  let sum = 0;
  let t = 0;
  // Four terms between checks (a check per term costs more than it saves).
  for (; t + 4 <= d; t += 4) {
    const d0 = a[aOffset + t]! - b[bOffset + t]!;
    const d1 = a[aOffset + t + 1]! - b[bOffset + t + 1]!;
    const d2 = a[aOffset + t + 2]! - b[bOffset + t + 2]!;
    const d3 = a[aOffset + t + 3]! - b[bOffset + t + 3]!;
    sum += d0 * d0;
    sum += d1 * d1;
    sum += d2 * d2;
    sum += d3 * d3;
    if (sum >= limit) return sum;
  }
  for (; t < d; t += 1) {
    const diff = a[aOffset + t]! - b[bOffset + t]!;
    sum += diff * diff;
  }
  return sum;
}

/**
 * `‖c − m‖ ≥ 2‖x − m‖` means `‖x − c‖ ≥ ‖x − m‖`: in squares, `‖c − m‖² ≥ 4‖x − m‖²`. The
 * factor is 4 with a relative margin of 1e-6, far above the rounding of a squared distance
 * (about 1e-15), so a skipped distance is never one that would have counted.
 */
const TRIANGLE_MARGIN = 4 * (1 + 1e-6);

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
  // The centre each row is nearest to (closest[i] is its squared distance), and the squared
  // distances of a candidate to the centres so far.
  const owner = new Int32Array(n);
  const reach = new Float64Array(k);
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
      const co = candidate * d;
      for (let j = 0; j < c; j += 1) reach[j] = squaredDistance(centres, j * d, values, co, d);
      for (let i = 0; i < n; i += 1) {
        const near = closest[i]!;
        // Triangle inequality: a candidate at least twice as far from the row's nearest centre
        // as the row itself is no nearer (with a margin far above rounding).
        const dist =
          TRIANGLE_MARGIN * near <= reach[owner[i]!]!
            ? near
            : Math.min(near, boundedDistance(values, i * d, values, co, d, near));
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
    for (let i = 0; i < n; i += 1) if (bestDistances[i]! < closest[i]!) owner[i] = c;
    closest.set(bestDistances);
    potential = bestPotential;
  }
  void potential;
  return centres;
}

interface Run {
  readonly labels: Int32Array;
  readonly centres: Float64Array;
  readonly inertia: number;
  readonly iterations: number;
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
      const dist = boundedDistance(values, i * d, centres, j * d, d, second);
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
    // M-step: new centres from the running sums; an empty cluster takes the farthest row
    // among clusters that keep a row (so two empty clusters never take the same row, and a
    // cluster is never emptied to fill another: identical rows with k above the number of
    // distinct rows used to give a 0/0 centre). Since k ≤ n, such a row always exists.
    for (let j = 0; j < k; j += 1) {
      if (counts[j]! === 0) {
        let far = -1;
        for (let i = 0; i < n; i += 1) {
          if (counts[labels[i]!]! > 1 && (far < 0 || upper[i]! > upper[far]!)) far = i;
        }
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
        const dist = boundedDistance(values, i * d, centres, j * d, d, second);
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
  // The last label is the likely one: start from it, and skip a centre twice as far from the
  // best so far as the row (triangle inequality); the nearest centre with the lowest index
  // wins, as a plain scan from centre 0 would choose.
  const between = new Float64Array(k * k);
  for (let a = 0; a < k; a += 1) {
    for (let b = 0; b < k; b += 1)
      between[a * k + b] = squaredDistance(centres, a * d, centres, b * d, d);
  }
  let inertia = 0;
  for (let i = 0; i < n; i += 1) {
    const io = i * d;
    let label = labels[i]!;
    let best = squaredDistance(values, io, centres, label * d, d);
    const guess = label;
    for (let j = 0; j < k; j += 1) {
      if (j === guess || TRIANGLE_MARGIN * best <= between[label * k + j]!) continue;
      const dist = boundedDistance(values, io, centres, j * d, d, best);
      if (
        dist < best ||
        (dist === best && j < label && squaredDistance(values, io, centres, j * d, d) === best)
      ) {
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

const RESTARTS_MESSAGE = {
  ru: 'Число запусков должно быть целым от 1 до 10 000',
  en: 'restarts must be an integer from 1 to 10 000',
};

type Issue = ConstructorParameters<typeof ValidationError>[0][number];

const isWhole = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Every problem of k-means options, in Russian and English: k a whole number of clusters from
 * 1 to the number of rows; a finite seed; restarts 1…10 000; iterations 1…1 000 000; a
 * finite, non-negative tolerance; a known order by an existing feature. Bad numbers (NaN,
 * infinities, fractions) never reach the kernels.
 */
function checkKMeansOptions(options: KMeansOptions, n: number, d: number): void {
  const issues: Issue[] = [];
  const { k, seed, restarts, maxIterations, tolerance, order } = options;
  if (n < 1 || d < 1) {
    issues.push({
      path: [],
      code: 'too_small',
      message: {
        ru: 'Нужна хотя бы одна строка и хотя бы один признак',
        en: 'At least one row and one feature are needed',
      },
    });
  }
  if (!isWhole(k, 1, Math.max(1, n))) {
    issues.push({
      path: ['k'],
      code: 'invalid_k',
      message: {
        ru: `Число кластеров должно быть целым от 1 до ${n}`,
        en: `k must be an integer from 1 to ${n}`,
      },
    });
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    issues.push({
      path: ['seed'],
      code: 'not_finite',
      message: { ru: 'Зерно должно быть конечным числом', en: 'seed must be a finite number' },
    });
  }
  if (restarts !== undefined && !isWhole(restarts, 1, 10_000)) {
    issues.push({ path: ['restarts'], code: 'invalid_value', message: RESTARTS_MESSAGE });
  }
  if (maxIterations !== undefined && !isWhole(maxIterations, 1, 1_000_000)) {
    issues.push({
      path: ['maxIterations'],
      code: 'invalid_value',
      message: {
        ru: 'Число итераций должно быть целым от 1 до 1 000 000',
        en: 'maxIterations must be an integer from 1 to 1 000 000',
      },
    });
  }
  if (
    tolerance !== undefined &&
    (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0)
  ) {
    issues.push({
      path: ['tolerance'],
      code: 'invalid_value',
      message: {
        ru: 'Допуск должен быть конечным неотрицательным числом',
        en: 'tolerance must be a finite non-negative number',
      },
    });
  }
  if (order !== undefined && order !== 'centre' && order !== 'size') {
    const known =
      typeof order === 'object' &&
      (order as { direction?: unknown }).direction !== undefined &&
      (order.direction === 'ascending' || order.direction === 'descending') &&
      isWhole(order.feature, 0, d - 1);
    if (!known) {
      issues.push({
        path: ['order'],
        code: 'invalid_value',
        message: {
          ru: `Порядок кластеров: «centre», «size» или признак от 0 до ${d - 1} с направлением ascending/descending`,
          en: `order: 'centre', 'size' or a feature from 0 to ${d - 1} with direction ascending/descending`,
        },
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * Seeded k-means++ clustering with restarts: each start is seeded k-means++ (greedy, as
 * scikit-learn) followed by Lloyd iterations (accelerated by Hamerly's bounds, same result);
 * the start with the least inertia is kept, and clusters are numbered by a stated order so
 * that the same data always gives the same named clusters.
 *
 * Every input is checked first (a ready {@link FeatureMatrix} too): NaN, infinite or huge
 * values, ragged storage, an empty matrix, k out of range and bad options (`restarts: NaN`,
 * a fractional k, a negative tolerance, an order by a missing feature) throw a
 * `ValidationError` with a Russian and English message; a result's inertia is always finite.
 *
 * @throws ValidationError on any bad input.
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
  const plan = planKMeans(data, options);
  let best: KMeansRun | null = null;
  for (let restart = 0; restart < plan.restarts; restart += 1) {
    const run = runRestart(plan, restart);
    if (best === null || run.inertia < best.inertia) best = run;
  }
  return resultOf(plan, best);
}

/**
 * One start of {@link kMeans} before its clusters are renumbered: the labels and centres in
 * the order the start found them, its inertia and iterations, and which start it is.
 *
 * @example
 * ```ts
 * import { kMeansRuns, type KMeansRun } from '@eduset/core/schools';
 * const [run]: KMeansRun[] = kMeansRuns([[0], [1], [9]], { k: 2, seed: 1 }, [0]);
 * run?.restart; // 0
 * ```
 */
export interface KMeansRun {
  /** Index of the start (0-based), as {@link KMeansResult.restart}. */
  readonly restart: number;
  readonly labels: Int32Array;
  /** The k centres, row-major (k × columns). */
  readonly centres: Float64Array;
  readonly inertia: number;
  readonly iterations: number;
}

interface Plan {
  readonly matrix: FeatureMatrix;
  readonly options: KMeansOptions;
  readonly k: number;
  readonly restarts: number;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly initial: Float64Array | undefined;
}

/** Checks the input once and fixes what every start shares. */
function planKMeans(
  data: FeatureMatrix | readonly (readonly number[])[],
  options: KMeansOptions,
): Plan {
  const matrix = asFeatureMatrix(data);
  const { rows: n, columns: d } = matrix;
  const k = options.k;
  checkKMeansOptions(options, n, d);
  let initial: Float64Array | undefined;
  if (options.initialCentres !== undefined) {
    const centres = asFeatureMatrix(options.initialCentres);
    if (centres.rows !== k || centres.columns !== d) {
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
    initial = centres.values;
  }
  return {
    matrix,
    options,
    k,
    restarts: initial !== undefined ? 1 : (options.restarts ?? 10),
    tolerance: (options.tolerance ?? 1e-4) * meanColumnVariance(matrix),
    maxIterations: options.maxIterations ?? 300,
    initial,
  };
}

/**
 * Start `restart` of a plan. Every start draws the same number of numbers from the seeded
 * generator (one for the first centre, `2 + ⌊ln k⌋` for each further one), so start r begins
 * after r such blocks: any start can be run alone, in any order or thread, with the same result.
 */
function runRestart(plan: Plan, restart: number): KMeansRun {
  const { matrix, k } = plan;
  let start = plan.initial;
  if (start === undefined) {
    const random = createRandom(plan.options.seed);
    const draws = restart * (1 + (k - 1) * (2 + Math.floor(Math.log(k))));
    for (let i = 0; i < draws; i += 1) random();
    start = kMeansPlusPlus(matrix, k, random);
  }
  const run = lloyd(matrix, start, k, plan.maxIterations, plan.tolerance);
  return { restart, ...run };
}

/** The kept start (least inertia; the earliest of equals), its clusters in canonical order. */
function resultOf(plan: Plan, best: KMeansRun | null): KMeansResult {
  if (best === null) {
    // Unreachable from kMeans: the options check asks for at least one start.
    throw new ValidationError([
      { path: ['restarts'], code: 'too_small', message: RESTARTS_MESSAGE },
    ]);
  }
  const { rows: n, columns: d } = plan.matrix;
  const k = plan.k;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i += 1) sizes[best.labels[i]!] = sizes[best.labels[i]!]! + 1;
  const permutation = canonicalClusterOrder(best.centres, sizes, d, plan.options.order ?? 'centre');
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
    restart: best.restart,
  };
}

/**
 * The number of starts {@link kMeans} makes with these options: `restarts` (default 10), or
 * 1 with `initialCentres`.
 *
 * @example
 * ```ts
 * import { kMeansRestartCount } from '@eduset/core/schools';
 * kMeansRestartCount({ k: 8, seed: 1 }); // 10
 * ```
 */
export function kMeansRestartCount(options: KMeansOptions): number {
  return options.initialCentres !== undefined ? 1 : (options.restarts ?? 10);
}

function checkRestartIndices(restarts: readonly number[], count: number): void {
  const bad = restarts.findIndex((r) => !isWhole(r, 0, count - 1));
  if (bad >= 0) {
    throw new ValidationError([
      {
        path: ['restarts', bad],
        code: 'invalid_value',
        message: {
          ru: `Номер запуска должен быть целым от 0 до ${count - 1}`,
          en: `A start index must be an integer from 0 to ${count - 1}`,
        },
      },
    ]);
  }
}

/**
 * Runs the given starts of {@link kMeans} (0-based indices below
 * {@link kMeansRestartCount}), each exactly as `kMeans` runs it: a caller may spread the
 * starts over threads or machines and give the runs to {@link kMeansFromRuns}, which returns
 * what `kMeans` would have, bit for bit. The input is checked as by `kMeans`.
 *
 * @throws ValidationError on any bad input or start index, in Russian and English.
 * @example
 * ```ts
 * import { kMeans, kMeansFromRuns, kMeansRuns } from '@eduset/core/schools';
 * const data = [[0, 0], [0, 1], [10, 10], [10, 11]];
 * const options = { k: 2, seed: 1, restarts: 4 };
 * const runs = [...kMeansRuns(data, options, [0, 2]), ...kMeansRuns(data, options, [1, 3])];
 * kMeansFromRuns(data, options, runs).inertia === kMeans(data, options).inertia; // true
 * ```
 */
export function kMeansRuns(
  data: FeatureMatrix | readonly (readonly number[])[],
  options: KMeansOptions,
  restarts: readonly number[],
): KMeansRun[] {
  const plan = planKMeans(data, options);
  checkRestartIndices(restarts, plan.restarts);
  return restarts.map((restart) => runRestart(plan, restart));
}

/**
 * The result of {@link kMeans} from its starts run apart (by {@link kMeansRuns}): the start
 * with the least inertia is kept (the lowest index among equals, as `kMeans` keeps the first),
 * and its clusters are numbered by the stated order. Every start must be there once.
 *
 * @throws ValidationError on bad input, or when a start is missing, repeated or of the wrong
 * shape.
 * @example
 * ```ts
 * import { kMeansFromRuns, kMeansRuns } from '@eduset/core/schools';
 * const data = [[0], [1], [9]];
 * const options = { k: 2, seed: 1, restarts: 2 };
 * const result = kMeansFromRuns(data, options, kMeansRuns(data, options, [1, 0]));
 * Array.from(result.labels); // [0, 0, 1]
 * ```
 */
export function kMeansFromRuns(
  data: FeatureMatrix | readonly (readonly number[])[],
  options: KMeansOptions,
  runs: readonly KMeansRun[],
): KMeansResult {
  const plan = planKMeans(data, options);
  const seen = new Uint8Array(plan.restarts);
  const { rows: n, columns: d } = plan.matrix;
  const bad = runs.findIndex((run) => {
    const ok =
      isWhole(run.restart, 0, plan.restarts - 1) &&
      seen[run.restart] === 0 &&
      run.labels instanceof Int32Array &&
      run.labels.length === n &&
      run.centres instanceof Float64Array &&
      run.centres.length === plan.k * d &&
      typeof run.inertia === 'number';
    if (ok) seen[run.restart] = 1;
    return !ok;
  });
  if (bad >= 0 || runs.length !== plan.restarts) {
    throw new ValidationError([
      {
        path: bad >= 0 ? ['runs', bad] : ['runs'],
        code: 'invalid_runs',
        message: {
          ru: `Нужны все ${plan.restarts} запусков, каждый один раз и нужной формы`,
          en: `All ${plan.restarts} starts are needed, each once and of the right shape`,
        },
      },
    ]);
  }
  let best: KMeansRun | null = null;
  for (const run of runs) {
    if (
      best === null ||
      run.inertia < best.inertia ||
      (run.inertia === best.inertia && run.restart < best.restart)
    ) {
      best = run;
    }
  }
  return resultOf(plan, best);
}
