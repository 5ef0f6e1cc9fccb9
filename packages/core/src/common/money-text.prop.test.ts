import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from './money.js';
import { formatMoneyText, moneyTextSchema } from './money-text.js';

/** Decimal text as the wire may carry it: a sign, leading zeros, 0–2 fraction digits. */
const moneyTextArbitrary = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^0{0,2}$/),
    fc.bigInt({ min: 0n, max: 10n ** 16n }),
    fc.stringMatching(/^(\.\d{1,2})?$/),
  )
  .map(([negative, zeros, whole, fraction]) => `${negative ? '-' : ''}${zeros}${whole}${fraction}`);

describe('formatMoneyText (property)', () => {
  it('formats decimal text exactly as Money.format does', () => {
    fc.assert(
      fc.property(
        moneyTextArbitrary,
        fc.constantFrom('ru' as const, 'en' as const),
        (text, lang) => {
          expect(moneyTextSchema.parse(text)).toBe(text);
          expect(formatMoneyText(text, lang)).toBe(Money.of(text).format(lang));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formats what Money writes to JSON exactly as Money.format does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (kopecks) => {
        const money = Money.of(String(kopecks)).divide(100);
        const text = JSON.parse(JSON.stringify(money)) as string;
        expect(moneyTextSchema.parse(text)).toBe(text);
        expect(formatMoneyText(text)).toBe(money.format());
        expect(formatMoneyText(text, 'en')).toBe(money.format('en'));
      }),
    );
  });
});

describe('formatMoneyText', () => {
  it('groups digits and names the currency in Russian and English', () => {
    expect(formatMoneyText('1250.5')).toBe('1\u202f250,50\u00a0₽');
    expect(formatMoneyText('1234567.89', 'en')).toBe('RUB 1,234,567.89');
    expect(formatMoneyText('-0.00')).toBe('0,00\u00a0₽');
    expect(formatMoneyText('-3', 'en')).toBe('−RUB 3.00');
  });

  it('refuses text that is not an amount, in Russian and English', () => {
    for (const text of ['', '1.234', '1,5', ' 1', 'NaN', '1e3', '+1']) {
      expect(moneyTextSchema.safeParse(text).success).toBe(false);
      expect(() => formatMoneyText(text)).toThrow(
        /Недопустимое значение \(сумма\).*Invalid amount/,
      );
    }
  });
});
