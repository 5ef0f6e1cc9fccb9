/**
 * A school's contextual value added (UK CVA style): the residual of its results on the
 * wellbeing index, shrunk towards 0 by `k = σu² / (σu² + σe²/n)`, with a confidence
 * interval from the posterior standard deviation `√(k σe² / n)`.
 *
 * @example
 * ```ts
 * import type { ValueAdded } from '@eduset/core/schools';
 * declare const va: ValueAdded;
 * va.lower > 0; // significantly better than expected for its context
 * ```
 */
export interface ValueAdded {
  /** Raw residual: actual minus expected mean score. */
  readonly residual: number;
  /** Number of examinees behind the mean. */
  readonly examinees: number;
  /** The shrinkage factor `k` in `[0, 1]`. */
  readonly shrinkage: number;
  /** `k × residual`. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Shrinks a school's residual by its size: a small school's residual is mostly pupil noise,
 * so it is pulled towards 0 and its interval is wide — it is not flagged on noise.
 *
 * @param input - the residual, the number of examinees, σu² (`schoolVariance`, the variance of
 *   true school effects), σe² (`pupilVariance`, the variance of pupil scores within a school)
 *   and `z`, the normal quantile of the interval (1.96 for 95 %, the default).
 * @example
 * ```ts
 * import { shrinkValueAdded } from '@eduset/core/schools';
 * const small = shrinkValueAdded({ residual: -10, examinees: 5, schoolVariance: 9, pupilVariance: 100 });
 * small.shrinkage; // ≈ 0.310
 * small.estimate; // ≈ -3.10, and its 95 % interval contains 0
 * ```
 */
export function shrinkValueAdded(input: {
  readonly residual: number;
  readonly examinees: number;
  readonly schoolVariance: number;
  readonly pupilVariance: number;
  readonly z?: number;
}): ValueAdded {
  const { residual, examinees, schoolVariance, pupilVariance } = input;
  const z = input.z ?? 1.96;
  const noise = examinees > 0 ? pupilVariance / examinees : Number.POSITIVE_INFINITY;
  const denominator = schoolVariance + noise;
  const shrinkage =
    denominator > 0 && Number.isFinite(denominator) ? schoolVariance / denominator : 0;
  const estimate = shrinkage * residual;
  const posteriorSd = Math.sqrt(Math.max(0, schoolVariance * (1 - shrinkage)));
  return {
    residual,
    examinees,
    shrinkage,
    estimate,
    lower: estimate - z * posteriorSd,
    upper: estimate + z * posteriorSd,
  };
}

/**
 * Estimates σu², the between-school variance of true effects, from residuals by the method
 * of moments: the residuals' variance (n − 2 degrees of freedom after the line) minus the
 * mean sampling noise `σe²/nᵢ`, never below 0.
 *
 * @example
 * ```ts
 * import { estimateSchoolVariance } from '@eduset/core/schools';
 * estimateSchoolVariance([-5, 3, 4, -2], [20, 30, 25, 40], 100); // ≈ 27.4
 * ```
 */
export function estimateSchoolVariance(
  residuals: readonly number[],
  examinees: readonly number[],
  pupilVariance: number,
): number {
  const n = residuals.length;
  if (n < 3) return 0;
  let sum = 0;
  for (const r of residuals) sum += r * r;
  const residualVariance = sum / (n - 2);
  let noise = 0;
  for (const size of examinees) noise += size > 0 ? pupilVariance / size : 0;
  return Math.max(0, residualVariance - noise / n);
}
