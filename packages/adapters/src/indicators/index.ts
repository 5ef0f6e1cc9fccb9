/**
 * Indicators at the edges: import of data values from CSV/XLSX (long and wide layouts, row
 * errors, nothing lost), export of computed indicators as CSV/XLSX, loading indicator files.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { importDataValues } from '@eduset/adapters';
 * const result = await importDataValues(await readFile('values.xlsx'));
 * console.log(result.values.length, result.rejected.length);
 * ```
 *
 * @module indicators
 */
export * from './import-values.js';
export * from './export-results.js';
export * from './files.js';
export * from './stored-figures.js';
export * from './store-values.js';
