import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNetworkSchedule,
  freeSlots,
  instant,
  offeredSlot,
  scheduledSlot,
  type NetworkSchedule,
  type SlotChoice,
} from './index.js';

const zones = ['Europe/Moscow', 'Europe/Warsaw', 'America/New_York'] as const;
const MINUTE = 60_000;
/** Around Warsaw's and New York's changes of clock in spring 2026. */
const base = Date.parse('2026-03-05T00:00:00Z');

const scheduleArbitrary: fc.Arbitrary<NetworkSchedule> = fc
  .record({
    places: fc.uniqueArray(
      fc.record({
        specialistId: fc.constantFrom('sp-1', 'sp-2'),
        siteId: fc.constantFrom('site-a', 'site-b'),
        timeZone: fc.constantFrom(...zones),
        start: fc.integer({ min: 0, max: 21 }),
        weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        validFrom: fc.option(fc.constantFrom('2026-03-08', '2026-03-20'), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3, selector: (place) => `${place.specialistId} ${place.siteId}` },
    ),
    duration: fc.constantFrom(30, 45, 60),
    step: fc.option(fc.constantFrom(15, 30), { nil: undefined }),
    minimumNotice: fc.constantFrom(0, 60, 1440, 4000),
    horizonDays: fc.constantFrom(0, 3, 10, 28),
    perDay: fc.option(fc.constantFrom(0, 1, 5), { nil: undefined }),
    ages: fc.option(fc.constant({ from: 3, to: 7 }), { nil: undefined }),
    closed: fc.boolean(),
  })
  .map((drawn) =>
    createNetworkSchedule({
      networkId: 'town',
      availabilities: drawn.places.map((place) => ({
        specialistId: place.specialistId,
        siteId: place.siteId,
        serviceId: 'svc',
        timeZone: place.timeZone,
        rules: [
          {
            weekdays: place.weekdays,
            start: `${String(place.start).padStart(2, '0')}:00`,
            end: `${String(place.start + 2).padStart(2, '0')}:00`,
          },
        ],
        ...(place.validFrom !== undefined ? { validFrom: place.validFrom } : {}),
      })),
      bookingRules: [
        {
          serviceId: 'svc',
          duration: drawn.duration,
          ...(drawn.step !== undefined ? { step: drawn.step } : {}),
          minimumNotice: drawn.minimumNotice,
          horizonDays: drawn.horizonDays,
          ...(drawn.perDay !== undefined ? { limits: { perDay: drawn.perDay } } : {}),
          ...(drawn.ages !== undefined ? { ages: drawn.ages } : {}),
        },
      ],
      ...(drawn.closed
        ? {
            calendar: {
              version: 'test',
              holidays: [{ date: '2026-03-09', label: { ru: 'Праздник', en: 'Holiday' } }],
              shortenedDays: [{ date: '2026-03-06' }],
            },
          }
        : {}),
    }),
  );

describe('scheduledSlot', () => {
  it('answers as offeredSlot over no busy time, for slots offered and not, at any hour asked', () => {
    let offeredCount = 0;
    let refusedCount = 0;
    fc.assert(
      fc.property(
        scheduleArbitrary,
        fc.array(fc.integer({ min: 0, max: 20 * 24 * 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            offered: fc.boolean(),
            pick: fc.nat(),
            quarter: fc.integer({ min: 0, max: 20 * 24 * 4 }),
            specialistId: fc.constantFrom('sp-1', 'sp-2'),
            siteId: fc.constantFrom('site-a', 'site-b'),
            childAge: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (schedule, clocks, asks) => {
          const rules = schedule.bookingRules[0];
          const length = (rules?.duration ?? 30) * MINUTE;
          const early = instant(new Date(base - 2 * 86_400_000));
          const offered = freeSlots(
            schedule,
            { serviceId: 'svc', from: '2026-03-05', to: '2026-03-25' },
            early,
            [],
          );
          for (const quarter of clocks) {
            const now = instant(new Date(base + quarter * 15 * MINUTE));
            for (const ask of asks) {
              const from = offered[ask.pick % Math.max(1, offered.length)];
              const start = base + ask.quarter * 15 * MINUTE;
              const choice: SlotChoice =
                ask.offered && from !== undefined
                  ? { ...from, ...(ask.childAge !== undefined ? { childAge: ask.childAge } : {}) }
                  : {
                      specialistId: ask.specialistId,
                      siteId: ask.siteId,
                      serviceId: 'svc',
                      start: instant(new Date(start)),
                      end: instant(new Date(start + length)),
                      ...(ask.childAge !== undefined ? { childAge: ask.childAge } : {}),
                    };
              const expected = offeredSlot(schedule, choice, now, []);
              expect(scheduledSlot(schedule, choice, now)).toEqual(expected);
              if (expected === undefined) refusedCount += 1;
              else offeredCount += 1;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // Both answers were asked about, many times.
    expect(offeredCount).toBeGreaterThan(100);
    expect(refusedCount).toBeGreaterThan(100);
  });

  it('a place the schedule does not have is not offered', () => {
    const schedule = createNetworkSchedule({
      networkId: 'town',
      availabilities: [],
      bookingRules: [{ serviceId: 'svc', duration: 30 }],
    });
    const choice = {
      specialistId: 'sp-1',
      siteId: 'site-a',
      serviceId: 'svc',
      start: instant('2026-03-10T06:00:00Z'),
      end: instant('2026-03-10T06:30:00Z'),
    };
    expect(scheduledSlot(schedule, choice, instant('2026-03-09T06:00:00Z'))).toBeUndefined();
  });
});
