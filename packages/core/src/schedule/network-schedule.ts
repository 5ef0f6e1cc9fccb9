import { parse, type IsoDate } from '../common/index.js';
import { z } from '../common/zod-mini.js';
import { type Availability } from './availability.js';
import { russianWorkCalendar } from './calendars/ru-official.js';
import { instant, type BusyInterval, type Instant } from './instant.js';
import {
  checkScheduleRules,
  networkScheduleFieldsSchema,
  type ServiceBookingRules,
} from './network-schedule-schema.js';
import { parseSlotSearch, slotsOfQuery, type OnlySlot, type Slot } from './slots.js';
import { emptyWorkCalendar, mergeCalendars, type WorkCalendar } from './work-calendar.js';
import { localDateTime } from './zoned.js';

export {
  officialCalendarSchema,
  parsePublishedSchedule,
  publishedScheduleSchema,
  serviceBookingRulesSchema,
  siteSessionSchema,
  type OfficialCalendar,
  type ServiceBookingRules,
  type SiteSession,
} from './network-schedule-schema.js';

/**
 * Schema of a network's published schedule: every specialist's availability at each site
 * for each service, the booking rules of each bookable service, travel times between sites,
 * specialists' vacations and the working-day calendar. Every availability's service has
 * booking rules, and a service has rules once.
 *
 * The official working-day calendar applies by default: `officialCalendar` left out means
 * `ru` (holidays, transferred days off, working Saturdays and shortened days of the Russian
 * calendar), merged with the schedule's own `calendar` (school holidays, closures,
 * municipal additions); `none` keeps only the schedule's own calendar.
 *
 * @example
 * ```ts
 * import { networkScheduleSchema } from '@eduset/core/schedule';
 * networkScheduleSchema.parse({ networkId: 'udomlya', availabilities: [], bookingRules: [] });
 * ```
 */
export const networkScheduleSchema = networkScheduleFieldsSchema.check(
  z.superRefine((schedule, context) => {
    if (schedule.officialCalendar !== 'none' && schedule.calendar !== undefined) {
      try {
        mergeCalendars(russianWorkCalendar, schedule.calendar);
      } catch {
        context.addIssue({
          code: 'custom',
          path: ['calendar'],
          params: {
            text: {
              ru: 'Календарь сети противоречит производственному календарю (день и выходной, и рабочий); уберите противоречие или укажите officialCalendar: "none"',
              en: 'The network calendar contradicts the official one (a day both off and working); remove the contradiction or set officialCalendar: "none"',
            },
          },
        });
      }
    }
    checkScheduleRules(schedule, context);
  }),
);

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

const mergedCalendars = new WeakMap<NetworkSchedule, WorkCalendar>();

/**
 * The working-day calendar slot generation applies to a schedule: the official Russian
 * calendar merged with the schedule's own `calendar` (unless `officialCalendar` is `none`,
 * then the schedule's own, or plain Monday–Friday weeks). Computed once per schedule object.
 *
 * @example
 * ```ts
 * import { createNetworkSchedule, dayKind, scheduleCalendar } from '@eduset/core/schedule';
 * const schedule = createNetworkSchedule({ networkId: 'town', availabilities: [], bookingRules: [] });
 * dayKind(scheduleCalendar(schedule), '2026-05-01'); // 'holiday'
 * ```
 */
export function scheduleCalendar(
  schedule: Pick<NetworkSchedule, 'calendar' | 'officialCalendar'>,
): WorkCalendar {
  if (schedule.officialCalendar === 'none') return schedule.calendar ?? emptyWorkCalendar;
  if (schedule.calendar === undefined) return russianWorkCalendar;
  const key = schedule as NetworkSchedule;
  let merged = mergedCalendars.get(key);
  if (merged === undefined) {
    merged = mergeCalendars(russianWorkCalendar, schedule.calendar);
    mergedCalendars.set(key, merged);
  }
  return merged;
}

/**
 * The session length and the step between starts of a service at a site: the site's own
 * (`siteSessions`) when the rules give one, else the service's.
 *
 * @example
 * ```ts
 * import { serviceBookingRulesSchema, sessionAt } from '@eduset/core/schedule';
 * const rules = serviceBookingRulesSchema.parse({
 *   serviceId: 'speech', duration: 45, step: 60, siteSessions: [{ siteId: 'lek-1', duration: 30 }],
 * });
 * sessionAt(rules, 'lek-1'); // { duration: 30, step: 30 }
 * sessionAt(rules, 'kp-1'); // { duration: 45, step: 60 }
 * ```
 */
export function sessionAt(
  rules: Pick<ServiceBookingRules, 'duration' | 'step' | 'siteSessions'>,
  siteId: string,
): { duration: number; step: number } {
  const own = rules.siteSessions.find((entry) => entry.siteId === siteId);
  if (own !== undefined) return { duration: own.duration, step: own.step ?? own.duration };
  return { duration: rules.duration, step: rules.step ?? rules.duration };
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
  return slotsOfSchedule(schedule, request, now, busy, undefined);
}

/** {@link freeSlots}, optionally narrowed to one slot (see `offeredSlot`). */
function slotsOfSchedule(
  schedule: NetworkSchedule,
  request: SlotRequest,
  now: Instant,
  busy: readonly BusyInterval[],
  only: OnlySlot | undefined,
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
  // The schedule is validated (createNetworkSchedule); only the search itself is checked.
  const search = parseSlotSearch({ from: request.from, to: request.to, now, busy });
  const calendar = scheduleCalendar(schedule);
  const query = (
    group: readonly Availability[],
    duration: number,
    step: number | undefined,
  ): Slot[] =>
    slotsOfQuery(
      {
        serviceId: rules.serviceId,
        availabilities: [...group],
        from: search.from,
        to: search.to,
        now: search.now,
        duration,
        ...(step !== undefined ? { step } : {}),
        bufferBefore: rules.bufferBefore,
        bufferAfter: rules.bufferAfter,
        minimumNotice: rules.minimumNotice,
        ...(rules.horizonDays !== undefined ? { horizonDays: rules.horizonDays } : {}),
        seats: rules.seats,
        limits: rules.limits,
        travel: schedule.travel,
        travelSymmetric: true,
        busy: search.busy,
        calendar,
        vacations: schedule.vacations,
      },
      only,
    );
  if (rules.siteSessions.length === 0) return query(availabilities, rules.duration, rules.step);
  // Sites with their own session length are generated apart, then merged in the order of
  // `generateSlots` (start, specialist, site, end).
  const groups = new Map<string, Availability[]>();
  for (const availability of availabilities) {
    const session = sessionAt(rules, availability.siteId);
    const key = `${session.duration}/${session.step}`;
    groups.set(key, [...(groups.get(key) ?? []), availability]);
  }
  const slots = [...groups.values()].flatMap((group) => {
    const session = sessionAt(rules, group[0]?.siteId ?? '');
    return query(group, session.duration, session.step);
  });
  if (groups.size === 1) return slots;
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return slots.sort(
    (a, b) =>
      text(a.start, b.start) ||
      text(a.specialistId, b.specialistId) ||
      text(a.siteId, b.siteId) ||
      text(a.end, b.end),
  );
}

/**
 * The one slot a booking asks for: a specialist at a site for a service from `start` to
 * `end`, for a child of `childAge`.
 *
 * @example
 * ```ts
 * import { instant, type SlotChoice } from '@eduset/core/schedule';
 * const choice: SlotChoice = {
 *   serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1', childAge: 4,
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * };
 * ```
 */
export interface SlotChoice {
  readonly serviceId: string;
  readonly siteId: string;
  readonly specialistId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly childAge?: number;
}

/**
 * The slot of {@link freeSlots} that a booking asks for, if it is offered now; `undefined`
 * when it is not (outside the schedule, taken, too soon, beyond the horizon, over a limit).
 * Only the civil day of `start` in the site's zone is generated, which is what a server
 * checking one booking needs: the same answer as searching the whole period.
 *
 * @example
 * ```ts
 * import { offeredSlot, instant, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * const slot = offeredSlot(schedule, {
 *   serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1', childAge: 4,
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * }, instant('2026-05-11T06:00:00Z'), []);
 * slot?.seatsLeft; // 1 when free
 * ```
 */
export function offeredSlot(
  schedule: NetworkSchedule,
  choice: SlotChoice,
  now: Instant,
  busy: readonly BusyInterval[],
): Slot | undefined {
  const availability = schedule.availabilities.find(
    (entry) =>
      entry.serviceId === choice.serviceId &&
      entry.siteId === choice.siteId &&
      entry.specialistId === choice.specialistId,
  );
  if (availability === undefined) return undefined;
  const { date } = localDateTime(choice.start, availability.timeZone);
  const start = Date.parse(choice.start);
  const end = Date.parse(choice.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  const slots = slotsOfSchedule(
    schedule,
    {
      serviceId: choice.serviceId,
      siteId: choice.siteId,
      specialistId: choice.specialistId,
      from: date,
      to: date,
      ...(choice.childAge !== undefined ? { childAge: choice.childAge } : {}),
    },
    now,
    busy,
    { start, end },
  );
  return slots.find((slot) => slot.start === choice.start && slot.end === choice.end);
}

const DAY_MS = 86_400_000;

/**
 * The busy time that can decide whether one slot is offered (see {@link offeredSlot}): the
 * slot's day — its week when the service limits sessions per week — with a day and the
 * buffers and longest travel time to spare on each side. A server checking a booking reads
 * only this much of the specialist's bookings.
 *
 * @example
 * ```ts
 * import { busyRangeFor, instant, type NetworkSchedule } from '@eduset/core/schedule';
 * declare const schedule: NetworkSchedule;
 * const { from, to } = busyRangeFor(schedule, {
 *   serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1',
 *   start: instant('2026-05-12T06:00:00Z'), end: instant('2026-05-12T06:45:00Z'),
 * });
 * ```
 */
export function busyRangeFor(
  schedule: NetworkSchedule,
  choice: SlotChoice,
): { readonly from: Instant; readonly to: Instant } {
  const rules = schedule.bookingRules.find((entry) => entry.serviceId === choice.serviceId);
  const days = rules?.limits.perWeek !== undefined ? 8 : 1;
  const travel = schedule.travel.reduce((most, entry) => Math.max(most, entry.minutes), 0);
  const minutes = (rules?.bufferBefore ?? 0) + (rules?.bufferAfter ?? 0) + travel;
  const margin = days * DAY_MS + minutes * 60_000;
  return {
    from: instant(new Date(Date.parse(choice.start) - margin)),
    to: instant(new Date(Date.parse(choice.end) + margin)),
  };
}
