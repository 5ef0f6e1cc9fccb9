/**
 * The arithmetic mean; `NaN` for an empty list.
 *
 * @example
 * ```ts
 * import { mean } from '@eduset/core/schools';
 * mean([1, 2, 6]); // 3
 * ```
 */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * The population standard deviation (divides by n, as the wellbeing index does: the district
 * is the whole population, not a sample of it).
 *
 * @example
 * ```ts
 * import { populationStandardDeviation } from '@eduset/core/schools';
 * populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2
 * ```
 */
export function populationStandardDeviation(values: readonly number[]): number {
  const m = mean(values);
  // Scale by the largest deviation first, so tiny spreads do not underflow when squared.
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value - m));
  if (largest === 0 || !Number.isFinite(largest)) return largest === 0 ? 0 : Number.NaN;
  let sum = 0;
  for (const value of values) sum += ((value - m) / largest) ** 2;
  return largest * Math.sqrt(sum / values.length);
}

/**
 * Competition ranks ("1224"), rank 1 for the largest value. Values closer than `1e-12`
 * count as ties.
 *
 * @example
 * ```ts
 * import { ranksDescending } from '@eduset/core/schools';
 * ranksDescending([0.3, 0.9, 0.3, -1]); // [2, 1, 2, 4]
 * ```
 */
export function ranksDescending(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  const ranks = new Array<number>(values.length).fill(0);
  let previous = Number.NaN;
  let previousRank = 0;
  order.forEach((index, position) => {
    const value = values[index] ?? 0;
    const rank = position > 0 && Math.abs(value - previous) <= 1e-12 ? previousRank : position + 1;
    ranks[index] = rank;
    previous = value;
    previousRank = rank;
  });
  return ranks;
}

/**
 * Average ranks in ascending order (1 for the smallest; tied values share the mean of their
 * places), as used by rank normalization.
 *
 * @example
 * ```ts
 * import { averageRanksAscending } from '@eduset/core/schools';
 * averageRanksAscending([10, 30, 20, 20]); // [1, 4, 2.5, 2.5]
 * ```
 */
export function averageRanksAscending(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    const value = values[order[start] ?? 0] ?? 0;
    while (end + 1 < order.length && Math.abs((values[order[end + 1] ?? 0] ?? 0) - value) <= 1e-12)
      end += 1;
    const average = (start + end) / 2 + 1;
    for (let p = start; p <= end; p += 1) ranks[order[p] ?? 0] = average;
    start = end + 1;
  }
  return ranks;
}

/**
 * How many places make the bottom (or top) `share` of `outOf` places: `ceil(share × outOf)`.
 *
 * @example
 * ```ts
 * import { placesInShare } from '@eduset/core/schools';
 * placesInShare(0.1, 242); // 25 — so the bottom 10 % of 242 is place 218 or worse
 * placesInShare(0.25, 19); // 5
 * ```
 */
export function placesInShare(share: number, outOf: number): number {
  // Guard against 0.1 × 240 = 24.000000000000004 turning into 25.
  return Math.min(outOf, Math.ceil(share * outOf - 1e-9));
}

/**
 * The first place (counting 1 as best) that lies in the bottom `share` of `outOf` places.
 *
 * @example
 * ```ts
 * import { bottomThresholdPlace } from '@eduset/core/schools';
 * bottomThresholdPlace(0.1, 242); // 218
 * bottomThresholdPlace(0.25, 19); // 15
 * ```
 */
export function bottomThresholdPlace(share: number, outOf: number): number {
  return outOf - placesInShare(share, outOf) + 1;
}

/**
 * An ordinary least-squares line `y = intercept + slope × x` with its residuals.
 *
 * @example
 * ```ts
 * import type { LinearFit } from '@eduset/core/schools';
 * const fit: LinearFit = { intercept: 1, slope: 2, residuals: [0, 0] };
 * ```
 */
export interface LinearFit {
  readonly intercept: number;
  readonly slope: number;
  /** `y − (intercept + slope × x)` for each point, in input order. */
  readonly residuals: readonly number[];
}

/**
 * Fits `y` on `x` by ordinary least squares (the HSE contextualisation model: school mean
 * exam score on the wellbeing index). With fewer than two distinct `x` the slope is 0.
 *
 * @example
 * ```ts
 * import { linearFit } from '@eduset/core/schools';
 * const fit = linearFit([0.2, 0.5, 0.8, 0.3, 0.9], [55, 62, 70, 68, 66]);
 * fit.intercept; // ≈ 57.726
 * fit.slope; // ≈ 11.989
 * ```
 */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * ((y[i] ?? 0) - my);
    sxx += (xi - mx) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  return { intercept, slope, residuals: y.map((yi, i) => yi - (intercept + slope * (x[i] ?? 0))) };
}
