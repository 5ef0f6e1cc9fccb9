import { parse } from '../common/index.js';
import { z } from '../common/zod-mini.js';
import { specialistIdSchema } from '../network/ids.js';
import type { Availability } from './availability.js';
import { isActiveBooking, type Booking } from './booking.js';
import type { Instant } from './instant.js';
import type { networkScheduleSchema } from './network-schedule.js';
import {
  createNetworkSchedule,
  scheduleCalendar,
  type NetworkSchedule,
  type ServiceBookingRules,
} from './network-schedule.js';
import type { Vacation } from './slots.js';
import { workingHoursOn } from './working-hours.js';
import { epochEndingLocal, epochsAtLocal, localDateTime } from './zoned.js';

/**
 * One specialist's part of a network schedule: her availabilities (every site and service)
 * and her vacations. What the availability editor shows and publishes.
 *
 * @example
 * ```ts
 * import type { SpecialistSchedule } from '@eduset/core/schedule';
 * const part: SpecialistSchedule = { specialistId: 'psy-ivanova', availabilities: [], vacations: [] };
 * ```
 */
export interface SpecialistSchedule {
  readonly specialistId: string;
  readonly availabilities: readonly Availability[];
  readonly vacations: readonly Vacation[];
}

/**
 * A specialist's part of a schedule ({@link SpecialistSchedule}), in the schedule's order.
 *
 * @example
 * ```ts
 * import { specialistSchedule, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * specialistSchedule(schedule, 'psy-ivanova').availabilities.length;
 * ```
 */
export function specialistSchedule(
  schedule: NetworkSchedule,
  specialistId: string,
): SpecialistSchedule {
  return {
    specialistId,
    availabilities: schedule.availabilities.filter((entry) => entry.specialistId === specialistId),
    vacations: schedule.vacations.filter((entry) => entry.specialistId === specialistId),
  };
}

/**
 * What replacing a specialist's part may carry besides: booking rules of services, each
 * replacing the rules of its service (a service not named keeps its rules).
 *
 * @example
 * ```ts
 * import type { ScheduleReplacement } from '@eduset/core/schedule';
 * const none: ScheduleReplacement = { bookingRules: [] };
 * ```
 */
export interface ScheduleReplacement {
  readonly bookingRules?: readonly z.input<typeof networkScheduleSchema>['bookingRules'][number][];
}

/**
 * A new schedule in which one specialist's availabilities and vacations are `part` (hers
 * only: another specialist's entry in it is an error), everyone else's unchanged, and the
 * booking rules of the services named in `replacement.bookingRules` replaced. Validated as a
 * whole (a `ValidationError` lists every problem); the input is not changed.
 *
 * @example
 * ```ts
 * import { withSpecialistSchedule, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * const next = withSpecialistSchedule(schedule, {
 *   specialistId: 'psy-ivanova',
 *   availabilities: [],
 *   vacations: [{ specialistId: 'psy-ivanova', from: '2026-07-01', to: '2026-07-28' }],
 * });
 * ```
 */
export function withSpecialistSchedule(
  schedule: NetworkSchedule,
  part: {
    readonly specialistId: string;
    readonly availabilities: readonly unknown[];
    readonly vacations: readonly unknown[];
  },
  replacement: ScheduleReplacement = {},
): NetworkSchedule {
  const hers = z.looseObject({
    specialistId: z.string().check(z.refine((id) => id === part.specialistId, notHers)),
  });
  const own = parse(
    z.object({
      specialistId: specialistIdSchema,
      availabilities: z.array(hers),
      vacations: z.array(hers),
    }),
    part,
  );
  const others = (entry: { specialistId: string }): boolean =>
    entry.specialistId !== own.specialistId;
  const replaced = new Map(
    (replacement.bookingRules ?? []).map((rules) => [rules.serviceId, rules] as const),
  );
  const kept = schedule.bookingRules.filter((rules) => !replaced.has(rules.serviceId));
  return createNetworkSchedule({
    ...schedule,
    availabilities: [...schedule.availabilities.filter(others), ...part.availabilities],
    vacations: [...schedule.vacations.filter(others), ...part.vacations],
    bookingRules: [...kept, ...replaced.values()],
  });
}

const notHers = {
  params: {
    text: {
      ru: 'Запись относится к другому специалисту',
      en: 'The entry belongs to another specialist',
    },
  },
} as const;

/**
 * A consultation's place and time as {@link scheduleOffers} reads it.
 *
 * @example
 * ```ts
 * import { instant, type ScheduledSession } from '@eduset/core/schedule';
 * const session: ScheduledSession = {
 *   specialistId: 'psy-1', siteId: 'kp-1', serviceId: 'speech',
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * };
 * ```
 */
export interface ScheduledSession {
  readonly specialistId: string;
  readonly siteId: string;
  readonly serviceId: string;
  readonly start: Instant | string;
  readonly end: Instant | string;
}

/**
 * Whether a schedule still offers a session's place and time: the service has booking rules
 * and some availability of the specialist at that site for that service has working hours
 * (after the working-day calendar, validity, overrides and vacations) on the session's civil
 * date in the site's zone that contain the whole session. Session length, step, buffers,
 * notice, horizon and limits are not asked: a booked consultation stays where it is when only
 * those change.
 *
 * @example
 * ```ts
 * import { instant, scheduleOffers, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * scheduleOffers(schedule, {
 *   specialistId: 'psy-1', siteId: 'kp-1', serviceId: 'speech',
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * });
 * ```
 */
export function scheduleOffers(schedule: NetworkSchedule, session: ScheduledSession): boolean {
  if (!schedule.bookingRules.some((rules) => rules.serviceId === session.serviceId)) return false;
  const start = Date.parse(session.start);
  const end = Date.parse(session.end);
  if (!(start < end)) return false;
  const calendar = scheduleCalendar(schedule);
  return schedule.availabilities.some((availability) => {
    if (
      availability.specialistId !== session.specialistId ||
      availability.siteId !== session.siteId ||
      availability.serviceId !== session.serviceId
    ) {
      return false;
    }
    const zone = availability.timeZone;
    const { date } = localDateTime(session.start, zone);
    return workingHoursOn(availability, calendar, date, schedule.vacations).some((range) => {
      const opens =
        epochsAtLocal(date, range.start, zone)[0] ?? epochEndingLocal(date, range.start, zone);
      return opens <= start && end <= epochEndingLocal(date, range.end, zone);
    });
  });
}

/**
 * The booked consultations a schedule change would hit: active (requested or confirmed),
 * starting after `now`, offered by the current schedule and no longer offered by the
 * proposed one ({@link scheduleOffers}); by start, then id. A change that keeps a schedule
 * as it is hits nothing; a booking outside the current schedule already is not the change's
 * doing and is not listed.
 *
 * @example
 * ```ts
 * import { bookingsHitByChange, instant, type Booking, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const current: NetworkSchedule;
 * declare const proposed: NetworkSchedule;
 * declare const bookings: Booking[];
 * bookingsHitByChange(current, proposed, bookings, instant('2026-05-11T06:00:00Z'))
 *   .map((booking) => booking.id);
 * ```
 */
export function bookingsHitByChange<T extends ScheduledSession & Pick<Booking, 'id' | 'status'>>(
  current: NetworkSchedule,
  proposed: NetworkSchedule,
  bookings: readonly T[],
  now: Instant | string,
): T[] {
  const at = Date.parse(now);
  return bookings
    .filter(
      (booking) =>
        isActiveBooking(booking) &&
        Date.parse(booking.start) > at &&
        scheduleOffers(current, booking) &&
        !scheduleOffers(proposed, booking),
    )
    .sort(
      (a, b) =>
        Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/**
 * The services whose booking rules differ between two lists (added, removed or changed),
 * by service id: what a publish must be allowed to change network-wide.
 *
 * @example
 * ```ts
 * import { changedBookingRules } from '@eduset/core/schedule';
 * changedBookingRules([], []); // []
 * ```
 */
export function changedBookingRules(
  before: readonly ServiceBookingRules[],
  after: readonly ServiceBookingRules[],
): string[] {
  const text = (rules: ServiceBookingRules | undefined): string =>
    rules === undefined ? '' : canonicalJson(rules);
  const ids = new Set([...before, ...after].map((rules) => rules.serviceId));
  return [...ids]
    .filter(
      (id) =>
        text(before.find((rules) => rules.serviceId === id)) !==
        text(after.find((rules) => rules.serviceId === id)),
    )
    .sort();
}

/** JSON with object keys sorted, so equal values give equal texts whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

/**
 * Whether two availabilities are the same (whatever the key order of their JSON).
 *
 * @example
 * ```ts
 * import { sameEntry } from '@eduset/core/schedule';
 * sameEntry({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 * ```
 */
export function sameEntry(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
