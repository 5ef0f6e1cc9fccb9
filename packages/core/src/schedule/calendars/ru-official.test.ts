import { describe, expect, it } from 'vitest';
import { addCivilDays, dayKind, isoWeekday, isWorkingDay } from '../work-calendar.js';
import { russianWorkCalendar } from './ru-official.js';

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addCivilDays(date, 1)) {
    days.push(date);
  }
  return days;
}

/** Working days and hours at 40 h/week (8 h a day, 7 on a shortened day), five-day week. */
function totals(year: number): { workingDays: number; hours: number } {
  let workingDays = 0;
  let hours = 0;
  for (const date of daysOf(year)) {
    const kind = dayKind(russianWorkCalendar, date);
    if (kind === 'working' || kind === 'shortened') {
      workingDays += 1;
      hours += kind === 'shortened' ? 7 : 8;
    }
  }
  return { workingDays, hours };
}

describe('russianWorkCalendar', () => {
  it.each([
    { year: 2024, workingDays: 248, hours: 1979 },
    { year: 2025, workingDays: 247, hours: 1972 },
    { year: 2026, workingDays: 247, hours: 1972 },
    // Provisional: the Labour Code alone, before the 2027 transfer decree (see ru-official.ts).
    { year: 2027, workingDays: 249, hours: 1988 },
  ])('gives the official totals of $year: $workingDays days, $hours hours', (expected) => {
    expect(totals(expected.year)).toEqual({
      workingDays: expected.workingDays,
      hours: expected.hours,
    });
  });

  it('has working Saturdays where the decrees put them', () => {
    for (const date of ['2024-04-27', '2024-11-02', '2024-12-28', '2025-11-01']) {
      expect(isoWeekday(date), date).toBe(6);
      expect(isWorkingDay(russianWorkCalendar, date, { worksOnWorkingWeekends: true }), date).toBe(
        true,
      );
      expect(isWorkingDay(russianWorkCalendar, date), date).toBe(false);
    }
    // Only these four Saturdays or Sundays are working in 2024–2027 (2027: none before its decree).
    expect(russianWorkCalendar.workingWeekends.map((entry) => entry.date)).toEqual([
      '2024-04-27',
      '2024-11-02',
      '2024-12-28',
      '2025-11-01',
    ]);
    // A working Saturday takes the hours of the weekday whose day off it gave.
    expect(russianWorkCalendar.workingWeekends.map((entry) => entry.worksAs)).toEqual([1, 2, 1, 1]);
  });

  it('makes the moved days off weekday days off', () => {
    for (const date of [
      '2024-04-29',
      '2024-04-30',
      '2024-05-10',
      '2024-12-30',
      '2024-12-31',
      '2025-05-02',
      '2025-05-08',
      '2025-06-13',
      '2025-11-03',
      '2025-12-31',
      '2026-01-09',
      '2026-03-09',
      '2026-05-11',
      '2026-12-31',
      '2027-05-03',
      '2027-05-10',
      '2027-06-14',
    ]) {
      expect(isoWeekday(date), date).toBeLessThanOrEqual(5);
      expect(dayKind(russianWorkCalendar, date), date).toBe('weekend');
      expect(isWorkingDay(russianWorkCalendar, date), date).toBe(false);
    }
  });

  it('keeps the holidays of art. 112 and works the days the decrees leave working', () => {
    expect(dayKind(russianWorkCalendar, '2025-01-07')).toBe('holiday');
    expect(dayKind(russianWorkCalendar, '2026-11-04')).toBe('holiday');
    expect(dayKind(russianWorkCalendar, '2024-06-12')).toBe('holiday');
    // 23 February 2025 (Sunday) went to 8 May, so Monday 24 February is working.
    expect(dayKind(russianWorkCalendar, '2025-02-24')).toBe('working');
    // 8 March 2025 (Saturday) went to 13 June, so Monday 10 March is working.
    expect(dayKind(russianWorkCalendar, '2025-03-10')).toBe('working');
    // The last working day of 2024 is the working Saturday 28 December, not shortened.
    expect(dayKind(russianWorkCalendar, '2024-12-28')).toBe('working');
    expect(dayKind(russianWorkCalendar, '2026-01-12')).toBe('working');
    // 2027, provisional: the New Year holidays are days off; Monday 11 January is working.
    for (const day of ['01', '04', '05', '06', '07', '08']) {
      expect(dayKind(russianWorkCalendar, `2027-01-${day}`)).toBe('holiday');
    }
    expect(dayKind(russianWorkCalendar, '2027-01-11')).toBe('working');
  });

  it('shortens the pre-holiday days by one hour', () => {
    expect(russianWorkCalendar.shortenedDays.map((entry) => entry.date)).toEqual([
      '2024-02-22',
      '2024-03-07',
      '2024-05-08',
      '2024-06-11',
      '2024-11-02',
      '2025-03-07',
      '2025-04-30',
      '2025-06-11',
      '2025-11-01',
      '2026-04-30',
      '2026-05-08',
      '2026-06-11',
      '2026-11-03',
      '2027-02-22',
      '2027-04-30',
      '2027-06-11',
      '2027-11-03',
    ]);
    for (const entry of russianWorkCalendar.shortenedDays) {
      expect(dayKind(russianWorkCalendar, entry.date), entry.date).toBe('shortened');
      // After it, past any days off, comes a public holiday.
      let next = addCivilDays(entry.date, 1);
      while (dayKind(russianWorkCalendar, next) === 'weekend') {
        next = addCivilDays(next, 1);
      }
      expect(dayKind(russianWorkCalendar, next), `${entry.date} → ${next}`).toBe('holiday');
    }
  });

  it('lists each date once, in 2024–2027, sorted, with a Russian and English label', () => {
    const lists = [
      russianWorkCalendar.holidays,
      russianWorkCalendar.transferredDaysOff,
      russianWorkCalendar.workingWeekends,
      russianWorkCalendar.shortenedDays,
    ];
    for (const list of lists) {
      const dates = list.map((entry) => entry.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      for (const entry of list) {
        expect(['2024', '2025', '2026', '2027']).toContain(entry.date.slice(0, 4));
        expect(entry.label?.ru, entry.date).toBeTruthy();
        expect(entry.label?.en, entry.date).toBeTruthy();
      }
    }
    // Fourteen public holidays a year (eight in January).
    expect(russianWorkCalendar.holidays).toHaveLength(4 * 14);
    expect(russianWorkCalendar.schoolHolidays).toEqual([]);
    expect(russianWorkCalendar.closures).toEqual([]);
  });
});
