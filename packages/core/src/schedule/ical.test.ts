import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import {
  bookingCalendarEvent,
  bookingStatuses,
  calendarEventSchema,
  calendarStatusOf,
  cancelBooking,
  confirmBooking,
  eraseContact,
  instant,
  parseBooking,
  rescheduleBooking,
  sessionCalendarEvents,
  type Booking,
  type BookingInput,
  weeklyRecurrenceSchema,
  zonedDate,
} from './index.js';

const created = '2026-05-11T09:10:00.000Z';

function booking(overrides: Partial<BookingInput> = {}): Booking {
  return parseBooking({
    id: 'b-1',
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'consultation',
    start: '2026-05-12T06:30:00Z',
    end: '2026-05-12T07:15:00Z',
    childAge: 4,
    contact: { name: 'Анна Петрова', phone: '8 (912) 345-67-89', email: 'anna@example.ru' },
    personalDataConsent: true,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  });
}

const bookingOptions = {
  uidDomain: 'eduset.udomlya.ru',
  timeZone: 'Europe/Moscow',
  summary: 'Консультация педагога-психолога',
  location: 'Детский сад «Теремок», ул. Ленина, 1',
};

describe('zonedDate', () => {
  it('reads calendar fields on the clock of the zone', () => {
    const moscow = zonedDate(instant('2026-05-12T06:30:00Z'), 'Europe/Moscow');
    expect([moscow.getFullYear(), moscow.getMonth(), moscow.getDate(), moscow.getHours()]).toEqual([
      2026, 4, 12, 9,
    ]);
    expect(moscow.getTime()).toBe(Date.parse('2026-05-12T06:30:00Z'));
    expect(zonedDate('2026-03-30T06:00:00.000Z', 'Europe/Warsaw').getHours()).toBe(8);
  });

  it('rejects an unknown zone or instant', () => {
    expect(() => zonedDate(instant('2026-05-12T06:30:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedDate('not a date', 'Europe/Moscow')).toThrow(RangeError);
  });
});

describe('calendarEventSchema', () => {
  const event = {
    uid: 'availability/psy-1@eduset.udomlya.ru',
    sequence: 0,
    status: 'CONFIRMED',
    start: '2026-05-04T06:00:00Z',
    end: '2026-05-04T09:00:00Z',
    timeZone: 'Europe/Moscow',
    summary: 'Приём педагога-психолога',
    lastModified: '2026-04-01T00:00:00Z',
  };

  it('takes a weekly recurrence with exceptions', () => {
    const parsed = calendarEventSchema.parse({
      ...event,
      recurrence: { weekdays: [1, 3], exceptions: ['2026-05-11T06:00:00Z'] },
    });
    expect(parsed.recurrence).toEqual({
      weekdays: [1, 3],
      exceptions: ['2026-05-11T06:00:00.000Z'],
    });
  });

  it('rejects an end before the start, repeated weekdays and weekday 8', () => {
    expect(calendarEventSchema.safeParse({ ...event, end: event.start }).success).toBe(false);
    expect(weeklyRecurrenceSchema.safeParse({ weekdays: [1, 1] }).success).toBe(false);
    expect(weeklyRecurrenceSchema.safeParse({ weekdays: [8] }).success).toBe(false);
    expect(weeklyRecurrenceSchema.safeParse({ weekdays: [] }).success).toBe(false);
  });
});

describe('calendarStatusOf', () => {
  it('maps every booking status', () => {
    expect(Object.fromEntries(bookingStatuses.map((s) => [s, calendarStatusOf(s)]))).toEqual({
      requested: 'TENTATIVE',
      confirmed: 'CONFIRMED',
      attended: 'CONFIRMED',
      'no-show': 'CONFIRMED',
      'cancelled-by-parent': 'CANCELLED',
      'cancelled-by-site': 'CANCELLED',
    });
  });
});

describe('bookingCalendarEvent', () => {
  it('makes a tentative event of a request with a stable UID', () => {
    const event = bookingCalendarEvent(booking(), bookingOptions);
    expect(event).toEqual({
      uid: 'b-1@eduset.udomlya.ru',
      sequence: 0,
      status: 'TENTATIVE',
      start: '2026-05-12T06:30:00.000Z',
      end: '2026-05-12T07:15:00.000Z',
      timeZone: 'Europe/Moscow',
      summary: 'Консультация педагога-психолога',
      location: 'Детский сад «Теремок», ул. Ленина, 1',
      lastModified: created,
    });
    expect(calendarEventSchema.safeParse(event).success).toBe(true);
  });

  it('keeps the UID and bumps SEQUENCE through confirmation, reschedule and cancellation', () => {
    const requested = booking();
    const confirmed = confirmBooking(requested, instant('2026-05-11T10:00:00Z'));
    const moved = rescheduleBooking(
      confirmed,
      instant('2026-05-13T06:30:00Z'),
      instant('2026-05-13T07:15:00Z'),
      instant('2026-05-11T11:00:00Z'),
    );
    const cancelled = cancelBooking(moved, 'parent', instant('2026-05-11T12:00:00Z'));
    const events = [requested, confirmed, moved, cancelled].map((b) =>
      bookingCalendarEvent(b, bookingOptions),
    );
    expect(new Set(events.map((e) => e.uid))).toEqual(new Set(['b-1@eduset.udomlya.ru']));
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2, 3]);
    expect(events.map((e) => e.status)).toEqual([
      'TENTATIVE',
      'CONFIRMED',
      'CONFIRMED',
      'CANCELLED',
    ]);
    expect(events[2]?.start).toBe('2026-05-13T06:30:00.000Z');
    expect(events[3]?.lastModified).toBe('2026-05-11T12:00:00.000Z');
  });

  it('carries no personal data of the parent', () => {
    const text = JSON.stringify(bookingCalendarEvent(booking(), bookingOptions));
    expect(text).not.toContain('Анна');
    expect(text).not.toContain('9123456789');
    expect(text).not.toContain('anna@');
  });

  it('works on an erased booking', () => {
    const erased = eraseContact(booking(), instant('2026-06-12T00:00:00Z'));
    const event = bookingCalendarEvent(erased, bookingOptions);
    expect(event.sequence).toBe(1);
    expect(event.lastModified).toBe('2026-06-12T00:00:00.000Z');
  });

  it('lists every problem of bad options', () => {
    let error: unknown;
    try {
      bookingCalendarEvent(booking(), {
        uidDomain: 'bad domain@x',
        timeZone: 'Mars/Olympus',
        summary: '  ',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['uidDomain', 'timeZone', 'summary']));
  });
});

describe('sessionCalendarEvents', () => {
  const lekoteka = (id: string, overrides: Partial<BookingInput> = {}) =>
    booking({
      id,
      siteId: 'lekoteka-1',
      specialistId: 'ped-smirnova',
      serviceId: 'play-session',
      start: '2026-05-12T07:00:00Z',
      end: '2026-05-12T08:00:00Z',
      ...overrides,
    });
  const options = {
    uidDomain: 'eduset.udomlya.ru',
    timeZone: 'Europe/Moscow',
    siteId: 'lekoteka-1',
    summary: (session: { serviceId: string }) => `Лекотека: ${session.serviceId}`,
  };

  it('groups the bookings of one session into one event without personal data', () => {
    const a = confirmBooking(lekoteka('b-1'), instant('2026-05-11T10:00:00Z'));
    const b = lekoteka('b-2', { seats: 2 });
    const other = booking({ id: 'b-3' }); // another site
    const events = sessionCalendarEvents([a, b, other], options);
    expect(events).toEqual([
      {
        uid: 'session/lekoteka-1/ped-smirnova/play-session/20260512T070000Z/20260512T080000Z@eduset.udomlya.ru',
        sequence: 2, // (1 + 1) + (0 + 1) - 1
        status: 'CONFIRMED',
        start: '2026-05-12T07:00:00.000Z',
        end: '2026-05-12T08:00:00.000Z',
        timeZone: 'Europe/Moscow',
        summary: 'Лекотека: play-session',
        description: 'Записей: 2, занято мест: 3 / Bookings: 2, seats taken: 3',
        lastModified: '2026-05-11T10:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Анна|912|anna@/);
  });

  it('does not depend on the order of the bookings and sorts by start', () => {
    const list = [
      lekoteka('b-1', { start: '2026-05-13T07:00:00Z', end: '2026-05-13T08:00:00Z' }),
      lekoteka('b-2'),
      lekoteka('b-3', { specialistId: 'ped-orlova' }),
    ];
    const forward = sessionCalendarEvents(list, options);
    expect(sessionCalendarEvents([...list].reverse(), options)).toEqual(forward);
    expect(forward.map((e) => e.start)).toEqual([
      '2026-05-12T07:00:00.000Z',
      '2026-05-12T07:00:00.000Z',
      '2026-05-13T07:00:00.000Z',
    ]);
    expect((forward[0]?.uid ?? '') < (forward[1]?.uid ?? '')).toBe(true);
  });

  it('keeps the UID, raises SEQUENCE and cancels a session whose bookings are all cancelled', () => {
    const requested = lekoteka('b-1');
    const before = sessionCalendarEvents([requested], options);
    const cancelled = cancelBooking(requested, 'parent', instant('2026-05-11T12:00:00Z'));
    const after = sessionCalendarEvents([cancelled], options);
    expect(before[0]?.status).toBe('TENTATIVE');
    expect(after[0]?.uid).toBe(before[0]?.uid);
    expect(after[0]?.sequence).toBe((before[0]?.sequence ?? 0) + 1);
    expect(after[0]?.status).toBe('CANCELLED');
    expect(after[0]?.description).toBe('Все записи отменены / All bookings were cancelled');
    expect(sessionCalendarEvents([cancelled], { ...options, includeCancelled: false })).toEqual([]);
    // Another parent joining raises the sequence too.
    const joined = sessionCalendarEvents([requested, lekoteka('b-2')], options);
    expect(joined[0]?.sequence).toBe((before[0]?.sequence ?? 0) + 1);
  });

  it('takes fixed texts and lists every site without siteId', () => {
    const events = sessionCalendarEvents([lekoteka('b-1'), booking({ id: 'b-2' })], {
      uidDomain: 'eduset.udomlya.ru',
      timeZone: 'Europe/Moscow',
      summary: 'Консультация',
      location: 'Удомля',
      description: () => undefined,
    });
    expect(events.map((e) => [e.summary, e.location, e.description])).toEqual([
      ['Консультация', 'Удомля', undefined],
      ['Консультация', 'Удомля', undefined],
    ]);
  });

  it('rejects bad options', () => {
    expect(() => sessionCalendarEvents([], { ...options, timeZone: 'Nowhere/City' })).toThrow(
      ValidationError,
    );
  });
});
