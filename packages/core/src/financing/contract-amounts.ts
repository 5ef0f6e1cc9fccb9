import { Money, parse } from '../common/index.js';
import { isoDateSchema, type IsoDate } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import {
  ceilToKopeck,
  floorToKopeck,
  minMoney,
  moneySchema,
  nonNegativeMoneySchema,
} from './amounts.js';
import { dayNumber, daysInclusive, endOfMonth, monthsBetween } from './calendar.js';
import { commonUnits, splitKopecks } from './preview-kopecks.js';
import {
  checkArgs,
  checkMoney,
  checkPercent,
  invalid,
  financingMonthSchema,
} from './validation.js';

/**
 * One month of a payment schedule: the month (`YYYY-MM`) and its amount.
 *
 * @example
 * ```ts
 * import type { MonthlyAmount } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * const september: MonthlyAmount = { month: '2017-09', amount: Money.of('575.74') };
 * ```
 */
export interface MonthlyAmount {
  readonly month: string;
  readonly amount: Money;
}

const splitArgs = z.object({
  days: z.number().int().min(1).max(36600),
  daysInFirstMonth: z.number().int().min(1).max(31),
  months: z.array(financingMonthSchema),
});

/**
 * Splits an amount over the months of a contract by the rule of the reference platform:
 * every month after the first gets `floor2((days − daysInFirstMonth)/days · basis /
 * (months − 1))`, and the first month takes the remainder, so the schedule sums exactly to
 * `total`. `basis` is the amount the monthly rate is computed from — `total` itself for the
 * certificate's and the family's parts, the unrounded pro-rata price for the price
 * schedule. `days` and `daysInFirstMonth` are whole days with
 * `1 ≤ daysInFirstMonth ≤ days`, amounts are not negative, months are `YYYY-MM`; anything
 * else is a `ValidationError`.
 *
 * @example
 * ```ts
 * import { splitIntoMonths } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * splitIntoMonths({
 *   total: Money.of('2341.33'), days: 122, daysInFirstMonth: 30,
 *   months: ['2017-09', '2017-10', '2017-11', '2017-12'],
 * }).map((m) => m.amount.toString()); // ['575.74', '588.53', '588.53', '588.53']
 * ```
 */
export function splitIntoMonths(input: {
  readonly total: Money;
  readonly basis?: Money;
  readonly days: number;
  readonly daysInFirstMonth: number;
  readonly months: readonly string[];
}): MonthlyAmount[] {
  const { total, days, daysInFirstMonth, months } = input;
  checkArgs(splitArgs, { days, daysInFirstMonth, months });
  if (daysInFirstMonth > days) {
    invalid(['daysInFirstMonth'], 'too_big', {
      ru: `Дней в первом месяце (${String(daysInFirstMonth)}) больше, чем дней всего (${String(days)})`,
      en: `Days in the first month (${String(daysInFirstMonth)}) exceed the days in all (${String(days)})`,
    });
  }
  checkMoney(total, 'total');
  if (input.basis !== undefined) checkMoney(input.basis, 'basis');
  const [first, ...rest] = months;
  if (first === undefined) return [];
  if (rest.length === 0) return [{ month: first, amount: total }];
  const basis = input.basis ?? total;
  const other = floorToKopeck(
    basis
      .multiply(days - daysInFirstMonth)
      .divide(days)
      .divide(rest.length),
  );
  const firstAmount = total.subtract(other.multiply(rest.length));
  return [
    { month: first, amount: firstAmount },
    ...rest.map((month) => ({ month, amount: other })),
  ];
}

/**
 * Schema of what {@link computeContractAmounts} needs: the contract's dates, its group's
 * dates, the price and the normative cost of the module for the whole group period, and the
 * certificate's available balance.
 *
 * @example
 * ```ts
 * import { contractAmountsInputSchema } from '@eduset/core/financing';
 * contractAmountsInputSchema.parse({
 *   start: '2017-09-01', end: '2017-12-31', groupStart: '2017-09-01', groupEnd: '2017-12-31',
 *   price: '2614.29', normativeCost: '3000', available: '2341.33',
 * });
 * ```
 */
export const contractAmountsInputSchema = z
  .object({
    start: isoDateSchema,
    end: isoDateSchema,
    groupStart: isoDateSchema,
    groupEnd: isoDateSchema,
    price: nonNegativeMoneySchema,
    normativeCost: nonNegativeMoneySchema,
    available: moneySchema,
  })
  .refine((value) => dayNumber(value.end) >= dayNumber(value.start), {
    params: {
      text: {
        ru: 'Договор заканчивается раньше, чем начинается',
        en: 'The contract ends before it starts',
      },
    },
    path: ['end'],
  })
  .refine(
    (value) =>
      dayNumber(value.start) >= dayNumber(value.groupStart) &&
      dayNumber(value.end) <= dayNumber(value.groupEnd),
    {
      params: {
        text: {
          ru: 'Срок договора выходит за сроки группы',
          en: "The contract's dates are outside the group's dates",
        },
      },
      path: ['start'],
    },
  );

/** Input of {@link computeContractAmounts}. @example `declare const input: ContractAmountsInput;` */
export type ContractAmountsInput = z.input<typeof contractAmountsInputSchema>;

/**
 * The amounts of a contract and their monthly schedules, each with the inputs that led to
 * it: `all` (what the contract costs), `normative` (the normative cost for its days), the
 * certificate's part `min(all, normative, available)` and the family's part (the rest).
 *
 * @example
 * ```ts
 * import type { ContractAmounts } from '@eduset/core/financing';
 * declare const amounts: ContractAmounts;
 * amounts.certificate.add(amounts.family).equals(amounts.all); // true
 * ```
 */
export interface ContractAmounts {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
  readonly groupDays: number;
  readonly daysInFirstMonth: number;
  readonly months: readonly string[];
  readonly all: Money;
  readonly normative: Money;
  readonly certificate: Money;
  readonly family: Money;
  readonly schedule: {
    readonly certificate: readonly MonthlyAmount[];
    readonly family: readonly MonthlyAmount[];
    readonly price: readonly MonthlyAmount[];
  };
}

/**
 * Computes a contract's amounts by the reference rules: `all = ceil2(days/groupDays ·
 * price)`, `normative = ceil2(days/groupDays · normativeCost)`, the certificate pays
 * `min(all, normative, available)` (never below zero) and the family the rest; then the
 * monthly schedules of the certificate's part, the family's part and the price.
 *
 * @example
 * ```ts
 * import { computeContractAmounts } from '@eduset/core/financing';
 * const amounts = computeContractAmounts({
 *   start: '2017-09-01', end: '2017-12-31', groupStart: '2017-09-01', groupEnd: '2017-12-31',
 *   price: '10000', normativeCost: '8000', available: '12000',
 * });
 * amounts.certificate.toString(); // '8000.00'
 * amounts.family.toString(); // '2000.00'
 * ```
 */
export function computeContractAmounts(input: ContractAmountsInput): ContractAmounts {
  const value = parse(contractAmountsInputSchema, input);
  const days = daysInclusive(value.start, value.end);
  const groupDays = daysInclusive(value.groupStart, value.groupEnd);
  const exactAll = value.price.multiply(days).divide(groupDays);
  const all = ceilToKopeck(exactAll);
  const normative = ceilToKopeck(value.normativeCost.multiply(days).divide(groupDays));
  const available = value.available.isNegative() ? Money.zero() : value.available;
  const certificate = minMoney(all, normative, available);
  const family = all.subtract(certificate);
  const months = monthsBetween(value.start, value.end);
  const firstMonthEnd = endOfMonth(value.start);
  const daysInFirstMonth =
    dayNumber(firstMonthEnd) < dayNumber(value.end)
      ? daysInclusive(value.start, firstMonthEnd)
      : days;
  const base = { days, daysInFirstMonth, months };
  return {
    start: value.start,
    end: value.end,
    days,
    groupDays,
    daysInFirstMonth,
    months,
    all,
    normative,
    certificate,
    family,
    schedule: {
      certificate: splitIntoMonths({ ...base, total: certificate }),
      family: splitIntoMonths({ ...base, total: family }),
      price: splitIntoMonths({ ...base, total: all, basis: exactAll }),
    },
  };
}

/**
 * Splits a price between the certificate and the family: the certificate pays
 * `min(all, normative, available)` (not below zero), the family pays the rest.
 *
 * @example
 * ```ts
 * import { splitPayment } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * const split = splitPayment({ all: Money.of(10000), normative: Money.of(8000), available: Money.of(5000) });
 * split.certificate.toString(); // '5000.00'
 * split.family.toString(); // '5000.00'
 * ```
 */
export function splitPayment(input: {
  readonly all: Money;
  readonly normative: Money;
  readonly available: Money;
}): { readonly certificate: Money; readonly family: Money } {
  checkMoney(input.all, 'all');
  checkMoney(input.normative, 'normative');
  checkMoney(input.available, 'available', true);
  // One formula with the navigator's whole-number preview (core's `splitKopecks`).
  const amounts = commonUnits([
    input.all.amount.toFixed(),
    input.normative.amount.toFixed(),
    input.available.amount.toFixed(),
  ]);
  const [all = 0n, normative = 0n, available = 0n] = amounts.units;
  const split = splitKopecks({ all, normative, available });
  return {
    certificate: Money.of(amounts.text(split.certificate)),
    family: Money.of(amounts.text(split.family)),
  };
}

/**
 * The advance for a month: `floor2(monthly · percent / 100)` — up to 80 % by default,
 * requested from the 2nd working day of the month.
 *
 * @example
 * ```ts
 * import { advanceFor } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * advanceFor(Money.of('588.53')).toString(); // '470.82'
 * ```
 */
export function advanceFor(monthly: Money, percent: number = 80): Money {
  checkMoney(monthly, 'monthly');
  checkPercent(percent, 'percent');
  return floorToKopeck(monthly.multiply(percent).divide(100));
}

/**
 * A month's settlement: `monthly × completeness %` rounded half up to the kopeck; the
 * difference returns to the certificate. A completeness outside 0–100 % is a
 * `ValidationError`.
 *
 * @example
 * ```ts
 * import { settleMonth } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * const settlement = settleMonth(Money.of('588.53'), 90);
 * settlement.settled.toString(); // '529.68'
 * settlement.returned.toString(); // '58.85'
 * ```
 */
export function settleMonth(
  monthly: Money,
  completenessPercent: number = 100,
): { readonly settled: Money; readonly returned: Money } {
  checkMoney(monthly, 'monthly');
  checkPercent(completenessPercent, 'completenessPercent');
  const settled = monthly.multiply(completenessPercent).divide(100).round('half-up');
  return { settled, returned: monthly.subtract(settled) };
}
