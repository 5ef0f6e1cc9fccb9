import { z } from './zod-mini.js';
import { ValidationError } from './errors.js';
import { isIsoDate, type IsoDate } from './iso-date.js';

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/**
 * Schema of a school year written as `"2019-2020"`: it runs from 1 September of the first
 * year to 31 August of the second.
 *
 * @example
 * ```ts
 * import { schoolYearSchema } from '@eduset/core/common';
 * schoolYearSchema.parse('2019-2020');
 * ```
 */
export const schoolYearSchema = z
  .string()
  .check(
    z.refine(
      (value) => {
        const match = SCHOOL_YEAR.exec(value);
        return match !== null && Number(match[2]) === Number(match[1]) + 1;
      },
      {
        params: {
          text: {
            ru: 'Ожидается учебный год вида 2019-2020',
            en: 'Expected a school year such as 2019-2020',
          },
        },
      },
    ),
  )
  .brand<'SchoolYear'>();

/**
 * A school year, e.g. `"2019-2020"` (branded string; compare with {@link compareSchoolYears}).
 *
 * @example
 * ```ts
 * import { parseSchoolYear, type SchoolYear } from '@eduset/core/common';
 * const year: SchoolYear = parseSchoolYear('2020-2021');
 * ```
 */
export type SchoolYear = z.infer<typeof schoolYearSchema>;

/**
 * Parses a school year; accepts `"2019-2020"`, `"2019/2020"`, `"2019–2020"` (en dash) and
 * surrounding spaces, as municipal spreadsheets write it.
 *
 * @throws ValidationError when the text is not a school year.
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * parseSchoolYear('2019/2020'); // '2019-2020'
 * ```
 */
export function parseSchoolYear(text: string): SchoolYear {
  const normalized = text.trim().replace(/\s*[/–—]\s*|\s*-\s*/, '-');
  const result = schoolYearSchema.safeParse(normalized);
  if (result.success) return result.data;
  throw new ValidationError([
    {
      path: [],
      code: 'invalid_school_year',
      message: {
        ru: `«${text}» — не учебный год (ожидается вида 2019-2020)`,
        en: `"${text}" is not a school year (expected e.g. 2019-2020)`,
      },
    },
  ]);
}

/**
 * The calendar year in which a school year starts (1 September).
 *
 * @example
 * ```ts
 * import { parseSchoolYear, schoolYearStartYear } from '@eduset/core/common';
 * schoolYearStartYear(parseSchoolYear('2019-2020')); // 2019
 * ```
 */
export function schoolYearStartYear(year: SchoolYear): number {
  return Number(year.slice(0, 4));
}

/**
 * The school year that starts on 1 September of the given calendar year.
 *
 * @example
 * ```ts
 * import { schoolYearStarting } from '@eduset/core/common';
 * schoolYearStarting(2012); // '2012-2013'
 * ```
 */
export function schoolYearStarting(startYear: number): SchoolYear {
  if (!Number.isInteger(startYear) || startYear < 1000 || startYear > 9998) {
    throw new RangeError(`Недопустимый год ${startYear} / Invalid year ${startYear}`);
  }
  return `${startYear}-${startYear + 1}` as SchoolYear;
}

/**
 * The school year a civil date belongs to: a date on or after 1 September belongs to the
 * year that starts then; a date before it, to the year that started the previous September.
 *
 * @example
 * ```ts
 * import { isoDate, schoolYearOf } from '@eduset/core/common';
 * schoolYearOf(isoDate('2020-08-31')); // '2019-2020'
 * schoolYearOf(isoDate('2020-09-01')); // '2020-2021'
 * ```
 */
export function schoolYearOf(date: IsoDate | string): SchoolYear {
  if (!isIsoDate(date)) throw new RangeError(`Неверная дата «${date}» / Invalid date "${date}"`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return schoolYearStarting(month >= 9 ? year : year - 1);
}

/**
 * Formats a school year for people: `"2019-2020"`, `"2019/20"` (short) or
 * `"2019–2020 учебный год"` / `"school year 2019–2020"` (long).
 *
 * @example
 * ```ts
 * import { formatSchoolYear, parseSchoolYear } from '@eduset/core/common';
 * formatSchoolYear(parseSchoolYear('2019-2020'), 'long', 'ru'); // '2019–2020 учебный год'
 * ```
 */
export function formatSchoolYear(
  year: SchoolYear,
  style: 'iso' | 'short' | 'long' = 'iso',
  lang: 'ru' | 'en' = 'ru',
): string {
  const start = schoolYearStartYear(year);
  if (style === 'iso') return year;
  if (style === 'short') return `${start}/${String(start + 1).slice(2)}`;
  return lang === 'ru' ? `${start}–${start + 1} учебный год` : `school year ${start}–${start + 1}`;
}

/**
 * Orders school years chronologically (negative, zero or positive, as `Array.sort` wants).
 *
 * @example
 * ```ts
 * import { compareSchoolYears, parseSchoolYear } from '@eduset/core/common';
 * [parseSchoolYear('2020-2021'), parseSchoolYear('2012-2013')].sort(compareSchoolYears);
 * ```
 */
export function compareSchoolYears(a: SchoolYear, b: SchoolYear): number {
  return schoolYearStartYear(a) - schoolYearStartYear(b);
}

/**
 * The school year after (or, with a negative step, before) the given one.
 *
 * @example
 * ```ts
 * import { nextSchoolYear, parseSchoolYear } from '@eduset/core/common';
 * nextSchoolYear(parseSchoolYear('2019-2020')); // '2020-2021'
 * ```
 */
export function nextSchoolYear(year: SchoolYear, step = 1): SchoolYear {
  return schoolYearStarting(schoolYearStartYear(year) + step);
}

/**
 * Every school year from `from` to `to` inclusive, in order (empty when `from` is later).
 *
 * @example
 * ```ts
 * import { parseSchoolYear, schoolYearRange } from '@eduset/core/common';
 * schoolYearRange(parseSchoolYear('2018-2019'), parseSchoolYear('2020-2021')).length; // 3
 * ```
 */
export function schoolYearRange(from: SchoolYear, to: SchoolYear): SchoolYear[] {
  const years: SchoolYear[] = [];
  for (let start = schoolYearStartYear(from); start <= schoolYearStartYear(to); start += 1) {
    years.push(schoolYearStarting(start));
  }
  return years;
}

/**
 * The first and last civil day of a school year (1 September and 31 August).
 *
 * @example
 * ```ts
 * import { parseSchoolYear, schoolYearBounds } from '@eduset/core/common';
 * schoolYearBounds(parseSchoolYear('2019-2020')); // { start: '2019-09-01', end: '2020-08-31' }
 * ```
 */
export function schoolYearBounds(year: SchoolYear): { start: IsoDate; end: IsoDate } {
  const start = schoolYearStartYear(year);
  return { start: `${start}-09-01` as IsoDate, end: `${start + 1}-08-31` as IsoDate };
}
