import { formatSchoolYear } from '@eduset/core';
import type { Translation } from './translation.js';

const englishPlurals = new Intl.PluralRules('en');

/**
 * English texts of the widgets (used with `lang="en"`).
 *
 * @example
 * ```ts
 * import { en } from '@eduset/widgets';
 * en.siteCount(1); // '1 site'
 * en.ageRange(0, 3); // 'ages 0–3'
 * ```
 */
export const en: Translation = {
  lang: 'en',
  filters: 'Find a site',
  childAge: "Child's age, full years",
  childAgeHint: 'Leave empty to see sites for all ages',
  service: 'Service',
  anyService: 'Any service',
  resetFilters: 'Clear filters',
  loading: 'Loading the list of sites…',
  loadFailed: 'Could not load the list of sites',
  retry: 'Try again',
  siteCount: (count) => `${count} ${englishPlurals.select(count) === 'one' ? 'site' : 'sites'}`,
  sitesFound: (count) => `${en.siteCount(count)} found`,
  schoolYear: (year) => formatSchoolYear(year, 'long', 'en'),
  noSitesMatch:
    'No sites match the chosen filters. Change the age or the service, or clear the filters.',
  noSitesInYear: (year) => `No sites are open in the ${formatSchoolYear(year, 'long', 'en')}.`,
  hostOrganization: 'Organization',
  address: 'Address',
  phone: 'Phone',
  services: 'Services',
  ages: "Children's ages",
  ageRange: (from, to) => (from === to ? `age ${from}` : `ages ${from}–${to}`),
};
