import { instant, ValidationError, type Instant, type ValidationIssue } from '@eduset/core';
import { safeParse } from '@eduset/core/common';
import { dataValueSchema, periodIdSchema, type DataValue } from '@eduset/core/indicators';
import type { Database } from './database.js';

/**
 * One import of indicator values to store: the values of one file (already parsed, every row
 * accepted) and the periods it replaces.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { IndicatorValueImportInput } from '@eduset/adapters';
 * const input: IndicatorValueImportInput = {
 *   dataSet: 'udomlya',
 *   source: 'data-values.csv',
 *   values: [{ dataElement: 'teachers', orgUnit: 'school-1', period: '2020', value: '12' }],
 *   importedBy: 'coordinator',
 *   importedAt: instant(new Date()),
 * };
 * ```
 */
export interface IndicatorValueImportInput {
  /** The data set: the network whose values these are (e.g. `udomlya`). */
  readonly dataSet: string;
  /** The file the values came from (its name), for the record of who imported what. */
  readonly source: string;
  /**
   * The values, in file order. One key may hold several values (codes of a text element),
   * as in core's dataset: every value is kept.
   */
  readonly values: readonly DataValue[];
  /**
   * The periods this import replaces (every stored value of the data set in them is
   * removed first); by default the periods of `values`.
   */
  readonly periods?: readonly string[];
  /** Who imported (a staff login or `cli`). */
  readonly importedBy: string;
  readonly importedAt: Instant;
}

/**
 * The record of a stored import: who imported which file when, the periods replaced and how
 * many values it gave.
 *
 * @example
 * ```ts
 * import type { IndicatorValueImportRecord } from '@eduset/adapters';
 * declare const record: IndicatorValueImportRecord;
 * record.valueCount;
 * ```
 */
export interface IndicatorValueImportRecord {
  readonly id: number;
  readonly dataSet: string;
  readonly source: string;
  readonly periods: readonly string[];
  readonly valueCount: number;
  readonly importedBy: string;
  readonly importedAt: Instant;
}

/**
 * Indicator data values kept by the database (migration 0031): (data set, data element, org
 * unit, period, disaggregation) → value, each with the import that wrote it (one key may
 * hold several values, e.g. the codes of a text element). An import
 * replaces the values of its periods in one transaction; the values read back are exactly
 * what core's `createDataset` takes as `values`.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.indicatorValues.replace({
 *   dataSet: 'udomlya',
 *   source: 'values.csv',
 *   values: [{ dataElement: 'teachers', orgUnit: 'school-1', period: '2020', value: '12' }],
 *   importedBy: 'cli',
 *   importedAt: instant(new Date()),
 * });
 * (await storage.indicatorValues.values('udomlya')).length; // 1
 * ```
 */
export interface IndicatorValueStore {
  /**
   * Replaces, in one transaction, every value of the data set in the import's periods with
   * the import's values, and records the import. On any error nothing changes.
   *
   * @throws ValidationError when a value or a period is not valid (every problem listed).
   */
  replace(input: IndicatorValueImportInput): Promise<IndicatorValueImportRecord>;
  /** The data set's values, in import order then file order (empty when none). */
  values(dataSet: string): Promise<DataValue[]>;
  /** Whether the data set has any stored value. */
  has(dataSet: string): Promise<boolean>;
  /** The data set's imports, latest first; `limit` keeps only that many (the latest alone: 1). */
  imports(dataSet: string, limit?: number): Promise<IndicatorValueImportRecord[]>;
}

interface ValueRow extends Record<string, unknown> {
  data_element: string;
  org_unit: string;
  period: string;
  disaggregation: string;
  value: string;
}

interface ImportRow extends Record<string, unknown> {
  id: number | string;
  data_set: string;
  source: string;
  periods: unknown;
  value_count: number;
  imported_by: string;
  imported_at: Date | string;
}

function recordOf(row: ImportRow): IndicatorValueImportRecord {
  const periods: unknown = typeof row.periods === 'string' ? JSON.parse(row.periods) : row.periods;
  return {
    id: Number(row.id),
    dataSet: row.data_set,
    source: row.source,
    periods: Array.isArray(periods) ? periods.map(String) : [],
    valueCount: Number(row.value_count),
    importedBy: row.imported_by,
    importedAt: instant(row.imported_at),
  };
}

function checked(input: IndicatorValueImportInput): {
  readonly values: DataValue[];
  readonly periods: string[];
} {
  const issues: ValidationIssue[] = [];
  const text = (value: string, field: string, max: number) => {
    if (value.length < 1 || value.length > max) {
      issues.push({
        path: [field],
        code: 'invalid_length',
        message: {
          ru: `${field}: от 1 до ${max} символов`,
          en: `${field}: 1 to ${max} characters`,
        },
      });
    }
  };
  text(input.dataSet, 'dataSet', 100);
  text(input.source, 'source', 300);
  text(input.importedBy, 'importedBy', 200);
  const values: DataValue[] = [];
  input.values.forEach((value, index) => {
    const result = safeParse(dataValueSchema, value, ['values', index]);
    if (result.ok) values.push(result.value);
    else issues.push(...result.issues);
  });
  const periods = [...new Set(input.periods ?? input.values.map((value) => value.period))];
  periods.forEach((period, index) => {
    const result = safeParse(periodIdSchema, period, ['periods', index]);
    if (!result.ok) issues.push(...result.issues);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const outside = values.filter((value) => !periods.includes(value.period));
  if (outside.length > 0) {
    throw new ValidationError([
      {
        path: ['periods'],
        code: 'period_outside_scope',
        message: {
          ru: `Значения за период ${outside[0]?.period ?? ''} не входят в заменяемые периоды`,
          en: `Values of period ${outside[0]?.period ?? ''} lie outside the periods replaced`,
        },
      },
    ]);
  }
  return { values, periods };
}

/** The indicator value store over a database. */
export function indicatorValueStore(database: Database): IndicatorValueStore {
  return {
    async replace(input) {
      const { values, periods } = checked(input);
      return database.transaction(async (session) => {
        // Imports of one data set wait for each other: two at once would both delete the
        // same periods' values (seeing neither's new rows) and then both insert, doubling them.
        await session.query("SELECT pg_advisory_xact_lock(hashtext('indicator_values:' || $1))", [
          input.dataSet,
        ]);
        const [row] = await session.query<ImportRow>(
          `INSERT INTO indicator_value_imports
             (data_set, source, periods, value_count, imported_by, imported_at)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6)
           RETURNING id, data_set, source, periods, value_count, imported_by, imported_at`,
          [
            input.dataSet,
            input.source,
            JSON.stringify(periods),
            values.length,
            input.importedBy,
            input.importedAt,
          ],
        );
        if (row === undefined) throw new Error('indicator_value_imports: no row returned');
        await session.query(
          `DELETE FROM indicator_values
            WHERE data_set = $1
              AND period IN (SELECT jsonb_array_elements_text($2::jsonb))`,
          [input.dataSet, JSON.stringify(periods)],
        );
        if (values.length > 0) {
          await session.query(
            `INSERT INTO indicator_values
               (data_set, data_element, org_unit, period, disaggregation, value, import_id, position)
             SELECT $1, v.e, v.o, v.p, v.d, v.v, $2, v.n
               FROM jsonb_to_recordset($3::jsonb) AS v(e text, o text, p text, d text, v text, n integer)`,
            [
              input.dataSet,
              Number(row.id),
              JSON.stringify(
                values.map((value, n) => ({
                  e: value.dataElement,
                  o: value.orgUnit,
                  p: value.period,
                  d: value.disaggregation ?? '',
                  v: value.value,
                  n,
                })),
              ),
            ],
          );
        }
        return recordOf(row);
      });
    },
    async values(dataSet) {
      const rows = await database.query<ValueRow>(
        `SELECT data_element, org_unit, period, disaggregation, value
           FROM indicator_values WHERE data_set = $1
          ORDER BY import_id, position`,
        [dataSet],
      );
      return rows.map((row) => ({
        dataElement: row.data_element,
        orgUnit: row.org_unit,
        period: row.period,
        ...(row.disaggregation === '' ? {} : { disaggregation: row.disaggregation }),
        value: row.value,
      }));
    },
    async has(dataSet) {
      const rows = await database.query(
        'SELECT 1 FROM indicator_values WHERE data_set = $1 LIMIT 1',
        [dataSet],
      );
      return rows.length > 0;
    },
    async imports(dataSet, limit) {
      const rows = await database.query<ImportRow>(
        `SELECT id, data_set, source, periods, value_count, imported_by, imported_at
           FROM indicator_value_imports WHERE data_set = $1 ORDER BY id DESC LIMIT $2`,
        [dataSet, limit ?? null],
      );
      return rows.map(recordOf);
    },
  };
}
