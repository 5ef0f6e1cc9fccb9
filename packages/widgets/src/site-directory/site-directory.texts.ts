import { formatSchoolYear, pluralRu, type Lang, type SchoolYear } from '@eduset/core';
import { sharedTexts, type SharedTexts } from '../translations/shared.texts.js';

/**
 * Texts of `<eduset-site-directory>`, in one language: its own words plus the shared ones
 * (`SharedTexts`: age, service, retry, age range). They live beside the element, so it
 * does not bundle the schedule's and the booking's texts.
 *
 * @example
 * ```ts
 * import { siteDirectoryTexts, type SiteDirectoryTexts } from '@eduset/widgets';
 * const texts: SiteDirectoryTexts = siteDirectoryTexts.ru;
 * texts.siteCount(5); // '5 площадок'
 * ```
 */
export interface SiteDirectoryTexts extends SharedTexts {
  /** Accessible name of the filter form. */
  readonly filters: string;
  /** Hint under the age input. */
  readonly childAgeHint: string;
  /** Button that clears the filters. */
  readonly resetFilters: string;
  /** Shown while the data loads. */
  readonly loading: string;
  /** Title of the error message. */
  readonly loadFailed: string;
  /** A count of sites with its noun: «3 площадки», "3 sites". */
  readonly siteCount: (count: number) => string;
  /** The live summary after filtering: «Найдено 5 площадок», "5 sites found". */
  readonly sitesFound: (count: number) => string;
  /** The school year the directory shows. */
  readonly schoolYear: (year: SchoolYear) => string;
  /** Shown when filters leave no site. */
  readonly noSitesMatch: string;
  /** Shown when the network has no site active in the year. */
  readonly noSitesInYear: (year: SchoolYear) => string;
  /** Term for the organization hosting a site. */
  readonly hostOrganization: string;
  /** Term for a site's address. */
  readonly address: string;
  /** Term for a site's phone. */
  readonly phone: string;
  /** Term for the services of a site. */
  readonly services: string;
  /** Term for the children's ages a site serves. */
  readonly ages: string;
}

const siteCountRu = (count: number): string =>
  `${count} ${pluralRu(count, { one: 'площадка', few: 'площадки', many: 'площадок' })}`;

const ruTexts: SiteDirectoryTexts = {
  ...sharedTexts.ru,
  filters: 'Подбор площадки',
  childAgeHint: 'Оставьте пустым, чтобы увидеть площадки для всех возрастов',
  resetFilters: 'Сбросить фильтры',
  loading: 'Загружаем список площадок…',
  loadFailed: 'Не удалось загрузить список площадок',
  siteCount: siteCountRu,
  sitesFound: (count) =>
    `${pluralRu(count, { one: 'Найдена', few: 'Найдено', many: 'Найдено' })} ${siteCountRu(count)}`,
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
};

const englishPlurals = new Intl.PluralRules('en');
const siteCountEn = (count: number): string =>
  `${count} ${englishPlurals.select(count) === 'one' ? 'site' : 'sites'}`;

const enTexts: SiteDirectoryTexts = {
  ...sharedTexts.en,
  filters: 'Find a site',
  childAgeHint: 'Leave empty to see sites for all ages',
  resetFilters: 'Clear filters',
  loading: 'Loading the list of sites…',
  loadFailed: 'Could not load the list of sites',
  siteCount: siteCountEn,
  sitesFound: (count) => `${siteCountEn(count)} found`,
  schoolYear: (year) => formatSchoolYear(year, 'long', 'en'),
  noSitesMatch:
    'No sites match the chosen filters. Change the age or the service, or clear the filters.',
  noSitesInYear: (year) => `No sites are open in the ${formatSchoolYear(year, 'long', 'en')}.`,
  hostOrganization: 'Organization',
  address: 'Address',
  phone: 'Phone',
  services: 'Services',
  ages: "Children's ages",
};

/**
 * Russian and English texts of `<eduset-site-directory>` (the same keys in both; a test checks
 * it).
 *
 * @example
 * ```ts
 * import { siteDirectoryTexts } from '@eduset/widgets';
 * siteDirectoryTexts.en.sitesFound(1); // '1 site found'
 * ```
 */
export const siteDirectoryTexts: Readonly<Record<Lang, SiteDirectoryTexts>> = {
  ru: ruTexts,
  en: enTexts,
};
