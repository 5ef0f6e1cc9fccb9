import { parseSchoolYear } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import { bookingTexts } from '../booking/booking.texts.js';
import { scheduleTexts } from '../schedule/schedule.texts.js';
import { siteDirectoryTexts } from '../site-directory/site-directory.texts.js';
import { slotPickerTexts } from '../slot-picker/slot-picker.texts.js';
import { en, ru, translations } from './index.js';
import { sharedTexts } from './shared.texts.js';

describe('translations', () => {
  it('ru and en have the same keys with the same kinds of value', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(typeof en[key], key).toBe(typeof ru[key]);
      if (typeof ru[key] === 'function') {
        expect((en[key] as (...args: never[]) => unknown).length, key).toBe(
          (ru[key] as (...args: never[]) => unknown).length,
        );
      }
    }
    expect(translations).toEqual({ ru, en });
    expect(ru.lang).toBe('ru');
    expect(en.lang).toBe('en');
  });

  it('booking and schedule texts have the same keys in ru and en', () => {
    for (const part of ['booking', 'schedule'] as const) {
      const ruPart = ru[part] as unknown as Record<string, unknown>;
      const enPart = en[part] as unknown as Record<string, unknown>;
      expect(Object.keys(enPart).sort(), part).toEqual(Object.keys(ruPart).sort());
      for (const [key, value] of Object.entries(ruPart)) {
        expect(typeof enPart[key], `${part}.${key}`).toBe(typeof value);
      }
    }
    expect(ru.booking.errorsFound(3)).toBe('Проверьте форму: 3 ошибки.');
    expect(slotPickerTexts.ru.seatsLeft(5)).toBe('осталось 5 мест');
  });

  it("is composed from the elements' own texts, each text in one place", () => {
    for (const lang of ['ru', 'en'] as const) {
      const t = translations[lang];
      expect(t.booking).toBe(bookingTexts[lang]);
      expect(t.schedule).toBe(scheduleTexts[lang]);
      expect(t).toEqual({
        lang,
        ...siteDirectoryTexts[lang],
        booking: bookingTexts[lang],
        schedule: scheduleTexts[lang],
      });
      for (const [key, value] of Object.entries(sharedTexts[lang])) {
        expect((siteDirectoryTexts[lang] as unknown as Record<string, unknown>)[key], key).toBe(
          value,
        );
      }
    }
    for (const texts of [sharedTexts, siteDirectoryTexts]) {
      expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.ru).sort());
    }
  });

  it('counts sites with correct Russian plurals (not «5 площадки»)', () => {
    const counts = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112];
    expect(counts.map((count) => ru.siteCount(count))).toEqual([
      '0 площадок',
      '1 площадка',
      '2 площадки',
      '3 площадки',
      '4 площадки',
      '5 площадок',
      '11 площадок',
      '12 площадок',
      '14 площадок',
      '21 площадка',
      '22 площадки',
      '25 площадок',
      '101 площадка',
      '111 площадок',
      '112 площадок',
    ]);
    expect(ru.sitesFound(1)).toBe('Найдена 1 площадка');
    expect(ru.sitesFound(21)).toBe('Найдена 21 площадка');
    expect(ru.sitesFound(3)).toBe('Найдено 3 площадки');
    expect(ru.sitesFound(5)).toBe('Найдено 5 площадок');
    expect([0, 1, 2].map((count) => en.siteCount(count))).toEqual(['0 sites', '1 site', '2 sites']);
  });

  it('writes age ranges in each language', () => {
    expect(ru.ageRange(0, 3)).toBe('от 0 до 3 лет');
    expect(ru.ageRange(0, 1)).toBe('от 0 до 1 года');
    expect(ru.ageRange(2, 7)).toBe('от 2 до 7 лет');
    expect(ru.ageRange(0, 21)).toBe('от 0 до 21 года');
    expect(ru.ageRange(0, 18)).toBe('от 0 до 18 лет');
    expect(ru.ageRange(1, 1)).toBe('1 год');
    expect(ru.ageRange(3, 3)).toBe('3 года');
    expect(ru.ageRange(5, 5)).toBe('5 лет');
    expect(en.ageRange(0, 3)).toBe('ages 0–3');
    expect(en.ageRange(4, 4)).toBe('age 4');
  });

  it('names school years', () => {
    const year = parseSchoolYear('2020-2021');
    expect(ru.schoolYear(year)).toBe('2020–2021 учебный год');
    expect(ru.noSitesInYear(year)).toBe('В 2020–2021 учебном году площадки не работают.');
    expect(en.schoolYear(year)).toBe('school year 2020–2021');
  });
});
