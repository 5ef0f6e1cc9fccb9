import { describe, expect, it } from 'vitest';
import {
  bookingsHitByChange,
  changedBookingRules,
  createNetworkSchedule,
  freeSlots,
  instant,
  scheduleCalendar,
  specialistSchedule,
  withSpecialistSchedule,
  type Booking,
  type NetworkScheduleInput,
  type Slot,
} from './index.js';

const base: NetworkScheduleInput = {
  networkId: 'town',
  availabilities: [
    {
      specialistId: 'psy-1',
      siteId: 'kp-a',
      serviceId: 'speech',
      rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }],
    },
    {
      specialistId: 'psy-1',
      siteId: 'lek-b',
      serviceId: 'speech',
      rules: [{ weekdays: [1, 2, 3, 4, 5], start: '14:00', end: '16:00' }],
    },
  ],
  bookingRules: [
    { serviceId: 'speech', duration: 60, siteSessions: [{ siteId: 'lek-b', duration: 30 }] },
  ],
};
const now = instant('2026-04-20T00:00:00Z');
const day = (date: string, input = base): Slot[] =>
  freeSlots(createNetworkSchedule(input), { serviceId: 'speech', from: date, to: date }, now, []);

describe('schedule model of the availability editor', () => {
  it('applies the official Russian calendar by default, and not with officialCalendar: none', () => {
    expect(day('2026-05-01')).toEqual([]); // Праздник Весны и Труда
    expect(day('2026-05-11')).toEqual([]); // the day off moved from Saturday 9 May
    expect(day('2026-05-01', { ...base, officialCalendar: 'none' }).length).toBeGreaterThan(0);
    expect(scheduleCalendar(createNetworkSchedule(base)).holidays.length).toBeGreaterThan(20);
  });

  it('gives a site its own session length', () => {
    const slots = day('2026-05-12');
    expect(slots.filter((slot) => slot.siteId === 'kp-a')).toHaveLength(3);
    expect(slots.filter((slot) => slot.siteId === 'lek-b')).toHaveLength(4);
    expect(slots.map((slot) => slot.start)).toEqual([...slots.map((slot) => slot.start)].sort());
  });

  it('offers nothing on a vacation and lists the consultations it would hit', () => {
    const current = createNetworkSchedule(base);
    const slots = day('2026-05-12');
    const bookings = slots
      .slice(0, 2)
      .map(
        (slot, index) =>
          ({ ...slot, id: `b-${index}`, status: 'confirmed', seats: 1 }) as unknown as Booking,
      );
    const away = withSpecialistSchedule(current, {
      ...specialistSchedule(current, 'psy-1'),
      vacations: [{ specialistId: 'psy-1', from: '2026-05-12', to: '2026-05-14' }],
    });
    expect(day('2026-05-12', away)).toEqual([]);
    expect(day('2026-05-15', away).length).toBeGreaterThan(0);
    expect(bookingsHitByChange(current, away, bookings, now).map((b) => b.id)).toEqual([
      'b-0',
      'b-1',
    ]);
  });

  it('refuses another specialist’s entries in one’s part, and tells which service rules changed', () => {
    const current = createNetworkSchedule(base);
    expect(() =>
      withSpecialistSchedule(current, {
        specialistId: 'psy-2',
        availabilities: [],
        vacations: [{ specialistId: 'psy-1', from: '2026-05-12', to: '2026-05-12' }],
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['vacations', 0, 'specialistId'] })],
      }),
    );
    const longer = withSpecialistSchedule(current, specialistSchedule(current, 'psy-1'), {
      bookingRules: [{ serviceId: 'speech', duration: 90 }],
    });
    expect(changedBookingRules(current.bookingRules, longer.bookingRules)).toEqual(['speech']);
    expect(changedBookingRules(current.bookingRules, current.bookingRules)).toEqual([]);
  });
});
