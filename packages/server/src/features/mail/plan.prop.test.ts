// The laws of the mail plan: when a reminder is due, and what a booking's changes call for.
import fc from 'fast-check';
import {
  cancelBooking,
  confirmBooking,
  instant,
  isActiveBooking,
  localDateTime,
  markAttended,
  parseBooking,
  rescheduleBooking,
  type Booking,
  type Instant,
} from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { bookingTimeAfter, planBookingMail, reminderDueAt } from './plan.js';

const zones = [
  'Europe/Moscow',
  'Europe/Kaliningrad',
  'Asia/Vladivostok',
  'America/New_York',
  'Europe/Warsaw',
] as const;
const minute = 60_000;
const day = 24 * 60 * minute;
const base = Date.parse('2026-01-01T00:00:00Z');

const at = (epoch: number): Instant => instant(new Date(epoch));
const timeText = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(
    ([hours, minutes]) => `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
  );
const someInstant = fc
  .integer({ min: 0, max: 3 * 365 * 96 })
  .map((quarter) => at(base + quarter * 15 * minute));

describe('reminderDueAt', () => {
  test('the day before the consultation (in the site’s zone), at the reminder time or just after a skipped hour', () => {
    fc.assert(
      fc.property(someInstant, timeText, fc.constantFrom(...zones), (start, time, zone) => {
        const due = reminderDueAt(start, time, zone);
        const local = localDateTime(due, zone);
        const startDate = localDateTime(start, zone).date;
        const before = new Date(Date.parse(`${startDate}T00:00:00Z`) - day)
          .toISOString()
          .slice(0, 10);
        expect(local.date).toBe(before);
        // The exact time, or (when the clocks jumped over it) within the hour after.
        if (local.time !== time) {
          const [h, m] = time.split(':').map(Number);
          const [lh, lm] = local.time.split(':').map(Number);
          const shift = (lh ?? 0) * 60 + (lm ?? 0) - ((h ?? 0) * 60 + (m ?? 0));
          expect(shift).toBeGreaterThan(0);
          expect(shift).toBeLessThanOrEqual(60);
        }
        expect(due < start).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

type Step = 'site-cancel' | 'parent-cancel' | 'site-move' | 'parent-move' | 'attend';

/** A booking made at `created`, then changed by the steps that are legal in turn. */
function bookingAfter(
  created: number,
  startOffset: number,
  steps: readonly Step[],
  email: boolean,
): Booking {
  const made = at(created);
  const start = at(created + startOffset);
  let booking = confirmBooking(
    parseBooking({
      id: 'b-1',
      specialistId: 'psy-1',
      siteId: 'kp-1',
      serviceId: 'consultation',
      start,
      end: at(Date.parse(start) + 45 * minute),
      status: 'requested',
      childAge: 4,
      contact: email
        ? { name: 'Анна', email: 'anna@example.org' }
        : { name: 'Анна', phone: '+79123456789' },
      personalDataConsent: true,
      createdAt: made,
      updatedAt: made,
    }),
    made,
    { by: 'system' },
  );
  let clock = created;
  for (const step of steps) {
    clock += 30 * minute;
    const now = at(clock);
    if (step === 'attend') {
      if (booking.status === 'confirmed') {
        const when = booking.start > now ? booking.start : now;
        clock = Math.max(clock, Date.parse(when));
        booking = markAttended(booking, when);
      }
    } else if (!isActiveBooking(booking)) {
      continue;
    } else if (step === 'site-cancel' || step === 'parent-cancel') {
      booking = cancelBooking(booking, step === 'site-cancel' ? 'site' : 'parent', now);
    } else {
      const moved = Date.parse(booking.start) + day;
      booking = rescheduleBooking(booking, at(moved), at(moved + 45 * minute), now, {
        by: step === 'site-move' ? 'site' : 'parent',
      });
    }
  }
  return booking;
}

const steps = fc.array(
  fc.constantFrom<Step>('site-cancel', 'parent-cancel', 'site-move', 'parent-move', 'attend'),
  { maxLength: 5 },
);

describe('planBookingMail', () => {
  test('keys are unique and name the booking; nothing without an e-mail; a confirmation only the first time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * day }),
        fc.integer({ min: 2 * day, max: 30 * day }),
        steps,
        fc.boolean(),
        fc.option(fc.nat({ max: 8 }), { nil: null }),
        fc.integer({ min: 0, max: 40 * day }),
        timeText,
        (offset, startOffset, changes, email, seenRaw, later, time) => {
          const booking = bookingAfter(base + offset, startOffset, changes, email);
          const now = at(Math.max(Date.parse(booking.updatedAt), base + offset + later));
          const mailedSequence = seenRaw === null ? null : Math.min(seenRaw, booking.sequence);
          const messages = planBookingMail(
            { networkId: 'town', booking, mailedSequence },
            { now, reminderTime: time, timeZoneOf: () => 'Europe/Moscow' },
          );
          if (!email) {
            expect(messages).toEqual([]);
            return;
          }
          const keys = messages.map((message) => message.dedupeKey);
          expect(new Set(keys).size).toBe(keys.length);
          for (const message of messages) {
            expect(message.bookingId).toBe(booking.id);
            expect(message.dedupeKey.startsWith(`${message.kind}:${booking.id}`)).toBe(true);
          }
          const kinds = messages.map((message) => message.kind);
          if (mailedSequence !== null) expect(kinds).not.toContain('confirmation');
          if (kinds.includes('reminder')) {
            expect(booking.status).toBe('confirmed');
            expect(booking.start > now).toBe(true);
          }
          if (kinds.includes('survey')) expect(booking.status).toBe('attended');
          // A change message only for the service's own moves and cancellations.
          const bySite = booking.history
            .slice(mailedSequence ?? 0)
            .some((entry) => entry.by === 'site' && entry.to !== 'attended');
          if (kinds.includes('change')) expect(bySite).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the time before a change, walked back through the moves, is the time it was booked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2 * day, max: 30 * day }), steps, (startOffset, changes) => {
        const booking = bookingAfter(base, startOffset, changes, true);
        expect(bookingTimeAfter(booking, 0).start).toBe(at(base + startOffset));
        expect(bookingTimeAfter(booking, booking.history.length)).toEqual({
          start: booking.start,
          end: booking.end,
        });
      }),
    );
  });
});
