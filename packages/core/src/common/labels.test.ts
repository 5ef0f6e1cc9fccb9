import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localize, localizedTextSchema, pluralRu, type RussianPluralForms } from './labels.js';

const sites: RussianPluralForms = { one: 'площадка', few: 'площадки', many: 'площадок' };

describe('pluralRu', () => {
  it.each([
    [1, 'площадка'],
    [2, 'площадки'],
    [5, 'площадок'],
    [11, 'площадок'],
    [21, 'площадка'],
    [22, 'площадки'],
    [25, 'площадок'],
    [111, 'площадок'],
    [0, 'площадок'],
    [4, 'площадки'],
    [12, 'площадок'],
    [14, 'площадок'],
    [101, 'площадка'],
    [112, 'площадок'],
    [1001, 'площадка'],
  ])('%i %s', (count, expected) => {
    expect(pluralRu(count, sites)).toBe(expected);
  });

  it('follows the Russian rule by the last two digits for every whole number (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (count) => {
        const lastTwo = count % 100;
        const last = count % 10;
        const expected =
          lastTwo >= 11 && lastTwo <= 14
            ? sites.many
            : last === 1
              ? sites.one
              : last >= 2 && last <= 4
                ? sites.few
                : sites.many;
        expect(pluralRu(count, sites)).toBe(expected);
      }),
    );
  });
});

describe('localize and localizedTextSchema', () => {
  it('picks the language', () => {
    const text = { ru: 'Да', en: 'Yes' };
    expect(localize(text, 'ru')).toBe('Да');
    expect(localize(text, 'en')).toBe('Yes');
  });

  it('requires both languages, non-empty', () => {
    expect(localizedTextSchema.safeParse({ ru: 'Лекотека', en: 'Lekoteka' }).success).toBe(true);
    expect(localizedTextSchema.safeParse({ ru: 'Лекотека' }).success).toBe(false);
    expect(localizedTextSchema.safeParse({ ru: '', en: 'Lekoteka' }).success).toBe(false);
  });
});
