import { z } from '../common/zod.js';
import { localizedTextSchema } from '../common/labels.js';
import { computeIndicators, type CompiledIndicator } from './compute.js';
import type { IndicatorDataset, OrgUnitLevel } from './dataset.js';
import { orgUnitSchema } from './dataset.js';
import { indicatorUnitSchema, type IndicatorDefinition } from './definition.js';
import { parsePeriod, periodTypeSchema } from './period.js';
import { indicatorResultSchema } from './result.js';

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
  version: z.number().int(),
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  source: z.string().optional(),
  unit: indicatorUnitSchema,
  decimals: z.number().int(),
  periodType: periodTypeSchema,
  target: z.string().optional(),
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

/**
 * The dashboard summary of a definition.
 *
 * @example
 * ```ts
 * import { indicatorCatalog, summarizeIndicator } from '@eduset/core/indicators';
 * summarizeIndicator(indicatorCatalog[0]!).name.ru;
 * ```
 */
export function summarizeIndicator(definition: IndicatorDefinition): IndicatorSummary {
  return {
    id: definition.id,
    version: definition.version,
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.source === undefined ? {} : { source: definition.source }),
    unit: definition.unit,
    decimals: definition.decimals,
    periodType: definition.periodType,
    ...(definition.target === undefined ? {} : { target: definition.target }),
    direction: definition.direction,
  };
}

/**
 * Computes a report: the definitions reported at `level` (or for the given org units), over
 * the given periods (default: every period in the data of each definition's period type),
 * keeping only the indicators, org units and periods that have at least one value (results
 * without a value among them stay, with their reason).
 *
 * @example
 * ```ts
 * import { buildIndicatorReport, createDataset, indicatorCatalog } from '@eduset/core/indicators';
 * declare const input: unknown;
 * const report = buildIndicatorReport(indicatorCatalog, createDataset(input), { level: 'municipality' });
 * ```
 */
export function buildIndicatorReport(
  definitions: readonly (IndicatorDefinition | CompiledIndicator)[],
  dataset: IndicatorDataset,
  query: {
    readonly level?: OrgUnitLevel;
    readonly orgUnits?: readonly string[];
    readonly periods?: readonly string[];
    readonly explain?: boolean;
  },
): IndicatorReport {
  const periods = [...(query.periods ?? dataset.periods())].sort((a, b) =>
    (parsePeriod(a)?.start ?? a).localeCompare(parsePeriod(b)?.start ?? b),
  );
  const results = computeIndicators(
    definitions,
    dataset,
    {
      periods,
      ...(query.level === undefined ? {} : { level: query.level }),
      ...(query.orgUnits === undefined ? {} : { orgUnits: query.orgUnits }),
    },
    { explain: query.explain ?? true },
  );
  // Keep what has something to show: indicators, org units and periods with at least one value.
  const valued = results.filter((result) => result.status === 'value');
  const withValue = new Set(valued.map((result) => result.indicator));
  const units = new Set(valued.map((result) => result.orgUnit));
  const used = new Set(valued.map((result) => result.period));
  const kept = results.filter(
    (result) =>
      withValue.has(result.indicator) && units.has(result.orgUnit) && used.has(result.period),
  );
  return {
    indicators: definitions
      .map((definition) => ('numeratorTree' in definition ? definition.definition : definition))
      .filter((definition) => withValue.has(definition.id))
      .map(summarizeIndicator),
    orgUnits: dataset.orgUnits.filter((unit) => units.has(unit.id)),
    periods: periods.filter((period) => used.has(period)),
    results: kept,
  };
}
