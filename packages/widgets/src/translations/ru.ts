import { formatSchoolYear, pluralRu } from '@eduset/core';
import type { Translation } from './translation.js';

const years = (count: number): string =>
  `${count} ${pluralRu(count, { one: 'год', few: 'года', many: 'лет' })}`;

/**
 * Russian texts of the widgets (the default language).
 *
 * @example
 * ```ts
 * import { ru } from '@eduset/widgets';
 * ru.siteCount(22); // '22 площадки'
 * ru.ageRange(0, 3); // 'от 0 до 3 лет'
 * ```
 */
export const ru: Translation = {
  lang: 'ru',
  filters: 'Подбор площадки',
  childAge: 'Возраст ребёнка, полных лет',
  childAgeHint: 'Оставьте пустым, чтобы увидеть площадки для всех возрастов',
  service: 'Услуга',
  anyService: 'Любая услуга',
  resetFilters: 'Сбросить фильтры',
  loading: 'Загружаем список площадок…',
  loadFailed: 'Не удалось загрузить список площадок',
  retry: 'Повторить',
  siteCount: (count) =>
    `${count} ${pluralRu(count, { one: 'площадка', few: 'площадки', many: 'площадок' })}`,
  sitesFound: (count) =>
    `${pluralRu(count, { one: 'Найдена', few: 'Найдено', many: 'Найдено' })} ${ru.siteCount(count)}`,
  schoolYear: (year) => formatSchoolYear(year, 'long', 'ru'),
  noSitesMatch:
    'Нет площадок, подходящих под выбранные условия. Измените возраст или услугу либо сбросьте фильтры.',
  noSitesInYear: (year) =>
    `В ${formatSchoolYear(year, 'long', 'ru').replace('учебный год', 'учебном году')} площадки не работают.`,
  hostOrganization: 'Организация',
  address: 'Адрес',
  phone: 'Телефон',
  services: 'Услуги',
  ages: 'Возраст детей',
  ageRange: (from, to) =>
    from === to
      ? years(from)
      : `от ${from} до ${to} ${pluralRu(to, { one: 'года', few: 'лет', many: 'лет' })}`,
};
