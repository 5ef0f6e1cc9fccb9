import { z } from '../common/zod.js';
import { isoDateSchema, parse, type IsoDate } from '../common/index.js';
import { serviceIdSchema, siteIdSchema, specialistIdSchema } from '../network/ids.js';
import { availabilitySchema, hoursOnDate, type Availability } from './availability.js';
import { instant, instantSchema, type BusyInterval, type Instant } from './instant.js';
import {
  addCivilDays,
  civilDaysBetween,
  dayKind,
  emptyWorkCalendar,
  isoWeekday,
  schoolHolidaysOn,
  workCalendarSchema,
  workingWeekendOn,
  type WorkCalendar,
} from './work-calendar.js';
import { epochEndingLocal, epochsAtLocal, localDateTime, steadyLocalDay } from './zoned.js';

const MINUTE = 60_000;
/** The longest date range one call may ask for. */
const MAX_RANGE_DAYS = 400;

const minutes = z.number().int().min(0).max(10_080);

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
  minutes,
});

/**
 * A travel time between two sites. @example `const trip: TravelTime = travelTimeSchema.parse({ fromSiteId: 'a', toSiteId: 'b', minutes: 15 });`
 */
export type TravelTime = z.infer<typeof travelTimeSchema>;

/**
 * Schema of a busy interval as slot generation takes it: a {@link BusyInterval} with,
 * optionally, the service booked. A busy interval with the same site, start and end as a
 * slot is a seat taken in that session when its service is the slot's or is not given
 * (`busyIntervalsOf` gives none); one naming another service rules the slot out.
 *
 * @example
 * ```ts
 * import { slotBusyIntervalSchema } from '@eduset/core/schedule';
 * slotBusyIntervalSchema.parse({
 *   specialistId: 'psy-1', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-03-23T07:00:00Z', end: '2026-03-23T07:45:00Z', seats: 1,
 * });
 * ```
 */
export const slotBusyIntervalSchema = z
  .object({
    specialistId: specialistIdSchema,
    siteId: siteIdSchema,
    serviceId: serviceIdSchema.optional(),
    start: instantSchema,
    end: instantSchema,
    seats: z.number().int().min(1).default(1),
  })
  .refine((busy) => busy.start < busy.end, {
    path: ['end'],
    params: {
      text: {
        ru: 'Конец занятого времени не позже начала',
        en: 'The busy interval ends before it starts',
      },
    },
  });

/**
 * A busy interval for slot generation. @example `const busy: SlotBusyInterval = slotBusyIntervalSchema.parse(json);`
 */
export type SlotBusyInterval = z.infer<typeof slotBusyIntervalSchema> & BusyInterval;

/**
 * Schema of a slot query: everything {@link generateSlots} needs, `now` included. Durations
 * are in minutes; `from`…`to` are civil dates (inclusive) read in each site's zone.
 *
 * - `step` — distance between slot starts within working hours (default: `duration`);
 * - `bufferBefore`, `bufferAfter` — time kept free before and after every session at a site
 *   (around offered slots and around the busy intervals alike);
 * - `minimumNotice` — a slot starts no sooner than this after `now`;
 * - `horizonDays` — slots are offered up to and including the civil date this many days
 *   after today in the site's zone (no limit when absent);
 * - `seats` — places per slot (more than 1 for a group session);
 * - `limits.perDay`, `limits.perWeek` — at most this many sessions per specialist per civil
 *   day / ISO week (Monday–Sunday) in the site's zone; every busy interval of the
 *   specialist is a session, and joining an existing group session adds none;
 * - `travel`, `travelSymmetric` — travel times between sites (an entry holds both ways by
 *   default; when several entries name one pair, the longest holds);
 * - `calendar` — the working-day calendar (default: plain Monday–Friday weeks).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { slotQuerySchema } from '@eduset/core/schedule';
 * const query = parse(slotQuerySchema, {
 *   serviceId: 'consultation', from: '2026-05-12', to: '2026-05-12',
 *   now: '2026-05-11T06:10:00Z', duration: 30, availabilities: [],
 * });
 * query.step; // undefined: slots are `duration` apart
 * ```
 */
export const slotQuerySchema = z
  .object({
    serviceId: serviceIdSchema,
    availabilities: z.array(availabilitySchema),
    from: isoDateSchema,
    to: isoDateSchema,
    now: instantSchema,
    duration: z.number().int().min(1).max(1440),
    step: z.number().int().min(1).max(1440).optional(),
    bufferBefore: minutes.default(0),
    bufferAfter: minutes.default(0),
    minimumNotice: z.number().int().min(0).default(0),
    horizonDays: z.number().int().min(0).optional(),
    seats: z.number().int().min(1).default(1),
    limits: z
      .object({
        perDay: z.number().int().min(0).optional(),
        perWeek: z.number().int().min(0).optional(),
      })
      .default({}),
    travel: z.array(travelTimeSchema).default([]),
    travelSymmetric: z.boolean().default(true),
    busy: z.array(slotBusyIntervalSchema).default([]),
    calendar: workCalendarSchema.optional(),
  })
  .superRefine((query, context) => {
    const days = civilDaysBetween(query.from, query.to);
    if (days < 0) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        params: {
          text: {
            ru: 'Дата окончания раньше даты начала',
            en: 'The end date is before the start date',
          },
        },
      });
    } else if (days >= MAX_RANGE_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        params: {
          text: {
            ru: `Период длиннее ${MAX_RANGE_DAYS} дней`,
            en: `The period is longer than ${MAX_RANGE_DAYS} days`,
          },
        },
      });
    }
  });

/**
 * A validated slot query. @example `const query: SlotQuery = parse(slotQuerySchema, json);`
 */
export type SlotQuery = z.infer<typeof slotQuerySchema>;

/**
 * A slot query as outside data may give it (defaults not yet applied). @example `const input: SlotQueryInput = { serviceId: 'consultation', from: '2026-05-12', to: '2026-05-12', now: '2026-05-11T06:10:00Z', duration: 30, availabilities: [] };`
 */
export type SlotQueryInput = z.input<typeof slotQuerySchema>;

/**
 * A bookable slot: a specialist at a site for a service over the half-open interval
 * `[start, end)`, with the places still free.
 *
 * @example
 * ```ts
 * import { instant, type Slot } from '@eduset/core/schedule';
 * const slot: Slot = {
 *   specialistId: 'psy-1', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: instant('2026-05-12T06:30:00Z'), end: instant('2026-05-12T07:00:00Z'), seatsLeft: 1,
 * };
 * ```
 */
export interface Slot {
  readonly specialistId: string;
  readonly siteId: string;
  readonly serviceId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly seatsLeft: number;
}

interface Busy {
  readonly siteId: string;
  readonly serviceId: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly seats: number;
}

type TravelLookup = (fromSiteId: string, toSiteId: string) => number;

function travelLookup(entries: readonly TravelTime[], symmetric: boolean): TravelLookup {
  const table = new Map<string, number>();
  const put = (from: string, to: string, value: number): void => {
    const key = `${from}\u0000${to}`;
    table.set(key, Math.max(table.get(key) ?? 0, value));
  };
  for (const entry of entries) {
    put(entry.fromSiteId, entry.toSiteId, entry.minutes);
    if (symmetric) put(entry.toSiteId, entry.fromSiteId, entry.minutes);
  }
  return (from, to) => (from === to ? 0 : (table.get(`${from}\u0000${to}`) ?? 0));
}

/** Working hours of an availability on a date after the calendar, in local minutes. */
function hoursAfterCalendar(
  availability: Availability,
  calendar: WorkCalendar,
  date: IsoDate,
): { start: number; end: number }[] {
  const kind = dayKind(calendar, date, { siteId: availability.siteId });
  if (kind === 'holiday' || kind === 'closed') return [];
  const weekday = isoWeekday(date);
  // A transferred day off turns a weekday into a day off.
  if (kind === 'weekend' && weekday <= 5) return [];
  if (
    availability.closedOnSchoolHolidays &&
    schoolHolidaysOn(calendar, date, { siteId: availability.siteId }) !== undefined
  ) {
    return [];
  }
  const workingWeekend = workingWeekendOn(calendar, date);
  const rulesOf =
    workingWeekend !== undefined && availability.worksOnWorkingWeekends
      ? (workingWeekend.worksAs ?? weekday)
      : weekday;
  const hours = hoursOnDate(availability, date, rulesOf);
  if (kind !== 'shortened' || hours.length === 0) return hours;
  // A shortened pre-holiday day ends one hour earlier.
  const closing = Math.max(...hours.map((range) => range.end)) - 60;
  return hours
    .map((range) => ({ start: range.start, end: Math.min(range.end, closing) }))
    .filter((range) => range.start < range.end);
}

interface Context {
  readonly query: SlotQuery;
  readonly calendar: WorkCalendar;
  readonly travel: TravelLookup;
  readonly busyBySpecialist: ReadonlyMap<string, readonly Busy[]>;
  readonly earliestStart: number;
  /** Sessions per specialist and zone, by the civil date they start on. */
  readonly sessionCache: Map<string, ReadonlyMap<string, number>>;
}

function sessionsByDate(
  context: Context,
  specialistId: string,
  timeZone: string,
): ReadonlyMap<string, number> {
  const key = `${specialistId}\u0000${timeZone}`;
  const cached = context.sessionCache.get(key);
  if (cached !== undefined) return cached;
  const sessions = new Set<string>();
  const counts = new Map<string, number>();
  for (const busy of context.busyBySpecialist.get(specialistId) ?? []) {
    const session = `${busy.siteId}\u0000${busy.start}\u0000${busy.end}`;
    if (sessions.has(session)) continue;
    sessions.add(session);
    const date = localDateTime(new Date(busy.start).toISOString(), timeZone).date;
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  context.sessionCache.set(key, counts);
  return counts;
}

function withinLimits(context: Context, availability: Availability, date: IsoDate): boolean {
  const { perDay, perWeek } = context.query.limits;
  if (perDay === undefined && perWeek === undefined) return true;
  const counts = sessionsByDate(context, availability.specialistId, availability.timeZone);
  if (perDay !== undefined && (counts.get(date) ?? 0) + 1 > perDay) return false;
  if (perWeek !== undefined) {
    const monday = addCivilDays(date, 1 - isoWeekday(date));
    let week = 0;
    for (let offset = 0; offset < 7; offset += 1) {
      week += counts.get(addCivilDays(monday, offset)) ?? 0;
    }
    if (week + 1 > perWeek) return false;
  }
  return true;
}

/** The seats a slot has left, or 0 when a busy interval rules it out. */
function seatsLeft(
  context: Context,
  availability: Availability,
  start: number,
  end: number,
): { seatsLeft: number; joinsSession: boolean } {
  const { bufferBefore, bufferAfter, seats, serviceId } = context.query;
  let taken = 0;
  for (const busy of context.busyBySpecialist.get(availability.specialistId) ?? []) {
    const sameSite = busy.siteId === availability.siteId;
    const sameService = busy.serviceId === undefined || busy.serviceId === serviceId;
    if (sameSite && busy.start === start && busy.end === end && sameService) {
      taken += busy.seats;
      continue;
    }
    const travelTo = context.travel(busy.siteId, availability.siteId) * MINUTE;
    const travelFrom = context.travel(availability.siteId, busy.siteId) * MINUTE;
    const slotStart = start - bufferBefore * MINUTE - travelTo;
    const slotEnd = end + bufferAfter * MINUTE + travelFrom;
    const busyStart = busy.start - bufferBefore * MINUTE;
    const busyEnd = busy.end + bufferAfter * MINUTE;
    if (slotStart < busyEnd && busyStart < slotEnd) return { seatsLeft: 0, joinsSession: false };
  }
  return { seatsLeft: Math.max(0, seats - taken), joinsSession: taken > 0 };
}

function slotsOfAvailability(
  context: Context,
  availability: Availability,
  out: Map<string, Slot>,
): void {
  const { query } = context;
  const zone = availability.timeZone;
  const step = query.step ?? query.duration;
  const lastDate =
    query.horizonDays === undefined
      ? query.to
      : addCivilDays(localDateTime(query.now, zone).date, query.horizonDays);
  const days = civilDaysBetween(query.from, query.to);
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addCivilDays(query.from, offset);
    if (date > lastDate) break;
    const hours = hoursAfterCalendar(availability, context.calendar, date);
    if (hours.length === 0) continue;
    const steady = steadyLocalDay(date, zone);
    // The limits depend on the date only; computed once, when first needed.
    let limitsHold: boolean | undefined;
    for (const range of hours) {
      const windowEnd = steady ? steady(range.end) : epochEndingLocal(date, range.end, zone);
      for (let minute = range.start; minute < range.end; minute += step) {
        // A local time in the spring-forward gap gives no slot; one that happens twice
        // (fall-back) gives one slot, at its first occurrence.
        const start = steady ? steady(minute) : epochsAtLocal(date, minute, zone)[0];
        if (start === undefined) continue;
        const end = start + query.duration * MINUTE;
        if (end > windowEnd) break;
        if (start < context.earliestStart) continue;
        const seats = seatsLeft(context, availability, start, end);
        if (seats.seatsLeft <= 0) continue;
        if (!seats.joinsSession) {
          limitsHold ??= withinLimits(context, availability, date);
          if (!limitsHold) continue;
        }
        const slot: Slot = {
          specialistId: availability.specialistId,
          siteId: availability.siteId,
          serviceId: availability.serviceId,
          start: instant(new Date(start)),
          end: instant(new Date(end)),
          seatsLeft: seats.seatsLeft,
        };
        const key = `${slot.specialistId}\u0000${slot.siteId}\u0000${slot.start}\u0000${slot.end}`;
        if (!out.has(key)) out.set(key, slot);
      }
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Generates the bookable slots for a service: for each availability of the service (one or
 * several specialists, one or several sites), each civil date of the range in the site's
 * zone, each start `step` minutes apart within the working hours, a slot of `duration`
 * minutes is offered when all of these hold:
 *
 * - the date is worked: not a holiday, a transferred day off or a closure; a shortened day
 *   ends one hour earlier; a working Saturday or Sunday only at sites that work them;
 * - the local start time exists (none in a spring-forward gap; a time that happens twice
 *   gives one slot, at its first occurrence), and the slot ends within the hours;
 * - it starts at least `minimumNotice` minutes after `now` and within the horizon;
 * - with the buffers around it and around each busy interval of the same specialist, it
 *   overlaps none of them at the same site, nor at another site once the travel time between
 *   the sites is added; a busy interval with the same site, start, end and service is a seat
 *   taken in the same session instead, and a slot with no seats left is not offered;
 * - the specialist's sessions that day and that week stay within the limits.
 *
 * Pure: `now`, zones and the calendar are arguments; the input is not changed. The result is
 * sorted by start, then specialist, then site, and does not depend on the order of the
 * availabilities, busy intervals or travel entries. Throws a `ValidationError` on invalid
 * input.
 *
 * @example
 * ```ts
 * import { generateSlots } from '@eduset/core/schedule';
 * const slots = generateSlots({
 *   serviceId: 'consultation',
 *   availabilities: [{
 *     specialistId: 'psy-1', siteId: 'kp-teremok', serviceId: 'consultation',
 *     timeZone: 'Europe/Warsaw', rules: [{ weekdays: [1], start: '08:00', end: '12:00' }],
 *   }],
 *   from: '2026-03-30', to: '2026-03-30', now: '2026-03-01T00:00:00Z', duration: 60,
 * });
 * slots.map((slot) => slot.start);
 * // ['2026-03-30T06:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z']
 * ```
 */
export function generateSlots(input: SlotQueryInput): Slot[] {
  const query = parse(slotQuerySchema, input);
  const busyBySpecialist = new Map<string, Busy[]>();
  for (const busy of query.busy) {
    const list = busyBySpecialist.get(busy.specialistId) ?? [];
    list.push({
      siteId: busy.siteId,
      serviceId: busy.serviceId,
      start: Date.parse(busy.start),
      end: Date.parse(busy.end),
      seats: busy.seats,
    });
    busyBySpecialist.set(busy.specialistId, list);
  }
  const context: Context = {
    query,
    calendar: query.calendar ?? emptyWorkCalendar,
    travel: travelLookup(query.travel, query.travelSymmetric),
    busyBySpecialist,
    earliestStart: Date.parse(query.now) + query.minimumNotice * MINUTE,
    sessionCache: new Map(),
  };
  const out = new Map<string, Slot>();
  for (const availability of query.availabilities) {
    if (availability.serviceId !== query.serviceId) continue;
    slotsOfAvailability(context, availability, out);
  }
  return [...out.values()].sort(
    (a, b) =>
      compareText(a.start, b.start) ||
      compareText(a.specialistId, b.specialistId) ||
      compareText(a.siteId, b.siteId) ||
      compareText(a.end, b.end),
  );
}
