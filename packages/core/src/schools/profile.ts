import { parse } from '../common/parse.js';
import { z } from '../common/zod-mini.js';
import { schoolLevelSchema } from '../network/organization.js';

const share = z.number().check(z.gte(0), z.lte(1));
const year = z.int().check(z.gte(1990), z.lte(2100));

/**
 * Schema of where a school is: town (`urban`) or countryside (`rural`).
 *
 * @example
 * ```ts
 * import { localitySchema } from '@eduset/core/schools';
 * localitySchema.parse('rural');
 * ```
 */
export const localitySchema = z.enum(['urban', 'rural']);

/**
 * Town or countryside.
 *
 * @example
 * ```ts
 * import type { Locality } from '@eduset/core/schools';
 * const locality: Locality = 'rural';
 * ```
 */
export type Locality = z.infer<typeof localitySchema>;

/**
 * Schema of the public transport to the district centre: `regular` (a daily bus),
 * `irregular` (a few days a week, seasonal roads) or `none`.
 *
 * @example
 * ```ts
 * import { transportSchema } from '@eduset/core/schools';
 * transportSchema.parse('irregular');
 * ```
 */
export const transportSchema = z.enum(['regular', 'irregular', 'none']);

/**
 * Public transport to the district centre.
 *
 * @example
 * ```ts
 * import type { Transport } from '@eduset/core/schools';
 * const transport: Transport = 'none';
 * ```
 */
export type Transport = z.infer<typeof transportSchema>;

/**
 * The shares of a social passport that an index can use, each in `[0, 1]`.
 *
 * @example
 * ```ts
 * import { passportShares } from '@eduset/core/schools';
 * passportShares.includes('lowIncomeShare'); // true
 * ```
 */
export const passportShares = [
  'higherEducationShare',
  'singleParentShare',
  'lowIncomeShare',
  'preventionRegisterShare',
  'nonNativeShare',
  'disabilityShare',
] as const;

/**
 * Schema of the name of one share of the social passport.
 *
 * @example
 * ```ts
 * import { passportShareSchema } from '@eduset/core/schools';
 * passportShareSchema.parse('singleParentShare');
 * ```
 */
export const passportShareSchema = z.enum(passportShares);

/**
 * The name of one share of the social passport.
 *
 * @example
 * ```ts
 * import type { PassportShare } from '@eduset/core/schools';
 * const indicator: PassportShare = 'nonNativeShare';
 * ```
 */
export type PassportShare = z.infer<typeof passportShareSchema>;

/**
 * Schema of a school's social passport (социальный паспорт школы): the context of its
 * pupils and territory. Shares are fractions in `[0, 1]` of the school's pupils.
 *
 * @example
 * ```ts
 * import { socialPassportSchema } from '@eduset/core/schools';
 * socialPassportSchema.parse({
 *   higherEducationShare: 0.12, singleParentShare: 0.31, lowIncomeShare: 0.38,
 *   preventionRegisterShare: 0.07, nonNativeShare: 0.03, disabilityShare: 0.04,
 *   enrolment: 84, locality: 'rural', distanceToCentreKm: 42, transport: 'irregular',
 * });
 * ```
 */
export const socialPassportSchema = z.object({
  /** Pupils whose parents both have higher education. */
  higherEducationShare: share,
  /** Pupils from single-parent families. */
  singleParentShare: share,
  /** Pupils from low-income families. */
  lowIncomeShare: share,
  /** Pupils on prevention registers (ПДН, КДН, внутришкольный учёт). */
  preventionRegisterShare: share,
  /** Pupils whose native language is not Russian. */
  nonNativeShare: share,
  /** Pupils with disabilities (ОВЗ, инвалидность). */
  disabilityShare: share,
  /** Number of pupils. */
  enrolment: z.int().check(z.gte(0)),
  locality: localitySchema,
  /** Road distance to the district centre, km. */
  distanceToCentreKm: z.number().check(z.gte(0)),
  transport: transportSchema,
});

/**
 * A school's social passport.
 *
 * @example
 * ```ts
 * import type { SocialPassport } from '@eduset/core/schools';
 * declare const passport: SocialPassport;
 * passport.lowIncomeShare;
 * ```
 */
export type SocialPassport = z.infer<typeof socialPassportSchema>;

/**
 * Schema of a school's result in one subject of the state final examination in one year.
 *
 * @example
 * ```ts
 * import { examResultSchema } from '@eduset/core/schools';
 * examResultSchema.parse({ year: 2016, subject: 'russian', meanScore: 61.5, examinees: 12 });
 * ```
 */
export const examResultSchema = z.object({
  year,
  /** Subject code, e.g. `russian`, `mathematics`. */
  subject: z.string().check(z.minLength(1)),
  /** Mean test score of the school's examinees. */
  meanScore: z.number().check(z.gte(0), z.lte(100)),
  /** Share of examinees below the minimum score. */
  shareBelowMinimum: z.optional(share),
  /** Number of examinees (the `n` of the value-added shrinkage). */
  examinees: z.optional(z.int().check(z.gte(0))),
});

/**
 * A school's result in one subject in one year.
 *
 * @example
 * ```ts
 * import type { ExamResult } from '@eduset/core/schools';
 * const result: ExamResult = { year: 2016, subject: 'mathematics', meanScore: 48 };
 * ```
 */
export type ExamResult = z.infer<typeof examResultSchema>;

/**
 * Schema of a school's place in the regional ranking by exam results in one year (e.g. 217
 * out of 242 secondary schools).
 *
 * @example
 * ```ts
 * import { regionalRankSchema } from '@eduset/core/schools';
 * regionalRankSchema.parse({ year: 2016, rank: 217, outOf: 242 });
 * ```
 */
export const regionalRankSchema = z
  .object({ year, rank: z.int().check(z.gte(1)), outOf: z.int().check(z.gte(1)) })
  .check(
    z.refine((value) => value.rank <= value.outOf, {
      path: ['rank'],
      params: {
        text: { ru: 'Место не может быть больше числа школ', en: 'Rank cannot exceed outOf' },
      },
    }),
  );

/**
 * A place in the regional ranking in one year.
 *
 * @example
 * ```ts
 * import type { RegionalRank } from '@eduset/core/schools';
 * const rank: RegionalRank = { year: 2016, rank: 95, outOf: 96 };
 * ```
 */
export type RegionalRank = z.infer<typeof regionalRankSchema>;

/**
 * Schema of a school's staffing: teachers, open vacancies, and the share of teachers with
 * the highest or first qualification category.
 *
 * @example
 * ```ts
 * import { staffingSchema } from '@eduset/core/schools';
 * staffingSchema.parse({ teachers: 14, vacancies: 2, qualifiedShare: 0.5 });
 * ```
 */
export const staffingSchema = z.object({
  teachers: z.int().check(z.gte(0)),
  vacancies: z.int().check(z.gte(0)),
  qualifiedShare: z.optional(share),
});

/**
 * A school's staffing.
 *
 * @example
 * ```ts
 * import type { Staffing } from '@eduset/core/schools';
 * const staffing: Staffing = { teachers: 9, vacancies: 3 };
 * ```
 */
export type Staffing = z.infer<typeof staffingSchema>;

/**
 * Schema of a school's equipment: the share of the equipment standard it meets and whether
 * it has broadband internet.
 *
 * @example
 * ```ts
 * import { equipmentSchema } from '@eduset/core/schools';
 * equipmentSchema.parse({ standardShare: 0.55, internet: true });
 * ```
 */
export const equipmentSchema = z.object({
  standardShare: share,
  internet: z.boolean(),
});

/**
 * A school's equipment.
 *
 * @example
 * ```ts
 * import type { Equipment } from '@eduset/core/schools';
 * const equipment: Equipment = { standardShare: 0.8, internet: true };
 * ```
 */
export type Equipment = z.infer<typeof equipmentSchema>;

/**
 * Schema of a school profile: who the school is, its social passport, its exam results per
 * year and subject, its regional ranks, staffing and equipment.
 *
 * @example
 * ```ts
 * import { schoolProfileSchema } from '@eduset/core/schools';
 * schoolProfileSchema.parse({
 *   id: 'chency', name: 'МОУ Ченцевская СШ', level: 'secondary',
 *   passport: {
 *     higherEducationShare: 0.1, singleParentShare: 0.3, lowIncomeShare: 0.4,
 *     preventionRegisterShare: 0.08, nonNativeShare: 0.02, disabilityShare: 0.05,
 *     enrolment: 90, locality: 'rural', distanceToCentreKm: 38, transport: 'irregular',
 *   },
 *   regionalRanks: [{ year: 2016, rank: 217, outOf: 242 }],
 * });
 * ```
 */
export const schoolProfileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  level: schoolLevelSchema,
  passport: socialPassportSchema,
  results: z._default(z.array(examResultSchema), []),
  regionalRanks: z._default(z.array(regionalRankSchema), []),
  staffing: z.optional(staffingSchema),
  equipment: z.optional(equipmentSchema),
});

/**
 * A school profile.
 *
 * @example
 * ```ts
 * import type { SchoolProfile } from '@eduset/core/schools';
 * declare const school: SchoolProfile;
 * school.passport.locality;
 * ```
 */
export type SchoolProfile = z.infer<typeof schoolProfileSchema>;

/**
 * Schema of the profiles of a district or region: ids must be unique.
 *
 * @example
 * ```ts
 * import { schoolProfilesSchema } from '@eduset/core/schools';
 * schoolProfilesSchema.parse([]);
 * ```
 */
export const schoolProfilesSchema = z.array(schoolProfileSchema).check(
  z.superRefine((schools, ctx) => {
    const seen = new Set<string>();
    schools.forEach((school, index) => {
      if (seen.has(school.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: 'duplicate id',
          params: {
            text: {
              ru: `Повторяющийся код школы «${school.id}»`,
              en: `Duplicate school id "${school.id}"`,
            },
          },
        });
      }
      seen.add(school.id);
    });
  }),
);

/**
 * Validates outside data as school profiles; throws a `ValidationError` listing every
 * problem with its path and a Russian and English message.
 *
 * @example
 * ```ts
 * import { parseSchoolProfiles } from '@eduset/core/schools';
 * declare const json: unknown;
 * const schools = parseSchoolProfiles(json);
 * ```
 */
export function parseSchoolProfiles(input: unknown): SchoolProfile[] {
  return parse(schoolProfilesSchema, input);
}
