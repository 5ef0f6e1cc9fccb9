import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingGuardFor,
  createNetworkSchedule,
  defaultActivePerContact,
  instant,
  isoWeekday,
  localDateTime,
  localDayAndWeek,
  addCivilDays,
} from './index.js';

// Zones with and without daylight saving time, one that skipped midnight (Santiago moves
// its clocks at 00:00) and one far east.
const zones = [
  'Europe/Moscow',
  'Europe/Warsaw',
  'America/New_York',
  'America/Santiago',
  'Asia/Vladivostok',
] as const;

const MINUTE = 60_000;
const from2026 = Date.UTC(2026, 0, 1);

describe('localDayAndWeek', () => {
  it('holds exactly the instants of the same civil day and ISO week in the zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }),
        fc.integer({ min: -9 * 24 * 60, max: 9 * 24 * 60 }),
        (zone, startMinute, offsetMinutes) => {
          const start = instant(new Date(from2026 + startMinute * MINUTE));
          const other = instant(new Date(Date.parse(start) + offsetMinutes * MINUTE));
          const { day, week } = localDayAndWeek(start, zone);
          const date = localDateTime(start, zone).date;
          const otherDate = localDateTime(other, zone).date;
          const inDay = day.from <= other && other < day.to;
          expect(inDay).toBe(otherDate === date);
          const monday = addCivilDays(date, 1 - isoWeekday(date));
          const otherMonday = addCivilDays(otherDate, 1 - isoWeekday(otherDate));
          const inWeek = week.from <= other && other < week.to;
          expect(inWeek).toBe(otherMonday === monday);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a day in Moscow starts at 21:00 UTC the day before; a skipped midnight at the jump', () => {
    expect(localDayAndWeek(instant('2026-05-12T06:00:00Z'), 'Europe/Moscow')).toEqual({
      day: { from: '2026-05-11T21:00:00.000Z', to: '2026-05-12T21:00:00.000Z' },
      week: { from: '2026-05-10T21:00:00.000Z', to: '2026-05-17T21:00:00.000Z' },
    });
    // Chile: on 6 September 2026 the clock jumps from 00:00 to 01:00 (UTC−4 → UTC−3).
    const { day } = localDayAndWeek(instant('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(day).toEqual({ from: '2026-09-06T04:00:00.000Z', to: '2026-09-07T03:00:00.000Z' });
  });
});

describe('bookingGuardFor', () => {
  const schedule = createNetworkSchedule({
    networkId: 'town',
    availabilities: [
      {
        specialistId: 'psy-1',
        siteId: 'kp-a',
        serviceId: 'speech',
        rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '13:00' }],
      },
      {
        specialistId: 'psy-1',
        siteId: 'lek-b',
        serviceId: 'play',
        timeZone: 'Asia/Vladivostok',
        rules: [{ weekdays: [3], start: '10:00', end: '12:00' }],
      },
    ],
    bookingRules: [
      {
        serviceId: 'speech',
        duration: 45,
        bufferBefore: 5,
        bufferAfter: 15,
        limits: { perDay: 6, perWeek: 20, perContact: 2 },
      },
      { serviceId: 'play', duration: 60, seats: 8 },
    ],
    travel: [
      { fromSiteId: 'kp-a', toSiteId: 'lek-b', minutes: 20 },
      { fromSiteId: 'lek-b', toSiteId: 'kp-a', minutes: 25 },
      { fromSiteId: 'kp-c', toSiteId: 'lek-b', minutes: 40 },
    ],
  });
  const speech = {
    serviceId: 'speech',
    siteId: 'kp-a',
    specialistId: 'psy-1',
    start: instant('2026-05-12T06:00:00Z'),
    end: instant('2026-05-12T06:45:00Z'),
  };

  it('resolves the day and week in the site’s zone, the limits, buffers and travel both ways', () => {
    expect(bookingGuardFor(schedule, speech)).toEqual({
      day: { from: '2026-05-11T21:00:00.000Z', to: '2026-05-12T21:00:00.000Z' },
      week: { from: '2026-05-10T21:00:00.000Z', to: '2026-05-17T21:00:00.000Z' },
      perDay: 6,
      perWeek: 20,
      bufferBefore: 5,
      bufferAfter: 15,
      // The longest of the two entries of the pair holds both ways; kp-c has no entry with kp-a.
      travel: { 'lek-b': [25, 25] },
      perContact: 2,
    });
    const play = bookingGuardFor(schedule, {
      serviceId: 'play',
      siteId: 'lek-b',
      specialistId: 'psy-1',
      start: instant('2026-05-12T23:00:00Z'),
      end: instant('2026-05-13T00:00:00Z'),
    });
    expect(play).toEqual({
      // 13 May in Vladivostok (UTC+10).
      day: { from: '2026-05-12T14:00:00.000Z', to: '2026-05-13T14:00:00.000Z' },
      week: { from: '2026-05-10T14:00:00.000Z', to: '2026-05-17T14:00:00.000Z' },
      bufferBefore: 0,
      bufferAfter: 0,
      travel: { 'kp-a': [25, 25], 'kp-c': [40, 40] },
      perContact: defaultActivePerContact,
    });
  });

  it('gives nothing for a place the schedule does not offer', () => {
    expect(bookingGuardFor(schedule, { ...speech, siteId: 'lek-b' })).toBeUndefined();
    expect(bookingGuardFor(schedule, { ...speech, serviceId: 'nothing' })).toBeUndefined();
  });

  it('does not change the schedule', () => {
    const before = structuredClone(schedule);
    bookingGuardFor(schedule, speech);
    expect(schedule).toStrictEqual(before);
  });
});
