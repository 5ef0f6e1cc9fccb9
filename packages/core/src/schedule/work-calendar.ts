import { z } from '../common/zod-mini.js';
import { isoDateSchema, localizedTextSchema, parse, type LocalizedText } from '../common/index.js';
import { siteIdSchema } from '../network/ids.js';
import { weekdaySchema } from './availability.js';
import { isoWeekday } from './civil-date.js';

// This file is the working-day calendar MODEL only. The official Russian calendar data
// (production calendar 2024–2027: holidays, transfers, shortened days) is a separate step and
// ships as data beside it; tests use a small example calendar.

export { addCivilDays, civilDaysBetween, isoWeekday } from './civil-date.js';

const dateEntrySchema = z.object({
  date: isoDateSchema,
  label: z.optional(localizedTextSchema),
});

/**
 * Schema of a working Saturday or Sunday: a weekend date the official calendar declares a
 * working day. `worksAs` names the weekday whose hours apply at sites that work such days;
 * without it, the weekly rules of the date's own weekday apply.
 *
 * @example
 * ```ts
 * import { workingWeekendSchema } from '@eduset/core/schedule';
 * workingWeekendSchema.parse({ date: '2025-11-01', worksAs: 1 });
 * ```
 */
export const workingWeekendSchema = z.object({
  date: isoDateSchema,
  worksAs: z.optional(weekdaySchema),
  label: z.optional(localizedTextSchema),
});

/**
 * A working weekend day. @example `const day: WorkingWeekend = workingWeekendSchema.parse({ date: '2025-11-01' });`
 */
export type WorkingWeekend = z.infer<typeof workingWeekendSchema>;

/**
 * Schema of a municipal period (school holidays, a closure): inclusive civil dates with a
 * Russian and English label. A closure may name the sites it closes; without `siteIds` it
 * closes every site.
 *
 * @example
 * ```ts
 * import { calendarPeriodSchema } from '@eduset/core/schedule';
 * calendarPeriodSchema.parse({
 *   from: '2026-03-23', to: '2026-03-29',
 *   label: { ru: 'Весенние каникулы', en: 'Spring school holidays' },
 * });
 * ```
 */
export const calendarPeriodSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    label: localizedTextSchema,
    siteIds: z.optional(z.array(siteIdSchema)),
  })
  .check(
    z.refine((period) => period.from <= period.to, {
      path: ['to'],
      params: {
        text: {
          ru: 'Дата окончания периода раньше даты начала',
          en: 'The period ends before it starts',
        },
      },
    }),
  );

/**
 * A municipal period. @example `const holidays: CalendarPeriod = calendarPeriodSchema.parse(json);`
 */
export type CalendarPeriod = z.infer<typeof calendarPeriodSchema>;

/**
 * Schema of a working-day calendar (производственный календарь), a versioned document:
 *
 * - `holidays` — public holidays (non-working days);
 * - `transferredDaysOff` — weekdays made days off by a transfer;
 * - `workingWeekends` — Saturdays and Sundays made working days;
 * - `shortenedDays` — pre-holiday working days one hour shorter;
 * - `schoolHolidays`, `closures` — municipal additions, each with a label.
 *
 * An empty calendar means plain Monday–Friday weeks. A date may not be both a day off and a
 * working day.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { workCalendarSchema } from '@eduset/core/schedule';
 * const calendar = parse(workCalendarSchema, {
 *   version: '2026-example.1',
 *   holidays: [{ date: '2026-05-01', label: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } }],
 *   shortenedDays: [{ date: '2026-04-30' }],
 * });
 * ```
 */
export const workCalendarSchema = z
  .object({
    version: z.string().check(z.trim(), z.minLength(1)),
    title: z.optional(localizedTextSchema),
    holidays: z._default(z.array(dateEntrySchema), []),
    transferredDaysOff: z._default(z.array(dateEntrySchema), []),
    workingWeekends: z._default(z.array(workingWeekendSchema), []),
    shortenedDays: z._default(z.array(dateEntrySchema), []),
    schoolHolidays: z._default(z.array(calendarPeriodSchema), []),
    closures: z._default(z.array(calendarPeriodSchema), []),
  })
  .check(
    z.superRefine((calendar, context) => {
      const daysOff = new Set([
        ...calendar.holidays.map((entry) => entry.date),
        ...calendar.transferredDaysOff.map((entry) => entry.date),
      ]);
      const conflict = (date: string): LocalizedText => ({
        ru: `Дата ${date} одновременно выходная и рабочая`,
        en: `The date ${date} is both a day off and a working day`,
      });
      calendar.workingWeekends.forEach((entry, index) => {
        if (daysOff.has(entry.date)) {
          context.addIssue({
            code: 'custom',
            path: ['workingWeekends', index, 'date'],
            params: { text: conflict(entry.date) },
          });
        } else if (isoWeekday(entry.date) < 6) {
          context.addIssue({
            code: 'custom',
            path: ['workingWeekends', index, 'date'],
            params: {
              text: {
                ru: `Дата ${entry.date} — не суббота и не воскресенье`,
                en: `The date ${entry.date} is neither a Saturday nor a Sunday`,
              },
            },
          });
        }
      });
      calendar.shortenedDays.forEach((entry, index) => {
        if (daysOff.has(entry.date)) {
          context.addIssue({
            code: 'custom',
            path: ['shortenedDays', index, 'date'],
            params: { text: conflict(entry.date) },
          });
        }
      });
    }),
  );

/**
 * A working-day calendar (validated). @example `const calendar: WorkCalendar = parse(workCalendarSchema, json);`
 */
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

/**
 * A working-day calendar as outside data may give it. @example `const input: WorkCalendarInput = { version: '1' };`
 */
export type WorkCalendarInput = z.input<typeof workCalendarSchema>;

/**
 * The calendar with no entries: plain Monday–Friday weeks.
 *
 * @example
 * ```ts
 * import { emptyWorkCalendar, dayKind } from '@eduset/core/schedule';
 * dayKind(emptyWorkCalendar, '2026-03-28'); // 'weekend'
 * ```
 */
export const emptyWorkCalendar: WorkCalendar = parse(workCalendarSchema, { version: 'empty' });

/**
 * What a civil date is in a calendar:
 * `closed` (a municipal closure), `holiday` (a public holiday), `weekend` (a Saturday or
 * Sunday that is not made working, or a transferred day off), `shortened` (a working day one
 * hour shorter) or `working`.
 *
 * @example
 * ```ts
 * import { dayKind, emptyWorkCalendar } from '@eduset/core/schedule';
 * dayKind(emptyWorkCalendar, '2026-03-23'); // 'working'
 * ```
 */
export type DayKind = 'working' | 'shortened' | 'weekend' | 'holiday' | 'closed';

/**
 * Options of the calendar queries. `siteId` makes closures of other sites not count.
 *
 * @example
 * ```ts
 * import type { DayKindOptions } from '@eduset/core/schedule';
 * const options: DayKindOptions = { siteId: 'kp-teremok' };
 * ```
 */
export interface DayKindOptions {
  readonly siteId?: string;
}

function inPeriod(period: CalendarPeriod, date: string, siteId: string | undefined): boolean {
  if (date < period.from || date > period.to) return false;
  if (period.siteIds === undefined) return true;
  return siteId !== undefined && period.siteIds.some((id) => id === siteId);
}

/**
 * The closure covering a date (at a site), if any; the first in calendar order.
 *
 * @example
 * ```ts
 * import { closureOn, emptyWorkCalendar } from '@eduset/core/schedule';
 * closureOn(emptyWorkCalendar, '2026-03-23'); // undefined
 * ```
 */
export function closureOn(
  calendar: WorkCalendar,
  date: string,
  options: DayKindOptions = {},
): CalendarPeriod | undefined {
  return calendar.closures.find((period) => inPeriod(period, date, options.siteId));
}

/**
 * The school holidays covering a date (at a site), if any; the first in calendar order.
 * School holidays do not change {@link dayKind}: sites decide whether they close then.
 *
 * @example
 * ```ts
 * import { schoolHolidaysOn, emptyWorkCalendar } from '@eduset/core/schedule';
 * schoolHolidaysOn(emptyWorkCalendar, '2026-03-23'); // undefined
 * ```
 */
export function schoolHolidaysOn(
  calendar: WorkCalendar,
  date: string,
  options: DayKindOptions = {},
): CalendarPeriod | undefined {
  return calendar.schoolHolidays.find((period) => inPeriod(period, date, options.siteId));
}

/**
 * The working-weekend entry of a date, if the calendar makes that Saturday or Sunday working.
 *
 * @example
 * ```ts
 * import { workingWeekendOn, emptyWorkCalendar } from '@eduset/core/schedule';
 * workingWeekendOn(emptyWorkCalendar, '2026-03-28'); // undefined
 * ```
 */
export function workingWeekendOn(calendar: WorkCalendar, date: string): WorkingWeekend | undefined {
  return calendar.workingWeekends.find((entry) => entry.date === date);
}

/**
 * What a civil date is in a calendar. Precedence: a closure, then a public holiday, then a
 * transferred day off (`weekend`), then a working weekend day or a weekday (`shortened` when
 * listed as pre-holiday, else `working`); other Saturdays and Sundays are `weekend`.
 *
 * @example
 * ```ts
 * import { dayKind, emptyWorkCalendar } from '@eduset/core/schedule';
 * dayKind(emptyWorkCalendar, '2026-03-23'); // 'working' (Monday)
 * dayKind(emptyWorkCalendar, '2026-03-29'); // 'weekend' (Sunday)
 * ```
 */
export function dayKind(
  calendar: WorkCalendar,
  date: string,
  options: DayKindOptions = {},
): DayKind {
  if (closureOn(calendar, date, options) !== undefined) return 'closed';
  if (calendar.holidays.some((entry) => entry.date === date)) return 'holiday';
  if (calendar.transferredDaysOff.some((entry) => entry.date === date)) return 'weekend';
  const working = isoWeekday(date) <= 5 || workingWeekendOn(calendar, date) !== undefined;
  if (!working) return 'weekend';
  return calendar.shortenedDays.some((entry) => entry.date === date) ? 'shortened' : 'working';
}

/**
 * Options of {@link isWorkingDay}: whether the site works on Saturdays and Sundays the
 * calendar makes working (a site setting, default `false`), and the site for closures.
 *
 * @example
 * ```ts
 * import type { WorkingDayOptions } from '@eduset/core/schedule';
 * const options: WorkingDayOptions = { worksOnWorkingWeekends: true };
 * ```
 */
export interface WorkingDayOptions extends DayKindOptions {
  readonly worksOnWorkingWeekends?: boolean;
}

/**
 * Whether a site works on a civil date: a `working` or `shortened` day, except a working
 * Saturday or Sunday at a site that does not work them.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { isWorkingDay, workCalendarSchema } from '@eduset/core/schedule';
 * const calendar = parse(workCalendarSchema, {
 *   version: '1', workingWeekends: [{ date: '2025-11-01' }],
 * });
 * isWorkingDay(calendar, '2025-11-01', { worksOnWorkingWeekends: true }); // true
 * isWorkingDay(calendar, '2025-11-01', { worksOnWorkingWeekends: false }); // false
 * ```
 */
export function isWorkingDay(
  calendar: WorkCalendar,
  date: string,
  options: WorkingDayOptions = {},
): boolean {
  const kind = dayKind(calendar, date, options);
  if (kind !== 'working' && kind !== 'shortened') return false;
  if (isoWeekday(date) <= 5) return true;
  return options.worksOnWorkingWeekends ?? false;
}

function byDate<T extends { readonly date: string }>(entries: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const entry of entries) if (!seen.has(entry.date)) seen.set(entry.date, entry);
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function byPeriod(periods: readonly CalendarPeriod[]): CalendarPeriod[] {
  return [...periods].sort((a, b) =>
    a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.to < b.to ? -1 : a.to > b.to ? 1 : 0,
  );
}

/**
 * Merges the official calendar with a municipality's additions into a new calendar: every
 * list is the union of both (a date listed in both is kept once, the official entry first),
 * sorted by date; the version names both. Throws a `ValidationError` when the result
 * contradicts itself (a date both a day off and a working day).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { mergeCalendars, workCalendarSchema, dayKind } from '@eduset/core/schedule';
 * const official = parse(workCalendarSchema, { version: 'ru-2026' });
 * const municipal = parse(workCalendarSchema, {
 *   version: 'udomlya-2026',
 *   closures: [{ from: '2026-02-02', to: '2026-02-06', label: { ru: 'Карантин', en: 'Quarantine' } }],
 * });
 * const merged = mergeCalendars(official, municipal);
 * merged.version; // 'ru-2026+udomlya-2026'
 * dayKind(merged, '2026-02-03'); // 'closed'
 * ```
 */
export function mergeCalendars(official: WorkCalendar, municipal: WorkCalendar): WorkCalendar {
  return parse(workCalendarSchema, {
    version: `${official.version}+${municipal.version}`,
    ...(official.title !== undefined ? { title: official.title } : {}),
    holidays: byDate([...official.holidays, ...municipal.holidays]),
    transferredDaysOff: byDate([...official.transferredDaysOff, ...municipal.transferredDaysOff]),
    workingWeekends: byDate([...official.workingWeekends, ...municipal.workingWeekends]),
    shortenedDays: byDate([...official.shortenedDays, ...municipal.shortenedDays]),
    schoolHolidays: byPeriod([...official.schoolHolidays, ...municipal.schoolHolidays]),
    closures: byPeriod([...official.closures, ...municipal.closures]),
  });
}
