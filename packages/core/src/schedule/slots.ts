import { z } from '../common/zod-mini.js';
import { isIsoDate, isoDateSchema, parse, type IsoDate } from '../common/index.js';
import { serviceIdSchema, siteIdSchema, specialistIdSchema } from '../network/ids.js';
import { availabilitySchema, hoursOnDate, type Availability } from './availability.js';
import {
  instant,
  instantSchema,
  isCanonicalInstant,
  type BusyInterval,
  type Instant,
} from './instant.js';
import {
  addCivilDays,
  civilDaysBetween,
  closureOn,
  emptyWorkCalendar,
  isoWeekday,
  schoolHolidaysOn,
  workCalendarSchema,
  type DayKind,
  type WorkCalendar,
  type WorkingWeekend,
} from './work-calendar.js';
import {
  epochEndingLocal,
  epochsAtLocal,
  localDateTime,
  steadyOffsets,
  wallMidnight,
} from './zoned.js';

import {
  travelTimeSchema,
  vacationSchema,
  type TravelTime,
  type Vacation,
} from './network-schedule-schema.js';

export { travelTimeSchema, vacationSchema, type TravelTime, type Vacation };

const MINUTE = 60_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: ISO texts with four-digit years. */
const FIRST_YEAR_0 = -62_167_219_200_000;
const LAST_YEAR_9999 = 253_402_300_799_999;
/** The longest date range one call may ask for. */
const MAX_RANGE_DAYS = 400;

const minutes = z.int().check(z.gte(0), z.lte(10_080));

/** Reports a period that ends before it starts or is longer than {@link MAX_RANGE_DAYS}. */
function checkRange(
  period: { readonly from: IsoDate; readonly to: IsoDate },
  context: z.core.$RefinementCtx,
): void {
  const days = civilDaysBetween(period.from, period.to);
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
}

/**
 * Whether a specialist is on vacation on a civil date.
 *
 * @example
 * ```ts
 * import { onVacation } from '@eduset/core/schedule';
 * onVacation([{ specialistId: 'psy-1', from: '2026-07-01', to: '2026-07-14' }], 'psy-1', '2026-07-03'); // true
 * ```
 */
export function onVacation(
  vacations: readonly Pick<Vacation, 'specialistId' | 'from' | 'to'>[],
  specialistId: string,
  date: string,
): boolean {
  return vacations.some(
    (vacation) =>
      vacation.specialistId === specialistId && vacation.from <= date && date <= vacation.to,
  );
}

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
    serviceId: z.optional(serviceIdSchema),
    start: instantSchema,
    end: instantSchema,
    seats: z._default(z.int().check(z.gte(1)), 1),
  })
  .check(
    z.refine((busy) => busy.start < busy.end, {
      path: ['end'],
      params: {
        text: {
          ru: 'Конец занятого времени не позже начала',
          en: 'The busy interval ends before it starts',
        },
      },
    }),
  );

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
 * - `calendar` — the working-day calendar (default: plain Monday–Friday weeks);
 * - `vacations` — dates on which a specialist receives nowhere (see {@link vacationSchema}).
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
    duration: z.int().check(z.gte(1), z.lte(1440)),
    step: z.optional(z.int().check(z.gte(1), z.lte(1440))),
    bufferBefore: z._default(minutes, 0),
    bufferAfter: z._default(minutes, 0),
    minimumNotice: z._default(z.int().check(z.gte(0)), 0),
    horizonDays: z.optional(z.int().check(z.gte(0))),
    seats: z._default(z.int().check(z.gte(1)), 1),
    limits: z._default(
      z.object({
        perDay: z.optional(z.int().check(z.gte(0))),
        perWeek: z.optional(z.int().check(z.gte(0))),
      }),
      {},
    ),
    travel: z._default(z.array(travelTimeSchema), []),
    travelSymmetric: z._default(z.boolean(), true),
    busy: z._default(z.array(slotBusyIntervalSchema), []),
    calendar: z.optional(workCalendarSchema),
    vacations: z._default(z.array(vacationSchema), []),
  })
  .check(z.superRefine(checkRange));

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

// How generation stays fast. The rules are read per availability and civil date, and most of
// that work does not depend on the availability: a query's dates, their weekdays, what the
// calendar makes of them and the zone's UTC offsets are all computed once per query (per site
// for closures, per zone for offsets) into plain arrays indexed by the date's position in the
// range. Working hours that depend on the weekday only are read once per availability and
// weekday. Busy intervals are sorted by start per specialist, so a slot looks only at those
// near it. Each cached value is what the direct computation gives, so the slots are the same.

/** What the query's dates are, independently of sites and zones; index 0 is `query.from`. */
interface QueryDays {
  readonly dates: readonly IsoDate[];
  readonly weekdays: readonly number[];
  /** Each date's wall-clock midnight written as UTC (see `wallMidnight`). */
  readonly midnights: readonly number[];
  /** The calendar's {@link dayKind} of each date, closures left out (they depend on the site). */
  readonly kinds: readonly DayKind[];
  readonly workingWeekends: readonly (WorkingWeekend | undefined)[];
}

/** A calendar's dates as sets, for look-ups by date (see {@link calendarIndex}). */
interface CalendarIndex {
  readonly holidays: ReadonlySet<string>;
  readonly transferred: ReadonlySet<string>;
  readonly shortened: ReadonlySet<string>;
  readonly workingWeekends: ReadonlyMap<string, WorkingWeekend>;
}

const calendarIndexes = new WeakMap<WorkCalendar, CalendarIndex>();

/**
 * The calendar's dates as sets, built once per calendar object: the official calendar applies
 * by default and holds a few hundred dates, which every booking check would otherwise put into
 * sets again.
 */
function calendarIndex(calendar: WorkCalendar): CalendarIndex {
  let index = calendarIndexes.get(calendar);
  if (index === undefined) {
    const workingWeekends = new Map<string, WorkingWeekend>();
    for (const entry of calendar.workingWeekends) {
      // `workingWeekendOn` finds the first entry of a date.
      if (!workingWeekends.has(entry.date)) workingWeekends.set(entry.date, entry);
    }
    index = {
      holidays: new Set(calendar.holidays.map((entry) => entry.date)),
      transferred: new Set(calendar.transferredDaysOff.map((entry) => entry.date)),
      shortened: new Set(calendar.shortenedDays.map((entry) => entry.date)),
      workingWeekends,
    };
    calendarIndexes.set(calendar, index);
  }
  return index;
}

function queryDays(query: SlotQuery, calendar: WorkCalendar): QueryDays {
  // The same precedence as `dayKind`, with its list look-ups turned into set look-ups.
  const { holidays, transferred, shortened, workingWeekends } = calendarIndex(calendar);
  const days = {
    dates: [] as IsoDate[],
    weekdays: [] as number[],
    midnights: [] as number[],
    kinds: [] as DayKind[],
    workingWeekends: [] as (WorkingWeekend | undefined)[],
  };
  const count = civilDaysBetween(query.from, query.to) + 1;
  for (let offset = 0; offset < count; offset += 1) {
    const date = addCivilDays(query.from, offset);
    const weekday = isoWeekday(date);
    const workingWeekend = workingWeekends.get(date);
    let kind: DayKind;
    if (holidays.has(date)) kind = 'holiday';
    else if (transferred.has(date)) kind = 'weekend';
    else if (weekday > 5 && workingWeekend === undefined) kind = 'weekend';
    else kind = shortened.has(date) ? 'shortened' : 'working';
    days.dates.push(date);
    days.weekdays.push(weekday);
    days.midnights.push(wallMidnight(date));
    days.kinds.push(kind);
    days.workingWeekends.push(workingWeekend);
  }
  return days;
}

/** Per date of the query, whether `covers(date)` holds; all false when `any` is false. */
function flagsByDate(
  days: QueryDays,
  any: boolean,
  covers: (date: IsoDate) => boolean,
): readonly boolean[] {
  return days.dates.map((date) => any && covers(date));
}

/** The busy intervals of a specialist, sorted by start, for a search by start. */
interface BusyIndex {
  readonly list: readonly Busy[];
  /** The longest busy interval, in milliseconds. */
  readonly longest: number;
}

/** The first position in a list sorted by start whose start is at least `start`. */
function firstStartingFrom(list: readonly Busy[], start: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle]?.start ?? Infinity) < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface ZoneDays {
  /** Per date, the offset in minutes when steady all day (see `steadyOffsets`). */
  readonly offsets: readonly (number | undefined)[];
  /** The last date slots are offered on (the horizon, or `query.to`). */
  readonly lastDate: IsoDate;
}

interface Context {
  readonly query: SlotQuery;
  readonly calendar: WorkCalendar;
  readonly travel: TravelLookup;
  /** The longest travel time of the query, in minutes (0 without any). */
  readonly longestTravel: number;
  readonly busyBySpecialist: ReadonlyMap<string, BusyIndex>;
  readonly earliestStart: number;
  readonly days: QueryDays;
  /** Per site, whether each date is in a closure covering it. */
  readonly closedBySite: Map<string, readonly boolean[]>;
  /** Per site, whether each date is in school holidays covering it. */
  readonly schoolHolidaysBySite: Map<string, readonly boolean[]>;
  readonly zones: Map<string, ZoneDays>;
  /** Sessions per specialist and zone, by the civil date they start on. */
  readonly sessionCache: Map<string, ReadonlyMap<string, number>>;
  /** When set, only this slot is looked at: every other start is skipped early. */
  readonly only: OnlySlot | undefined;
}

function closedAt(context: Context, siteId: string): readonly boolean[] {
  let flags = context.closedBySite.get(siteId);
  if (flags === undefined) {
    const { calendar } = context;
    flags = flagsByDate(
      context.days,
      calendar.closures.length > 0,
      (date) => closureOn(calendar, date, { siteId }) !== undefined,
    );
    context.closedBySite.set(siteId, flags);
  }
  return flags;
}

function schoolHolidaysAt(context: Context, siteId: string): readonly boolean[] {
  let flags = context.schoolHolidaysBySite.get(siteId);
  if (flags === undefined) {
    const { calendar } = context;
    flags = flagsByDate(
      context.days,
      calendar.schoolHolidays.length > 0,
      (date) => schoolHolidaysOn(calendar, date, { siteId }) !== undefined,
    );
    context.schoolHolidaysBySite.set(siteId, flags);
  }
  return flags;
}

function zoneDays(context: Context, timeZone: string): ZoneDays {
  let zone = context.zones.get(timeZone);
  if (zone === undefined) {
    const { query } = context;
    zone = {
      offsets: steadyOffsets(context.days.midnights, timeZone),
      lastDate:
        query.horizonDays === undefined
          ? query.to
          : addCivilDays(localDateTime(query.now, timeZone).date, query.horizonDays),
    };
    context.zones.set(timeZone, zone);
  }
  return zone;
}

/**
 * The working hours of an availability on a date after the calendar, in local minutes; read
 * through the query's day tables, the same as `dayKind` and the other calendar queries give.
 */
type HoursOf = (index: number) => readonly { start: number; end: number }[];

function hoursAfterCalendar(context: Context, availability: Availability): HoursOf {
  const { days } = context;
  const closed = closedAt(context, availability.siteId);
  const schoolHolidays = availability.closedOnSchoolHolidays
    ? schoolHolidaysAt(context, availability.siteId)
    : undefined;
  const overridden = new Set<string>(availability.overrides.map((override) => override.date));
  const { validFrom, validTo } = availability;
  const away = context.query.vacations.some(
    (vacation) => vacation.specialistId === availability.specialistId,
  )
    ? days.dates.map((date) => onVacation(context.query.vacations, availability.specialistId, date))
    : undefined;
  // On a date with no override and within the validity, `hoursOnDate` depends on the weekday
  // of the rules only: read once per weekday.
  const byWeekday: ({ start: number; end: number }[] | undefined)[] = [];
  return (index) => {
    const date = days.dates[index];
    const weekday = days.weekdays[index];
    const baseKind = days.kinds[index];
    if (date === undefined || weekday === undefined || baseKind === undefined) return [];
    const kind: DayKind = closed[index] === true ? 'closed' : baseKind;
    if (kind === 'holiday' || kind === 'closed') return [];
    // A transferred day off turns a weekday into a day off.
    if (kind === 'weekend' && weekday <= 5) return [];
    if (schoolHolidays?.[index] === true) return [];
    if (away?.[index] === true) return [];
    const workingWeekend = days.workingWeekends[index];
    const rulesOf =
      workingWeekend !== undefined && availability.worksOnWorkingWeekends
        ? (workingWeekend.worksAs ?? weekday)
        : weekday;
    let hours: readonly { start: number; end: number }[];
    if (
      overridden.has(date) ||
      (validFrom !== undefined && date < validFrom) ||
      (validTo !== undefined && date > validTo)
    ) {
      hours = hoursOnDate(availability, date, rulesOf);
    } else {
      hours = byWeekday[rulesOf] ??= hoursOnDate(availability, date, rulesOf);
    }
    if (kind !== 'shortened' || hours.length === 0) return hours;
    // A shortened pre-holiday day ends one hour earlier.
    const closing = Math.max(...hours.map((range) => range.end)) - 60;
    return hours
      .map((range) => ({ start: range.start, end: Math.min(range.end, closing) }))
      .filter((range) => range.start < range.end);
  };
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
  for (const busy of context.busyBySpecialist.get(specialistId)?.list ?? []) {
    const session = `${busy.siteId}\u0000${busy.start}\u0000${busy.end}`;
    if (sessions.has(session)) continue;
    sessions.add(session);
    const date = localDateTime(new Date(busy.start).toISOString(), timeZone).date;
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  context.sessionCache.set(key, counts);
  return counts;
}

function withinLimits(
  context: Context,
  availability: Availability,
  date: IsoDate,
  weekday: number,
): boolean {
  const { perDay, perWeek } = context.query.limits;
  if (perDay === undefined && perWeek === undefined) return true;
  const counts = sessionsByDate(context, availability.specialistId, availability.timeZone);
  if (perDay !== undefined && (counts.get(date) ?? 0) + 1 > perDay) return false;
  if (perWeek !== undefined) {
    const monday = addCivilDays(date, 1 - weekday);
    let week = 0;
    for (let offset = 0; offset < 7; offset += 1) {
      week += counts.get(addCivilDays(monday, offset)) ?? 0;
    }
    if (week + 1 > perWeek) return false;
  }
  return true;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The slots sharing one start: its text, written once, and the usual end's. */
interface StartGroup {
  readonly text: Instant;
  /** The text of the start plus the duration (the end of every slot with whole-ms times). */
  readonly usualEnd: Instant;
  readonly slots: Slot[];
  /** The place whose slots were added last, and where they begin in `slots`. */
  place: number;
  placeFrom: number;
}

/**
 * The slots found, grouped by start; the result of {@link generateSlots} in its order.
 *
 * Why: sorting hundreds of thousands of slots by their texts, and keeping a map keyed by texts
 * to drop repeats, took most of the time once slots were found fast. Instead availabilities
 * are visited by place (specialist, then site: the order of the result within one start), so
 * each group of one start fills already in order, and a repeat (the same place, start text and
 * end text) can only be among the last slots of its group. Only the starts are sorted.
 */
class SlotsByStart {
  private readonly groups = new Map<number, StartGroup>();
  /** Whether some slot's end is not its start plus the duration in whole milliseconds. */
  private unusualEnds = false;

  constructor(private readonly length: number) {}

  /** Adds a slot unless the place already has one with the same start and end texts. */
  add(availability: Availability, place: number, start: number, end: number, left: number): void {
    // The texts show whole milliseconds (`new Date` truncates), so equal texts are equal
    // truncated numbers.
    const at = Math.trunc(start);
    let group = this.groups.get(at);
    if (group === undefined) {
      group = {
        text: instant(new Date(at)),
        usualEnd: instant(new Date(at + this.length)),
        slots: [],
        place: -1,
        placeFrom: 0,
      };
      this.groups.set(at, group);
    }
    let endText = group.usualEnd;
    if (Math.trunc(end) !== at + this.length) {
      endText = instant(new Date(end));
      this.unusualEnds = true;
    }
    if (group.place === place) {
      for (let position = group.placeFrom; position < group.slots.length; position += 1) {
        if (group.slots[position]?.end === endText) return;
      }
    } else {
      group.place = place;
      group.placeFrom = group.slots.length;
    }
    group.slots.push({
      specialistId: availability.specialistId,
      siteId: availability.siteId,
      serviceId: availability.serviceId,
      start: group.text,
      end: endText,
      seatsLeft: left,
    });
  }

  /** The slots sorted by start text, then specialist, site and end text. */
  sorted(): Slot[] {
    // Starts compare as numbers where their texts have four-digit years: the same order.
    const fourDigitYears = (at: number): boolean => at >= FIRST_YEAR_0 && at <= LAST_YEAR_9999;
    const starts = [...this.groups].sort(([a, first], [b, second]) =>
      fourDigitYears(a) && fourDigitYears(b) ? a - b : compareText(first.text, second.text),
    );
    const slots: Slot[] = [];
    for (const [, group] of starts) {
      // Within a place, slots with unusual ends are in the order found: sort by end text.
      if (this.unusualEnds) {
        group.slots.sort(
          (a, b) =>
            compareText(a.specialistId, b.specialistId) ||
            compareText(a.siteId, b.siteId) ||
            compareText(a.end, b.end),
        );
      }
      for (const slot of group.slots) slots.push(slot);
    }
    return slots;
  }
}

/**
 * The seats of a slot taken by busy intervals of the same session, or -1 when a busy interval
 * rules the slot out (a number, not an object: this runs for every slot).
 */
function seatsTaken(
  context: Context,
  availability: Availability,
  index: BusyIndex,
  start: number,
  end: number,
): number {
  const { bufferBefore, bufferAfter, serviceId } = context.query;
  // Only busy intervals starting within this reach of the slot can overlap it, whatever the
  // sites: the buffers plus the longest travel on both sides, plus the longest busy interval
  // before it. The others pass every test below, so skipping them changes nothing.
  const reach = (bufferBefore + bufferAfter + context.longestTravel) * MINUTE;
  const { list } = index;
  let taken = 0;
  for (
    let position = firstStartingFrom(list, start - reach - index.longest);
    position < list.length;
    position += 1
  ) {
    const busy = list[position];
    if (busy === undefined || busy.start >= end + reach) break;
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
    if (slotStart < busyEnd && busyStart < slotEnd) return -1;
  }
  return taken;
}

function slotsOfAvailability(
  context: Context,
  availability: Availability,
  place: number,
  out: SlotsByStart,
): void {
  const { query, days } = context;
  const zone = availability.timeZone;
  const step = query.step ?? query.duration;
  const length = query.duration * MINUTE;
  const { offsets, lastDate } = zoneDays(context, zone);
  const hoursOf = hoursAfterCalendar(context, availability);
  const busy = context.busyBySpecialist.get(availability.specialistId);
  for (let index = 0; index < days.dates.length; index += 1) {
    const date = days.dates[index];
    const midnight = days.midnights[index];
    if (date === undefined || midnight === undefined) break;
    if (date > lastDate) break;
    const hours = hoursOf(index);
    if (hours.length === 0) continue;
    // On a day whose offset holds all day, a local time is midnight plus minutes minus the
    // offset (what `steadyLocalDay` computes); around a change of offset, the exact search.
    const offset = offsets[index];
    // The limits depend on the date only; computed once, when first needed.
    let limitsHold: boolean | undefined;
    for (const range of hours) {
      const windowEnd =
        offset !== undefined
          ? midnight + (range.end - offset) * MINUTE
          : epochEndingLocal(date, range.end, zone);
      for (let minute = range.start; minute < range.end; minute += step) {
        // A local time in the spring-forward gap gives no slot; one that happens twice
        // (fall-back) gives one slot, at its first occurrence.
        const start =
          offset !== undefined
            ? midnight + (minute - offset) * MINUTE
            : epochsAtLocal(date, minute, zone)[0];
        if (start === undefined) continue;
        if (context.only !== undefined && start !== context.only.start) continue;
        const end = start + length;
        if (end > windowEnd) break;
        if (start < context.earliestStart) continue;
        const taken = busy === undefined ? 0 : seatsTaken(context, availability, busy, start, end);
        const left = Math.max(0, query.seats - taken);
        if (taken < 0 || left <= 0) continue;
        if (taken === 0) {
          limitsHold ??= withinLimits(context, availability, date, days.weekdays[index] ?? 0);
          if (!limitsHold) continue;
        }
        out.add(availability, place, start, end, left);
      }
    }
  }
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
  return slotsOfQuery(parse(slotQuerySchema, input));
}

const slotPeriodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, now: instantSchema })
  .check(z.superRefine(checkRange));
const busyListSchema = z.object({ busy: z.array(slotBusyIntervalSchema) });

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Busy intervals already in the form `slotBusyIntervalSchema` outputs (what storage reads
 * back): the same objects the schema would give, or `undefined` when any item needs the
 * schema (to be normalized or reported). Why: checking one booking reads a specialist's busy
 * time, and the schema's per-item work cost more than generating the slots of the day.
 */
function busyAsIs(busy: readonly unknown[]): SlotBusyInterval[] | undefined {
  const out: SlotBusyInterval[] = [];
  for (const item of busy) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { specialistId, siteId, serviceId, start, end, seats } = item as Record<string, unknown>;
    if (typeof specialistId !== 'string' || !ID.test(specialistId)) return undefined;
    if (typeof siteId !== 'string' || !ID.test(siteId)) return undefined;
    if (serviceId !== undefined && (typeof serviceId !== 'string' || !ID.test(serviceId))) {
      return undefined;
    }
    if (!isCanonicalInstant(start) || !isCanonicalInstant(end) || !(start < end)) return undefined;
    if (seats !== undefined && !(Number.isInteger(seats) && (seats as number) >= 1)) {
      return undefined;
    }
    out.push({
      specialistId,
      siteId,
      ...(serviceId !== undefined ? { serviceId } : {}),
      start,
      end,
      seats: (seats as number | undefined) ?? 1,
    } as SlotBusyInterval);
  }
  return out;
}

/**
 * The period, clock and busy time of a slot search whose availabilities, rules, travel and
 * calendar come from a validated schedule (see `freeSlots`), validated as `slotQuerySchema`
 * would: a `ValidationError` on invalid input.
 */
export function parseSlotSearch(input: {
  readonly from: string;
  readonly to: string;
  readonly now: string;
  readonly busy: readonly unknown[];
}): { from: IsoDate; to: IsoDate; now: Instant; busy: SlotBusyInterval[] } {
  // Valid input (the usual case) is taken as it is; anything else goes through the schema,
  // which normalizes it or reports every problem.
  const days =
    isIsoDate(input.from) && isIsoDate(input.to) ? civilDaysBetween(input.from, input.to) : -1;
  const period =
    days >= 0 && days < MAX_RANGE_DAYS && isCanonicalInstant(input.now)
      ? { from: input.from as IsoDate, to: input.to as IsoDate, now: input.now }
      : parse(slotPeriodSchema, { from: input.from, to: input.to, now: input.now });
  const busy = busyAsIs(input.busy) ?? parse(busyListSchema, { busy: input.busy }).busy;
  return { ...period, busy };
}

/** One slot a search is narrowed to (epoch milliseconds), as `offeredSlot` asks. */
export interface OnlySlot {
  readonly start: number;
  readonly end: number;
}

/**
 * {@link generateSlots} for a query already validated: `freeSlots` builds it from a schedule
 * that `createNetworkSchedule` validated, and checks only the period, clock and busy time.
 * Validating the whole schedule again (the official calendar alone has hundreds of entries)
 * took most of the time of checking one booking.
 */
export function slotsOfQuery(query: SlotQuery, only?: OnlySlot): Slot[] {
  const busyLists = new Map<string, Busy[]>();
  for (const busy of query.busy) {
    const list = busyLists.get(busy.specialistId) ?? [];
    list.push({
      siteId: busy.siteId,
      serviceId: busy.serviceId,
      start: Date.parse(busy.start),
      end: Date.parse(busy.end),
      seats: busy.seats,
    });
    busyLists.set(busy.specialistId, list);
  }
  const busyBySpecialist = new Map<string, BusyIndex>();
  for (const [specialistId, list] of busyLists) {
    list.sort((a, b) => a.start - b.start);
    const longest = list.reduce((most, busy) => Math.max(most, busy.end - busy.start), 0);
    busyBySpecialist.set(specialistId, { list, longest });
  }
  const calendar = query.calendar ?? emptyWorkCalendar;
  const context: Context = {
    query,
    calendar,
    travel: travelLookup(query.travel, query.travelSymmetric),
    longestTravel: query.travel.reduce((most, entry) => Math.max(most, entry.minutes), 0),
    busyBySpecialist,
    earliestStart: Date.parse(query.now) + query.minimumNotice * MINUTE,
    days: queryDays(query, calendar),
    closedBySite: new Map(),
    schoolHolidaysBySite: new Map(),
    zones: new Map(),
    sessionCache: new Map(),
    only,
  };
  // Visited by place (a stable sort keeps the given order within a place, so the first
  // availability of a place still wins a repeated slot); see `SlotsByStart`.
  const availabilities = query.availabilities
    .filter((availability) => availability.serviceId === query.serviceId)
    .sort((a, b) => compareText(a.specialistId, b.specialistId) || compareText(a.siteId, b.siteId));
  const out = new SlotsByStart(query.duration * MINUTE);
  let place = -1;
  let previous: Availability | undefined;
  for (const availability of availabilities) {
    if (
      previous === undefined ||
      previous.specialistId !== availability.specialistId ||
      previous.siteId !== availability.siteId
    ) {
      place += 1;
    }
    previous = availability;
    slotsOfAvailability(context, availability, place, out);
  }
  return out.sorted();
}
