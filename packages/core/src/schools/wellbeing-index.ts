import { localizedTextSchema } from '../common/labels.js';
import { ValidationError, type ValidationIssue } from '../common/errors.js';
import { parse, safeParse } from '../common/parse.js';
import { z } from '../common/zod.js';
import { passportShareSchema, type PassportShare, type SchoolProfile } from './profile.js';
import {
  averageRanksAscending,
  mean,
  populationStandardDeviation,
  ranksDescending,
} from './statistics.js';

/**
 * Schema of one component of the wellbeing index: a passport share, its sign (`1` when more
 * of it means more wellbeing, `-1` when less) and its weight.
 *
 * @example
 * ```ts
 * import { indexComponentSchema } from '@eduset/core/schools';
 * indexComponentSchema.parse({ indicator: 'lowIncomeShare', sign: -1, weight: 1 });
 * ```
 */
export const indexComponentSchema = z.object({
  indicator: passportShareSchema,
  sign: z.union([z.literal(1), z.literal(-1)]),
  weight: z.number().positive(),
});

/**
 * One component of the wellbeing index.
 *
 * @example
 * ```ts
 * import type { IndexComponent } from '@eduset/core/schools';
 * const component: IndexComponent = { indicator: 'higherEducationShare', sign: 1, weight: 2 };
 * ```
 */
export type IndexComponent = z.infer<typeof indexComponentSchema>;

/**
 * Schema of the normalization that puts components on one scale: `zScore` (population
 * standard deviation), `rank` (average rank scaled to `[0, 1]`) or `minMax` (to `[0, 1]`).
 *
 * @example
 * ```ts
 * import { normalizationSchema } from '@eduset/core/schools';
 * normalizationSchema.parse('zScore');
 * ```
 */
export const normalizationSchema = z.enum(['zScore', 'rank', 'minMax']);

/**
 * How components are put on one scale.
 *
 * @example
 * ```ts
 * import type { Normalization } from '@eduset/core/schools';
 * const normalization: Normalization = 'minMax';
 * ```
 */
export type Normalization = z.infer<typeof normalizationSchema>;

const componentStatisticsSchema = z.object({
  mean: z.number(),
  standardDeviation: z.number().min(0),
  min: z.number(),
  max: z.number(),
});

/**
 * Schema of the reference population against which components are normalized: the schools
 * being indexed themselves (`indexed`, e.g. the 19 schools of a district) or fixed
 * statistics of a stated population (`fixed`, e.g. the region's schools in 2016), so that a
 * district's index can be compared year to year.
 *
 * @example
 * ```ts
 * import { referencePopulationSchema } from '@eduset/core/schools';
 * referencePopulationSchema.parse({ kind: 'indexed' });
 * ```
 */
export const referencePopulationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('indexed') }),
  z.object({
    kind: z.literal('fixed'),
    description: localizedTextSchema,
    statistics: z.partialRecord(passportShareSchema, componentStatisticsSchema),
  }),
]);

/**
 * The reference population of a normalization.
 *
 * @example
 * ```ts
 * import type { ReferencePopulation } from '@eduset/core/schools';
 * const reference: ReferencePopulation = { kind: 'indexed' };
 * ```
 */
export type ReferencePopulation = z.infer<typeof referencePopulationSchema>;

/**
 * Schema of a versioned wellbeing index definition: a portable JSON document; the same
 * document gives the same index in the browser, in Node and in another region.
 *
 * @example
 * ```ts
 * import { wellbeingIndexDefinitionSchema } from '@eduset/core/schools';
 * wellbeingIndexDefinitionSchema.parse({
 *   id: 'my-index', version: '1.0.0',
 *   title: { ru: 'Индекс', en: 'Index' },
 *   components: [{ indicator: 'lowIncomeShare', sign: -1, weight: 1 }],
 *   normalization: 'zScore', reference: { kind: 'indexed' },
 * });
 * ```
 */
export const wellbeingIndexDefinitionSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    title: localizedTextSchema,
    components: z.array(indexComponentSchema).min(1),
    normalization: normalizationSchema,
    reference: referencePopulationSchema,
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.components.forEach((component, index) => {
      if (seen.has(component.indicator)) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', index, 'indicator'],
          message: 'duplicate component',
          params: {
            text: { ru: 'Показатель указан дважды', en: 'The indicator is listed twice' },
          },
        });
      }
      seen.add(component.indicator);
      if (
        definition.reference.kind === 'fixed' &&
        definition.reference.statistics[component.indicator] === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['reference', 'statistics', component.indicator],
          message: 'missing statistics',
          params: {
            text: {
              ru: 'Нет статистики опорной совокупности для показателя',
              en: 'No reference statistics for the indicator',
            },
          },
        });
      }
    });
    if (definition.reference.kind === 'fixed' && definition.normalization === 'rank') {
      ctx.addIssue({
        code: 'custom',
        path: ['normalization'],
        message: 'rank needs indexed reference',
        params: {
          text: {
            ru: 'Нормировка по рангам возможна только относительно самих школ',
            en: 'Rank normalization needs the indexed schools as reference',
          },
        },
      });
    }
  });

/**
 * A versioned wellbeing index definition.
 *
 * @example
 * ```ts
 * import { defaultWellbeingIndex, type WellbeingIndexDefinition } from '@eduset/core/schools';
 * const definition: WellbeingIndexDefinition = { ...defaultWellbeingIndex, version: '1.1.0' };
 * ```
 */
export type WellbeingIndexDefinition = z.infer<typeof wellbeingIndexDefinitionSchema>;

/**
 * Validates outside data as a wellbeing index definition.
 *
 * @example
 * ```ts
 * import { parseWellbeingIndexDefinition } from '@eduset/core/schools';
 * declare const json: unknown;
 * const definition = parseWellbeingIndexDefinition(json);
 * ```
 */
export function parseWellbeingIndexDefinition(input: unknown): WellbeingIndexDefinition {
  return parse(wellbeingIndexDefinitionSchema, input);
}

/**
 * The default social wellbeing index (индекс социального благополучия): the share of pupils
 * whose parents both have higher education counts up; single-parent, low-income, prevention
 * register, non-native and disability shares count down; equal weights; z-scores against the
 * indexed schools. The weights of the Yaroslavl index are not published: this is our stated
 * choice, versioned so that a region can publish its own.
 *
 * @example
 * ```ts
 * import { defaultWellbeingIndex } from '@eduset/core/schools';
 * defaultWellbeingIndex.components.length; // 6
 * ```
 */
export const defaultWellbeingIndex: WellbeingIndexDefinition = {
  id: 'eduset-wellbeing',
  version: '1.0.0',
  title: { ru: 'Индекс социального благополучия', en: 'Social wellbeing index' },
  components: [
    { indicator: 'higherEducationShare', sign: 1, weight: 1 },
    { indicator: 'singleParentShare', sign: -1, weight: 1 },
    { indicator: 'lowIncomeShare', sign: -1, weight: 1 },
    { indicator: 'preventionRegisterShare', sign: -1, weight: 1 },
    { indicator: 'nonNativeShare', sign: -1, weight: 1 },
    { indicator: 'disabilityShare', sign: -1, weight: 1 },
  ],
  normalization: 'zScore',
  reference: { kind: 'indexed' },
};

/**
 * One term of a school's index: the raw share, its normalized value and what it added to
 * the index (`sign × weight × normalized / Σ weights`). Negative terms pull the index down.
 *
 * @example
 * ```ts
 * import type { IndexTerm } from '@eduset/core/schools';
 * const term: IndexTerm = {
 *   indicator: 'lowIncomeShare', raw: 0.35, normalized: 1.6, sign: -1, weight: 1,
 *   contribution: -0.32,
 * };
 * ```
 */
export interface IndexTerm {
  readonly indicator: PassportShare;
  readonly raw: number;
  readonly normalized: number;
  readonly sign: 1 | -1;
  readonly weight: number;
  readonly contribution: number;
}

/**
 * A school's wellbeing index: its value, its place (1 = most favourable) out of the indexed
 * schools, and its terms.
 *
 * @example
 * ```ts
 * import type { WellbeingIndexEntry } from '@eduset/core/schools';
 * declare const entry: WellbeingIndexEntry;
 * `${entry.rank} из ${entry.outOf}`;
 * ```
 */
export interface WellbeingIndexEntry {
  readonly schoolId: string;
  readonly value: number;
  readonly rank: number;
  readonly outOf: number;
  readonly terms: readonly IndexTerm[];
}

/**
 * The result of indexing a set of schools, tagged with the definition that produced it.
 *
 * @example
 * ```ts
 * import type { WellbeingIndexResult } from '@eduset/core/schools';
 * declare const result: WellbeingIndexResult;
 * result.definition.version;
 * ```
 */
export interface WellbeingIndexResult {
  readonly definition: { readonly id: string; readonly version: string };
  readonly entries: readonly WellbeingIndexEntry[];
}

function normalizer(
  definition: WellbeingIndexDefinition,
  indicator: PassportShare,
  column: readonly number[],
): (value: number, index: number) => number {
  const reference = definition.reference;
  const stats =
    reference.kind === 'fixed'
      ? reference.statistics[indicator]
      : {
          mean: mean(column),
          standardDeviation: populationStandardDeviation(column),
          // A loop, not Math.min(...column): spreading a whole country's column can overflow the stack.
          min: column.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
          max: column.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY),
        };
  switch (definition.normalization) {
    case 'zScore': {
      const sd = stats?.standardDeviation ?? 0;
      const m = stats?.mean ?? 0;
      return (value) => (sd > 0 ? (value - m) / sd : 0);
    }
    case 'minMax': {
      const min = stats?.min ?? 0;
      const span = (stats?.max ?? 0) - min;
      return (value) => (span > 0 ? (value - min) / span : 0.5);
    }
    case 'rank': {
      const ranks = averageRanksAscending(column);
      const n = column.length;
      return (_value, index) => (n > 1 ? ((ranks[index] ?? 1) - 1) / (n - 1) : 0.5);
    }
  }
}

/**
 * Computes the wellbeing index of the given schools by a definition: normalize each
 * component against the reference population, take the signed weighted mean, rank (place 1
 * = most favourable, ties share a place).
 *
 * @throws ValidationError (Russian and English) when the definition does not match its schema
 * or a share the index reads is not a finite number from 0 to 1 — a NaN share is refused,
 * never counted as a zero.
 * @param definition - validated with {@link parseWellbeingIndexDefinition} if it comes from outside.
 * @example
 * ```ts
 * import { computeWellbeingIndex, defaultWellbeingIndex } from '@eduset/core/schools';
 * import type { SchoolProfile } from '@eduset/core/schools';
 * declare const schools: SchoolProfile[];
 * const { entries } = computeWellbeingIndex(defaultWellbeingIndex, schools);
 * entries[0]?.rank;
 * ```
 */
export function computeWellbeingIndex(
  definition: WellbeingIndexDefinition,
  schools: readonly Pick<SchoolProfile, 'id' | 'passport'>[],
): WellbeingIndexResult {
  const issues = wellbeingIndexIssues(definition, schools);
  if (issues.length > 0) throw new ValidationError(issues);
  return indexSchools(definition, schools);
}

/** At most this many issues are listed about the schools; a region of NaN would list thousands. */
const MAX_ISSUES = 100;

/**
 * @internal Every problem of a wellbeing index's input: the definition against its schema
 * (path `['index', …]`) and each share the index reads, which must be a finite number in
 * `[0, 1]` (path `['schools', i, 'passport', share]`) — a NaN or infinite share is refused,
 * never counted as a zero.
 */
export function wellbeingIndexIssues(
  definition: WellbeingIndexDefinition,
  schools: readonly Pick<SchoolProfile, 'id' | 'passport'>[],
): ValidationIssue[] {
  const checked = safeParse(wellbeingIndexDefinitionSchema, definition, ['index']);
  if (!checked.ok) return [...checked.issues];
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(schools)) {
    return [
      {
        path: ['schools'],
        code: 'invalid_type',
        message: { ru: 'Ожидается список школ', en: 'Expected a list of schools' },
      },
    ];
  }
  schools.forEach((school, i) => {
    if (issues.length >= MAX_ISSUES) return;
    const passport = (school as { passport?: unknown } | null)?.passport;
    if (typeof passport !== 'object' || passport === null) {
      issues.push({
        path: ['schools', i, 'passport'],
        code: 'invalid_type',
        message: { ru: 'Нет социального паспорта', en: 'The social passport is missing' },
      });
      return;
    }
    for (const component of definition.components) {
      const value: unknown = (passport as Record<string, unknown>)[component.indicator];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        issues.push({
          path: ['schools', i, 'passport', component.indicator],
          code: 'invalid_share',
          message: {
            ru: 'Доля должна быть конечным числом от 0 до 1',
            en: 'A share must be a finite number from 0 to 1',
          },
        });
      }
    }
  });
  return issues;
}

/** @internal The index of schools already checked by {@link wellbeingIndexIssues}. */
export function indexSchools(
  definition: WellbeingIndexDefinition,
  schools: readonly Pick<SchoolProfile, 'id' | 'passport'>[],
): WellbeingIndexResult {
  const totalWeight = definition.components.reduce((sum, c) => sum + c.weight, 0);
  const columns = definition.components.map((component) => {
    const column = schools.map((school) => school.passport[component.indicator]);
    const normalize = normalizer(definition, component.indicator, column);
    return column.map((raw, index) => {
      const normalized = normalize(raw, index);
      return {
        indicator: component.indicator,
        raw,
        normalized,
        sign: component.sign,
        weight: component.weight,
        contribution: (component.sign * component.weight * normalized) / totalWeight,
      } satisfies IndexTerm;
    });
  });
  const values = schools.map((_, index) =>
    columns.reduce((sum, column) => sum + (column[index]?.contribution ?? 0), 0),
  );
  const ranks = ranksDescending(values);
  return {
    definition: { id: definition.id, version: definition.version },
    entries: schools.map((school, index) => ({
      schoolId: school.id,
      value: values[index] ?? 0,
      rank: ranks[index] ?? 0,
      outOf: schools.length,
      terms: columns.map((column) => column[index]).filter((t) => t !== undefined),
    })),
  };
}

/**
 * The terms that pulled a school's index down the most: negative contributions, most
 * negative first, at most `count`.
 *
 * @example
 * ```ts
 * import { mostNegativeTerms, type WellbeingIndexEntry } from '@eduset/core/schools';
 * declare const entry: WellbeingIndexEntry;
 * mostNegativeTerms(entry, 3).map((term) => term.indicator);
 * ```
 */
export function mostNegativeTerms(entry: WellbeingIndexEntry, count: number): IndexTerm[] {
  return entry.terms
    .filter((term) => term.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution)
    .slice(0, count);
}
