import type { IsoDate } from '../common/index.js';

// Civil-date arithmetic, apart from the working-day calendar (work-calendar.ts re-exports
// it), so that what only counts days (the slot picker) does not load the calendar schemas.
// The slow path (anything but a real `YYYY-MM-DD` of years 0000–9999) is plain UTC `Date`
// arithmetic — what date-fns in its `UTC` context did, without loading @date-fns/tz's TZDate.

const dayMs = 24 * 60 * 60 * 1000;

/** A civil date as a Date at UTC midnight (an invalid Date when it is no date). */
function civil(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// Fast paths. Slot generation calls these helpers for every availability on every date, and
// building a Date from a string for each call dominated its profile. A real civil date
// `YYYY-MM-DD` is read digit by digit and turned into a day number with integer arithmetic
// (days since 1970-01-01 in the proleptic Gregorian calendar, H. Hinnant's `days_from_civil`),
// which needs no Date, no parsing and no zone. Anything else (not a real date, a year the
// four-digit form cannot write) keeps the date-fns path, so the results stay exactly the same.

/** The value of the ASCII digit at `index`, or -1 when it is not a digit. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (any year; month 1–12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The day number (days since 1970-01-01) of a real civil date `YYYY-MM-DD`, or `undefined`
 * when the string is anything else.
 */
function civilDayNumber(date: string): number | undefined {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    return undefined;
  }
  const y0 = digitAt(date, 0);
  const y1 = digitAt(date, 1);
  const y2 = digitAt(date, 2);
  const y3 = digitAt(date, 3);
  const m0 = digitAt(date, 5);
  const m1 = digitAt(date, 6);
  const d0 = digitAt(date, 8);
  const d1 = digitAt(date, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const length = month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
  if (day > length) return undefined;
  return daysFromCivil(year, month, day);
}

/**
 * The civil date `YYYY-MM-DD` of a day number (days since 1970-01-01), or `undefined` when its
 * year is outside 0000–9999 (H. Hinnant's `civil_from_days`).
 */
function civilDateOfDayNumber(dayNumber: number): IsoDate | undefined {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return undefined;
  const yearText =
    year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${yearText}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/**
 * The ISO weekday (1 Monday … 7 Sunday) of a day number: 1970-01-01 was a Thursday.
 */
function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * The ISO weekday of a civil date: 1 is Monday, 7 is Sunday. A civil date is the same day in
 * every zone, so this does not depend on any time zone.
 *
 * @example
 * ```ts
 * import { isoWeekday } from '@eduset/core/schedule';
 * isoWeekday('2026-03-23'); // 1 (Monday)
 * ```
 */
export function isoWeekday(date: string): number {
  const dayNumber = civilDayNumber(date);
  if (dayNumber !== undefined) return weekdayOfDayNumber(dayNumber);
  const day = civil(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The civil date `days` after (or before, when negative) a civil date.
 *
 * @example
 * ```ts
 * import { addCivilDays } from '@eduset/core/schedule';
 * addCivilDays('2026-02-28', 1); // '2026-03-01'
 * ```
 */
export function addCivilDays(date: string, days: number): IsoDate {
  const dayNumber = Number.isSafeInteger(days) ? civilDayNumber(date) : undefined;
  const fast = dayNumber === undefined ? undefined : civilDateOfDayNumber(dayNumber + days);
  if (fast !== undefined) return fast;
  const slow = civil(date);
  slow.setUTCDate(slow.getUTCDate() + days);
  return slow.toISOString().slice(0, 10) as IsoDate;
}

/**
 * The number of days from one civil date to another (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * import { civilDaysBetween } from '@eduset/core/schedule';
 * civilDaysBetween('2026-03-23', '2026-03-30'); // 7
 * ```
 */
export function civilDaysBetween(from: string, to: string): number {
  const fromDay = civilDayNumber(from);
  const toDay = civilDayNumber(to);
  if (fromDay !== undefined && toDay !== undefined) return toDay - fromDay;
  const later = civil(to).setUTCHours(0, 0, 0, 0);
  const earlier = civil(from).setUTCHours(0, 0, 0, 0);
  return Math.round((later - earlier) / dayMs);
}
