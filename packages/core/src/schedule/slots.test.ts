import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import {
  generateSlots,
  instantsAt,
  localDateTime,
  workCalendarSchema,
  type AvailabilityInput,
  type SlotQueryInput,
} from './index.js';

/** A made-up calendar for these tests (not official data). */
const exampleCalendar = parse(workCalendarSchema, {
  version: 'test-2026',
  holidays: [{ date: '2026-05-01' }],
  transferredDaysOff: [{ date: '2026-05-04' }],
  workingWeekends: [{ date: '2026-05-09', worksAs: 1 }],
  shortenedDays: [{ date: '2026-04-29' }],
  closures: [
    { from: '2026-04-28', to: '2026-04-28', label: { ru: 'Санитарный день', en: 'Sanitary day' } },
  ],
});

const mondays: AvailabilityInput = {
  specialistId: 'psy-1',
  siteId: 'kp-warsaw',
  serviceId: 'consultation',
  timeZone: 'Europe/Warsaw',
  rules: [{ weekdays: [1], start: '08:00', end: '12:00' }],
};

function query(overrides: Partial<SlotQueryInput>): SlotQueryInput {
  return {
    serviceId: 'consultation',
    availabilities: [mondays],
    from: '2026-03-23',
    to: '2026-03-23',
    now: '2026-01-01T00:00:00Z',
    duration: 60,
    ...overrides,
  };
}

function localTimes(slots: readonly { start: string }[], zone: string): string[] {
  return slots.map((slot) => localDateTime(slot.start, zone).time);
}

describe('generateSlots — reference cases (reference/scheduling.md)', () => {
  it('case 1: Europe/Warsaw Mondays 08:00–12:00 keep local hours across the DST change', () => {
    const before = generateSlots(query({ from: '2026-03-23', to: '2026-03-23' }));
    expect(before.map((slot) => slot.start)).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
      '2026-03-23T10:00:00.000Z',
    ]);
    const after = generateSlots(query({ from: '2026-03-30', to: '2026-03-30' }));
    expect(after.map((slot) => slot.start)).toEqual([
      '2026-03-30T06:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
    ]);
    const both = generateSlots(query({ from: '2026-03-23', to: '2026-03-30' }));
    expect(both).toHaveLength(8);
    expect(localTimes(both, 'Europe/Warsaw')).toEqual([
      ...['08:00', '09:00', '10:00', '11:00'],
      ...['08:00', '09:00', '10:00', '11:00'],
    ]);
  });

  it('case 1: 01:00–04:00 on 2026-03-29 (clocks jump 02:00 → 03:00) gives 01:00 and 03:00', () => {
    const slots = generateSlots(
      query({
        from: '2026-03-29',
        to: '2026-03-29',
        availabilities: [{ ...mondays, rules: [{ weekdays: [7], start: '01:00', end: '04:00' }] }],
      }),
    );
    expect(localTimes(slots, 'Europe/Warsaw')).toEqual(['01:00', '03:00']);
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
  });

  it('case 2: buffer after 15, step 15, a booking 10:00–10:45 → 09:00, 11:00, 11:15', () => {
    const slots = generateSlots({
      serviceId: 'consultation',
      availabilities: [
        {
          specialistId: 'psy-1',
          siteId: 'kp-teremok',
          serviceId: 'consultation',
          rules: [{ weekdays: [2], start: '09:00', end: '12:00' }],
        },
      ],
      from: '2026-05-12',
      to: '2026-05-12',
      now: '2026-05-01T00:00:00Z',
      duration: 45,
      step: 15,
      bufferAfter: 15,
      busy: [
        {
          specialistId: 'psy-1',
          siteId: 'kp-teremok',
          start: '2026-05-12T07:00:00Z', // 10:00 Moscow
          end: '2026-05-12T07:45:00Z',
          seats: 1,
        },
      ],
    });
    expect(localTimes(slots, 'Europe/Moscow')).toEqual(['09:00', '11:00', '11:15']);
  });

  it('case 3: now 2026-05-11 09:10 Moscow, 24 h notice, 30-minute step → 09:30 first', () => {
    const slots = generateSlots({
      serviceId: 'consultation',
      availabilities: [
        {
          specialistId: 'psy-1',
          siteId: 'kp-teremok',
          serviceId: 'consultation',
          rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }],
        },
      ],
      from: '2026-05-11',
      to: '2026-05-12',
      now: '2026-05-11T06:10:00Z', // 09:10 Moscow
      duration: 30,
      minimumNotice: 24 * 60,
    });
    const first = slots[0]!;
    expect(localDateTime(first.start, 'Europe/Moscow')).toEqual({
      date: '2026-05-12',
      time: '09:30',
    });
    expect(slots.some((slot) => slot.start === '2026-05-12T06:00:00.000Z')).toBe(false);
  });
});

describe('generateSlots — DST', () => {
  it('an ambiguous local hour (fall-back) gives exactly one slot, at its first occurrence', () => {
    const slots = generateSlots(
      query({
        from: '2026-10-25',
        to: '2026-10-25',
        availabilities: [{ ...mondays, rules: [{ weekdays: [7], start: '01:00', end: '04:00' }] }],
      }),
    );
    expect(localTimes(slots, 'Europe/Warsaw')).toEqual(['01:00', '02:00', '03:00']);
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('America/New_York spring-forward (2026-03-08 02:00 → 03:00) drops only the missing hour', () => {
    const slots = generateSlots(
      query({
        from: '2026-03-08',
        to: '2026-03-08',
        availabilities: [
          {
            ...mondays,
            timeZone: 'America/New_York',
            rules: [{ weekdays: [7], start: '00:00', end: '05:00' }],
          },
        ],
      }),
    );
    expect(localTimes(slots, 'America/New_York')).toEqual(['00:00', '01:00', '03:00', '04:00']);
  });

  it('instantsAt reports gaps and overlaps', () => {
    expect(instantsAt('2026-03-29', '02:30', 'Europe/Warsaw')).toEqual([]);
    expect(instantsAt('2026-10-25', '02:30', 'Europe/Warsaw')).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    expect(instantsAt('2026-05-12', '09:00', 'Europe/Moscow')).toEqual([
      '2026-05-12T06:00:00.000Z',
    ]);
    expect(instantsAt('2026-05-12', '09:00', 'Asia/Kolkata')).toEqual(['2026-05-12T03:30:00.000Z']);
  });
});

describe('generateSlots — rules, calendar, limits, travel, seats', () => {
  const weekdays: AvailabilityInput = {
    specialistId: 'psy-1',
    siteId: 'kp-teremok',
    serviceId: 'consultation',
    rules: [
      {
        weekdays: [1, 2, 3, 4, 5],
        start: '09:00',
        end: '13:00',
        breaks: [{ start: '11:00', end: '11:15' }],
      },
    ],
  };
  const base: SlotQueryInput = {
    serviceId: 'consultation',
    availabilities: [weekdays],
    from: '2026-05-12',
    to: '2026-05-12',
    now: '2026-05-01T00:00:00Z',
    duration: 30,
  };

  it('breaks split the hours; steps restart after a break', () => {
    const times = localTimes(generateSlots({ ...base, step: 45 }), 'Europe/Moscow');
    expect(times).toEqual(['09:00', '09:45', '10:30', '11:15', '12:00']);
  });

  it('overrides close, replace and extend a date; validity bounds the schedule', () => {
    const slots = generateSlots({
      ...base,
      from: '2026-05-12',
      to: '2026-05-16',
      duration: 60,
      availabilities: [
        {
          ...weekdays,
          rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }],
          overrides: [
            { date: '2026-05-12', kind: 'closed' },
            { date: '2026-05-13', kind: 'replace', hours: [{ start: '14:00', end: '15:00' }] },
            { date: '2026-05-14', kind: 'extra', hours: [{ start: '16:00', end: '17:00' }] },
          ],
          validTo: '2026-05-14',
        },
      ],
    });
    expect(slots.map((slot) => localDateTime(slot.start, 'Europe/Moscow'))).toEqual([
      { date: '2026-05-13', time: '14:00' },
      { date: '2026-05-14', time: '09:00' },
      { date: '2026-05-14', time: '10:00' },
      { date: '2026-05-14', time: '16:00' },
    ]);
  });

  it('holidays, closures and transferred days off give nothing; shortened days end an hour early', () => {
    const slots = generateSlots({
      ...base,
      calendar: exampleCalendar,
      now: '2026-04-01T00:00:00Z',
      from: '2026-04-27',
      to: '2026-05-04',
      duration: 60,
      availabilities: [
        { ...weekdays, rules: [{ weekdays: [1, 2, 3, 4, 5, 6], start: '09:00', end: '13:00' }] },
      ],
    });
    const byDate = new Map<string, string[]>();
    for (const slot of slots) {
      const { date, time } = localDateTime(slot.start, 'Europe/Moscow');
      byDate.set(date, [...(byDate.get(date) ?? []), time]);
    }
    expect(Object.fromEntries(byDate)).toEqual({
      '2026-04-27': ['09:00', '10:00', '11:00', '12:00'],
      // 04-28 closed at every site (example closure), 04-29 shortened
      '2026-04-29': ['09:00', '10:00', '11:00'],
      '2026-04-30': ['09:00', '10:00', '11:00', '12:00'],
      // 05-01 holiday; 05-02 Saturday by the weekly rules; 05-04 transferred day off
      '2026-05-02': ['09:00', '10:00', '11:00', '12:00'],
    });
  });

  it('a working Saturday follows `worksAs` only where the site works such days', () => {
    const input: SlotQueryInput = {
      ...base,
      calendar: exampleCalendar,
      from: '2026-05-09',
      to: '2026-05-09',
      duration: 60,
      availabilities: [{ ...weekdays, rules: [{ weekdays: [1], start: '09:00', end: '11:00' }] }],
    };
    expect(generateSlots(input)).toEqual([]);
    const worked = generateSlots({
      ...input,
      availabilities: [
        {
          ...weekdays,
          rules: [{ weekdays: [1], start: '09:00', end: '11:00' }],
          worksOnWorkingWeekends: true,
        },
      ],
    });
    expect(localTimes(worked, 'Europe/Moscow')).toEqual(['09:00', '10:00']);
  });

  it('limits per day and per week count existing sessions in the site zone', () => {
    const busy = (date: string, hour: string) => ({
      specialistId: 'psy-1',
      siteId: 'kp-teremok',
      start: `${date}T${hour}:00:00Z`,
      end: `${date}T${hour}:30:00Z`,
      seats: 1,
    });
    const input: SlotQueryInput = {
      ...base,
      from: '2026-05-11',
      to: '2026-05-13',
      busy: [busy('2026-05-11', '10'), busy('2026-05-11', '11'), busy('2026-05-12', '12')],
    };
    const perDay = generateSlots({ ...input, limits: { perDay: 2 } });
    const dates = new Set(perDay.map((slot) => localDateTime(slot.start, 'Europe/Moscow').date));
    expect([...dates]).toEqual(['2026-05-12', '2026-05-13']);
    expect(generateSlots({ ...input, limits: { perWeek: 3 } })).toEqual([]);
    expect(generateSlots({ ...input, limits: { perWeek: 4 } }).length).toBeGreaterThan(0);
  });

  it('travel time keeps a specialist from being at two sites too close together', () => {
    const input: SlotQueryInput = {
      ...base,
      duration: 60,
      availabilities: [{ ...weekdays, rules: [{ weekdays: [2], start: '09:00', end: '13:00' }] }],
      busy: [
        {
          specialistId: 'psy-1',
          siteId: 'lekoteka-1',
          start: '2026-05-12T06:00:00Z', // 09:00–10:00 Moscow at another site
          end: '2026-05-12T07:00:00Z',
          seats: 1,
        },
      ],
    };
    expect(localTimes(generateSlots(input), 'Europe/Moscow')).toEqual(['10:00', '11:00', '12:00']);
    const travel = [{ fromSiteId: 'lekoteka-1', toSiteId: 'kp-teremok', minutes: 20 }];
    expect(localTimes(generateSlots({ ...input, travel }), 'Europe/Moscow')).toEqual([
      '11:00',
      '12:00',
    ]);
    const reversed = [{ fromSiteId: 'kp-teremok', toSiteId: 'lekoteka-1', minutes: 20 }];
    expect(localTimes(generateSlots({ ...input, travel: reversed }), 'Europe/Moscow')).toEqual([
      '11:00',
      '12:00',
    ]);
    expect(
      localTimes(
        generateSlots({ ...input, travel: reversed, travelSymmetric: false }),
        'Europe/Moscow',
      ),
    ).toEqual(['10:00', '11:00', '12:00']);
  });

  it('a group session counts seats: 8 seats, 7 taken → one left; all taken → not offered', () => {
    const session = {
      specialistId: 'psy-1',
      siteId: 'kp-teremok',
      serviceId: 'consultation',
      start: '2026-05-12T06:00:00Z',
      end: '2026-05-12T06:30:00Z',
    };
    const input: SlotQueryInput = { ...base, seats: 8, busy: [{ ...session, seats: 7 }] };
    const first = generateSlots(input)[0]!;
    expect(first).toEqual({
      ...session,
      start: '2026-05-12T06:00:00.000Z',
      end: '2026-05-12T06:30:00.000Z',
      seatsLeft: 1,
    });
    const full = generateSlots({
      ...input,
      busy: [
        { ...session, seats: 7 },
        { ...session, seats: 1 },
      ],
    });
    expect(full[0]!.start).toBe('2026-05-12T06:30:00.000Z');
    const otherService = generateSlots({
      ...input,
      busy: [{ ...session, serviceId: 'other', seats: 1 }],
    });
    expect(otherService[0]!.start).toBe('2026-05-12T06:30:00.000Z');
  });

  it('the horizon is counted in civil days in the site zone', () => {
    const slots = generateSlots({
      ...base,
      now: '2026-05-11T06:10:00Z',
      from: '2026-05-11',
      to: '2026-05-20',
      horizonDays: 2,
      duration: 180,
      availabilities: [
        { ...weekdays, rules: [{ weekdays: [1, 2, 3, 4, 5], start: '10:00', end: '13:00' }] },
      ],
    });
    expect(slots.map((slot) => localDateTime(slot.start, 'Europe/Moscow').date)).toEqual([
      '2026-05-11',
      '2026-05-12',
      '2026-05-13',
    ]);
  });

  it('only availabilities of the asked service count', () => {
    expect(generateSlots({ ...base, serviceId: 'other' })).toEqual([]);
  });

  it('rejects invalid input with bilingual issues', () => {
    const bad = (): unknown =>
      generateSlots({
        ...base,
        from: '2026-05-13',
        to: '2026-05-12',
        availabilities: [{ ...weekdays, timeZone: 'Mars/Olympus' }],
      });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (error) {
      const issues = (error as ValidationError).issues;
      expect(issues.map((issue) => issue.path.join('.'))).toEqual(
        expect.arrayContaining(['to', 'availabilities.0.timeZone']),
      );
      expect(issues.every((issue) => issue.message.ru !== issue.message.en)).toBe(true);
    }
  });
});
