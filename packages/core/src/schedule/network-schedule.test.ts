import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../common/index.js';
import { instant } from './instant.js';
import {
  createNetworkSchedule,
  freeSlots,
  offeredSlot,
  parsePublishedSchedule,
} from './network-schedule.js';

const schedule = createNetworkSchedule({
  networkId: 'town',
  availabilities: [
    {
      specialistId: 'speech-1',
      siteId: 'kp-a',
      serviceId: 'speech',
      rules: [{ weekdays: [2], start: '09:00', end: '12:00' }],
    },
    {
      specialistId: 'speech-2',
      siteId: 'kp-b',
      serviceId: 'speech',
      rules: [{ weekdays: [2], start: '09:00', end: '10:00' }],
    },
  ],
  bookingRules: [
    { serviceId: 'speech', duration: 45, bufferAfter: 15, step: 15, ages: { from: 3, to: 7 } },
  ],
});
const now = instant('2026-05-11T06:00:00Z');
const tuesday = { serviceId: 'speech', from: '2026-05-12', to: '2026-05-12' };

describe('network schedule', () => {
  it('rejects availabilities of services without booking rules and rules given twice', () => {
    try {
      createNetworkSchedule({
        networkId: 'town',
        availabilities: [{ specialistId: 's', siteId: 'x', serviceId: 'lekoteka', rules: [] }],
        bookingRules: [
          { serviceId: 'speech', duration: 45 },
          { serviceId: 'speech', duration: 30 },
        ],
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as ValidationError).issues;
      expect(issues.map((issue) => issue.path.join('.'))).toEqual([
        'bookingRules.1.serviceId',
        'availabilities.0.serviceId',
      ]);
      expect(issues[1]!.message.ru).toContain('нет правил записи');
    }
  });

  it('reads a published schedule as createNetworkSchedule does, without the official calendar check', () => {
    const input = {
      networkId: 'town',
      availabilities: [{ specialistId: 's', siteId: 'x', serviceId: 'lekoteka', rules: [] }],
      bookingRules: [
        { serviceId: 'speech', duration: 45 },
        { serviceId: 'speech', duration: 30 },
      ],
    };
    const paths = (read: (value: unknown) => unknown): string[] => {
      try {
        read(input);
        return [];
      } catch (error) {
        return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      }
    };
    expect(paths(parsePublishedSchedule)).toEqual(paths(createNetworkSchedule));
    expect(parsePublishedSchedule(schedule)).toEqual(schedule);
    // 3 January 2026 (a Saturday) is a New Year holiday of the official calendar: a network
    // calendar calling it a working Saturday contradicts it, which only the full check sees.
    const contradicting = {
      networkId: 'town',
      availabilities: [],
      bookingRules: [],
      calendar: { version: 'town', workingWeekends: [{ date: '2026-01-03' }], holidays: [] },
    };
    expect(() => createNetworkSchedule(contradicting)).toThrow();
    expect(parsePublishedSchedule(contradicting).networkId).toBe('town');
  });

  it('applies the service rules and narrows by site, specialist and child age', () => {
    const all = freeSlots(schedule, tuesday, now, []);
    // Moscow is UTC+3: 09:00, 09:15, … 11:15 local at kp-a (10 starts), 09:00 and 09:15 at kp-b.
    expect(all.filter((slot) => slot.siteId === 'kp-a')).toHaveLength(10);
    expect(all.filter((slot) => slot.siteId === 'kp-b').map((slot) => slot.start)).toEqual([
      '2026-05-12T06:00:00.000Z',
      '2026-05-12T06:15:00.000Z',
    ]);
    expect(freeSlots(schedule, { ...tuesday, siteId: 'kp-b' }, now, [])).toHaveLength(2);
    expect(freeSlots(schedule, { ...tuesday, specialistId: 'speech-1' }, now, [])).toHaveLength(10);
    expect(freeSlots(schedule, { ...tuesday, childAge: 12 }, now, [])).toEqual([]);
    expect(freeSlots(schedule, { ...tuesday, serviceId: 'unknown' }, now, [])).toEqual([]);
  });

  it('leaves out time already booked, with the buffer', () => {
    const busy = [
      {
        specialistId: 'speech-2',
        siteId: 'kp-b',
        serviceId: 'speech',
        start: instant('2026-05-12T06:00:00Z'),
        end: instant('2026-05-12T06:45:00Z'),
        seats: 1,
      },
    ];
    expect(freeSlots(schedule, { ...tuesday, siteId: 'kp-b' }, now, busy)).toEqual([]);
  });

  it('finds the one slot a booking asks for exactly when the period search offers it', () => {
    const busy = [
      {
        specialistId: 'speech-1',
        siteId: 'kp-a',
        serviceId: 'speech',
        start: instant('2026-05-12T07:00:00Z'),
        end: instant('2026-05-12T07:45:00Z'),
        seats: 1,
      },
    ];
    const week = { serviceId: 'speech', from: '2026-05-11', to: '2026-05-17' };
    const offered = new Set(
      freeSlots(schedule, week, now, busy).map((slot) => `${slot.specialistId} ${slot.start}`),
    );
    for (const specialistId of ['speech-1', 'speech-2']) {
      const siteId = specialistId === 'speech-1' ? 'kp-a' : 'kp-b';
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const start = instant(new Date(Date.parse('2026-05-12T00:00:00Z') + minutes * 60_000));
        const end = instant(new Date(Date.parse(start) + 45 * 60_000));
        const choice = { serviceId: 'speech', siteId, specialistId, start, end, childAge: 4 };
        const slot = offeredSlot(schedule, choice, now, busy);
        expect(slot !== undefined).toBe(offered.has(`${specialistId} ${start}`));
        if (slot !== undefined) expect(slot.seatsLeft).toBe(1);
      }
    }
    const start = instant('2026-05-12T06:00:00Z');
    const end = instant('2026-05-12T06:45:00Z');
    const choice = { serviceId: 'speech', siteId: 'kp-a', specialistId: 'speech-1', start, end };
    expect(offeredSlot(schedule, { ...choice, childAge: 12 }, now, busy)).toBeUndefined();
    expect(offeredSlot(schedule, { ...choice, siteId: 'kp-b' }, now, busy)).toBeUndefined();
    expect(
      offeredSlot(schedule, { ...choice, end: instant('2026-05-12T06:30:00Z') }, now, busy),
    ).toBeUndefined();
  });

  it('checks the period, clock and busy time it is given, taking valid ones as they are', () => {
    const busy = {
      specialistId: 'speech-2',
      siteId: 'kp-b',
      serviceId: 'speech',
      start: instant('2026-05-12T06:00:00Z'),
      end: instant('2026-05-12T06:45:00Z'),
      seats: 1,
    };
    const expected = freeSlots(schedule, tuesday, now, [busy]);
    // Texts the schema normalizes (no milliseconds) give the same slots.
    const loose = { ...busy, start: '2026-05-12T06:00:00Z', end: '2026-05-12T06:45:00Z' };
    expect(freeSlots(schedule, tuesday, now, [loose as unknown as typeof busy])).toEqual(expected);
    const invalid = (run: () => unknown): string[] => {
      try {
        run();
      } catch (error) {
        return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      }
      return [];
    };
    expect(invalid(() => freeSlots(schedule, { ...tuesday, to: '2026-05-11' }, now, []))).toEqual([
      'to',
    ]);
    expect(invalid(() => freeSlots(schedule, { ...tuesday, from: '2026-02-30' }, now, []))).toEqual(
      ['from'],
    );
    const reversed = { ...busy, start: busy.end, end: busy.start };
    expect(invalid(() => freeSlots(schedule, tuesday, now, [busy, reversed]))).toEqual([
      'busy.1.end',
    ]);
    expect(invalid(() => freeSlots(schedule, tuesday, 'yesterday' as typeof now, []))).toEqual([
      'now',
    ]);
  });
});
