import { isoDateSchema } from '../common/iso-date.js';
import { localizedTextSchema } from '../common/labels.js';
import { parse } from '../common/parse.js';
import { z } from '../common/zod-mini.js';
import { ageRangeSchema } from '../network/site.js';
import { serviceIdSchema, siteIdSchema, specialistIdSchema } from '../network/ids.js';
import { availabilitySchema } from './availability.js';
import type { NetworkSchedule } from './network-schedule.js';
import { workCalendarSchema } from './work-calendar.js';

// The schemas of a network's schedule that need no calendar data: the booking widgets read the
// published schedule with them, so a page that books a consultation does not load the official
// working-day calendar (network-schedule.ts adds the check against it).

const minutes = z.int().check(z.gte(0), z.lte(1440));

/**
 * Schema of a session length for one site that overrides the service's own: at this site the
 * service's sessions last `duration` minutes and start `step` minutes apart (default: the
 * duration).
 *
 * @example
 * ```ts
 * import { siteSessionSchema } from '@eduset/core/schedule';
 * siteSessionSchema.parse({ siteId: 'lek-school-2', duration: 30 });
 * ```
 */
export const siteSessionSchema = z.object({
  siteId: siteIdSchema,
  duration: z.int().check(z.gte(1), z.lte(1440)),
  step: z.optional(z.int().check(z.gte(1), z.lte(1440))),
});

/**
 * A site's own session length for a service. @example `const short: SiteSession = siteSessionSchema.parse({ siteId: 'kp-1', duration: 30 });`
 */
export type SiteSession = z.infer<typeof siteSessionSchema>;

/**
 * Schema of how a service is booked: session length, step between start times, buffers,
 * minimum notice, how far ahead parents may book, seats per session (a lekoteka group has
 * several), limits per specialist (sessions a day and a week) and per parent (active bookings
 * held at once), optionally the children's ages it is for, and what the parent should bring
 * (`whatToBring`, in Russian and English: it goes into the messages sent to parents).
 * `siteSessions` overrides the session length (and step) at single sites, each site once.
 *
 * @example
 * ```ts
 * import { serviceBookingRulesSchema } from '@eduset/core/schedule';
 * serviceBookingRulesSchema.parse({
 *   serviceId: 'speech', duration: 45, bufferAfter: 15, minimumNotice: 1440,
 *   siteSessions: [{ siteId: 'lek-school-2', duration: 30 }],
 *   whatToBring: { ru: 'Тетрадь для домашних заданий', en: 'A notebook for home exercises' },
 * });
 * ```
 */
export const serviceBookingRulesSchema = z.object({
  serviceId: serviceIdSchema,
  duration: z.int().check(z.gte(1), z.lte(1440)),
  step: z.optional(z.int().check(z.gte(1), z.lte(1440))),
  siteSessions: z._default(z.array(siteSessionSchema), []).check(
    z.refine(
      (sessions) => new Set(sessions.map((entry) => entry.siteId)).size === sessions.length,
      {
        params: {
          text: {
            ru: 'Длительность приёма для одной площадки задана дважды',
            en: 'The session length of one site is given twice',
          },
        },
      },
    ),
  ),
  bufferBefore: z._default(minutes, 0),
  bufferAfter: z._default(minutes, 0),
  minimumNotice: z._default(z.int().check(z.gte(0)), 0),
  horizonDays: z._default(z.int().check(z.gte(0)), 28),
  seats: z._default(z.int().check(z.gte(1)), 1),
  limits: z._default(
    z.object({
      perDay: z.optional(z.int().check(z.gte(0))),
      perWeek: z.optional(z.int().check(z.gte(0))),
      /**
       * Active bookings (to come, not cancelled) one parent — one phone or e-mail — may hold
       * for this service at once; `defaultActivePerContact` (3) when not given. Kept
       * by the database against slot hoarding (see `bookingGuardFor`).
       */
      perContact: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    }),
    {},
  ),
  ages: z.optional(ageRangeSchema),
  /** What the parent should bring to the consultation (shown in the messages to parents). */
  whatToBring: z.optional(localizedTextSchema),
});

/**
 * How a service is booked. @example `const rules: ServiceBookingRules = serviceBookingRulesSchema.parse(json);`
 */
export type ServiceBookingRules = z.infer<typeof serviceBookingRulesSchema>;

/**
 * Which official working-day calendar a schedule follows: `ru` — the Russian one shipped with
 * eduset ({@link russianWorkCalendar}), `none` — only the schedule's own `calendar`.
 *
 * @example
 * ```ts
 * import { officialCalendarSchema } from '@eduset/core/schedule';
 * officialCalendarSchema.parse('ru');
 * ```
 */
export const officialCalendarSchema = z.enum(['ru', 'none']);

/**
 * The official calendar a schedule follows. @example `const follows: OfficialCalendar = 'ru';`
 */
export type OfficialCalendar = z.infer<typeof officialCalendarSchema>;

/**
 * Schema of a travel time between two sites for a specialist who serves both, in minutes.
 * Unless the query says otherwise, an entry holds in both directions.
 *
 * @example
 * ```ts
 * import { travelTimeSchema } from '@eduset/core/schedule';
 * travelTimeSchema.parse({ fromSiteId: 'kp-teremok', toSiteId: 'lekoteka-1', minutes: 20 });
 * ```
 */
export const travelTimeSchema = z.object({
  fromSiteId: siteIdSchema,
  toSiteId: siteIdSchema,
  minutes: z.int().check(z.gte(0), z.lte(10_080)),
});

/**
 * A travel time between two sites. @example `const trip: TravelTime = travelTimeSchema.parse({ fromSiteId: 'a', toSiteId: 'b', minutes: 15 });`
 */
export type TravelTime = z.infer<typeof travelTimeSchema>;

/**
 * Schema of a specialist's vacation (отпуск) or other absence: inclusive civil dates, read in
 * each site's zone, on which she receives nowhere — weekly hours and one-day overrides alike.
 *
 * @example
 * ```ts
 * import { vacationSchema } from '@eduset/core/schedule';
 * vacationSchema.parse({ specialistId: 'psy-ivanova', from: '2026-07-01', to: '2026-07-28', note: 'Отпуск' });
 * ```
 */
export const vacationSchema = z
  .object({
    specialistId: specialistIdSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    note: z.optional(z.string().check(z.maxLength(500))),
  })
  .check(
    z.refine((vacation) => vacation.from <= vacation.to, {
      path: ['to'],
      params: {
        text: {
          ru: 'Последний день отпуска раньше первого',
          en: 'The last day of the vacation is before the first',
        },
      },
    }),
  );

/**
 * A specialist's vacation. @example `const away: Vacation = vacationSchema.parse({ specialistId: 'psy-1', from: '2026-07-01', to: '2026-07-14' });`
 */
export type Vacation = z.infer<typeof vacationSchema>;

/** The fields of a network schedule, before the checks across them. */
export const networkScheduleFieldsSchema = z.object({
  networkId: z.string().check(z.trim(), z.minLength(1)),
  availabilities: z.array(availabilitySchema),
  bookingRules: z.array(serviceBookingRulesSchema),
  travel: z._default(z.array(travelTimeSchema), []),
  vacations: z._default(z.array(vacationSchema), []),
  calendar: z.optional(workCalendarSchema),
  officialCalendar: z.optional(officialCalendarSchema),
  note: z.optional(z.string()),
});

/** Reports booking rules given twice for one service and availabilities of a service without rules. */
export function checkScheduleRules(
  schedule: z.output<typeof networkScheduleFieldsSchema>,
  context: z.core.$RefinementCtx<z.output<typeof networkScheduleFieldsSchema>>,
): void {
  const ruled = new Set<string>();
  schedule.bookingRules.forEach((rules, index) => {
    if (ruled.has(rules.serviceId)) {
      context.addIssue({
        code: 'custom',
        path: ['bookingRules', index, 'serviceId'],
        params: {
          text: {
            ru: `Правила записи на услугу «${rules.serviceId}» заданы дважды`,
            en: `Booking rules for service "${rules.serviceId}" are given twice`,
          },
        },
      });
    }
    ruled.add(rules.serviceId);
  });
  schedule.availabilities.forEach((availability, index) => {
    if (!ruled.has(availability.serviceId)) {
      context.addIssue({
        code: 'custom',
        path: ['availabilities', index, 'serviceId'],
        params: {
          text: {
            ru: `Для услуги «${availability.serviceId}» нет правил записи`,
            en: `Service "${availability.serviceId}" has no booking rules`,
          },
        },
      });
    }
  });
}

/**
 * Schema of a network's schedule as `GET /api/schedule` publishes it: the fields and checks
 * of {@link networkScheduleSchema} except the check of the schedule's own calendar against
 * the official one, which needs the calendar data (the server ran it when the schedule was
 * stored). The booking widgets read the schedule with it.
 *
 * @example
 * ```ts
 * import { publishedScheduleSchema } from '@eduset/core/schedule';
 * publishedScheduleSchema.parse({ networkId: 'udomlya', availabilities: [], bookingRules: [] });
 * ```
 */
export const publishedScheduleSchema = networkScheduleFieldsSchema.check(
  z.superRefine(checkScheduleRules),
);

/**
 * Validates the answer of `GET /api/schedule` (see {@link publishedScheduleSchema}); throws a
 * `ValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { parsePublishedSchedule } from '@eduset/core/schedule';
 * parsePublishedSchedule({ networkId: 'town', availabilities: [], bookingRules: [] }).travel; // []
 * ```
 */
export function parsePublishedSchedule(input: unknown): NetworkSchedule {
  return parse(publishedScheduleSchema, input);
}
