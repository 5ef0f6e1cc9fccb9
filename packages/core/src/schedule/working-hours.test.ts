import { describe, expect, it } from 'vitest';
import { parse } from '../common/index.js';
import { availabilitySchema } from './availability.js';
import { russianWorkCalendar } from './calendars/ru-official.js';
import { addCivilDays } from './work-calendar.js';
import { generateSlots } from './slots.js';
import { workingHoursOn } from './working-hours.js';

// Slot generation applies the calendar through per-query tables; workingHoursOn is the same
// rule for one date. Held together here: 15-minute slots over 2025 (moved days off, working
// Saturday, shortened days) start exactly on the quarters inside workingHoursOn's hours.
describe('workingHoursOn', () => {
  const availabilities = [{ worksOnWorkingWeekends: false }, { worksOnWorkingWeekends: true }].map(
    (settings) =>
      parse(availabilitySchema, {
        specialistId: 'psy-1',
        siteId: 'kp-a',
        serviceId: 'consultation',
        timeZone: 'UTC',
        rules: [
          {
            weekdays: [1, 2, 3, 4, 5],
            start: '09:00',
            end: '13:00',
            breaks: [{ start: '11:00', end: '11:15' }],
          },
          { weekdays: [6], start: '10:00', end: '12:00' },
        ],
        ...settings,
      }),
  );

  for (const availability of availabilities) {
    it(`matches slot generation (working weekends: ${availability.worksOnWorkingWeekends})`, () => {
      const slots = generateSlots({
        serviceId: 'consultation',
        availabilities: [availability],
        from: '2025-01-01',
        to: '2025-12-31',
        now: '2024-12-01T00:00:00.000Z',
        duration: 15,
        step: 15,
        calendar: russianWorkCalendar,
      });
      const expected: string[] = [];
      for (let date = '2025-01-01'; date <= '2025-12-31'; date = addCivilDays(date, 1)) {
        for (const { start, end } of workingHoursOn(availability, russianWorkCalendar, date)) {
          for (let minute = start; minute + 15 <= end; minute += 15) {
            const hh = String(Math.floor(minute / 60)).padStart(2, '0');
            const mm = String(minute % 60).padStart(2, '0');
            expected.push(`${date}T${hh}:${mm}:00.000Z`);
          }
        }
      }
      expect(slots.map((slot) => slot.start)).toEqual(expected);
      expect(workingHoursOn(availability, russianWorkCalendar, '2025-01-02')).toEqual([]);
    });
  }
});
