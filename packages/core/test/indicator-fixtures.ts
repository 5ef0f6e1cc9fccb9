// What several indicators tests start from: the share of satisfied parents among those
// surveyed, and a town whose schools report the two counts.
import {
  createDataset,
  type DataValue,
  type IndicatorDataset,
  type IndicatorDefinitionInput,
} from '../src/indicators/index.js';

/** The name every fixture carries. */
export const fixtureName = { ru: 'Показатель', en: 'Indicator' };

/** `#{satisfied}` / `#{surveyed}` in percent, at organizations and the municipality. */
export const shareDefinition: IndicatorDefinitionInput = {
  id: 'share',
  version: 1,
  name: fixtureName,
  unit: 'percent',
  numerator: '#{satisfied}',
  denominator: '#{surveyed}',
  levels: ['organization', 'municipality'],
  periodType: 'school-year',
};

/** A town (municipality) with the given schools under it, reporting `satisfied` and `surveyed`. */
export function surveyDataset(schools: readonly string[], values: DataValue[]): IndicatorDataset {
  return createDataset({
    dataElements: [
      { id: 'satisfied', name: fixtureName },
      { id: 'surveyed', name: fixtureName },
    ],
    orgUnits: [
      { id: 'town', name: fixtureName, level: 'municipality' },
      ...schools.map((id) => ({
        id,
        name: fixtureName,
        level: 'organization' as const,
        parent: 'town',
      })),
    ],
    values,
  });
}
