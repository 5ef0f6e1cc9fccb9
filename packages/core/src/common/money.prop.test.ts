import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, MoneyDecimal, type DecimalValue } from './money.js';

/** Whole kopecks as text with two decimals, computed with bigint (the reference answer). */
function kopecksToText(kopecks: bigint): string {
  const sign = kopecks < 0n ? '-' : '';
  const absolute = kopecks < 0n ? -kopecks : kopecks;
  const whole = absolute / 100n;
  const fraction = String(absolute % 100n).padStart(2, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Money as whole kopecks; only valid for amounts already rounded to kopecks. */
function toKopecks(money: Money): bigint {
  const text = money.amount.times(100).toFixed();
  expect(text).toMatch(/^-?\d+$/);
  return BigInt(text);
}

const kopecksArbitrary = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
/** Amounts with up to four decimals, so that rounding to kopecks matters. */
const amountArbitrary = fc
  .bigInt({ min: -(10n ** 12n), max: 10n ** 12n })
  .map((units) => new MoneyDecimal(String(units)).dividedBy(10_000).toFixed());
const ratiosArbitrary = fc
  .array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 })
  .filter((ratios) => ratios.some((ratio) => ratio > 0));

describe('Money laws (property)', () => {
  it('adds and subtracts like whole kopecks', () => {
    fc.assert(
      fc.property(kopecksArbitrary, kopecksArbitrary, (a, b) => {
        const x = Money.of(kopecksToText(a));
        const y = Money.of(kopecksToText(b));
        expect(x.add(y).toString()).toBe(kopecksToText(a + b));
        expect(x.subtract(y).toString()).toBe(kopecksToText(a - b));
        expect(x.add(y).subtract(y).equals(x)).toBe(true);
        expect(x.add(y).equals(y.add(x))).toBe(true);
        expect(x.compare(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('rounding: down and up bracket the value; half-up and half-even differ only on a half', () => {
    fc.assert(
      fc.property(amountArbitrary, (text) => {
        const money = Money.of(text);
        const down = money.round('down');
        const up = money.round('up');
        const magnitude = (m: Money): DecimalValue => m.amount.abs();
        expect(magnitude(down).lte(magnitude(money))).toBe(true);
        expect(magnitude(up).gte(magnitude(money))).toBe(true);
        expect(magnitude(up).minus(magnitude(down)).lte('0.01')).toBe(true);
        const halfUp = money.round('half-up');
        const halfEven = money.round('half-even');
        const isHalf =
          money.amount.times(1000).mod(10).abs().eq(5) && money.amount.decimalPlaces() === 3;
        if (!isHalf) expect(halfUp.equals(halfEven)).toBe(true);
        expect(halfUp.amount.minus(money.amount).abs().lte('0.005')).toBe(true);
      }),
    );
  });

  it('format shows the same number as toString in both languages', () => {
    fc.assert(
      fc.property(amountArbitrary, (text) => {
        const money = Money.of(text);
        const plain = money.toString();
        const fromRu = money
          .format('ru')
          .replace('\u00a0₽', '')
          .replaceAll('\u202f', '')
          .replace(',', '.')
          .replace('−', '-');
        const fromEn = money.format('en').replace('RUB ', '').replaceAll(',', '').replace('−', '-');
        expect(fromRu).toBe(plain);
        expect(fromEn).toBe(plain);
      }),
    );
  });
});

describe('Money.allocate (property)', () => {
  it('parts are whole kopecks and sum to the amount rounded to kopecks', () => {
    fc.assert(
      fc.property(amountArbitrary, ratiosArbitrary, (text, ratios) => {
        const money = Money.of(text);
        const parts = money.allocate(ratios);
        expect(parts).toHaveLength(ratios.length);
        for (const part of parts) expect(part.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(Money.sum(parts).equals(money.round('half-up'))).toBe(true);
      }),
    );
  });

  it('each part is within one kopeck of its exact share', () => {
    fc.assert(
      fc.property(amountArbitrary, ratiosArbitrary, (text, ratios) => {
        const rounded = Money.of(text).round('half-up');
        const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
        Money.of(text)
          .allocate(ratios)
          .forEach((part, index) => {
            const exact = rounded.amount.times(ratios[index] ?? 0).dividedBy(total);
            expect(part.amount.minus(exact).abs().lt('0.01')).toBe(true);
          });
      }),
    );
  });

  it('accepts decimal ratios as text and keeps the same laws', () => {
    const decimalRatio = fc.nat({ max: 100_000 }).map((units) => (units / 1000).toFixed(3));
    fc.assert(
      fc.property(
        kopecksArbitrary,
        fc
          .array(decimalRatio, { minLength: 1, maxLength: 8 })
          .filter((r) => r.some((x) => Number(x) > 0)),
        (kopecks, ratios) => {
          const money = Money.of(kopecksToText(kopecks));
          const parts = money.allocate(ratios);
          expect(Money.sum(parts).equals(money)).toBe(true);
        },
      ),
    );
  });

  it('order of ratios does not matter beyond tie-breaking', () => {
    const input = ratiosArbitrary.chain((ratios) =>
      fc.tuple(
        fc.constant(ratios),
        fc.shuffledSubarray(
          ratios.map((_, index) => index),
          { minLength: ratios.length, maxLength: ratios.length },
        ),
      ),
    );
    fc.assert(
      fc.property(kopecksArbitrary, input, (kopecks, [ratios, permutation]) => {
        const money = Money.of(kopecksToText(kopecks));
        const original = money.allocate(ratios);
        const permuted = money.allocate(permutation.map((index) => ratios[index] ?? 0));
        // Exact share of ratio i is |kopecks| * r_i / total: its fraction is (|k| * r_i) mod total.
        const total = BigInt(ratios.reduce((sum, ratio) => sum + ratio, 0));
        const absolute = kopecks < 0n ? -kopecks : kopecks;
        const fractionOf = (index: number): bigint =>
          (absolute * BigInt(ratios[index] ?? 0)) % total;
        permutation.forEach((originalIndex, position) => {
          const before = toKopecks(original[originalIndex] as Money);
          const after = toKopecks(permuted[position] as Money);
          const tied = ratios.some(
            (_, other) =>
              other !== originalIndex && fractionOf(other) === fractionOf(originalIndex),
          );
          if (tied) {
            expect(before - after <= 1n && after - before <= 1n).toBe(true);
          } else {
            expect(after).toBe(before);
          }
        });
      }),
    );
  });

  it('equal ratios get parts at most one kopeck apart, the earlier one not smaller', () => {
    fc.assert(
      fc.property(
        kopecksArbitrary,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 12 }),
        (kopecks, ratio, count) => {
          const parts = Money.of(kopecksToText(kopecks)).allocate(
            Array.from({ length: count }, () => ratio),
          );
          const magnitudes = parts.map((part) => toKopecks(part)).map((k) => (k < 0n ? -k : k));
          for (let index = 1; index < magnitudes.length; index += 1) {
            const previous = magnitudes[index - 1] as bigint;
            const current = magnitudes[index] as bigint;
            expect(previous >= current && previous - current <= 1n).toBe(true);
          }
        },
      ),
    );
  });

  it('does not mutate the amount or the ratios', () => {
    fc.assert(
      fc.property(amountArbitrary, ratiosArbitrary, (text, ratios) => {
        const money = Money.of(text);
        const before = money.amount.toFixed();
        const frozen = Object.freeze([...ratios]);
        money.allocate(frozen);
        expect(frozen).toEqual(ratios);
        expect(money.amount.toFixed()).toBe(before);
      }),
    );
  });
});
