import { hoursOnDate, type Availability } from './availability.js';
import { onVacation, type Vacation } from './slots.js';
import {
  dayKind,
  isoWeekday,
  schoolHolidaysOn,
  workingWeekendOn,
  type WorkCalendar,
} from './work-calendar.js';

/**
 * The hours of an availability on a date once the working-day calendar is applied, as slot
 * generation sees them: none on holidays, closures, transferred days off and (when the site
 * closes then) school holidays; working weekends follow the site's setting; shortened days
 * end an hour earlier; none on the specialist's `vacations`. Minutes from local midnight, like
 * {@link hoursOnDate}. (Slot
 * generation applies the same rule through per-query tables for speed; the tests of
 * `working-hours.test.ts` hold the two to the same answers.)
 *
 * @example
 * ```ts
 * import { emptyWorkCalendar, workingHoursOn, type Availability } from '@eduset/core/schedule';
 * declare const availability: Availability;
 * workingHoursOn(availability, emptyWorkCalendar, '2026-05-12'); // [{ start: 540, end: 720 }]
 * ```
 */
export function workingHoursOn(
  availability: Availability,
  calendar: WorkCalendar,
  date: string,
  vacations: readonly Pick<Vacation, 'specialistId' | 'from' | 'to'>[] = [],
): { start: number; end: number }[] {
  if (onVacation(vacations, availability.specialistId, date)) return [];
  const kind = dayKind(calendar, date, { siteId: availability.siteId });
  if (kind === 'holiday' || kind === 'closed') return [];
  const weekday = isoWeekday(date);
  if (kind === 'weekend' && weekday <= 5) return [];
  if (
    availability.closedOnSchoolHolidays &&
    schoolHolidaysOn(calendar, date, { siteId: availability.siteId }) !== undefined
  ) {
    return [];
  }
  const workingWeekend = workingWeekendOn(calendar, date);
  const rulesOf =
    workingWeekend !== undefined && availability.worksOnWorkingWeekends
      ? (workingWeekend.worksAs ?? weekday)
      : weekday;
  const hours = hoursOnDate(availability, date, rulesOf);
  if (kind !== 'shortened' || hours.length === 0) return hours;
  const closing = Math.max(...hours.map((range) => range.end)) - 60;
  return hours
    .map((range) => ({ start: range.start, end: Math.min(range.end, closing) }))
    .filter((range) => range.start < range.end);
}
