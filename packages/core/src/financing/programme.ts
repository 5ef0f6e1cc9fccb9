import { parse } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { nonNegativeMoneySchema } from './amounts.js';
import { dayNumber } from './calendar.js';
import { directionSchema, fundingKindSchema, type FundingKind } from './kinds.js';

export {
  directionLabels,
  directions,
  directionSchema,
  fundingKindLabels,
  fundingKinds,
  fundingKindSchema,
  type Direction,
  type FundingKind,
} from './kinds.js';

/**
 * Certification of a programme for personalized financing: only `certified` programmes
 * may be paid from a funded certificate.
 *
 * @example
 * ```ts
 * import { certificationStatusSchema } from '@eduset/core/financing';
 * certificationStatusSchema.parse('certified');
 * ```
 */
export const certificationStatusSchema = z.enum(['not-certified', 'pending', 'certified']);

/** A certification status. @example `const status: CertificationStatus = 'pending';` */
export type CertificationStatus = z.infer<typeof certificationStatusSchema>;

/** Weekday numbers, ISO: 1 Monday … 7 Sunday. */
const weekdaySchema = z.number().int().min(1).max(7);

/** A civil time of day `HH:MM` (00:00–23:59). */
const clockTimeSchema = z.string().refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
  params: {
    text: {
      ru: 'Ожидается время в формате ЧЧ:ММ, например 15:30',
      en: 'Expected a time as HH:MM, such as 15:30',
    },
  },
});

/**
 * Schema of the time of day a group's lessons take (`from`–`to`, `HH:MM`, civil time of the
 * programme's place), the same on every weekday it meets.
 *
 * @example
 * ```ts
 * import { lessonTimeSchema } from '@eduset/core/financing';
 * lessonTimeSchema.parse({ from: '15:00', to: '16:30' });
 * ```
 */
export const lessonTimeSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema })
  .refine((time) => time.to > time.from, {
    params: {
      text: {
        ru: 'Занятие заканчивается не позже, чем начинается',
        en: 'The lesson ends before it starts',
      },
    },
    path: ['to'],
  });

/** A group's lesson time. @example `const time: LessonTime = { from: '15:00', to: '16:30' };` */
export type LessonTime = z.infer<typeof lessonTimeSchema>;

const idSchema = z.string().min(1).max(120);

/**
 * Schema of a provider (поставщик образовательных услуг): a municipal organization, a
 * university centre or a private provider.
 *
 * @example
 * ```ts
 * import { providerSchema } from '@eduset/core/financing';
 * providerSchema.parse({ id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' });
 * ```
 */
export const providerSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  kind: z.enum(['municipal', 'private', 'university', 'culture', 'sport']),
  district: z.string().min(1).optional(),
});

/** A provider. @example `const provider: Provider = { id: 'dialog', name: 'АНО «Диалог»', kind: 'private' };` */
export type Provider = z.infer<typeof providerSchema>;

/**
 * Schema of a programme group: dates, capacity, the weekdays and the time it meets, and where.
 *
 * @example
 * ```ts
 * import { programmeGroupSchema } from '@eduset/core/financing';
 * programmeGroupSchema.parse({
 *   id: 'g1', name: 'Группа 1', start: '2017-09-01', end: '2018-05-31', capacity: 12, weekdays: [2, 4],
 * });
 * ```
 */
export const programmeGroupSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    start: isoDateSchema,
    end: isoDateSchema,
    capacity: z.number().int().min(1),
    weekdays: z.array(weekdaySchema).default([]),
    /** When its lessons take place on those weekdays (unknown when absent). */
    time: lessonTimeSchema.optional(),
    siteId: idSchema.optional(),
    /** The inventory room its lessons take place in (`programme-rooms.ts` judges it). */
    roomId: idSchema.optional(),
  })
  .refine((group) => dayNumber(group.end) >= dayNumber(group.start), {
    params: {
      text: {
        ru: 'Группа заканчивается раньше, чем начинается',
        en: 'The group ends before it starts',
      },
    },
    path: ['end'],
  });

/** A programme group. @example `declare const group: ProgrammeGroup; group.capacity;` */
export type ProgrammeGroup = z.infer<typeof programmeGroupSchema>;

/**
 * Schema of a programme module: its hours, price for the whole group period and groups.
 *
 * @example
 * ```ts
 * import { programmeModuleSchema } from '@eduset/core/financing';
 * programmeModuleSchema.parse({ id: 'm1', name: 'Модуль 1', hours: 144, price: '10000', groups: [] });
 * ```
 */
export const programmeModuleSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  hours: z.number().positive(),
  /** Price of the module for a whole group period (for paid and funded programmes). */
  price: nonNegativeMoneySchema.optional(),
  /** Normative cost of the module for a whole group period, when computed. */
  normativeCost: nonNegativeMoneySchema.optional(),
  groups: z.array(programmeGroupSchema),
});

/** A programme module. @example `declare const module: ProgrammeModule; module.groups.length;` */
export type ProgrammeModule = z.infer<typeof programmeModuleSchema>;

/**
 * Schema of a programme in the registry.
 *
 * @example
 * ```ts
 * import { programmeSchema } from '@eduset/core/financing';
 * programmeSchema.parse({
 *   id: 'robotics', name: 'Робототехника', providerId: 'cdt', fundingKind: 'funded',
 *   direction: 'technical', ageFrom: 7, ageTo: 12, hours: 144, hoursPerWeek: 4,
 *   groupSize: { min: 8, max: 12 }, certification: 'certified', modules: [],
 * });
 * ```
 */
export const programmeSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    providerId: idSchema,
    siteId: idSchema.optional(),
    district: z.string().min(1).optional(),
    fundingKind: fundingKindSchema,
    direction: directionSchema,
    ageFrom: z.number().int().min(0).max(25),
    ageTo: z.number().int().min(0).max(25),
    hours: z.number().positive(),
    hoursPerWeek: z.number().positive().optional(),
    groupSize: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
    certification: certificationStatusSchema.default('not-certified'),
    /** Most enrolments the programme accepts in a period (no limit when absent). */
    maxEnrolments: z.number().int().min(0).optional(),
    modules: z.array(programmeModuleSchema),
  })
  .refine((programme) => programme.ageTo >= programme.ageFrom, {
    params: { text: { ru: 'Возраст «до» меньше возраста «от»', en: 'ageTo is below ageFrom' } },
    path: ['ageTo'],
  })
  .refine((programme) => programme.groupSize.max >= programme.groupSize.min, {
    params: {
      text: {
        ru: 'Наибольшая группа меньше наименьшей',
        en: 'The largest group is below the smallest',
      },
    },
    path: ['groupSize', 'max'],
  });

/** A programme. @example `declare const programme: Programme; programme.fundingKind;` */
export type Programme = z.infer<typeof programmeSchema>;

/**
 * Schema of a programme registry: providers and their programmes.
 *
 * @example
 * ```ts
 * import { programmeRegistrySchema } from '@eduset/core/financing';
 * programmeRegistrySchema.parse({ providers: [], programmes: [] });
 * ```
 */
export const programmeRegistrySchema = z.object({
  providers: z.array(providerSchema),
  programmes: z.array(programmeSchema),
});

/** A programme registry. @example `declare const registry: ProgrammeRegistry; registry.programmes.length;` */
export type ProgrammeRegistry = z.infer<typeof programmeRegistrySchema>;

/**
 * Reads a programme registry from outside data, or throws a `ValidationError` listing every
 * problem; also checks that every programme names a known provider and that ids are unique.
 *
 * @example
 * ```ts
 * import { createProgrammeRegistry } from '@eduset/core/financing';
 * createProgrammeRegistry({ providers: [], programmes: [] }).programmes; // []
 * ```
 */
export function createProgrammeRegistry(input: unknown): ProgrammeRegistry {
  const registry = parse(
    programmeRegistrySchema.superRefine((value, context) => {
      const providers = new Set(value.providers.map((provider) => provider.id));
      const seen = new Set<string>();
      value.programmes.forEach((programme, index) => {
        if (!providers.has(programme.providerId)) {
          context.addIssue({
            code: 'custom',
            path: ['programmes', index, 'providerId'],
            message: 'unknown provider',
            params: {
              text: {
                ru: `Неизвестный поставщик «${programme.providerId}»`,
                en: `Unknown provider "${programme.providerId}"`,
              },
            },
          });
        }
        if (seen.has(programme.id)) {
          context.addIssue({
            code: 'custom',
            path: ['programmes', index, 'id'],
            message: 'duplicate id',
            params: {
              text: {
                ru: `Повторяющийся код программы «${programme.id}»`,
                en: `Duplicate programme id "${programme.id}"`,
              },
            },
          });
        }
        seen.add(programme.id);
      });
    }),
    input,
  );
  return registry;
}

/**
 * Counts programmes by funding kind (the registry composition of the coverage report).
 *
 * @example
 * ```ts
 * import { countByFundingKind } from '@eduset/core/financing';
 * countByFundingKind([]); // { budget: 0, paid: 0, funded: 0 }
 * ```
 */
export function countByFundingKind(
  programmes: readonly Pick<Programme, 'fundingKind'>[],
): Record<FundingKind, number> {
  parse(z.array(z.object({ fundingKind: fundingKindSchema })), programmes);
  const counts: Record<FundingKind, number> = { budget: 0, paid: 0, funded: 0 };
  for (const programme of programmes) counts[programme.fundingKind] += 1;
  return counts;
}
