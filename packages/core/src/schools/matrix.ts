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
 * The largest magnitude a feature may have: squared distances of features this large still
 * fit in a double many times over, so a clustering of any realistic size never reaches an
 * infinite inertia. Rescale larger figures first (e.g. count in thousands).
 *
 * @example
 * ```ts
 * import { MAX_FEATURE_MAGNITUDE } from '@eduset/core/schools';
 * MAX_FEATURE_MAGNITUDE; // 1e100
 * ```
 */
export const MAX_FEATURE_MAGNITUDE = 1e100;

type Issue = ConstructorParameters<typeof ValidationError>[0][number];

/** The issue of one cell, or undefined when the value is a usable feature. */
function cellIssue(value: unknown, path: readonly (string | number)[]): Issue | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      path,
      code: 'not_finite',
      message: { ru: 'Ожидается конечное число', en: 'Expected a finite number' },
    };
  }
  if (Math.abs(value) > MAX_FEATURE_MAGNITUDE) {
    return {
      path,
      code: 'too_big',
      message: {
        ru: 'Число слишком велико для кластеризации (больше 1e100 по модулю): сначала измените масштаб признака',
        en: 'The number is too large to cluster (magnitude above 1e100): rescale the feature first',
      },
    };
  }
  return undefined;
}

/** At most this many cell issues are listed; a matrix of NaN would otherwise list millions. */
const MAX_ISSUES = 100;

/**
 * Builds a feature matrix from rows of numbers; every row must have the same length and
 * every value must be finite (at most {@link MAX_FEATURE_MAGNITUDE} in magnitude), or a
 * `ValidationError` lists each bad cell (the first 100).
 *
 * @example
 * ```ts
 * import { featureMatrix } from '@eduset/core/schools';
 * featureMatrix([[0.2, 55], [0.5, 62]]).columns; // 2
 * ```
 */
export function featureMatrix(rows: readonly (readonly number[])[]): FeatureMatrix {
  if (!Array.isArray(rows)) {
    throw new ValidationError([
      {
        path: [],
        code: 'invalid_type',
        message: { ru: 'Ожидается список строк чисел', en: 'Expected a list of rows of numbers' },
      },
    ]);
  }
  const first: unknown = rows[0];
  const columns = Array.isArray(first) ? first.length : 0;
  const values = new Float64Array(rows.length * columns);
  const issues: Issue[] = [];
  rows.forEach((row: unknown, r) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!Array.isArray(row) || row.length !== columns) {
      const length = Array.isArray(row) ? row.length : 0;
      issues.push({
        path: [r],
        code: 'invalid_length',
        message: {
          ru: `Ожидается ${columns} признаков, получено ${length}`,
          en: `Expected ${columns} features, got ${length}`,
        },
      });
      return;
    }
    (row as readonly unknown[]).forEach((value, c) => {
      const issue = cellIssue(value, [r, c]);
      if (issue !== undefined) {
        if (issues.length < MAX_ISSUES) issues.push(issue);
        return;
      }
      values[r * columns + c] = value as number;
    });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { rows: rows.length, columns, values };
}

/**
 * Checks a ready feature matrix as {@link featureMatrix} checks rows: `rows` and `columns`
 * are whole numbers, `values` holds exactly `rows × columns` numbers (no ragged or short
 * storage), and every value is finite and at most {@link MAX_FEATURE_MAGNITUDE} in
 * magnitude. Returns the matrix itself.
 *
 * @throws ValidationError listing the problems (the first 100 cells), in Russian and English.
 * @example
 * ```ts
 * import { validateFeatureMatrix } from '@eduset/core/schools';
 * validateFeatureMatrix({ rows: 1, columns: 2, values: new Float64Array([1, 2]) }).rows; // 1
 * ```
 */
export function validateFeatureMatrix(matrix: FeatureMatrix): FeatureMatrix {
  const { rows, columns, values } = matrix;
  const issues: Issue[] = [];
  for (const [key, value] of [
    ['rows', rows],
    ['columns', columns],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      issues.push({
        path: [key],
        code: 'invalid_shape',
        message: {
          ru: 'Размер матрицы должен быть целым неотрицательным числом',
          en: 'A matrix dimension must be a non-negative integer',
        },
      });
    }
  }
  if (issues.length === 0 && values.length !== rows * columns) {
    issues.push({
      path: ['values'],
      code: 'invalid_shape',
      message: {
        ru: `Ожидается ${rows} × ${columns} = ${rows * columns} чисел, получено ${values.length}`,
        en: `Expected ${rows} × ${columns} = ${rows * columns} numbers, got ${values.length}`,
      },
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    // The common case costs one comparison per cell.
    if (value <= MAX_FEATURE_MAGNITUDE && value >= -MAX_FEATURE_MAGNITUDE) continue;
    const issue = cellIssue(value, [Math.floor(i / columns), i % columns]);
    if (issue !== undefined) issues.push(issue);
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return matrix;
}

/**
 * Accepts rows of numbers or a ready matrix; both are validated (see {@link featureMatrix}
 * and {@link validateFeatureMatrix}), so no NaN, infinity or ragged storage reaches a
 * clustering kernel.
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
  return isFeatureMatrix(data) ? validateFeatureMatrix(data) : featureMatrix(data);
}

function isFeatureMatrix(
  data: FeatureMatrix | readonly (readonly number[])[],
): data is FeatureMatrix {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Partial<FeatureMatrix>).values instanceof Float64Array
  );
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
