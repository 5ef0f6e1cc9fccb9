import {
  issueFromZod,
  Money,
  parse,
  ValidationError,
  type LocalizedText,
} from '../common/index.js';
import { isoDateSchema, type IsoDate } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import { dayNumber } from './calendar.js';
import { checkNumber, invalid } from './checks.js';

export { checkNumber, invalid } from './checks.js';

/**
 * Schema of a calendar month `YYYY-MM` (month 01–12), as billing and schedules name months.
 *
 * @example
 * ```ts
 * import { financingMonthSchema } from '@eduset/core/financing';
 * financingMonthSchema.safeParse('2017-09').success; // true
 * financingMonthSchema.safeParse('2017-13').success; // false
 * ```
 */
export const financingMonthSchema = z
  .string()
  .refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
    params: {
      text: { ru: 'Ожидается месяц в формате ГГГГ-ММ', en: 'Expected a month as YYYY-MM' },
    },
  });

/**
 * Schema of a percent from 0 to 100 (an advance share, the completeness of a month).
 *
 * @example
 * ```ts
 * import { financingPercentSchema } from '@eduset/core/financing';
 * financingPercentSchema.safeParse(90).success; // true
 * financingPercentSchema.safeParse(120).success; // false
 * ```
 */
export const financingPercentSchema = z.number().min(0).max(100);

/**
 * Schema of a number of teaching hours a week: from 0 to 168 (the hours of a week), in
 * hundredths at most (1.5 and 0.75 are fine, 1.333 is not), so sums of hours stay exact.
 *
 * @example
 * ```ts
 * import { weeklyHoursSchema } from '@eduset/core/financing';
 * weeklyHoursSchema.safeParse(1.5).success; // true
 * weeklyHoursSchema.safeParse(-2).success; // false
 * ```
 */
export const weeklyHoursSchema = z
  .number()
  .min(0)
  .max(168)
  .refine((hours) => Math.abs(hours * 100 - Math.round(hours * 100)) < 1e-6, {
    params: {
      text: {
        ru: 'Часы в неделю указываются с точностью до сотых',
        en: 'Weekly hours are given to the hundredth at most',
      },
    },
  });

/**
 * Schema of the options of a month's billing (see `BillingOptions`): the advance percent and
 * each contract's completeness, all from 0 to 100.
 *
 * @example
 * ```ts
 * import { billingOptionsSchema } from '@eduset/core/financing';
 * billingOptionsSchema.parse({ advancePercent: 80, completeness: { k1: 90 } });
 * ```
 */
export const billingOptionsSchema = z.object({
  advancePercent: financingPercentSchema.optional(),
  completeness: z.record(z.string().min(1), financingPercentSchema).optional(),
});

/** Hours a week in whole hundredths (the exact unit hours are added in). */
export function hundredthsOf(hours: number): number {
  return Math.round(hours * 100);
}

/**
 * Validates a function's plain arguments, named: a `ValidationError` whose issue paths are
 * the argument names (`['on']`, `['by']`). The schema is built once, where the function is.
 */
export function checkArgs<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  return parse(schema, values);
}

function checkOne<S extends z.core.$ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => issueFromZod(issue, [name])));
}

/** A civil date argument, or a `ValidationError` naming it. */
export function checkDate(value: unknown, name: string): IsoDate {
  return checkOne(isoDateSchema, value, name);
}

/** A month argument `YYYY-MM`, or a `ValidationError` naming it. */
export function checkMonth(value: unknown, name: string): string {
  return checkOne(financingMonthSchema, value, name);
}

/** A percent argument from 0 to 100, or a `ValidationError` naming it. */
export function checkPercent(value: unknown, name: string): number {
  return checkNumber(value, name, { min: 0, max: 100 });
}

/** An amount of money argument (a `Money`), not negative unless allowed. */
export function checkMoney(value: unknown, name: string, allowNegative = false): Money {
  if (!(value instanceof Money)) {
    invalid([name], 'invalid_type', {
      ru: 'Ожидается сумма денег (Money)',
      en: 'Expected an amount of money (Money)',
    });
  }
  if (!allowNegative && value.isNegative()) {
    invalid([name], 'too_small', {
      ru: 'Сумма не может быть отрицательной',
      en: 'The amount must not be negative',
    });
  }
  return value;
}

/** Refuses `date` earlier than `from` (both valid civil dates). */
export function checkNotBefore(
  date: string,
  from: string,
  name: string,
  what: LocalizedText,
): void {
  if (dayNumber(date) < dayNumber(from)) {
    invalid([name], 'too_early', {
      ru: `Дата ${date} раньше, чем ${what.ru} (${from})`,
      en: `The date ${date} is before ${what.en} (${from})`,
    });
  }
}
