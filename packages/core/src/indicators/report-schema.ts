import { z } from '../common/zod-mini.js';
import { localizedTextSchema } from '../common/labels.js';
import { indicatorResultSchema } from './result.js';
import { indicatorUnitSchema, orgUnitSchema, periodTypeSchema } from './vocabulary.js';

/**
 * Schema of what a dashboard needs to know about an indicator: its names, unit, presentation,
 * target and direction (not its formulas or test cases).
 *
 * @example
 * ```ts
 * import { indicatorSummarySchema } from '@eduset/core/indicators';
 * indicatorSummarySchema.parse({
 *   id: 'share', version: 1, name: { ru: 'Доля', en: 'Share' }, unit: 'percent', decimals: 1,
 *   direction: 'higher-is-better', periodType: 'school-year',
 * });
 * ```
 */
export const indicatorSummarySchema = z.object({
  id: z.string(),
  version: z.int(),
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  source: z.optional(z.string()),
  unit: indicatorUnitSchema,
  decimals: z.int(),
  periodType: periodTypeSchema,
  target: z.optional(z.string()),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
});

/**
 * An indicator summary (see {@link indicatorSummarySchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorSummary } from '@eduset/core/indicators';
 * declare const summary: IndicatorSummary;
 * summary.name.ru;
 * ```
 */
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

/**
 * Schema of an indicator report: the indicators, the org units and periods asked for, and
 * every result (indicator × org unit × period). `GET /api/indicators` answers with it and
 * `<eduset-indicator-dashboard>` shows it.
 *
 * @example
 * ```ts
 * import { indicatorReportSchema } from '@eduset/core/indicators';
 * declare const json: unknown;
 * const report = indicatorReportSchema.parse(json);
 * ```
 */
export const indicatorReportSchema = z.object({
  indicators: z.array(indicatorSummarySchema),
  orgUnits: z.array(orgUnitSchema),
  periods: z.array(z.string()),
  results: z.array(indicatorResultSchema),
  /**
   * Where the figures of organizations' reports come from: the periods whose figures include
   * reports approved by the coordinator (data entry), how many per period, and a sentence
   * saying so. Absent when no report was approved.
   */
  approvedData: z.optional(
    z.object({
      periods: z.array(z.object({ period: z.string(), organizations: z.int() })),
      text: localizedTextSchema,
    }),
  ),
});

/**
 * An indicator report (see {@link indicatorReportSchema}).
 *
 * @example
 * ```ts
 * import type { IndicatorReport } from '@eduset/core/indicators';
 * declare const report: IndicatorReport;
 * report.results.length;
 * ```
 */
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;
