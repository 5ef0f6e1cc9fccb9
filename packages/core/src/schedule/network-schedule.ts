import { parse, type IsoDate } from '../common/index.js';
import { z } from '../common/zod.js';
import { ageRangeSchema, serviceIdSchema } from '../network/index.js';
import { availabilitySchema } from './availability.js';
import type { BusyInterval, Instant } from './instant.js';
import { generateSlots, travelTimeSchema, type Slot } from './slots.js';
import { workCalendarSchema } from './work-calendar.js';

const minutes = z.number().int().min(0).max(1440);

/**
 * Schema of how a service is booked: session length, step between start times, buffers,
 * minimum notice, how far ahead parents may book, seats per session (a lekoteka group has
 * several), limits per specialist, and optionally the children's ages it is for.
 *
 * @example
 * ```ts
 * import { serviceBookingRulesSchema } from '@eduset/core/schedule';
 * serviceBookingRulesSchema.parse({ serviceId: 'speech', duration: 45, bufferAfter: 15, minimumNotice: 1440 });
 * ```
 */
export const serviceBookingRulesSchema = z.object({
  serviceId: serviceIdSchema,
  duration: z.number().int().min(1).max(1440),
  step: z.number().int().min(1).max(1440).optional(),
  bufferBefore: minutes.default(0),
  bufferAfter: minutes.default(0),
  minimumNotice: z.number().int().min(0).default(0),
  horizonDays: z.number().int().min(0).default(28),
  seats: z.number().int().min(1).default(1),
  limits: z
    .object({
      perDay: z.number().int().min(0).optional(),
      perWeek: z.number().int().min(0).optional(),
    })
    .default({}),
  ages: ageRangeSchema.optional(),
});

/**
 * How a service is booked. @example `const rules: ServiceBookingRules = serviceBookingRulesSchema.parse(json);`
 */
export type ServiceBookingRules = z.infer<typeof serviceBookingRulesSchema>;

/**
 * Schema of a network's published schedule: every specialist's availability at each site
 * for each service, the booking rules of each bookable service, travel times between sites
 * and the working-day calendar. Every availability's service has booking rules, and a
 * service has rules once.
 *
 * @example
 * ```ts
 * import { networkScheduleSchema } from '@eduset/core/schedule';
 * networkScheduleSchema.parse({ networkId: 'udomlya', availabilities: [], bookingRules: [] });
 * ```
 */
export const networkScheduleSchema = z
  .object({
    networkId: z.string().trim().min(1),
    availabilities: z.array(availabilitySchema),
    bookingRules: z.array(serviceBookingRulesSchema),
    travel: z.array(travelTimeSchema).default([]),
    calendar: workCalendarSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((schedule, context) => {
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
  });

/**
 * A network's published schedule. @example `const schedule: NetworkSchedule = parse(networkScheduleSchema, json);`
 */
export type NetworkSchedule = z.infer<typeof networkScheduleSchema>;

/**
 * A network schedule as written in JSON before defaults are filled in.
 *
 * @example
 * ```ts
 * import type { NetworkScheduleInput } from '@eduset/core/schedule';
 * const input: NetworkScheduleInput = { networkId: 'town', availabilities: [], bookingRules: [] };
 * ```
 */
export type NetworkScheduleInput = z.input<typeof networkScheduleSchema>;

/**
 * Validates outside data as a network schedule; throws a `ValidationError` listing every
 * problem.
 *
 * @example
 * ```ts
 * import { createNetworkSchedule } from '@eduset/core/schedule';
 * createNetworkSchedule({ networkId: 'town', availabilities: [], bookingRules: [] });
 * ```
 */
export function createNetworkSchedule(input: unknown): NetworkSchedule {
  return parse(networkScheduleSchema, input);
}

/**
 * What a parent asks: a service, a period, optionally a site, a specialist and the child's
 * age.
 *
 * @example
 * ```ts
 * import type { SlotRequest } from '@eduset/core/schedule';
 * const request: SlotRequest = { serviceId: 'speech', from: '2026-05-12', to: '2026-05-18' };
 * ```
 */
export interface SlotRequest {
  readonly serviceId: string;
  readonly from: IsoDate | string;
  readonly to: IsoDate | string;
  readonly siteId?: string;
  readonly specialistId?: string;
  /** The child's age in whole years: no slots when the service is not for that age. */
  readonly childAge?: number;
}

/**
 * The free slots of a service in a period, from a network's schedule, the time now and the
 * busy time already booked: the service's booking rules, its availabilities (narrowed to a
 * site or specialist when asked), the travel times and the calendar go to
 * {@link generateSlots}. A service without booking rules, or not for the child's age,
 * has no slots.
 *
 * @example
 * ```ts
 * import { freeSlots, instant, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * freeSlots(schedule, { serviceId: 'speech', from: '2026-05-12', to: '2026-05-18' }, instant('2026-05-11T06:00:00Z'), []);
 * ```
 */
export function freeSlots(
  schedule: NetworkSchedule,
  request: SlotRequest,
  now: Instant,
  busy: readonly BusyInterval[],
): Slot[] {
  const rules = schedule.bookingRules.find((entry) => entry.serviceId === request.serviceId);
  if (rules === undefined) return [];
  if (
    request.childAge !== undefined &&
    rules.ages !== undefined &&
    (request.childAge < rules.ages.from || request.childAge > rules.ages.to)
  ) {
    return [];
  }
  const availabilities = schedule.availabilities.filter(
    (availability) =>
      availability.serviceId === request.serviceId &&
      (request.siteId === undefined || availability.siteId === request.siteId) &&
      (request.specialistId === undefined || availability.specialistId === request.specialistId),
  );
  if (availabilities.length === 0) return [];
  return generateSlots({
    serviceId: rules.serviceId,
    availabilities,
    from: request.from,
    to: request.to,
    now,
    duration: rules.duration,
    ...(rules.step !== undefined ? { step: rules.step } : {}),
    bufferBefore: rules.bufferBefore,
    bufferAfter: rules.bufferAfter,
    minimumNotice: rules.minimumNotice,
    horizonDays: rules.horizonDays,
    seats: rules.seats,
    limits: rules.limits,
    travel: schedule.travel,
    busy: busy.map((interval) => ({ ...interval })),
    ...(schedule.calendar !== undefined ? { calendar: schedule.calendar } : {}),
  });
}
