import type { Instant } from '@eduset/core';
import type { ImportSource } from '../import/types.js';
import type {
  IndicatorValueImportRecord,
  IndicatorValueStore,
} from '../storage/indicator-values.js';
import {
  importDataValues,
  type DataValueImport,
  type DataValueImportOptions,
} from './import-values.js';

/**
 * Options of {@link importIndicatorValues}.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { IndicatorValueFileImport } from '@eduset/adapters';
 * const options: IndicatorValueFileImport = {
 *   dataSet: 'udomlya', fileName: 'values.csv', importedBy: 'cli', importedAt: instant(new Date()),
 * };
 * ```
 */
export interface IndicatorValueFileImport extends DataValueImportOptions {
  /** The data set the values go to. */
  readonly dataSet: string;
  /** The file's name (recorded with the import; a hint for the format). */
  readonly fileName: string;
  readonly importedBy: string;
  readonly importedAt: Instant;
  /**
   * Save the accepted rows even when some rows are rejected. Off by default: a file with any
   * rejected row saves nothing.
   */
  readonly saveAccepted?: boolean;
}

/**
 * The outcome of {@link importIndicatorValues}: the parsing result (every accepted and every
 * rejected row with its reasons in Russian and English; accepted + rejected = rows) and the
 * stored import, or `undefined` when nothing was saved.
 *
 * @example
 * ```ts
 * import type { IndicatorValueFileImportResult } from '@eduset/adapters';
 * declare const outcome: IndicatorValueFileImportResult;
 * outcome.saved === undefined; // true when rows were rejected and saving them was not asked
 * ```
 */
export interface IndicatorValueFileImportResult {
  readonly result: DataValueImport;
  readonly saved: IndicatorValueImportRecord | undefined;
}

/**
 * Reads a CSV/XLSX file of indicator values with the data value importer and stores its
 * values, replacing the data set's values of the periods the file covers (one transaction).
 * When any row is rejected nothing is saved, unless `saveAccepted` is set.
 *
 * @throws ValidationError when the file cannot be read or its required columns are missing.
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { importIndicatorValues, openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const outcome = await importIndicatorValues(
 *   storage.indicatorValues,
 *   'dataElement,orgUnit,period,value\nteachers,school-1,2020,12\n',
 *   { dataSet: 'udomlya', fileName: 'values.csv', importedBy: 'cli', importedAt: instant(new Date()) },
 * );
 * outcome.saved?.valueCount; // 1
 * ```
 */
export async function importIndicatorValues(
  store: Pick<IndicatorValueStore, 'replace'>,
  source: ImportSource,
  options: IndicatorValueFileImport,
): Promise<IndicatorValueFileImportResult> {
  const { dataSet, importedBy, importedAt, saveAccepted, ...parsing } = options;
  const result = await importDataValues(source, parsing);
  if (result.rejected.length > 0 && saveAccepted !== true) return { result, saved: undefined };
  if (result.values.length === 0) return { result, saved: undefined };
  const saved = await store.replace({
    dataSet,
    source: options.fileName.slice(-300) || 'upload',
    values: result.values,
    importedBy,
    importedAt,
  });
  return { result, saved };
}
