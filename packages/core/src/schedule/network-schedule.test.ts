import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../common/index.js';
import { instant } from './instant.js';
import { createNetworkSchedule, freeSlots } from './network-schedule.js';

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
});
