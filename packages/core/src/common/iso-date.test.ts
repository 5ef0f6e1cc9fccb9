import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { isIsoDate, isoDate, isoDateSchema } from './iso-date.js';
import { parse } from './parse.js';

describe('isIsoDate', () => {
  it('accepts real calendar days, leap days included', () => {
    for (const value of [
      '2020-09-01',
      '2020-02-29',
      '2000-02-29',
      '2021-12-31',
      '2021-04-30',
      '0001-01-01',
    ]) {
      expect(isIsoDate(value)).toBe(true);
    }
  });

  it('rejects impossible days and anything that is not exactly YYYY-MM-DD', () => {
    for (const value of [
      '2021-02-29',
      '1900-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-01-00',
      '2021-4-01',
      '2021-04-01T00:00',
      '2021-04-01Z',
      ' 2021-04-01',
      '01.04.2021',
      '',
    ]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('agrees with the proleptic Gregorian calendar for every day (property, UTC only)', () => {
    const day = 24 * 60 * 60 * 1000;
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (offset) => {
        const text = new Date(offset * day).toISOString().slice(0, 10);
        expect(isIsoDate(text)).toBe(true);
      }),
    );
  });
});

describe('isoDate and isoDateSchema', () => {
  it('brands a valid date and throws a two-language RangeError for an invalid one', () => {
    expect(isoDate('2021-05-31')).toBe('2021-05-31');
    expect(() => isoDate('2021-02-30')).toThrow(RangeError);
    expect(() => isoDate('2021-02-30')).toThrow(
      'Неверная дата «2021-02-30» / Invalid date "2021-02-30"',
    );
  });

  it('the schema reports an invalid date with its own Russian and English text', () => {
    expect(parse(isoDateSchema, '2020-09-01')).toBe('2020-09-01');
    try {
      parse(isoDateSchema, '2020-09-31');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        {
          path: [],
          code: 'custom',
          message: {
            ru: 'Ожидается дата в формате ГГГГ-ММ-ДД',
            en: 'Expected a date as YYYY-MM-DD',
          },
        },
      ]);
    }
  });
});

describe('isoDateSchema bounds', () => {
  it('refuses years outside 1900–2200 with a bilingual message', () => {
    for (const value of ['0000-01-01', '1899-12-31', '2201-01-01', '9999-12-31']) {
      const result = isoDateSchema.safeParse(value);
      expect(result.success).toBe(false);
    }
    expect(isoDateSchema.safeParse('1900-01-01').success).toBe(true);
    expect(isoDateSchema.safeParse('2200-12-31').success).toBe(true);
    let message: { ru: string; en: string } | undefined;
    try {
      parse(isoDateSchema, '9999-01-01');
    } catch (error) {
      if (error instanceof ValidationError) message = error.issues[0]?.message;
    }
    expect(message?.ru).toContain('1900');
    expect(message?.en).toContain('2200');
  });
});
