import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCivilDays,
  bookingsHitByChange,
  createNetworkSchedule,
  dayKind,
  freeSlots,
  instant,
  localDateTime,
  russianWorkCalendar,
  scheduleOffers,
  specialistSchedule,
  withSpecialistSchedule,
  type Booking,
  type NetworkSchedule,
  type NetworkScheduleInput,
  type Slot,
} from './index.js';

// The laws of the availability editor's model: vacations, one-day overrides, validity,
// session length per service and site, the official calendar applied by default, and the list
// of booked consultations a change would hit.

const specialists = ['sp-1', 'sp-2'] as const;
const sites = ['site-a', 'site-b'] as const;
const zones = ['Europe/Moscow', 'Europe/Warsaw'] as const;
/** Two weeks around the May holidays of 2026 (1 and 11 May are days off, 8 May is shortened). */
const from = '2026-04-27';
const to = '2026-05-13';
const now = instant('2026-04-20T00:00:00Z');

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const dayIn = fc.integer({ min: 0, max: 16 }).map((offset) => addCivilDays(from, offset));

const ruleArbitrary = fc
  .record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 28, max: 60 }),
    length: fc.integer({ min: 4, max: 24 }),
    pause: fc.boolean(),
  })
  .map(({ weekdays, start, length, pause }) => {
    const end = Math.min(96, start + length);
    const breaks =
      pause && end - start >= 6
        ? [{ start: hhmm((start + 2) * 15), end: hhmm((start + 3) * 15) }]
        : [];
    return { weekdays, start: hhmm(start * 15), end: hhmm(end * 15), breaks };
  });

const availabilityArbitrary = fc
  .record({
    specialistId: fc.constantFrom(...specialists),
    siteId: fc.constantFrom(...sites),
    rules: fc.array(ruleArbitrary, { minLength: 1, maxLength: 2 }),
    override: fc.option(
      fc.record({
        date: dayIn,
        kind: fc.constantFrom('closed', 'extra', 'replace'),
        start: fc.integer({ min: 28, max: 80 }),
        length: fc.integer({ min: 2, max: 12 }),
      }),
      { nil: undefined },
    ),
    validFrom: fc.option(dayIn, { nil: undefined }),
    validTo: fc.option(dayIn, { nil: undefined }),
  })
  .map(({ override, validFrom, validTo, siteId, ...rest }) => ({
    ...rest,
    siteId,
    serviceId: 'speech',
    // One zone per site: the sites of a network are where they are.
    timeZone: siteId === 'site-a' ? zones[0] : zones[1],
    overrides:
      override === undefined
        ? []
        : [
            override.kind === 'closed'
              ? { date: override.date, kind: 'closed' as const }
              : {
                  date: override.date,
                  kind: override.kind,
                  hours: [
                    {
                      start: hhmm(override.start * 15),
                      end: hhmm(Math.min(96, override.start + override.length) * 15),
                    },
                  ],
                },
          ],
    ...(validFrom !== undefined && validTo !== undefined && validFrom > validTo
      ? { validFrom: validTo, validTo: validFrom }
      : {
          ...(validFrom !== undefined ? { validFrom } : {}),
          ...(validTo !== undefined ? { validTo } : {}),
        }),
  }));

const vacationArbitrary = fc
  .record({
    specialistId: fc.constantFrom(...specialists),
    first: dayIn,
    days: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ specialistId, first, days }) => ({
    specialistId,
    from: first,
    to: addCivilDays(first, days),
  }));

const scheduleArbitrary: fc.Arbitrary<NetworkSchedule> = fc
  .record({
    availabilities: fc.array(availabilityArbitrary, { minLength: 1, maxLength: 4 }),
    vacations: fc.array(vacationArbitrary, { maxLength: 2 }),
    duration: fc.constantFrom(30, 45, 60),
    step: fc.option(fc.constantFrom(15, 30, 60), { nil: undefined }),
    siteDuration: fc.option(fc.constantFrom(20, 30, 90), { nil: undefined }),
    bufferAfter: fc.constantFrom(0, 15),
    officialCalendar: fc.constantFrom(undefined, 'ru' as const, 'none' as const),
  })
  .map(
    ({
      availabilities,
      vacations,
      duration,
      step,
      siteDuration,
      bufferAfter,
      officialCalendar,
    }) => {
      const input: NetworkScheduleInput = {
        networkId: 'town',
        availabilities,
        vacations,
        bookingRules: [
          {
            serviceId: 'speech',
            duration,
            ...(step !== undefined ? { step } : {}),
            bufferAfter,
            horizonDays: 60,
            siteSessions:
              siteDuration === undefined ? [] : [{ siteId: 'site-b', duration: siteDuration }],
          },
        ],
        ...(officialCalendar !== undefined ? { officialCalendar } : {}),
      };
      return createNetworkSchedule(input);
    },
  );

function slotsOf(schedule: NetworkSchedule): Slot[] {
  return freeSlots(schedule, { serviceId: 'speech', from, to }, now, []);
}

/** A confirmed booking of a slot (as the storage would return it). */
function bookingOf(slot: Slot, index: number): Booking {
  return {
    id: `b-${String(index).padStart(4, '0')}`,
    specialistId: slot.specialistId,
    siteId: slot.siteId,
    serviceId: slot.serviceId,
    start: slot.start,
    end: slot.end,
    seats: 1,
    status: 'confirmed',
    childAge: 4,
    contact: { name: 'Анна' },
    contactErased: false,
    personalDataConsent: true,
    createdAt: now,
    updatedAt: now,
    sequence: 1,
    history: [],
  } as unknown as Booking;
}

const runs = { numRuns: 60 };

describe('availability laws', () => {
  it('every offered slot lies within the working hours (scheduleOffers agrees with slot generation)', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        for (const slot of slotsOf(schedule)) expect(scheduleOffers(schedule, slot)).toBe(true);
      }),
      runs,
    );
  });

  it('no slot falls on a day of the specialist’s vacation', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        for (const slot of slotsOf(schedule)) {
          const zone = slot.siteId === 'site-a' ? zones[0] : zones[1];
          const { date } = localDateTime(slot.start, zone);
          const away = schedule.vacations.some(
            (v) => v.specialistId === slot.specialistId && v.from <= date && date <= v.to,
          );
          expect(away).toBe(false);
        }
      }),
      runs,
    );
  });

  it('a session lasts the site’s own length where it has one, the service’s elsewhere', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        const rules = schedule.bookingRules[0]!;
        const own = rules.siteSessions.find((entry) => entry.siteId === 'site-b')?.duration;
        for (const slot of slotsOf(schedule)) {
          const minutes = (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000;
          expect(minutes).toBe(
            slot.siteId === 'site-b' && own !== undefined ? own : rules.duration,
          );
        }
      }),
      runs,
    );
  });

  it('the official calendar applies unless the schedule says none: no slot on an official holiday', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        if (schedule.officialCalendar === 'none') return;
        for (const slot of slotsOf(schedule)) {
          const zone = slot.siteId === 'site-a' ? zones[0] : zones[1];
          const { date } = localDateTime(slot.start, zone);
          const kind = dayKind(russianWorkCalendar, date);
          const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
          // Holidays and transferred days off (a weekday made a day off) give no slot.
          expect(kind === 'holiday' || (kind === 'weekend' && weekday <= 5)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('a change that keeps the schedule hits nothing', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        const bookings = slotsOf(schedule).map(bookingOf);
        expect(bookingsHitByChange(schedule, schedule, bookings, now)).toEqual([]);
        for (const specialistId of specialists) {
          const same = withSpecialistSchedule(schedule, specialistSchedule(schedule, specialistId));
          expect(bookingsHitByChange(schedule, same, bookings, now)).toEqual([]);
          expect(slotsOf(same)).toEqual(slotsOf(schedule));
        }
      }),
      runs,
    );
  });

  it('a booking is hit exactly when the proposed schedule no longer offers it', () => {
    fc.assert(
      fc.property(scheduleArbitrary, scheduleArbitrary, (current, proposed) => {
        const bookings = slotsOf(current).map(bookingOf);
        const hits = new Set(
          bookingsHitByChange(current, proposed, bookings, now).map((b) => b.id),
        );
        for (const booking of bookings) {
          expect(hits.has(booking.id)).toBe(!scheduleOffers(proposed, booking));
        }
      }),
      runs,
    );
  });

  it('a vacation over a booked day hits every booking of hers that day, and only hers', () => {
    fc.assert(
      fc.property(
        scheduleArbitrary,
        fc.constantFrom(...specialists),
        dayIn,
        (schedule, who, day) => {
          const bookings = slotsOf(schedule).map(bookingOf);
          const part = specialistSchedule(schedule, who);
          const away = withSpecialistSchedule(schedule, {
            ...part,
            vacations: [...part.vacations, { specialistId: who, from: day, to: day }],
          });
          const hit = new Set(bookingsHitByChange(schedule, away, bookings, now).map((b) => b.id));
          for (const booking of bookings) {
            const zone = booking.siteId === 'site-a' ? zones[0] : zones[1];
            const onThatDay = localDateTime(booking.start, zone).date === day;
            expect(hit.has(booking.id)).toBe(booking.specialistId === who && onThatDay);
          }
          expect(
            slotsOf(away).some(
              (slot) =>
                slot.specialistId === who &&
                localDateTime(slot.start, slot.siteId === 'site-a' ? zones[0] : zones[1]).date ===
                  day,
            ),
          ).toBe(false);
        },
      ),
      runs,
    );
  });

  it('a one-day closure hits the bookings of that availability that day; past and cancelled bookings are never hit', () => {
    fc.assert(
      fc.property(scheduleArbitrary, dayIn, (schedule, day) => {
        const [first] = schedule.availabilities;
        if (first === undefined) return;
        const part = specialistSchedule(schedule, first.specialistId);
        const closed = withSpecialistSchedule(schedule, {
          ...part,
          availabilities: part.availabilities.map((entry) =>
            entry === first
              ? { ...entry, overrides: [{ date: day, kind: 'closed' as const }] }
              : entry,
          ),
        });
        const bookings = slotsOf(schedule).map(bookingOf);
        const hits = bookingsHitByChange(schedule, closed, bookings, now);
        for (const hit of hits) {
          expect(hit.specialistId).toBe(first.specialistId);
          expect(scheduleOffers(closed, hit)).toBe(false);
        }
        const later = instant(new Date(Date.parse(to) + 5 * 86_400_000));
        expect(bookingsHitByChange(schedule, closed, bookings, later)).toEqual([]);
        const cancelled = bookings.map((b) => ({ ...b, status: 'cancelled-by-parent' as const }));
        expect(bookingsHitByChange(schedule, closed, cancelled, now)).toEqual([]);
      }),
      runs,
    );
  });

  it('does not change its inputs', () => {
    fc.assert(
      fc.property(scheduleArbitrary, scheduleArbitrary, (current, proposed) => {
        const bookings = slotsOf(current).map(bookingOf);
        const before = JSON.stringify([current, proposed, bookings]);
        bookingsHitByChange(current, proposed, bookings, now);
        withSpecialistSchedule(current, specialistSchedule(proposed, 'sp-1'));
        expect(JSON.stringify([current, proposed, bookings])).toBe(before);
      }),
      { numRuns: 20 },
    );
  });
});
