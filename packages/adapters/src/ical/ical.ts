import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import {
  calendarEventSchema,
  parse,
  timeZoneSchema,
  type CalendarEvent,
  type CalendarEventStatus,
  zonedDate,
} from '@eduset/core';
import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalRepeatingOptions,
} from 'ical-generator';
import { z } from 'zod';

/**
 * Options of {@link renderICalendar}.
 *
 * @example
 * ```ts
 * import type { RenderICalendarOptions } from '@eduset/adapters';
 * const options: RenderICalendarOptions = {
 *   name: 'Консультации: детский сад «Теремок»', timeZone: 'Europe/Moscow',
 * };
 * ```
 */
export interface RenderICalendarOptions {
  /** Name of the calendar (`NAME`, `X-WR-CALNAME`), as a calendar app shows it. */
  readonly name: string;
  /** The calendar's own IANA zone (`X-WR-TIMEZONE`), usually the site's zone. */
  readonly timeZone: string;
  /** The full `PRODID`, starting with `-//`; `-//eduset//eduset//RU` by default. */
  readonly prodId?: string;
}

/** The PRODID eduset writes unless told otherwise. */
const DEFAULT_PROD_ID = '-//eduset//eduset//RU';

/** Whether a text holds a control character (a line break would end the content line). */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const optionsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((value) => !hasControlCharacter(value), {
      params: {
        text: {
          ru: 'Название календаря не должно содержать управляющих символов и переводов строк',
          en: 'The calendar name must not contain control characters or line breaks',
        },
      },
    }),
  timeZone: timeZoneSchema,
  prodId: z
    .string()
    .refine((value) => /^-\/\/.{1,200}$/u.test(value) && !hasControlCharacter(value), {
      params: {
        text: {
          ru: 'PRODID начинается с «-//», например -//eduset//eduset//RU',
          en: 'PRODID starts with "-//", such as -//eduset//eduset//RU',
        },
      },
    })
    .default(DEFAULT_PROD_ID),
});

const eventsSchema = z.array(calendarEventSchema);

const statuses: Readonly<Record<CalendarEventStatus, ICalEventStatus>> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** ISO weekdays 1 (Monday) … 7 (Sunday) as iCalendar `BYDAY` values. */
const weekdays: readonly ICalWeekday[] = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

function repeatingOf(
  recurrence: NonNullable<CalendarEvent['recurrence']>,
  timeZone: string | null,
): ICalRepeatingOptions {
  const exceptions = [...(recurrence.exceptions ?? [])].sort();
  return {
    freq: ICalEventRepeatingFreq.WEEKLY,
    byDay: [...new Set(recurrence.weekdays)]
      .sort((a, b) => a - b)
      .map((day) => weekdays[day - 1] ?? ICalWeekday.MO),
    // UNTIL is written in UTC, as RFC 5545 requires with a TZID start.
    ...(recurrence.until === undefined ? {} : { until: new Date(recurrence.until) }),
    ...(exceptions.length === 0
      ? {}
      : {
          exclude: exceptions.map((start) =>
            timeZone === null ? new Date(start) : zonedDate(start, timeZone),
          ),
        }),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock reading of `epoch` in `timeZone`, as the epoch milliseconds of the same
 * reading in UTC (whole seconds, as iCalendar writes them).
 */
function wallClock(epoch: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

const HOUR = 3_600_000;

/**
 * Whether `@touch4it/ical-timezones` has a VTIMEZONE for the zone: a `TZID` without its
 * VTIMEZONE is invalid, so events in a zone it lacks are written in UTC.
 */
function knowsZone(timeZone: string): boolean {
  return timeZone !== 'UTC' && vtimezoneOf(timeZone) !== null;
}

const vtimezones = new Map<string, string | null>();

/**
 * The VTIMEZONE of a zone from `@touch4it/ical-timezones`, read once per zone: it reads a
 * file on every call, and every message to a parent carries a calendar file (measured: most
 * of the time of writing one).
 */
function vtimezoneOf(timeZone: string): string | null {
  let component = vtimezones.get(timeZone);
  if (component === undefined) {
    component = getVtimezoneComponent(timeZone);
    vtimezones.set(timeZone, component);
  }
  return component;
}

/**
 * Whether a `TZID` local time names `epoch` without doubt: RFC 5545 reads a local time that
 * happens twice (the hour repeated when clocks go back) as its first occurrence, so the
 * second occurrence cannot be written with `TZID`.
 */
function localTimeIsExact(epoch: number, timeZone: string): boolean {
  const wall = wallClock(epoch, timeZone);
  const offset = wall - Math.floor(epoch / 1000) * 1000;
  const offsetAt = (at: number): number => wallClock(at, timeZone) - Math.floor(at / 1000) * 1000;
  // Fast path: the same offset two days before and after, so no change of offset near by.
  if (offsetAt(epoch - 48 * HOUR) === offset && offsetAt(epoch + 48 * HOUR) === offset) return true;
  for (const shift of [-48, -24, -12, -6, -3, -2, -1, 1, 2, 3, 6, 12, 24, 48]) {
    const other = offsetAt(epoch + shift * HOUR);
    if (other <= offset) continue;
    // An earlier instant with a larger offset would show the same wall-clock time.
    const earlier = wall - other;
    if (earlier < epoch && wallClock(earlier, timeZone) === wall) return false;
  }
  return true;
}

/**
 * Writes calendar events as one iCalendar file (RFC 5545) with `ical-generator`, for a
 * parent's booking (`/api/bookings/:id.ics`) or a site's schedule feed
 * (`/api/schedule.ics`):
 *
 * - one `VTIMEZONE` per zone the events use, from `@touch4it/ical-timezones` (a zone with
 *   summer time gets `STANDARD` and `DAYLIGHT` rules);
 * - `DTSTART`/`DTEND` as local times with `TZID` in each event's zone; in UTC only for the
 *   second run of an hour repeated when clocks go back (which `TZID` cannot name) and for a
 *   zone `@touch4it/ical-timezones` has no VTIMEZONE for;
 * - `UID`, `SEQUENCE`, `STATUS`, `SUMMARY`, `LOCATION`, `DESCRIPTION` escaped and folded at
 *   75 octets without splitting a UTF-8 character; `DTSTAMP` and `LAST-MODIFIED` from the
 *   event's `lastModified`; `METHOD:PUBLISH`; `X-WR-TIMEZONE` from `timeZone`;
 * - for a weekly `recurrence`: `RRULE:FREQ=WEEKLY;BYDAY=…` (with `UNTIL` in UTC) and one
 *   `EXDATE` in the event's zone listing the left-out occurrences.
 *
 * Nothing reads the clock or the machine's zone: the same events and options always give
 * the same text, byte for byte. Lines end with CRLF.
 *
 * @throws ValidationError when an event or an option is invalid (every problem listed).
 * @example
 * ```ts
 * import { renderICalendar } from '@eduset/adapters';
 * import { bookingCalendarEvent, type Booking } from '@eduset/core';
 * declare const booking: Booking;
 * const event = bookingCalendarEvent(booking, {
 *   uidDomain: 'eduset.udomlya.ru', timeZone: 'Europe/Moscow', summary: 'Консультация логопеда',
 * });
 * const text = renderICalendar([event], { name: 'Запись на консультацию', timeZone: 'Europe/Moscow' });
 * // BEGIN:VCALENDAR … DTSTART;TZID=Europe/Moscow:20260512T093000 … END:VCALENDAR
 * ```
 */
export function renderICalendar(
  events: readonly CalendarEvent[],
  options: RenderICalendarOptions,
): string {
  const checkedOptions = parse(optionsSchema, options);
  const checkedEvents = parse(eventsSchema, events);

  const calendar = ical({
    prodId: checkedOptions.prodId.slice(1),
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator 10 writes NAME and X-WR-CALNAME as given: escape the TEXT value here.
    name: escapeText(checkedOptions.name),
    // No calendar zone: with one, ical-generator would write DTSTAMP and LAST-MODIFIED as
    // local times of the machine's zone. Without it they are UTC; VTIMEZONEs come from the
    // events' zones.
    timezone: { name: null, generator: vtimezoneOf },
    x: [['X-WR-TIMEZONE', checkedOptions.timeZone]],
  });

  for (const event of checkedEvents) {
    const start = Date.parse(event.start);
    const end = Date.parse(event.end);
    const zoned =
      knowsZone(event.timeZone) &&
      localTimeIsExact(start, event.timeZone) &&
      localTimeIsExact(end, event.timeZone);
    const lastModified = new Date(event.lastModified);
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      status: statuses[event.status],
      // With a zone, ical-generator 10 reads a plain Date's fields in the machine's zone; a
      // zoned date (TZDate) is read in the event's zone instead. Without one it writes UTC.
      start: zoned ? zonedDate(event.start, event.timeZone) : new Date(start),
      end: zoned ? zonedDate(event.end, event.timeZone) : new Date(end),
      timezone: zoned ? event.timeZone : null,
      summary: event.summary,
      location: event.location ?? null,
      description: event.description ?? null,
      stamp: lastModified,
      lastModified,
      repeating:
        event.recurrence === undefined
          ? null
          : repeatingOf(event.recurrence, zoned ? event.timeZone : null),
    });
  }
  const text = calendar.toString();
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator omits it.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** Escapes an iCalendar TEXT value (RFC 5545 §3.3.11). */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`);
}
