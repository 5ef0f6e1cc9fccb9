import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../common/index.js';
import {
  busyWithoutBooking,
  instant,
  moveBookingBodySchema,
  staffCancelBookingBodySchema,
  staffMoveBookingBodySchema,
  viewBookingBodySchema,
  type BusyInterval,
  type Instant,
} from './index.js';

const MINUTE = 60_000;
const base = Date.parse('2026-12-01T06:00:00.000Z');
const at = (minutes: number): Instant => instant(new Date(base + minutes * MINUTE));

const interval = fc
  .record({
    specialist: fc.constantFrom('psy-1', 'psy-2'),
    site: fc.constantFrom('kp-a', 'kp-b'),
    service: fc.constantFrom('speech', 'play'),
    start: fc.integer({ min: 0, max: 6 }).map((slot) => slot * 60),
    length: fc.constantFrom(45, 60),
    seats: fc.integer({ min: 1, max: 8 }),
  })
  .map((r): BusyInterval => ({
    specialistId: r.specialist,
    siteId: r.site,
    serviceId: r.service,
    start: at(r.start),
    end: at(r.start + r.length),
    seats: r.seats,
  }));

const totalSeats = (busy: readonly BusyInterval[]) =>
  busy.reduce((sum, entry) => sum + entry.seats, 0);

describe('busyWithoutBooking', () => {
  it("takes exactly the booking's seats off its own session, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 12 }),
        interval,
        fc.integer({ min: 1, max: 8 }),
        (busy, session, seats) => {
          const booking = { ...session, serviceId: session.serviceId ?? 'speech', seats };
          const before = structuredClone(busy);
          const after = busyWithoutBooking(busy, booking);
          // The input is not changed.
          expect(busy).toEqual(before);
          const same = (entry: BusyInterval) =>
            entry.specialistId === booking.specialistId &&
            entry.siteId === booking.siteId &&
            entry.serviceId === booking.serviceId &&
            entry.start === booking.start &&
            entry.end === booking.end;
          const held = totalSeats(busy.filter(same));
          expect(totalSeats(after)).toBe(totalSeats(busy) - Math.min(held, seats));
          // Other sessions are untouched, in order; no session is left with no seat.
          expect(after.filter((entry) => !same(entry))).toEqual(busy.filter((e) => !same(e)));
          expect(after.every((entry) => entry.seats >= 1)).toBe(true);
        },
      ),
    );
  });

  it('drops an individual session and keeps a group session with the other seats', () => {
    const booking = {
      specialistId: 'psy-1',
      siteId: 'kp-a',
      serviceId: 'play',
      start: at(0),
      end: at(60),
      seats: 2,
    };
    expect(busyWithoutBooking([{ ...booking, seats: 5 }], booking)).toEqual([
      { ...booking, seats: 3 },
    ]);
    expect(busyWithoutBooking([{ ...booking, seats: 2 }], booking)).toEqual([]);
  });
});

describe('the contracts of changing a booking', () => {
  it('read the token from the body and refuse unknown fields, in Russian and English', () => {
    expect(parse(viewBookingBodySchema, { token: ' abc ' })).toEqual({ token: 'abc' });
    expect(() => parse(viewBookingBodySchema, { token: 'abc', extra: 1 })).toThrow();
    expect(
      parse(moveBookingBodySchema, {
        token: 't',
        start: '2026-12-02T06:00:00Z',
        end: '2026-12-02T06:45:00Z',
      }).start,
    ).toBe('2026-12-02T06:00:00.000Z');
    expect(() => parse(moveBookingBodySchema, { token: 't', start: 'tomorrow' })).toThrow();
    expect(() => parse(staffCancelBookingBodySchema, {})).toThrow();
    expect(parse(staffCancelBookingBodySchema, { reason: ' Болезнь ' })).toEqual({
      reason: 'Болезнь',
    });
    expect(() => parse(staffCancelBookingBodySchema, { reason: '' })).toThrow();
    expect(
      parse(staffMoveBookingBodySchema, {
        start: '2026-12-02T06:00:00Z',
        end: '2026-12-02T06:45:00Z',
        reason: 'По просьбе мамы',
      }).reason,
    ).toBe('По просьбе мамы');
  });
});
