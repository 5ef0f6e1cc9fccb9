import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { ValidationError, type ValidationIssue } from '../common/errors.js';
import { parse, safeParse } from '../common/parse.js';
import { z } from '../common/zod-mini.js';
import {
  categoryRuleSchema,
  categoryTitles,
  describeCondition,
  evaluateCategory,
  fieldNames,
  schoolCategories,
  type SchoolCategory,
} from './categories.js';
import type { SchoolLevel } from '../network/organization.js';
import { schoolProfileSchema, type RegionalRank, type SchoolProfile } from './profile.js';
import { bottomThresholdPlace, linearFit, placesInShare } from './statistics.js';
import { estimateSchoolVariance, shrinkValueAdded, type ValueAdded } from './value-added.js';
import {
  indexSchools,
  mostNegativeTerms,
  wellbeingIndexIssues,
  type IndexTerm,
  type WellbeingIndexDefinition,
  type WellbeingIndexResult,
} from './wellbeing-index.js';

const share = z.number().check(z.gt(0), z.lte(1));

/**
 * Schema of the low-results rule: a school is in the bottom `bottomShare` of its regional
 * ranking in at least `atLeast` of the last `years` years.
 *
 * @example
 * ```ts
 * import { lowResultsRuleSchema } from '@eduset/core/schools';
 * lowResultsRuleSchema.parse({ bottomShare: 0.1, years: 3, atLeast: 2 });
 * ```
 */
export const lowResultsRuleSchema = z
  .object({
    bottomShare: share,
    years: z.int().check(z.gte(1), z.lte(20)),
    atLeast: z.int().check(z.gte(1)),
  })
  .check(
    z.refine((rule) => rule.atLeast <= rule.years, {
      path: ['atLeast'],
      params: {
        text: {
          ru: 'Число лет не может превышать длину окна',
          en: 'atLeast cannot exceed years',
        },
      },
    }),
  );

/**
 * The low-results rule.
 *
 * @example
 * ```ts
 * import type { LowResultsRule } from '@eduset/core/schools';
 * const rule: LowResultsRule = { bottomShare: 0.1, years: 3, atLeast: 2 };
 * ```
 */
export type LowResultsRule = z.infer<typeof lowResultsRuleSchema>;

/**
 * Schema of a versioned identification definition: which schools have low results, which
 * work in adverse conditions, which are resilient, which add less (or more) than expected
 * for their context, and in which context categories each falls.
 *
 * @example
 * ```ts
 * import { identificationDefinitionSchema, defaultIdentification } from '@eduset/core/schools';
 * identificationDefinitionSchema.parse(defaultIdentification);
 * ```
 */
export const identificationDefinitionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  title: localizedTextSchema,
  lowResults: lowResultsRuleSchema,
  adverseConditions: z.object({ bottomShare: share }),
  resilient: z.object({ indexBottomShare: share, resultsTopShare: share }),
  valueAdded: z.object({
    /** σe², the variance of pupils' scores within a school. */
    pupilVariance: z.number().check(z.gt(0)),
    /** σu², the variance of true school effects; estimated from the data when absent. */
    schoolVariance: z.optional(z.number().check(z.gte(0))),
    /** Normal quantile of the interval: 1.96 for 95 %. */
    z: z._default(z.number().check(z.gt(0)), 1.96),
  }),
  categories: z.array(categoryRuleSchema),
  /** How many of the most negative index terms explain a flag. */
  explanationTerms: z._default(z.int().check(z.gte(1), z.lte(6)), 3),
});

/**
 * A versioned identification definition.
 *
 * @example
 * ```ts
 * import { defaultIdentification, type IdentificationDefinition } from '@eduset/core/schools';
 * const strict: IdentificationDefinition = { ...defaultIdentification, version: '1.0.0-strict' };
 * ```
 */
export type IdentificationDefinition = z.infer<typeof identificationDefinitionSchema>;

/**
 * Validates outside data as an identification definition.
 *
 * @example
 * ```ts
 * import { parseIdentificationDefinition } from '@eduset/core/schools';
 * declare const json: unknown;
 * const definition = parseIdentificationDefinition(json);
 * ```
 */
export function parseIdentificationDefinition(input: unknown): IdentificationDefinition {
  return parse(identificationDefinitionSchema, input);
}

/**
 * The default identification: bottom 10 % of the regional ranking in 2 of the last 3 years
 * (low results, ШНОР), bottom quartile of the wellbeing index (adverse conditions, ШФНСУ),
 * PISA-style resilience (bottom quartile of the index, top quartile of results), value added
 * with σe² = 100 and a 95 % interval, and the six Tutaev categories with these thresholds:
 * deprived = low-income share ≥ 0.3 (rural or urban); small rural = rural and ≤ 100 pupils;
 * hard-to-reach = ≥ 30 km from the centre or no regular transport; high deviance = ≥ 5 % on
 * prevention registers; multicultural = ≥ 15 % non-native speakers.
 *
 * @example
 * ```ts
 * import { defaultIdentification } from '@eduset/core/schools';
 * defaultIdentification.lowResults; // { bottomShare: 0.1, years: 3, atLeast: 2 }
 * ```
 */
export const defaultIdentification: IdentificationDefinition = {
  id: 'eduset-identification',
  version: '1.0.0',
  title: {
    ru: 'Идентификация ШНОР и ШФНСУ',
    en: 'Identification of low-results and adverse-condition schools',
  },
  lowResults: { bottomShare: 0.1, years: 3, atLeast: 2 },
  adverseConditions: { bottomShare: 0.25 },
  resilient: { indexBottomShare: 0.25, resultsTopShare: 0.25 },
  valueAdded: { pupilVariance: 100, z: 1.96 },
  categories: [
    {
      category: 'deprivedRural',
      all: [
        { field: 'locality', is: 'rural' },
        { field: 'lowIncomeShare', atLeast: 0.3 },
      ],
    },
    {
      category: 'deprivedUrban',
      all: [
        { field: 'locality', is: 'urban' },
        { field: 'lowIncomeShare', atLeast: 0.3 },
      ],
    },
    {
      category: 'smallRural',
      all: [
        { field: 'locality', is: 'rural' },
        { field: 'enrolment', atMost: 100 },
      ],
    },
    {
      category: 'hardToReach',
      all: [],
      any: [
        { field: 'distanceToCentreKm', atLeast: 30 },
        { field: 'transport', oneOf: ['irregular', 'none'] },
      ],
    },
    { category: 'highDeviance', all: [{ field: 'preventionRegisterShare', atLeast: 0.05 }] },
    { category: 'multicultural', all: [{ field: 'nonNativeShare', atLeast: 0.15 }] },
  ],
  explanationTerms: 3,
};

/**
 * The flags identification sets on a school.
 *
 * @example
 * ```ts
 * import { identificationFlags } from '@eduset/core/schools';
 * identificationFlags.includes('resilient'); // true
 * ```
 */
export const identificationFlags = [
  'lowResults',
  'adverseConditions',
  'resilient',
  'negativeValueAdded',
  'positiveValueAdded',
] as const;

/**
 * One identification flag.
 *
 * @example
 * ```ts
 * import type { IdentificationFlag } from '@eduset/core/schools';
 * const flag: IdentificationFlag = 'lowResults';
 * ```
 */
export type IdentificationFlag = (typeof identificationFlags)[number];

/**
 * Russian and English names of the flags.
 *
 * @example
 * ```ts
 * import { flagTitles } from '@eduset/core/schools';
 * flagTitles.adverseConditions.ru; // 'Неблагоприятные социальные условия (ШФНСУ)'
 * ```
 */
export const flagTitles: Readonly<Record<IdentificationFlag, LocalizedText>> = {
  lowResults: { ru: 'Низкие результаты (ШНОР)', en: 'Low results' },
  adverseConditions: {
    ru: 'Неблагоприятные социальные условия (ШФНСУ)',
    en: 'Adverse social conditions',
  },
  resilient: { ru: 'Резильентная школа', en: 'Resilient school' },
  negativeValueAdded: {
    ru: 'Результаты ниже ожидаемых для условий',
    en: 'Results below expectation for the context',
  },
  positiveValueAdded: {
    ru: 'Результаты выше ожидаемых для условий',
    en: 'Results above expectation for the context',
  },
};

/**
 * One figure an explanation compares: the school's value against the threshold of a rule.
 *
 * @example
 * ```ts
 * import type { ExplanationFigure } from '@eduset/core/schools';
 * const figure: ExplanationFigure = {
 *   label: { ru: 'Место в 2016 г.', en: 'Place in 2016' }, value: 222, threshold: 218, holds: true,
 * };
 * ```
 */
export interface ExplanationFigure {
  readonly label: LocalizedText;
  readonly value: number | string;
  readonly threshold?: number | string;
  /** Whether this figure satisfies its part of the rule. */
  readonly holds: boolean;
}

/**
 * Why a flag or category was set: the rule that fired, the figures it compared, and the
 * terms of the index that pulled the school down (most negative first).
 *
 * @example
 * ```ts
 * import type { FlagExplanation } from '@eduset/core/schools';
 * declare const explanation: FlagExplanation;
 * explanation.rule.ru;
 * ```
 */
export interface FlagExplanation {
  readonly subject: IdentificationFlag | SchoolCategory;
  readonly title: LocalizedText;
  readonly rule: LocalizedText;
  readonly figures: readonly ExplanationFigure[];
  readonly terms: readonly IndexTerm[];
}

/**
 * The identification of one school.
 *
 * @example
 * ```ts
 * import type { SchoolIdentification } from '@eduset/core/schools';
 * declare const school: SchoolIdentification;
 * school.flags.lowResults && school.explanations.find((e) => e.subject === 'lowResults');
 * ```
 */
export interface SchoolIdentification {
  readonly schoolId: string;
  readonly name: string;
  readonly level: SchoolLevel;
  readonly indexValue: number;
  readonly indexRank: number;
  readonly indexOutOf: number;
  /** The regional rank in the identification year, when known. */
  readonly resultsRank: RegionalRank | null;
  /** The examinee-weighted mean score over subjects in the identification year. */
  readonly meanScore: number | null;
  readonly flags: Readonly<Record<IdentificationFlag, boolean>>;
  readonly categories: Readonly<Record<SchoolCategory, boolean>>;
  readonly valueAdded: ValueAdded | null;
  /** One explanation for every flag and category that is set. */
  readonly explanations: readonly FlagExplanation[];
}

/**
 * The identification of a district or region, tagged with the definitions and the year.
 *
 * @example
 * ```ts
 * import type { IdentificationResult } from '@eduset/core/schools';
 * declare const result: IdentificationResult;
 * result.schools.filter((s) => s.flags.lowResults).length;
 * ```
 */
export interface IdentificationResult {
  readonly year: number;
  readonly index: WellbeingIndexResult;
  readonly definition: { readonly id: string; readonly version: string };
  readonly schools: readonly SchoolIdentification[];
}

const formatRu = (value: number, digits = 2): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits).replace('.', ',');
const formatEn = (value: number, digits = 2): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits);
const percent = (share: number): string => `${formatEn(share * 100, 0)} %`;

/**
 * Applies the low-results rule to a school's regional ranks: counts the years of the window
 * ending at `year` in which the place is in the bottom share of that year's ranking.
 *
 * @example
 * ```ts
 * import { evaluateLowResults } from '@eduset/core/schools';
 * const ranks = [2014, 2015, 2016].map((year, i) => ({ year, rank: [230, 225, 190][i]!, outOf: 242 }));
 * evaluateLowResults(ranks, { bottomShare: 0.1, years: 3, atLeast: 2 }, 2016).fires; // true
 * ```
 */
export function evaluateLowResults(
  ranks: readonly RegionalRank[],
  rule: LowResultsRule,
  year: number,
): { readonly fires: boolean; readonly lowYears: number; readonly figures: ExplanationFigure[] } {
  const figures: ExplanationFigure[] = [];
  let lowYears = 0;
  for (let y = year - rule.years + 1; y <= year; y += 1) {
    const entry = ranks.find((rank) => rank.year === y);
    if (entry === undefined) continue;
    const threshold = bottomThresholdPlace(rule.bottomShare, entry.outOf);
    const holds = entry.rank >= threshold;
    if (holds) lowYears += 1;
    figures.push({
      label: {
        ru: `Место в рейтинге ${y} г. из ${entry.outOf}`,
        en: `Place in ${y} out of ${entry.outOf}`,
      },
      value: entry.rank,
      threshold,
      holds,
    });
  }
  return { fires: lowYears >= rule.atLeast, lowYears, figures };
}

/** Mean score of a year over subjects, weighted by examinees when every result has them. */
function yearOutcome(
  school: SchoolProfile,
  year: number,
): { meanScore: number; examinees: number | null } | null {
  const results = school.results.filter((result) => result.year === year);
  if (results.length === 0) return null;
  const counted = results.every((r) => r.examinees !== undefined && r.examinees > 0);
  if (!counted) {
    return {
      meanScore: results.reduce((s, r) => s + r.meanScore, 0) / results.length,
      examinees: null,
    };
  }
  const total = results.reduce((s, r) => s + (r.examinees ?? 0), 0);
  return {
    meanScore: results.reduce((s, r) => s + r.meanScore * (r.examinees ?? 0), 0) / total,
    // The school's size for shrinkage: examinees of the largest subject (every pupil sits it).
    examinees: Math.max(...results.map((r) => r.examinees ?? 0)),
  };
}

/**
 * Identifies a district's or region's schools: computes the wellbeing index, then applies
 * every rule of the identification definition for the given year, and explains each flag
 * and category that is set. Resilience excludes low results: a school flagged low-results
 * by persistence is never also called resilient.
 *
 * @throws ValidationError (Russian and English) listing what is wrong with the input: a
 * school that does not match the profile schema (a NaN or infinite share, score or rank is
 * refused, never counted as a zero), a definition that does not match its schema, or a year
 * that is not a whole number.
 * @example
 * ```ts
 * import { identifySchools, defaultWellbeingIndex, defaultIdentification } from '@eduset/core/schools';
 * import type { SchoolProfile } from '@eduset/core/schools';
 * declare const schools: SchoolProfile[];
 * const result = identifySchools(schools, {
 *   index: defaultWellbeingIndex, identification: defaultIdentification, year: 2016,
 * });
 * result.schools.filter((s) => s.flags.adverseConditions).map((s) => s.name);
 * ```
 */
export function identifySchools(
  schools: readonly SchoolProfile[],
  options: {
    readonly index: WellbeingIndexDefinition;
    readonly identification: IdentificationDefinition;
    readonly year: number;
  },
): IdentificationResult {
  checkIdentificationInput(schools, options);
  const { identification: definition, year } = options;
  const index = indexSchools(options.index, schools);
  const n = schools.length;
  const adverseThreshold = bottomThresholdPlace(definition.adverseConditions.bottomShare, n);
  const resilientIndexThreshold = bottomThresholdPlace(definition.resilient.indexBottomShare, n);

  // Contextual value added: mean score of the year regressed on the index.
  const outcomes = schools.map((school) => yearOutcome(school, year));
  const fitted: number[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome !== null && outcome.examinees !== null) fitted.push(i);
  });
  const fit = linearFit(
    fitted.map((i) => index.entries[i]?.value ?? 0),
    fitted.map((i) => outcomes[i]?.meanScore ?? 0),
  );
  const sizes = fitted.map((i) => outcomes[i]?.examinees ?? 0);
  const pupilVariance = definition.valueAdded.pupilVariance;
  const schoolVariance =
    definition.valueAdded.schoolVariance ??
    estimateSchoolVariance(fit.residuals, sizes, pupilVariance);
  const valueAdded = new Map<number, ValueAdded>();
  if (fitted.length >= 3) {
    fitted.forEach((schoolIndex, k) => {
      valueAdded.set(
        schoolIndex,
        shrinkValueAdded({
          residual: fit.residuals[k] ?? 0,
          examinees: sizes[k] ?? 0,
          schoolVariance,
          pupilVariance,
          z: definition.valueAdded.z,
        }),
      );
    });
  }

  const identified = schools.map((school, i): SchoolIdentification => {
    const entry = index.entries[i];
    if (entry === undefined) throw new Error('unreachable: one index entry per school');
    const terms = mostNegativeTerms(entry, definition.explanationTerms);
    const explanations: FlagExplanation[] = [];
    const resultsRank = school.regionalRanks.find((rank) => rank.year === year) ?? null;

    const low = evaluateLowResults(school.regionalRanks, definition.lowResults, year);
    const lr = definition.lowResults;
    if (low.fires) {
      explanations.push({
        subject: 'lowResults',
        title: flagTitles.lowResults,
        rule: {
          ru: `Место в нижних ${percent(lr.bottomShare)} регионального рейтинга не менее ${lr.atLeast} из ${lr.years} последних лет (лет: ${low.lowYears})`,
          en: `In the bottom ${percent(lr.bottomShare)} of the regional ranking in at least ${lr.atLeast} of the last ${lr.years} years (years: ${low.lowYears})`,
        },
        figures: low.figures,
        terms: [],
      });
    }

    const adverse = entry.rank >= adverseThreshold;
    if (adverse) {
      const places = placesInShare(definition.adverseConditions.bottomShare, n);
      explanations.push({
        subject: 'adverseConditions',
        title: flagTitles.adverseConditions,
        rule: {
          ru: `Место по индексу социального благополучия в нижних ${percent(definition.adverseConditions.bottomShare)} (${places} последних мест из ${n})`,
          en: `Wellbeing index place in the bottom ${percent(definition.adverseConditions.bottomShare)} (last ${places} places of ${n})`,
        },
        figures: [
          {
            label: { ru: 'Место по индексу', en: 'Index place' },
            value: entry.rank,
            threshold: adverseThreshold,
            holds: true,
          },
          {
            label: { ru: 'Значение индекса', en: 'Index value' },
            value: Number(entry.value.toFixed(3)),
            holds: true,
          },
        ],
        terms,
      });
    }

    const topPlaces =
      resultsRank === null
        ? 0
        : placesInShare(definition.resilient.resultsTopShare, resultsRank.outOf);
    const resilient =
      !low.fires &&
      entry.rank >= resilientIndexThreshold &&
      resultsRank !== null &&
      resultsRank.rank <= topPlaces;
    if (resilient) {
      explanations.push({
        subject: 'resilient',
        title: flagTitles.resilient,
        rule: {
          ru: `Индекс в нижних ${percent(definition.resilient.indexBottomShare)}, результаты в верхних ${percent(definition.resilient.resultsTopShare)} рейтинга, низкие результаты не выявлены`,
          en: `Index in the bottom ${percent(definition.resilient.indexBottomShare)}, results in the top ${percent(definition.resilient.resultsTopShare)} of the ranking, not low-results`,
        },
        figures: [
          {
            label: { ru: 'Место по индексу', en: 'Index place' },
            value: entry.rank,
            threshold: resilientIndexThreshold,
            holds: true,
          },
          {
            label: {
              ru: `Место в рейтинге ${year} г. из ${resultsRank.outOf}`,
              en: `Place in ${year} out of ${resultsRank.outOf}`,
            },
            value: resultsRank.rank,
            threshold: topPlaces,
            holds: true,
          },
        ],
        terms,
      });
    }

    const va = valueAdded.get(i) ?? null;
    const negative = va !== null && va.upper < 0;
    const positive = va !== null && va.lower > 0;
    if (va !== null && (negative || positive)) {
      const interval = (f: (x: number, d?: number) => string): string =>
        `[${f(va.lower)}; ${f(va.upper)}]`;
      explanations.push({
        subject: negative ? 'negativeValueAdded' : 'positiveValueAdded',
        title: negative ? flagTitles.negativeValueAdded : flagTitles.positiveValueAdded,
        rule: {
          ru: `Остаток среднего балла от ожидаемого по индексу, сжатый по размеру школы (k = ${formatRu(va.shrinkage, 3)}): ${formatRu(va.estimate)}, интервал ${interval(formatRu)} не содержит 0`,
          en: `Residual of the mean score from the index expectation, shrunk by school size (k = ${formatEn(va.shrinkage, 3)}): ${formatEn(va.estimate)}, interval ${interval(formatEn)} excludes 0`,
        },
        figures: [
          {
            label: { ru: 'Средний балл', en: 'Mean score' },
            value: Number((outcomes[i]?.meanScore ?? 0).toFixed(2)),
            holds: true,
          },
          {
            label: { ru: 'Ожидаемый балл', en: 'Expected score' },
            value: Number((fit.intercept + fit.slope * entry.value).toFixed(2)),
            holds: true,
          },
          { label: { ru: 'Участников', en: 'Examinees' }, value: va.examinees, holds: true },
        ],
        terms: negative ? terms : [],
      });
    }

    const categories = {} as Record<SchoolCategory, boolean>;
    for (const category of schoolCategories) categories[category] = false;
    for (const rule of definition.categories) {
      const outcome = evaluateCategory(rule, school.passport);
      if (!outcome.fires) continue;
      categories[rule.category] = true;
      explanations.push({
        subject: rule.category,
        title: categoryTitles[rule.category],
        rule: {
          ru: [
            ...rule.all.map((c) => describeCondition(c).ru),
            ...(rule.any
              ? [`(${rule.any.map((c) => describeCondition(c).ru).join(' или ')})`]
              : []),
          ].join(' и '),
          en: [
            ...rule.all.map((c) => describeCondition(c).en),
            ...(rule.any ? [`(${rule.any.map((c) => describeCondition(c).en).join(' or ')})`] : []),
          ].join(' and '),
        },
        figures: outcome.outcomes.map((o) => ({
          label: fieldNames[o.condition.field],
          value: o.actual,
          threshold:
            'atLeast' in o.condition
              ? o.condition.atLeast
              : 'atMost' in o.condition
                ? o.condition.atMost
                : 'is' in o.condition
                  ? o.condition.is
                  : o.condition.oneOf.join('|'),
          holds: o.holds,
        })),
        terms: [],
      });
    }

    return {
      schoolId: school.id,
      name: school.name,
      level: school.level,
      indexValue: entry.value,
      indexRank: entry.rank,
      indexOutOf: n,
      resultsRank,
      meanScore: outcomes[i]?.meanScore ?? null,
      flags: {
        lowResults: low.fires,
        adverseConditions: adverse,
        resilient,
        negativeValueAdded: negative,
        positiveValueAdded: positive,
      },
      categories,
      valueAdded: va,
      explanations,
    };
  });

  return {
    year,
    index,
    definition: { id: definition.id, version: definition.version },
    schools: identified,
  };
}

/** At most this many issues are listed; a region of NaN would otherwise list thousands. */
const MAX_ISSUES = 100;

/**
 * Checks what {@link identifySchools} reads: both definitions against their schemas, the
 * year, and every school against the profile schema (shares finite in `[0, 1]`, scores,
 * examinees and ranks finite and in range).
 */
function checkIdentificationInput(
  schools: readonly SchoolProfile[],
  options: {
    readonly index: WellbeingIndexDefinition;
    readonly identification: IdentificationDefinition;
    readonly year: number;
  },
): void {
  const issues: ValidationIssue[] = [];
  const identification = safeParse(identificationDefinitionSchema, options.identification, [
    'identification',
  ]);
  if (!identification.ok) issues.push(...identification.issues);
  const year: unknown = options.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100) {
    issues.push({
      path: ['year'],
      code: 'invalid_year',
      message: {
        ru: 'Год должен быть целым числом от 1990 до 2100',
        en: 'The year must be an integer from 1990 to 2100',
      },
    });
  }
  if (Array.isArray(schools)) {
    schools.forEach((school, i) => {
      if (issues.length >= MAX_ISSUES) return;
      const checked = safeParse(schoolProfileSchema, school, ['schools', i]);
      if (!checked.ok) issues.push(...checked.issues.slice(0, MAX_ISSUES - issues.length));
    });
  }
  if (issues.length === 0) issues.push(...wellbeingIndexIssues(options.index, schools));
  if (issues.length > 0) throw new ValidationError(issues);
}
