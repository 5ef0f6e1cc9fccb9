import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, compareSchoolYears } from '../common/index.js';
import { siteIdSchema, siteKinds, type Site, type SiteKind } from '../network/index.js';
import {
  bookingActors,
  bookingStatuses,
  cancelBooking,
  canTransition,
  confirmBooking,
  countConsultations,
  eraseContact,
  instant,
  isActiveBooking,
  markAttended,
  markNoShow,
  parseBooking,
  rescheduleBooking,
  schoolYearOfInstant,
  type Booking,
  type BookingActor,
  type BookingStatus,
  type Instant,
} from './index.js';

const MINUTE = 60_000;
const base = Date.parse('2026-05-12T06:00:00.000Z');
const at = (minutes: number): Instant => instant(new Date(base + minutes * MINUTE));

function requested(): Booking {
  return parseBooking({
    id: 'b-1',
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'consultation',
    start: at(0),
    end: at(45),
    childAge: 3,
    contact: { name: 'Анна', phone: '+7 912 345-67-89', email: 'anna@example.org' },
    personalDataConsent: true,
    createdAt: at(-24 * 60),
    updatedAt: at(-24 * 60),
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

type Operation =
  | { kind: 'confirm'; now: number; by: BookingActor }
  | { kind: 'cancel'; now: number; by: BookingActor; reason?: string }
  | { kind: 'attended'; now: number }
  | { kind: 'no-show'; now: number }
  | { kind: 'reschedule'; now: number; start: number; length: number }
  | { kind: 'erase'; now: number };

/** Minutes the clock moves before an operation: mostly forward, sometimes a little back. */
const nowArbitrary = fc.integer({ min: -30, max: 12 * 60 });
const actorArbitrary = fc.constantFrom(...bookingActors);
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('confirm' as const), now: nowArbitrary, by: actorArbitrary }),
  fc.record(
    {
      kind: fc.constant('cancel' as const),
      now: nowArbitrary,
      by: actorArbitrary,
      reason: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ['kind', 'now', 'by'] },
  ),
  fc.record({ kind: fc.constant('attended' as const), now: nowArbitrary }),
  fc.record({ kind: fc.constant('no-show' as const), now: nowArbitrary }),
  fc.record({
    kind: fc.constant('reschedule' as const),
    now: nowArbitrary,
    start: fc.integer({ min: -24 * 60, max: 24 * 60 }),
    length: fc.integer({ min: -30, max: 120 }),
  }),
  fc.record({ kind: fc.constant('erase' as const), now: nowArbitrary }),
);

function apply(booking: Booking, op: Operation, clock = op.now): Booking {
  const now = at(clock);
  switch (op.kind) {
    case 'confirm':
      return confirmBooking(booking, now, { by: op.by });
    case 'cancel':
      return cancelBooking(booking, op.by, now, op.reason);
    case 'attended':
      return markAttended(booking, now);
    case 'no-show':
      return markNoShow(booking, now);
    case 'reschedule':
      return rescheduleBooking(booking, at(op.start), at(op.start + op.length), now);
    case 'erase':
      return eraseContact(booking, now);
  }
}

describe('booking state machine (properties)', () => {
  it('random operations keep the machine, grow the sequence and never mutate inputs', () => {
    const reached = new Set<BookingStatus>();
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 25 }), (ops) => {
        let booking = deepFreeze(requested());
        let transitions = 0;
        let clock = -24 * 60;
        for (const op of ops) {
          clock += op.now;
          const snapshot = structuredClone(booking);
          let next: Booking | undefined;
          try {
            next = apply(booking, op, clock);
          } catch (error) {
            // A refused operation is a typed error, and says why.
            expect(error instanceof ConflictError || error instanceof ValidationError).toBe(true);
            if (error instanceof ConflictError) {
              expect(['illegal-transition', 'not-started']).toContain(error.reason);
            }
          }
          expect(booking).toEqual(snapshot);
          if (next === undefined) continue;

          expect(bookingStatuses).toContain(next.status);
          expect(next.id).toBe(booking.id);
          if (op.kind === 'erase' && booking.contactErased) {
            expect(next).toBe(booking);
            continue;
          }
          expect(next.sequence).toBeGreaterThan(booking.sequence);
          if (op.kind === 'erase') {
            expect(next.status).toBe(booking.status);
          } else if (op.kind === 'reschedule') {
            expect(isActiveBooking(booking)).toBe(true);
            expect(next.status).toBe(booking.status);
            transitions += 1;
          } else {
            expect(canTransition(booking.status, next.status)).toBe(true);
            transitions += 1;
          }
          expect(next.history).toHaveLength(transitions);
          expect(parseBooking(JSON.parse(JSON.stringify(next)))).toEqual(next);
          reached.add(next.status);
          booking = deepFreeze(next);
        }
        expect(booking.history).toHaveLength(transitions);
        expect(booking.sequence).toBeGreaterThanOrEqual(transitions);
      }),
      { numRuns: 300 },
    );
    // The random walks did exercise the whole machine.
    expect([...reached].sort()).toEqual([...bookingStatuses].sort());
  });

  it('every status is reachable and final statuses accept nothing', () => {
    const finals: BookingStatus[] = [
      'attended',
      'no-show',
      'cancelled-by-parent',
      'cancelled-by-site',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...finals), operationArbitrary, (status, op) => {
        const confirmed = confirmBooking(requested(), at(-60));
        const final =
          status === 'attended'
            ? markAttended(confirmed, at(60))
            : status === 'no-show'
              ? markNoShow(confirmed, at(60))
              : cancelBooking(
                  confirmed,
                  status === 'cancelled-by-parent' ? 'parent' : 'site',
                  at(-30),
                );
        expect(final.status).toBe(status);
        if (op.kind === 'erase') return;
        if (op.kind === 'reschedule' && op.length <= 0) return;
        expect(() => apply(final, op, 24 * 60)).toThrowError(
          expect.objectContaining({ _tag: 'ConflictError', reason: 'illegal-transition' }),
        );
      }),
    );
  });
});

// One site per kind except 'support-centre', so some kinds have no site at all.
const sites: Pick<Site, 'id' | 'kind'>[] = siteKinds
  .filter((kind) => kind !== 'support-centre')
  .map((kind) => ({ id: siteIdSchema.parse(`site-${kind}`), kind }));

const from = Date.parse('2019-01-01T00:00:00Z');
const to = Date.parse('2024-01-01T00:00:00Z');
const countedBookingArbitrary = fc
  .record({
    site: fc.constantFrom(...sites),
    start: fc.integer({ min: from / MINUTE, max: to / MINUTE }),
    status: fc.constantFrom(...bookingStatuses),
  })
  .map(({ site, start, status }) =>
    parseBooking({
      id: `b-${site.id}-${String(start)}`,
      specialistId: 'psy-1',
      siteId: site.id,
      serviceId: 'consultation',
      start: instant(new Date(start * MINUTE)),
      end: instant(new Date((start + 45) * MINUTE)),
      status,
      childAge: 5,
      contact: { name: 'Родитель', phone: '89123456789' },
      personalDataConsent: true,
      createdAt: instant(new Date(from)),
      updatedAt: instant(new Date(from)),
    }),
  );

describe('countConsultations (properties)', () => {
  it('counts by kind sum to the attended total of each year and overall', () => {
    fc.assert(
      fc.property(fc.array(countedBookingArbitrary, { maxLength: 60 }), (bookings) => {
        const counts = countConsultations(bookings, sites, { by: ['siteKind', 'schoolYear'] });
        const attended = bookings.filter((b) => b.status === 'attended').length;
        expect(counts.attended).toBe(attended);
        expect(counts.byStatus.attended).toBe(attended);
        expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(bookings.length);
        expect(counts.rows.reduce((sum, row) => sum + row.attended, 0)).toBe(attended);

        const byYear = countConsultations(bookings, sites, { by: ['schoolYear'] });
        for (const yearRow of byYear.rows) {
          const kinds = counts.rows.filter((row) => row.schoolYear === yearRow.schoolYear);
          expect(kinds.map((row) => row.siteKind)).toEqual([...siteKinds]);
          expect(kinds.reduce((sum, row) => sum + row.attended, 0)).toBe(yearRow.attended);
        }
        const years = byYear.rows.map((row) => row.schoolYear!);
        expect([...years].sort(compareSchoolYears)).toEqual(years);

        const byKind = countConsultations(bookings, sites, { by: ['siteKind'] });
        const kindTotals = Object.fromEntries(
          byKind.rows.map((row) => [row.siteKind, row.attended]),
        ) as Record<SiteKind, number>;
        expect(kindTotals['support-centre']).toBe(0);
        expect(Object.values(kindTotals).reduce((a, b) => a + b, 0)).toBe(attended);
      }),
    );
  });

  it('split by site and service, then summed, gives the totals of each year and kind', () => {
    fc.assert(
      fc.property(fc.array(countedBookingArbitrary, { maxLength: 60 }), (bookings) => {
        const fine = countConsultations(bookings, sites, {
          by: ['site', 'service', 'siteKind', 'schoolYear'],
        });
        expect(fine.rows.reduce((sum, row) => sum + row.attended, 0)).toBe(fine.attended);
        // Only groups with a booking are listed, each carrying its site's own kind.
        for (const row of fine.rows) {
          expect(Object.values(row.byStatus).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
          expect(sites.find((site) => site.id === row.siteId)?.kind).toBe(row.siteKind);
        }
        const coarse = countConsultations(bookings, sites, { by: ['siteKind', 'schoolYear'] });
        for (const row of coarse.rows) {
          const parts = fine.rows.filter(
            (part) => part.siteKind === row.siteKind && part.schoolYear === row.schoolYear,
          );
          expect(parts.reduce((sum, part) => sum + part.attended, 0)).toBe(row.attended);
        }
        const bySite = countConsultations(bookings, sites, { by: ['site'] });
        expect(bySite.rows.reduce((sum, row) => sum + row.attended, 0)).toBe(coarse.attended);
      }),
    );
  });

  it('does not depend on the order of the bookings', () => {
    fc.assert(
      fc.property(
        fc
          .array(countedBookingArbitrary, { maxLength: 40 })
          .chain((bookings) =>
            fc.tuple(
              fc.constant(bookings),
              fc.shuffledSubarray(bookings, { minLength: bookings.length }),
            ),
          ),
        ([bookings, shuffled]) => {
          const options = { by: ['siteKind', 'schoolYear'] as const };
          expect(countConsultations(shuffled, sites, options)).toEqual(
            countConsultations(bookings, sites, options),
          );
        },
      ),
    );
  });

  it('late on 31 August in UTC is already 1 September, the new school year, in Moscow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2035 }),
        fc.integer({ min: 21 * 60, max: 24 * 60 - 1 }),
        (year, minuteOfDay) => {
          const start = instant(new Date(Date.UTC(year, 7, 31) + minuteOfDay * MINUTE));
          expect(schoolYearOfInstant(start, 'Europe/Moscow')).toBe(`${year}-${year + 1}`);
          expect(schoolYearOfInstant(start, 'UTC')).toBe(`${year - 1}-${year}`);
        },
      ),
    );
  });

  it('counts the consultation at 2021-08-31T22:30:00Z in 2021-2022, not 2020-2021', () => {
    const b = parseBooking({
      id: 'late',
      specialistId: 'psy-1',
      siteId: 'site-consultation-point',
      serviceId: 'consultation',
      start: '2021-08-31T22:30:00Z',
      end: '2021-08-31T23:15:00Z',
      status: 'attended',
      childAge: 5,
      contact: { name: 'Родитель', email: 'parent@example.org' },
      personalDataConsent: true,
      createdAt: '2021-08-01T00:00:00Z',
      updatedAt: '2021-08-01T00:00:00Z',
    });
    const counts = countConsultations([b], sites, { by: ['siteKind', 'schoolYear'] });
    const hit = counts.rows.filter((row) => row.attended > 0);
    expect(hit).toEqual([
      expect.objectContaining({
        schoolYear: '2021-2022',
        siteKind: 'consultation-point',
        attended: 1,
      }),
    ]);
  });
});
