import { z } from '../common/zod.js';
import { rejectedRowSchema } from '../common/wire.js';
import { periodIdSchema } from './period.js';

// The wire contract of `POST /api/staff/indicators/values`: a CSV/XLSX file of indicator
// values as the body, the query here, the answer `indicatorValuesImportReportSchema`.

/**
 * Schema of the query of `POST /api/staff/indicators/values`:
 * - `file` — the file's name (recorded with the import; `.csv` or `.xlsx` helps read it);
 * - `saveAccepted` — `true` to save the accepted rows even when some rows are rejected
 *   (by default a file with any rejected row saves nothing).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { indicatorValuesImportQuerySchema } from '@eduset/core/indicators';
 * parse(indicatorValuesImportQuerySchema, { file: 'values-2025.xlsx', saveAccepted: 'true' });
 * ```
 */
export const indicatorValuesImportQuerySchema = z.strictObject({
  file: z.string().min(1).max(300).optional(),
  saveAccepted: z.enum(['true', 'false']).optional(),
});

/**
 * Schema of one rejected row of an import (the shared {@link rejectedRowSchema}).
 *
 * @example
 * ```ts
 * import { rejectedValueRowSchema } from '@eduset/core/indicators';
 * rejectedValueRowSchema.parse({ row: 3, cells: [], issues: [] });
 * ```
 */
export const rejectedValueRowSchema = rejectedRowSchema;

/**
 * Schema of the answer of `POST /api/staff/indicators/values`: whether the values were
 * saved (and the import's id), the data set, how many data rows the file had, how many were
 * accepted and every rejected row with its reasons (accepted + rejected = rows), the number
 * of values stored and the periods they replaced.
 *
 * @example
 * ```ts
 * import { indicatorValuesImportReportSchema } from '@eduset/core/indicators';
 * indicatorValuesImportReportSchema.parse({
 *   saved: true, importId: 1, dataSet: 'udomlya', rows: 1, accepted: 1, rejected: [],
 *   values: 1, periods: ['2019-2020'],
 * });
 * ```
 */
export const indicatorValuesImportReportSchema = z.object({
  saved: z.boolean(),
  importId: z.number().int().optional(),
  dataSet: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.array(rejectedValueRowSchema),
  values: z.number().int(),
  periods: z.array(periodIdSchema),
});

/**
 * The answer of `POST /api/staff/indicators/values` (see
 * {@link indicatorValuesImportReportSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorValuesImportReport } from '@eduset/core/indicators';
 * declare const report: IndicatorValuesImportReport;
 * report.accepted + report.rejected.length; // the file's data rows
 * ```
 */
export type IndicatorValuesImportReport = z.infer<typeof indicatorValuesImportReportSchema>;
