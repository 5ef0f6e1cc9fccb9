import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../common/index.js';
import {
  addCivilDays,
  availabilitySchema,
  dayKind,
  generateSlots,
  hoursOnDate,
  instantsAt,
  isoWeekday,
  localDateTime,
  workCalendarSchema,
  type AvailabilityInput,
  type Slot,
  type SlotQueryInput,
  type WorkCalendar,
} from './index.js';

const MINUTE = 60_000;
const zones = ['Europe/Moscow', 'Europe/Warsaw', 'America/New_York'] as const;
const siteIds = ['site-a', 'site-b', 'site-c'] as const;
const specialistIds = ['sp-1', 'sp-2'] as const;
/** First days of short ranges, several of them around DST changes. */
const rangeStarts = ['2026-03-06', '2026-03-27', '2026-05-11', '2026-10-23', '2026-10-30'] as const;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A weekly rule on a 15-minute grid, sometimes with a break. */
const ruleArbitrary = fc
  .record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 80 }),
    length: fc.integer({ min: 2, max: 32 }),
    pause: fc.option(
      fc.record({ at: fc.integer({ min: 1, max: 30 }), length: fc.integer({ min: 1, max: 4 }) }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ weekdays, start, length, pause }) => {
    const end = Math.min(96, start + length);
    const breaks =
      pause !== undefined && start + pause.at + pause.length < end
        ? [
            {
              start: hhmm((start + pause.at) * 15),
              end: hhmm((start + pause.at + pause.length) * 15),
            },
          ]
        : [];
    return { weekdays, start: hhmm(start * 15), end: hhmm(end * 15), breaks };
  });

function availabilityArbitrary(from: string): fc.Arbitrary<AvailabilityInput> {
  const dateIn = fc.integer({ min: -1, max: 8 }).map((offset) => addCivilDays(from, offset));
  return fc
    .record({
      specialistId: fc.constantFrom(...specialistIds),
      siteId: fc.constantFrom(...siteIds),
      rules: fc.array(ruleArbitrary, { minLength: 1, maxLength: 2 }),
      override: fc.option(
        fc.record({
          date: dateIn,
          kind: fc.constantFrom('closed', 'extra', 'replace'),
          start: fc.integer({ min: 0, max: 88 }),
          length: fc.integer({ min: 1, max: 8 }),
        }),
        { nil: undefined },
      ),
      validFrom: fc.option(dateIn, { nil: undefined }),
      validTo: fc.option(dateIn, { nil: undefined }),
      worksOnWorkingWeekends: fc.boolean(),
    })
    .map(({ override, validFrom, validTo, ...rest }) => ({
      ...rest,
      serviceId: 'consultation',
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
                        end: hhmm((override.start + override.length) * 15),
                      },
                    ],
                  },
            ],
      ...(validFrom !== undefined && validTo !== undefined && validFrom > validTo
        ? {}
        : {
            ...(validFrom !== undefined ? { validFrom } : {}),
            ...(validTo !== undefined ? { validTo } : {}),
          }),
    }));
}

function calendarArbitrary(from: string): fc.Arbitrary<WorkCalendar> {
  const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 4 });
  return fc
    .record({
      holidays: offsets,
      closures: offsets,
      shortened: offsets,
      closureSite: fc.option(fc.constantFrom(...siteIds)),
    })
    .map(({ holidays, closures, shortened, closureSite }) => {
      const holidayDates = holidays.map((offset) => addCivilDays(from, offset));
      return parse(workCalendarSchema, {
        version: 'prop',
        holidays: holidayDates.map((date) => ({ date })),
        shortenedDays: shortened
          .map((offset) => addCivilDays(from, offset))
          .filter((date) => !holidayDates.includes(date))
          .map((date) => ({ date })),
        closures: closures.map((offset) => ({
          from: addCivilDays(from, offset),
          to: addCivilDays(from, offset),
          label: { ru: 'Закрыто', en: 'Closed' },
          ...(closureSite !== null ? { siteIds: [closureSite] } : {}),
        })),
      });
    });
}

/** A whole slot query around one of the range starts, with every feature switched on at random. */
const queryArbitrary: fc.Arbitrary<SlotQueryInput> = fc
  .record({
    from: fc.constantFrom(...rangeStarts),
    zoneBySite: fc.tuple(...siteIds.map(() => fc.constantFrom(...zones))),
  })
  .chain(({ from, zoneBySite }) => {
    const startEpoch = Date.parse(`${from}T00:00:00Z`);
    const busyArbitrary = fc.record({
      specialistId: fc.constantFrom(...specialistIds),
      siteId: fc.constantFrom(...siteIds),
      at: fc.integer({ min: -8, max: 8 * 96 }),
      length: fc.integer({ min: 1, max: 8 }),
      seats: fc.integer({ min: 1, max: 3 }),
      serviceId: fc.option(fc.constantFrom('consultation', 'other'), { nil: undefined }),
    });
    return fc.record({
      serviceId: fc.constant('consultation'),
      from: fc.constant(from),
      to: fc.integer({ min: 0, max: 6 }).map((days) => addCivilDays(from, days)),
      now: fc
        .integer({ min: -48, max: 96 })
        .map((hours) => new Date(startEpoch + hours * 3_600_000).toISOString()),
      availabilities: fc
        .array(availabilityArbitrary(from), { minLength: 1, maxLength: 4 })
        .map((list) =>
          list.map((availability) => ({
            ...availability,
            timeZone: zoneBySite[siteIds.indexOf(availability.siteId as (typeof siteIds)[number])]!,
          })),
        ),
      duration: fc.constantFrom(15, 30, 45, 60, 90),
      step: fc.option(fc.constantFrom(15, 30, 60), { nil: undefined }),
      bufferBefore: fc.constantFrom(0, 10, 15),
      bufferAfter: fc.constantFrom(0, 5, 15),
      minimumNotice: fc.constantFrom(0, 60, 24 * 60),
      horizonDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      seats: fc.integer({ min: 1, max: 4 }),
      limits: fc.record({
        perDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        perWeek: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      }),
      travel: fc.array(
        fc.record({
          fromSiteId: fc.constantFrom(...siteIds),
          toSiteId: fc.constantFrom(...siteIds),
          minutes: fc.integer({ min: 0, max: 90 }),
        }),
        { maxLength: 4 },
      ),
      travelSymmetric: fc.boolean(),
      busy: fc.array(
        busyArbitrary.map(({ at, length, serviceId, ...rest }) => ({
          ...rest,
          ...(serviceId !== undefined ? { serviceId } : {}),
          start: new Date(startEpoch + at * 15 * MINUTE).toISOString(),
          end: new Date(startEpoch + (at + length) * 15 * MINUTE).toISOString(),
        })),
        { maxLength: 12 },
      ),
      calendar: calendarArbitrary(from),
    });
  });

type Query = SlotQueryInput & { busy: NonNullable<SlotQueryInput['busy']> };

function travelMinutes(query: SlotQueryInput, from: string, to: string): number {
  if (from === to) return 0;
  const symmetric = query.travelSymmetric ?? true;
  const matching = (query.travel ?? []).filter(
    (entry) =>
      (entry.fromSiteId === from && entry.toSiteId === to) ||
      (symmetric && entry.fromSiteId === to && entry.toSiteId === from),
  );
  return Math.max(0, ...matching.map((entry) => entry.minutes));
}

function sameSession(slot: Slot, busy: Query['busy'][number]): boolean {
  return (
    busy.siteId === slot.siteId &&
    Date.parse(busy.start) === Date.parse(slot.start) &&
    Date.parse(busy.end) === Date.parse(slot.end) &&
    (busy.serviceId === undefined || busy.serviceId === slot.serviceId)
  );
}

function zoneOf(query: SlotQueryInput, slot: Slot): string {
  return (
    query.availabilities.find((availability) => availability.siteId === slot.siteId)?.timeZone ??
    'Europe/Moscow'
  );
}

/** Distinct sessions of a specialist by the civil date they start on, in a zone. */
function sessionsByDate(query: Query, specialistId: string, zone: string): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const busy of query.busy) {
    if (busy.specialistId !== specialistId) continue;
    const key = `${busy.siteId} ${Date.parse(busy.start)} ${Date.parse(busy.end)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { date } = localDateTime(new Date(busy.start).toISOString(), zone);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

function reordered<T>(list: readonly T[] | undefined, shift: number): T[] {
  const items = [...(list ?? [])].reverse();
  if (items.length === 0) return items;
  const cut = shift % items.length;
  return [...items.slice(cut), ...items.slice(0, cut)];
}

const runs = { numRuns: 100 };

describe('generateSlots laws (property)', () => {
  it('no slot comes closer to a busy interval of its specialist than buffers and travel allow', () => {
    fc.assert(
      fc.property(queryArbitrary, (input) => {
        const query = input as Query;
        const before = query.bufferBefore ?? 0;
        const after = query.bufferAfter ?? 0;
        for (const slot of generateSlots(query)) {
          for (const busy of query.busy) {
            if (busy.specialistId !== slot.specialistId || sameSession(slot, busy)) continue;
            const slotStart = Date.parse(slot.start);
            const slotEnd = Date.parse(slot.end);
            const busyStart = Date.parse(busy.start);
            const busyEnd = Date.parse(busy.end);
            if (busyEnd <= slotStart) {
              const gap = after + before + travelMinutes(query, busy.siteId, slot.siteId);
              expect(slotStart - busyEnd).toBeGreaterThanOrEqual(gap * MINUTE);
            } else {
              expect(slotEnd).toBeLessThanOrEqual(busyStart);
              const gap = after + before + travelMinutes(query, slot.siteId, busy.siteId);
              expect(busyStart - slotEnd).toBeGreaterThanOrEqual(gap * MINUTE);
            }
          }
        }
      }),
      runs,
    );
  });

  it('every slot lies inside an availability, on a worked day, after notice, with seats left', () => {
    fc.assert(
      fc.property(queryArbitrary, (input) => {
        const query = input as Query;
        const calendar = parse(workCalendarSchema, query.calendar ?? { version: 'empty' });
        for (const slot of generateSlots(query)) {
          expect(slot.seatsLeft).toBeGreaterThan(0);
          expect(slot.seatsLeft).toBeLessThanOrEqual(query.seats ?? 1);
          expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(query.duration * MINUTE);
          expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(
            Date.parse(query.now) + (query.minimumNotice ?? 0) * MINUTE,
          );
          const zone = zoneOf(query, slot);
          const { date, time } = localDateTime(slot.start, zone);
          const kind = dayKind(calendar, date, { siteId: slot.siteId });
          expect(['holiday', 'closed']).not.toContain(kind);
          expect(date >= query.from && date <= query.to).toBe(true);
          const [hours = 0, minutes = 0] = time.split(':').map(Number);
          const minute = hours * 60 + minutes;
          const inside = query.availabilities.some((raw) => {
            if (raw.specialistId !== slot.specialistId || raw.siteId !== slot.siteId) return false;
            const availability = parse(availabilitySchema, raw);
            // These calendars have no working weekends, so the date's own weekday rules apply.
            return hoursOnDate(availability, date, isoWeekday(date)).some((range) => {
              const rangeEnd = instantsAt(date, hhmm(range.end), zone);
              const endOk =
                range.end >= 1440 ||
                rangeEnd.length === 0 ||
                Date.parse(slot.end) <= Date.parse(rangeEnd[rangeEnd.length - 1]!);
              return minute >= range.start && minute < range.end && endOk;
            });
          });
          expect(inside).toBe(true);
        }
      }),
      runs,
    );
  });

  it('is deterministic, sorted and independent of the order of availabilities, busy and travel', () => {
    fc.assert(
      fc.property(queryArbitrary, fc.nat(10), (input, shift) => {
        const first = generateSlots(input);
        expect(generateSlots(input)).toEqual(first);
        const shuffled = generateSlots({
          ...input,
          availabilities: reordered(input.availabilities, shift),
          busy: reordered(input.busy, shift + 1),
          travel: reordered(input.travel, shift + 2),
        });
        expect(shuffled).toEqual(first);
        const keys = first.map((slot) => `${slot.start} ${slot.specialistId} ${slot.siteId}`);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(keys).size).toBe(keys.length);
      }),
      runs,
    );
  });

  it('never exceeds the limits per day and per week (existing sessions count)', () => {
    fc.assert(
      fc.property(queryArbitrary, (input) => {
        const query = input as Query;
        const { perDay, perWeek } = query.limits ?? {};
        for (const slot of generateSlots(query)) {
          if (
            query.busy.some(
              (busy) => busy.specialistId === slot.specialistId && sameSession(slot, busy),
            )
          )
            continue;
          const zone = zoneOf(query, slot);
          const counts = sessionsByDate(query, slot.specialistId, zone);
          const { date } = localDateTime(slot.start, zone);
          if (perDay !== undefined) expect((counts.get(date) ?? 0) + 1).toBeLessThanOrEqual(perDay);
          if (perWeek !== undefined) {
            const monday = addCivilDays(date, 1 - isoWeekday(date));
            let week = 0;
            for (let offset = 0; offset < 7; offset += 1)
              week += counts.get(addCivilDays(monday, offset)) ?? 0;
            expect(week + 1).toBeLessThanOrEqual(perWeek);
          }
        }
      }),
      runs,
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(queryArbitrary, (input) => {
        const copy = structuredClone(input);
        generateSlots(input);
        expect(input).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});

describe('DST changes never lose or double an existing local time (property)', () => {
  const transitions = [
    { zone: 'Europe/Warsaw', date: '2026-03-29' },
    { zone: 'Europe/Warsaw', date: '2026-10-25' },
    { zone: 'America/New_York', date: '2026-03-08' },
    { zone: 'America/New_York', date: '2026-11-01' },
  ] as const;

  it('each existing local time on the grid of the hours gives exactly one slot', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...transitions),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        ({ zone, date }, step, startHour, hours) => {
          const start = startHour * 60;
          const end = start + hours * 60;
          const slots = generateSlots({
            serviceId: 'consultation',
            availabilities: [
              {
                specialistId: 'sp-1',
                siteId: 'site-a',
                serviceId: 'consultation',
                timeZone: zone,
                rules: [{ weekdays: [7], start: hhmm(start), end: hhmm(end) }],
              },
            ],
            from: date,
            to: date,
            now: '2026-01-01T00:00:00Z',
            duration: step,
          });
          const expected: string[] = [];
          for (let minute = start; minute < end; minute += step) {
            if (instantsAt(date, hhmm(minute), zone).length > 0) expected.push(hhmm(minute));
          }
          expect(slots.map((slot) => localDateTime(slot.start, zone).time)).toEqual(expected);
          expect(slots.every((slot) => localDateTime(slot.start, zone).date === date)).toBe(true);
          // One slot per local time, at its first occurrence.
          for (const slot of slots) {
            const occurrences = instantsAt(date, localDateTime(slot.start, zone).time, zone);
            expect(slot.start).toBe(occurrences[0]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
