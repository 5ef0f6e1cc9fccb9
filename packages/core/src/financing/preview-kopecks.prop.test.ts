import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../common/money.js';
import { splitPayment } from './contract-amounts.js';
import { previewEnrolment, proRataPrice } from './family/preview.js';
import {
  kopecksOf,
  moneyTextOfKopecks,
  previewEnrolmentText,
  proRataKopecks,
  splitKopecks,
} from './preview-kopecks.js';
import { programmeViewOf } from './navigator-wire.js';
import { programmeSchema } from './programme.js';

const kopecks = fc.bigInt({ min: 0n, max: 10n ** 12n });
const days = fc.integer({ min: 1, max: 800 });

describe('the whole-number preview (property)', () => {
  it('prices pro rata exactly as the rational price rounded up to the kopeck', () => {
    fc.assert(
      fc.property(kopecks, days, days, (price, a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        const rational = Money.of(moneyTextOfKopecks(price))
          .multiply(part)
          .divide(whole)
          .round('up');
        expect(moneyTextOfKopecks(proRataKopecks(price, part, whole))).toBe(rational.toString());
        expect(proRataPrice(Money.of(moneyTextOfKopecks(price)), part, whole).toString()).toBe(
          rational.toString(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('prices amounts finer than a kopeck as the rational price rounded up (proRataPrice)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), days, days, (units, a, b) => {
        const price = Money.of(units.toString()).divide(1000);
        const rational = price.multiply(a).divide(b);
        const ceiling = rational.isNegative() ? rational.round('down') : rational.round('up');
        expect(proRataPrice(price, a, b).toString()).toBe(ceiling.toString());
      }),
    );
  });

  it('splits as min(all, normative, available) and the rest, as splitPayment does', () => {
    const signed = fc.bigInt({ min: -(10n ** 8n), max: 10n ** 10n });
    fc.assert(
      fc.property(kopecks, kopecks, signed, (all, normative, available) => {
        const split = splitKopecks({ all, normative, available });
        let certificate = all < normative ? all : normative;
        const floor = available < 0n ? 0n : available;
        if (floor < certificate) certificate = floor;
        expect(split).toEqual({ certificate, family: all - certificate });
        const money = splitPayment({
          all: Money.of(moneyTextOfKopecks(all)),
          normative: Money.of(moneyTextOfKopecks(normative)),
          available: Money.of(moneyTextOfKopecks(available)),
        });
        expect([money.certificate.toString(), money.family.toString()]).toEqual([
          moneyTextOfKopecks(split.certificate),
          moneyTextOfKopecks(split.family),
        ]);
      }),
    );
  });

  it('previews from decimal text exactly as previewEnrolment does with Money', () => {
    const isoDay = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('budget' as const, 'paid' as const, 'funded' as const),
        kopecks,
        fc.option(kopecks, { nil: undefined }),
        fc.option(fc.bigInt({ min: -1000n, max: 10n ** 9n }), { nil: undefined }),
        isoDay,
        isoDay,
        isoDay,
        (fundingKind, price, normativeCost, available, x, y, today) => {
          const [start, end] = x <= y ? [x, y] : [y, x];
          const programme = programmeSchema.parse({
            id: 'p',
            name: 'П',
            providerId: 'cdt',
            fundingKind,
            direction: 'technical',
            ageFrom: 5,
            ageTo: 18,
            hours: 72,
            groupSize: { min: 1, max: 12 },
            modules: [
              {
                id: 'm',
                name: 'М',
                hours: 72,
                price: moneyTextOfKopecks(price),
                ...(normativeCost === undefined
                  ? {}
                  : { normativeCost: moneyTextOfKopecks(normativeCost) }),
                groups: [{ id: 'g', name: 'Г', start, end, capacity: 10 }],
              },
            ],
          });
          const availableText = available === undefined ? undefined : moneyTextOfKopecks(available);
          const money = previewEnrolment({
            programme,
            today,
            ...(availableText === undefined ? {} : { available: Money.of(availableText) }),
          });
          const text = previewEnrolmentText({
            programme: programmeViewOf(programme),
            today,
            available: availableText,
          });
          if (money === undefined) {
            expect(text).toBeUndefined();
            return;
          }
          expect(text).toEqual({
            ...money,
            fullPrice: money.fullPrice.toString(),
            all: money.all.toString(),
            normative: money.normative.toString(),
            certificate: money.certificate.toString(),
            family: money.family.toString(),
          });
          // The rational rule, independently of both.
          const share = (amount: bigint) =>
            Money.of(moneyTextOfKopecks(amount))
              .multiply(money.days)
              .divide(money.groupDays)
              .round('up');
          if (fundingKind !== 'budget') expect(text?.all).toBe(share(price).toString());
          expect(kopecksOf(text?.certificate ?? '0') + kopecksOf(text?.family ?? '0')).toBe(
            kopecksOf(text?.all ?? '0'),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('kopecksOf and moneyTextOfKopecks', () => {
  it('read and write decimal text, refusing what is not an amount', () => {
    expect(kopecksOf('1250.5')).toBe(125050n);
    expect(kopecksOf('-3')).toBe(-300n);
    expect(moneyTextOfKopecks(-5n)).toBe('-0.05');
    expect(moneyTextOfKopecks(386784n)).toBe('3867.84');
    expect(proRataKopecks(441800n, 239, 273)).toBe(386778n);
    for (const text of ['1.234', '', '1e3', ' 1']) {
      expect(() => kopecksOf(text)).toThrow(/Недопустимое значение \(сумма\).*Invalid amount/);
    }
    expect(() => proRataKopecks(100n, 1.5, 3)).toThrow(/целое число дней.*whole days/);
  });
});
