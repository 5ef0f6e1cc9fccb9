import { TZDate } from '@date-fns/tz';
import { parse } from '../common/index.js';
import { z } from '../common/zod.js';
import { timeZoneSchema, weekdaySchema } from './availability.js';
import type { Booking, BookingStatus } from './booking.js';
import { instantSchema, type Instant } from './instant.js';

/**
 * The iCalendar event statuses (RFC 5545 `STATUS` of a `VEVENT`) eduset writes.
 *
 * @example
 * ```ts
 * import { calendarEventStatuses } from '@eduset/core/schedule';
 * calendarEventStatuses.includes('CANCELLED'); // true
 * ```
 */
export const calendarEventStatuses = ['CONFIRMED', 'TENTATIVE', 'CANCELLED'] as const;

/**
 * Schema of an iCalendar event status.
 *
 * @example
 * ```ts
 * import { calendarEventStatusSchema } from '@eduset/core/schedule';
 * calendarEventStatusSchema.parse('TENTATIVE');
 * ```
 */
export const calendarEventStatusSchema = z.enum(calendarEventStatuses);

/**
 * An iCalendar event status. @example `const status: CalendarEventStatus = 'CONFIRMED';`
 */
export type CalendarEventStatus = z.infer<typeof calendarEventStatusSchema>;

/**
 * An instant as a `Date` whose calendar fields (`getFullYear()`, `getHours()`…) read on the
 * clock of `timeZone`, not the machine's (a `TZDate` of `@date-fns/tz`). iCalendar writers
 * such as `ical-generator` take it to write local times with `TZID` the same on every
 * machine.
 *
 * @throws RangeError when the instant or the zone is invalid.
 * @example
 * ```ts
 * import { instant, zonedDate } from '@eduset/core/schedule';
 * zonedDate(instant('2026-05-12T06:30:00Z'), 'Europe/Moscow').getHours(); // 9
 * ```
 */
export function zonedDate(value: Instant | string, timeZone: string): TZDate {
  const epoch = Date.parse(value);
  const zoned = new TZDate(epoch, timeZone);
  if (Number.isNaN(epoch) || Number.isNaN(zoned.getHours())) {
    throw new RangeError(
      `Неверный момент «${value}» или часовой пояс «${timeZone}» / ` +
        `Invalid instant "${value}" or time zone "${timeZone}"`,
    );
  }
  return zoned;
}

/**
 * Schema of a weekly repetition of a calendar event (a specialist's regular hours): the ISO
 * weekdays it repeats on (1 = Monday … 7 = Sunday; `RRULE:FREQ=WEEKLY;BYDAY=…`), the last
 * moment it may start (`UNTIL`), and the starts of the occurrences left out, such as public
 * holidays (`EXDATE`). Occurrences keep the local time of the first one in the event's
 * zone, across changes to and from summer time.
 *
 * @example
 * ```ts
 * import { weeklyRecurrenceSchema } from '@eduset/core/schedule';
 * weeklyRecurrenceSchema.parse({
 *   weekdays: [1], until: '2026-06-01T00:00:00Z', exceptions: ['2026-05-11T06:00:00Z'],
 * });
 * ```
 */
export const weeklyRecurrenceSchema = z.object({
  weekdays: z
    .array(weekdaySchema)
    .min(1)
    .refine((days) => new Set(days).size === days.length, {
      params: { text: { ru: 'Дни недели повторяются', en: 'Weekdays are repeated' } },
    }),
  until: z.optional(instantSchema),
  exceptions: z.array(instantSchema).optional(),
});

/**
 * A weekly repetition of a calendar event.
 *
 * @example
 * ```ts
 * import { instant, type WeeklyRecurrence } from '@eduset/core/schedule';
 * const mondays: WeeklyRecurrence = { weekdays: [1], exceptions: [instant('2026-05-11T06:00:00Z')] };
 * ```
 */
export type WeeklyRecurrence = z.infer<typeof weeklyRecurrenceSchema>;

const UID_DOMAIN = /^[^\s@]+$/;

/**
 * Schema of the domain part of iCalendar UIDs (`b-1@eduset.udomlya.ru`): no spaces, no `@`.
 *
 * @example
 * ```ts
 * import { uidDomainSchema } from '@eduset/core/schedule';
 * uidDomainSchema.parse('eduset.udomlya.ru');
 * ```
 */
export const uidDomainSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((value) => UID_DOMAIN.test(value), {
    params: {
      text: {
        ru: 'Домен для UID: без пробелов и без «@», например eduset.udomlya.ru',
        en: 'UID domain: no spaces and no "@", such as eduset.udomlya.ru',
      },
    },
  });

/**
 * Schema of one calendar event as eduset exports it: a plain value that an iCalendar writer
 * (`renderICalendar` in `@eduset/adapters`) turns into a `VEVENT`. `uid` is stable for the
 * same booking or session, `sequence` grows on every change, `start`/`end` are instants
 * shown in `timeZone` (written with `TZID` and a `VTIMEZONE`), `lastModified` becomes
 * `DTSTAMP` and `LAST-MODIFIED`, so the same events always give the same file. An event with
 * a `recurrence` repeats weekly from its first occurrence `start`–`end`.
 *
 * @example
 * ```ts
 * import { calendarEventSchema } from '@eduset/core/schedule';
 * calendarEventSchema.parse({
 *   uid: 'b-1@eduset.udomlya.ru', sequence: 0, status: 'TENTATIVE',
 *   start: '2026-05-12T06:30:00Z', end: '2026-05-12T07:15:00Z', timeZone: 'Europe/Moscow',
 *   summary: 'Консультация логопеда', lastModified: '2026-05-11T09:10:00Z',
 * });
 * ```
 */
export const calendarEventSchema = z
  .object({
    uid: z.string().trim().min(1).max(1000),
    sequence: z.number().int().min(0),
    status: calendarEventStatusSchema,
    start: instantSchema,
    end: instantSchema,
    timeZone: timeZoneSchema,
    summary: z.string().trim().min(1).max(2000),
    location: z.string().trim().min(1).max(2000).optional(),
    description: z.string().trim().min(1).max(20000).optional(),
    lastModified: instantSchema,
    recurrence: weeklyRecurrenceSchema.optional(),
  })
  .refine((event) => event.start < event.end, {
    path: ['end'],
    params: {
      text: {
        ru: 'Конец события должен быть позже начала',
        en: 'The end of the event must be after its start',
      },
    },
  });

/**
 * One calendar event (a booked consultation or a session of a site's schedule), ready to be
 * written as an iCalendar `VEVENT`.
 *
 * @example
 * ```ts
 * import { instant, type CalendarEvent } from '@eduset/core/schedule';
 * const event: CalendarEvent = {
 *   uid: 'b-1@eduset.udomlya.ru', sequence: 1, status: 'CONFIRMED',
 *   start: instant('2026-05-12T06:30:00Z'), end: instant('2026-05-12T07:15:00Z'),
 *   timeZone: 'Europe/Moscow', summary: 'Консультация логопеда',
 *   lastModified: instant('2026-05-11T10:00:00Z'),
 * };
 * ```
 */
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

/**
 * The iCalendar status of a booking: a request is `TENTATIVE`; a confirmed booking, and one
 * that took place or was missed, is `CONFIRMED`; a cancelled one is `CANCELLED`.
 *
 * @example
 * ```ts
 * import { calendarStatusOf } from '@eduset/core/schedule';
 * calendarStatusOf('cancelled-by-parent'); // 'CANCELLED'
 * ```
 */
export function calendarStatusOf(status: BookingStatus): CalendarEventStatus {
  switch (status) {
    case 'requested':
      return 'TENTATIVE';
    case 'confirmed':
    case 'attended':
    case 'no-show':
      return 'CONFIRMED';
    case 'cancelled-by-parent':
    case 'cancelled-by-site':
      return 'CANCELLED';
  }
}

const bookingEventOptionsSchema = z.object({
  uidDomain: uidDomainSchema,
  timeZone: timeZoneSchema,
  summary: z.string().trim().min(1).max(2000),
  location: z.string().trim().min(1).max(2000).optional(),
  description: z.string().trim().min(1).max(20000).optional(),
});

/**
 * Options of {@link bookingCalendarEvent}: the domain of UIDs, the zone the event is shown
 * in (the site's zone), and the text of the event.
 *
 * @example
 * ```ts
 * import type { BookingCalendarEventOptions } from '@eduset/core/schedule';
 * const options: BookingCalendarEventOptions = {
 *   uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow',
 *   summary: 'Консультация педагога-психолога', location: 'Детский сад «Теремок»',
 * };
 * ```
 */
export interface BookingCalendarEventOptions {
  /** Domain part of the UID: `${booking.id}@${uidDomain}`. */
  readonly uidDomain: string;
  /** IANA zone the times are written in (the site's zone). */
  readonly timeZone: string;
  /** Title of the event (`SUMMARY`). */
  readonly summary: string;
  /** Where it takes place (`LOCATION`). */
  readonly location?: string;
  /** Free text (`DESCRIPTION`), e.g. how to cancel. */
  readonly description?: string;
}

/**
 * A booking as a calendar event for the parent's calendar: UID `${booking.id}@${uidDomain}`
 * (the same for every version of the booking), `SEQUENCE` = `booking.sequence` (it grows on
 * every confirmation, cancellation and reschedule), the status from the booking's status
 * (`CANCELLED` after a cancellation) and `lastModified` = `booking.updatedAt`. Nothing of
 * the parent's contact goes into the event unless the caller puts it in the text.
 *
 * @throws ValidationError when an option is invalid (an unknown zone, an empty summary, a
 * UID domain with spaces or `@`).
 * @example
 * ```ts
 * import { bookingCalendarEvent, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking; // id 'b-1', 06:30Z–07:15Z, sequence 2, cancelled by the parent
 * const event = bookingCalendarEvent(booking, {
 *   uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow', summary: 'Консультация логопеда',
 * });
 * event.uid; // 'b-1@eduset.udomlya.ru'
 * event.status; // 'CANCELLED'
 * ```
 */
export function bookingCalendarEvent(
  booking: Pick<Booking, 'id' | 'sequence' | 'status' | 'start' | 'end' | 'updatedAt'>,
  options: BookingCalendarEventOptions,
): CalendarEvent {
  const checked = parse(bookingEventOptionsSchema, options);
  return parse(calendarEventSchema, {
    uid: `${booking.id}@${checked.uidDomain}`,
    sequence: booking.sequence,
    status: calendarStatusOf(booking.status),
    start: booking.start,
    end: booking.end,
    timeZone: checked.timeZone,
    summary: checked.summary,
    location: checked.location,
    description: checked.description,
    lastModified: booking.updatedAt,
  });
}

/**
 * One session of a site's schedule as the schedule feed shows it: a specialist's time for a
 * service at a site, with how many bookings and seats it holds, and no personal data.
 *
 * @example
 * ```ts
 * import type { ConsultationSession } from '@eduset/core/schedule';
 * declare const session: ConsultationSession;
 * `${session.specialistId} ${session.start}: ${session.seatsTaken}`;
 * ```
 */
export interface ConsultationSession {
  readonly siteId: string;
  readonly specialistId: string;
  readonly serviceId: string;
  readonly start: Instant;
  readonly end: Instant;
  /** Active bookings of the session (requested, confirmed, attended, no-show). */
  readonly activeBookings: number;
  /** Seats those active bookings take. */
  readonly seatsTaken: number;
  /** The status the session has in the calendar. */
  readonly status: CalendarEventStatus;
}

/**
 * A text of a session event: fixed, or made from the session (e.g. the service's and the
 * specialist's names looked up in the network).
 *
 * @example
 * ```ts
 * import type { SessionText } from '@eduset/core/schedule';
 * const summary: SessionText = (session) => `Консультация (${session.serviceId})`;
 * ```
 */
export type SessionText = string | ((session: ConsultationSession) => string | undefined);

/**
 * Options of {@link sessionCalendarEvents}.
 *
 * @example
 * ```ts
 * import type { SessionCalendarEventsOptions } from '@eduset/core/schedule';
 * const options: SessionCalendarEventsOptions = {
 *   uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow', siteId: 'kp-teremok',
 *   summary: (session) => `Консультация: ${session.serviceId}`,
 * };
 * ```
 */
export interface SessionCalendarEventsOptions {
  /** Domain part of the UIDs. */
  readonly uidDomain: string;
  /** IANA zone the times are written in (the site's zone). */
  readonly timeZone: string;
  /** Only bookings at this site (all bookings given when absent). */
  readonly siteId?: string;
  /** Title of each event (`SUMMARY`). */
  readonly summary: SessionText;
  /** Where (`LOCATION`). */
  readonly location?: SessionText;
  /**
   * Free text (`DESCRIPTION`); by default the number of bookings and seats taken, in
   * Russian and English.
   */
  readonly description?: SessionText;
  /** Keep sessions whose bookings were all cancelled, as `CANCELLED` events (default `true`). */
  readonly includeCancelled?: boolean;
}

const sessionOptionsSchema = z.object({
  uidDomain: uidDomainSchema,
  timeZone: timeZoneSchema,
  siteId: z.string().trim().min(1).optional(),
  includeCancelled: z.boolean().default(true),
});

function compactInstant(value: Instant): string {
  // 2026-05-12T06:30:00.000Z → 20260512T063000Z
  return `${value.slice(0, 4)}${value.slice(5, 7)}${value.slice(8, 13)}${value.slice(14, 16)}${value.slice(17, 19)}Z`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function textOf(text: SessionText | undefined, session: ConsultationSession): string | undefined {
  if (text === undefined) return undefined;
  const value = typeof text === 'string' ? text : text(session);
  return value === undefined || value.trim() === '' ? undefined : value;
}

function defaultDescription(session: ConsultationSession): string | undefined {
  if (session.activeBookings === 0) return 'Все записи отменены / All bookings were cancelled';
  return (
    `Записей: ${String(session.activeBookings)}, занято мест: ${String(session.seatsTaken)} / ` +
    `Bookings: ${String(session.activeBookings)}, seats taken: ${String(session.seatsTaken)}`
  );
}

/**
 * A site's booked consultations as calendar events for its schedule feed
 * (`/api/schedule.ics?site=…`), with no personal data: the bookings of one specialist for
 * one service at one site with the same start and end form one session (a lekoteka group
 * holds several), and each session is one event.
 *
 * - UID `session/<site>/<specialist>/<service>/<start>/<end>@<uidDomain>`, the same for the
 *   session whatever happens to its bookings.
 * - Status `CONFIRMED` when a booking of the session is confirmed (or took place, or was
 *   missed), else `TENTATIVE` when one is requested, else `CANCELLED` (every booking was
 *   cancelled; left out when `includeCancelled` is `false`).
 * - `SEQUENCE` is the sum of `booking.sequence + 1` over the session's bookings, minus one:
 *   it grows when a booking joins the session and on every change of one of them.
 * - `lastModified` is the latest `updatedAt` of its bookings.
 *
 * Events are ordered by start, then UID; the result does not depend on the order of the
 * bookings. Only identifiers, times and counts reach the texts' callbacks.
 *
 * @throws ValidationError when an option is invalid.
 * @example
 * ```ts
 * import { sessionCalendarEvents, type Booking } from '@eduset/core/schedule';
 * declare const bookings: Booking[];
 * const events = sessionCalendarEvents(bookings, {
 *   uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow', siteId: 'lekoteka-1',
 *   summary: 'Лекотека: игровой сеанс',
 * });
 * events.map((event) => event.uid);
 * ```
 */
export function sessionCalendarEvents(
  bookings: readonly Booking[],
  options: SessionCalendarEventsOptions,
): CalendarEvent[] {
  const checked = parse(sessionOptionsSchema, {
    uidDomain: options.uidDomain,
    timeZone: options.timeZone,
    siteId: options.siteId,
    includeCancelled: options.includeCancelled,
  });
  const groups = new Map<string, Booking[]>();
  for (const booking of bookings) {
    if (checked.siteId !== undefined && booking.siteId !== checked.siteId) continue;
    const key = [
      booking.siteId,
      booking.specialistId,
      booking.serviceId,
      compactInstant(booking.start),
      compactInstant(booking.end),
    ].join('/');
    const list = groups.get(key) ?? [];
    list.push(booking);
    groups.set(key, list);
  }

  const events: CalendarEvent[] = [];
  for (const [key, list] of groups) {
    const first = list[0];
    if (first === undefined) continue;
    const active = list.filter((booking) => calendarStatusOf(booking.status) !== 'CANCELLED');
    const status: CalendarEventStatus = active.some(
      (booking) => calendarStatusOf(booking.status) === 'CONFIRMED',
    )
      ? 'CONFIRMED'
      : active.length > 0
        ? 'TENTATIVE'
        : 'CANCELLED';
    if (status === 'CANCELLED' && !checked.includeCancelled) continue;
    const session: ConsultationSession = {
      siteId: first.siteId,
      specialistId: first.specialistId,
      serviceId: first.serviceId,
      start: first.start,
      end: first.end,
      activeBookings: active.length,
      seatsTaken: active.reduce((sum, booking) => sum + booking.seats, 0),
      status,
    };
    const lastModified = list.reduce(
      (latest, booking) => (booking.updatedAt > latest ? booking.updatedAt : latest),
      first.updatedAt,
    );
    events.push(
      parse(calendarEventSchema, {
        uid: `session/${key}@${checked.uidDomain}`,
        sequence: list.reduce((sum, booking) => sum + booking.sequence + 1, 0) - 1,
        status,
        start: session.start,
        end: session.end,
        timeZone: checked.timeZone,
        summary: textOf(options.summary, session),
        location: textOf(options.location, session),
        description:
          options.description === undefined
            ? defaultDescription(session)
            : textOf(options.description, session),
        lastModified,
      }),
    );
  }
  return events.sort((a, b) => compareText(a.start, b.start) || compareText(a.uid, b.uid));
}
