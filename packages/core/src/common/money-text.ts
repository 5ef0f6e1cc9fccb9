import { z } from './zod-mini.js';

// Amounts that an element only shows travel as decimal text ("1250.50", as `Money` writes
// itself to JSON) and are formatted here by their digits, without decimal.js: an element that
// displays amounts need not load the exact arithmetic (a property test holds
// `formatMoneyText(text)` equal to `Money.of(text).format()`).

const moneyTextPattern = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Schema of an amount of money in roubles as decimal text, the form `Money` writes to JSON
 * (`"1250.50"`; at most two fraction digits, an optional minus). The value stays text: read
 * it into `Money` with `Money.of` to compute, or show it with {@link formatMoneyText}.
 *
 * @example
 * ```ts
 * import { moneyTextSchema } from '@eduset/core/common';
 * moneyTextSchema.parse('1250.50'); // '1250.50'
 * moneyTextSchema.safeParse('12.345').success; // false
 * ```
 */
export const moneyTextSchema = z.string().check(z.regex(moneyTextPattern));

/**
 * An amount of money in roubles as decimal text (see {@link moneyTextSchema}).
 *
 * @example
 * ```ts
 * import type { MoneyText } from '@eduset/core/common';
 * const balance: MoneyText = '15000.00';
 * ```
 */
export type MoneyText = z.infer<typeof moneyTextSchema>;

/**
 * Formats an amount given as decimal text for people, exactly as `Money.of(text).format(lang)`
 * does: `"1 250,50 ₽"` in Russian (a narrow no-break space between groups, a no-break space
 * before «₽»), `"RUB 1,250.50"` in English, a minus sign (−) before a negative amount, always
 * two fraction digits. Text that is not such an amount is a `RangeError` in Russian and
 * English.
 *
 * @example
 * ```ts
 * import { formatMoneyText } from '@eduset/core/common';
 * formatMoneyText('1250.5', 'ru'); // '1 250,50 ₽' (with a narrow no-break space)
 * formatMoneyText('-3', 'en'); // '−RUB 3.00'
 * ```
 */
export function formatMoneyText(text: string, lang: 'ru' | 'en' = 'ru'): string {
  const match = moneyTextPattern.exec(text);
  if (!match) {
    throw new RangeError(`Недопустимое значение (сумма) «${text}» / Invalid amount "${text}"`);
  }
  const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').padEnd(2, '0');
  const zero = /^0*$/.test(whole + fraction);
  const sign = match[1] === '-' && !zero ? '−' : '';
  const groups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u202f' : ',');
  return lang === 'ru' ? `${sign}${groups},${fraction}\u00a0₽` : `${sign}RUB ${groups}.${fraction}`;
}
