import { ValidationError } from '../common/errors.js';

/**
 * A dense matrix of features, one row per school, stored row-major in a `Float64Array` so
 * that 40 000 × 12 fits in under 4 MB and the clustering kernels stay fast.
 *
 * @example
 * ```ts
 * import type { FeatureMatrix } from '@eduset/core/schools';
 * const m: FeatureMatrix = { rows: 2, columns: 2, values: new Float64Array([0, 1, 2, 3]) };
 * ```
 */
export interface FeatureMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
}

/**
 * Builds a feature matrix from rows of numbers; every row must have the same length and
 * every value must be finite, or a `ValidationError` lists each bad cell.
 *
 * @example
 * ```ts
 * import { featureMatrix } from '@eduset/core/schools';
 * featureMatrix([[0.2, 55], [0.5, 62]]).columns; // 2
 * ```
 */
export function featureMatrix(rows: readonly (readonly number[])[]): FeatureMatrix {
  const columns = rows[0]?.length ?? 0;
  const values = new Float64Array(rows.length * columns);
  const issues: ConstructorParameters<typeof ValidationError>[0][number][] = [];
  rows.forEach((row, r) => {
    if (row.length !== columns) {
      issues.push({
        path: [r],
        code: 'invalid_length',
        message: {
          ru: `Ожидается ${columns} признаков, получено ${row.length}`,
          en: `Expected ${columns} features, got ${row.length}`,
        },
      });
      return;
    }
    row.forEach((value, c) => {
      if (!Number.isFinite(value)) {
        issues.push({
          path: [r, c],
          code: 'not_finite',
          message: { ru: 'Ожидается конечное число', en: 'Expected a finite number' },
        });
      }
      values[r * columns + c] = value;
    });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { rows: rows.length, columns, values };
}

/**
 * Accepts rows of numbers or a ready matrix.
 *
 * @example
 * ```ts
 * import { asFeatureMatrix } from '@eduset/core/schools';
 * asFeatureMatrix([[1], [2]]).rows; // 2
 * ```
 */
export function asFeatureMatrix(
  data: FeatureMatrix | readonly (readonly number[])[],
): FeatureMatrix {
  return isFeatureMatrix(data) ? data : featureMatrix(data);
}

function isFeatureMatrix(
  data: FeatureMatrix | readonly (readonly number[])[],
): data is FeatureMatrix {
  return (data as Partial<FeatureMatrix>).values instanceof Float64Array;
}

/**
 * The rows of a matrix as arrays (for display and tests).
 *
 * @example
 * ```ts
 * import { featureMatrix, matrixRows } from '@eduset/core/schools';
 * matrixRows(featureMatrix([[1, 2]])); // [[1, 2]]
 * ```
 */
export function matrixRows(matrix: FeatureMatrix): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < matrix.rows; r += 1) {
    rows.push(Array.from(matrix.values.subarray(r * matrix.columns, (r + 1) * matrix.columns)));
  }
  return rows;
}

/**
 * Z-scores every column (population standard deviation; a constant column becomes 0), so
 * that features measured in points and in shares weigh alike in a clustering.
 *
 * @example
 * ```ts
 * import { featureMatrix, standardizeColumns, matrixRows } from '@eduset/core/schools';
 * matrixRows(standardizeColumns(featureMatrix([[1], [3]]))); // [[-1], [1]]
 * ```
 */
export function standardizeColumns(
  data: FeatureMatrix | readonly (readonly number[])[],
): FeatureMatrix {
  const matrix = asFeatureMatrix(data);
  const { rows, columns, values } = matrix;
  const out = new Float64Array(values.length);
  for (let c = 0; c < columns; c += 1) {
    let sum = 0;
    for (let r = 0; r < rows; r += 1) sum += values[r * columns + c] ?? 0;
    const m = sum / rows;
    let squares = 0;
    for (let r = 0; r < rows; r += 1) squares += ((values[r * columns + c] ?? 0) - m) ** 2;
    const sd = Math.sqrt(squares / rows);
    for (let r = 0; r < rows; r += 1) {
      out[r * columns + c] = sd > 0 ? ((values[r * columns + c] ?? 0) - m) / sd : 0;
    }
  }
  return { rows, columns, values: out };
}
