import {
  defaultIdentification,
  defaultWellbeingIndex,
  identifySchools,
  kMeans,
  schoolFeatures,
  schoolMapData,
  standardizeColumns,
  type IdentificationResult,
  type SchoolMapData,
  type SchoolProfile,
} from '@eduset/core/schools';

/**
 * A district of schools: its name, the identification year and profiles.
 *
 * @example
 * ```ts
 * import type { SchoolDistrict } from '@eduset/adapters';
 * const district: SchoolDistrict = { name: 'Демо', year: 2016, schools: [] };
 * ```
 */
export interface SchoolDistrict {
  readonly name: string;
  readonly year: number;
  readonly schools: readonly SchoolProfile[];
}

/**
 * A district identified and clustered: the identification and the school map data.
 *
 * @example
 * ```ts
 * import type { IdentifiedDistrict } from '@eduset/adapters';
 * declare const district: IdentifiedDistrict;
 * district.map.schools.length === district.result.schools.length; // true
 * ```
 */
export interface IdentifiedDistrict {
  readonly result: IdentificationResult;
  readonly map: SchoolMapData;
}

/**
 * Identifies a district with the default definitions and clusters it: k-means++ on the
 * standardized features of `schoolFeatures`, seed 2016, clusters ordered by mean score
 * ascending (cluster 0 has the lowest results).
 *
 * @example
 * ```ts
 * import { identifyDistrict } from '@eduset/adapters';
 * import type { SchoolDistrict } from '@eduset/adapters';
 * declare const district: SchoolDistrict;
 * identifyDistrict(district, 4).map.schools[0]?.cluster;
 * ```
 */
export function identifyDistrict(district: SchoolDistrict, clusters = 4): IdentifiedDistrict {
  const result = identifySchools(district.schools, {
    index: defaultWellbeingIndex,
    identification: defaultIdentification,
    year: district.year,
  });
  const features = schoolFeatures(district.schools, district.year);
  const k = Math.min(clusters, district.schools.length);
  const labels =
    k > 0
      ? kMeans(standardizeColumns(features), {
          k,
          seed: 2016,
          restarts: 10,
          order: { feature: 8, direction: 'ascending' },
        }).labels
      : undefined;
  return {
    result,
    map: schoolMapData(result, {
      district: district.name,
      ...(labels ? { clusters: labels } : {}),
    }),
  };
}
