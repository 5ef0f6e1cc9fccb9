import { describe, expect, it } from 'vitest';
import { parse, safeParse, ValidationError } from '../common/index.js';
import {
  addCivilDays,
  civilDaysBetween,
  closureOn,
  dayKind,
  emptyWorkCalendar,
  isoWeekday,
  isWorkingDay,
  mergeCalendars,
  schoolHolidaysOn,
  workCalendarSchema,
} from './index.js';

// A small made-up example in the shape of the official calendar. It is NOT official data:
// the official Russian calendar for 2024–2027 is a separate step.
const official = parse(workCalendarSchema, {
  version: 'example-2026.1',
  holidays: [
    { date: '2026-05-01', label: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
    { date: '2026-05-09', label: { ru: 'День Победы', en: 'Victory Day' } },
  ],
  transferredDaysOff: [{ date: '2026-05-11' }],
  workingWeekends: [{ date: '2026-05-16', worksAs: 1 }],
  shortenedDays: [{ date: '2026-04-30' }, { date: '2026-05-08' }],
});

const municipal = parse(workCalendarSchema, {
  version: 'udomlya-2026.1',
  schoolHolidays: [
    {
      from: '2026-03-23',
      to: '2026-03-29',
      label: { ru: 'Весенние каникулы', en: 'Spring school holidays' },
    },
  ],
  closures: [
    {
      from: '2026-02-02',
      to: '2026-02-06',
      label: { ru: 'Карантин', en: 'Quarantine' },
      siteIds: ['kp-teremok'],
    },
    { from: '2026-06-12', to: '2026-06-12', label: { ru: 'День города', en: 'Town day' } },
  ],
});

describe('civil date helpers', () => {
  it('compute weekdays and day arithmetic without a zone', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(addCivilDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCivilDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCivilDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(civilDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});

describe('dayKind and isWorkingDay', () => {
  it('an empty calendar means plain Monday–Friday weeks', () => {
    const kinds = ['2026-03-23', '2026-03-27', '2026-03-28', '2026-03-29'].map((date) =>
      dayKind(emptyWorkCalendar, date),
    );
    expect(kinds).toEqual(['working', 'working', 'weekend', 'weekend']);
  });

  it('classifies holidays, transfers, working weekends and shortened days', () => {
    expect(dayKind(official, '2026-05-01')).toBe('holiday');
    expect(dayKind(official, '2026-05-09')).toBe('holiday');
    expect(dayKind(official, '2026-05-11')).toBe('weekend');
    expect(dayKind(official, '2026-05-16')).toBe('working');
    expect(dayKind(official, '2026-04-30')).toBe('shortened');
    expect(dayKind(official, '2026-05-12')).toBe('working');
  });

  it('a working Saturday is worked only where the site works such days', () => {
    expect(isWorkingDay(official, '2026-05-16', { worksOnWorkingWeekends: true })).toBe(true);
    expect(isWorkingDay(official, '2026-05-16', { worksOnWorkingWeekends: false })).toBe(false);
    expect(isWorkingDay(official, '2026-05-16')).toBe(false);
    expect(isWorkingDay(official, '2026-04-30')).toBe(true);
    expect(isWorkingDay(official, '2026-05-11')).toBe(false);
  });

  it('closures apply to their sites (or all); school holidays do not change the kind', () => {
    expect(dayKind(municipal, '2026-02-03', { siteId: 'kp-teremok' })).toBe('closed');
    expect(dayKind(municipal, '2026-02-03', { siteId: 'lekoteka-1' })).toBe('working');
    expect(dayKind(municipal, '2026-02-03')).toBe('working');
    expect(dayKind(municipal, '2026-06-12', { siteId: 'lekoteka-1' })).toBe('closed');
    expect(closureOn(municipal, '2026-06-12')?.label.en).toBe('Town day');
    expect(dayKind(municipal, '2026-03-24')).toBe('working');
    expect(schoolHolidaysOn(municipal, '2026-03-24')?.label.ru).toBe('Весенние каникулы');
  });
});

describe('mergeCalendars', () => {
  it('unites both calendars and names both versions', () => {
    const merged = mergeCalendars(official, municipal);
    expect(merged.version).toBe('example-2026.1+udomlya-2026.1');
    expect(dayKind(merged, '2026-05-01')).toBe('holiday');
    expect(dayKind(merged, '2026-06-12')).toBe('closed');
    expect(dayKind(merged, '2026-02-04', { siteId: 'kp-teremok' })).toBe('closed');
  });

  it('keeps a date listed in both once and does not mutate its inputs', () => {
    const before = structuredClone([official, municipal]);
    const twice = mergeCalendars(official, official);
    expect(twice.holidays).toEqual(official.holidays);
    expect([official, municipal]).toEqual(before);
  });

  it('refuses a result that contradicts itself', () => {
    const working = parse(workCalendarSchema, {
      version: 'x',
      workingWeekends: [{ date: '2026-05-09' }],
    });
    expect(() => mergeCalendars(official, working)).toThrow(ValidationError);
  });
});

describe('workCalendarSchema', () => {
  it('rejects working weekdays listed as working weekends and contradictory dates', () => {
    const result = safeParse(workCalendarSchema, {
      version: '1',
      holidays: [{ date: '2026-05-01' }],
      workingWeekends: [{ date: '2026-05-12' }],
      shortenedDays: [{ date: '2026-05-01' }],
      closures: [
        { from: '2026-02-06', to: '2026-02-02', label: { ru: 'Карантин', en: 'Quarantine' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['workingWeekends.0.date', 'shortenedDays.0.date', 'closures.0.to']),
    );
  });
});
