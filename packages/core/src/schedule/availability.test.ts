import { describe, expect, it } from 'vitest';
import { parse, safeParse } from '../common/index.js';
import {
  availabilitySchema,
  hoursOnDate,
  isTimeZone,
  minutesOfDay,
  timeRangeSchema,
  weeklyRuleSchema,
  type AvailabilityInput,
} from './index.js';

const input: AvailabilityInput = {
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'consultation',
  rules: [
    { weekdays: [1], start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:15' }] },
    { weekdays: [3], start: '14:00', end: '18:00' },
  ],
  overrides: [
    { date: '2026-05-11', kind: 'closed' },
    { date: '2026-05-13', kind: 'replace', hours: [{ start: '10:00', end: '12:00' }] },
    { date: '2026-05-13', kind: 'extra', hours: [{ start: '12:00', end: '13:00' }] },
  ],
  validFrom: '2026-01-12',
  validTo: '2026-06-30',
};

describe('availabilitySchema', () => {
  it('applies defaults: Moscow zone, no overrides, site settings off', () => {
    const availability = parse(availabilitySchema, { ...input, overrides: undefined });
    expect(availability.timeZone).toBe('Europe/Moscow');
    expect(availability.overrides).toEqual([]);
    expect(availability.worksOnWorkingWeekends).toBe(false);
    expect(availability.closedOnSchoolHolidays).toBe(false);
  });

  it('reports each problem with a path and a Russian and English message', () => {
    const result = safeParse(availabilitySchema, {
      ...input,
      timeZone: 'Europe/Atlantis',
      rules: [
        { weekdays: [8], start: '9:00', end: '13:00' },
        { weekdays: [2], start: '13:00', end: '09:00' },
        {
          weekdays: [1, 1],
          start: '09:00',
          end: '10:00',
          breaks: [{ start: '08:00', end: '09:30' }],
        },
      ],
      overrides: [
        { date: '2026-05-11', kind: 'closed' },
        { date: '2026-05-11', kind: 'extra', hours: [{ start: '10:00', end: '11:00' }] },
      ],
      validFrom: '2026-07-01',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'timeZone',
        'rules.0.weekdays.0',
        'rules.0.start',
        'rules.1.end',
        'rules.2.weekdays',
        'rules.2.breaks.0',
        'overrides.1',
        'validTo',
      ]),
    );
    const zone = result.issues.find((issue) => issue.path[0] === 'timeZone')!;
    expect(zone.message.ru).toMatch(/часовой пояс/);
    expect(zone.message.en).toMatch(/time zone/);
  });

  it('rejects overlapping breaks and overlapping override hours', () => {
    expect(
      safeParse(weeklyRuleSchema, {
        weekdays: [1],
        start: '09:00',
        end: '13:00',
        breaks: [
          { start: '10:00', end: '11:00' },
          { start: '10:30', end: '11:30' },
        ],
      }).ok,
    ).toBe(false);
    expect(
      safeParse(availabilitySchema, {
        ...input,
        overrides: [
          {
            date: '2026-05-13',
            kind: 'replace',
            hours: [
              { start: '10:00', end: '12:00' },
              { start: '11:00', end: '13:00' },
            ],
          },
        ],
      }).ok,
    ).toBe(false);
    expect(safeParse(timeRangeSchema, { start: '24:00', end: '24:00' }).ok).toBe(false);
    expect(safeParse(timeRangeSchema, { start: '22:00', end: '24:00' }).ok).toBe(true);
  });

  it('knows time zones through Intl', () => {
    expect(isTimeZone('Europe/Kaliningrad')).toBe(true);
    expect(isTimeZone('Asia/Vladivostok')).toBe(true);
    expect(isTimeZone('Nowhere/Town')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('hoursOnDate', () => {
  const availability = parse(availabilitySchema, input);

  it('subtracts breaks from weekly rules', () => {
    expect(hoursOnDate(availability, '2026-05-18', 1)).toEqual([
      { start: minutesOfDay('09:00'), end: minutesOfDay('11:00') },
      { start: minutesOfDay('11:15'), end: minutesOfDay('13:00') },
    ]);
  });

  it('applies closed, replace and extra overrides', () => {
    expect(hoursOnDate(availability, '2026-05-11', 1)).toEqual([]);
    expect(hoursOnDate(availability, '2026-05-13', 3)).toEqual([{ start: 600, end: 780 }]);
  });

  it('gives nothing outside the validity dates', () => {
    expect(hoursOnDate(availability, '2026-01-05', 1)).toEqual([]);
    expect(hoursOnDate(availability, '2026-07-06', 1)).toEqual([]);
    expect(hoursOnDate(availability, '2026-01-12', 1)).not.toEqual([]);
  });

  it('does not mutate the availability', () => {
    const copy = structuredClone(availability);
    hoursOnDate(availability, '2026-05-13', 3);
    hoursOnDate(availability, '2026-05-18', 1);
    expect(availability).toEqual(copy);
  });
});
