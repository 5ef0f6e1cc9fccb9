import { computeIndicators, type CompiledIndicator } from './compute.js';
import type { IndicatorDataset } from './dataset.js';
import type { IndicatorDefinition } from './definition.js';
import { parsePeriod } from './period.js';
import type { IndicatorReport, IndicatorSummary } from './report-schema.js';
import type { OrgUnitLevel } from './vocabulary.js';

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
