import { Decimal } from 'decimal.js';
import { z } from './zod.js';

/**
 * How a value is rounded at a named step. `half-up` is the usual Russian accounting rule
 * (0.005 → 0.01); `half-even` is banker's rounding; `down`/`up` truncate towards/away from 0.
 *
 * @example
 * ```ts
 * import type { RoundingMode } from '@eduset/core/common';
 * const mode: RoundingMode = 'half-up';
 * ```
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/**
 * The arithmetic that money is computed with. Amounts are opaque values of type `A`; the
 * default calculator uses decimal.js, and another exact library can be plugged in the same
 * way (dinero.js v2 does this with its `Calculator`).
 *
 * @example
 * ```ts
 * import { decimalCalculator } from '@eduset/core/common';
 * const c = decimalCalculator;
 * c.toString(c.add(c.from('0.1'), c.from('0.2'))); // '0.3'
 * ```
 */
export interface Calculator<A> {
  from(value: string | number): A;
  add(a: A, b: A): A;
  subtract(a: A, b: A): A;
  multiply(a: A, b: A | string | number): A;
  divide(a: A, b: A | string | number): A;
  compare(a: A, b: A): -1 | 0 | 1;
  round(a: A, scale: number, mode: RoundingMode): A;
  isZero(a: A): boolean;
  toString(a: A): string;
}

const roundingModes: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * A decimal.js constructor configured for money: 40 significant digits, so intermediate
 * results never lose a kopeck before the named rounding step.
 *
 * @example
 * ```ts
 * import { MoneyDecimal } from '@eduset/core/common';
 * new MoneyDecimal('0.1').plus('0.2').toString(); // '0.3'
 * ```
 */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * A decimal.js value as used by eduset's calculations.
 *
 * @example
 * ```ts
 * import { MoneyDecimal, type DecimalValue } from '@eduset/core/common';
 * const value: DecimalValue = new MoneyDecimal('12.50');
 * ```
 */
export type DecimalValue = Decimal;

/**
 * The default {@link Calculator}, on decimal.js (exact decimal arithmetic).
 *
 * @example
 * ```ts
 * import { decimalCalculator } from '@eduset/core/common';
 * const third = decimalCalculator.divide(decimalCalculator.from(100), 3);
 * decimalCalculator.toString(decimalCalculator.round(third, 2, 'half-up')); // '33.33'
 * ```
 */
export const decimalCalculator: Calculator<Decimal> = {
  from: (value) => new MoneyDecimal(value),
  add: (a, b) => a.plus(b),
  subtract: (a, b) => a.minus(b),
  multiply: (a, b) => a.times(b),
  divide: (a, b) => a.dividedBy(b),
  compare: (a, b) => a.comparedTo(b) as -1 | 0 | 1,
  round: (a, scale, mode) => a.toDecimalPlaces(scale, roundingModes[mode]),
  isZero: (a) => a.isZero(),
  toString: (a) => a.toFixed(),
};

const calc = decimalCalculator;

/**
 * Reads an amount, factor or ratio as an exact decimal, or throws a `RangeError` in Russian
 * and English naming the value (decimal.js alone would give `NaN`, `Infinity` or a terse
 * `[DecimalError]`).
 */
function finiteDecimal(
  value: string | number | Decimal,
  what: { ru: string; en: string },
): Decimal {
  let decimal: Decimal;
  try {
    decimal = new MoneyDecimal(value);
  } catch {
    decimal = new MoneyDecimal(NaN);
  }
  if (!decimal.isFinite()) {
    throw new RangeError(
      `Недопустимое значение (${what.ru}) «${String(value)}» / Invalid ${what.en} "${String(value)}"`,
    );
  }
  return decimal;
}

function finiteResult(amount: Decimal, operation: string): Decimal {
  if (!amount.isFinite()) {
    throw new RangeError(
      `Результат не является конечной суммой / The result of ${operation} is not a finite amount`,
    );
  }
  return amount;
}

const amountWord = { ru: 'сумма', en: 'amount' };
const factorWord = { ru: 'множитель', en: 'factor' };
const divisorWord = { ru: 'делитель', en: 'divisor' };
const ratioWord = { ru: 'доля', en: 'ratio' };

/**
 * Schema of a money amount in roubles as it travels in JSON: a decimal string with at most
 * two fraction digits (`"1250.50"`) or a number with at most two decimals.
 *
 * @example
 * ```ts
 * import { moneyAmountSchema } from '@eduset/core/common';
 * moneyAmountSchema.parse('1250.50');
 * ```
 */
export const moneyAmountSchema = z.union([
  z.string().regex(/^-?\d+(\.\d{1,2})?$/),
  z
    .number()
    .refine((value) => Number.isFinite(value) && new MoneyDecimal(value).decimalPlaces() <= 2),
]);

/**
 * An exact amount of money in roubles with kopecks. Immutable: every operation returns a
 * new `Money`. Rounding to kopecks happens only where a method says so.
 *
 * @example
 * ```ts
 * import { Money } from '@eduset/core/common';
 * const total = Money.of('1000.10').add(Money.of('0.20'));
 * total.toString(); // '1000.30'
 * ```
 */
export class Money {
  /** The exact amount in roubles (may carry more than two decimals before rounding). */
  readonly amount: Decimal;

  private constructor(amount: Decimal) {
    this.amount = amount;
  }

  /**
   * Creates an amount from a decimal string, a number or a decimal.
   *
   * @example
   * ```ts
   * import { Money } from '@eduset/core/common';
   * Money.of('15000').toString(); // '15000.00'
   * ```
   */
  static of(value: string | number | Decimal): Money {
    return new Money(finiteDecimal(value, amountWord));
  }

  /**
   * Zero roubles.
   *
   * @example
   * ```ts
   * import { Money } from '@eduset/core/common';
   * Money.zero().isZero(); // true
   * ```
   */
  static zero(): Money {
    return new Money(calc.from(0));
  }

  /**
   * The sum of amounts (zero for none).
   *
   * @example
   * ```ts
   * import { Money } from '@eduset/core/common';
   * Money.sum([Money.of(1), Money.of('2.50')]).toString(); // '3.50'
   * ```
   */
  static sum(amounts: Iterable<Money>): Money {
    let total = calc.from(0);
    for (const money of amounts) total = calc.add(total, money.amount);
    return new Money(total);
  }

  /** Adds an amount. @example `Money.of(1).add(Money.of(2))` */
  add(other: Money): Money {
    return new Money(calc.add(this.amount, other.amount));
  }

  /** Subtracts an amount. @example `Money.of(3).subtract(Money.of(2))` */
  subtract(other: Money): Money {
    return new Money(calc.subtract(this.amount, other.amount));
  }

  /** Multiplies by an exact factor (not rounded). @example `Money.of(100).multiply('0.8')` */
  multiply(factor: string | number | Decimal): Money {
    const exact = finiteDecimal(factor, factorWord);
    return new Money(finiteResult(calc.multiply(this.amount, exact), 'multiply'));
  }

  /** Divides by an exact divisor (not rounded). @example `Money.of(100).divide(3)` */
  divide(divisor: string | number | Decimal): Money {
    const exact = finiteDecimal(divisor, divisorWord);
    if (exact.isZero()) throw new RangeError('Деление на ноль / Division by zero');
    return new Money(finiteResult(calc.divide(this.amount, exact), 'divide'));
  }

  /** Rounds to kopecks (or another scale) with a named mode. @example `Money.of('0.005').round('half-up')` */
  round(mode: RoundingMode, scale = 2): Money {
    return new Money(calc.round(this.amount, scale, mode));
  }

  /** Compares with another amount: -1, 0 or 1. @example `Money.of(1).compare(Money.of(2))` */
  compare(other: Money): -1 | 0 | 1 {
    return calc.compare(this.amount, other.amount);
  }

  /** Equal in value. @example `Money.of('1.0').equals(Money.of(1))` */
  equals(other: Money): boolean {
    return this.compare(other) === 0;
  }

  /** Zero in value. @example `Money.of(0).isZero()` */
  isZero(): boolean {
    return calc.isZero(this.amount);
  }

  /** Below zero. @example `Money.of(-1).isNegative()` */
  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  /**
   * Splits the amount into parts proportional to `ratios`, in kopecks, so that the parts
   * always sum to the original rounded amount (largest remainder, ties to the earlier part).
   *
   * @example
   * ```ts
   * import { Money } from '@eduset/core/common';
   * Money.of(100).allocate([1, 1, 1]).map(String); // ['33.34', '33.33', '33.33']
   * ```
   */
  allocate(ratios: readonly (string | number | Decimal)[]): Money[] {
    if (ratios.length === 0)
      throw new RangeError('Нужна хотя бы одна доля / At least one ratio is required');
    const weights = ratios.map((ratio) => {
      const weight = finiteDecimal(ratio, ratioWord);
      return weight.isZero() ? new MoneyDecimal(0) : weight; // -0 is zero, not negative
    });
    if (weights.some((weight) => weight.isNegative())) {
      throw new RangeError('Доли не могут быть отрицательными / Ratios must not be negative');
    }
    const totalWeight = weights.reduce((sum, weight) => sum.plus(weight), new MoneyDecimal(0));
    if (totalWeight.isZero()) throw new RangeError('Сумма долей равна нулю / Ratios sum to zero');
    const kopecks = this.amount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    const sign = kopecks.isNegative() ? -1 : 1;
    const absolute = kopecks.abs();
    const exact = weights.map((weight) => absolute.times(weight).dividedBy(totalWeight));
    const floors = exact.map((value) => value.floor());
    let remainder = absolute.minus(
      floors.reduce((sum, value) => sum.plus(value), new MoneyDecimal(0)),
    );
    const order = exact
      .map((value, index) => ({ index, fraction: value.minus(value.floor()) }))
      .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
    const parts = [...floors];
    for (const { index } of order) {
      if (remainder.lte(0)) break;
      parts[index] = (parts[index] as Decimal).plus(1);
      remainder = remainder.minus(1);
    }
    return parts.map((part) => new Money(part.times(sign).dividedBy(100)));
  }

  /** The amount with exactly two decimals, e.g. `"1250.50"`. @example `Money.of(5).toString()` */
  toString(): string {
    const kopecks = this.amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    // A tiny negative amount rounds to zero, which is printed without a sign.
    return (kopecks.isZero() ? kopecks.abs() : kopecks).toFixed(2);
  }

  /** JSON form: the same as {@link Money.toString}. @example `JSON.stringify({ sum: Money.of(5) })` */
  toJSON(): string {
    return this.toString();
  }

  /**
   * Formats for people: `"1 250,50 ₽"` in Russian, `"RUB 1,250.50"` in English.
   *
   * @example
   * ```ts
   * import { Money } from '@eduset/core/common';
   * Money.of('1250.5').format('ru'); // '1 250,50 ₽' (with a narrow no-break space)
   * ```
   */
  format(lang: 'ru' | 'en' = 'ru'): string {
    const [whole = '0', fraction = '00'] = this.toString().replace('-', '').split('.');
    const groups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u202f' : ',');
    const sign = this.toString().startsWith('-') ? '−' : '';
    return lang === 'ru'
      ? `${sign}${groups},${fraction}\u00a0₽`
      : `${sign}RUB ${groups}.${fraction}`;
  }
}
