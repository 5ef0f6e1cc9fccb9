import { Money, moneyAmountSchema, ValidationError, type LocalizedText } from '../common/index.js';

/** Refuses what is not a `Money` (amounts computed here are always `Money`). */
function money(value: unknown, name: string): Money {
  if (value instanceof Money) return value;
  throw new ValidationError([
    {
      path: [name],
      code: 'invalid_type',
      message: { ru: 'Ожидается сумма денег (Money)', en: 'Expected an amount of money (Money)' },
    },
  ]);
}

/**
 * Schema of an amount of money in roubles as it travels in JSON (`"2341.33"` or `2341.33`),
 * read into an exact {@link Money}. Serializes back to a string with two decimals.
 *
 * @example
 * ```ts
 * import { moneySchema } from '@eduset/core/financing';
 * moneySchema.parse('2341.33').toString(); // '2341.33'
 * ```
 */
export const moneySchema = moneyAmountSchema.transform((value) => Money.of(value));

const notNegative: LocalizedText = {
  ru: 'Сумма не может быть отрицательной',
  en: 'The amount must not be negative',
};

/**
 * Schema of an amount that is zero or more.
 *
 * @example
 * ```ts
 * import { nonNegativeMoneySchema } from '@eduset/core/financing';
 * nonNegativeMoneySchema.safeParse('-1').success; // false
 * ```
 */
export const nonNegativeMoneySchema = moneySchema.refine((money) => !money.isNegative(), {
  params: { text: notNegative },
});

/**
 * Rounds up to the kopeck (`ceil2` of the reference rules): 2614.281 → 2614.29.
 *
 * @example
 * ```ts
 * import { ceilToKopeck } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * ceilToKopeck(Money.of('2614.281')).toString(); // '2614.29'
 * ```
 */
export function ceilToKopeck(amount: Money): Money {
  money(amount, 'amount');
  return amount.isNegative() ? amount.round('down') : amount.round('up');
}

/**
 * Rounds down to the kopeck (`floor2` of the reference rules): 588.5310 → 588.53.
 *
 * @example
 * ```ts
 * import { floorToKopeck } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * floorToKopeck(Money.of('588.5399')).toString(); // '588.53'
 * ```
 */
export function floorToKopeck(amount: Money): Money {
  money(amount, 'amount');
  return amount.isNegative() ? amount.round('up') : amount.round('down');
}

/**
 * The smaller of amounts (the first one on a tie).
 *
 * @example
 * ```ts
 * import { minMoney } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * minMoney(Money.of(10000), Money.of(8000), Money.of(12000)).toString(); // '8000.00'
 * ```
 */
export function minMoney(first: Money, ...rest: readonly Money[]): Money {
  let smallest = money(first, 'first');
  for (const amount of rest) if (money(amount, 'rest').compare(smallest) < 0) smallest = amount;
  return smallest;
}

/**
 * The larger of two amounts.
 *
 * @example
 * ```ts
 * import { maxMoney } from '@eduset/core/financing';
 * import { Money } from '@eduset/core/common';
 * maxMoney(Money.of(-5), Money.zero()).toString(); // '0.00'
 * ```
 */
export function maxMoney(a: Money, b: Money): Money {
  money(a, 'a');
  money(b, 'b');
  return a.compare(b) >= 0 ? a : b;
}
