// The database keeps the same booking rules as core (migration 0014): random schedules —
// specialists at several sites in zones with and without daylight saving time, services with
// buffers, limits per day and week, groups, travel between sites, a cap per parent — and
// random sequences of bookings and cancellations of slots the schedule offers. Each booking
// stored by the database with core's `bookingGuardFor` must be exactly one core's
// `offeredSlot` offers over the busy time stored so far (with seats enough), within the
// parent's cap; each refused, one it does not. On PGlite (one in-memory database for all runs).
import fc from 'fast-check';
import {
  bookingGuardFor,
  createNetworkSchedule,
  defaultActivePerContact,
  freeSlots,
  instant,
  isActiveBooking,
  isEdusetError,
  offeredSlot,
  type NetworkSchedule,
  type NetworkScheduleInput,
  type Slot,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore, CreatedBooking } from '../src/storage/booking-store.js';
import { bookingStore } from '../src/storage/bookings.js';
import { openPglite, type Database } from '../src/storage/database.js';
import { migrate } from '../src/storage/migrations.js';
import { writeNetwork } from '../src/storage/network-rows.js';
import { smallNetwork } from './fixtures/network.js';

const NETWORK = 'test-town';
const zones = ['Europe/Moscow', 'Europe/Warsaw', 'Asia/Vladivostok'] as const;
const sites = ['site-a', 'site-b', 'site-c'] as const;
const specialists = ['sp-1', 'sp-2'] as const;
const services = ['svc-1', 'svc-2'] as const;
const contacts = [
  { name: 'Анна', phone: '+79120000001' },
  { name: 'Анна', email: 'anna@example.org' },
  { name: 'Анна', phone: '8 912 000-00-01', email: 'ANNA@example.org' },
  { name: 'Борис', email: 'boris@example.org' },
] as const;
/** Now, and the slots' days: across a week boundary and Warsaw's change to summer time. */
const now = instant('2026-03-20T00:00:00Z');
const from = '2026-03-27';
const to = '2026-04-01';

const minutes = (max: number) => fc.integer({ min: 0, max: max / 5 }).map((n) => n * 5);

const serviceRules = (serviceId: string) =>
  fc.record({
    serviceId: fc.constant(serviceId),
    duration: fc.constantFrom(30, 45, 60),
    step: fc.constantFrom(15, 30),
    bufferBefore: minutes(20),
    bufferAfter: minutes(20),
    seats: fc.constantFrom(1, 1, 2, 3),
    limits: fc.record(
      {
        perDay: fc.integer({ min: 0, max: 4 }),
        perWeek: fc.integer({ min: 1, max: 6 }),
        perContact: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: [] },
    ),
  });

const scheduleArbitrary: fc.Arbitrary<NetworkSchedule> = fc
  .record({
    places: fc.uniqueArray(
      fc.record({
        specialistId: fc.constantFrom(...specialists),
        siteId: fc.constantFrom(...sites),
        serviceId: fc.constantFrom(...services),
        timeZone: fc.constantFrom(...zones),
        start: fc.integer({ min: 8, max: 12 }),
      }),
      {
        minLength: 1,
        maxLength: 5,
        selector: (place) => `${place.specialistId} ${place.siteId} ${place.serviceId}`,
      },
    ),
    rules: fc.tuple(serviceRules('svc-1'), serviceRules('svc-2')),
    travel: fc.array(
      fc.record({
        fromSiteId: fc.constantFrom(...sites),
        toSiteId: fc.constantFrom(...sites),
        minutes: minutes(60),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ places, rules, travel }) => {
    const input: NetworkScheduleInput = {
      networkId: NETWORK,
      availabilities: places.map((place) => ({
        specialistId: place.specialistId,
        siteId: place.siteId,
        serviceId: place.serviceId,
        timeZone: place.timeZone,
        rules: [
          {
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            start: `${String(place.start).padStart(2, '0')}:00`,
            end: `${String(place.start + 4).padStart(2, '0')}:00`,
          },
        ],
      })),
      bookingRules: [...rules],
      travel: travel.filter((entry) => entry.fromSiteId !== entry.toSiteId),
    };
    return createNetworkSchedule(input);
  });

/** What happens next: a booking of the `slot`-th offered slot, or a cancellation. */
type Step =
  | {
      readonly kind: 'book';
      readonly slot: number;
      readonly seats: number;
      readonly contact: number;
    }
  | { readonly kind: 'cancel'; readonly booking: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      slot: fc.nat(),
      seats: fc.constantFrom(1, 1, 1, 2),
      contact: fc.nat(contacts.length - 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), booking: fc.nat() }) },
);

/** Whether a contact and a stored booking's contact are one parent (phone, or e-mail in any case). */
function sameParent(
  a: { readonly phone?: string; readonly email?: string },
  b: { readonly phone?: string | undefined; readonly email?: string | undefined },
): boolean {
  const phone = (value: string | undefined) =>
    value === undefined ? undefined : `+7${value.replace(/\D/g, '').slice(-10)}`;
  return (
    (a.phone !== undefined && phone(a.phone) === phone(b.phone)) ||
    (a.email !== undefined && a.email.toLowerCase() === b.email?.toLowerCase())
  );
}

describe('the database keeps the booking rules as core reads them (PGlite)', () => {
  let database: Database;
  let store: BookingStore;

  beforeAll(async () => {
    database = await openPglite('memory://');
    await migrate(database);
    await database.transaction((session) => writeNetwork(session, smallNetwork()));
    store = bookingStore(database);
  });

  afterAll(async () => {
    await database?.close();
  });

  test('random bookings and cancellations: stored exactly when core offers the slot', async () => {
    let runs = 0;
    let accepted = 0;
    let refused = 0;
    const reasons = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        scheduleArbitrary,
        fc.array(stepArbitrary, { minLength: 5, maxLength: 25 }),
        async (schedule, steps) => {
          runs += 1;
          await database.exec('DELETE FROM bookings; DELETE FROM booking_sessions;');
          const offered: Slot[] = services.flatMap((serviceId) =>
            freeSlots(schedule, { serviceId, from, to }, now, []),
          );
          fc.pre(offered.length > 0);
          const made: CreatedBooking[] = [];
          for (const step of steps) {
            if (step.kind === 'cancel') {
              const created = made[step.booking % Math.max(1, made.length)];
              if (created === undefined) continue;
              await store
                .cancelBooking(NETWORK, created.booking.id, created.cancelToken, now)
                .catch((error: unknown) => {
                  // Cancelled twice: the second is refused, as core's transitions say.
                  expect(error).toMatchObject({ reason: 'illegal-transition' });
                });
              continue;
            }
            const slot = offered[step.slot % offered.length];
            if (slot === undefined) continue;
            const contact = contacts[step.contact] ?? contacts[0];
            const busy = await store.busyIntervals(NETWORK, { from: undefined, to: undefined });
            const coreSlot = offeredSlot(schedule, slot, now, busy);
            const rules = schedule.bookingRules.find((entry) => entry.serviceId === slot.serviceId);
            const cap = rules?.limits.perContact ?? defaultActivePerContact;
            const held = (await store.listBookings(NETWORK)).filter(
              (booking) =>
                isActiveBooking(booking) &&
                booking.serviceId === slot.serviceId &&
                booking.start > now &&
                sameParent(contact, booking.contact),
            ).length;
            const coreSays =
              coreSlot !== undefined && coreSlot.seatsLeft >= step.seats && held < cap;
            const guard = bookingGuardFor(schedule, slot);
            let stored: CreatedBooking | undefined;
            let reason: unknown;
            try {
              stored = await store.createBooking(
                NETWORK,
                {
                  specialistId: slot.specialistId,
                  siteId: slot.siteId,
                  serviceId: slot.serviceId,
                  start: slot.start,
                  end: slot.end,
                  seats: step.seats,
                  capacity: rules?.seats ?? 1,
                  childAge: 5,
                  contact,
                  personalDataConsent: true,
                  ...(guard !== undefined ? { guard } : {}),
                },
                now,
              );
            } catch (error) {
              if (!isEdusetError(error)) throw error;
              reason = error;
              reasons.add((error as { reason?: string }).reason ?? error._tag);
            }
            const context = JSON.stringify({ slot, seats: step.seats, busy, held, cap, reason });
            expect(stored !== undefined, context).toBe(coreSays);
            if (stored !== undefined) {
              made.push(stored);
              accepted += 1;
            } else {
              refused += 1;
            }
          }
        },
      ),
      { numRuns: 60 },
    );
    // The runs really exercised both outcomes.
    expect(runs).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
    // …and several of the rules (of overlap, no-seats, too-close, limit-per-day,
    // limit-per-week, contact-limit: all six in a typical run).
    expect(reasons.size, [...reasons].join(' ')).toBeGreaterThanOrEqual(4);
  });
});
