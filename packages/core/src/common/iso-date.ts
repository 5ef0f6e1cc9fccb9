import { hasSaneYear, saneYearText } from './wire.js';
import { z } from './zod-mini.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Tells whether a string is a real civil date `YYYY-MM-DD` (no time, no zone).
 *
 * @example
 * ```ts
 * import { isIsoDate } from '@eduset/core/common';
 * isIsoDate('2020-02-29'); // true
 * isIsoDate('2021-02-29'); // false
 * ```
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Schema of a civil date `YYYY-MM-DD`: a calendar day, not an instant, so it means the same
 * day in every time zone. A day that does not exist (`2027-02-30`) is refused, and so is a
 * year outside 1900–2200 (`saneYears`).
 *
 * @example
 * ```ts
 * import { isoDateSchema } from '@eduset/core/common';
 * isoDateSchema.parse('2020-09-01');
 * ```
 */
export const isoDateSchema = z
  .string()
  .check(
    z.refine(isIsoDate, {
      params: {
        text: { ru: 'Ожидается дата в формате ГГГГ-ММ-ДД', en: 'Expected a date as YYYY-MM-DD' },
      },
    }),
    z.refine((value) => !isIsoDate(value) || hasSaneYear(value), {
      params: { text: saneYearText },
    }),
  )
  .brand<'IsoDate'>();

/**
 * A civil date `YYYY-MM-DD` (branded string).
 *
 * @example
 * ```ts
 * import { isoDate, type IsoDate } from '@eduset/core/common';
 * const firstOfSeptember: IsoDate = isoDate('2020-09-01');
 * ```
 */
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * Validates and brands a civil date; throws a `ValidationError`-compatible zod error
 * message through {@link parse} semantics when invalid.
 *
 * @example
 * ```ts
 * import { isoDate } from '@eduset/core/common';
 * isoDate('2021-05-31');
 * ```
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Неверная дата «${value}» / Invalid date "${value}"`);
  }
  return value as IsoDate;
}
