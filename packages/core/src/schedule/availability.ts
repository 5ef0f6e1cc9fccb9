import { z } from '../common/zod-mini.js';
import { isoDateSchema, type LocalizedText } from '../common/index.js';
import { serviceIdSchema, siteIdSchema, specialistIdSchema } from '../network/ids.js';
import { timeZoneSchema } from './time-zone.js';

const LOCAL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * Minutes since local midnight of a civil time `HH:mm` (`24:00` is 1440, the end of the day).
 *
 * @example
 * ```ts
 * import { minutesOfDay } from '@eduset/core/schedule';
 * minutesOfDay('09:30'); // 570
 * ```
 */
export function minutesOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * Schema of a civil local time `HH:mm` on a 24-hour clock, `00:00`–`23:59`; `24:00` is
 * allowed as the end of a range that lasts to midnight.
 *
 * @example
 * ```ts
 * import { localTimeSchema } from '@eduset/core/schedule';
 * localTimeSchema.parse('09:00');
 * ```
 */
export const localTimeSchema = z
  .string()
  .check(
    z.refine((value) => LOCAL_TIME.test(value), {
      params: {
        text: {
          ru: 'Ожидается время в формате ЧЧ:ММ, например 09:00',
          en: 'Expected a time as HH:mm, such as 09:00',
        },
      },
    }),
  )
  .brand<'LocalTime'>();

/**
 * A civil local time `HH:mm` (branded string). @example `const opens: LocalTime = localTimeSchema.parse('09:00');`
 */
export type LocalTime = z.infer<typeof localTimeSchema>;

/**
 * Schema of a half-open range of local times `[start, end)` within one day; `end` is after
 * `start`.
 *
 * @example
 * ```ts
 * import { timeRangeSchema } from '@eduset/core/schedule';
 * timeRangeSchema.parse({ start: '11:00', end: '11:15' });
 * ```
 */
export const timeRangeSchema = z.object({ start: localTimeSchema, end: localTimeSchema }).check(
  z.refine((range) => minutesOfDay(range.start) < minutesOfDay(range.end), {
    path: ['end'],
    params: {
      text: {
        ru: 'Время окончания должно быть позже времени начала',
        en: 'The end time must be after the start time',
      },
    },
  }),
);

/**
 * A range of local times. @example `const lunch: TimeRange = timeRangeSchema.parse({ start: '13:00', end: '14:00' });`
 */
export type TimeRange = z.infer<typeof timeRangeSchema>;

/**
 * Schema of an ISO weekday: 1 is Monday, 7 is Sunday.
 *
 * @example
 * ```ts
 * import { weekdaySchema } from '@eduset/core/schedule';
 * weekdaySchema.parse(1); // Monday
 * ```
 */
export const weekdaySchema = z.int().check(z.gte(1), z.lte(7));

/**
 * An ISO weekday, 1 (Monday) … 7 (Sunday). @example `const monday: Weekday = 1;`
 */
export type Weekday = z.infer<typeof weekdaySchema>;

function disjoint(ranges: readonly TimeRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  let previousEnd = -1;
  for (const range of sorted) {
    if (minutesOfDay(range.start) < previousEnd) return false;
    previousEnd = minutesOfDay(range.end);
  }
  return true;
}

const overlappingHoursText: LocalizedText = {
  ru: 'Интервалы времени пересекаются',
  en: 'The time ranges overlap',
};

/**
 * Schema of a weekly rule: on the given weekdays the specialist receives from `start` to
 * `end` (local time at the site), except during `breaks`, which lie inside the hours and do
 * not overlap.
 *
 * @example
 * ```ts
 * import { weeklyRuleSchema } from '@eduset/core/schedule';
 * // Mondays 09:00–13:00 with a break 11:00–11:15
 * weeklyRuleSchema.parse({
 *   weekdays: [1], start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:15' }],
 * });
 * ```
 */
export const weeklyRuleSchema = z
  .object({
    weekdays: z.array(weekdaySchema).check(
      z.minLength(1),
      z.refine((days) => new Set(days).size === days.length, {
        params: { text: { ru: 'Дни недели повторяются', en: 'Weekdays are repeated' } },
      }),
    ),
    start: localTimeSchema,
    end: localTimeSchema,
    breaks: z._default(z.array(timeRangeSchema), []),
  })
  .check(
    z.superRefine((rule, context) => {
      const start = minutesOfDay(rule.start);
      const end = minutesOfDay(rule.end);
      if (start >= end) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          params: {
            text: {
              ru: 'Время окончания должно быть позже времени начала',
              en: 'The end time must be after the start time',
            },
          },
        });
        return;
      }
      rule.breaks.forEach((pause, index) => {
        if (minutesOfDay(pause.start) < start || minutesOfDay(pause.end) > end) {
          context.addIssue({
            code: 'custom',
            path: ['breaks', index],
            params: {
              text: {
                ru: 'Перерыв выходит за часы приёма',
                en: 'The break lies outside the working hours',
              },
            },
          });
        }
      });
      if (!disjoint(rule.breaks)) {
        context.addIssue({
          code: 'custom',
          path: ['breaks'],
          params: { text: overlappingHoursText },
        });
      }
    }),
  );

/**
 * A weekly rule. @example `const rule: WeeklyRule = weeklyRuleSchema.parse({ weekdays: [1], start: '09:00', end: '13:00' });`
 */
export type WeeklyRule = z.infer<typeof weeklyRuleSchema>;

const hoursSchema = z
  .array(timeRangeSchema)
  .check(z.minLength(1), z.refine(disjoint, { params: { text: overlappingHoursText } }));

/**
 * Schema of a date override: on one civil date the specialist is `closed` (no hours at
 * all), works `extra` hours in addition to the weekly rules, or works `replace` hours
 * instead of them.
 *
 * @example
 * ```ts
 * import { dateOverrideSchema } from '@eduset/core/schedule';
 * dateOverrideSchema.parse({ date: '2026-05-12', kind: 'closed' });
 * dateOverrideSchema.parse({
 *   date: '2026-05-13', kind: 'replace', hours: [{ start: '14:00', end: '18:00' }],
 * });
 * ```
 */
export const dateOverrideSchema = z.discriminatedUnion('kind', [
  z.object({ date: isoDateSchema, kind: z.literal('closed'), note: z.optional(z.string()) }),
  z.object({
    date: isoDateSchema,
    kind: z.literal('extra'),
    hours: hoursSchema,
    note: z.optional(z.string()),
  }),
  z.object({
    date: isoDateSchema,
    kind: z.literal('replace'),
    hours: hoursSchema,
    note: z.optional(z.string()),
  }),
]);

/**
 * A date override. @example `const dayOff: DateOverride = dateOverrideSchema.parse({ date: '2026-05-12', kind: 'closed' });`
 */
export type DateOverride = z.infer<typeof dateOverrideSchema>;

export { isTimeZone, timeZoneSchema } from './time-zone.js';

/**
 * Schema of a specialist's weekly availability (график работы) at one site for one service:
 * weekly rules with breaks, the dates the schedule is valid (inclusive, either end open),
 * date overrides, the site's IANA time zone (default `Europe/Moscow`) and the site settings
 * slot generation needs.
 *
 * - Dates outside `validFrom`…`validTo` have no hours, overrides included.
 * - On one date there is at most one `closed` or `replace` override, and `closed` does not
 *   go with `extra`.
 * - `worksOnWorkingWeekends`: whether the site works on a Saturday or Sunday that the
 *   working-day calendar declares working (default `false`).
 * - `closedOnSchoolHolidays`: whether the site is closed during the school holidays of the
 *   calendar (default `false`).
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { availabilitySchema } from '@eduset/core/schedule';
 * const availability = parse(availabilitySchema, {
 *   specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   rules: [{ weekdays: [1, 3], start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:15' }] }],
 *   overrides: [{ date: '2026-05-13', kind: 'closed' }],
 *   validFrom: '2025-09-01',
 * });
 * availability.timeZone; // 'Europe/Moscow'
 * ```
 */
export const availabilitySchema = z
  .object({
    specialistId: specialistIdSchema,
    siteId: siteIdSchema,
    serviceId: serviceIdSchema,
    timeZone: z._default(timeZoneSchema, 'Europe/Moscow'),
    rules: z._default(z.array(weeklyRuleSchema), []),
    overrides: z._default(z.array(dateOverrideSchema), []),
    validFrom: z.optional(isoDateSchema),
    validTo: z.optional(isoDateSchema),
    worksOnWorkingWeekends: z._default(z.boolean(), false),
    closedOnSchoolHolidays: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((availability, context) => {
      if (
        availability.validFrom !== undefined &&
        availability.validTo !== undefined &&
        availability.validFrom > availability.validTo
      ) {
        context.addIssue({
          code: 'custom',
          path: ['validTo'],
          params: {
            text: {
              ru: 'Дата окончания действия раньше даты начала',
              en: 'The end of validity is before its start',
            },
          },
        });
      }
      const seen = new Map<string, DateOverride['kind'][]>();
      availability.overrides.forEach((override, index) => {
        const kinds = seen.get(override.date) ?? [];
        const exclusive = (kind: DateOverride['kind']): boolean => kind !== 'extra';
        const clash =
          (exclusive(override.kind) && kinds.some(exclusive)) ||
          (override.kind === 'closed' && kinds.includes('extra')) ||
          (override.kind === 'extra' && kinds.includes('closed'));
        if (clash) {
          context.addIssue({
            code: 'custom',
            path: ['overrides', index],
            params: {
              text: {
                ru: `Изменения графика на ${override.date} противоречат друг другу`,
                en: `The schedule overrides for ${override.date} contradict each other`,
              },
            },
          });
        }
        seen.set(override.date, [...kinds, override.kind]);
      });
    }),
  );

/**
 * A specialist's availability at a site for a service (validated). @example `const availability: Availability = parse(availabilitySchema, json);`
 */
export type Availability = z.infer<typeof availabilitySchema>;

/**
 * An availability as outside data may give it (defaults not yet applied). @example `const input: AvailabilityInput = { specialistId: 'psy-1', siteId: 'kp-1', serviceId: 'consultation', rules: [] };`
 */
export type AvailabilityInput = z.input<typeof availabilitySchema>;

/**
 * The working hours of an availability on a civil date, in minutes since local midnight,
 * as sorted disjoint half-open ranges, before the working-day calendar is applied: the weekly
 * rules for `weekday` minus breaks, replaced or extended by the date's overrides; none
 * outside the validity dates.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core/common';
 * import { availabilitySchema, hoursOnDate } from '@eduset/core/schedule';
 * const availability = parse(availabilitySchema, {
 *   specialistId: 'psy-1', siteId: 'kp-1', serviceId: 'consultation',
 *   rules: [{ weekdays: [1], start: '09:00', end: '13:00', breaks: [{ start: '11:00', end: '11:15' }] }],
 * });
 * hoursOnDate(availability, '2026-03-23', 1);
 * // [{ start: 540, end: 660 }, { start: 675, end: 780 }]
 * ```
 */
export function hoursOnDate(
  availability: Availability,
  date: string,
  weekday: number,
): { start: number; end: number }[] {
  if (availability.validFrom !== undefined && date < availability.validFrom) return [];
  if (availability.validTo !== undefined && date > availability.validTo) return [];
  const overrides = availability.overrides.filter((override) => override.date === date);
  if (overrides.some((override) => override.kind === 'closed')) return [];
  const replacement = overrides.find((override) => override.kind === 'replace');
  const base: { start: number; end: number }[] = [];
  if (replacement !== undefined && replacement.kind === 'replace') {
    for (const range of replacement.hours) {
      base.push({ start: minutesOfDay(range.start), end: minutesOfDay(range.end) });
    }
  } else {
    for (const rule of availability.rules) {
      if (!rule.weekdays.includes(weekday)) continue;
      const breaks = rule.breaks.map((pause) => ({
        start: minutesOfDay(pause.start),
        end: minutesOfDay(pause.end),
      }));
      base.push(
        ...subtract({ start: minutesOfDay(rule.start), end: minutesOfDay(rule.end) }, breaks),
      );
    }
  }
  for (const override of overrides) {
    if (override.kind !== 'extra') continue;
    for (const range of override.hours) {
      base.push({ start: minutesOfDay(range.start), end: minutesOfDay(range.end) });
    }
  }
  return union(base);
}

function subtract(
  range: { start: number; end: number },
  holes: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  let pieces = [range];
  for (const hole of holes) {
    pieces = pieces.flatMap((piece) => {
      if (hole.end <= piece.start || hole.start >= piece.end) return [piece];
      const left = { start: piece.start, end: hole.start };
      const right = { start: hole.end, end: piece.end };
      return [left, right].filter((part) => part.start < part.end);
    });
  }
  return pieces;
}

function union(
  ranges: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}
