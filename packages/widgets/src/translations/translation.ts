import type { Lang, SchoolYear } from '@eduset/core';

/**
 * Every user-facing text of the widgets in one language. Terms that depend on a number or a
 * name are functions, so each language can build its own grammar (Russian plural forms,
 * cases) instead of gluing fragments together.
 *
 * @example
 * ```ts
 * import { translations, type Translation } from '@eduset/widgets';
 * const t: Translation = translations.ru;
 * t.siteCount(5); // '5 площадок'
 * ```
 */
export interface Translation {
  /** The language these texts are in. */
  readonly lang: Lang;
  /** Accessible name of the filter form. */
  readonly filters: string;
  /** Label of the child's age input. */
  readonly childAge: string;
  /** Hint under the age input. */
  readonly childAgeHint: string;
  /** Label of the service select. */
  readonly service: string;
  /** The service select's "no filter" option. */
  readonly anyService: string;
  /** Button that clears the filters. */
  readonly resetFilters: string;
  /** Shown while the data loads. */
  readonly loading: string;
  /** Title of the error message. */
  readonly loadFailed: string;
  /** Button that loads the data again after an error. */
  readonly retry: string;
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
  /** An age range in whole years, inclusive: «от 0 до 3 лет», "ages 0–3". */
  readonly ageRange: (from: number, to: number) => string;
}
