import { localizedTextSchema } from '../common/labels.js';
import { z } from '../common/zod-mini.js';
import { schoolLevelSchema } from '../network/organization.js';
import { fieldNames, schoolCategories } from './categories.js';
import { identificationFlags, type IdentificationResult } from './identification.js';
import { passportShareSchema, regionalRankSchema } from './profile.js';

const figureSchema = z.object({
  label: localizedTextSchema,
  value: z.union([z.number(), z.string()]),
  threshold: z.optional(z.union([z.number(), z.string()])),
  holds: z.boolean(),
});

const termSchema = z.object({
  indicator: passportShareSchema,
  raw: z.number(),
  normalized: z.number(),
  sign: z.union([z.literal(1), z.literal(-1)]),
  weight: z.number(),
  contribution: z.number(),
  /** The indicator's name for people («доля учащихся на профилактических учётах»). */
  label: z.optional(localizedTextSchema),
});

/**
 * Schema of one school on the school map: its identification (index, ranks, flags,
 * categories, explanations) and its cluster.
 *
 * @example
 * ```ts
 * import { schoolMapPointSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * schoolMapPointSchema.safeParse(json).success;
 * ```
 */
export const schoolMapPointSchema = z.object({
  schoolId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  level: schoolLevelSchema,
  indexValue: z.number(),
  indexRank: z.int().check(z.gte(1)),
  indexOutOf: z.int().check(z.gte(1)),
  resultsRank: z.nullable(regionalRankSchema),
  meanScore: z.nullable(z.number()),
  cluster: z.nullable(z.int().check(z.gte(0))),
  flags: z.object(
    Object.fromEntries(identificationFlags.map((flag) => [flag, z.boolean()])) as Record<
      (typeof identificationFlags)[number],
      z.ZodMiniBoolean
    >,
  ),
  categories: z.object(
    Object.fromEntries(schoolCategories.map((category) => [category, z.boolean()])) as Record<
      (typeof schoolCategories)[number],
      z.ZodMiniBoolean
    >,
  ),
  explanations: z.array(
    z.object({
      subject: z.union([z.enum(identificationFlags), z.enum(schoolCategories)]),
      title: localizedTextSchema,
      rule: localizedTextSchema,
      figures: z.array(figureSchema),
      terms: z.array(termSchema),
    }),
  ),
});

/**
 * One school on the school map.
 *
 * @example
 * ```ts
 * import type { SchoolMapPoint } from '@eduset/core/schools';
 * declare const point: SchoolMapPoint;
 * point.flags.lowResults;
 * ```
 */
export type SchoolMapPoint = z.infer<typeof schoolMapPointSchema>;

/**
 * Schema of what `<eduset-school-map>` shows and `GET /api/schools` answers: a district's or
 * region's identification for a year, with the definitions used and the clusters.
 *
 * @example
 * ```ts
 * import { schoolMapDataSchema } from '@eduset/core/schools';
 * declare const json: unknown;
 * const data = schoolMapDataSchema.parse(json);
 * ```
 */
export const schoolMapDataSchema = z.object({
  district: z.string().check(z.minLength(1)),
  year: z.int(),
  index: z.object({ id: z.string(), version: z.string() }),
  identification: z.object({ id: z.string(), version: z.string() }),
  clusterCount: z.int().check(z.gte(0)),
  schools: z.array(schoolMapPointSchema),
});

/**
 * The data of the school map.
 *
 * @example
 * ```ts
 * import type { SchoolMapData } from '@eduset/core/schools';
 * declare const data: SchoolMapData;
 * data.schools.length;
 * ```
 */
export type SchoolMapData = z.infer<typeof schoolMapDataSchema>;

/**
 * Builds the school map data from an identification and, optionally, cluster labels (one
 * per school, in the same order).
 *
 * @example
 * ```ts
 * import { schoolMapData, type IdentificationResult } from '@eduset/core/schools';
 * declare const result: IdentificationResult;
 * const data = schoolMapData(result, { district: 'Тутаевский район' });
 * ```
 */
export function schoolMapData(
  result: IdentificationResult,
  options: { readonly district: string; readonly clusters?: ArrayLike<number> },
): SchoolMapData {
  let clusterCount = 0;
  const schools = result.schools.map((school, i) => {
    const cluster = options.clusters?.[i] ?? null;
    if (cluster !== null) clusterCount = Math.max(clusterCount, cluster + 1);
    return {
      schoolId: school.schoolId,
      name: school.name,
      level: school.level,
      indexValue: school.indexValue,
      indexRank: school.indexRank,
      indexOutOf: school.indexOutOf,
      resultsRank: school.resultsRank,
      meanScore: school.meanScore,
      cluster,
      flags: { ...school.flags },
      categories: { ...school.categories },
      explanations: school.explanations.map((e) => ({
        ...e,
        figures: [...e.figures],
        terms: e.terms.map((term) => ({ ...term, label: fieldNames[term.indicator] })),
      })),
    };
  });
  return {
    district: options.district,
    year: result.year,
    index: result.index.definition,
    identification: result.definition,
    clusterCount,
    schools,
  };
}
