import { z } from '../common/zod.js';
import { isIsoDate } from '../common/iso-date.js';
import type { PeriodType } from './vocabulary.js';

/**
 * A period read from its id: its type and first and last civil day (inclusive).
 *
 * @example
 * ```ts
 * import { parsePeriod, type Period } from '@eduset/core/indicators';
 * const q1: Period | undefined = parsePeriod('2025Q1'); // 2025-01-01 … 2025-03-31, 90 days
 * ```
 */
export interface Period {
  /** The id as written: `2019-2020`, `2020`, `2025Q1`, `2025-03`, `2021-07-01`. */
  readonly id: string;
  readonly type: PeriodType;
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly end: string;
  /** Number of days, both ends included. */
  readonly days: number;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function dayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      86_400_000,
  );
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function make(id: string, type: PeriodType, start: string, end: string): Period {
  return { id, type, start, end, days: dayNumber(end) - dayNumber(start) + 1 };
}

const cache = new Map<string, Period | null>();

function known(id: string): Period {
  const period = parsePeriod(id);
  if (period === undefined)
    throw new RangeError(`Неизвестный период «${id}» / Unknown period "${id}"`);
  return period;
}

/**
 * Reads a period id: a school year `2019-2020` (1 Sep – 31 Aug), a calendar year `2020`, a
 * quarter `2025Q1`, a month `2025-03`, or a day `2021-07-01`. Returns `undefined` for
 * anything else.
 *
 * @example
 * ```ts
 * import { parsePeriod } from '@eduset/core/indicators';
 * parsePeriod('2024-2025')?.start; // '2024-09-01'
 * parsePeriod('2025Q1')?.days; // 90
 * ```
 */
export function parsePeriod(id: string): Period | undefined {
  const cached = cache.get(id);
  if (cached !== undefined) return cached ?? undefined;
  const period = read(id);
  if (cache.size > 10_000) cache.clear();
  cache.set(id, period ?? null);
  return period;
}

function read(id: string): Period | undefined {
  let match = /^(\d{4})-(\d{4})$/.exec(id);
  if (match !== null) {
    const start = Number(match[1]);
    if (Number(match[2]) !== start + 1) return undefined;
    return make(id, 'school-year', `${start}-09-01`, `${start + 1}-08-31`);
  }
  match = /^(\d{4})$/.exec(id);
  if (match !== null) return make(id, 'calendar-year', `${id}-01-01`, `${id}-12-31`);
  match = /^(\d{4})Q([1-4])$/.exec(id);
  if (match !== null) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    const lastMonth = quarter * 3;
    return make(
      id,
      'quarter',
      `${year}-${pad(lastMonth - 2)}-01`,
      `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    );
  }
  match = /^(\d{4})-(\d{2})$/.exec(id);
  if (match !== null) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    return make(id, 'month', `${id}-01`, `${id}-${pad(lastDayOfMonth(year, month))}`);
  }
  if (isIsoDate(id)) return make(id, 'as-of-date', id, id);
  return undefined;
}

/**
 * Schema of a period id (see {@link parsePeriod}).
 *
 * @example
 * ```ts
 * import { periodIdSchema } from '@eduset/core/indicators';
 * periodIdSchema.parse('2020-2021');
 * ```
 */
export const periodIdSchema = z.string().refine((value) => parsePeriod(value) !== undefined, {
  params: {
    text: {
      ru: 'Ожидается период: 2019-2020 (учебный год), 2020, 2025Q1, 2025-03 или 2021-07-01',
      en: 'Expected a period: 2019-2020 (school year), 2020, 2025Q1, 2025-03 or 2021-07-01',
    },
  },
});

/**
 * Whether period `inner` lies entirely within period `outer` (a month within its school year,
 * a day within its quarter, a period within itself).
 *
 * @example
 * ```ts
 * import { parsePeriod, periodContains } from '@eduset/core/indicators';
 * periodContains(parsePeriod('2024-2025')!, parsePeriod('2025-06-15')!); // true
 * ```
 */
export function periodContains(outer: Period, inner: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The period of a given type that contains a civil date: a record dated 2025-06-15 belongs to
 * school year 2024-2025, quarter 2025Q2, month 2025-06.
 *
 * @example
 * ```ts
 * import { periodOf } from '@eduset/core/indicators';
 * periodOf('2025-06-15', 'school-year').id; // '2024-2025'
 * ```
 */
export function periodOf(date: string, type: PeriodType): Period {
  if (!isIsoDate(date)) throw new RangeError(`Неверная дата «${date}» / Invalid date "${date}"`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (type) {
    case 'school-year': {
      const start = month >= 9 ? year : year - 1;
      return known(`${start}-${start + 1}`);
    }
    case 'calendar-year':
      return known(String(year));
    case 'quarter':
      return known(`${year}Q${Math.ceil(month / 3)}`);
    case 'month':
      return known(date.slice(0, 7));
    case 'as-of-date':
      return known(date);
  }
}

/**
 * The number of days of the calendar year a period ends in (365 or 366), used to annualize.
 *
 * @example
 * ```ts
 * import { parsePeriod, daysInYearOf } from '@eduset/core/indicators';
 * daysInYearOf(parsePeriod('2025Q1')!); // 365
 * ```
 */
export function daysInYearOf(period: Period): number {
  if (period.type === 'school-year') return period.days;
  const year = Number(period.start.slice(0, 4));
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}
