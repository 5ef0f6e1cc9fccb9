import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareSchoolYears,
  formatSchoolYear,
  isoDate,
  nextSchoolYear,
  parseSchoolYear,
  schoolYearBounds,
  schoolYearOf,
  schoolYearRange,
  schoolYearStarting,
  ValidationError,
} from './index.js';

describe('SchoolYear', () => {
  it('a date on or after 1 September belongs to the year that starts then', () => {
    expect(schoolYearOf(isoDate('2020-08-31'))).toBe('2019-2020');
    expect(schoolYearOf(isoDate('2020-09-01'))).toBe('2020-2021');
    expect(schoolYearOf(isoDate('2021-01-15'))).toBe('2020-2021');
  });

  it('parses the ways spreadsheets write it and rejects the rest with both languages', () => {
    expect(parseSchoolYear(' 2019/2020 ')).toBe('2019-2020');
    expect(parseSchoolYear('2019–2020')).toBe('2019-2020');
    expect(() => parseSchoolYear('2019-2021')).toThrow(ValidationError);
    try {
      parseSchoolYear('прошлый год');
    } catch (error) {
      expect((error as ValidationError).issues[0]!.message.ru).toContain('не учебный год');
      expect((error as ValidationError).issues[0]!.message.en).toContain('not a school year');
    }
  });

  it('formats, compares and iterates', () => {
    const year = parseSchoolYear('2019-2020');
    expect(formatSchoolYear(year, 'short')).toBe('2019/20');
    expect(formatSchoolYear(year, 'long', 'en')).toBe('school year 2019–2020');
    expect(nextSchoolYear(year)).toBe('2020-2021');
    expect(
      schoolYearRange(parseSchoolYear('2012-2013'), parseSchoolYear('2020-2021')),
    ).toHaveLength(9);
    expect(schoolYearBounds(year)).toEqual({ start: '2019-09-01', end: '2020-08-31' });
    expect([nextSchoolYear(year), year].sort(compareSchoolYears)).toEqual([
      year,
      nextSchoolYear(year),
    ]);
  });

  it('every day of a school year belongs to it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 0, max: 364 }),
        (start, offset) => {
          const year = schoolYearStarting(start);
          const day = new Date(Date.UTC(start, 8, 1 + offset)).toISOString().slice(0, 10);
          expect(schoolYearOf(day)).toBe(year);
        },
      ),
    );
  });

  it('accepts spaced separators and the em dash, and rejects malformed text', () => {
    expect(parseSchoolYear('2019 - 2020')).toBe('2019-2020');
    expect(parseSchoolYear('2019 — 2020')).toBe('2019-2020');
    for (const text of ['2019', '2019-20', '2020-2019', '', '2019--2020']) {
      expect(() => parseSchoolYear(text)).toThrow(ValidationError);
    }
  });

  it('formats in both languages and ranges are empty when from is later', () => {
    const year = parseSchoolYear('2019-2020');
    expect(formatSchoolYear(year)).toBe('2019-2020');
    expect(formatSchoolYear(year, 'long')).toBe('2019–2020 учебный год');
    expect(formatSchoolYear(parseSchoolYear('1999-2000'), 'short')).toBe('1999/00');
    expect(schoolYearRange(nextSchoolYear(year), year)).toEqual([]);
    expect(nextSchoolYear(year, -2)).toBe('2017-2018');
  });

  it('rejects invalid calendar years and dates with RangeError', () => {
    for (const start of [2019.5, 999, 9999, NaN]) {
      expect(() => schoolYearStarting(start)).toThrow(RangeError);
    }
    expect(() => schoolYearOf('2021-02-29')).toThrow(RangeError);
  });
});
