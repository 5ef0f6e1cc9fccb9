import type { LocalizedText } from '../common/labels.js';
import { z } from '../common/zod-mini.js';
import {
  localitySchema,
  passportShareSchema,
  transportSchema,
  type PassportShare,
  type SocialPassport,
} from './profile.js';

/**
 * The six context categories of the Tutaev identification table.
 *
 * @example
 * ```ts
 * import { schoolCategories } from '@eduset/core/schools';
 * schoolCategories[0]; // 'deprivedRural'
 * ```
 */
export const schoolCategories = [
  'deprivedRural',
  'deprivedUrban',
  'smallRural',
  'hardToReach',
  'highDeviance',
  'multicultural',
] as const;

/**
 * Schema of a context category name.
 *
 * @example
 * ```ts
 * import { schoolCategorySchema } from '@eduset/core/schools';
 * schoolCategorySchema.parse('hardToReach');
 * ```
 */
export const schoolCategorySchema = z.enum(schoolCategories);

/**
 * A context category: deprived rural (депривированная сельская), deprived urban, small rural
 * (малокомплектная), hard-to-reach territory, high deviance, complex multicultural context.
 *
 * @example
 * ```ts
 * import type { SchoolCategory } from '@eduset/core/schools';
 * const category: SchoolCategory = 'smallRural';
 * ```
 */
export type SchoolCategory = z.infer<typeof schoolCategorySchema>;

const numericField = z.union([passportShareSchema, z.enum(['enrolment', 'distanceToCentreKm'])]);

/**
 * A numeric field of the social passport a condition can compare: a share, the enrolment or
 * the distance to the centre.
 *
 * @example
 * ```ts
 * import type { PassportNumericField } from '@eduset/core/schools';
 * const field: PassportNumericField = 'distanceToCentreKm';
 * ```
 */
export type PassportNumericField = PassportShare | 'enrolment' | 'distanceToCentreKm';

/**
 * Schema of one condition on a social passport: a number at least / at most a threshold,
 * the locality, or the transport being one of the given kinds.
 *
 * @example
 * ```ts
 * import { passportConditionSchema } from '@eduset/core/schools';
 * passportConditionSchema.parse({ field: 'lowIncomeShare', atLeast: 0.3 });
 * passportConditionSchema.parse({ field: 'locality', is: 'rural' });
 * ```
 */
export const passportConditionSchema = z.union([
  z.strictObject({ field: numericField, atLeast: z.number() }),
  z.strictObject({ field: numericField, atMost: z.number() }),
  z.strictObject({ field: z.literal('locality'), is: localitySchema }),
  z.strictObject({
    field: z.literal('transport'),
    oneOf: z.array(transportSchema).check(z.minLength(1)),
  }),
]);

/**
 * One condition on a social passport.
 *
 * @example
 * ```ts
 * import type { PassportCondition } from '@eduset/core/schools';
 * const condition: PassportCondition = { field: 'enrolment', atMost: 100 };
 * ```
 */
export type PassportCondition = z.infer<typeof passportConditionSchema>;

/**
 * Schema of a category rule: every condition of `all` must hold and, when `any` is given, at
 * least one of its conditions.
 *
 * @example
 * ```ts
 * import { categoryRuleSchema } from '@eduset/core/schools';
 * categoryRuleSchema.parse({
 *   category: 'highDeviance',
 *   all: [{ field: 'preventionRegisterShare', atLeast: 0.05 }],
 * });
 * ```
 */
export const categoryRuleSchema = z.object({
  category: schoolCategorySchema,
  all: z._default(z.array(passportConditionSchema), []),
  any: z.optional(z.array(passportConditionSchema)),
});

/**
 * A category rule.
 *
 * @example
 * ```ts
 * import type { CategoryRule } from '@eduset/core/schools';
 * const rule: CategoryRule = { category: 'multicultural', all: [{ field: 'nonNativeShare', atLeast: 0.15 }] };
 * ```
 */
export type CategoryRule = z.infer<typeof categoryRuleSchema>;

/**
 * Russian and English names of the categories, as in the Tutaev table.
 *
 * @example
 * ```ts
 * import { categoryTitles } from '@eduset/core/schools';
 * categoryTitles.smallRural.ru; // 'Сельские малокомплектные'
 * ```
 */
export const categoryTitles: Readonly<Record<SchoolCategory, LocalizedText>> = {
  deprivedRural: { ru: 'Депривированные сельские школы', en: 'Deprived rural schools' },
  deprivedUrban: { ru: 'Депривированные городские школы', en: 'Deprived urban schools' },
  smallRural: { ru: 'Сельские малокомплектные', en: 'Small rural schools' },
  hardToReach: {
    ru: 'Школы в труднодоступных территориях',
    en: 'Schools in hard-to-reach territories',
  },
  highDeviance: {
    ru: 'Школы с высоким уровнем девиантности',
    en: 'Schools with high deviance',
  },
  multicultural: {
    ru: 'Школы со сложным поликультурным контекстом',
    en: 'Schools in a complex multicultural context',
  },
};

/**
 * The outcome of one condition on one passport, for an explanation.
 *
 * @example
 * ```ts
 * import type { ConditionOutcome } from '@eduset/core/schools';
 * declare const outcome: ConditionOutcome;
 * outcome.holds;
 * ```
 */
export interface ConditionOutcome {
  readonly condition: PassportCondition;
  readonly actual: number | string;
  readonly holds: boolean;
}

/**
 * Evaluates one condition on a passport.
 *
 * @example
 * ```ts
 * import { evaluateCondition, type SocialPassport } from '@eduset/core/schools';
 * declare const passport: SocialPassport;
 * evaluateCondition({ field: 'distanceToCentreKm', atLeast: 30 }, passport).holds;
 * ```
 */
export function evaluateCondition(
  condition: PassportCondition,
  passport: SocialPassport,
): ConditionOutcome {
  if ('is' in condition) {
    return { condition, actual: passport.locality, holds: passport.locality === condition.is };
  }
  if ('oneOf' in condition) {
    return {
      condition,
      actual: passport.transport,
      holds: condition.oneOf.includes(passport.transport),
    };
  }
  const actual = passport[condition.field];
  const holds = 'atLeast' in condition ? actual >= condition.atLeast : actual <= condition.atMost;
  return { condition, actual, holds };
}

/**
 * Whether a category rule fires on a passport, with the outcome of each condition.
 *
 * @example
 * ```ts
 * import { evaluateCategory, type SocialPassport } from '@eduset/core/schools';
 * declare const passport: SocialPassport;
 * evaluateCategory({ category: 'smallRural', all: [{ field: 'enrolment', atMost: 100 }] }, passport).fires;
 * ```
 */
export function evaluateCategory(
  rule: CategoryRule,
  passport: SocialPassport,
): { readonly fires: boolean; readonly outcomes: readonly ConditionOutcome[] } {
  const all = rule.all.map((condition) => evaluateCondition(condition, passport));
  const any = (rule.any ?? []).map((condition) => evaluateCondition(condition, passport));
  const fires =
    all.every((outcome) => outcome.holds) &&
    (rule.any === undefined || any.some((outcome) => outcome.holds));
  return { fires, outcomes: [...all, ...any] };
}

/**
 * Describes a condition in Russian and English, e.g. «доля малообеспеченных ≥ 0,3».
 *
 * @example
 * ```ts
 * import { describeCondition } from '@eduset/core/schools';
 * describeCondition({ field: 'enrolment', atMost: 100 }).en; // 'enrolment ≤ 100'
 * ```
 */
export function describeCondition(condition: PassportCondition): {
  readonly ru: string;
  readonly en: string;
} {
  const name = fieldNames[condition.field];
  if ('is' in condition) {
    const value =
      condition.is === 'rural' ? { ru: 'сельская', en: 'rural' } : { ru: 'городская', en: 'urban' };
    return { ru: `${name.ru}: ${value.ru}`, en: `${name.en}: ${value.en}` };
  }
  if ('oneOf' in condition) {
    return {
      ru: `${name.ru}: ${condition.oneOf.map((t) => transportNames[t].ru).join(' или ')}`,
      en: `${name.en}: ${condition.oneOf.map((t) => transportNames[t].en).join(' or ')}`,
    };
  }
  const [op, value] = 'atLeast' in condition ? ['≥', condition.atLeast] : ['≤', condition.atMost];
  return {
    ru: `${name.ru} ${op} ${String(value).replace('.', ',')}`,
    en: `${name.en} ${op} ${String(value)}`,
  };
}

const transportNames = {
  regular: { ru: 'регулярный', en: 'regular' },
  irregular: { ru: 'нерегулярный', en: 'irregular' },
  none: { ru: 'нет', en: 'none' },
} as const;

/**
 * Russian and English names of passport fields.
 *
 * @example
 * ```ts
 * import { fieldNames } from '@eduset/core/schools';
 * fieldNames.lowIncomeShare.ru; // 'доля малообеспеченных семей'
 * ```
 */
export const fieldNames: Readonly<
  Record<
    PassportNumericField | 'locality' | 'transport',
    { readonly ru: string; readonly en: string }
  >
> = {
  higherEducationShare: {
    ru: 'доля семей, где оба родителя с высшим образованием',
    en: 'share with both parents in higher education',
  },
  singleParentShare: { ru: 'доля неполных семей', en: 'share of single-parent families' },
  lowIncomeShare: { ru: 'доля малообеспеченных семей', en: 'share of low-income families' },
  preventionRegisterShare: {
    ru: 'доля учащихся на профилактических учётах',
    en: 'share on prevention registers',
  },
  nonNativeShare: {
    ru: 'доля учащихся с неродным русским языком',
    en: 'share of non-native speakers',
  },
  disabilityShare: { ru: 'доля учащихся с ОВЗ', en: 'share of pupils with disabilities' },
  enrolment: { ru: 'число учащихся', en: 'enrolment' },
  distanceToCentreKm: { ru: 'расстояние до райцентра, км', en: 'distance to the centre, km' },
  locality: { ru: 'местность', en: 'locality' },
  transport: { ru: 'транспорт до райцентра', en: 'transport to the centre' },
};
